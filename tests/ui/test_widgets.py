"""after_first_paint: the deferred work runs two turns after the show, and goes with its widget."""

from PySide6.QtWidgets import QWidget

from sfs_desktop.ui.widgets import after_first_paint


def test_deferred_work_runs_once_and_is_dropped_with_its_widget(qtbot):
    calls = []
    kept, closed = QWidget(), QWidget()
    qtbot.addWidget(kept)
    for w in (kept, closed):
        w.show()
    after_first_paint(kept, lambda: calls.append("kept"))
    after_first_paint(closed, lambda: calls.append("closed"))
    closed.deleteLater()
    qtbot.wait(100)
    assert calls == ["kept"]

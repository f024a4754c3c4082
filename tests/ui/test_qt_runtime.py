"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 dropped one reference to None on
every void call, and a day of use (or this suite) then died at exit. pyproject.toml excludes it."""

import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget


class _Filter(QObject):
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt naming
        return False


def test_void_calls_and_bool_overrides_keep_reference_counts(qtbot):
    app = QApplication.instance()
    watcher = _Filter()
    app.installEventFilter(watcher)
    widget = QWidget()
    qtbot.addWidget(widget)
    none_before, false_before = sys.getrefcount(None), sys.getrefcount(False)
    try:
        for _ in range(2000):
            QCoreApplication.postEvent(widget, QEvent(QEvent.Type.User))
            app.processEvents()
    finally:
        app.removeEventFilter(watcher)
    assert sys.getrefcount(None) >= none_before - 50
    assert sys.getrefcount(False) >= false_before - 50

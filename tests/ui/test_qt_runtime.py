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


def test_no_widget_is_asked_for_its_screen():
    """PySide makes the QScreen first wrapped through a widget's `screen()` a child of that widget, and
    a widget freed by the collector then freed the application's only screen: every later window
    crashed (the stress test's crash). The program and the tests ask the application instead
    (`page_parts.available_height`)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    here = Path(__file__).resolve()
    hits = [f"{p.relative_to(root)}:{i}" for top in ("sfs_desktop", "tests", "benchmarks", "packaging")
            for p in sorted((root / top).rglob("*.py")) if p != here
            for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if ".screen()" in line]
    assert hits == []

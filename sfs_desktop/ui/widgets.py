"""Small widget helpers with no database imports, so the login dialog can show before the database layer loads."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget


def error_label(parent: QWidget, name: str = "message") -> QLabel:
    """The red line under a dialog that says, in Chinese, why something was refused."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    return label


def after_first_paint(widget: QWidget, fn: Callable[[], None]) -> None:
    """Run `fn` two turns of the event loop from now, called from `widget`'s showEvent.

    Showing a window queues its paint; the first turn lets that paint (and whatever else was
    queued with the show, such as --smoke's "ready") go first, the second runs `fn`. Work that
    may follow the first paint (charts, table-wide counts) so no longer holds up the window.

    The timer is the widget's child, so a widget closed before then takes its pending shot with
    it. (PySide's singleShot with a context object left the shot pending on a deleted receiver:
    Qt crashed in a later event loop, seen as a segfault in the test after a window closed.)"""
    timer = QTimer(widget)  # a child: it goes with the widget, pending shot and all
    timer.setSingleShot(True)
    turns = []

    def tick() -> None:
        if not turns:  # the first turn: the paint queued with the show goes first
            turns.append(1)
            timer.start(0)
            return
        timer.deleteLater()
        fn()
    timer.timeout.connect(tick)
    timer.start(0)

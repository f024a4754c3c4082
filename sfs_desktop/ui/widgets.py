"""Small widget helpers with no database imports, so the login dialog can show before the database layer loads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QObject, QTimer
from PySide6.QtWidgets import QDateEdit, QLabel, QWidget


def error_label(parent: QWidget, name: str = "message") -> QLabel:
    """The red line under a dialog that says, in Chinese, why something was refused."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    return label


def date_edit(value: date | None = None, *, optional: bool = False) -> QDateEdit:
    """A date picker for a step's dialog (today unless given); `optional`: may be left （无）."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if optional:
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setSpecialValueText("（无）")
    edit.setDate(QDate(value) if value else (edit.minimumDate() if optional else QDate.currentDate()))
    return edit


def date_of(edit: QDateEdit) -> date | None:
    """The picked date, or None for an optional picker left at （无）."""
    return None if edit.specialValueText() and edit.date() == edit.minimumDate() else edit.date().toPython()


def after_first_paint(widget: QWidget, fn: Callable[[], None]) -> None:
    """Run `fn` two turns of the event loop from now, called from `widget`'s showEvent.

    Showing a window queues its paint; the first turn lets that paint (and whatever else was
    queued with the show, such as --smoke's "ready") go first, the second runs `fn`. Work that
    may follow the first paint (charts, table-wide counts) so no longer holds up the window.

    The timer is the widget's child, so a widget closed before then takes its pending shot with
    it. (PySide's singleShot with a context object left the shot pending on a deleted receiver:
    Qt crashed in a later event loop, seen as a segfault in the test after a window closed.)"""
    _FirstPaint(widget, fn)


class _FirstPaint(QObject):
    """The two turns of `after_first_paint`: a child of the widget whose own (bound) slot the timer
    calls, so Qt disconnects it with the widget; no free-standing Python callable is connected."""

    def __init__(self, widget: QWidget, fn: Callable[[], None]):
        super().__init__(widget)
        self._fn = fn
        self._turns = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)
        self._timer.start(0)

    def _tick(self) -> None:
        if self._turns == 0:  # the first turn: the paint queued with the show goes first
            self._turns = 1
            self._timer.start(0)
            return
        fn, self._fn = self._fn, None
        self.deleteLater()
        if fn is not None:
            fn()

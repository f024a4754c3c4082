"""Small widget helpers with no database imports, so the login dialog can show before the database layer loads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QDateEdit, QLabel, QLayout, QWidget


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


class FlowLayout(QLayout):
    """Widgets left to right, wrapping onto the next line when the row is full (a timeline's
    filter chips: sixteen kinds must not force the window wider than the screen)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        gap = self.spacing()
        for item in self._items:
            if item.widget() is not None and not item.widget().isVisibleTo(self.parentWidget()):
                continue
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line = max(line, hint.height())
        return y + line - rect.y()

"""The editor of a Widget.CODE_LIST field: a short scrollable list of check boxes, one per code.

The reviewer ticks what applies (issue 18: the materials handed in, a 村规民约's unlawful clauses)
instead of typing "01,03"; the value read and written is still the stored string, so core
validates and stores it like any other field. Tab reaches each box and Space ticks it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QScrollArea, QVBoxLayout, QWidget

from sfs_desktop.core.fields import join_codes, split_codes

VISIBLE_ROWS = 6  # taller lists scroll, so one checklist does not push the rest of the form away


class CodeChecklist(QScrollArea):
    """Check boxes over `choices` [(code, name)] in code order; `value()` is "01,03" ("" when none)."""

    toggled = Signal()

    def __init__(self, choices: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes straight to the boxes; the area follows focus
        inner = QWidget(self)
        self._layout = QVBoxLayout(inner)
        self._layout.setContentsMargins(6, 4, 6, 4)
        self._layout.setSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        for code, name in sorted(choices):
            self._add(code, name)
        self._layout.addStretch(1)
        self.setWidget(inner)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # as wide as its longest name
        self.setMinimumWidth(inner.sizeHint().width() + self.verticalScrollBar().sizeHint().width() + 4)
        rows = min(max(len(self.boxes), 1), VISIBLE_ROWS)
        row_height = next(iter(self.boxes.values())).sizeHint().height() if self.boxes else 20
        self.setFixedHeight(rows * (row_height + 2) + 12)

    def _add(self, code: str, name: str) -> QCheckBox:
        box = QCheckBox(name, self.widget() or self)
        box.setObjectName(f"code_{code}")
        box.toggled.connect(lambda _on: self.toggled.emit())
        self._layout.insertWidget(len(self.boxes), box)
        self.boxes[code] = box
        return box

    def value(self) -> str:
        """The ticked codes as stored; "" (not None) when none is ticked, so clearing them all is a change."""
        return join_codes(code for code, box in self.boxes.items() if box.isChecked()) or ""

    def set_value(self, value: object) -> None:
        ticked = set(split_codes(value))
        for code in ticked - set(self.boxes):  # a code retired from the table stays on an old record
            self._add(code, self.tr("{0}（已停用）").format(code))
        for code, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(code in ticked)
            box.blockSignals(False)

"""A ledger's filter bar, generated from the model's field declarations.

Every page gets the same filters without writing them: a date range (from/to, "不限" at either
end) over the model's date columns and a combo per code-table column (names from the code table,
short reference lists such as 村（社区） too). Sensitive (S2/S3) fields never get a filter: choosing
values of a hidden field would reveal it through the row count. The bar turns its state into a
`core.ledger.LedgerQuery`; an invalid state (from after to) is shown in Chinese and not applied.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from sfs_desktop.core.fields import FieldSpec, Sensitivity, Widget, specs
from sfs_desktop.core.ledger import LedgerQuery

UNBOUNDED = QDate(1900, 1, 1)  # the minimum date stands for "不限"

Choices = Callable[[str], list[tuple[str, str]]]
"""kind → [(code, name)]; "ref:<table>" for reference lists — the same source RecordForm takes."""


def date_fields(model: Any) -> list[FieldSpec]:
    return [s for s in specs(model) if s.widget == Widget.DATE and s.list_column and s.sensitivity < Sensitivity.S2]


def code_fields(model: Any, readable: Sequence[str] = ()) -> list[FieldSpec]:
    """List columns chosen from a code table or a short reference list, never sensitive ones
    unless named in `readable`: the code columns of an S3 ledger the page shows only to accounts
    that may read them (社区矫正's 状态 and 管理等级), whose names the ledger shows anyway."""
    return [s for s in specs(model) if s.list_column and (s.sensitivity < Sensitivity.S2 or s.name in readable)
            and ((s.widget == Widget.CODE and s.code_table) or (s.widget == Widget.REF and s.ref))]


class LedgerFilterBar(QWidget):
    """Date range and code combos for one model; `changed` fires only for a valid state."""

    changed = Signal()

    def __init__(self, model: Any, choices: Choices, parent: QWidget | None = None, *,
                 fields: Sequence[str] | None = None, readable: Sequence[str] = ()):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.dates = date_fields(model)
        self.date_choice: QComboBox | None = None
        self.date_from = self.date_to = None
        if self.dates:
            if len(self.dates) > 1:
                self.date_choice = QComboBox(self)
                self.date_choice.setObjectName("date_field")
                for s in self.dates:
                    self.date_choice.addItem(s.label, s.name)
                self.date_choice.currentIndexChanged.connect(self._changed)
                layout.addWidget(self.date_choice)
            else:
                layout.addWidget(QLabel(self.dates[0].label, self))
            self.date_from = self._date_edit("date_from")
            self.date_to = self._date_edit("date_to")
            layout.addWidget(self.date_from)
            layout.addWidget(QLabel(self.tr("至"), self))
            layout.addWidget(self.date_to)
        self.combos: dict[str, QComboBox] = {}
        for s in code_fields(model, readable):
            if fields is not None and s.name not in fields:
                continue
            options = choices(f"ref:{s.ref}" if s.widget == Widget.REF else s.code_table)
            if not options:
                continue
            combo = QComboBox(self)
            combo.setObjectName(f"filter_{s.name}")
            combo.setToolTip(s.label)
            combo.addItem(self.tr("{0}：全部").format(s.label), None)
            for code, name in options:
                combo.addItem(name, code)
            combo.currentIndexChanged.connect(self._changed)
            layout.addWidget(combo)
            self.combos[s.name] = combo
        clear = QPushButton(self.tr("清除筛选"), self)
        clear.setObjectName("clear_filters")
        clear.clicked.connect(self.clear)
        layout.addWidget(clear)
        self.message = QLabel(self)
        self.message.setObjectName("filter_message")
        self.message.setStyleSheet("color: #c0392b")
        layout.addWidget(self.message, 1)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(UNBOUNDED)
        edit.setSpecialValueText(self.tr("不限"))
        edit.setDate(UNBOUNDED)
        edit.dateChanged.connect(self._changed)
        return edit

    @staticmethod
    def _bound(edit: QDateEdit | None) -> date | None:
        if edit is None or edit.date() == UNBOUNDED:
            return None
        return edit.date().toPython()

    def error(self) -> str | None:
        start, end = self._bound(self.date_from), self._bound(self.date_to)
        if start and end and start > end:
            return self.tr("起始日期 {0} 晚于截止日期 {1}，请改正后再筛选。").format(start, end)
        return None

    def query(self, base: LedgerQuery | None = None) -> LedgerQuery:
        """`base` (its sort, text and other filters) with this bar's choices put in."""
        base = base or LedgerQuery()
        equals = {k: v for k, v in base.equals.items() if k not in self.combos}
        equals.update({name: c.currentData() for name, c in self.combos.items() if c.currentData() is not None})
        q = replace(base, equals=equals)
        if not self.dates:
            return q
        field = self.date_choice.currentData() if self.date_choice else self.dates[0].name
        start, end = self._bound(self.date_from), self._bound(self.date_to)
        if start or end:
            return replace(q, date_field=field, date_from=start, date_to=end)
        return replace(q, date_field=None, date_from=None, date_to=None)

    def clear(self) -> None:
        for w in [*self.combos.values(), self.date_choice]:
            if w is not None:
                w.blockSignals(True)
                w.setCurrentIndex(0)
                w.blockSignals(False)
        for edit in (self.date_from, self.date_to):
            if edit is not None:
                edit.blockSignals(True)
                edit.setDate(UNBOUNDED)
                edit.blockSignals(False)
        self._changed()

    def _changed(self) -> None:
        problem = self.error()
        self.message.setText(problem or "")
        if problem is None:
            self.changed.emit()

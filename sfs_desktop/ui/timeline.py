"""A record's timeline on screen: its dated events by month, newest first, filter chips with the
count of each kind, and a quick-entry bar for the kinds staff enter most.

What it shows comes from ``core.timeline`` (the duty's declared sources, read off the UI thread);
a quick entry opens a form built from the model's field declarations (``ui.forms`` through
``page_parts.RecordDialog``) and saves through ``core.timeline.add`` on the writer. Keyboard: the
quick entries answer Ctrl+1, Ctrl+2 …; the chips and the list are reached with Tab, the list is
walked with the arrow keys.
"""

from __future__ import annotations

from datetime import date
from itertools import groupby

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QButtonGroup, QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from sfs_desktop.core import timeline
from sfs_desktop.core.duties import resolve
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.core.workspace import record_view, spec as workspace_spec
from sfs_desktop.ui.ops import TaskOp
from sfs_desktop.ui.page_parts import RecordDialog, open_dialog, write
from sfs_desktop.ui.widgets import FlowLayout

ALL = ""  # the chip that shows every kind


def open_record(owner: QWidget, app: AppSession, table: str, record_id: str, then) -> None:
    """Before the first read of a record: one whose every view is audited (S3) has the view
    recorded on the writer first (``core.workspace.record_view``), then `then()` reads it; a
    refusal is shown in the rule's words and nothing is read. Later reads record nothing."""
    if workspace_spec(table).audited:
        write(owner, app, record_view, app.principal, table, record_id, on_done=lambda _recorded: then(),
              title=owner.tr("不能查看"))
    else:
        then()


class TimelineView(QWidget):
    saved = Signal()
    """A quick entry was saved (its owner reads the record again; standalone, the view does)."""

    def __init__(self, app: AppSession, table: str, record_id: str, parent: QWidget | None = None, *,
                 standalone: bool = True):
        super().__init__(parent)
        self.app, self.table, self.record_id = app, table, record_id
        self.spec = workspace_spec(table).timeline
        self.reading: timeline.Reading | None = None
        self.kind = ALL
        layout = QVBoxLayout(self)

        quick = QHBoxLayout()
        quick.addWidget(QLabel(self.tr("快速登记："), self))
        self.quick_buttons: dict[str, QPushButton] = {}
        may_write = app.principal.can("record.write")
        for n, entry in enumerate(self.spec.quick, 1):
            b = QPushButton(f"{entry.label}（Ctrl+{n}）" if n < 10 else entry.label, self)
            b.setObjectName(f"quick_{entry.key}")
            if n < 10:
                b.setShortcut(QKeySequence(f"Ctrl+{n}"))
            b.setEnabled(may_write)
            b.setToolTip(self.tr("填写后保存，即记入时间线") if may_write else self.tr("当前账户只能查看"))
            b.clicked.connect(lambda _checked=False, key=entry.key: self.quick_entry(key))
            quick.addWidget(b)
            self.quick_buttons[entry.key] = b
        quick.addStretch(1)
        self.quick_bar = quick
        layout.addLayout(quick)

        chips = FlowLayout()
        self.chip_group = QButtonGroup(self)
        self.chip_group.setExclusive(True)
        self.chips: dict[str, QPushButton] = {}
        for key in [ALL, *(k.key for k in self.spec.kinds)]:
            chip = QPushButton(self)
            chip.setObjectName(f"chip_{key or 'all'}")
            chip.setCheckable(True)
            chip.setStyleSheet("QPushButton { border: 1px solid #9aa5b1; border-radius: 10px; padding: 2px 10px; }"
                               "QPushButton:checked { background: #1f5fa8; color: white; border-color: #1f5fa8; }")
            self.chip_group.addButton(chip)
            chips.addWidget(chip)
            self.chips[key] = chip
        self.chips[ALL].setChecked(True)
        for key, chip in self.chips.items():
            chip.toggled.connect(lambda on, key=key: on and self.set_filter(key))
        layout.addLayout(chips)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("events")
        self.tree.setHeaderLabels([self.tr("日期"), self.tr("类别"), self.tr("事项"), self.tr("经办人"), self.tr("说明")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        layout.addWidget(self.tree, 1)
        self.empty = QLabel(self.tr("还没有记录。"), self)
        self.empty.setObjectName("empty")
        self.empty.hide()
        layout.addWidget(self.empty)
        self._label_chips()
        if standalone:
            self.saved.connect(self.refresh)
            open_record(self, app, table, record_id, self.refresh)

    def add_action(self, name: str, text: str, on_click) -> QPushButton:
        """A button at the end of the quick bar acting on the chosen event (print its record …)."""
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.clicked.connect(lambda _checked=False: on_click())
        self.quick_bar.addWidget(b)
        return b

    def selected(self) -> tuple[str | None, str | None] | None:
        """(table, row id) of the chosen event; None when none (or a month's heading) is chosen."""
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    # --- reading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.op = (TaskOp(self, self.app, timeline.load, self.app.db, self.app.principal, self.table, self.record_id)
                   .refused(self.tr("不能查看")).success(self.show_reading).run())

    def show_reading(self, reading: timeline.Reading) -> None:
        """Show what was read (the owner's read, or this view's own)."""
        self.reading = reading
        self._label_chips()
        self._fill()

    def _label_chips(self) -> None:
        counts = self.reading.counts if self.reading else {}
        total = len(self.reading.events) if self.reading else 0
        self.chips[ALL].setText(f"{self.tr('全部')} {total}")
        for k in self.spec.kinds:
            self.chips[k.key].setText(f"{k.label} {counts.get(k.key, 0)}")

    def set_filter(self, kind: str) -> None:
        """Show one kind (ALL: every kind); the events are already read, nothing is asked again."""
        self.kind = kind
        if not self.chips[kind].isChecked():
            self.chips[kind].setChecked(True)
        self._fill()

    def shown(self) -> list[timeline.Event]:
        events = self.reading.events if self.reading else []
        return [e for e in events if self.kind in (ALL, e.kind)]

    def _fill(self) -> None:
        self.tree.clear()
        events = self.shown()
        for (year, month), group in groupby(events, key=lambda e: (e.day.year, e.day.month)):
            group = list(group)
            head = QTreeWidgetItem([self.tr("%1年%2月").replace("%1", str(year)).replace("%2", str(month)), "",
                                    self.tr("%1 项").replace("%1", str(len(group)))])
            font = head.font(0)
            font.setBold(True)
            for c in range(3):
                head.setFont(c, font)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(head)
            for e in group:
                item = QTreeWidgetItem([f"{e.day:%Y-%m-%d}", e.label, e.title, e.who, e.detail])
                item.setData(0, Qt.ItemDataRole.UserRole, (e.table, e.row_id))
                if e.detail:
                    item.setToolTip(2, e.detail)
                    item.setToolTip(4, e.detail)
                head.addChild(item)
            head.setExpanded(True)
        for c in (0, 1, 2, 3):
            self.tree.resizeColumnToContents(c)
        self.empty.setVisible(not events)
        if events:
            first = self.tree.topLevelItem(0).child(0)
            self.tree.setCurrentItem(first)

    # --- quick entry -----------------------------------------------------------------------------
    def quick_entry(self, key: str) -> bool:
        """The entry's form (fields from the model's declarations, its date today); saved through
        core, which checks every value and the duty's rule; True when it was saved."""
        entry = self.spec.entry(key)
        model = resolve(entry.model)
        values = timeline.starting_values(entry, date.today())
        start = model(**values) if values else None
        dialog = RecordDialog(self.app, model, entry.label, timeline.add,
                              args=(self.app.principal, self.table, self.record_id, key),
                              only=list(entry.only) if entry.only else None, record=start, parent=self)
        dialog.setObjectName(f"quick_dialog_{key}")
        if open_dialog(self, dialog):
            self.saved.emit()
            return True
        return False

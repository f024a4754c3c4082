"""The county's 安置帮教 tabs: 释放通知衔接 (each notice handed over, by station: not yet signed
for, waiting, 衔接 done on a date, late) and 预释放名单核查 (each month's list by station: found, not
found with the steps taken, whether the F-R8 report arrived). Read in core (core/resettlement/county.py),
which refuses at a station; late rows in red."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QSplitter, QTableWidget, QVBoxLayout, QWidget

from sfs_desktop.core.resettlement import county
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.ops import TaskOp
from sfs_desktop.ui.page_parts import buttons, fill_table
from sfs_desktop.ui.record_workspace import ALERT


def _notices(db, who, today: date) -> list[county.Notice]:
    with db.read() as s:
        return county.notices(s, who, today)


def _lists(db, who) -> list[county.StationMonth]:
    with db.read() as s:
        return county.prerelease(s, who)


def _redden(table: QTableWidget, row: int) -> None:
    for c in range(table.columnCount()):
        table.item(row, c).setForeground(QBrush(QColor(ALERT)))


class _CountyTab(QWidget):
    """A note, the tables, 刷新; the rows come from core off the UI thread."""

    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        note = QLabel(self.note(), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.build(layout)
        bar, self.buttons = buttons(self, [("refresh", "刷新", self.refresh)])
        layout.addLayout(bar)
        self.refresh()

    def data_changed(self, tables: frozenset[str]) -> None:
        if any(t.startswith(("released_person", "rp_")) for t in tables) or "sync_peer" in tables:
            self.refresh()


class NoticesTab(_CountyTab):
    def note(self) -> str:
        return self.tr("县司法局交办给各所的刑满释放人员通知书及衔接情况：该所是否已签收、是否已衔接及衔接日期；"
                       "超过衔接期限（县局限期，未限期的为释放后报到期限）未衔接或逾期衔接的以红色显示。")

    def build(self, layout: QVBoxLayout) -> None:
        self.table = QTableWidget(self)
        self.table.setObjectName("notices")
        layout.addWidget(self.table, 1)
        self.rows: list[county.Notice] = []

    def refresh(self) -> TaskOp:
        self.op = TaskOp(self, self.app, _notices, self.app.db, self.app.principal, date.today()).success(
            self._show).run()
        return self.op

    def _show(self, rows: list[county.Notice]) -> None:
        self.rows = rows
        fill_table(self.table, [self.tr("司法所"), self.tr("姓名"), self.tr("释放日期"), self.tr("衔接期限"),
                                self.tr("帮教期止"), self.tr("衔接情况")],
                   [[n.station_name or n.station, n.name, f"{n.release_date:%Y-%m-%d}", f"{n.due:%Y-%m-%d}",
                     f"{n.period_to:%Y-%m-%d}" if n.period_to else "", n.state_text] for n in rows],
                   [n.row_id for n in rows])
        for r, n in enumerate(rows):
            if n.late:
                _redden(self.table, r)


class ListsTab(_CountyTab):
    def note(self) -> str:
        return self.tr("各所对每月预释放人员名单的核查：已衔接、未衔接人员及查找措施，以及该月未衔接人员上报表"
                       "（次月规定日期前上报）是否已报到县局。点选一行查看该所该月名单中的人员。")

    def build(self, layout: QVBoxLayout) -> None:
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.months = QTableWidget(split)
        self.months.setObjectName("months")
        self.entries = QTableWidget(split)
        self.entries.setObjectName("entries")
        layout.addWidget(split, 1)
        self.groups: list[county.StationMonth] = []
        self.months.currentCellChanged.connect(lambda row, *_: self._show_entries(row))

    def refresh(self) -> TaskOp:
        self.op = TaskOp(self, self.app, _lists, self.app.db, self.app.principal).success(self._show).run()
        return self.op

    def _show(self, groups: list[county.StationMonth]) -> None:
        self.groups = groups
        today = date.today()
        fill_table(self.months, [self.tr("名单月份"), self.tr("司法所"), self.tr("名单人数"), self.tr("已衔接"),
                                 self.tr("未衔接"), self.tr("未衔接人员上报")],
                   [[g.month, g.station_name or g.station, str(len(g.entries)), str(g.found), str(g.unfound),
                     g.report_state(today)] for g in groups])
        for r, g in enumerate(groups):
            if g.report_late(today):
                _redden(self.months, r)
        if groups:
            self.months.selectRow(0)
        self._show_entries(0 if groups else -1)

    def _show_entries(self, row: int) -> None:
        entries = self.groups[row].entries if 0 <= row < len(self.groups) else []
        fill_table(self.entries, [self.tr("姓名"), self.tr("预计释放日期"), self.tr("核查情况"), self.tr("查找措施"),
                                  self.tr("上报日期")],
                   [[e.name, f"{e.release_date:%Y-%m-%d}", self.tr("已衔接") if e.found else self.tr("未衔接"),
                     e.steps, f"{e.reported_on:%Y-%m-%d}" if e.reported_on else ""] for e in entries],
                   [e.row_id for e in entries])
        for r, e in enumerate(entries):
            if not e.found:
                _redden(self.entries, r)

"""待县级机构决定: what stations proposed and only the county agency decides (C11 leave beyond the
station's entrustment, C18–C23 sanctions). At the county each is decided here; at a station the
same list says what is still waiting. Core refuses a station's decision whatever the screen.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QTableWidget, QVBoxLayout, QWidget

from sfs_desktop.core.correction import queries, work
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.core.sync import identity
from sfs_desktop.ui.correction.workspace import measure_choice
from sfs_desktop.ui.ops import TaskOp
from sfs_desktop.ui.page_parts import ask, buttons, fill_table, selected_id, write
from sfs_desktop.ui.widgets import date_edit, date_of


def _read(db, who) -> tuple[bool, list[queries.Pending]]:
    with db.read() as s:
        return identity.local_node(s).role == "county", queries.pending_decisions(s, who)


class DecisionsTab(QWidget):
    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        self.table = QTableWidget(self)
        self.table.setObjectName("pending")
        layout.addWidget(self.table, 1)
        bar, self.buttons = buttons(self, [("approve", "批准外出", lambda: self.decide_leave(True)),
                                           ("refuse", "不批准外出", lambda: self.decide_leave(False)),
                                           ("decide", "决定措施", self.decide_sanction),
                                           ("refresh", "刷新", self.refresh)])
        layout.addLayout(bar)
        self.rows: list[queries.Pending] = []
        self.county = False
        self.refresh()

    def refresh(self) -> TaskOp:
        self.op = TaskOp(self, self.app, _read, self.app.db, self.app.principal).success(self._show).run()
        return self.op

    def _show(self, result: tuple[bool, list[queries.Pending]]) -> None:
        self.county, self.rows = result
        self.notice.setText(
            self.tr("各司法所报来的外出申请（超出委托范围）和违规措施提请，由县级社区矫正机构决定；决定随同步包回到该所。")
            if self.county else
            self.tr("本所报县级社区矫正机构决定、尚未收到决定的事项（外出超过七日或未获委托，训诫、警告等措施）。"
                    "决定在县司法局的程序中作出，随同步包送达。"))
        for key in ("approve", "refuse", "decide"):
            self.buttons[key].setVisible(self.county)
        fill_table(self.table, [self.tr("日期"), self.tr("社区矫正对象"), self.tr("司法所"), self.tr("事项"),
                                self.tr("情况")],
                   [[f"{p.since:%Y-%m-%d}", p.subject, p.station, p.what, p.detail] for p in self.rows],
                   [p.id for p in self.rows])

    def _chosen(self, table: str) -> str | None:
        row_id = selected_id(self.table)
        kinds = {p.id: p.table for p in self.rows}
        if row_id is None or kinds.get(row_id) != table:
            QMessageBox.information(self, self.tr("请选择"), self.tr("请先在列表中点选一项外出申请") if table == "cc_leave"
                                    else self.tr("请先在列表中点选一项措施提请"))
            return None
        return row_id

    def decide_leave(self, approve: bool) -> None:
        leave_id = self._chosen("cc_leave")
        on = date_edit(date.today())
        if leave_id and ask(self, self.tr("批准外出") if approve else self.tr("不批准外出"),
                            [(self.tr("审批日期"), on)]):
            write(self, self.app, work.decide_leave, self.app.principal, leave_id, approve, date_of(on),
                  on_done=lambda _r: self.refresh())

    def decide_sanction(self) -> None:
        vid = self._chosen("cc_violation")
        if vid is None:
            return
        measure, on, number = measure_choice(self.app), date_edit(date.today()), QLineEdit()
        number.setObjectName("decision_no")
        proposed = next(p.what for p in self.rows if p.id == vid).removeprefix("提请")
        if measure.findText(proposed) >= 0:
            measure.setCurrentIndex(measure.findText(proposed))
        if ask(self, self.tr("决定措施"), [(self.tr("决定措施"), measure), (self.tr("决定日期"), on),
                                         (self.tr("决定书文号"), number)]):
            write(self, self.app, work.decide_sanction, self.app.principal, vid, measure.currentData(), date_of(on),
                  number.text().strip() or None, on_done=lambda _r: self.refresh())

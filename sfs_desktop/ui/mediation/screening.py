"""矛盾排查 tab: the screening ledger; a found dispute becomes a draft case in one step."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QMessageBox, QVBoxLayout, QWidget

from sfs_desktop.core import codes
from sfs_desktop.core.mediation import queries, work
from sfs_desktop.core.mediation.models import DisputeScreening
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.ledger import record_ledger
from sfs_desktop.ui.page_parts import RecordDialog, ask, buttons, open_dialog, print_form, write


class ScreeningTab(QWidget):
    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        bar, self.buttons = buttons(self, [
            ("new", "登记排查", self.new_record), ("to_case", "转为调解案件", self.to_case),
            ("print", "打印登记表", self.print_one), ("ledger", "打印本年台账", self.print_ledger)])
        layout.addLayout(bar)
        self.model, self.view = record_ledger(app, DisputeScreening, "dispute_screening", self)
        layout.addWidget(self.view, 1)
        self.selected_id: str | None = None
        self.view.clicked.connect(lambda index: setattr(self, "selected_id", self.model.id_at(index.row())))

    def select(self, row_id: str) -> None:
        """Point at one screening (a dispute the county handed over): 转为调解案件 then acts on it."""
        self.selected_id = row_id
        if row_id in self.model.ids:
            self.view.selectRow(self.model.ids.index(row_id))

    def new_record(self) -> None:
        dialog = RecordDialog(self.app, DisputeScreening, self.tr("登记矛盾纠纷排查"), work.add_screening,
                              args=(self.app.principal,), parent=self)
        if open_dialog(self, dialog):
            self.model.refresh(self.model.query)

    def _need(self) -> str | None:
        if self.selected_id is None:
            QMessageBox.information(self, self.tr("请选择"), self.tr("请先在列表中点选一条排查记录"))
        return self.selected_id

    def to_case(self) -> None:
        sid = self._need()
        if sid is None:
            return
        committee, kind = QComboBox(), QComboBox()
        committee.setObjectName("committee")
        kind.setObjectName("dispute_type")
        with self.app.db.read() as s:
            for cid, cname in queries.committees(s, self.app.principal, working_only=True):
                committee.addItem(cname, cid)
            for c in codes.codes(s, "dispute_type"):
                kind.addItem(c.name, c.code)
        if not ask(self, self.tr("转为调解案件"), [(self.tr("调解委员会"), committee), (self.tr("纠纷类型"), kind)]):
            return
        write(self, self.app, work.screening_to_case, self.app.principal, sid, committee.currentData(),
              kind.currentData(), on_done=self._converted)

    def _converted(self, case) -> None:
        self.last_case_id = case.id
        QMessageBox.information(self, self.tr("已转为案件"), self.tr("已登记为调解案件草稿，请到“案件”中补充当事人后受理。"))
        self.model.refresh(self.model.query)

    def print_one(self) -> None:
        if sid := self._need():
            print_form(self, self.app, "mediation.screening", sid, "矛盾纠纷排查登记表")

    def print_ledger(self) -> None:
        print_form(self, self.app, "mediation.screening_ledger", str(date.today().year), "矛盾纠纷排查台账")

"""案件 tab: the case ledger with its filters (status, type, committee, overdue, text) and 登记.

A case opens in its workspace (double-click or 打开); registering asks only what a 登记 needs:
the committee, the dispute, and the two sides from the person registry.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from sfs_desktop.core.mediation import casework, queries
from sfs_desktop.core.mediation.models import MediationCase
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.code_lists import code_source
from sfs_desktop.ui.ledger import record_ledger
from sfs_desktop.ui.ledger_filters import LedgerFilterBar
from sfs_desktop.ui.page_parts import RecordDialog, buttons, open_dialog
from sfs_desktop.ui.party_field import PartyField


class NewCaseDialog(RecordDialog):
    """登记: committee, dispute and the two sides, chosen by name from the person registry."""

    FIELDS = ["committee_id", "dispute_type", "source", "summary", "request", "amount_involved"]

    def __init__(self, app: AppSession, parent=None):
        self.applicant, self.respondent = PartyField(app, name="applicant"), PartyField(app, name="respondent")
        tr = lambda text: QCoreApplication.translate("NewCaseDialog", text)  # noqa: E731 - before QDialog exists
        super().__init__(app, MediationCase, tr("登记调解案件"), _register, only=self.FIELDS, extra=[
            (tr("申请人（人员信息库中的人员或单位）"), self.applicant),
            (tr("被申请人（人员信息库中的人员或单位）"), self.respondent)], parent=parent)
        with app.db.read() as s:  # the first working committee is the usual choice
            first = queries.first_working_committee(s, app.principal)
        self.form.editors["committee_id"].set_value(first)
        if first is None:  # a new station: say what to do first instead of an empty box
            box = self.form.editors["committee_id"].widget
            box.setToolTip(tr("尚未登记调解委员会"))
            if hasattr(box, "setPlaceholderText"):
                box.setPlaceholderText(tr("尚未登记调解委员会，请先在“调解组织”中新增"))
            self.message.setText(tr("尚未登记调解委员会：请先在“人民调解 › 调解组织”中新增调解委员会，再登记案件。"))
        self.case_id: str | None = None

    def save_args(self) -> tuple[tuple, dict]:
        return (self.app.principal, self.applicant.choice(), self.respondent.choice()), {}

    def _saved(self, case_id: str) -> None:
        self.case_id = case_id
        super()._saved(case_id)


def _register(s, who, applicant, respondent, values: dict) -> str:
    return casework.register_case(s, who, values, applicant, respondent).id


class CasesTab(QWidget):
    FILTERS = ["status", "dispute_type", "committee_id"]

    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.overdue = QCheckBox(self.tr("只看超期"), self)
        self.overdue.setObjectName("overdue_filter")
        self.overdue.toggled.connect(self.apply_filter)
        self.search = QLineEdit(self)
        self.search.setObjectName("filter")
        self.search.setPlaceholderText(self.tr("按案号筛选，回车确认"))
        self.search.returnPressed.connect(self.apply_filter)
        bar.addWidget(self.overdue)
        bar.addWidget(self.search, 1)
        _row, self.buttons = buttons(self, [("new", "登记", self.new_record), ("open", "打开案件", self.open_selected)],
                                     bar)
        layout.addLayout(bar)
        self.filters = LedgerFilterBar(MediationCase, code_source(app), self, fields=self.FILTERS)
        self.filters.changed.connect(self.apply_filter)
        layout.addWidget(self.filters)
        self.model, self.view = record_ledger(app, MediationCase, "mediation_cases", self)
        layout.addWidget(self.view, 1)
        self.selected_id: str | None = None
        self.view.clicked.connect(lambda index: setattr(self, "selected_id", self.model.id_at(index.row())))
        self.view.doubleClicked.connect(lambda index: self.open_case(self.model.id_at(index.row())))

    def apply_filter(self) -> None:
        """The filter bar, the case-number text and 超期 together, keeping the chosen sort."""
        if self.filters.error():
            return
        q = self.filters.query(replace(self.model.query, text=self.search.text(), within={}))
        if self.overdue.isChecked():
            q = casework.overdue_query(q, date.today())
        self.model.refresh(q)

    def new_record(self) -> None:
        dialog = NewCaseDialog(self.app, self)
        if open_dialog(self, dialog):
            self.selected_id = dialog.case_id
            self.model.refresh(self.model.query)
            self.open_case(dialog.case_id)

    def open_selected(self) -> None:
        if self.selected_id is None:
            QMessageBox.information(self, self.tr("请选择案件"), self.tr("请先在列表中点选一个案件"))
            return
        self.open_case(self.selected_id)

    def open_case(self, case_id: str) -> None:
        from sfs_desktop.ui.mediation.workspace import CaseWorkspace

        self.workspace = CaseWorkspace(self.app, case_id, self)
        self._open_dialog = self.workspace
        self.workspace.finished.connect(lambda _r: self.model.refresh(self.model.query))
        self.workspace.show()

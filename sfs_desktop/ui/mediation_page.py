"""人民调解 page: the case ledger with filters, and the steps of a case as buttons.

Thin by design: each button collects a few values and calls one function of
core.mediation.rules through the writer; refusals come back as the rule's own Chinese sentence.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)
from sqlmodel import select

from sfs_desktop.core import ledger
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.mediation import rules
from sfs_desktop.core.mediation.models import MediationAgreement, MediationCase, MediationCommittee, MediationParty, Mediator
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.forms import RecordForm, error_label
from sfs_desktop.ui.ledger import record_ledger
from sfs_desktop.ui.people_page import code_source


def _form_dialog(parent: QWidget, title: str, rows: list[tuple[str, QWidget]]) -> bool:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    form = QFormLayout(dialog)
    for label, widget in rows:
        widget.setParent(dialog)
        form.addRow(label, widget)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    parent._open_dialog = dialog  # tests reach the dialog while it is open
    return dialog.exec() == QDialog.DialogCode.Accepted


class NewCaseDialog(QDialog):
    """登记: committee, dispute type, summary and the two sides, chosen from the person registry."""

    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        self.setWindowTitle("登记调解案件")
        layout = QVBoxLayout(self)
        self.committee = QComboBox(self)
        with app.db.read() as s:
            for c in s.exec(select(MediationCommittee).where(MediationCommittee.active == True)).all():  # noqa: E712
                self.committee.addItem(c.name, c.id)
        self.form = RecordForm(MediationCase, code_source(app), only=["dispute_type", "source", "summary", "request",
                                                                     "amount_involved"], parent=self)
        self.applicant = QLineEdit(self)
        self.applicant.setObjectName("applicant")
        self.respondent = QLineEdit(self)
        self.respondent.setObjectName("respondent")
        top = QFormLayout()
        top.addRow("调解委员会", self.committee)
        top.addRow("申请人姓名（须已在人员信息库）", self.applicant)
        top.addRow("被申请人姓名（须已在人员信息库）", self.respondent)
        layout.addLayout(top)
        layout.addWidget(self.form)
        self.message = error_label(self)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.case_id: str | None = None

    def save(self) -> None:
        if not self.form.confirm():
            self.message.setText("请先改正标红的内容")
            return
        values = {k: v for k, v in self.form.values().items() if v is not None}  # unset: the model's default
        values["committee_id"] = self.committee.currentData()
        names = [self.applicant.text().strip(), self.respondent.text().strip()]

        def build(s):
            ids = []
            for name in names:
                found = s.exec(select(Person.id).where(Person.name == name, Person.deleted == False)).all()  # noqa: E712
                if len(found) != 1:
                    raise UserError(f"人员信息库中{'没有' if not found else '有多个'}“{name}”，请先在人员信息库中登记或核对")
                ids.append(found[0])
            [cid] = insert_synced(s, MediationCase, [values])
            insert_synced(s, MediationParty, [{"case_id": cid, "role": "01", "person_id": ids[0]},
                                              {"case_id": cid, "role": "02", "person_id": ids[1]}])
            return cid
        try:
            self.case_id = self.app.write(build)
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.accept()


class MediationPage(QWidget):
    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        with app.db.read() as s:
            gaps = rules.uncovered_areas(s)
        heading = QLabel("<h3>人民调解</h3>" + (f"<p>尚未建立调解委员会的村（社区）：{'、'.join(n for _c, n in gaps)}</p>"
                                                if gaps else "<p>各村（社区）均已建立调解委员会。</p>"), self)
        layout.addWidget(heading)
        bar = QHBoxLayout()
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem("全部状态", None)
        for code, name in rules.STATUS_NAMES.items():
            self.status_filter.addItem(name, code)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        self.search = QLineEdit(self)
        self.search.setObjectName("filter")
        self.search.setPlaceholderText("按案号筛选")
        self.search.returnPressed.connect(self.apply_filter)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.search, 1)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in [("new", "登记", self.new_record), ("accept", "受理", self.accept_case),
                                ("start", "指定调解员", self.start_case), ("agreement", "录入协议", self.enter_agreement),
                                ("agree", "达成协议", self.agree), ("print", "打印协议书", self.print_agreement)]:
            b = QPushButton(text, self)
            b.setObjectName(f"btn_{key}")
            b.clicked.connect(slot)
            self.buttons[key] = b
            bar.addWidget(b)
        layout.addLayout(bar)

        self.model, self.view = record_ledger(app, MediationCase, "mediation_cases", self)
        layout.addWidget(self.view, 1)
        self.selected_id: str | None = None
        self.view.clicked.connect(lambda index: setattr(self, "selected_id", self.model.id_at(index.row())))

    def apply_filter(self) -> None:
        status = self.status_filter.currentData()
        self.model.refresh(ledger.LedgerQuery(equals={"status": status} if status else {}, text=self.search.text()))

    def _run(self, fn) -> bool:
        try:
            self.app.write(fn)
        except UserError as exc:
            QMessageBox.warning(self, "不能办理", str(exc))
            return False
        self.model.refresh(self.model.query)
        return True

    def _need_case(self) -> str | None:
        if self.selected_id is None:
            QMessageBox.information(self, "请选择案件", "请先在列表中点选一个案件")
        return self.selected_id

    def new_record(self) -> None:
        dialog = NewCaseDialog(self.app, self)
        self._open_dialog = dialog
        if dialog.exec():
            self.selected_id = dialog.case_id
            self.model.refresh(self.model.query)

    def accept_case(self) -> None:
        if cid := self._need_case():
            self._run(lambda s: rules.accept(s, self.app.principal, cid, date.today()))

    def start_case(self) -> None:
        cid = self._need_case()
        if not cid:
            return
        chooser = QListWidget()
        chooser.setObjectName("mediators")
        with self.app.db.read() as s:
            case = s.get(MediationCase, cid)
            for m in s.exec(select(Mediator).where(Mediator.committee_id == case.committee_id, Mediator.status == "01")):
                item = QListWidgetItem(m.name)
                item.setData(256, m.id)
                item.setCheckState(Qt.CheckState.Unchecked)
                chooser.addItem(item)
        if _form_dialog(self, "指定调解员", [("勾选调解员", chooser)]):
            chosen = [chooser.item(i).data(256) for i in range(chooser.count())
                      if chooser.item(i).checkState() == Qt.CheckState.Checked]
            self._run(lambda s: rules.start(s, self.app.principal, cid, chosen))

    def enter_agreement(self) -> None:
        cid = self._need_case()
        if not cid:
            return
        facts, terms, manner = QPlainTextEdit(), QPlainTextEdit(), QLineEdit("当场履行")
        facts.setObjectName("facts")
        terms.setObjectName("terms")
        signed = QCheckBox("各方当事人、调解员已签名，已加盖调委会印章")
        signed.setObjectName("signed")
        if not _form_dialog(self, "录入调解协议", [("纠纷事实与责任", facts), ("协议内容（每行一条）", terms),
                                                   ("履行方式、地点、期限", manner), ("", signed)]):
            return
        lines = [t.strip() for t in terms.toPlainText().splitlines() if t.strip()]

        def save(s):
            existing = rules.agreement(s, cid)
            ag = existing or MediationAgreement(case_id=cid, facts="")
            ag.facts, ag.terms, ag.manner = facts.toPlainText().strip(), [{"content": t} for t in lines], manner.text()
            ag.mediator_signed = ag.seal_affixed = signed.isChecked()
            for p in rules.parties(s, cid):
                p.signed = signed.isChecked()
            s.add(ag)
            if not ag.facts:
                raise UserError("请填写纠纷主要事实、争议事项及各方责任")
        self._run(save)

    def agree(self) -> None:
        if cid := self._need_case():
            self._run(lambda s: rules.reach_agreement(s, self.app.principal, cid, date.today()))

    def print_agreement(self) -> None:
        cid = self._need_case()
        if not cid:
            return
        from sfs_desktop.core.printing.service import print_document
        from sfs_desktop.ui.printing.preview import PreviewDialog

        target = self.app.paths.exports / f"调解协议书-{cid[:8]}.pdf"
        try:
            result = self.app.write(lambda s: print_document(s, "mediation.agreement", cid, target,
                                                              blob_root=self.app.paths.attachments))
        except UserError as exc:
            QMessageBox.warning(self, "不能打印", str(exc))
            return
        self.last_print = result
        preview = PreviewDialog(result.path.read_bytes(), "人民调解协议书", target.name, self)
        self._open_dialog = preview
        preview.show()

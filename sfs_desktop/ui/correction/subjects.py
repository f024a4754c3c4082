"""矫正对象 tab: the subject ledger (status, level, type, overdue), 登记 by hand, and the quick
entries of the commonest events (a report, a check-in) for the chosen subject.

The ledger's columns and masking are the field declarations'; the 只看有超期事项 filter asks core
which subjects the dashboard's own due items call overdue.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from sfs_desktop.core.correction import queries, work
from sfs_desktop.core.correction.models import CcSupervision, CorrectionSubject
from sfs_desktop.core.people.parties import resolve
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.code_lists import code_source
from sfs_desktop.ui.ledger import record_ledger
from sfs_desktop.ui.ledger_filters import LedgerFilterBar
from sfs_desktop.ui.ops import TaskOp
from sfs_desktop.ui.page_parts import RecordDialog, buttons, open_dialog
from sfs_desktop.ui.party_field import PartyField

REGISTER_FIELDS = ["correction_type", "temp_exec_reason", "decision_body", "decision_no", "effective_date",
                   "term_start", "term_end", "original_penalty", "original_months", "custody_days", "crimes",
                   "crime_category", "offence_date", "received_on", "area_code", "officer", "level", "risk",
                   "juvenile"]
QUICK = {"report": ["day", "mode", "content", "staff"], "checkin": ["day", "mode", "result", "content", "staff"]}
QUICK_MODES = {"report": "到所", "checkin": "手机定位"}


class NewSubjectDialog(RecordDialog):
    """登记 by hand (the documents came before the county's record): the person from the registry,
    then the case and correction fields from the declarations."""

    def __init__(self, app: AppSession, parent=None):
        self.person = PartyField(app, people_only=True, name="person_name")
        tr = lambda text: QCoreApplication.translate("NewSubjectDialog", text)  # noqa: E731 - before QDialog exists
        super().__init__(app, CorrectionSubject, tr("登记社区矫正对象"), _register, only=REGISTER_FIELDS,
                         extra=[(tr("社区矫正对象（人员信息库中的人员）"), self.person)], kwargs={"today": date.today()},
                         parent=parent)

    def save_args(self) -> tuple[tuple, dict]:
        return (self.app.principal, self.person.choice()), self._kwargs


def _register(s, who, person, values: dict, *, today: date) -> str:
    chosen = resolve(s, person)
    return work.register_subject(s, who, {**values, "person_id": chosen.person_id}, today=today).id


def supervision_dialog(app: AppSession, subject_id: str, kind: str, parent) -> RecordDialog:
    """A supervision event of `kind` (报告, 信息化核查 …) for one subject, dated today."""
    fields = QUICK.get(kind, ["day", "mode", "hours", "place", "result", "content", "staff"])
    title = {"report": "登记报告", "checkin": "登记信息化核查"}.get(kind, "新增监管记录")
    dialog = RecordDialog(app, CcSupervision, parent.tr(title), _supervise, args=(app.principal, subject_id, kind),
                          kwargs={"today": date.today()}, only=fields if kind else ["kind", *fields], parent=parent)
    dialog.form.start_from({"day": date.today(), **({"mode": QUICK_MODES[kind]} if kind in QUICK_MODES else {})})
    return dialog


def _supervise(s, who, subject_id: str, kind: str, values: dict, *, today: date) -> str:
    return work.record_supervision(s, who, subject_id, {"kind": kind, **values} if kind else values, today=today).id


def _overdue(db, who, today: date) -> tuple[str, ...]:
    with db.read() as s:
        return queries.overdue_subjects(s, who, today)


class SubjectsTab(QWidget):
    FILTERS = ["status", "level", "correction_type"]

    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.overdue = QCheckBox(self.tr("只看有超期事项"), self)
        self.overdue.setObjectName("overdue_filter")
        self.overdue.toggled.connect(self.apply_filter)
        self.search = QLineEdit(self)
        self.search.setObjectName("filter")
        self.search.setPlaceholderText(self.tr("按姓名筛选，回车确认"))
        self.search.returnPressed.connect(self.apply_filter)
        bar.addWidget(self.overdue)
        bar.addWidget(self.search, 1)
        _row, self.buttons = buttons(self, [
            ("new", "登记", self.new_record), ("open", "打开", self.open_selected),
            ("report", "登记报告", lambda: self.quick("report")), ("checkin", "信息化核查", lambda: self.quick("checkin"))],
            bar)
        layout.addLayout(bar)
        self.filters = LedgerFilterBar(CorrectionSubject, code_source(app), self, fields=self.FILTERS,
                                       readable=self.FILTERS)
        self.filters.changed.connect(self.apply_filter)
        layout.addWidget(self.filters)
        self.model, self.view = record_ledger(app, CorrectionSubject, "correction_subjects", self)
        layout.addWidget(self.view, 1)
        self.selected_id: str | None = None
        self.view.clicked.connect(lambda index: setattr(self, "selected_id", self.model.id_at(index.row())))
        self.view.doubleClicked.connect(lambda index: self.open_subject(self.model.id_at(index.row())))
        self.op: TaskOp | None = None

    def apply_filter(self) -> None:
        """Filters, the name and 超期 together, keeping the chosen sort; the overdue ids come from core."""
        if self.filters.error():
            return
        q = self.filters.query(replace(self.model.query, text=self.search.text(), within={}))
        if not self.overdue.isChecked():
            self.model.refresh(q)
            return
        self.op = (TaskOp(self, self.app, _overdue, self.app.db, self.app.principal, date.today())
                   .success(lambda ids: self.model.refresh(replace(q, within={"id": ids}))).run())

    def new_record(self) -> None:
        dialog = NewSubjectDialog(self.app, self)
        if open_dialog(self, dialog):
            self.selected_id = dialog.saved
            self.model.refresh(self.model.query)
            self.open_subject(dialog.saved)

    def _chosen(self) -> str | None:
        if self.selected_id is None:
            QMessageBox.information(self, self.tr("请选择矫正对象"), self.tr("请先在列表中点选一名社区矫正对象"))
        return self.selected_id

    def open_selected(self) -> None:
        if self._chosen():
            self.open_subject(self.selected_id)

    def quick(self, kind: str) -> None:
        """登记报告 / 信息化核查 for the chosen subject: today, the usual way, 保存."""
        if self._chosen():
            open_dialog(self, supervision_dialog(self.app, self.selected_id, kind, self))

    def open_subject(self, subject_id: str) -> None:
        from sfs_desktop.ui.correction.workspace import SubjectWorkspace

        self.workspace = SubjectWorkspace(self.app, subject_id, self)
        self._open_dialog = self.workspace
        self.workspace.finished.connect(lambda _r: self.model.refresh(self.model.query))
        self.workspace.show()

"""矫正对象 tab: the subject ledger (status, level, type, overdue), 登记 by hand, and the commonest
events (a report, a check-in) recorded in two clicks: the row, then 登记报告 or 信息化核查.

Why no form: a report is registered while the subject stands at the counter, today, in the usual
way (到所; a check-in: 手机定位, 正常); what the form would ask is what the timeline's quick entry
declares as its defaults, so the button saves exactly that (`core.correction.timeline.record_today`,
the same checks and rule as the form). It is safe because the confirmation line names the subject,
the day and the way at once, with 撤销 beside it (only the same account, the same day), and a second
click the same day is refused rather than recorded twice. Anything else (content, another day or
way, a visit, a talk) is entered on the subject's timeline.

The ledger's columns and masking are the field declarations'; the 只看有超期事项 filter asks core
which subjects the dashboard's own due items call overdue.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from sfs_desktop.core.correction import queries, work
from sfs_desktop.core.correction.models import CorrectionSubject
from sfs_desktop.core.correction.timeline import Recorded, record_today
from sfs_desktop.core.people.parties import resolve
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.code_lists import code_source
from sfs_desktop.ui.ledger import record_ledger
from sfs_desktop.ui.ledger_filters import LedgerFilterBar
from sfs_desktop.ui.ops import TaskOp
from sfs_desktop.ui.page_parts import RecordDialog, buttons, open_dialog, write
from sfs_desktop.ui.party_field import PartyField

REGISTER_FIELDS = ["correction_type", "temp_exec_reason", "decision_body", "decision_no", "effective_date",
                   "term_start", "term_end", "original_penalty", "original_months", "custody_days", "crimes",
                   "crime_category", "offence_date", "received_on", "area_code", "officer", "level", "risk",
                   "juvenile"]


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
        self.buttons["report"].setToolTip(self.tr("为所选对象登记今天的到所报告，点一下即保存，可撤销"))
        self.buttons["checkin"].setToolTip(self.tr("为所选对象登记今天的信息化核查（手机定位，正常），点一下即保存，可撤销"))
        layout.addLayout(bar)
        confirm = QHBoxLayout()
        self.confirmation = QLabel(self)
        self.confirmation.setObjectName("confirmation")
        confirm.addWidget(self.confirmation)
        _row, more = buttons(self, [("undo", "撤销", self.undo)], confirm)
        self.buttons.update(more)
        self.buttons["undo"].hide()
        layout.addLayout(confirm)
        self.recorded: Recorded | None = None
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

    def quick(self, key: str) -> None:
        """登记报告 / 信息化核查 for the chosen subject, saved at once: today, the usual way."""
        if self._chosen():
            self.op = write(self, self.app, record_today, self.app.principal, self.selected_id, key, date.today(),
                            on_done=self._recorded, title=self.tr("不能登记"))

    def _recorded(self, done: Recorded) -> None:
        self.recorded = done
        self.confirmation.setText(self.tr("已登记：%1　%2　%3（%4）").replace("%1", done.subject)
                                  .replace("%2", f"{done.day:%Y-%m-%d}").replace("%3", done.label)
                                  .replace("%4", done.mode))
        self.buttons["undo"].show()

    def undo(self) -> None:
        """撤销 the entry just made (core allows it to the same account, the same day)."""
        if self.recorded is not None:
            self.op = write(self, self.app, work.undo_supervision, self.app.principal, self.recorded.row_id,
                            today=date.today(), on_done=self._undone, title=self.tr("不能撤销"))

    def _undone(self, _result) -> None:
        done, self.recorded = self.recorded, None
        self.confirmation.setText(self.tr("已撤销：%1　%2　%3").replace("%1", done.subject)
                                  .replace("%2", f"{done.day:%Y-%m-%d}").replace("%3", done.label))
        self.buttons["undo"].hide()

    def open_subject(self, subject_id: str) -> None:
        from sfs_desktop.ui.correction.workspace import SubjectWorkspace

        self.workspace = SubjectWorkspace(self.app, subject_id, self)
        self._open_dialog = self.workspace
        self.workspace.finished.connect(lambda _r: self.model.refresh(self.model.query))
        self.workspace.show()

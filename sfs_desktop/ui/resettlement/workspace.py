"""The released person's workspace: the shared record workspace (ui/record_workspace.py) with a
待办事项 tab, then the shared 时间线 (走访, 谈话, 思想动态, 安置帮扶 entered there). The header, the
steps greyed with the rule's sentence and the timeline are declared in core
(core/resettlement/workspace.py); opening a person is one audited S3 view. Each button collects a
few values (forms from the declarations) and calls one core function; a refusal comes back in the
rule's own words and nothing changes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QLabel, QLineEdit, QTableWidget, QVBoxLayout, QWidget

from sfs_desktop.core.people.parties import resolve
from sfs_desktop.core.resettlement import work
from sfs_desktop.core.resettlement.constants import DIED, EXPIRED, MOVED
from sfs_desktop.core.resettlement.models import (ReleasedPerson, RpCategoryChange, RpLostContact, RpReoffence,
                                                  RpTeamMember)
from sfs_desktop.core.resettlement.workspace import PersonParts
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.page_parts import RecordDialog, ask, fill_table, open_dialog
from sfs_desktop.ui.party_field import PartyField
from sfs_desktop.ui.record_workspace import ALERT, RecordWorkspace
from sfs_desktop.ui.widgets import date_edit, date_of

HANDOVER_FIELDS = ["handover_method", "handover_on", "handover_staff", "reported_on", "category"]


def _receive(s, who, row_id: str, person, values: dict, *, today: date) -> str:
    chosen = resolve(s, person)
    return work.receive(s, who, row_id, {**values, "person_id": chosen.person_id}, today=today).id


class ReceiveDialog(RecordDialog):
    """衔接 (F-R2): the person from the registry, then the method, day and staff (declarations)."""

    def __init__(self, app: AppSession, row_id: str, parent=None):
        self.person = PartyField(app, people_only=True, name="person_name")
        tr = lambda text: QCoreApplication.translate("ReceiveDialog", text)  # noqa: E731 - before QDialog exists
        self.row_id = row_id
        super().__init__(app, ReleasedPerson, tr("衔接登记"), _receive, only=HANDOVER_FIELDS,
                         extra=[(tr("帮教对象本人（人员信息库中的人员）"), self.person)], kwargs={"today": date.today()},
                         parent=parent)

    def save_args(self) -> tuple[tuple, dict]:
        return (self.app.principal, self.row_id, self.person.choice()), self._kwargs


class PersonWorkspace(RecordWorkspace):
    table = "released_person"

    def __init__(self, app: AppSession, row_id: str, parent: QWidget | None = None):
        super().__init__(app, row_id, parent)
        self.setObjectName("released_workspace")
        self.tabs.setCurrentWidget(self.timeline)

    def build_tabs(self) -> None:
        tab = QWidget()
        box = QVBoxLayout(tab)
        self.due = QTableWidget(tab)
        self.due.setObjectName("due")
        box.addWidget(self.due)
        self.papers = QLabel(tab)
        self.papers.setObjectName("papers")
        self.papers.setWordWrap(True)
        box.addWidget(self.papers)
        self.tabs.addTab(tab, self.tr("待办事项"))

    def show_parts(self, parts: PersonParts) -> None:
        fill_table(self.due, [self.tr("期限"), self.tr("事项"), self.tr("情况")],
                   [[f"{d:%Y-%m-%d}", what, self.tr("已超期") if late else self.tr("未到期")] for d, what, late in parts.due])
        for r, (_d, _what, late) in enumerate(parts.due):
            for c in range(3 if late else 0):
                self.due.item(r, c).setForeground(QBrush(QColor(ALERT)))
        agreement = (self.tr("帮教协议：{0} 签订").format(f"{parts.agreement_on:%Y-%m-%d}") if parts.agreement_on
                     else self.tr("帮教协议：未签订"))
        scans = (self.tr("通知书扫描件：{0}").format("、".join(parts.scans)) if parts.scans
                 else self.tr("通知书扫描件：未附"))
        self.papers.setText(f"{agreement}　{scans}")

    def _dialog(self, dialog: QDialog) -> None:
        if open_dialog(self, dialog):
            self.refresh()

    def _form(self, model, title: str, fn, only: list[str], today: bool = True) -> None:
        self._dialog(RecordDialog(self.app, model, title, fn, args=(self.app.principal, self.record_id),
                                  kwargs={"today": date.today()} if today else {}, only=only, parent=self))

    # --- steps ---------------------------------------------------------------------------------
    def do_receive(self) -> None:
        self._dialog(ReceiveDialog(self.app, self.record_id, self))

    def do_team(self) -> None:
        self._form(RpTeamMember, self.tr("帮教小组成员"), work.add_team_member, ["name", "role", "phone", "duties"],
                   today=False)

    def do_agreement(self) -> None:
        on = date_edit(date.today())
        on.setObjectName("agreement_on")
        if ask(self, self.tr("签订帮教协议"), [(self.tr("签订日期"), on)]):
            self.step(work.sign_agreement, self.app.principal, self.record_id, date_of(on), today=date.today())

    def do_attach(self) -> None:
        self.attach_notice()

    def attach_notice(self, path: str | None = None) -> None:
        """The scan of the paper notice (F-R1): read here, kept encrypted by core, never copied in clear."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("选择通知书扫描件"), "",
                                                  self.tr("扫描件 (*.pdf *.jpg *.jpeg *.png)"))
            if not path:
                return
        self.step(work.attach_notice, self.app.principal, self.record_id, Path(path).read_bytes(), Path(path).suffix,
                  blob_root=self.app.paths.attachments)

    def do_category(self) -> None:
        self._form(RpCategoryChange, self.tr("调整帮教类别"), work.change_category,
                   ["changed_on", "category", "risk", "reason"], today=False)

    def do_lost(self) -> None:
        self._form(RpLostContact, self.tr("失联登记"), work.report_lost, ["lost_on", "measures"])

    def do_reoffence(self) -> None:
        self._form(RpReoffence, self.tr("重新违法犯罪"), work.record_reoffence, ["day", "offence", "source"])

    def do_found(self) -> None:
        on = date_edit(date.today())
        on.setObjectName("found_on")
        if ask(self, self.tr("已找到"), [(self.tr("找到日期"), on)]):
            self.step(work.found, self.app.principal, self.record_id, date_of(on), today=date.today())

    def do_end(self) -> None:
        reason = QComboBox()
        reason.setObjectName("end_reason")
        for code, label in ((EXPIRED, self.tr("期满解除")), (DIED, self.tr("死亡")), (MOVED, self.tr("迁出"))):
            reason.addItem(label, code)
        on = date_edit(date.today())
        summary = QLineEdit()
        summary.setObjectName("end_summary")
        if ask(self, self.tr("解除帮教"), [(self.tr("解除原因"), reason), (self.tr("解除日期"), on),
                                        (self.tr("帮教小结"), summary)]):
            self.step(work.end, self.app.principal, self.record_id, reason.currentData(), date_of(on), summary.text(),
                      today=date.today())

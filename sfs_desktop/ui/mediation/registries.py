"""调解组织 and 调解员 tabs: the registers, with what each committee still lacks shown beside it."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from sfs_desktop.core.mediation import committees, rules
from sfs_desktop.core.station import areas
from sfs_desktop.core.station.models import AdminArea
from sfs_desktop.core.mediation.models import MediationCommittee, Mediator
from sfs_desktop.ui.page_parts import RecordDialog, RegisterTab
from sfs_desktop.ui.party_field import PartyField

COMMITTEE_FIELDS = ["name", "committee_type", "area_code", "established_on", "term_start", "term_end",
                    "director_name", "phone", "active"]
NEW_MEDIATOR_FIELDS = ["committee_id", "role", "full_time", "appointed_on"]
MEDIATOR_FIELDS = ["role", "full_time", "appointed_on", "status", "status_reason"]



class _NewMediatorDialog(RecordDialog):
    """新增调解员: the person chosen from the registry goes with the values."""

    person: PartyField

    def save_args(self) -> tuple[tuple, dict]:
        return (self.app.principal,), {"person": self.person.choice()}

class CommitteesTab(RegisterTab):
    model_class = MediationCommittee
    key = "mediation_committees"

    def new_record(self) -> None:
        self._done(RecordDialog(self.app, MediationCommittee, self.tr("新增调解委员会"),
                                committees.save_committee, args=(self.app.principal,),
                                only=COMMITTEE_FIELDS, parent=self))

    def edit_dialog(self, row):
        return RecordDialog(self.app, MediationCommittee, self.tr("修改调解委员会"),
                            committees.save_committee, args=(self.app.principal,),
                            kwargs={"committee_id": row.id}, only=COMMITTEE_FIELDS, record=row,
                            parent=self)

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        add = QPushButton(self.tr("新增村（社区）"), self)
        add.setObjectName("btn_add_area")
        add.setToolTip(self.tr("登记本乡镇的村和社区（统计用区划代码），调解委员会按村（社区）设立"))
        add.clicked.connect(self.add_area)
        self.buttons["add_area"] = add
        bar = self.layout_.itemAt(1).layout()
        bar.insertWidget(bar.count() - 1, add)

    def add_area(self) -> None:
        dialog = RecordDialog(self.app, AdminArea, self.tr("新增村（社区）"), areas.add_area, args=(self.app.principal,),
                              only=["code", "name", "level"], parent=self)
        dialog.form.editors["level"].set_value("village")
        self._done(dialog)

    def update_notice(self) -> None:
        with self.app.db.read() as s:
            villages = areas.village_count(s)
            gaps = rules.uncovered_areas(s)
            if not villages:
                lines = [self.tr("尚未登记本乡镇的村（社区）：请点“新增村（社区）”登记，再按村（社区）设立调解委员会。")]
            else:
                lines = [self.tr("尚未建立调解委员会的村（社区）：") + "、".join(n for _c, n in gaps) if gaps
                         else self.tr("各村（社区）均已建立调解委员会。")]
            row = s.get(MediationCommittee, self.selected_id) if self.selected_id else None
            if row is not None:
                problems = rules.committee_problems(s, row)
                lines.append(f"{row.name}：" + ("；".join(problems) if problems else self.tr("组成符合要求。")))
        self.notice.setText("\n".join(lines))


class MediatorsTab(RegisterTab):
    model_class = Mediator
    key = "mediators"

    def new_record(self) -> None:
        person = PartyField(self.app, people_only=True, name="person_name")
        dialog = _NewMediatorDialog(self.app, Mediator, self.tr("新增调解员"), committees.save_mediator,
                                    only=NEW_MEDIATOR_FIELDS, extra=[(self.tr("调解员（人员信息库中的人员）"), person)],
                                    parent=self)
        dialog.person = person
        self._done(dialog)

    def edit_dialog(self, row):
        return RecordDialog(self.app, Mediator, self.tr("修改调解员：") + row.name,
                            committees.save_mediator, args=(self.app.principal,),
                            kwargs={"mediator_id": row.id}, only=MEDIATOR_FIELDS,
                            record=row, parent=self)

    def update_notice(self) -> None:
        self.notice.setText(self.tr("调解员须先在人员信息库中登记；罢免、解聘、离任须写明原因。"))

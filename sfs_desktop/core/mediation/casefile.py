"""The case file (卷宗, domain.md §3.5 F-M2): its contents list, built from what was printed or attached.

An item is present when its form was printed for the case (print log), when a scan whose file
name starts with the item's name was attached to the case, or when the record itself proves it
(a party registered with an ID number or credit code; a follow-up visit entered). "归档" is
refused while a required item is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from sqlmodel import Session, select

from sfs_desktop.core import attachments
from sfs_desktop.core.attachments import Attachment
from sfs_desktop.core.documents import PrintLog
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.mediation.models import FollowUpVisit, MediationCase, MediationRecord
from sfs_desktop.core.people.models import Organization, Person
from sfs_desktop.core.security.access import Principal, check_record

CASE_TABLE = "mediation_case"
MEDIATED = ("agreed", "follow_up", "terminated")
SUCCESS = "01"


@dataclass(frozen=True)
class Item:
    """One line of the standard contents list and when it is required."""

    no: int
    title: str
    forms: tuple[str, ...] = ()
    required: Callable[[MediationCase], bool] = lambda case: False
    note: str = ""


STANDARD: tuple[Item, ...] = (
    Item(1, "人民调解申请书", ("mediation.application", "mediation.registration"), lambda c: True,
         "或人民调解受理登记表"),
    Item(2, "人民调解当事人权利义务告知书", ("mediation.notice",), lambda c: c.status != "rejected"),
    Item(3, "当事人身份证明", (), lambda c: c.status != "rejected"),
    Item(4, "授权委托书"),
    Item(5, "人民调解调查记录", ("mediation.investigation",)),
    Item(6, "证据材料"),
    Item(7, "人民调解记录", ("mediation.record",), lambda c: c.status in MEDIATED),
    Item(8, "人民调解协议书", ("mediation.agreement", "mediation.oral_agreement"), lambda c: c.result == SUCCESS,
         "口头协议为人民调解口头协议登记表"),
    Item(9, "履行凭证"),
    Item(10, "人民调解回访记录", ("mediation.visit",),
         lambda c: c.result == SUCCESS and c.performance != "01"),
    Item(11, "司法确认材料"),
    Item(12, "卷宗情况说明"),
    Item(13, "封底", ("mediation.cover",), lambda c: True, "随卷宗封面打印"),
)
BY_TITLE = {i.title: i for i in STANDARD}


@dataclass(frozen=True)
class Entry:
    no: int
    title: str
    required: bool
    present: bool
    note: str
    scanned: bool = False  # present as an attached scan


def _parties_identified(s: Session, case_id: str) -> bool:
    from sfs_desktop.core.mediation.rules import parties

    ps = parties(s, case_id)
    if not ps:
        return False
    for p in ps:
        if p.person_id:
            person = s.get(Person, p.person_id)
            if person is None or not person.id_number:
                return False
        else:
            org = s.get(Organization, p.organization_id) if p.organization_id else None
            if org is None or not org.uscc:
                return False
    return True


def contents(s: Session, case: MediationCase) -> list[Entry]:
    """The contents list in standard order: required items always, the others when present."""
    visit_ids = list(s.exec(select(FollowUpVisit.id).where(FollowUpVisit.case_id == case.id,
                                                           FollowUpVisit.deleted == False)).all())  # noqa: E712
    record_ids = list(s.exec(select(MediationRecord.id).where(MediationRecord.case_id == case.id,
                                                              MediationRecord.deleted == False)).all())  # noqa: E712
    printed = set(s.exec(select(PrintLog.form_id).where(  # printed or saved, not only looked at in the preview
        PrintLog.record_id.in_([case.id, *visit_ids, *record_ids]), PrintLog.delivered == True)).all())  # noqa: E712
    names = list(s.exec(select(Attachment.original_name).where(
        Attachment.record_table == CASE_TABLE, Attachment.record_id == case.id,
        Attachment.deleted == False)).all())  # noqa: E712
    scanned = {i.title for i in STANDARD for n in names if n.startswith(i.title)}
    evidence = [n for n in names if not any(n.startswith(i.title) for i in STANDARD)]
    proven = {
        "当事人身份证明": _parties_identified(s, case.id),
        "人民调解回访记录": bool(visit_ids),
        "证据材料": bool(evidence),
        "司法确认材料": case.confirmation_applied_on is not None,
    }
    out = []
    for item in STANDARD:
        present = bool(printed.intersection(item.forms)) or item.title in scanned or proven.get(item.title, False)
        required = item.required(case)
        if required or present:
            out.append(Entry(item.no, item.title, required, present, item.note, item.title in scanned))
    return out


def missing(s: Session, case: MediationCase) -> list[str]:
    return [e.title for e in contents(s, case) if e.required and not e.present]


def attach(s: Session, who: Principal, case_id: str, title: str, data: bytes, suffix: str, *, blob_root: Path,
           scanned: bool = True) -> Attachment:
    """File a scan under a contents-list item; the file is named for the item, never for a person.
    Who may: whoever may change the case (a 调解员 only their own committee's)."""
    if title not in BY_TITLE:
        raise UserError(f"“{title}”不是卷宗目录中的文书名称")
    case = s.get(MediationCase, case_id)
    if case is None or case.deleted:
        raise UserError("案件不存在或已删除")
    check_record(s, who, CASE_TABLE, case_id, write=True)
    return attachments.attach(s, CASE_TABLE, case_id, title, data, suffix, blob_root=blob_root, scanned=scanned)

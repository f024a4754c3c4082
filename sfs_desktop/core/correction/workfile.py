"""The station's 工作档案 of a subject (domain.md §4.1, F-C15): its contents list, built from what was
printed for the subject (print log), the scans attached under a contents title, and what the records
prove (the legal documents registered, assessments entered). Like the mediation 卷宗's
(`mediation.casefile`); the 页号 come from the shared `printing.volume`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sqlalchemy import union_all
from sqlmodel import Session, select

from sfs_desktop.core.attachments import Attachment
from sfs_desktop.core.correction.constants import AWAITING, RELEASED
from sfs_desktop.core.correction.models import (CcAssessment, CcDocument, CcLeave, CcRelease, CcSupervision,
                                                CcViolation, CorrectionSubject)
from sfs_desktop.core.printing.volume import Filed, contents_rows, printed_pages

SUBJECT_TABLE = "correction_subject"


def _received(c: CorrectionSubject) -> bool:
    return c.status != AWAITING


@dataclass(frozen=True)
class Item:
    title: str
    forms: tuple[str, ...] = ()
    required: Callable[[CorrectionSubject], bool] = lambda c: False


STANDARD: tuple[Item, ...] = (
    Item("法律文书", (), lambda c: True),
    Item("社区矫正对象基本信息表", ("correction.intake",), lambda c: True),
    Item("社区矫正对象报到情况登记表", ("correction.report_in",), _received),
    Item("社区矫正宣告书", ("correction.announcement",), _received),
    Item("社区矫正对象保证书", ("correction.undertaking",), _received),
    Item("社区矫正小组成员名单及协议书", ("correction.team",), _received),
    Item("社区矫正方案", ("correction.plan",), _received),
    Item("个别谈话（教育）记录", ("correction.talk",)),
    Item("走访（实地查访）记录", ("correction.visit",)),
    Item("外出审批表", ("correction.leave_application",)),
    Item("外出证明（存根）", ("correction.leave_permit",)),
    Item("违规情况调查核实及提请审核材料", ("correction.violation",)),
    Item("考核评议材料"),
    Item("个人总结及解除矫正鉴定表", ("correction.appraisal",), lambda c: c.status == RELEASED),
    Item("解除社区矫正宣告书", ("correction.release_announcement",), lambda c: c.status == RELEASED),
    Item("解除社区矫正证明书", ("correction.release_certificate",)),
)


def record_ids(subject_id: str):
    """The subject and every row of it a form is printed for, as one subquery (a subject with three
    years of supervision has thousands)."""
    return union_all(*(select(m.id).where(m.subject_id == subject_id)
                       for m in (CcLeave, CcSupervision, CcViolation, CcRelease)),
                     select(CorrectionSubject.id).where(CorrectionSubject.id == subject_id))


def contents(s: Session, c: CorrectionSubject) -> tuple[list[Filed], dict[str, int | None]]:
    """The contents list in standard order (required items always, the others when present) and the
    pages printed per form."""
    printed = printed_pages(s, record_ids(c.id))
    names = list(s.exec(select(Attachment.original_name).where(
        Attachment.record_table == SUBJECT_TABLE, Attachment.record_id == c.id,
        Attachment.deleted == False)).all())  # noqa: E712
    scanned = {i.title for i in STANDARD for n in names if n.startswith(i.title)}

    def exists(model) -> bool:
        return s.exec(select(model.id).where(model.subject_id == c.id, model.deleted == False)).first() is not None  # noqa: E712

    proven = {"法律文书": exists(CcDocument), "考核评议材料": exists(CcAssessment)}
    out = []
    for item in STANDARD:
        present = bool(printed.keys() & set(item.forms)) or item.title in scanned or proven.get(item.title, False)
        required = item.required(c)
        if required or present:
            out.append(Filed(item.title, item.forms, required, present, item.title in scanned))
    return out, printed


def items(s: Session, c: CorrectionSubject) -> list[dict[str, str]]:
    """The rows of the 工作档案卷内目录."""
    entries, printed = contents(s, c)
    return contents_rows(entries, printed)


def missing(s: Session, c: CorrectionSubject) -> list[str]:
    entries, _printed = contents(s, c)
    return [e.title for e in entries if e.required and not e.present]

"""The station's other mediation work: sitting records, screening, guidance and training.

Each function checks what staff could get wrong and refuses in a plain Chinese sentence,
changing nothing; the case state machine itself lives in :mod:`.rules`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, select

from sfs_desktop.core import codes
from sfs_desktop.core.db.synced import COUNTY_NODE
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.mediation.constants import GOVERNMENT_REFERRAL, OWN_INITIATIVE
from sfs_desktop.core.mediation.models import (DisputeScreening, FollowUpVisit, GuidanceRecord, MediationCase,
                                               MediationCommittee, MediationRecord, Mediator, MediatorTraining)
from sfs_desktop.core.mediation.casework import working_committee
from sfs_desktop.core.mediation.rules import _case, record_visit
from sfs_desktop.core.security.access import Principal, check_row, require

RECORDABLE = ("accepted", "mediating", "agreed", "follow_up", "terminated", "withdrawn")
MAX_TRAINING_HOURS = 200


def _checked(s: Session, model, values: dict[str, Any]):
    """The row built from `values` once every declared check has passed."""
    codes.refuse_invalid(s, model, values)
    return model(**values)


def add_record(s: Session, who: Principal, case_id: str, values: dict[str, Any]) -> MediationRecord:
    """调查记录 / 调解记录 of a case that has been taken up, dated within the case."""
    case = _case(s, who, case_id, *RECORDABLE)
    row = _checked(s, MediationRecord, {**values, "case_id": case_id})
    if case.received_date and row.held_on < case.received_date:
        raise UserError(f"记录时间早于受理日期 {case.received_date:%Y-%m-%d}，请核对")
    s.add(row)
    return row


def add_visit(s: Session, who: Principal, case_id: str, values: dict[str, Any]) -> FollowUpVisit:
    """回访 of a case whose agreement took effect: every declared value checked, then the rule
    (rules.record_visit) decides and moves the case to 履行监督/回访."""
    row = _checked(s, FollowUpVisit, {**values, "case_id": case_id})
    record_visit(s, who, case_id, row)
    return row


def screening_to_case(s: Session, who: Principal, screening_id: str, committee_id: str, dispute_type: str,
                      summary: str | None = None) -> MediationCase:
    """Turn a dispute found in screening into a draft case, once only. Source: 调委会主动调解, or
    政府部门移交 for a dispute the county bureau handed over (案件来源 has no 上级交办 of its own)."""
    row = s.get(DisputeScreening, screening_id)
    if row is None or row.deleted:
        raise UserError("找不到这条排查记录")
    if row.case_id:
        existing = s.get(MediationCase, row.case_id)
        if existing is not None and not existing.deleted:
            raise UserError(f"这条排查记录已转为调解案件{existing.case_no or '（登记草稿）'}，不能重复转立")
    working_committee(s, committee_id)
    text = (summary or row.found or "").strip()
    if not text:
        raise UserError("请填写纠纷简要情况")
    source = GOVERNMENT_REFERRAL if row.origin == COUNTY_NODE else OWN_INITIATIVE  # 县局交办: 政府部门移交
    case = _checked(s, MediationCase, {"committee_id": committee_id, "dispute_type": dispute_type, "summary": text,
                                    "source": source, "escalation_risk": row.risk_level == "1"})
    check_row(who, MediationCase, case, write=True)
    s.add(case)
    s.flush()
    row.case_id = case.id
    s.add(row)
    return case


def add_screening(s: Session, who: Principal, values: dict[str, Any]) -> DisputeScreening:
    require(who, "record.write")
    row = _checked(s, DisputeScreening, values)
    check_screening(s, row)
    s.add(row)
    return row


def check_screening(_s: Session, row: DisputeScreening) -> None:
    """What a screening must satisfy beyond its field declarations (a station's entry, or a
    dispute the county hands over: the manifest names this check for 交办)."""
    if row.found_count < 0:
        raise UserError("发现纠纷数不能为负数")
    if row.target_date and row.target_date < row.screened_on:
        raise UserError("化解限期不能早于排查日期")


def add_guidance(s: Session, who: Principal, values: dict[str, Any]) -> GuidanceRecord:
    """指导记录: the station's visit to a committee, what it found and what follows."""
    row = _checked(s, GuidanceRecord, values)
    committee = s.get(MediationCommittee, row.committee_id)
    if committee is None or committee.deleted:
        raise UserError("请选择被指导的调解委员会")
    check_row(who, GuidanceRecord, row, write=True)
    s.add(row)
    return row


def add_training(s: Session, who: Principal, values: dict[str, Any], attendee_ids: list[str]) -> MediatorTraining:
    """A training and who attended; every attendee must be a mediator on record."""
    require(who, "record.write")
    row = _checked(s, MediatorTraining, {**values, "attendee_ids": list(dict.fromkeys(attendee_ids))})
    if not 0 < row.hours <= MAX_TRAINING_HOURS:
        raise UserError(f"学时应在 1 到 {MAX_TRAINING_HOURS} 之间")
    if not row.attendee_ids:
        raise UserError("请至少选择一名参训调解员")
    known = set(s.exec(select(Mediator.id).where(Mediator.id.in_(row.attendee_ids),
                                                 Mediator.deleted == False)).all())  # noqa: E712
    if len(known) != len(row.attendee_ids):
        raise UserError("参训人员中有不在调解员名册上的人员，请核对")
    s.add(row)
    return row


def training_hours(s: Session, year: int) -> dict[str, int]:
    """Hours of training each mediator attended in `year` (mediator id → hours)."""
    out: dict[str, int] = {}
    rows = s.exec(select(MediatorTraining).where(MediatorTraining.deleted == False,  # noqa: E712
                                                 MediatorTraining.held_on >= date(year, 1, 1),
                                                 MediatorTraining.held_on <= date(year, 12, 31))).all()
    for t in rows:
        for mid in t.attendee_ids:
            out[mid] = out.get(mid, 0) + t.hours
    return out

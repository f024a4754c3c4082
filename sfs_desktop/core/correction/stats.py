"""Correction statistics of domain.md §4.7 for a month, quarter or year, declared once (REPORT).

Definitions: 在册 = subjects on the register (待报到, 在矫, 外出中, 失联) at the period's end,
received on or before it; 新接收 = subjects received in the period, 按期报到 those whose report-in
was within C2's ten days; event counts are the events dated in the period. Totals count every
subject (a juvenile subject too); the lists of subjects after the figures (`details`) show only
those the reader may read (C33: a juvenile only with "juvenile.read").
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, select

from sfs_desktop.core import calendar, codes
from sfs_desktop.core.correction import rules
from sfs_desktop.core.correction.constants import (APPROVED, COMMEND, ADMONISH, LOST_CONTACT, MISSED_INTAKE,
                                                   ON_REGISTER, POLICE_PENALTY, RECOMMIT, RELEASED, REOFFENDED,
                                                   REVOKE_PAROLE, REVOKE_PROBATION, TERMINATED, WARN)
from sfs_desktop.core.correction.models import (CcInvestigation, CcLeave, CcLocator, CcMajorEvent, CcRelease,
                                                CcResidenceChange, CcSanctionDecision, CcSupervision, CcTermination,
                                                CcViolation, CorrectionSubject)
from sfs_desktop.core.db.synced import live
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.reports.tables import Breakdown, Detail, Kind, Measure, Report


def _register(s: Session, end, owner: str | None) -> list:
    """The subjects on the register at `end` (every one: the aggregate is not access-scoped)."""
    S = CorrectionSubject
    register = s.execute(live(select(S.correction_type, S.level, S.juvenile, Person.gender, S.status, S.id)
                              .join(Person, Person.id == S.person_id, isouter=True)
                              .where(S.received_on <= end), S, owner)).all()
    released = dict(s.execute(live(select(CcRelease.subject_id, CcRelease.announced_on), CcRelease, owner)).all())
    ended = dict(s.execute(live(select(CcTermination.subject_id, CcTermination.ended_on), CcTermination, owner)).all())

    def on_register(r) -> bool:
        if r.status in ON_REGISTER:
            return True
        left = released.get(r.id) if r.status == RELEASED else ended.get(r.id) if r.status == TERMINATED else None
        return left is not None and left > end
    return [r for r in register if on_register(r)]


def _received(period: str):
    start, end = calendar.period_bounds(period)
    return CorrectionSubject.received_on >= start, CorrectionSubject.received_on <= end


def _count(s: Session, period: str, owner: str | None) -> dict[str, object]:
    start, end = calendar.period_bounds(period)
    S = CorrectionSubject

    def own(stmt, model):
        return live(stmt, model, owner)

    def n(stmt, model) -> int:
        return s.scalar(own(stmt, model)) or 0

    out: dict[str, object] = {}
    names = {k: {c.code: c.name for c in codes.codes(s, k, active_only=False)} for k in ("cc_type", "cc_level", "gender")}
    rows = _register(s, end, owner)
    out["on_register"] = len(rows)
    out["juvenile"] = sum(1 for r in rows if r.juvenile)
    out["by_type"] = dict(Counter(names["cc_type"].get(r.correction_type, r.correction_type) for r in rows))
    out["by_level"] = dict(Counter(names["cc_level"].get(r.level, r.level) for r in rows))
    out["by_gender"] = dict(Counter(names["gender"].get(r.gender, "未填") for r in rows))

    intakes = s.execute(own(select(S.effective_date, S.reported_on).where(*_received(period)), S)).all()
    out["received"] = len(intakes)
    out["on_time"] = sum(1 for e, r in intakes if e and r and r <= rules.report_in_due(e))
    out["released"] = n(select(func.count()).select_from(CcRelease).where(
        CcRelease.announced_on >= start, CcRelease.announced_on <= end), CcRelease)
    term = s.execute(own(select(CcTermination.reason, func.count()).where(
        CcTermination.ended_on >= start, CcTermination.ended_on <= end).group_by(CcTermination.reason), CcTermination)).all()
    reasons = {c.code: c.name for c in codes.codes(s, "cc_termination_reason", active_only=False)}
    out["terminated"] = sum(k for _, k in term)
    out["terminated_by_reason"] = {reasons.get(r, r): k for r, k in term}
    leaves = s.execute(own(select(CcLeave.approver, func.count()).where(
        CcLeave.decision == APPROVED, CcLeave.decided_on >= start, CcLeave.decided_on <= end)
        .group_by(CcLeave.approver), CcLeave)).all()
    approvers = {c.code: c.name for c in codes.codes(s, "cc_approver", active_only=False)}
    out["leaves"] = sum(k for _, k in leaves)
    out["leaves_by_approver"] = {approvers.get(a, a): k for a, k in leaves}
    out["moves_out"] = n(select(func.count()).select_from(CcResidenceChange).where(
        CcResidenceChange.decision == APPROVED, CcResidenceChange.decided_on >= start,
        CcResidenceChange.decided_on <= end), CcResidenceChange)
    decided = dict(s.execute(own(select(CcSanctionDecision.measure, func.count()).where(
        CcSanctionDecision.decided_on >= start, CcSanctionDecision.decided_on <= end)
        .group_by(CcSanctionDecision.measure), CcSanctionDecision)).all())
    for key, code in (("commendations", COMMEND), ("admonitions", ADMONISH), ("warnings", WARN),
                      ("police_penalties", POLICE_PENALTY)):
        out[key] = decided.get(code, 0)
    out["revocations"] = sum(decided.get(c, 0) for c in (REVOKE_PROBATION, REVOKE_PAROLE, RECOMMIT))
    out["violations"] = n(select(func.count()).select_from(CcViolation).where(
        CcViolation.occurred_on >= start, CcViolation.occurred_on <= end), CcViolation)
    out["locators"] = n(select(func.count(func.distinct(CcLocator.subject_id))).where(
        CcLocator.start <= end, CcLocator.end >= start), CcLocator)
    events = dict(s.execute(own(select(CcMajorEvent.kind, func.count()).where(
        func.date(CcMajorEvent.occurred_at) >= start.isoformat(), func.date(CcMajorEvent.occurred_at) <= end.isoformat())
        .group_by(CcMajorEvent.kind), CcMajorEvent)).all())
    out["lost_contact"] = events.get(LOST_CONTACT, 0)
    out["missed_intake"] = events.get(MISSED_INTAKE, 0)
    out["reoffended"] = events.get(REOFFENDED, 0)
    inv = s.execute(own(select(CcInvestigation.received_on, CcInvestigation.fast_track, CcInvestigation.submitted_on)
                        .where(CcInvestigation.submitted_on >= start, CcInvestigation.submitted_on <= end),
                        CcInvestigation)).all()
    out["investigations"] = len(inv)
    out["investigations_on_time"] = sum(1 for r, f, d in inv if d <= rules.investigation_due(r, f))
    hours = dict(s.execute(own(select(CcSupervision.kind, func.sum(CcSupervision.hours)).where(
        CcSupervision.day >= start, CcSupervision.day <= end,
        CcSupervision.kind.in_(["education", "public_benefit"])).group_by(CcSupervision.kind), CcSupervision)).all())
    out["education_hours"] = int(hours.get("education") or 0)
    out["public_benefit_hours"] = int(hours.get("public_benefit") or 0)
    out["assistance"] = n(select(func.count()).select_from(CcSupervision).where(
        CcSupervision.kind == "assistance", CcSupervision.day >= start, CcSupervision.day <= end), CcSupervision)
    return out


def on_register(s: Session, who, today) -> int:
    """The dashboard tile 在册社区矫正对象 (a count: visible to every account that reads records)."""
    from sfs_desktop.core.security.access import require

    require(who, "record.read")
    return s.scalar(live(select(func.count()).select_from(CorrectionSubject), CorrectionSubject)
                    .where(CorrectionSubject.status.in_(ON_REGISTER))) or 0


def lost_or_missed_this_year(s: Session, who, today) -> int:
    """The dashboard tile 本年脱管漏管 (the county's target is 0): 脱管 and 漏管 reports this year."""
    from sfs_desktop.core.security.access import require

    require(who, "record.read")
    start = date(today.year, 1, 1).isoformat()
    return s.scalar(live(select(func.count()).select_from(CcMajorEvent), CcMajorEvent)
                    .where(CcMajorEvent.kind.in_((LOST_CONTACT, MISSED_INTAKE)),
                           func.date(CcMajorEvent.occurred_at) >= start,
                           func.date(CcMajorEvent.occurred_at) <= today.isoformat())) or 0


def register_ids(s: Session, period: str, owner: str | None) -> list[str]:
    """期末在册对象名单: the subjects `on_register` counts."""
    return [r.id for r in _register(s, calendar.period_bounds(period)[1], owner)]


def received_ids(s: Session, period: str, owner: str | None) -> list[str]:
    """新接收对象名单: the subjects `received` counts."""
    return list(s.scalars(live(select(CorrectionSubject.id).where(*_received(period)), CorrectionSubject, owner)))


_C, _R = Kind.COUNT, Kind.RATIO
REPORT = Report(
    name="correction", title="社区矫正工作统计表", count=_count,
    measures=(
        Measure("on_register", "期末在册人数", _C, "期末仍在册（待报到、在矫、外出中、失联）且接收日期不晚于期末的对象", "在册",
                by_station=True),
        Measure("juvenile", "其中未成年人", _C, "期末在册对象中犯罪时未成年的（含矫正期间已满十八周岁的）", "在册"),
        Measure("received", "新接收", _C, "接收日期在统计期间内的对象", "接收", by_station=True),
        Measure("on_time", "其中按期报到", _C, "新接收对象中在判决生效之日起十日内报到的", "接收"),
        Measure("on_time_rate", "按期报到率", _R, "按期报到 ÷ 新接收", "接收", of=("on_time", "received")),
        Measure("released", "解除矫正", _C, "解除社区矫正宣告日期在统计期间内的", "解除与终止", by_station=True),
        Measure("terminated", "终止矫正", _C, "终止日期在统计期间内的（撤销缓刑、撤销假释、收监执行、死亡）", "解除与终止"),
        Measure("leaves", "批准外出", _C, "审批日期在统计期间内且批准的外出申请", "外出与迁居"),
        Measure("moves_out", "变更执行地（迁出）", _C, "决定日期在统计期间内且批准的变更执行地", "外出与迁居"),
        Measure("commendations", "表扬", _C, "决定日期在统计期间内的表扬", "奖惩", by_station=True),
        Measure("admonitions", "训诫", _C, "决定日期在统计期间内的训诫", "奖惩", by_station=True),
        Measure("warnings", "警告", _C, "决定日期在统计期间内的警告", "奖惩", by_station=True),
        Measure("police_penalties", "提请治安管理处罚", _C, "决定日期在统计期间内的提请治安管理处罚", "奖惩"),
        Measure("revocations", "提请撤销缓刑、假释或收监", _C, "决定日期在统计期间内的提请撤销缓刑、撤销假释、收监执行", "奖惩"),
        Measure("violations", "违规情况", _C, "发生日期在统计期间内的违规", "奖惩"),
        Measure("locators", "使用电子定位", _C, "电子定位期间与统计期间重叠的对象数", "监管"),
        Measure("lost_contact", "脱管", _C, "发生时间在统计期间内的脱管（失去联系）报告（目标为 0）", "监管", by_station=True),
        Measure("missed_intake", "漏管", _C, "发生时间在统计期间内的漏管报告（目标为 0）", "监管", by_station=True),
        Measure("reoffended", "重新犯罪", _C, "发生时间在统计期间内的重新犯罪报告", "监管"),
        Measure("reoffence_rate", "重新犯罪率", _R, "重新犯罪 ÷ 期末在册人数", "监管", of=("reoffended", "on_register")),
        Measure("investigations", "完成调查评估", _C, "提交日期在统计期间内的调查评估", "调查评估"),
        Measure("investigations_on_time", "其中按期完成", _C, "十个工作日内（速裁五个工作日）提交的", "调查评估"),
        Measure("investigation_on_time_rate", "调查评估按期完成率", _R, "按期完成 ÷ 完成调查评估", "调查评估",
                of=("investigations_on_time", "investigations")),
        Measure("education_hours", "教育学习（小时）", _C, "日期在统计期间内的教育学习时长之和", "教育帮扶"),
        Measure("public_benefit_hours", "公益活动（小时）", _C, "日期在统计期间内的公益活动时长之和", "教育帮扶"),
        Measure("assistance", "帮扶（次）", _C, "日期在统计期间内的帮扶记录数", "教育帮扶"),
    ),
    breakdowns=(Breakdown("by_type", "矫正类别", "期末在册对象按矫正类别"),
                Breakdown("by_level", "管理等级", "期末在册对象按管理等级"),
                Breakdown("by_gender", "性别", "期末在册对象按性别"),
                Breakdown("terminated_by_reason", "终止原因", "终止矫正按原因"),
                Breakdown("leaves_by_approver", "外出审批机关", "批准外出按审批机关")),
    details=(Detail("register", "期末在册对象名单", "correction_subject", register_ids),
             Detail("received", "新接收对象名单", "correction_subject", received_ids)),
)
"""The §4.7 table, declared once: `report correction` and the county's by-station table read it."""

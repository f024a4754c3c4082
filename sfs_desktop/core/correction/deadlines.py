"""Correction deadlines for the dashboard and `sfs-desktop due` (domain.md §4.3, §4.5).

Every date comes from `.rules` (which asks `calendar.due_date`); supervision frequencies come
from the SQL of `.queries`. Items carry the subject's name only (never an ID number or the crime).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable

from sqlmodel import Session, select

from sfs_desktop.core import codes, deadlines, params
from sfs_desktop.core.correction import queries, rules
from sfs_desktop.core.correction.constants import (ACTIVE_STATUSES, APPROVED, AWAITING, HEALTH_REPORT,
                                                   MEDICAL_PAROLE, REEXAM, TEMP_EXEC)
from sfs_desktop.core.correction.models import (CcInvestigation, CcLeave, CcLocator, CcRegularTravel, CcRelease,
                                                CcResidenceChange, CcSupervision, CorrectionSubject)
from sfs_desktop.core.db.synced import live
from sfs_desktop.core.deadlines import DueItem

DUTY = "社区矫正"
SUBJECT = "correction_subject"
PER = {"week": "本周", "month": "本月", "quarter": "本季度"}
LAST = {"week": "上周", "month": "上月", "quarter": "上季度"}


@deadlines.register
def correction_due(s: Session, today: date) -> Iterable[DueItem]:
    yield from report_in(s, today)
    yield from frequencies(s, today)
    yield from leaves(s, today)
    yield from timers(s, today)
    yield from release(s, today)
    yield from investigations(s, today)


def report_in(s: Session, today: date) -> Iterable[DueItem]:
    """§4.5.1: not reported by the due day → 组织查找 (and a violation draft once found)."""
    rows = s.exec(live(select(CorrectionSubject), CorrectionSubject).where(
        CorrectionSubject.status == AWAITING, CorrectionSubject.effective_date != None)).all()  # noqa: E711
    for r in rows:
        due = rules.report_in_due(r.effective_date)
        title = "报到期限" if today <= due else "逾期未报到：组织查找，防止漏管"
        yield DueItem(DUTY, r.name, title, "社区矫正法第二十一条：判决生效之日起十日内报到", due, SUBJECT, r.id)


def frequencies(s: Session, today: date) -> Iterable[DueItem]:
    names = {c.code: c.name for c in codes.codes(s, "cc_activity", active_only=False)}
    for gap, overdue in queries.due_gaps(s, today):
        what = names.get(gap.activity, gap.activity)
        need = f"{gap.count} 次" if gap.count else f"{gap.min_hours} 小时"
        have = f"{gap.done} 次" if gap.count else f"{gap.hours} 小时"
        if gap.count and gap.min_hours:
            need, have = f"{gap.count} 次 {gap.min_hours} 小时", f"{gap.done} 次 {gap.hours} 小时"
        when = LAST[gap.per] if overdue else PER[gap.per]
        yield DueItem(DUTY, gap.name, f"{when}{what}：应 {need}，已 {have}", "监管频次（县司法局监管频次表）",
                      gap.last, SUBJECT, gap.subject_id)


def leaves(s: Session, today: date) -> Iterable[DueItem]:
    """C12 return reports; C13 regular-travel approvals running out; C14 steps of a move."""
    rows = s.execute(live(select(CcLeave.subject_id, CcLeave.end, CorrectionSubject.name), CcLeave)
                     .join(CorrectionSubject, CorrectionSubject.id == CcLeave.subject_id)
                     .where(CcLeave.decision == APPROVED, CcLeave.returned_on == None,  # noqa: E711
                            CorrectionSubject.status.in_(ACTIVE_STATUSES))).all()
    for sid, end, name in rows:
        yield DueItem(DUTY, name, "外出期满返回报告" if today <= end else "外出逾期未归：责令返回",
                      "外出期满前返回并报告（实施办法第二十八条）", end, SUBJECT, sid)
    travel = s.execute(live(select(CcRegularTravel.subject_id, CcRegularTravel.valid_to, CorrectionSubject.name),
                            CcRegularTravel).join(CorrectionSubject, CorrectionSubject.id == CcRegularTravel.subject_id)
                       .where(CorrectionSubject.status.in_(ACTIVE_STATUSES),
                              CcRegularTravel.valid_to >= today - timedelta(days=7))).all()
    for sid, end, name in travel:
        yield DueItem(DUTY, name, "经常性跨市县活动批准期满", "一次批准有效期六个月，期满重新申请（实施办法第二十九条）",
                      end, SUBJECT, sid)
    moves = s.exec(live(select(CcResidenceChange), CcResidenceChange)).all()
    for m in moves:
        subj = s.get(CorrectionSubject, m.subject_id)
        if subj is None or subj.status not in ACTIVE_STATUSES:
            continue
        approved = None if m.decided_on is None else m.decision == APPROVED
        for step in rules.residence_steps(m.applied_on, m.move_on, m.asked_on, m.replied_on, approved, m.decided_on,
                                          m.told_on, m.files_sent_on, m.reported_new_on):
            if step.done is None:
                yield DueItem(DUTY, subj.name, f"变更执行地：{step.title}", step.rule, step.due, SUBJECT, subj.id)


def timers(s: Session, today: date) -> Iterable[DueItem]:
    """C25 e-locator periods; C15 medical-parole reports."""
    notice = params.get(s, "correction.locator_notice_days")
    rows = s.execute(live(select(CcLocator.subject_id, CcLocator.end, CorrectionSubject.name), CcLocator)
                     .join(CorrectionSubject, CorrectionSubject.id == CcLocator.subject_id)
                     .where(CcLocator.removed_on == None, CorrectionSubject.status.in_(ACTIVE_STATUSES))).all()  # noqa: E711
    ends: dict[str, tuple[date, str]] = {}
    for sid, end, name in rows:  # an extension is a later period: only the latest end counts
        if sid not in ends or end > ends[sid][0]:
            ends[sid] = (end, name)
    for sid, (end, name) in ends.items():
        yield DueItem(DUTY, name, "电子定位期满：解除或延长", "社区矫正法第二十九条：每次不超过三个月", end, SUBJECT, sid,
                      notice_from=end - timedelta(days=notice))
    medical = s.exec(live(select(CorrectionSubject), CorrectionSubject).where(
        CorrectionSubject.correction_type == TEMP_EXEC, CorrectionSubject.temp_exec_reason == MEDICAL_PAROLE,
        CorrectionSubject.status.in_(ACTIVE_STATUSES), CorrectionSubject.received_on != None)).all()  # noqa: E711
    for r in medical:
        for kind, months, title in ((HEALTH_REPORT, rules.HEALTH_REPORT_MONTHS, "保外就医病情报告（每月）"),
                                    (REEXAM, rules.REEXAM_MONTHS, "保外就医病情复查结果（每三个月）")):
            last = s.exec(live(select(CcSupervision.day), CcSupervision).where(
                CcSupervision.subject_id == r.id, CcSupervision.kind == kind)
                .order_by(CcSupervision.day.desc())).first()
            yield DueItem(DUTY, r.name, title, "暂予监外执行（保外就医）的病情报告与复查", rules.medical_due(last or r.received_on, months),
                          SUBJECT, r.id)


RELEASE_STEPS = (("summary_on", "个人总结"), ("appraisal_on", "司法所鉴定意见"), ("handover_on", "移交安置帮教"),
                 ("announced_on", "解除社区矫正宣告"))


def release(s: Session, today: date) -> Iterable[DueItem]:
    """§4.5.7: from 30 days before the term ends, each release step still open."""
    notice = params.get(s, "correction.release_notice_days")
    rows = s.exec(live(select(CorrectionSubject), CorrectionSubject).where(
        CorrectionSubject.status.in_(ACTIVE_STATUSES), CorrectionSubject.term_end != None,  # noqa: E711
        CorrectionSubject.term_end <= today + timedelta(days=notice))).all()
    for r in rows:
        rel = s.exec(live(select(CcRelease), CcRelease).where(CcRelease.subject_id == r.id)).first()
        for name, title in RELEASE_STEPS:
            if rel is None or getattr(rel, name) is None:
                yield DueItem(DUTY, r.name, f"解矫准备：{title}", "矫正期满前三十日开始解矫准备", r.term_end, SUBJECT, r.id,
                              notice_from=rules.release_notice(r.term_end, notice))


def investigations(s: Session, today: date) -> Iterable[DueItem]:
    rows = s.exec(live(select(CcInvestigation), CcInvestigation).where(CcInvestigation.submitted_on == None)).all()  # noqa: E711
    for r in rows:
        yield DueItem(DUTY, r.person_name, "调查评估意见提交", "委托之日起十个工作日（速裁五个工作日）",
                      rules.investigation_due(r.received_on, r.fast_track), "cc_investigation", r.id)

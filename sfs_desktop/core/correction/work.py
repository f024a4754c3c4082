"""Correction operations: every one takes the acting principal and refuses in core.

Reading or changing any correction row needs "s3.read" (a 调解员 or an 只读 account is refused,
whatever screen it comes from); each subject opened is an audited S3 view, even in a read session
(written when it closes). A juvenile subject (C33) and its rows need "juvenile.read" besides, and
each access to one is audited again as such (`access.check_row`). Values are checked
against their field declarations and code tables first, then against the rule of §4.3/§4.5 that
governs them (`.rules`): a refusal is one Chinese sentence and nothing is written. What the county
decides (leave beyond the station's entrustment, sanctions) is refused at a station's program.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, select

from sfs_desktop.core import codes, params
from sfs_desktop.core.correction import rules
from sfs_desktop.core.correction.constants import (
    ABSCONDED, ACTIVE_STATUSES, ADMONISH, APPROVED, AWAITING, COMMEND, HIGHER, LATE_REPORT, LEAVE_PERMIT, LOST, LOST_CONTACT,
    ON_REGISTER, PENDING, REFUSED, RELEASED, STATION, SUPERVISED, TERMINATED, WARN)
from sfs_desktop.core.correction.models import (
    CcLeave, CcLevelChange, CcLocator, CcMajorEvent, CcRegularTravel, CcResidenceChange, CcSanctionDecision,
    CcSupervision, CcTeamMember, CcTermination, CcViolation, CorrectionSubject, CcInvestigation, CcRelease)
from sfs_desktop.core.db.synced import SyncedModel, live
from sfs_desktop.core.printing.service import allocate_serial
from sfs_desktop.core import s3records
from sfs_desktop.core.s3records import open_record, require_s3
from sfs_desktop.core.errors import PermissionDenied, UserError
from sfs_desktop.core.fields import specs
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security.access import Principal, check_row
from sfs_desktop.core.sync.identity import local_node
from sfs_desktop.core.timeline import local_day

STATUS = {"01": "待报到", "02": "在矫", "03": "外出中", "04": "失联", "05": "解除", "06": "终止"}
STEPS: dict[str, tuple[str, ...]] = {  # step → the statuses it applies in (the workspace greys the others)
    "report_in": (AWAITING,), "supervise": ACTIVE_STATUSES, "leave": (SUPERVISED,),
    "violation": ACTIVE_STATUSES, "release": ACTIVE_STATUSES, "found": (LOST,),
}
COUNTY_DECIDES = "由县级社区矫正机构决定：司法所只能提出建议，请在县司法局的程序中办理"




def subject(s: Session, who: Principal, subject_id: str, *, write: bool = False,
            statuses: tuple[str, ...] = (), audited: bool = True) -> CorrectionSubject:
    """The subject, if `who` may read (or change) it; opening one to read is an audited S3 view
    (`audited=False`: the same view read again after a step, already audited when opened)."""
    return open_record(s, who, CorrectionSubject, subject_id, missing="社区矫正对象不存在或已删除", names=STATUS,
                       write=write, statuses=statuses, audited=audited)


def status_refusal(status: str, statuses: tuple[str, ...]) -> str | None:
    """Why a step does not apply to a subject in `status` (None when it does): one wording for the
    refusal and for the greyed button's tooltip."""
    return s3records.status_refusal(status, statuses, STATUS)


def _checked(s: Session, model: type[SyncedModel], values: dict[str, Any]) -> dict[str, Any]:
    return s3records.checked(s, model, values, "subject_id")


_not_future = s3records.not_future


def _add(s: Session, model: type[SyncedModel], subject_id: str, values: dict[str, Any]) -> Any:
    return s3records.add(s, model, {**values, "subject_id": subject_id})


def _county(s: Session, what: str) -> None:
    if local_node(s).role != "county":
        raise PermissionDenied(f"{what}{COUNTY_DECIDES}")


# --- the subject --------------------------------------------------------------------------------

def register_subject(s: Session, who: Principal, values: dict[str, Any], *, today: date,
                     accept_warnings: bool = False) -> CorrectionSubject:
    """登记 (or, at the county, enter before assigning): the identity is a person of the registry;
    one person is on the register once; the term is checked against §4.2."""
    require_s3(who, True)
    person = s.get(Person, values.get("person_id") or "")
    if person is None or person.deleted:
        raise UserError("请从人员信息库选择社区矫正对象本人（人员不存在）")
    values = _checked(s, CorrectionSubject, {**values, "name": person.name})
    row = CorrectionSubject(**_admitted(s, person, values, today=today, accept_warnings=accept_warnings))
    s.add(row)
    s.flush()
    return row


def check_assigned(s: Session, row: CorrectionSubject) -> None:
    """The county's 交办 of a subject (`assign correction_subject`, core.sync.assign): the rules of
    registering one by hand, on the row the county entered (its person is already the station's:
    ``Assignable.person``); the fields the rules derive (姓名, 犯罪时未成年, 状态) are set on it."""
    person = s.get(Person, row.person_id or "")
    if person is None or person.deleted:
        raise UserError("请填写社区矫正对象本人的姓名、证件号码等信息")
    values = {f.name: getattr(row, f.name) for f in specs(CorrectionSubject)}
    for name, value in _admitted(s, person, {**values, "name": person.name}, today=date.today()).items():
        setattr(row, name, value)


def _admitted(s: Session, person: Person, values: dict[str, Any], *, today: date,
              accept_warnings: bool = False) -> dict[str, Any]:
    """What registering and assigning a subject share: no date after today, the report-in not before
    the ruling took effect, one person on the register once, the term as §4.2 bounds it, C33's flag
    and the status the dates give."""
    for name in ("effective_date", "reported_on", "received_on"):
        _not_future(values.get(name), {"effective_date": "判决生效日期", "reported_on": "报到日期",
                                       "received_on": "接收日期"}[name], today)
    if values.get("reported_on") and values.get("effective_date") and values["reported_on"] < values["effective_date"]:
        raise UserError("报到日期不能早于判决（裁定、决定）生效日期")
    existing = s.exec(live(select(CorrectionSubject.id), CorrectionSubject).where(
        CorrectionSubject.person_id == person.id, CorrectionSubject.status.in_(ON_REGISTER))).first()
    if existing:
        raise UserError(f"{person.name}已在册接受社区矫正，不能重复登记")
    problems = rules.term_problems(values["correction_type"], values.get("original_penalty"),
                                   values.get("original_months"), values.get("term_start"), values.get("term_end"),
                                   values.get("custody_days") or 0)
    if problems and (not accept_warnings or problems[0].startswith("矫正期限止不能早于")):
        raise UserError("；".join(problems))
    if values.get("offence_date") and person.birth_date:
        values["juvenile"] = values.get("juvenile") or rules.juvenile_rules(person.birth_date, values["offence_date"])
    if values.get("reported_on") and values.get("received_on"):
        values["status"] = SUPERVISED
    return values


def report_in(s: Session, who: Principal, subject_id: str, reported_on: date, *, today: date) -> CcViolation | None:
    """报到 and 接收 (C2, C5): the subject is under supervision from that day. A late report-in
    leaves a violation draft with the measure §4.5.1 suggests (the station then proposes it)."""
    row = subject(s, who, subject_id, write=True, statuses=STEPS["report_in"])
    _not_future(reported_on, "报到日期", today)
    if row.effective_date and reported_on < row.effective_date:
        raise UserError("报到日期不能早于判决（裁定、决定）生效日期")
    row.reported_on, row.received_on, row.status = reported_on, row.received_on or reported_on, SUPERVISED
    s.add(row)
    s.add(CcLevelChange(subject_id=row.id, changed_on=reported_on, level=row.level, risk=row.risk, reason="入矫"))
    if row.effective_date is None:
        return None
    due = rules.report_in_due(row.effective_date)
    days = rules.late_days(due, reported_on)
    if not days:
        return None
    return draft_violation(s, row, LATE_REPORT, days, reported_on,
                           f"应于 {due:%Y-%m-%d} 前报到，实际 {reported_on:%Y-%m-%d} 报到，逾期 {days} 日")


def draft_violation(s: Session, row: CorrectionSubject, kind: str, days: int, on: date, facts: str) -> CcViolation:
    due = rules.report_in_due(row.effective_date) if kind == LATE_REPORT and row.effective_date else None
    suggested = rules.suggest_sanction(row.correction_type, kind, days, sanction_record(s, row), due=due, occurred=on)
    return _add(s, CcViolation, row.id, {"occurred_on": on, "kind": kind, "days": days, "facts": facts,
                                         "suggested": suggested})


def change_level(s: Session, who: Principal, subject_id: str, level: str, reason: str, on: date,
                 risk: str | None = None) -> CcLevelChange:
    row = subject(s, who, subject_id, write=True, statuses=ACTIVE_STATUSES)
    values = _checked(s, CcLevelChange, {"changed_on": on, "level": level, "risk": risk, "reason": reason})
    row.level, row.risk = level, risk or row.risk
    s.add(row)
    return _add(s, CcLevelChange, row.id, values)


def add_team_member(s: Session, who: Principal, subject_id: str, values: dict[str, Any]) -> CcTeamMember:
    row = subject(s, who, subject_id, write=True, statuses=(AWAITING, *ACTIVE_STATUSES))
    return _add(s, CcTeamMember, row.id, _checked(s, CcTeamMember, values))


def team_problems(s: Session, who: Principal, subject_id: str) -> list[str]:
    """§4.5.4 (C7) on the subject's current team."""
    row = subject(s, who, subject_id)
    person = s.get(Person, row.person_id)
    genders = s.exec(live(select(CcTeamMember.gender), CcTeamMember).where(
        CcTeamMember.subject_id == row.id, CcTeamMember.active == True)).all()  # noqa: E712
    return rules.team_problems(person.gender if person else None, genders)


# --- supervision events -------------------------------------------------------------------------

def record_supervision(s: Session, who: Principal, subject_id: str, values: dict[str, Any], *,
                       today: date) -> CcSupervision:
    """A report, check-in, visit, talk, education or public-benefit hours …: the timeline's quick entries."""
    row = subject(s, who, subject_id, write=True, statuses=STEPS["supervise"])
    values = _checked(s, CcSupervision, values)
    _not_future(values["day"], "日期", today)
    if row.received_on and values["day"] < row.received_on:
        raise UserError(f"日期不能早于接收日期（{row.received_on:%Y-%m-%d}）")
    if (values.get("hours") or 0) < 0:
        raise UserError("时长不能为负数")
    return _add(s, CcSupervision, row.id, values)


def undo_supervision(s: Session, who: Principal, event_id: str, *, today: date) -> None:
    """撤销 an entry made by mistake (the ledger's one-click report on the wrong row): only the
    account that entered it, the same day; it stays as a tombstone (the county learns of it) and
    the deletion is audited like any other."""
    row = s.get(CcSupervision, event_id)
    if row is None or row.deleted:
        raise UserError("要撤销的监管记录不存在或已撤销")
    subject(s, who, row.subject_id, write=True)
    if row.created_by != who.username or local_day(row.created_at) != today:
        raise UserError("只能撤销本人当天登记的监管记录")
    s.delete(row)
    s.flush()


# --- leave (C9–C13) -----------------------------------------------------------------------------

def approved_leaves(s: Session, subject_id: str, but: str | None = None) -> list[tuple[date, date]]:
    stmt = live(select(CcLeave.start, CcLeave.end, CcLeave.id), CcLeave).where(
        CcLeave.subject_id == subject_id, CcLeave.decision == APPROVED)
    return [(a, b) for a, b, i in s.exec(stmt).all() if i != but]


def file_leave(s: Session, who: Principal, subject_id: str, values: dict[str, Any]) -> CcLeave:
    """外出申请: the approver (C11) is named when it is filed, before the form prints."""
    row = subject(s, who, subject_id, write=True, statuses=STEPS["leave"])
    values = _checked(s, CcLeave, values)
    start, end = values["start"], values["end"]
    problems = rules.leave_problems(start, end, values["applied_on"], params.get(s, "correction.leave_lead_days"))
    if problems and not problems[0].startswith("一次外出"):
        raise UserError(problems[0])
    if row.term_end and end > row.term_end:
        raise UserError(f"外出止日期不能晚于矫正期满日（{row.term_end:%Y-%m-%d}）")
    may = bool(params.get(s, "correction.station_may_approve_leave"))
    values.update(days=rules.days_inclusive(start, end), decision=PENDING,
                  approver=rules.leave_approver(start, end, approved_leaves(s, row.id), may))
    return _add(s, CcLeave, row.id, values)


def required_approver(s: Session, who: Principal, leave_id: str) -> str:
    """The approver's name (县级社区矫正机构 …), recomputed against the approvals made since it was filed."""
    leave = _leave(s, who, leave_id)
    return codes.code_name(s, "cc_approver", leave.approver)


def _leave(s: Session, who: Principal, leave_id: str, *, write: bool = False) -> CcLeave:
    leave = s.get(CcLeave, leave_id)
    if leave is None or leave.deleted:
        raise UserError("外出申请不存在或已删除")
    subject(s, who, leave.subject_id, write=write)
    return leave


def decide_leave(s: Session, who: Principal, leave_id: str, approve: bool, on: date) -> CcLeave:
    """批准 or 不批准: the station only within its entrustment (≤ 7 days); the rest at the county.
    An approval re-checks the two-month sum (another leave may have been approved meanwhile) and
    numbers the 外出证明."""
    leave = _leave(s, who, leave_id, write=True)
    if leave.decision != PENDING:
        raise UserError("该外出申请已审批")
    if on < leave.applied_on:
        raise UserError("审批日期不能早于申请日期")
    may = bool(params.get(s, "correction.station_may_approve_leave"))
    leave.approver = rules.leave_approver(leave.start, leave.end, approved_leaves(s, leave.subject_id, leave.id), may)
    if leave.approver != STATION:
        _county(s, f"本次外出 {leave.days} 日，")
    if leave.approver == HIGHER and approve:
        raise UserError("外出超过三十日或两个月内累计超过三十日，须报上一级社区矫正机构审批，请记录其批准文书后再登记")
    leave.decision, leave.decided_on = (APPROVED if approve else REFUSED), on
    if approve:
        leave.certificate_no = allocate_serial(s, LEAVE_PERMIT, on.year)  # the number its 外出证明 prints
    s.add(leave)
    return leave


def record_return(s: Session, who: Principal, leave_id: str, returned_on: date, *, today: date) -> CcLeave:
    """C12: the return report; after the approved end it is an overstay (and a violation draft)."""
    leave = _leave(s, who, leave_id, write=True)
    if leave.decision != APPROVED:
        raise UserError("只有已批准的外出才能登记返回")
    _not_future(returned_on, "返回报告日期", today)
    if returned_on < leave.start:
        raise UserError("返回日期不能早于外出起日期")
    leave.returned_on = returned_on
    days = rules.overstay_days(leave.end, returned_on, today)
    leave.overstay = days > 0
    s.add(leave)
    if days:
        row = s.get(CorrectionSubject, leave.subject_id)
        draft_violation(s, row, "03" if days <= rules.ADMONISH_MAX_LATE else "04", days, returned_on,
                        f"外出批准至 {leave.end:%Y-%m-%d}，{returned_on:%Y-%m-%d} 返回报告，逾期 {days} 日")
    return leave


def add_regular_travel(s: Session, who: Principal, subject_id: str, values: dict[str, Any]) -> CcRegularTravel:
    row = subject(s, who, subject_id, write=True, statuses=ACTIVE_STATUSES)
    values = _checked(s, CcRegularTravel, values)
    last = rules.regular_travel_end(values["valid_from"])
    if values["valid_to"] < values["valid_from"]:
        raise UserError("有效期止不能早于有效期起")
    if values["valid_to"] > last:
        raise UserError(f"经常性跨市县活动一次批准的有效期不超过六个月（最迟至 {last:%Y-%m-%d}），期满后重新申请")
    return _add(s, CcRegularTravel, row.id, values)


def apply_residence_change(s: Session, who: Principal, subject_id: str, values: dict[str, Any]) -> CcResidenceChange:
    row = subject(s, who, subject_id, write=True, statuses=ACTIVE_STATUSES)
    values = _checked(s, CcResidenceChange, values)
    if rules.move_notice_short(values["applied_on"], values["move_on"]):
        raise UserError("变更执行地应当提前一个月提出书面申请")
    return _add(s, CcResidenceChange, row.id, values)


# --- violations and sanctions (C16–C23) ---------------------------------------------------------

def sanction_record(s: Session, row: CorrectionSubject) -> rules.Record:
    """训诫/警告 the county decided in this term (from the term start, or every one if none is known)."""
    stmt = live(select(CcSanctionDecision.measure), CcSanctionDecision).where(
        CcSanctionDecision.subject_id == row.id, CcSanctionDecision.decision == APPROVED)
    if row.term_start:
        stmt = stmt.where(CcSanctionDecision.decided_on >= row.term_start)
    measures = list(s.exec(stmt).all())
    return rules.Record(measures.count(ADMONISH), measures.count(WARN), "04" in measures)


def record_violation(s: Session, who: Principal, subject_id: str, values: dict[str, Any], *,
                     today: date) -> CcViolation:
    """违规 found by the station; the engine's suggestion is stored beside it."""
    row = subject(s, who, subject_id, write=True, statuses=STEPS["violation"])
    values = _checked(s, CcViolation, values)
    _not_future(values["occurred_on"], "发生日期", today)
    if values["kind"] in (LATE_REPORT, ABSCONDED) and (values.get("days") or 0) <= 0:
        raise UserError("逾期报到或脱离监管须填写天数（大于 0）")
    return draft_violation(s, row, values["kind"], values.get("days") or 0, values["occurred_on"], values["facts"])


def propose(s: Session, who: Principal, violation_id: str, measure: str, on: date) -> CcViolation:
    """提请: the station proposes a measure (usually the suggested one); the county decides."""
    v = s.get(CcViolation, violation_id)
    if v is None or v.deleted:
        raise UserError("违规情况不存在或已删除")
    subject(s, who, v.subject_id, write=True)
    if not codes.code_exists(s, "cc_sanction", measure or "") or measure == COMMEND:
        raise UserError("请选择提请的措施（训诫、警告、提请治安管理处罚、提请撤销缓刑或假释、提请收监）")
    if on < v.occurred_on:
        raise UserError("提请日期不能早于违规发生日期")
    v.proposed, v.proposed_on = measure, on
    s.add(v)
    return v


def decide_sanction(s: Session, who: Principal, violation_id: str, measure: str | None, on: date,
                    decision_no: str | None = None, *, approve: bool = True,
                    note: str | None = None) -> CcSanctionDecision:
    """县级社区矫正机构 decides what the station proposed, once: granted (`measure`, None for the one
    proposed) or not granted (the proposed measure, with the reason in `note`). The decision is the
    station's row: it travels back in the county's next bundle."""
    _county(s, "奖惩措施")
    v = s.get(CcViolation, violation_id)
    if v is None or v.deleted:
        raise UserError("违规情况不存在或已删除")
    subject(s, who, v.subject_id, write=True)
    if v.proposed is None:
        raise UserError("司法所尚未提请措施，不能决定")
    if s.exec(live(select(CcSanctionDecision.id), CcSanctionDecision).where(
            CcSanctionDecision.violation_id == v.id)).first():
        raise UserError("该提请已经决定，不能重复决定")
    if not approve and not (note or "").strip():
        raise UserError("不批准时请在说明中写明理由")
    values = _checked(s, CcSanctionDecision, {"measure": measure if approve and measure else v.proposed,
                                              "decided_on": on, "decision_no": decision_no, "violation_id": v.id,
                                              "subject_id": v.subject_id, "note": note,
                                              "decision": APPROVED if approve else REFUSED})
    if on < (v.proposed_on or v.occurred_on):
        raise UserError("决定日期不能早于提请日期")
    row = CcSanctionDecision(**values, owner=v.owner)
    s.add(row)
    s.flush()
    return row


# --- other proceedings --------------------------------------------------------------------------

def add_locator(s: Session, who: Principal, subject_id: str, values: dict[str, Any]) -> CcLocator:
    row = subject(s, who, subject_id, write=True, statuses=ACTIVE_STATUSES)
    values = _checked(s, CcLocator, values)
    last = rules.locator_end_max(values["start"])
    if values["end"] < values["start"]:
        raise UserError("使用止日期不能早于使用起日期")
    if values["end"] > last:
        raise UserError(f"电子定位每次使用不超过三个月（最迟至 {last:%Y-%m-%d}，社区矫正法第二十九条），需要的可以延长")
    return _add(s, CcLocator, row.id, values)


def report_major_event(s: Session, who: Principal, subject_id: str, values: dict[str, Any]) -> CcMajorEvent:
    """重大事项报告; 脱管 puts the subject in 失联 until found (C26)."""
    row = subject(s, who, subject_id, write=True, statuses=(AWAITING, *ACTIVE_STATUSES))
    values = _checked(s, CcMajorEvent, values)
    if values.get("reported_at") and values["reported_at"] < values["occurred_at"]:
        raise UserError("报告时间不能早于发生时间")
    if values["kind"] == LOST_CONTACT and row.status != AWAITING:
        row.status = LOST
        s.add(row)
    return _add(s, CcMajorEvent, row.id, values)


def found(s: Session, who: Principal, subject_id: str, on: date) -> CorrectionSubject:
    """The lost subject is back under supervision: the open 脱管 events are closed on `on`."""
    row = subject(s, who, subject_id, write=True, statuses=STEPS["found"])
    for e in s.exec(live(select(CcMajorEvent), CcMajorEvent).where(
            CcMajorEvent.subject_id == row.id, CcMajorEvent.kind == LOST_CONTACT,
            CcMajorEvent.resolved_on == None)).all():  # noqa: E711
        e.resolved_on = on
        s.add(e)
    row.status = SUPERVISED
    s.add(row)
    return row


def save_release(s: Session, who: Principal, subject_id: str, values: dict[str, Any]) -> CcRelease:
    """解矫准备 (C31): summary, appraisal, 安置帮教 handover, announcement; complete → 解除, and the
    person is on 安置帮教's register from the announcement (`resettlement.work.from_correction`)."""
    row = subject(s, who, subject_id, write=True, statuses=STEPS["release"])
    values = _checked(s, CcRelease, values)
    rel = s.exec(live(select(CcRelease), CcRelease).where(CcRelease.subject_id == row.id)).first() \
        or CcRelease(subject_id=row.id)
    for k, v in values.items():
        setattr(rel, k, v)
    if rel.announced_on:
        if row.term_end and rel.announced_on < row.term_end:
            raise UserError(f"矫正期满（{row.term_end:%Y-%m-%d}）前不能宣告解除社区矫正")
        missing = [n for n, v in (("个人总结", rel.summary_on), ("鉴定意见", rel.appraisal_on),
                                  ("移交安置帮教", rel.handover_on)) if v is None]
        if missing:
            raise UserError("解除宣告前还须完成：" + "、".join(missing))
        row.status = RELEASED
        s.add(row)
    s.add(rel)
    s.flush()
    if row.status == RELEASED:  # R8: the file passes to 安置帮教, linked to this history (nothing typed twice)
        from sfs_desktop.core.resettlement.work import from_correction

        from_correction(s, row, rel)
    return rel


def terminate(s: Session, who: Principal, subject_id: str, values: dict[str, Any]) -> CcTermination:
    row = subject(s, who, subject_id, write=True, statuses=(AWAITING, *ACTIVE_STATUSES))
    out = _add(s, CcTermination, row.id, _checked(s, CcTermination, values))
    row.status = TERMINATED
    s.add(row)
    return out


def register_investigation(s: Session, who: Principal, values: dict[str, Any], *, today: date) -> CcInvestigation:
    require_s3(who, True)
    values = _checked(s, CcInvestigation, values)
    _not_future(values["received_on"], "收到委托日期", today)
    row = CcInvestigation(**values)
    s.add(row)
    s.flush()
    return row


def submit_investigation(s: Session, who: Principal, investigation_id: str, opinion: str, on: date) -> CcInvestigation:
    require_s3(who, True)
    row = s.get(CcInvestigation, investigation_id)
    if row is None or row.deleted:
        raise UserError("调查评估不存在或已删除")
    check_row(who, CcInvestigation, row, write=True)
    if not codes.code_exists(s, "cc_opinion", opinion or ""):
        raise UserError("请选择评估意见（适宜或不适宜社区矫正）")
    if on < row.received_on:
        raise UserError("提交日期不能早于收到委托日期")
    row.opinion, row.submitted_on = opinion, on
    s.add(row)
    return row

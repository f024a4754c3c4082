"""Where the 社区矫正 forms (:mod:`.forms`) find their values: one source per form.

Subject forms take the subject's record id; the 外出审批表 and 外出证明 a leave; the 谈话/走访 records a
supervision entry; the 审核表 a violation. Every source only loads: who may print (打印 and 涉罪信息,
so never a 调解员 or an 只读 account) is checked by the print service on the record it returns,
which also numbers, keeps the PDF encrypted, logs and audits. Code values print as their names.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import cn2an
from sqlmodel import Session, select

from sfs_desktop.core import codes, params
from sfs_desktop.core.calendar import age_on
from sfs_desktop.core.correction import rules, workfile
from sfs_desktop.core.correction.constants import (
    ADMONISH, APPROVED, COMMEND, COUNTY, LEAVE_PERMIT, P_LIFE, PENDING, STATION, TEMP_EXEC, TERMINATED, WARN)
from sfs_desktop.core.correction.forms import (CONSEQUENCES, DOCUMENTS, LEAVE_CONDITIONS, RELEASE_STATEMENTS, RIGHTS,
                                               RULES, SENTENCES, TEAM_DUTIES, TYPE_RULES)
from sfs_desktop.core.correction.models import (CcContact, CcFrequency, CcLeave, CcRelease, CcSanctionDecision,
                                                CcSupervision, CcTeamMember, CcViolation, CorrectionSubject)
from sfs_desktop.core.db.synced import live
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import specs
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.printing.formats import plain_date
from sfs_desktop.core.printing.service import Loaded, bureau, record, source, station
from sfs_desktop.core.sync.identity import local_node

SUBJECT = "correction_subject"
TALK_KINDS = ("talk", "education")
APPROVERS = {  # why the router named this approver (C11), printed beside it
    STATION: "外出七日以内，县级社区矫正机构委托司法所审批，报县级社区矫正机构备案",
    COUNTY: "外出超过七日（或未委托司法所审批），由县级社区矫正机构审批",
    "03": "外出超过三十日，或者两个月内累计外出超过三十日，报上一级社区矫正机构审批",
}
TEAM_ROLES = {"01": "组长，负责日常监督管理和教育帮扶", "02": "掌握日常表现，协助走访",
              "03": "督促遵守规定，及时报告异常", "04": "履行监护职责", "05": "掌握工作表现",
              "06": "掌握在校表现", "07": "心理疏导和帮扶", "08": "协助教育帮扶"}


def readable(s: Session, row: Any) -> dict[str, Any]:
    """A row's declared fields as a form prints them: a code as its name."""
    out = {}
    for spec in specs(type(row)):
        value = getattr(row, spec.name)
        out[spec.name] = codes.value_text(s, spec, value) if spec.code_table and value is not None else value
    return out


def _span(months: int) -> str:
    """18 → 一年六个月 (as judgments write terms)."""
    years, rest = divmod(months, 12)
    return (f"{cn2an.an2cn(years)}年" if years else "") + (f"{cn2an.an2cn(rest)}个月" if rest else "")


def penalty(s: Session, c: CorrectionSubject) -> str:
    """有期徒刑一年六个月, 无期徒刑, 管制一年."""
    name = codes.code_name(s, "cc_penalty", c.original_penalty)
    if c.original_penalty == P_LIFE or not c.original_months:
        return name
    return name + _span(c.original_months)


def _team(s: Session, c: CorrectionSubject) -> list[CcTeamMember]:
    return list(s.exec(live(select(CcTeamMember), CcTeamMember).where(
        CcTeamMember.subject_id == c.id, CcTeamMember.active == True).order_by(CcTeamMember.role)).all())  # noqa: E712


def subject_values(s: Session, c: CorrectionSubject) -> dict[str, Any]:
    """What every subject form may print: the subject's fields (also as "subject."), its person's
    ("person."), the station, the county agency, the term, the age and the original penalty."""
    person = s.get(Person, c.person_id)
    sv, pv = readable(s, c), (readable(s, person) if person else {})
    st = station(s)
    on = c.received_on or c.effective_date or date.today()
    team = _team(s, c)
    return {**sv, "subject": sv, "person": pv, "station": st.name, "agency": c.county_agency or bureau(st.name),
            "term": f"{plain_date(c.term_start)}至{plain_date(c.term_end)}" if c.term_start and c.term_end else "",
            "age": f"{age_on(person.birth_date, on)}岁" if person and person.birth_date else "",
            "penalty": penalty(s, c), "members": "、".join(m.name for m in team),
            "document": DOCUMENTS.get(c.correction_type, ""),
            "sentence": SENTENCES.get(c.correction_type, "{penalty}").format(penalty=penalty(s, c))}


def find_subject(s: Session, ref: str | None) -> CorrectionSubject:
    return record(s, CorrectionSubject, ref, "社区矫正对象")


def _year(c: CorrectionSubject) -> int:
    return (c.received_on or c.effective_date or c.created_at.date()).year


def _subject_form(s: Session, ref: str | None, **extra) -> Loaded:
    c = find_subject(s, ref)
    return Loaded(SUBJECT, c.id, {**subject_values(s, c), **extra}, _year(c))


# --- F-C1 to F-C6 --------------------------------------------------------------------------

@source("correction.intake")
def intake_context(s: Session, ref: str | None) -> Loaded:
    c = find_subject(s, ref)
    contacts = s.exec(live(select(CcContact), CcContact).where(CcContact.subject_id == c.id)
                      .order_by(CcContact.role)).all()
    rows = [{k: v or "" for k, v in readable(s, x).items()} for x in contacts]
    return Loaded(SUBJECT, c.id, {**subject_values(s, c), "contacts": rows}, _year(c))


@source("correction.report_in")
def report_in_context(s: Session, ref: str | None) -> Loaded:
    c = find_subject(s, ref)
    due = rules.report_in_due(c.effective_date) if c.effective_date else None
    late = rules.late_days(due, c.reported_on) if due and c.reported_on else 0
    outcome = "未报到" if c.reported_on is None else ("逾期报到" if late else "按时报到")
    return Loaded(SUBJECT, c.id, {**subject_values(s, c), "due": due, "outcome": outcome,
                                  "late": f"{late}日" if late else "", "remarks": ""}, _year(c))


def rules_for(kind: str) -> list[str]:
    """The rules announced to a subject of this correction type (the common ones, then the type's)."""
    return [RULES[0], *TYPE_RULES.get(kind, []), *RULES[1:]]


@source("correction.announcement")
def announcement_context(s: Session, ref: str | None) -> Loaded:
    c = find_subject(s, ref)
    return Loaded(SUBJECT, c.id, {**subject_values(s, c), "rules": rules_for(c.correction_type),
                                  "consequence": CONSEQUENCES.get(c.correction_type, ""), "rights": RIGHTS}, _year(c))


@source("correction.undertaking")
def undertaking_context(s: Session, ref: str | None) -> Loaded:
    """The subject signs; a 暂予监外执行 subject's guarantor and a juvenile's guardian sign too."""
    c = find_subject(s, ref)
    roles = {"04": "保证人"} if c.correction_type == TEMP_EXEC else {}
    roles |= {"03": "监护人"} if c.juvenile else {}
    others = s.exec(live(select(CcContact), CcContact).where(CcContact.subject_id == c.id,
                                                             CcContact.role.in_(list(roles)))).all()
    signers = [f"社区矫正对象{c.name}", *(f"{roles[x.role]}{x.name}" for x in others)]
    signers += [label for code, label in roles.items() if not any(x.role == code for x in others)]
    return Loaded(SUBJECT, c.id, {**subject_values(s, c), "rules": rules_for(c.correction_type),
                                  "signers": signers}, _year(c))


@source("correction.team")
def team_context(s: Session, ref: str | None) -> Loaded:
    c = find_subject(s, ref)
    members = _team(s, c)
    team = [{**readable(s, m), "duty": TEAM_ROLES.get(m.role, ""), "signed_on": plain_date(m.signed_on)}
            for m in members]
    return Loaded(SUBJECT, c.id, {**subject_values(s, c), "team": team, "duties": TEAM_DUTIES,
                                  "signers": [m.name for m in members]}, _year(c))


def frequency_lines(s: Session, level: str) -> tuple[list[str], list[str]]:
    """The county's frequency table for a level, as the plan words it: (supervision, education)."""
    names = {x.code: x.name for x in codes.codes(s, "cc_activity", active_only=False)}
    pers = {x.code: x.name for x in codes.codes(s, "cc_per", active_only=False)}
    rows = s.exec(live(select(CcFrequency), CcFrequency).where(CcFrequency.level == level)
                  .order_by(CcFrequency.activity)).all()
    supervision, education = [], []
    for f in rows:
        need = "、".join(x for x in (f"{f.count}次" if f.count else "", f"不少于{f.min_hours}小时" if f.min_hours else "") if x)
        line = f"{names.get(f.activity, f.activity)}：{pers.get(f.per, f.per)}{need}；"
        (education if f.activity in ("education", "public_benefit", "assistance") else supervision).append(line)
    return supervision, education


@source("correction.plan")
def plan_context(s: Session, ref: str | None) -> Loaded:
    c = find_subject(s, ref)
    supervision, education = frequency_lines(s, c.level)
    return Loaded(SUBJECT, c.id, {**subject_values(s, c), "supervision": supervision, "education": education,
                                  "made_on": c.received_on}, _year(c))


# --- F-C7, F-C8 ----------------------------------------------------------------------------

def leave_approver(s: Session, leave: CcLeave) -> str:
    """Who must approve: the router of C11 (`rules.leave_approver`) on the approvals made so far, while
    the leave waits; the approver it named when decided, after."""
    if leave.decision != PENDING:
        return leave.approver
    from sfs_desktop.core.correction.work import approved_leaves

    may = bool(params.get(s, "correction.station_may_approve_leave"))
    return rules.leave_approver(leave.start, leave.end, approved_leaves(s, leave.subject_id, leave.id), may)


def _leave_values(s: Session, leave: CcLeave) -> dict[str, Any]:
    c = find_subject(s, leave.subject_id)
    sv = subject_values(s, c)
    approver = leave_approver(s, leave)
    decided = leave.decision != PENDING
    verdict = "同意。" if leave.decision == APPROVED else "不同意。"
    return {**sv, **readable(s, leave),
            "approver_line": f"{codes.code_name(s, 'cc_approver', approver)}（{APPROVERS[approver]}）",
            "proofs": "", "station_opinion": leave.station_opinion or (verdict if decided and approver == STATION else ""),
            "county_opinion": verdict if decided and approver == COUNTY else "",
            "county_on": leave.decided_on if decided and approver == COUNTY else None, "higher_opinion": "",
            "conditions": LEAVE_CONDITIONS, "issuer": sv["station"] if approver == STATION else sv["agency"]}


@source("correction.leave_application")
def leave_application_context(s: Session, ref: str | None) -> Loaded:
    leave = record(s, CcLeave, ref, "外出申请")
    return Loaded("cc_leave", leave.id, _leave_values(s, leave), leave.applied_on.year)


@source(LEAVE_PERMIT)
def leave_permit_context(s: Session, ref: str | None) -> Loaded:
    """The 外出证明 bears the number given when the leave was approved (`work.decide_leave`)."""
    leave = record(s, CcLeave, ref, "外出申请")
    if leave.decision != APPROVED:
        raise UserError("该外出申请尚未批准，不能打印外出证明")
    return Loaded("cc_leave", leave.id, _leave_values(s, leave), leave.decided_on.year, serial=leave.certificate_no)


# --- F-C9 to F-C11 -------------------------------------------------------------------------

def _event(s: Session, ref: str | None, kinds: tuple[str, ...], what: str) -> Loaded:
    ev = record(s, CcSupervision, ref, "监管记录")
    if ev.kind not in kinds:
        raise UserError(f"这条记录是“{codes.code_name(s, 'cc_activity', ev.kind)}”，不是{what}，请用对应的表单打印")
    c = find_subject(s, ev.subject_id)
    values = {**subject_values(s, c), **readable(s, ev), "recorder": "", "met": ""}
    return Loaded("cc_supervision", ev.id, values, ev.day.year)


@source("correction.talk")
def talk_context(s: Session, ref: str | None) -> Loaded:
    return _event(s, ref, TALK_KINDS, "个别谈话（教育）")


@source("correction.visit")
def visit_context(s: Session, ref: str | None) -> Loaded:
    return _event(s, ref, ("visit",), "走访（实地查访）")


@source("correction.violation")
def violation_context(s: Session, ref: str | None) -> Loaded:
    v = record(s, CcViolation, ref, "违规情况")
    c = find_subject(s, v.subject_id)
    decision = s.exec(live(select(CcSanctionDecision), CcSanctionDecision).where(
        CcSanctionDecision.violation_id == v.id).order_by(CcSanctionDecision.decided_on.desc())).first()
    dv = readable(s, decision) if decision else {}
    values = readable(s, v)
    station_opinion = f"经调查核实，建议给予{values['proposed']}。" if v.proposed else ""
    county_opinion = (f"决定给予{dv['measure']}" + (f"（{decision.decision_no}）" if decision.decision_no else "") + "。"
                      if decision else "")
    return Loaded("cc_violation", v.id, {**subject_values(s, c), **values, "decision": dv,
                                         "station_opinion": station_opinion, "county_opinion": county_opinion},
                  v.occurred_on.year)


# --- F-C12 to F-C15 ------------------------------------------------------------------------

def _release(s: Session, c: CorrectionSubject) -> CcRelease | None:
    return s.exec(live(select(CcRelease), CcRelease).where(CcRelease.subject_id == c.id)).first()


def _releasable(s: Session, ref: str | None) -> tuple[CorrectionSubject, dict[str, Any], CcRelease | None]:
    c = find_subject(s, ref)
    if c.status == TERMINATED:
        raise UserError("该对象已终止社区矫正（撤销、收监或死亡），不能办理解除社区矫正")
    rel = _release(s, c)
    values = readable(s, rel) if rel else {k: None for k in CcRelease.model_fields}
    return c, {**subject_values(s, c), **values, "statement": RELEASE_STATEMENTS.get(c.correction_type, "")}, rel


def sanction_counts(s: Session, c: CorrectionSubject) -> str:
    """表扬 1 次，训诫 0 次，警告 0 次: what the county decided in the term."""
    measures = list(s.exec(live(select(CcSanctionDecision.measure), CcSanctionDecision).where(
        CcSanctionDecision.subject_id == c.id)).all())
    return "，".join(f"{codes.code_name(s, 'cc_sanction', m)}{measures.count(m)}次" for m in (COMMEND, ADMONISH, WARN))


@source("correction.appraisal")
def appraisal_context(s: Session, ref: str | None) -> Loaded:
    c, values, _rel = _releasable(s, ref)
    return Loaded(SUBJECT, c.id, {**values, "record": sanction_counts(s, c), "summary": "",
                                  "station_opinion": "", "county_opinion": ""}, _year(c))


@source("correction.release_announcement")
def release_announcement_context(s: Session, ref: str | None) -> Loaded:
    c, values, _rel = _releasable(s, ref)
    return Loaded(SUBJECT, c.id, values, (values["announced_on"] or date.today()).year)


@source("correction.release_certificate")
def release_certificate_context(s: Session, ref: str | None) -> Loaded:
    """社区矫正法 §44: the county agency issues it; a station prints it only when the county delegated it
    (parameter correction.station_issues_release_certificate). The county's number, if given, is kept."""
    if local_node(s).role != "county" and not params.get(s, "correction.station_issues_release_certificate"):
        raise UserError("解除社区矫正证明书由县级社区矫正机构出具；县司法局未委托本所出具，不能在司法所打印")
    c, values, rel = _releasable(s, ref)
    return Loaded(SUBJECT, c.id, {**values, "issued_on": values.get("announced_on")}, (values["announced_on"] or date.today()).year,
                  serial=rel.certificate_no if rel else None)


@source("correction.file_contents")
def file_contents_context(s: Session, ref: str | None) -> Loaded:
    c = find_subject(s, ref)
    return Loaded(SUBJECT, c.id, {**subject_values(s, c), "items": workfile.items(s, c)}, _year(c))

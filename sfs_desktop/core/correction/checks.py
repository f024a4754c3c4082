"""Every correction rule, run over the data already stored: what an operation of `.work` would have
refused, and dangling references. The demo generator must pass it; messages name the subject by
name only (never an ID number or the crime).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlmodel import Session, select

from sfs_desktop.core import codes, params
from sfs_desktop.core.correction import rules
from sfs_desktop.core.correction.constants import APPROVED, LATE_REPORT
from sfs_desktop.core.correction.models import (CcLeave, CcLocator, CcRegularTravel, CcSupervision, CcTeamMember,
                                                CcViolation, CorrectionSubject)
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import specs
from sfs_desktop.core.people.models import Person


def _live(s: Session, model) -> list:
    return list(s.exec(select(model).where(model.deleted == False)).all())  # noqa: E712


def problems(s: Session, today: date | None = None) -> list[str]:
    today = today or date.today()
    out: list[str] = []
    subjects = {r.id: r for r in _live(s, CorrectionSubject)}
    for model in (CorrectionSubject, CcSupervision, CcLeave, CcTeamMember, CcViolation):
        for row in _live(s, model):
            try:
                codes.refuse_invalid(s, model, {f.name: getattr(row, f.name) for f in specs(model)})
            except UserError as e:
                out.append(f"{model.__title__}：{e}")
            if model is not CorrectionSubject and row.subject_id not in subjects:
                out.append(f"{model.__title__}指向不存在的社区矫正对象")
    team = defaultdict(list)
    for m in _live(s, CcTeamMember):
        if m.active:
            team[m.subject_id].append(m.gender)
    for r in subjects.values():
        person = s.get(Person, r.person_id)
        if person is None:
            out.append(f"{r.name}：人员信息库中没有本人")
            continue
        out += [f"{r.name}：{p}" for p in rules.term_problems(r.correction_type, r.original_penalty, r.original_months,
                                                              r.term_start, r.term_end, r.custody_days)]
        out += [f"{r.name}：{p}" for p in rules.team_problems(person.gender, team[r.id])]
        for name in ("effective_date", "reported_on", "received_on"):
            if getattr(r, name) and getattr(r, name) > today:
                out.append(f"{r.name}：日期晚于今天")
        if r.reported_on and r.effective_date and r.reported_on < r.effective_date:
            out.append(f"{r.name}：报到日期早于判决生效日期")
    may = bool(params.get(s, "correction.station_may_approve_leave"))
    by_subject = defaultdict(list)
    for leave in _live(s, CcLeave):
        by_subject[leave.subject_id].append(leave)
    for sid, leaves in by_subject.items():
        name = subjects[sid].name if sid in subjects else "？"
        for leave in leaves:
            if leave.days != rules.days_inclusive(leave.start, leave.end):
                out.append(f"{name}：外出天数与起止日期不符")
            if leave.decision == APPROVED:
                others = [(x.start, x.end) for x in leaves if x.decision == APPROVED and x.id != leave.id
                          and x.decided_on and leave.decided_on and x.decided_on < leave.decided_on]
                if leave.approver != rules.leave_approver(leave.start, leave.end, others, may):
                    out.append(f"{name}：外出 {leave.days} 日的审批机关与规定不符")
    for t in _live(s, CcRegularTravel):
        if t.valid_to > rules.regular_travel_end(t.valid_from):
            out.append("经常性跨市县活动的有效期超过六个月")
    for loc in _live(s, CcLocator):
        if loc.end > rules.locator_end_max(loc.start):
            out.append("电子定位期间超过三个月")
    for v in _live(s, CcViolation):
        if v.kind == LATE_REPORT and v.days <= 0:
            out.append("逾期报到的违规没有逾期天数")
    return out

"""A correction subject's dated events, for its timeline, one source per table: the routine
supervision events (one table with a kind code: reports, check-ins, visits, talks, education and
public-benefit hours, assistance, medical-parole reports), violations with what the county decided,
commendations, electronic-locator periods, periodic assessments, 重大事项报告, leave, the subject's
own steps (报到, 宣告, level changes, release, termination) and the forms printed for it.

Each source is ``(session, who, subject_id) -> list[Event]``; ``core.timeline.events`` checks that
`who` may read the subject (S3) before any source runs. Titles name codes, never an ID number.
The one-click entry of the subjects ledger (:func:`record_today`) and the quick-entry forms save
through ``core.timeline.add`` and then `work.record_supervision`: one path, one rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, select

from sfs_desktop.core import timeline
from sfs_desktop.core.correction import work
from sfs_desktop.core.correction.queries import code_name as _name
from sfs_desktop.core.correction.constants import COMMEND, HEALTH_REPORT, REEXAM
from sfs_desktop.core.correction.models import (
    CcAssessment, CcLeave, CcLevelChange, CcLocator, CcMajorEvent, CcRelease, CcSanctionDecision, CcSupervision,
    CcTermination, CcViolation, CorrectionSubject)
from sfs_desktop.core.correction.workfile import record_ids
from sfs_desktop.core.db.synced import live
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security.access import Principal
from sfs_desktop.core.timeline import Event, local_day, local_time, print_events

SUBJECT = CorrectionSubject.__tablename__
MEDICAL = "medical"  # the timeline's one kind for the two medical-parole activities
MEDICAL_ACTIVITIES = (HEALTH_REPORT, REEXAM)


def _rows(s: Session, model, subject_id: str) -> list:
    return list(s.exec(live(select(model), model).where(model.subject_id == subject_id)).all())


def _step(day: date, title: str, detail: str = "", table: str = SUBJECT, row_id: str | None = None, **kw) -> Event:
    return Event(day, "step", "矫正", title, detail, table, row_id, **kw)


def subject_steps(s: Session, who: Principal, subject_id: str) -> list[Event]:
    """录入档案 (when the row was made here), 判决生效, 报到, 接收, 宣告, each level change, 解矫 and 终止, on their recorded dates."""
    c = s.get(CorrectionSubject, subject_id)
    out = [_step(local_day(c.created_at), "录入档案", _name(s, "cc_type", c.correction_type), row_id=c.id,
                 who=c.created_by, at=c.created_at)]
    for day, title in ((c.effective_date, "判决（裁定、决定）生效"), (c.reported_on, "报到"),
                       (c.received_on if c.received_on != c.reported_on else None, "接收"),
                       (c.announced_on, "入矫宣告")):
        if day:
            out.append(_step(day, title, row_id=c.id))
    for x in _rows(s, CcLevelChange, subject_id):
        risk = f"，风险{_name(s, 'cc_risk', x.risk)}" if x.risk else ""
        out.append(_step(x.changed_on, f"管理等级：{_name(s, 'cc_level', x.level)}{risk}", x.reason,
                         CcLevelChange.__tablename__, x.id, who=x.created_by, at=x.created_at))
    for r in _rows(s, CcRelease, subject_id):
        for day, title in ((r.summary_on, "个人总结"), (r.appraisal_on, "解矫鉴定"), (r.handover_on, "移交安置帮教"),
                           (r.announced_on, "宣告解除社区矫正")):
            if day:
                out.append(_step(day, title, table=CcRelease.__tablename__, row_id=r.id))
    for t in _rows(s, CcTermination, subject_id):
        out.append(_step(t.ended_on, f"终止矫正：{_name(s, 'cc_termination_reason', t.reason)}", t.doc_no or "",
                         CcTermination.__tablename__, t.id, who=t.created_by, at=t.created_at))
    return out


def supervision(s: Session, who: Principal, subject_id: str) -> list[Event]:
    """Reports, check-ins, visits, talks, education, public benefit, assistance, medical reports."""
    out = []
    for e in _rows(s, CcSupervision, subject_id):
        kind = MEDICAL if e.kind in MEDICAL_ACTIVITIES else e.kind
        what = _name(s, "cc_activity", e.kind)
        bits = [x for x in (e.mode, f"{e.hours} 小时" if e.hours else "",
                            _name(s, "cc_result", e.result) if e.result and e.result != "1" else "") if x]
        title = what + (f"（{'，'.join(bits)}）" if bits else "")
        out.append(Event(e.day, kind, TIMELINE.label(kind), title, (e.content or "")[:200],
                         CcSupervision.__tablename__, e.id, e.staff or e.created_by, e.created_at))
    return out


def violations(s: Session, who: Principal, subject_id: str) -> list[Event]:
    """Violations with the suggested and proposed measure; the county's decisions on them (惩);
    commendations (奖) as their own kind."""
    out = []
    for v in _rows(s, CcViolation, subject_id):
        days = f"{v.days} 日" if v.days else ""
        title = f"违规：{_name(s, 'cc_violation_kind', v.kind)}" + (f"（{days}）" if days else "")
        detail = "；".join(x for x in (f"系统建议{_name(s, 'cc_sanction', v.suggested)}" if v.suggested else "",
                                      v.facts[:120]) if x)
        out.append(Event(v.occurred_on, "violation", "违规", title, detail, CcViolation.__tablename__, v.id,
                         v.created_by, v.created_at))
        if v.proposed and v.proposed_on:
            out.append(Event(v.proposed_on, "violation", "违规", f"提请{_name(s, 'cc_sanction', v.proposed)}",
                             "由县级社区矫正机构决定", CcViolation.__tablename__, v.id))
    for d in _rows(s, CcSanctionDecision, subject_id):
        reward = d.measure == COMMEND
        out.append(Event(d.decided_on, "reward" if reward else "violation", "表扬" if reward else "违规",
                         f"县级社区矫正机构决定{_name(s, 'cc_sanction', d.measure)}", d.decision_no or "",
                         CcSanctionDecision.__tablename__, d.id, d.created_by, d.created_at))
    return out


def locator(s: Session, who: Principal, subject_id: str) -> list[Event]:
    """Each electronic-locator period (start, and its removal when recorded)."""
    out = []
    for x in _rows(s, CcLocator, subject_id):
        out.append(Event(x.start, "locator", "电子定位", f"使用电子定位装置 {x.start:%Y-%m-%d} 至 {x.end:%Y-%m-%d}"
                         + ("（延长）" if x.extends_id else ""),
                         f"{_name(s, 'cc_locator_trigger', x.trigger)}；批准人{x.approver}", CcLocator.__tablename__,
                         x.id, x.created_by, x.created_at))
        if x.removed_on:
            out.append(Event(x.removed_on, "locator", "电子定位", "解除电子定位", "", CcLocator.__tablename__, x.id))
    return out


def assessments(s: Session, who: Principal, subject_id: str) -> list[Event]:
    return [Event(a.assessed_on, "assessment", "考核评议", f"考核评议 {a.period}：{a.score} 分"
                  + (f"，{a.grade}" if a.grade else ""), "", CcAssessment.__tablename__, a.id, a.created_by, a.created_at)
            for a in _rows(s, CcAssessment, subject_id)]


def major_events(s: Session, who: Principal, subject_id: str) -> list[Event]:
    """重大事项报告 on the station's day it happened; when and to whom it was reported."""
    out = []
    for m in _rows(s, CcMajorEvent, subject_id):
        told = f"已于 {local_time(m.reported_at):%Y-%m-%d %H:%M} 报告{m.reported_to or ''}" if m.reported_at else "尚未报告"
        out.append(Event(local_day(m.occurred_at), "major", "重大事项", f"重大事项：{_name(s, 'cc_major_kind', m.kind)}",
                         told, CcMajorEvent.__tablename__, m.id, m.created_by, m.occurred_at))
        if m.resolved_on:
            out.append(Event(m.resolved_on, "major", "重大事项", f"已处置：{_name(s, 'cc_major_kind', m.kind)}", "",
                             CcMajorEvent.__tablename__, m.id))
    return out


def leaves(s: Session, who: Principal, subject_id: str) -> list[Event]:
    """外出: applied (who must approve), decided, returned (an overstay is said)."""
    out = []
    for x in _rows(s, CcLeave, subject_id):
        span = f"{x.start:%Y-%m-%d} 至 {x.end:%Y-%m-%d}，{x.days} 日"
        out.append(Event(x.applied_on, "leave", "外出", f"外出申请：{x.destination}（{span}）",
                         f"{_name(s, 'cc_approver', x.approver)}审批", CcLeave.__tablename__, x.id,
                         x.created_by, x.created_at))
        if x.decided_on:
            out.append(Event(x.decided_on, "leave", "外出", f"外出{_name(s, 'cc_decision', x.decision)}",
                             x.certificate_no or "", CcLeave.__tablename__, x.id))
        if x.returned_on:
            out.append(Event(x.returned_on, "leave", "外出", "返回报告" + ("（逾期未归）" if x.overstay else ""), "",
                             CcLeave.__tablename__, x.id))
    return out


def prints(s: Session, who: Principal, subject_id: str) -> list[Event]:
    """Forms printed for the subject and its rows (the 工作档案's own list of them)."""
    return print_events(s, record_ids(subject_id))


# --- quick entry -----------------------------------------------------------------------------------

def save_supervision(s: Session, who: Principal, subject_id: str, values: dict[str, Any]) -> CcSupervision:
    """A quick entry's save: the supervision rule (the subject under supervision, not in the future,
    not before intake) decides."""
    values = {k: v for k, v in values.items() if k != "subject_id"}
    return work.record_supervision(s, who, subject_id, values, today=date.today())


@dataclass(frozen=True)
class Recorded:
    """What a one-click entry saved, to confirm it on screen (and undo it)."""

    row_id: str
    subject: str  # the subject's name
    label: str  # 报告
    day: date
    mode: str


def record_today(s: Session, who: Principal, subject_id: str, key: str, today: date) -> Recorded:
    """One click from the ledger: the entry `key` (report, checkin) dated today, made the usual way
    (its declared defaults), through the same checks as the form. A second one of the same kind
    the same day is refused: a double click must not record two reports."""
    entry = TIMELINE.entry(key)
    row = work.subject(s, who, subject_id, write=True)
    kind = entry.fixed["kind"]
    done = s.exec(live(select(CcSupervision.id), CcSupervision).where(
        CcSupervision.subject_id == subject_id, CcSupervision.kind == kind, CcSupervision.day == today)).first()
    if done:
        raise UserError(f"{row.name}今天已登记过{TIMELINE.label(kind)}；如需再登记，请打开该对象，在时间线上填写")
    saved = timeline.add(s, who, SUBJECT, subject_id, key, timeline.starting_values(entry, today))
    return Recorded(saved.id, row.name, TIMELINE.label(kind), saved.day, saved.mode or "")


_HERE = "sfs_desktop.core.correction.timeline"
_SUPERVISION = "sfs_desktop.core.correction.models:CcSupervision"


def _entry(key: str, label: str, only: tuple[str, ...], **defaults) -> timeline.QuickEntry:
    return timeline.QuickEntry(key, key, label, _SUPERVISION, f"{_HERE}:save_supervision", "subject_id",
                               fixed={"kind": key}, only=only, date_field="day", defaults=defaults)


TIMELINE = timeline.Timeline(
    kinds=(timeline.Kind("report", "报告"), timeline.Kind("checkin", "信息化核查"), timeline.Kind("visit", "走访"),
           timeline.Kind("talk", "谈话"), timeline.Kind("education", "教育"), timeline.Kind("public_benefit", "公益"),
           timeline.Kind("assistance", "帮扶"), timeline.Kind(MEDICAL, "病情复查"), timeline.Kind("reward", "表扬"),
           timeline.Kind("violation", "违规"), timeline.Kind("locator", "电子定位"), timeline.Kind("assessment", "考核"),
           timeline.Kind("major", "重大事项"), timeline.Kind("leave", "外出"), timeline.Kind("step", "矫正"),
           timeline.Kind("print", "打印")),
    sources=tuple(f"{_HERE}:{name}" for name in ("subject_steps", "supervision", "violations", "locator",
                                                  "assessments", "major_events", "leaves", "prints")),
    quick=(_entry("report", "登记报告", ("day", "mode", "content", "staff"), mode="到所"),
           _entry("checkin", "信息化核查", ("day", "mode", "result", "content", "staff"), mode="手机定位", result="1"),
           _entry("visit", "实地查访", ("day", "mode", "place", "result", "content", "staff"), mode="家中", result="1"),
           _entry("talk", "个别谈话", ("day", "mode", "place", "content", "staff"), mode="定期谈话")),
)

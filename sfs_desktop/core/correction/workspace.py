"""The subject workspace, declared: the header (type, status, level, term), the steps greyed with
the rule's own sentence (`work.STEPS` says which statuses each applies in, `work.status_refusal`
words the refusal), the subject's forms, the timeline (`.timeline`), and what the tabs show (外出,
违规与奖惩, 待办事项, 工作档案), read in core as plain data.

Every view of a subject is an audited S3 view: the workspace is declared ``audited``, so the window
records the view once when it opens (``core.workspace.record_view``); the reads here never write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, select

from sfs_desktop.core.correction import work, workfile
from sfs_desktop.core.correction.queries import code_name as _name, day_text as _day
from sfs_desktop.core.correction.constants import ACTIVE_STATUSES, LOST
from sfs_desktop.core.correction.deadlines import correction_due
from sfs_desktop.core.correction.models import CcLeave, CcRelease, CcSanctionDecision, CcViolation, CorrectionSubject
from sfs_desktop.core.correction.timeline import TIMELINE
from sfs_desktop.core.db.synced import live
from sfs_desktop.core.security.access import Principal
from sfs_desktop.core.workspace import HeaderItem, PrintAction, Step, Workspace

_HERE = "sfs_desktop.core.correction.workspace"
SUBJECT_FORMS = ("correction.intake", "correction.report_in", "correction.announcement", "correction.undertaking",
                 "correction.team", "correction.plan", "correction.appraisal", "correction.release_announcement",
                 "correction.release_certificate", "correction.file_contents")
RELEASE_FIELDS = ("summary_on", "appraisal", "appraisal_on", "handover_on", "announced_on")

STEPS = tuple(Step(key, label, work.STEPS[rule]) for key, label, rule in (
    ("report_in", "报到登记", "report_in"), ("report", "登记报告", "supervise"), ("checkin", "信息化核查", "supervise"),
    ("leave", "外出申请", "leave"), ("violation", "违规登记", "violation"), ("release", "解矫准备", "release"),
    ("found", "已找回", "found")))


def _prints() -> tuple[PrintAction, ...]:
    from sfs_desktop.core.correction import documents  # noqa: F401 - registers the templates
    from sfs_desktop.core.printing.templates import get

    return tuple(PrintAction(f, get(f).title) for f in SUBJECT_FORMS)


def refusal(subject: CorrectionSubject, step: Step) -> str | None:
    return work.status_refusal(subject.status, step.when)


def header(s: Session, c: CorrectionSubject, today: date) -> list[HeaderItem]:
    """Name, type, status (失联 in red), level and risk, term (in red once passed while on register)."""
    term = f"{_day(c.term_start)} 至 {_day(c.term_end)}" if c.term_start or c.term_end else "（未填）"
    items = [HeaderItem(c.name, strong=True), HeaderItem(_name(s, "cc_type", c.correction_type)),
             HeaderItem(f"状态：{_name(s, 'cc_status', c.status)}", alert=c.status == LOST),
             HeaderItem(f"管理等级：{_name(s, 'cc_level', c.level)}"),
             HeaderItem(f"风险等级：{_name(s, 'cc_risk', c.risk) or '（未评）'}"),
             HeaderItem(f"矫正期限：{term}", alert=bool(c.term_end and c.term_end < today and c.status in ACTIVE_STATUSES)),
             HeaderItem(f"责任矫正工作人员：{c.officer or '（未定）'}")]
    if c.juvenile:
        items.append(HeaderItem("犯罪时未成年：身份信息保密（社区矫正法第五十二条至第五十八条）", alert=True))
    return items


@dataclass(frozen=True)
class Line:
    """One row of a small table in the workspace: the record's id, its cells, its state."""

    id: str
    cells: tuple[str, ...]
    kind: str = ""


@dataclass
class SubjectParts:
    leaves: list[Line] = field(default_factory=list)
    violations: list[Line] = field(default_factory=list)
    due: list[tuple[date, str, bool]] = field(default_factory=list)  # (due day, what, overdue), soonest first
    contents: list[dict[str, str]] = field(default_factory=list)  # the 工作档案卷内目录's rows
    missing: list[str] = field(default_factory=list)  # required items of the 工作档案 not there yet
    release: dict = field(default_factory=dict)  # what 解矫准备 already holds (the form starts from it)


def parts(s: Session, who: Principal, c: CorrectionSubject, today: date) -> SubjectParts:
    """The tabs' rows; the subject was checked (and its view audited when the window opened)."""
    work.subject(s, who, c.id, audited=False)
    out = SubjectParts()
    for x in s.exec(live(select(CcLeave), CcLeave).where(CcLeave.subject_id == c.id)
                    .order_by(CcLeave.applied_on.desc())).all():
        out.leaves.append(Line(x.id, (_day(x.applied_on), f"{_day(x.start)} 至 {_day(x.end)}", str(x.days),
                                      x.destination, _name(s, "cc_approver", x.approver),
                                      _name(s, "cc_decision", x.decision), x.certificate_no or "", _day(x.returned_on)),
                               x.decision))
    decided = {d.violation_id: d for d in s.exec(live(select(CcSanctionDecision), CcSanctionDecision).where(
        CcSanctionDecision.subject_id == c.id)).all()}
    for v in s.exec(live(select(CcViolation), CcViolation).where(CcViolation.subject_id == c.id)
                    .order_by(CcViolation.occurred_on.desc())).all():
        d = decided.get(v.id)
        outcome = (f"{_name(s, 'cc_sanction', d.measure)}（{_day(d.decided_on)}）" if d
                   else "待县级机构决定" if v.proposed else "")
        out.violations.append(Line(v.id, (_day(v.occurred_on), _name(s, "cc_violation_kind", v.kind),
                                          _name(s, "cc_sanction", v.suggested), _name(s, "cc_sanction", v.proposed),
                                          outcome), "decided" if d else "proposed" if v.proposed else "found"))
    out.due = sorted((i.due, i.title, i.due < today) for i in correction_due(s, today) if i.record_id == c.id)
    out.contents = workfile.items(s, c)
    out.missing = workfile.missing(s, c)
    rel = s.exec(live(select(CcRelease), CcRelease).where(CcRelease.subject_id == c.id)).first()
    out.release = {k: getattr(rel, k) for k in RELEASE_FIELDS if getattr(rel, k) is not None} if rel else {}
    return out


WORKSPACE = Workspace(
    table=CorrectionSubject.__tablename__, title="社区矫正对象",
    header=f"{_HERE}:header", refusal=f"{_HERE}:refusal", parts=f"{_HERE}:parts",
    steps=STEPS, prints=_prints(), timeline=TIMELINE, audited=True,
)

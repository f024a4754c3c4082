"""The released person's workspace, declared: the header (category, status, period), the steps
greyed with the rule's own sentence (`work.STEPS`, `work.status_refusal`), the timeline
(`.timeline`) and the due items of this person, read in core as plain data. Every view is an
audited S3 view: the window records it once when it opens (``audited=True``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from sfs_desktop.core import codes, params
from sfs_desktop.core.resettlement import rules, work
from sfs_desktop.core.resettlement.constants import ACTIVE, KEY, LOST
from sfs_desktop.core.resettlement.deadlines import resettlement_due
from sfs_desktop.core.resettlement.models import ReleasedPerson
from sfs_desktop.core.resettlement.timeline import TIMELINE
from sfs_desktop.core.security.access import Principal
from sfs_desktop.core.workspace import HeaderItem, PrintAction, Step, Workspace

_HERE = "sfs_desktop.core.resettlement.workspace"
STEPS = tuple(Step(key, label, work.STEPS[rule]) for key, label, rule in (
    ("receive", "衔接登记", "receive"), ("team", "帮教小组", "team"), ("agreement", "签订帮教协议", "team"),
    ("category", "调整类别", "category"),
    ("lost", "失联登记", "lost"), ("found", "已找到", "found"), ("reoffence", "重新犯罪", "reoffence"),
    ("end", "解除帮教", "end"), ("attach", "附通知书扫描件", "attach")))


PERSON_FORMS = ("resettlement.handover", "resettlement.basic", "resettlement.team", "resettlement.measures",
                "resettlement.ending")


def _prints() -> tuple[PrintAction, ...]:
    from sfs_desktop.core.resettlement import documents  # noqa: F401 - registers the templates
    from sfs_desktop.core.printing.templates import get

    return tuple(PrintAction(f, get(f).title) for f in PERSON_FORMS)


def refusal(row: ReleasedPerson, step: Step) -> str | None:
    return work.status_refusal(row.status, step.when)


def header(s: Session, r: ReleasedPerson, today: date) -> list[HeaderItem]:
    """Name, release type, status (失联 in red), category (重点 in red), the period (red once passed;
    R2's, should a notice handed over before it was computed there not carry it yet)."""
    period = work.notice_period(s, {"release_date": r.release_date})
    start, end = r.period_from or period["period_from"], r.period_to or period["period_to"]
    late = rules.notice_late(r.release_date, r.notice_received_on, params.get(s, "resettlement.notice_months"))
    return [HeaderItem(r.name, strong=True), HeaderItem(codes.code_name(s, "rp_release_type", r.release_type)),
            HeaderItem(f"状态：{codes.code_name(s, 'rp_status', r.status)}", alert=r.status == LOST),
            HeaderItem(f"帮教类别：{codes.code_name(s, 'rp_category', r.category)}", alert=r.category == KEY),
            HeaderItem(f"帮教期：{start:%Y-%m-%d} 至 {end:%Y-%m-%d}", alert=end < today and r.status in ACTIVE)
            ] + [HeaderItem("通知书晚于监狱应寄送日期（释放前一个月）", alert=True)] * late


@dataclass
class PersonParts:
    due: list[tuple[date, str, bool]] = field(default_factory=list)  # (due day, what, overdue), soonest first
    scans: list[str] = field(default_factory=list)  # the notice's scans kept (file names)
    agreement_on: date | None = None


def parts(s: Session, who: Principal, r: ReleasedPerson, today: date) -> PersonParts:
    work.released(s, who, r.id, audited=False)
    return PersonParts(due=sorted((i.due, i.title, i.due < today) for i in resettlement_due(s, today)
                                  if i.record_id == r.id), scans=work.notice_scans(s, r.id),
                       agreement_on=r.agreement_on)


WORKSPACE = Workspace(
    table=ReleasedPerson.__tablename__, title="安置帮教对象",
    header=f"{_HERE}:header", refusal=f"{_HERE}:refusal", parts=f"{_HERE}:parts",
    steps=STEPS, prints=_prints(), timeline=TIMELINE, audited=True,
)

"""安置帮教 deadlines for the dashboard and `sfs-desktop due` (domain.md §5.1 R3–R10).

Every date comes from `.rules` (which asks `calendar.due_date`); the contact frequencies are the
county's reference table `rp_frequency`, the last contact of each kind one GROUP BY. Items carry
the person's name only (never an ID number or the offence).
"""

from __future__ import annotations

from datetime import date
from typing import Iterable

from sqlalchemy import func
from sqlmodel import Session, select

from sfs_desktop.core import codes, deadlines, params
from sfs_desktop.core.db.synced import live
from sfs_desktop.core.deadlines import DueItem
from sfs_desktop.core.resettlement import rules
from sfs_desktop.core.resettlement.constants import ACTIVE, AWAITING, ON_REGISTER, VISIT
from sfs_desktop.core.resettlement.models import ReleasedPerson, RpContact, RpFrequency, RpPrerelease

DUTY = "安置帮教"
PERSON = "released_person"


@deadlines.register
def resettlement_due(s: Session, today: date) -> Iterable[DueItem]:
    yield from handover(s, today)
    yield from contacts(s, today)
    yield from period_ends(s, today)
    yield from reports(s, today)


def handover(s: Session, today: date) -> Iterable[DueItem]:
    """R5/R6: a notice not yet received (衔接) by its day: the county's 限期 when it set one."""
    days = params.get(s, "resettlement.report_days")
    rows = s.exec(live(select(ReleasedPerson), ReleasedPerson).where(ReleasedPerson.status == AWAITING)).all()
    for r in rows:
        due = r.report_by or rules.handover_due(r.release_date, r.handover_method, days)
        title = "衔接期限" if today <= due else "逾期未衔接：组织查找，防止漏管"
        yield DueItem(DUTY, r.name, title, "刑满释放后及时衔接（重点对象必接必送）", due, PERSON, r.id)


def contacts(s: Session, today: date) -> Iterable[DueItem]:
    """R10: the first home visit within seven days of return, then each contact by the county's
    frequency for the person's category."""
    first = params.get(s, "resettlement.first_visit_days")
    last = {(pid, kind): day for pid, kind, day in s.execute(
        live(select(RpContact.person_id, RpContact.kind, func.max(RpContact.day)), RpContact)
        .group_by(RpContact.person_id, RpContact.kind)).all()}
    freq: dict[str, list[RpFrequency]] = {}
    for f in s.exec(live(select(RpFrequency), RpFrequency).where(RpFrequency.count > 0)).all():
        freq.setdefault(f.category, []).append(f)
    names = {c.code: c.name for c in codes.codes(s, "rp_contact_kind", active_only=False)}
    rows = s.exec(live(select(ReleasedPerson), ReleasedPerson).where(ReleasedPerson.status == ON_REGISTER)).all()
    for r in rows:
        back = r.handover_on or r.release_date
        if (r.id, VISIT) not in last:
            yield DueItem(DUTY, r.name, "返回后首次走访", f"返回后 {first} 日内走访", rules.first_visit_due(back, first),
                          PERSON, r.id)
            continue
        for f in freq.get(r.category, ()):
            done = last.get((r.id, f.activity))
            yield DueItem(DUTY, r.name, f"定期{names.get(f.activity, f.activity)}", "帮教频次（县司法局帮教频次表）",
                          rules.next_contact_due(done, back, f.per), PERSON, r.id)


def period_ends(s: Session, today: date) -> Iterable[DueItem]:
    """R2: the assistance period's last day: 期满解除 (F-R7)."""
    rows = s.exec(live(select(ReleasedPerson), ReleasedPerson).where(
        ReleasedPerson.status.in_(ACTIVE), ReleasedPerson.period_to != None)).all()  # noqa: E711
    for r in rows:
        yield DueItem(DUTY, r.name, "帮教期满：办理解除", "帮教期满解除登记", r.period_to, PERSON, r.id)


def reports(s: Session, today: date) -> Iterable[DueItem]:
    """R9: the monthly 未衔接 report while listed persons are not found, the half-year and annual reports."""
    open_months = s.exec(live(select(RpPrerelease.list_month), RpPrerelease).where(
        RpPrerelease.matched_id == None, RpPrerelease.reported_on == None).distinct()).all()  # noqa: E711
    if open_months:
        due = rules.unmatched_report_due(today, params.get(s, "resettlement.unmatched_report_day"))
        yield DueItem(DUTY, "、".join(sorted(open_months)), "上报未衔接人员", "每月上报未衔接人员及查找措施", due,
                      "rp_prerelease", None)
    for key, title in (("resettlement.half_year_report", "安置帮教半年报"), ("resettlement.annual_report", "安置帮教年报")):
        yield DueItem(DUTY, title, title, "按县司法局规定的日期上报", rules.next_report_day(today, params.get(s, key)))

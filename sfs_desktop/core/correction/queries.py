"""What is due per subject under the county's frequency table (`cc_frequency`), counted in SQL.

One grouped query per period length (week, month, quarter) over the supervision index
(subject, kind, day): the subjects under supervision for the whole period, joined to the
frequency rows of their level, with the events and hours of each activity in the period; only
the shortfalls come back. A period is a calendar week (Monday to Sunday), month or quarter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, func, or_
from sqlmodel import Session, select

from sfs_desktop.core import calendar
from sfs_desktop.core.correction.constants import ACTIVE_STATUSES
from sfs_desktop.core.correction.models import CcFrequency, CcSupervision, CorrectionSubject

PERIODS = ("week", "month", "quarter")


def period_of(per: str, day: date) -> tuple[date, date]:
    """The calendar week, month or quarter holding `day` (its last day through calendar.due_date)."""
    if per == "week":
        first = day - timedelta(days=day.weekday())
        return first, calendar.due_date(first, 6, "day", roll_over_holiday=False)
    months = 1 if per == "month" else 3
    first = day.replace(day=1, month=day.month if per == "month" else 3 * ((day.month - 1) // 3) + 1)
    return first, calendar.due_date(first, months, "month", roll_over_holiday=False) - timedelta(days=1)


@dataclass(frozen=True)
class Gap:
    subject_id: str
    name: str
    activity: str
    per: str
    first: date
    last: date
    count: int  # required events (0: only hours count)
    done: int
    min_hours: int
    hours: int


def gaps(s: Session, per: str, first: date, last: date, owner: str | None = None) -> list[Gap]:
    """Subjects short of their level's frequency for `per` in the period first..last."""
    subj, freq, ev = CorrectionSubject, CcFrequency, CcSupervision
    done = func.count(ev.day)  # a column of the covering index: the count never reads the table
    hours = func.coalesce(func.sum(ev.hours), 0)
    stmt = (select(subj.id, subj.name, freq.activity, freq.count, freq.min_hours, done, hours)
            .select_from(subj)
            .join(freq, and_(freq.level == subj.level, freq.per == per, freq.deleted == False))  # noqa: E712
            .outerjoin(ev, and_(ev.subject_id == subj.id, ev.kind == freq.activity, ev.deleted == False,  # noqa: E712
                                ev.day >= first, ev.day <= last))
            .where(subj.deleted == False, subj.status.in_(ACTIVE_STATUSES), subj.received_on <= first)  # noqa: E712
            .where(or_(subj.term_end == None, subj.term_end >= last))  # noqa: E711
            .group_by(subj.id, freq.id)
            .having(or_(done < freq.count, hours < freq.min_hours)))
    if owner:
        stmt = stmt.where(subj.owner == owner)
    return [Gap(i, n, a, per, first, last, c, d, h, hs) for i, n, a, c, h, d, hs in s.execute(stmt).all()]


def due_gaps(s: Session, today: date, owner: str | None = None) -> list[tuple[Gap, bool]]:
    """(gap, overdue): last period's shortfalls (overdue) and this period's (due at its end)."""
    out = []
    for per in PERIODS:
        first, last = period_of(per, today)
        prev_first, prev_last = period_of(per, first - timedelta(days=1))
        out += [(g, True) for g in gaps(s, per, prev_first, prev_last, owner)]
        out += [(g, False) for g in gaps(s, per, first, last, owner)]
    return out


# --- what the GUI asks (the page runs no query of its own) ---------------------------------------

def code_name(s: Session, table: str, code: str | None) -> str:
    """A code's name ("" for none)."""
    from sfs_desktop.core import codes

    return codes.code_name(s, table, code) if code else ""


def day_text(value: date | None) -> str:
    return f"{value:%Y-%m-%d}" if value else ""



def overdue_subjects(s: Session, who, today: date) -> tuple[str, ...]:
    """The subjects with an overdue item (the ledger's 只看有超期事项 filter): the dashboard's own items."""
    from sfs_desktop.core.correction.deadlines import SUBJECT, correction_due
    from sfs_desktop.core.correction.work import require_s3

    require_s3(who, False)
    return tuple(sorted({i.record_id for i in correction_due(s, today) if i.record_table == SUBJECT and i.due < today}))


def leave_route(s: Session, who, subject_id: str, start: date | None, end: date | None) -> tuple[str, str] | None:
    """Who must approve a leave from `start` to `end` (C11), and why, before it is filed: the
    leave dialog shows it as the dates are chosen. None while the dates are not both set."""
    from sfs_desktop.core import params
    from sfs_desktop.core.correction import rules
    from sfs_desktop.core.correction.documents import APPROVERS
    from sfs_desktop.core.correction.work import approved_leaves, subject

    c = subject(s, who, subject_id, audited=False)
    if start is None or end is None or end < start:
        return None
    may = bool(params.get(s, "correction.station_may_approve_leave"))
    code = rules.leave_approver(start, end, approved_leaves(s, c.id), may)
    return code_name(s, "cc_approver", code), f"外出 {rules.days_inclusive(start, end)} 日：{APPROVERS[code]}"


@dataclass(frozen=True)
class Pending:
    """A station's proposal waiting for the county: a leave beyond the station's entrustment, or a sanction."""

    table: str  # cc_leave or cc_violation
    id: str
    subject_id: str
    subject: str
    station: str  # the owner: the station whose subject it is
    what: str
    detail: str
    since: date


def pending_decisions(s: Session, who) -> list[Pending]:
    """What waits for the county agency's decision, oldest first: leaves not for the station to
    approve, and violations the station proposed a measure for."""
    from sfs_desktop.core.correction.constants import PENDING, STATION
    from sfs_desktop.core.correction.models import CcLeave, CcSanctionDecision, CcViolation
    from sfs_desktop.core.correction.work import require_s3
    from sfs_desktop.core.db.synced import live
    from sfs_desktop.core.security.access import scoped

    require_s3(who, False)
    subj = CorrectionSubject
    out = []
    leaves = s.execute(scoped(who, live(select(CcLeave, subj.name), CcLeave), CcLeave)
                       .join(subj, subj.id == CcLeave.subject_id)
                       .where(CcLeave.decision == PENDING, CcLeave.approver != STATION)).all()
    for x, name in leaves:
        out.append(Pending("cc_leave", x.id, x.subject_id, name, x.owner, f"外出 {x.days} 日（{x.destination}）",
                           f"{day_text(x.start)} 至 {day_text(x.end)}；{code_name(s, 'cc_approver', x.approver)}审批", x.applied_on))
    decided = select(CcSanctionDecision.violation_id).where(CcSanctionDecision.deleted == False,  # noqa: E712
                                                           CcSanctionDecision.violation_id != None)  # noqa: E711
    props = s.execute(scoped(who, live(select(CcViolation, subj.name), CcViolation), CcViolation)
                      .join(subj, subj.id == CcViolation.subject_id)
                      .where(CcViolation.proposed != None, CcViolation.id.not_in(decided))).all()  # noqa: E711
    for v, name in props:
        out.append(Pending("cc_violation", v.id, v.subject_id, name, v.owner,
                           f"提请{code_name(s, 'cc_sanction', v.proposed)}", code_name(s, "cc_violation_kind", v.kind),
                           v.proposed_on or v.occurred_on))
    return sorted(out, key=lambda p: p.since)

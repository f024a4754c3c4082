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

"""The deadline engine's registry: every duty registers where its due items come from.

A source is a function (session, today) → iterable of :class:`DueItem`, each computed through
``calendar.due_date``. The dashboard and ``sfs-desktop due`` show them all, since the PC may
have been off the day something fell due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable

from sqlmodel import Session

from sfs_desktop.core.calendar import badge, days_left


@dataclass(frozen=True)
class DueItem:
    duty: str  # 人民调解 …
    ref: str  # record reference a person recognises (case number, name)
    title: str
    rule: str  # e.g. "调解期限一个月（人民调解工作若干规定 §33）"
    due: date
    record_table: str | None = None
    record_id: str | None = None
    notice_from: date | None = None
    """The day reminders start where the duty's rule sets a longer lead than the general horizon
    (换届 a quarter ahead, the mediation limit from its warning day)."""

    def days_left(self, today: date) -> int:
        return days_left(self.due, today)

    def badge(self, today: date) -> str:
        return badge(self.due, today)


Source = Callable[[Session, date], Iterable[DueItem]]
_SOURCES: list[Source] = []


def register(source: Source) -> Source:
    _SOURCES.append(source)
    return source


def load_sources() -> None:
    """Import every duty's deadline module (the GUI does it early, off the UI thread)."""
    from sfs_desktop.core import duties

    duties.import_all(duties.deadline_modules())  # each duty's manifest names them


def collect(session: Session, today: date, horizon_days: int = 7, *, who=None) -> list[DueItem]:
    """Overdue items, those due within `horizon_days` and those whose own notice has begun, most urgent first.
    With `who`, only what that account may see (a 调解员: their own committees' items; without
    "juvenile.read", no item of a juvenile subject)."""
    load_sources()
    items = [item for source in _SOURCES for item in source(session, today)
             if item.days_left(today) <= horizon_days or (item.notice_from is not None and today >= item.notice_from)]
    if who is not None:
        from sfs_desktop.core.security.access import committee_of, hidden_ids, is_s3, require

        require(who, "record.read")
        if not who.can("s3.read"):  # criminal-record items (社区矫正 …) only for accounts that may read them
            items = [i for i in items if i.record_table is None or not is_s3(i.record_table)]
        by_table: dict[str, set[str]] = {}
        for i in items:
            if i.record_table and i.record_id:
                by_table.setdefault(i.record_table, set()).add(i.record_id)
        hidden = {(t, r) for t, ids in by_table.items() for r in hidden_ids(session, who, t, ids)}
        items = [i for i in items if (i.record_table, i.record_id) not in hidden]  # locked rows (C33 juveniles)
        if who.role == "mediator":
            items = [i for i in items if committee_of(session, i.record_table, i.record_id) in who.committee_ids]
    return sorted(items, key=lambda i: (i.due, i.duty, i.ref))

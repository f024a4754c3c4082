"""A record's timeline: its dated events of many kinds, newest first, and quick entry of the common ones.

A case, a correction subject or a released person is followed through dated events that live in
many tables (steps of the record itself, visits, talks, reports, check-ins, prints, attachments).
A duty declares, per record type, a :class:`Timeline`: the event kinds in the order its filter
shows them, its *sources* (functions ``(session, who, record_id) -> Iterable[Event]``, one per
table or group of tables) and its *quick entries* (an event kind bound to a synced model whose
field declarations give the entry form, the field holding the record's id, fixed values, and the
core function that saves it with its own rule). Everything is named by dotted path, so a manifest
imports nothing.

The GUI shows it with ``ui/timeline.TimelineView``; what a quick entry saves goes through
:func:`add`, which checks the principal and every declared value before the duty's rule runs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any, Callable, Iterable

from sqlmodel import Session, select

from sfs_desktop.core import codes
from sfs_desktop.core.db.synced import live
from sfs_desktop.core.documents import PrintLog
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security.access import Principal, check_record, require


@dataclass(frozen=True)
class Event:
    """One dated thing that happened to a record, as plain data (no ORM row: it crosses threads)."""

    day: date
    kind: str  # the kind's key ("visit"): what the filter chips group by
    label: str  # the kind in words (回访)
    title: str  # one line: "回访张三（电话）：已履行"
    detail: str = ""  # a longer text shown beside or on hover; never an ID number
    table: str | None = None  # where it is stored, so a click can open it
    row_id: str | None = None
    who: str = ""  # the account that did it
    at: datetime | None = None  # when within the day, if known (orders events of one day)


Source = Callable[[Session, Principal, str], Iterable[Event]]


@dataclass(frozen=True)
class Kind:
    key: str
    label: str


@dataclass(frozen=True)
class QuickEntry:
    """An event kind staff enter often, from the timeline itself, in a form built from `model`'s
    declarations. `save(session, who, record_id, values)` is the duty's own rule (it checks the
    principal and the record's state); :func:`add` hands it values already checked."""

    key: str  # names the entry ("visit"; two entries may add one kind: 调查记录, 调解记录)
    kind: str  # the event kind it adds (one of the timeline's kinds)
    label: str  # the button: 登记回访
    model: str  # "module:Model" (a SyncedModel) whose field declarations give the form
    save: str  # "module:function" (session, who, record_id, values) -> the row saved
    parent_field: str  # the model's field that holds the record's id (case_id, subject_id)
    fixed: dict[str, Any] = field(default_factory=dict)  # values the entry sets itself (a record's kind)
    only: tuple[str, ...] | None = None  # the fields the form asks, in declaration order (None: all)
    date_field: str | None = None  # the event's date field, filled with today in a new form
    defaults: dict[str, Any] = field(default_factory=dict)  # the usual values a new form starts with
    # (a report made 到所): the user may change them, unlike `fixed`


def starting_values(entry: QuickEntry, today: date) -> dict[str, Any]:
    """What a new entry starts with: its usual values, dated today (the form's start, and the whole
    entry when it is recorded in one click from a ledger)."""
    return {**entry.defaults, **({entry.date_field: today} if entry.date_field else {})}


@dataclass(frozen=True)
class Timeline:
    kinds: tuple[Kind, ...]  # in the order the filter chips show them
    sources: tuple[str, ...]  # "module:function" paths of Source functions
    quick: tuple[QuickEntry, ...] = ()

    def label(self, kind: str) -> str:
        return next((k.label for k in self.kinds if k.key == kind), kind)

    def entry(self, key: str) -> QuickEntry:
        found = next((q for q in self.quick if q.key == key), None)
        if found is None:
            raise UserError(f"“{key}”不能在时间线上直接登记")
        return found


def local_time(at: datetime) -> datetime:
    """A stored time (stored in UTC; naive values are UTC) on the station's clock."""
    return (at if at.tzinfo else at.replace(tzinfo=timezone.utc)).astimezone()


def local_day(at: datetime) -> date:
    """The station's calendar day of a stored time."""
    return local_time(at).date()


def _order(event: Event) -> tuple:
    at = event.at if event.at is None or event.at.tzinfo else event.at.replace(tzinfo=timezone.utc)
    return event.day, at.timestamp() if at else 0.0


def events(session: Session, who: Principal, spec: Timeline, table: str, record_id: str,
           kinds: Iterable[str] | None = None) -> list[Event]:
    """Every source's events for the record, newest first (within a day: by time, then as the
    sources gave them); only `kinds` when given. Reading the record is checked first, so a
    principal who may not see it gets the refusal, not an empty list."""
    from sfs_desktop.core.duties import resolve

    check_record(session, who, table, record_id)
    wanted = None if kinds is None else set(kinds)
    found: list[Event] = []
    for path in spec.sources:
        found.extend(e for e in resolve(path)(session, who, record_id) if wanted is None or e.kind in wanted)
    return sorted(found, key=_order, reverse=True)  # stable: one day's undated events keep their order


def counts(spec: Timeline, found: Iterable[Event]) -> dict[str, int]:
    """How many events of each declared kind (zeros included), in the filter's order."""
    seen = Counter(e.kind for e in found)
    out = {k.key: seen.get(k.key, 0) for k in spec.kinds}
    out.update({k: n for k, n in seen.items() if k not in out})  # a source's undeclared kind still shows
    return out


def add(session: Session, who: Principal, table: str, record_id: str, key: str, values: dict[str, Any]) -> Any:
    """Save one quick entry (`key`) for the record: the principal may write, the record exists
    and is theirs, every declared value passes its check (one Chinese sentence naming each
    refused value otherwise); then the duty's rule decides. Nothing is written on a refusal."""
    from sfs_desktop.core.duties import resolve
    from sfs_desktop.core.workspace import spec as workspace_spec

    require(who, "record.write")
    timeline = workspace_spec(table).timeline
    if timeline is None:
        raise UserError("该类记录没有时间线")
    quick = timeline.entry(key)
    check_record(session, who, table, record_id, write=True)
    model = resolve(quick.model)
    full = {**values, **quick.fixed, quick.parent_field: record_id}
    codes.refuse_invalid(session, model, full)
    return resolve(quick.save)(session, who, record_id, full)


def print_events(s: Session, record_ids) -> list[Event]:
    """Forms printed or saved for any of `record_ids` (a list or a subquery of ids: the record and
    its rows); a preview alone is not a print."""
    from sfs_desktop.core.printing.templates import get

    logs = s.exec(live(select(PrintLog), PrintLog).where(PrintLog.record_id.in_(record_ids),
                                                         PrintLog.delivered == True)).all()  # noqa: E712
    return [Event(local_day(p.printed_at), "print", "打印", f"打印{get(p.form_id).title}",
                  "，".join(x for x in (p.serial_no, f"{p.copies} 份") if x), PrintLog.__tablename__, p.id,
                  p.printed_by, p.printed_at) for p in logs]


@dataclass(frozen=True)
class Reading:
    """What the timeline widget shows: the events and the count of each kind."""

    events: list[Event]
    counts: dict[str, int]


def read(session: Session, who: Principal, table: str, record_id: str) -> Reading:
    from sfs_desktop.core.workspace import spec as workspace_spec

    timeline = workspace_spec(table).timeline
    found = events(session, who, timeline, table, record_id)
    return Reading(found, counts(timeline, found))


def load(db, who: Principal, table: str, record_id: str) -> Reading:
    """:func:`read` in a read session of its own (what the GUI runs off the UI thread)."""
    with db.read() as session:
        return read(session, who, table, record_id)

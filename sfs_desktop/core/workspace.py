"""A record's workspace, declared by its duty: the header, the steps and why one does not apply
now, the forms printed for it, its timeline.

One record (a mediation case, a correction subject, a released person) is worked on in one
window: what it is and where it stands at the top, its workflow steps as buttons, its parts in
tabs, its forms to print. The duty declares a :class:`Workspace` per record table and names it
in its manifest (``Duty.workspaces``); :func:`read` gathers everything the window shows in one
read, with the principal's rights, as plain data the GUI can take across threads. A step that
does not apply is greyed with the rule's own sentence (the same one the rule raises when asked).

Reading never writes (:func:`load` runs in a read-only session), so a record whose every view is
audited (S3: a correction subject) declares ``audited=True`` and the window, when it opens, first
records the view on the writer (:func:`record_view`, one audit entry); the reads after each step
are the same view and record nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session

from sfs_desktop.core.errors import PermissionDenied
from sfs_desktop.core.security import audit
from sfs_desktop.core.security.access import Principal, check_record, require
from sfs_desktop.core import timeline as timelines
from sfs_desktop.core.timeline import Reading, Timeline


@dataclass(frozen=True)
class Step:
    """A workflow step: `key` names the GUI's handler (``do_<key>``), `when` the record states it
    applies in (empty: any); whether it applies now is the duty's `refusal` function's to say."""

    key: str
    label: str
    when: tuple[str, ...] = ()


@dataclass(frozen=True)
class PrintAction:
    """A form printed for the record itself (the record's id is the form's record)."""

    form_id: str
    title: str


@dataclass(frozen=True)
class HeaderItem:
    text: str
    strong: bool = False  # the record's number or name
    alert: bool = False  # a limit passed, a risk: shown in red


@dataclass(frozen=True)
class StepState:
    key: str
    label: str
    enabled: bool
    reason: str = ""  # why not, in the rule's words (empty when enabled)


@dataclass(frozen=True)
class Workspace:
    table: str  # the record's table: the manifest's key
    title: str  # the window's title: 调解案件
    header: str  # "module:function" (session, record, today) -> list[HeaderItem]
    refusal: str  # "module:function" (record, step) -> the rule's sentence, or None when it applies
    parts: str | None = None  # "module:function" (session, who, record, today) -> plain data for the duty's tabs
    steps: tuple[Step, ...] = ()
    prints: tuple[PrintAction, ...] = ()
    timeline: Timeline | None = None
    audited: bool = False  # opening the record is an audited view (S3): see :func:`record_view`


@dataclass
class View:
    """One reading of a workspace: everything its window shows."""

    record: Any  # the row, detached (the duty's tabs and handlers read its fields)
    header: list[HeaderItem]
    steps: list[StepState]
    parts: Any = None
    timeline: Reading | None = None


def spec(table: str) -> Workspace:
    """The workspace a duty declares for `table` (LookupError when none does)."""
    from sfs_desktop.core.duties import duties, resolve

    for duty in duties():
        if table in duty.workspaces:
            found = resolve(duty.workspaces[table])
            if not isinstance(found, Workspace) or found.table != table:
                raise TypeError(f"{duty.workspaces[table]} is not the Workspace of {table}")
            return found
    raise LookupError(f"no duty declares a workspace for {table}")


def step_states(who: Principal, ws: Workspace, record: Any) -> list[StepState]:
    """Each step enabled or greyed with its reason: the account's right first, then the rule's."""
    from sfs_desktop.core.duties import resolve

    try:
        require(who, "record.write")
        denied = ""
    except PermissionDenied as exc:
        denied = str(exc)
    refusal = resolve(ws.refusal)
    out = []
    for step in ws.steps:
        reason = denied or refusal(record, step) or ""
        out.append(StepState(step.key, step.label, not reason, reason))
    return out


def read(session: Session, who: Principal, table: str, record_id: str, today: date) -> View:
    """The workspace of one record as `who` may see it (refused in the rule's words when not)."""
    from sfs_desktop.core.duties import resolve

    ws = spec(table)
    record = check_record(session, who, table, record_id)
    return View(record=record, header=list(resolve(ws.header)(session, record, today)),
                steps=step_states(who, ws, record),
                parts=resolve(ws.parts)(session, who, record, today) if ws.parts else None,
                timeline=timelines.read(session, who, table, record_id) if ws.timeline else None)


def record_view(session: Session, who: Principal, table: str, record_id: str) -> bool:
    """The window on an audited record opens: `who` may read it (refused in the rule's words
    otherwise, and nothing is written), and the view is audited once (``view_s3``). Runs on the
    writer before the first :func:`load`; True when an entry was written."""
    ws = spec(table)
    check_record(session, who, table, record_id)
    if ws.audited:
        audit.record(session, who.username, "view_s3", table, record_id)
    return ws.audited


def load(db, who: Principal, table: str, record_id: str, today: date) -> View:
    """:func:`read` in a read session of its own (what the GUI runs off the UI thread)."""
    with db.read() as session:
        return read(session, who, table, record_id, today)

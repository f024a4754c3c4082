"""What the county handed over (县局交办), as each end sees it: read from the rows' sync columns.

A handed-over row is one whose ``origin`` is the county and whose owner is a station. Nothing
else is stored: who assigned it and when are ``created_by``/``created_at``; whether the station
has it is the station's acknowledgement of the county's counter that wrote it (``SyncPeer.acked``
at the county); when it arrived is the county bundle at the station whose range held that
counter; whether the station has worked on it is whether the station's own node appears in the
row's version vector (any change it made, travelled back to the county).

At a station, every one not yet worked on is a due item (县局交办待处理) on the dashboard and in
``due``, due on the deadline the county set when the record type declares one, else the day it
arrived.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Iterable

from sqlmodel import Session, select

from sfs_desktop.core import deadlines, duties
from sfs_desktop.core.db.synced import COUNTY_NODE, RowHistory, synced_tables
from sfs_desktop.core.deadlines import DueItem
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import Widget, spec_of, specs
from sfs_desktop.core.security.access import Principal, require, scoped
from sfs_desktop.core.security.masking import display_value
from sfs_desktop.core.sync import identity
from sfs_desktop.core.sync.models import SyncBundleLog, SyncPeer

SUMMARY_CHARS = 40
RULE = "县司法局交办的事项，收到后请及时办理"


@dataclass(frozen=True)
class Handed:
    """One handed-over record, as a list row."""

    table: str
    row_id: str
    kind: str  # the declared label: 交办矛盾纠纷
    duty: str  # 人民调解
    station: str
    station_name: str
    what: str  # the record's summary field, masked where sensitive, shortened
    assigned_at: datetime
    assigned_by: str
    delivered: bool  # county: the station acknowledged the county's change; station: always
    handled: bool  # the station has changed the record
    received_at: datetime | None = None  # station: when the county bundle holding it was imported
    due: date | None = None  # the deadline the county set, if the record type declares one

    @property
    def delivery_label(self) -> str:
        return "已签收（同步回执）" if self.delivered else "未签收（等待该所导入并回执）"

    @property
    def status_label(self) -> str:
        return "处理中" if self.handled else "未处理"


def _county_keys(vv: dict) -> dict[str, int]:
    return {k: int(v) for k, v in (vv or {}).items() if k.split(".", 1)[0] == COUNTY_NODE}


def handled(vv: dict) -> bool:
    """Has a station changed the row (a node other than the county wrote a version of it)?"""
    return any(k.split(".", 1)[0] != COUNTY_NODE for k in vv or {})


def _summary(model, name: str | None, row) -> str:
    if name is None:  # the first required text the record type declares
        name = next((s.name for s in specs(model) if s.required and s.widget in (Widget.TEXT, Widget.MULTILINE)),
                    None)
    text = display_value(spec_of(model, name), getattr(row, name)) if name else ""
    text = " ".join(str(text or "").split())
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS - 1] + "…"


def _rows(session: Session, who: Principal, tables: Iterable[str] | None, owner: str | None):
    """(duty, declaration, model, row) of every live handed-over row the principal may read."""
    every = duties.assignables()
    for table in tables if tables is not None else every:
        duty, a = every[table]
        model = synced_tables()[table]
        stmt = scoped(who, select(model).where(model.deleted == False, model.origin == COUNTY_NODE,  # noqa: E712
                                               model.owner != COUNTY_NODE), model)
        if owner:
            stmt = stmt.where(model.owner == owner)
        for row in session.exec(stmt).all():
            yield duty, a, model, row


def _due(model, a: duties.Assignable, row) -> date | None:
    return getattr(row, a.due) if a.due else None


def handed_over(session: Session, who: Principal, station: str | None = None) -> list[Handed]:
    """County: everything handed over (to `station`, or to every station), newest first."""
    require(who, "record.read")
    if identity.local_node(session).role != "county":
        raise UserError("只有县司法局有交办记录；司法所请用 assign --received 查看县局交办给本所的事项")
    peers = {p.node_id: p for p in session.exec(select(SyncPeer).where(SyncPeer.role == "station")).all()}
    if station is not None and station not in peers:
        raise UserError(f"名册中没有司法所 {station}")
    out = []
    for duty, a, model, row in _rows(session, who, None, station):
        p = peers.get(row.owner)
        acked = (p.acked or {}) if p else {}
        delivered = handled(row.vv) or all(int(acked.get(k, 0)) >= ctr for k, ctr in _county_keys(row.vv).items())
        out.append(Handed(model.__tablename__, row.id, a.label, duty.title, row.owner, p.name if p else "",
                          _summary(model, a.summary, row), row.created_at, row.created_by, delivered,
                          handled(row.vv), due=_due(model, a, row)))
    return sorted(out, key=lambda h: h.assigned_at, reverse=True)


def received(session: Session, who: Principal, tables: Iterable[str] | None = None) -> list[Handed]:
    """Station: what the county handed over to it (of `tables`, default every declared type), newest first."""
    require(who, "record.read")
    me = identity.local_node(session)
    if me.role == "county":
        raise UserError("县司法局不接收交办；请用 assign --list 查看已交办给各所的事项")
    bundles = session.exec(select(SyncBundleLog.covers, SyncBundleLog.at).where(
        SyncBundleLog.direction == "in", SyncBundleLog.peer == COUNTY_NODE).order_by(SyncBundleLog.at)).all()
    out = []
    for duty, a, model, row in _rows(session, who, tables, None):
        out.append(Handed(model.__tablename__, row.id, a.label, duty.title, me.node_id, "",
                          _summary(model, a.summary, row), row.created_at, row.created_by, True, handled(row.vv),
                          _arrival(session, model.__tablename__, row, bundles), _due(model, a, row)))
    return sorted(out, key=lambda h: h.received_at or h.assigned_at, reverse=True)


def _arrival(session: Session, table: str, row, bundles) -> datetime | None:
    """When the county's first version of the row was imported here (from the bundle ranges)."""
    versions = [row.vv] + list(session.exec(select(RowHistory.vv).where(RowHistory.table_name == table,
                                                                         RowHistory.row_id == row.id)).all())
    first: dict[str, int] = {}
    for vv in versions:
        for k, ctr in _county_keys(vv).items():
            first[k] = min(ctr, first.get(k, ctr))
    for covers, at in bundles:
        if any(int((covers or {}).get(k, [0, -1])[0]) <= ctr <= int((covers or {}).get(k, [0, -1])[1])
               for k, ctr in first.items()):
            return at
    return None


@deadlines.register
def assigned_due(session: Session, today: date) -> Iterable[DueItem]:
    """县局交办待处理: every handed-over record the station has not yet worked on."""
    if not duties.assignables() or identity.local_node(session).role == "county":
        return
    from sfs_desktop.core.security.access import SYSTEM

    for h in received(session, SYSTEM):
        if not h.handled:
            arrived = (h.received_at or h.assigned_at).date()
            yield DueItem(h.duty, h.what or h.kind, "县局交办待处理", RULE, h.due or arrived,
                          h.table, h.row_id)

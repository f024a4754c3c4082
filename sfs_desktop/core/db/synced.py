"""Change capture for synced tables: sync columns, node counter, outbox and row history.

Every synced table inherits :class:`SyncedModel`. A SQLAlchemy ``before_flush`` hook stamps
each inserted, updated or deleted row with the node's next counter and writes one
``sync_outbox`` row for it in the same transaction (sync-design.md §4.2), whatever code path
made the change, so no caller can forget. Deleting a synced row keeps it as a tombstone
(``deleted = True``): the county must learn of deletions, and a merge must never resurrect a
deleted row silently. Superseded versions go to ``row_history`` (修改留痕, and the base of
three-way merges).
"""

from __future__ import annotations

import contextvars
import functools
import json
import uuid
from contextlib import contextmanager
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any, ClassVar, Iterator, TypeVar

from sqlalchemy import JSON, Connection, event, inspect, insert, text
from sqlalchemy.orm import Session, attributes
from sqlalchemy.orm.base import NEVER_SET, NO_VALUE
from sqlmodel import Field, SQLModel

from sfs_desktop.core.db.writer import note_changed

COUNTY_NODE = "county"
"""Node id of the county bureau; station node ids are their station codes."""

_actor: contextvars.ContextVar[str] = contextvars.ContextVar("sfs_actor", default="system")
_baseline: contextvars.ContextVar[bool] = contextvars.ContextVar("sfs_baseline", default=False)


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


@contextmanager
def acting_as(username: str) -> Iterator[None]:
    """Changes made inside are recorded as made by `username` (created_by/updated_by)."""
    token = _actor.set(username)
    try:
        yield
    finally:
        _actor.reset(token)


def current_actor() -> str:
    return _actor.get()


@contextmanager
def baseline_load() -> Iterator[None]:
    """Rows written inside are the shipped baseline (default code tables, parameters).

    Every node loads the same baseline with the same ids and an empty version vector, so it is
    not a change to send anywhere: no counter, no outbox. Any later edit is stamped normally.
    """
    token = _baseline.set(True)
    try:
        yield
    finally:
        _baseline.reset(token)


class SyncedModel(SQLModel):
    """Columns every synced table carries (sync-design.md §4.2)."""

    __owner_rule__: ClassVar[str] = "origin"  # "origin": the creating node owns it; "county"
    __title__: ClassVar[str] = ""  # what the table holds, in words a station's staff use (messages, lists)
    __row_schema__: ClassVar[int] = 1

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    origin: str = Field(default="", max_length=32)
    owner: str = Field(default="", max_length=32, index=True)
    ver_node: str = Field(default="", max_length=40)
    ver_ctr: int = Field(default=0)
    vv: dict = Field(default_factory=dict, sa_type=JSON)
    deleted: bool = Field(default=False)
    purged: bool = Field(default=False)
    row_schema: int = Field(default=1)
    extra: dict = Field(default_factory=dict, sa_type=JSON)
    in_conflict: bool = Field(default=False)
    created_at: datetime = Field(default_factory=utcnow)
    created_by: str = Field(default="", max_length=64)
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by: str = Field(default="", max_length=64)


SYNC_COLUMNS = tuple(SyncedModel.model_fields)


class LocalNode(SQLModel, table=True):
    """This installation's node identity and its change counter (never synced)."""

    __tablename__ = "local_node"
    id: int = Field(default=1, primary_key=True)
    node_id: str = Field(max_length=32)
    role: str = Field(max_length=16)  # station | county
    epoch: int = Field(default=1)
    counter: int = Field(default=0)


class SyncOutbox(SQLModel, table=True):
    __tablename__ = "sync_outbox"
    seq: int | None = Field(default=None, primary_key=True)
    epoch: int
    ctr: int = Field(index=True)
    table_name: str = Field(max_length=64)
    row_id: str = Field(max_length=36)
    op: str = Field(max_length=8)  # insert | update | delete


class RowHistory(SQLModel, table=True):
    __tablename__ = "row_history"
    seq: int | None = Field(default=None, primary_key=True)
    table_name: str = Field(max_length=64)
    row_id: str = Field(max_length=36, index=True)
    vv: dict = Field(default_factory=dict, sa_type=JSON)
    payload: dict = Field(default_factory=dict, sa_type=JSON)
    written_by: str = Field(default="", max_length=40)
    written_at: datetime = Field(default_factory=utcnow)
    superseded_at: datetime = Field(default_factory=utcnow)


def live(stmt, model: type[SyncedModel], owner: str | None = None):
    """`stmt` narrowed to the rows of `model` that are not deleted (and, at the county, to one
    station's rows when `owner` is given): the one spelling of "the records that count"."""
    stmt = stmt.where(model.deleted == False)  # noqa: E712
    return stmt.where(model.owner == owner) if owner else stmt


M = TypeVar("M", bound="SyncedModel")


def save_values(session: Session, model: type[M], row: M | None, values: dict[str, Any]) -> M:
    """A new `model` row with checked `values`, or `row` changed where a value differs: setting a
    field to the value it holds would bump the row's version and send it again for nothing."""
    if row is None:
        row = model(**values)
    else:
        for name, value in values.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
    session.add(row)
    session.flush()
    return row


def count_live(session: Session, model: type[SyncedModel], owner: str | None = None) -> int:
    from sqlalchemy import func, select

    return session.scalar(live(select(func.count()).select_from(model), model, owner)) or 0


def synced_tables() -> dict[str, type[SyncedModel]]:
    """Every synced table class, by table name: every models module is loaded first, so no
    entry point can see fewer tables than another (core.models lists them)."""
    from sfs_desktop.core import models  # late: the models modules import this one

    models.load()
    out: dict[str, type[SyncedModel]] = {}
    stack = list(SyncedModel.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        table = getattr(cls, "__table__", None)
        if table is not None:
            out[table.name] = cls
    return dict(sorted(out.items()))


def table_title(name: str) -> str:
    """A synced table's title for people ("调解案件"), or its name when it has none."""
    model = synced_tables().get(name)
    return (model.__title__ if model is not None else "") or name


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def canonical_json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=jsonable)


# --- counter allocation, shared by the ORM hook and the bulk path ------------------------

class Stamp:
    """A block of counters allocated in one statement for n changes."""

    def __init__(self, conn: Connection, n: int):
        row = conn.execute(
            text("UPDATE local_node SET counter = counter + :n WHERE id = 1 RETURNING node_id, epoch, counter"),
            {"n": n},
        ).first()
        if row is None:
            raise RuntimeError("database has no local node: run `sfs-desktop init` first")
        self.node_id, self.epoch, last = row
        self.node_key = f"{self.node_id}.{self.epoch}"
        self.next_ctr = last - n + 1

    def take(self) -> int:
        ctr = self.next_ctr
        self.next_ctr += 1
        return ctr


def _owner_for(cls: type[SyncedModel], origin: str) -> str:
    return COUNTY_NODE if cls.__owner_rule__ == "county" else origin


# --- the ORM hook ---------------------------------------------------------------------------

@functools.cache
def _column_keys(cls: type[SyncedModel]) -> tuple[str, ...]:
    return tuple(c.key for c in inspect(cls).column_attrs)


def _old_payload(obj: SyncedModel) -> dict[str, Any]:
    """The row as it was before this flush: the committed value of every attribute changed, the
    current value of the rest (what attribute history says, without building a history per
    column: a flush of thousands of edited rows spent most of its time there)."""
    committed = inspect(obj).committed_state
    out = {}
    for key in _column_keys(type(obj)):
        old = committed.get(key, NO_VALUE)
        out[key] = jsonable(getattr(obj, key) if old is NO_VALUE or old is NEVER_SET else old)
    return out


def _undelete(session: Session, obj: SyncedModel) -> None:
    """Turn a pending DELETE of a synced row into a tombstone update."""
    session.expunge(obj)
    attributes.instance_state(obj)._deleted = False  # expunge of a deleted object keeps the flag
    session.add(obj)
    obj.deleted = True


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _ctx, _instances) -> None:
    for obj in list(session.deleted):
        if isinstance(obj, SyncedModel):
            _undelete(session, obj)
    new = [o for o in session.new if isinstance(o, SyncedModel)]
    dirty = [o for o in session.dirty if isinstance(o, SyncedModel) and session.is_modified(o)]
    if not new and not dirty:
        return
    baseline = _baseline.get()
    conn = session.connection()
    actor = _actor.get()
    now = utcnow()
    if baseline:
        node_id = conn.execute(text("SELECT node_id FROM local_node WHERE id = 1")).scalar() or ""
        for obj in new:
            obj.origin = obj.origin or node_id
            obj.owner = obj.owner or _owner_for(type(obj), obj.origin)
            obj.row_schema = type(obj).__row_schema__
            obj.created_by = obj.updated_by = actor
        return
    stamp = Stamp(conn, len(new) + len(dirty))
    outbox: list[dict[str, Any]] = []
    history: list[dict[str, Any]] = []
    for obj in new:
        ctr = stamp.take()
        obj.origin = obj.origin or stamp.node_id
        obj.owner = obj.owner or _owner_for(type(obj), obj.origin)
        obj.row_schema = type(obj).__row_schema__
        obj.created_by = obj.created_by or actor
        obj.updated_by = actor
        obj.created_at = obj.created_at or now
        obj.updated_at = now
        obj.ver_node, obj.ver_ctr = stamp.node_key, ctr
        obj.vv = {**(obj.vv or {}), stamp.node_key: ctr}
        outbox.append(_outbox_row(stamp, ctr, obj, "insert"))
    for obj in dirty:
        ctr = stamp.take()
        old = _old_payload(obj)
        history.append({
            "table_name": obj.__tablename__, "row_id": obj.id, "vv": old.get("vv") or {},
            "payload": old, "written_by": old.get("ver_node") or "",
            "written_at": datetime.fromisoformat(old["updated_at"]) if old.get("updated_at") else now,
            "superseded_at": now,
        })
        was_deleted = bool(old.get("deleted"))
        op = "delete" if obj.deleted and not was_deleted else "update"
        obj.updated_by = actor
        obj.updated_at = now
        obj.ver_node, obj.ver_ctr = stamp.node_key, ctr
        obj.vv = {**(obj.vv or {}), stamp.node_key: ctr}
        outbox.append(_outbox_row(stamp, ctr, obj, op))
    conn.execute(insert(SyncOutbox.__table__), outbox)
    if history:
        conn.execute(insert(RowHistory.__table__), history)


def _outbox_row(stamp: Stamp, ctr: int, obj: SyncedModel, op: str) -> dict[str, Any]:
    return {"epoch": stamp.epoch, "ctr": ctr, "table_name": obj.__tablename__, "row_id": obj.id, "op": op}


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_dml(state) -> None:
    """ORM bulk UPDATE/DELETE would skip change capture: refuse it on synced tables."""
    if not (state.is_update or state.is_delete):
        return
    for mapper in state.all_mappers:
        if issubclass(mapper.class_, SyncedModel):
            raise RuntimeError(
                f"bulk {'UPDATE' if state.is_update else 'DELETE'} on synced table "
                f"{mapper.class_.__tablename__} bypasses change capture; change the objects instead"
            )


# --- bulk path (same stamping, Core executemany) ---------------------------------------------

AFTER_BULK_INSERT: list = []
"""Callables (connection, model, rows, new=bool) run after bulk writes, in their transaction (the search index)."""


def insert_synced(session: Session, model: type[SyncedModel], rows: list[dict[str, Any]]) -> list[str]:
    """Insert many new rows of `model` fast, stamped and with outbox entries like the ORM path."""
    if not rows:
        return []
    conn = session.connection()
    stamp = Stamp(conn, len(rows))
    actor = _actor.get()
    now = utcnow()
    owner = _owner_for(model, stamp.node_id)
    defaults, factories = _column_defaults(model)
    prepared: list[dict[str, Any]] = []
    outbox: list[dict[str, Any]] = []
    table_name = model.__tablename__
    for values in rows:
        ctr = stamp.take()
        row = {**defaults, **values}
        for name, factory in factories.items():
            if row.get(name) is None:
                row[name] = factory()
        row_id = row.get("id") or new_id()
        row.update(
            id=row_id, origin=stamp.node_id, owner=owner, ver_node=stamp.node_key, ver_ctr=ctr,
            vv={stamp.node_key: ctr}, deleted=False, purged=False, row_schema=model.__row_schema__,
            extra=row.get("extra") or {}, in_conflict=False, created_at=now, created_by=actor,
            updated_at=now, updated_by=actor,
        )
        prepared.append(row)
        outbox.append({"epoch": stamp.epoch, "ctr": ctr, "table_name": table_name, "row_id": row_id, "op": "insert"})
    _executemany(conn, model.__table__, prepared)
    _executemany(conn, SyncOutbox.__table__, outbox)
    note_changed(session, table_name)
    note_changed(session, SyncOutbox.__tablename__)
    for hook in AFTER_BULK_INSERT:
        hook(conn, model, prepared, new=True)
    return [r["id"] for r in prepared]


def _executemany(conn: Connection, table, rows: list[dict[str, Any]]) -> None:
    """One DB-API executemany with SQLAlchemy's own per-type conversion, without its per-row overhead.

    Values are converted by each column type's bind processor, so what is stored is exactly what
    the ORM path would store (the digest compares them byte for byte).
    """
    dialect = conn.dialect
    present = set().union(*rows)
    cols = [c for c in table.columns if c.name in present]
    procs = [c.type._cached_bind_processor(dialect) for c in cols]
    names = [c.name for c in cols]
    params = [
        tuple(v if v is None or proc is None else proc(v) for v, proc in ((row.get(n), pr) for n, pr in zip(names, procs)))
        for row in rows
    ]
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    conn.exec_driver_sql(sql, params)


def _column_defaults(model: type[SQLModel]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(static defaults, default factories) of the model's own (non-sync) fields."""
    static: dict[str, Any] = {}
    factories: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name in SYNC_COLUMNS:
            continue
        if info.default_factory is not None:
            factories[name] = info.default_factory
        elif not info.is_required():
            static[name] = info.default
    return static, factories

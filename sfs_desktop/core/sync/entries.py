"""Rows as portable bundle entries, and back (sync-design.md §4.4, §4.9).

An entry carries the row's current state: ``{"t": "row", "tb": table, "id", "vv", "rs":
row_schema, "d": {column: JSON value}, "x": extra}``. Columns this program does not know arrive
in ``extra`` and are sent on unchanged; entries written with an older ``row_schema`` are
brought up to date by the table's registered upcasters before they are merged.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any, Callable

from sqlalchemy import JSON, Boolean, Date, DateTime, LargeBinary, Numeric

from sfs_desktop.core.db.synced import SyncedModel, jsonable
from sfs_desktop.core.errors import UserError

NOT_IN_ENTRY = ("id", "vv", "row_schema", "extra", "in_conflict")
META = ("origin", "owner", "ver_node", "ver_ctr", "purged", "created_at", "created_by", "updated_at", "updated_by")
"""Sync bookkeeping columns: carried in every entry, but not 'fields' a person edits or merges."""

Upcaster = Callable[[dict[str, Any]], dict[str, Any]]
_UPCASTERS: dict[tuple[str, int], Upcaster] = {}


def upcaster(table: str, from_schema: int) -> Callable[[Upcaster], Upcaster]:
    """Register `fn(data) -> data` turning a `table` entry of row_schema n into n+1."""
    def deco(fn: Upcaster) -> Upcaster:
        _UPCASTERS[(table, from_schema)] = fn
        return fn
    return deco


@lru_cache(maxsize=None)
def columns(model: type[SyncedModel]) -> tuple[str, ...]:
    return tuple(c.name for c in model.__table__.columns)


@lru_cache(maxsize=None)
def payload_fields(model: type[SyncedModel]) -> tuple[str, ...]:
    """The fields people edit: what merges compare field by field (plus `deleted`)."""
    return tuple(c for c in columns(model) if c not in NOT_IN_ENTRY and c not in META and c != "deleted")


def _converter(col) -> Callable[[Any], Any] | None:
    t = col.type
    impl = getattr(t, "impl", t)
    if isinstance(impl, DateTime):
        return datetime.fromisoformat
    if isinstance(impl, Date):
        return date.fromisoformat
    if isinstance(impl, LargeBinary):
        return bytes.fromhex
    if isinstance(impl, Numeric):
        return Decimal
    if isinstance(impl, Boolean):
        return bool
    if isinstance(impl, JSON):
        return None
    return None


@lru_cache(maxsize=None)
def converters(model: type[SyncedModel]) -> dict[str, Callable[[Any], Any]]:
    return {c.name: conv for c in model.__table__.columns if (conv := _converter(c)) is not None}


def to_entry(model: type[SyncedModel], row: dict[str, Any], withheld: frozenset[str]) -> dict[str, Any]:
    """`row` holds Python values of every column (as read with SQLAlchemy Core)."""
    data = {k: jsonable(v) for k, v in row.items() if k not in NOT_IN_ENTRY and k not in withheld}
    return {"t": "row", "tb": model.__tablename__, "id": row["id"], "vv": _vv(row["vv"]),
            "rs": row["row_schema"], "d": data, "x": _vv(row.get("extra")) or {}}


def _vv(value: Any) -> dict:
    if isinstance(value, str):
        return json.loads(value)
    return value or {}


def from_entry(model: type[SyncedModel], entry: dict[str, Any]) -> dict[str, Any]:
    """Python values for the columns the entry carries (withheld columns are simply absent)."""
    data = dict(entry.get("d") or {})
    schema = int(entry.get("rs") or 1)
    mine = model.__row_schema__
    while schema < mine:
        fn = _UPCASTERS.get((model.__tablename__, schema))
        if fn is None:
            raise UserError(f"缺少表 {model.__tablename__} 从结构版本 {schema} 升级的转换，无法导入")
        data = fn(data)
        schema += 1
    known = set(columns(model))
    extra = dict(entry.get("x") or {})
    for key in list(extra):
        if key in known and key not in data:  # a field this version knows, kept by an older peer
            data[key] = extra.pop(key)
    for key in list(data):
        if key not in known:
            extra[key] = data.pop(key)
    conv = converters(model)
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key in NOT_IN_ENTRY:
            continue
        fn = conv.get(key)
        out[key] = fn(value) if fn is not None and value is not None else value
    out["id"] = entry["id"]
    out["vv"] = dict(entry.get("vv") or {})
    out["row_schema"] = max(schema, mine)
    out["extra"] = extra
    return out


def comparable(value: Any) -> Any:
    """Values compare by their JSON form (a date read back equals the same date sent)."""
    return jsonable(value)

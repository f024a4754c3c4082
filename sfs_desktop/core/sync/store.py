"""Fast row access for export and import: SQLAlchemy Core reads, one executemany per write.

Imports bypass the ORM on purpose: rows arrive with their own version stamps, which the
change-capture hook must not restamp.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from sqlalchemy import Connection, Table, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from sfs_desktop.core.db.synced import RowHistory, _executemany, jsonable, utcnow
from sfs_desktop.core.sync.models import SyncReceived

CHUNK = 500


def load(conn: Connection, table: Table, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Rows by id, as {column: Python value}."""
    out: dict[str, dict[str, Any]] = {}
    ids = list(ids)
    for i in range(0, len(ids), CHUNK):
        for row in conn.execute(select(table).where(table.c.id.in_(ids[i:i + CHUNK]))).mappings():
            out[row["id"]] = dict(row)
    return out


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        defaults = {c.name: None for c in table.columns}
        _executemany(conn, table, [{**defaults, **r} for r in rows])


def update_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Replace whole rows by id (every column given)."""
    if not rows:
        return
    dialect = conn.dialect
    cols = [c for c in table.columns if c.name != "id"]
    procs = [c.type._cached_bind_processor(dialect) for c in cols]
    sql = f"UPDATE {table.name} SET {', '.join(f'{c.name} = ?' for c in cols)} WHERE id = ?"
    params = []
    for row in rows:
        vals = []
        for c, proc in zip(cols, procs):
            v = row.get(c.name)
            vals.append(v if v is None or proc is None else proc(v))
        vals.append(row["id"])
        params.append(tuple(vals))
    conn.exec_driver_sql(sql, params)


def history(conn: Connection, table_name: str, superseded: list[dict[str, Any]]) -> None:
    """Keep the versions an import replaces (修改留痕, and the base of later merges)."""
    if not superseded:
        return
    now = utcnow()
    rows = []
    for old in superseded:
        payload = {k: jsonable(v) for k, v in old.items()}
        rows.append({"table_name": table_name, "row_id": old["id"], "vv": old["vv"], "payload": payload,
                     "written_by": old.get("ver_node") or "", "written_at": old.get("updated_at") or now,
                     "superseded_at": now})
    _executemany(conn, RowHistory.__table__, rows)


def bases(conn: Connection, table_name: str, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Superseded versions of the given rows (their JSON payloads)."""
    out: dict[str, list[dict[str, Any]]] = {}
    t = RowHistory.__table__
    for i in range(0, len(ids), CHUNK):
        q = select(t.c.row_id, t.c.payload).where(t.c.table_name == table_name, t.c.row_id.in_(ids[i:i + CHUNK]))
        for row_id, payload in conn.execute(q):
            if isinstance(payload, str):
                payload = json.loads(payload)
            out.setdefault(row_id, []).append(payload)
    return out


def note_received(conn: Connection, table_name: str, ids: list[str], bundle_id: str) -> None:
    """Remember that these rows of a reference table arrived now, in `bundle_id` (a later arrival
    of the same row replaces the earlier one)."""
    if not ids:
        return
    t = SyncReceived.__table__
    now = utcnow()
    stmt = sqlite_insert(t)
    stmt = stmt.on_conflict_do_update(index_elements=[t.c.table_name, t.c.row_id],
                                      set_={"bundle_id": stmt.excluded.bundle_id, "at": stmt.excluded.at})
    for i in range(0, len(ids), CHUNK):
        conn.execute(stmt, [{"table_name": table_name, "row_id": rid, "bundle_id": bundle_id, "at": now}
                            for rid in ids[i:i + CHUNK]])

"""Global search: one FTS5 index (trigram) over the searchable fields of every table.

What goes in is decided by the field declarations (`searchable=True`, which S2/S3 fields can
never have), so ID numbers, phones and criminal data are never in the index in clear. Names
also get their pinyin initials (王小明 → wxm). Trigram matching needs three characters; many
Chinese names have two (张三), so shorter queries use a LIKE scan of the same index.
The index is kept current by a session hook and by the bulk-insert path.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy import Connection, event, text
from sqlalchemy.orm import Session

from sfs_desktop.core.db import synced
from sfs_desktop.core.fields import specs
from sfs_desktop.core.security.access import Principal, check_row
from sfs_desktop.core.errors import PermissionDenied

INDEX = "search_index"


def _fields(model: Any) -> list[str]:
    return [s.name for s in specs(model) if s.searchable]


@lru_cache(maxsize=8192)
def _initial(char: str) -> str:
    from pypinyin import Style, lazy_pinyin  # late: its dictionaries cost start-up time; only writes need them

    letters = lazy_pinyin(char, style=Style.FIRST_LETTER, errors="ignore")
    return letters[0].lower() if letters else ""


def initials(value: str) -> str:
    """王小明 → wxm, a character at a time (names are short; cached characters make bulk indexing cheap)."""
    return "".join(_initial(c) for c in value)


def _key(table: str, row_id: str) -> int:
    """The index rowid of a record: a stable 60-bit hash, so replacing an entry is a rowid lookup."""
    return int(hashlib.blake2b(f"{table}/{row_id}".encode(), digest_size=8).hexdigest()[:15], 16)


def _entry(model: Any, row: Any, get) -> dict[str, Any] | None:
    names = _fields(model)
    values = [str(get(row, n)) for n in names if get(row, n)]
    if not values or get(row, "deleted"):
        return None
    name = get(row, "name") if "name" in names else ""
    return {"k": _key(model.__tablename__, get(row, "id")), "t": model.__tablename__, "r": get(row, "id"),
            "text": " ".join(values), "initials": initials(name) if name else ""}


def _write(conn: Connection, model: Any, rows: Iterable[Any], get, *, new: bool = False) -> None:
    rows = list(rows)
    if not rows or not _fields(model):
        return
    entries, gone = [], []
    for r in rows:
        e = _entry(model, r, get)
        if e:
            entries.append(e)
        elif not new:
            gone.append({"k": _key(model.__tablename__, get(r, "id"))})
    if gone:  # deleted, or nothing searchable left
        conn.execute(text(f"DELETE FROM {INDEX} WHERE rowid = :k"), gone)
    if entries:  # REPLACE: an entry left over from a row removed behind the program's back is overwritten
        conn.execute(text(f"INSERT OR REPLACE INTO {INDEX}(rowid, table_name, row_id, text, initials) "
                          "VALUES (:k, :t, :r, :text, :initials)"), entries)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _ctx) -> None:
    by_model: dict[type, list] = {}
    for obj in list(session.new) + list(session.dirty):
        if isinstance(obj, synced.SyncedModel) and _fields(type(obj)):
            by_model.setdefault(type(obj), []).append(obj)
    if not by_model:
        return
    conn = session.connection()
    for model, objs in by_model.items():
        _write(conn, model, objs, getattr)


def _bulk(conn: Connection, model: Any, rows: list[dict], new: bool = False) -> None:
    _write(conn, model, rows, lambda row, name: row.get(name), new=new)


synced.AFTER_BULK_INSERT.append(_bulk)


def rebuild(session: Session) -> int:
    """Index every searchable table from scratch (after an import or an upgrade).

    During an upgrade the models may already name tables and columns a later revision adds;
    only what exists in the database now is read (the later revision's tables start empty).
    """
    conn = session.connection()
    conn.execute(text(f"DELETE FROM {INDEX}"))
    present = {r[0]: {c[1] for c in conn.execute(text(f"PRAGMA table_info({r[0]})"))}
               for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))}
    n = 0
    for model in synced.synced_tables().values():
        names = [f for f in _fields(model) if f in present.get(model.__tablename__, ())]
        if not names:
            continue
        cols = ", ".join(f'"{c}"' for c in ["id", "deleted", *names])  # quoted: a column may be a keyword
        rows = [dict(r._mapping) for r in conn.execute(text(f"SELECT {cols} FROM {model.__tablename__}"))]
        _write(conn, model, rows, lambda row, name: row.get(name), new=True)
        n += len(rows)
    return n


@dataclass(frozen=True)
class Hit:
    duty: str
    table: str
    row_id: str
    text: str


def search(session: Session, principal: Principal, query: str, limit: int = 50) -> dict[str, list[Hit]]:
    """Hits grouped by duty; rows the person may not read are left out."""
    q = query.strip()
    if not q:
        return {}
    if q.isascii() and q.isalpha():
        sql, params = f"SELECT table_name, row_id, text FROM {INDEX} WHERE initials LIKE :p LIMIT :n", \
            {"p": q.lower() + "%", "n": limit * 2}
    elif len(q) >= 3:
        sql, params = f"SELECT table_name, row_id, text FROM {INDEX} WHERE {INDEX} MATCH :m LIMIT :n", \
            {"m": '"' + q.replace('"', '""') + '"', "n": limit * 2}
    else:
        sql, params = f"SELECT table_name, row_id, text FROM {INDEX} WHERE text LIKE :p LIMIT :n", \
            {"p": f"%{q}%", "n": limit * 2}
    from sfs_desktop.core import duties

    labels = duties.search_labels()  # each duty's manifest names its tables' group
    tables = synced.synced_tables()
    out: dict[str, list[Hit]] = {}
    count = 0
    for table, row_id, body in session.execute(text(sql), params):
        model = tables.get(table)
        row = session.get(model, row_id) if model else None
        if row is None:
            continue
        try:
            check_row(principal, model, row)
        except PermissionDenied:
            continue
        group = labels.get(table, "其他")
        out.setdefault(group, []).append(Hit(group, table, row_id, body))
        count += 1
        if count >= limit:
            break
    return out

"""Partition digests carried in acks (sync-design.md §4.7).

Per table, the count of rows and an XOR of SHA-256(table ‖ id ‖ vv ‖ deleted) over the rows of a
partition: order-independent, the same on both sides when they hold the same versions, and
blind to fields that never travel (withheld S2/S3 values, local flags). Rows with an empty
version vector are the shipped baseline, identical everywhere, and left out.
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import Connection, select

from sfs_desktop.core.db.synced import COUNTY_NODE, canonical_json, synced_tables
from sfs_desktop.core.sync import policy


def partition_digest(conn: Connection, partition: str) -> dict[str, list]:
    """{table: [count, xor-hex]} for the rows owned by `partition` (for the county: its shared
    reference tables only)."""
    out: dict[str, list] = {}
    for name, model in synced_tables().items():
        if partition == COUNTY_NODE and not policy.is_broadcast(model):
            continue
        t = model.__table__
        rows = conn.execute(select(t.c.id, t.c.vv, t.c.deleted).where(t.c.owner == partition)).all()
        acc = 0
        n = 0
        for row_id, vv, deleted in rows:
            if isinstance(vv, str):
                vv = json.loads(vv)
            if not vv:
                continue
            h = hashlib.sha256(f"{name}\x00{row_id}\x00{canonical_json(vv)}\x00{int(bool(deleted))}".encode())
            acc ^= int.from_bytes(h.digest(), "big")
            n += 1
        if n:
            out[name] = [n, f"{acc:064x}"]
    return out


def pair_digests(conn: Connection, station: str) -> dict[str, dict[str, list]]:
    return {p: partition_digest(conn, p) for p in policy.partitions_between(station)}


def differences(theirs: dict[str, dict[str, list]], mine: dict[str, dict[str, list]]) -> dict[str, list[int]]:
    """{table: [rows the peer holds, rows we hold]} for every table whose partition digest
    differs (both partitions): where a station's records did not all arrive, by table."""
    out: dict[str, list[int]] = {}
    for part in set(theirs) | set(mine):
        a, b = theirs.get(part) or {}, mine.get(part) or {}
        for table in set(a) | set(b):
            if a.get(table) != b.get(table):
                prev = out.get(table, [0, 0])
                out[table] = [prev[0] + int((a.get(table) or [0])[0]), prev[1] + int((b.get(table) or [0])[0])]
    return dict(sorted(out.items()))

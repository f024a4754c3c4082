"""Merge rules of sync-design.md §4.3, as a pure function of the two versions and their base.

No clock decides anything. A version whose vector is dominated is already known (skip); one
that dominates replaces (fast-forward). Concurrent versions merge field by field against their
common base (the newest superseded version both contain): a field changed on one side only
takes that side's value; a field changed on both sides to different values is a conflict, shown
provisionally with the owner's value — the same choice on every node — and both versions are
kept. Deleting on one side while the other side edits is always a conflict. The merged row's
vector is the join of both, so every node that merges the same pair reaches the same row.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sfs_desktop.core.db.synced import SyncedModel, canonical_json
from sfs_desktop.core.sync.entries import META, comparable, payload_fields

_CONFLICT_NS = uuid.UUID("0d5c6f0e-52a4-4f0b-9a1e-8d6a55f1c0aa")
_MISSING = object()


def vv_le(a: dict, b: dict) -> bool:
    return all(b.get(k, 0) >= v for k, v in a.items())


def vv_join(a: dict, b: dict) -> dict:
    out = dict(a)
    for k, v in b.items():
        if v > out.get(k, 0):
            out[k] = v
    return out


@dataclass
class Outcome:
    action: str  # insert | skip | replace | merged | conflict
    values: dict[str, Any] = field(default_factory=dict)
    conflict: dict[str, Any] | None = None
    fields: list[str] = field(default_factory=list)


def conflict_id(table: str, row_id: str, vv_a: dict, vv_b: dict) -> str:
    a, b = sorted([canonical_json(vv_a), canonical_json(vv_b)])
    return str(uuid.uuid5(_CONFLICT_NS, f"{table}/{row_id}/{a}/{b}"))


def _owner_weight(row: dict[str, Any], owner: str) -> int:
    return sum(v for k, v in row["vv"].items() if k.rsplit(".", 1)[0] == owner)


def _later(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """A fixed tie-break for bookkeeping columns (not a clock): the larger (ctr, node) stamp."""
    return a if (a.get("ver_ctr", 0), a.get("ver_node", "")) >= (b.get("ver_ctr", 0), b.get("ver_node", "")) else b


def merge(model: type[SyncedModel], local: dict[str, Any] | None, incoming: dict[str, Any],
          base: dict[str, Any] | None) -> Outcome:
    """`local`/`base`: every column; `incoming`: the columns the entry carried (withheld ones
    missing: they keep the local value)."""
    if local is None:
        return Outcome("insert", incoming)
    inc = {**local, **incoming}
    if vv_le(inc["vv"], local["vv"]):
        return Outcome("skip")
    if vv_le(local["vv"], inc["vv"]):
        return Outcome("replace", inc)
    fields = list(payload_fields(model)) + ["deleted", "extra"]
    changed_l, changed_i = set(), set()
    for f in fields:
        bv = comparable(base[f]) if base is not None and f in base else _MISSING
        lv, iv = comparable(local.get(f)), comparable(inc.get(f))
        if lv != bv:
            changed_l.add(f)
        if iv != bv:
            changed_i.add(f)
    owner = local.get("owner") or inc.get("owner") or ""
    wl, wi = _owner_weight(local, owner), _owner_weight(inc, owner)
    owners = local if wl > wi else inc if wi > wl else _later(local, inc)
    result: dict[str, Any] = {}
    conflicts: list[str] = []
    for f in fields:
        lv, iv = local.get(f), inc.get(f)
        if comparable(lv) == comparable(iv):
            result[f] = lv
        elif f in changed_l and f in changed_i:
            conflicts.append(f)
            result[f] = owners.get(f)
        elif f in changed_i:
            result[f] = iv
        else:
            result[f] = lv
    deleted_l = bool(local.get("deleted")) and "deleted" in changed_l
    deleted_i = bool(inc.get("deleted")) and "deleted" in changed_i
    if deleted_l != deleted_i and "deleted" not in conflicts:
        editor = changed_i if deleted_l else changed_l
        if editor - {"deleted"}:  # one side deleted what the other edited
            conflicts.append("deleted")
            for f in fields:
                result[f] = owners.get(f) if f in conflicts or f == "deleted" else result[f]
    meta_src = _later(local, inc)
    for m in META:
        result[m] = meta_src.get(m)
    result["owner"] = owner
    result["origin"] = local.get("origin") or inc.get("origin")
    result["id"] = local["id"]
    result["row_schema"] = max(local.get("row_schema") or 1, inc.get("row_schema") or 1)
    result["vv"] = vv_join(local["vv"], inc["vv"])
    if not conflicts:
        result["in_conflict"] = False
        return Outcome("merged", result, fields=sorted(changed_l ^ changed_i))
    result["in_conflict"] = True
    a, b = sorted([local, inc], key=lambda r: canonical_json(r["vv"]))
    record = {
        "id": conflict_id(model.__tablename__, local["id"], a["vv"], b["vv"]),
        "table_name": model.__tablename__, "row_id": local["id"], "fields": sorted(conflicts),
        "version_a": _version(a, fields), "version_b": _version(b, fields),
        "chosen": "a" if owners is a else "b",
    }
    return Outcome("conflict", result, record, sorted(conflicts))


def _version(row: dict[str, Any], fields: list[str]) -> dict[str, Any]:
    return {"vv": row["vv"], "node": (row.get("ver_node") or "").rsplit(".", 1)[0],
            "data": {f: comparable(row.get(f)) for f in fields}}

"""Export: cumulative bundles per recipient since its last acknowledgement (sync-design.md §4.7).

A bundle always holds everything the recipient has not acknowledged, so a lost stick costs
only a re-export. Each row is sent once, in its current state, in the bundle covering its
newest change; bundles are capped in size, each a complete unit with its own covered range.
Every bundle also carries this node's ack for the recipient (what it has received from it,
with the partition digests), so a stick carried both ways closes the loop.
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import select, text
from sqlmodel import Session, select as orm_select

from sfs_desktop.core.db import migrate
from sfs_desktop.core.db.database import Database
from sfs_desktop.core.db.synced import COUNTY_NODE, canonical_json, current_actor, synced_tables, utcnow
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security import audit
from sfs_desktop.core.security.access import Principal, require
from sfs_desktop.core.sync import bundle, digest, entries, identity, policy, relay_tls, store
from sfs_desktop.core.sync.models import SyncBundleLog, SyncConflict, SyncPeer
from sfs_desktop.core.sync.personkey import fill_person_keys

PROTOCOL = 1
MAX_BYTES = 8 * 1024 * 1024
Progress = Callable[[str, int, int], None]


@dataclass
class ExportResult:
    recipient: str
    files: list[Path] = field(default_factory=list)
    entries: int = 0
    covers: dict[str, list[int]] = field(default_factory=dict)


def recipients_for(session: Session, recipient: str | None) -> list[SyncPeer]:
    node = identity.local_node(session)
    if node.role == "station":
        county = identity.peer(session, COUNTY_NODE)
        if county is None:
            raise UserError("本所尚未登记到县司法局：请先导入县司法局发来的登记包")
        if recipient not in (None, COUNTY_NODE):
            raise UserError("司法所只能向县司法局导出同步包")
        return [county]
    if recipient is not None:
        p = identity.peer(session, recipient)
        if p is None or p.role != "station":
            raise UserError(f"名册中没有司法所 {recipient}：请先用 station add 登记")
        if p.revoked_at is not None:
            raise UserError(f"司法所 {recipient} 已被吊销，不再向其导出数据")
        return [p]
    peers = session.exec(orm_select(SyncPeer).where(SyncPeer.role == "station", SyncPeer.revoked_at == None)  # noqa: E711
                         .order_by(SyncPeer.node_id)).all()
    if not peers:
        raise UserError("名册中还没有司法所：请先用 station add 登记")
    return list(peers)


def export(db: Database, directory: Path, *, principal: Principal, recipient: str | None = None,
           max_bytes: int = MAX_BYTES, force: bool = False, resend_all: bool = False,
           progress: Progress | None = None) -> list[ExportResult]:
    """Write bundles for `recipient` (or every enrolled station / the county) into `directory`.

    Returns one result per recipient that had something to send (nothing is written for a peer
    that is fully up to date, unless `force`). `resend_all` sends every row this node speaks for
    again, acknowledged or not (the repair a county asks for when its digest differs; merging
    makes a second copy harmless).
    """
    require(principal, "export")
    directory = Path(directory)
    if not directory.is_dir():
        raise UserError(f"导出目录不存在：{directory}（请插入U盘并选择正确的盘符）")
    with db.read() as s:
        peers = [p.node_id for p in recipients_for(s, recipient)]
        if identity.local_node(s).role == "station":
            db.write(fill_person_keys)
    results = []
    for node in peers:
        res = _export_one(db, directory, node, max_bytes, force, progress, resend_all)
        if res is not None:
            results.append(res)
    return results


@dataclass
class _Plan:
    me: str
    epoch: int
    role: str
    seq: int
    covers: dict[str, list[int]]
    items: list[tuple[tuple[int, int], bytes]]  # (newest change, encoded entry)
    tail: list[dict[str, Any]]
    needed: bool


def _plan(s: Session, recipient: str, force: bool, resend_all: bool = False, files=None) -> _Plan:
    conn = s.connection()
    node = identity.local_node(s)
    ident = identity.ensure_identity(s)
    p = identity.peer(s, recipient)
    acked = dict(p.acked or {})
    covers: dict[str, list[int]] = {}
    latest: dict[tuple[str, str], tuple[int, int]] = {}
    for (epoch,) in conn.execute(text("SELECT DISTINCT epoch FROM sync_outbox ORDER BY epoch")).all():
        ek = f"{node.node_id}.{epoch}"
        top = node.counter if epoch == node.epoch else conn.execute(
            text("SELECT max(ctr) FROM sync_outbox WHERE epoch = :e"), {"e": epoch}).scalar()
        start = int(acked.get(ek, 0)) + 1
        if start > top:
            continue
        covers[ek] = [start, top]
        q = text("SELECT table_name, row_id, max(ctr) FROM sync_outbox WHERE epoch = :e AND ctr >= :c "
                 "GROUP BY table_name, row_id")
        for table_name, row_id, ctr in conn.execute(q, {"e": epoch, "c": start}):
            latest[(table_name, row_id)] = (epoch, ctr)
    if node.epoch > 0 and f"{node.node_id}.{node.epoch}" not in covers and node.counter > int(
            acked.get(f"{node.node_id}.{node.epoch}", 0)):
        covers[f"{node.node_id}.{node.epoch}"] = [int(acked.get(f"{node.node_id}.{node.epoch}", 0)) + 1, node.counter]
    station = recipient if node.role == "county" else node.node_id
    if p.repair_due or resend_all:
        for name, model in synced_tables().items():
            t = model.__table__
            for part in policy.partitions_between(station):
                if part == COUNTY_NODE and not policy.is_broadcast(model):
                    continue
                for (row_id,) in conn.execute(select(t.c.id).where(t.c.owner == part)):
                    latest.setdefault((name, row_id), (-1, 0))
    tables = synced_tables()
    by_table: dict[str, list[str]] = {}
    for (table_name, row_id) in latest:
        by_table.setdefault(table_name, []).append(row_id)
    open_conflicts: dict[str, list[dict]] = {}
    for c in s.exec(orm_select(SyncConflict).where(SyncConflict.status == "open")).all():
        open_conflicts.setdefault(c.row_id, []).append(
            {"id": c.id, "table_name": c.table_name, "row_id": c.row_id, "fields": c.fields,
             "version_a": c.version_a, "version_b": c.version_b, "chosen": c.chosen})
    items: list[tuple[tuple[int, int], bytes]] = []
    unknown = {t: len(ids) for t, ids in by_table.items() if t not in tables}
    if unknown:  # never skip: the bundle would claim a range whose rows it does not carry
        raise UserError("导出已停止：变更记录中有本程序不认识的数据表 " + "、".join(
            f"{t}（{n} 条）" for t, n in sorted(unknown.items())) + "；请升级程序后再导出，未生成同步包")
    for table_name, ids in by_table.items():
        model = tables[table_name]
        for i in range(0, len(ids), store.CHUNK):  # a chunk at a time: memory stays flat
            for row_id, row in store.load(conn, model.__table__, ids[i:i + store.CHUNK]).items():
                if not row["vv"] or not policy.may_send(model, row["owner"], node.node_id, node.role, recipient):
                    continue
                entry = entries.to_entry(model, row, policy.withheld(model, row["origin"]))
                if table_name == "attachment" and files is not None and not row["deleted"]:
                    entry["blob"] = attachment_blob(files, row["sha256"])
                if row_id in open_conflicts:
                    entry["c"] = open_conflicts[row_id]
                items.append((latest[(table_name, row_id)], canonical_json(entry).encode("utf-8") + b"\n"))
    items.sort(key=lambda it: it[0])
    seq = ident.export_seq + 1
    tail = [{"t": "ack", "have": dict(p.have or {}), "seq": [node.epoch, seq], "node_ctr": node.counter,
             "digests": digest.pair_digests(conn, station), "repair_request": bool(p.repair_asked)}]
    if node.role == "county" and ident.roster:
        tail.append({"t": "roster", "roster": ident.roster})
    needed = force or resend_all or bool(items) or bool(covers) or p.ack_due or p.repair_asked or p.repair_due
    return _Plan(node.node_id, node.epoch, node.role, seq, covers, items, tail, needed)


def _chunks(plan: _Plan, max_bytes: int) -> list[tuple[list[bytes], dict[str, list[int]]]]:
    """Split entries by size; each chunk's covers end at its last counter, the last at the top."""
    budget = max(int(max_bytes * 0.9) - 4096, 1024)
    groups: list[list[tuple[tuple[int, int], bytes]]] = [[]]
    size = 0
    for key, line in plan.items:
        if groups[-1] and size + len(line) > budget:
            groups.append([])
            size = 0
        groups[-1].append((key, line))
        size += len(line)
    start = {ek: rng[0] for ek, rng in plan.covers.items()}
    order = sorted(plan.covers, key=lambda ek: int(ek.rsplit(".", 1)[1]))
    out = []
    for i, group in enumerate(groups):
        covers: dict[str, list[int]] = {}
        last = i == len(groups) - 1
        stop = None if last or not group else group[-1][0]
        for ek in order:
            epoch = int(ek.rsplit(".", 1)[1])
            top = plan.covers[ek][1]
            if start[ek] > top:
                continue
            if stop is None or epoch < stop[0]:
                covers[ek] = [start[ek], top]
                start[ek] = top + 1
            elif epoch == stop[0] and stop[1] >= start[ek]:
                covers[ek] = [start[ek], stop[1]]
                start[ek] = stop[1] + 1
        out.append(([e for _k, e in group], covers))
    return out


def _export_one(db: Database, directory: Path, recipient: str, max_bytes: int, force: bool,
                progress: Progress | None, resend_all: bool = False) -> ExportResult | None:
    with db.read() as s:
        plan = _plan(s, recipient, force, resend_all, db.files)
        if not plan.needed:
            return None
        ident = identity.ensure_identity(s)
        keys = identity.node_keys(ident)
        peer_pk = identity.peer(s, recipient).box_pk
        chain_head = audit.head(s)  # the county keeps it: a rebuilt local chain would no longer match
        chain_seq = audit.head_seq(s)
        marks = audit_marks(s, recipient)
    chunks = _chunks(plan, max_bytes)
    result = ExportResult(recipient, covers=plan.covers)
    logs = []
    try:  # all parts or none: a failed export leaves nothing on the stick
        for i, (group, covers) in enumerate(chunks):
            if progress:
                progress("正在写入同步包", i, len(chunks))
            header = {
                "bundle_id": str(uuid.uuid4()), "kind": "data" if group or covers else "ack",
                "sender": f"{plan.me}.{plan.epoch}", "to": recipient, "covers": covers,
                "app_schema": migrate.head_revision(), "protocol": PROTOCOL, "part": [i + 1, len(chunks)],
                "capabilities": list(identity.CAPABILITIES),
                "entries": len(group), "created_at": utcnow().isoformat(),
                "audit_head": chain_head, "audit_seq": chain_seq, "audit_marks": marks,
            }
            path = bundle.write(directory, header, [*group, *plan.tail], keys,
                                [(recipient, peer_pk), (plan.me, keys.box_pk)])
            result.files.append(path)
            result.entries += len(group)
            logs.append(SyncBundleLog(bundle_id=header["bundle_id"], direction="out", kind=header["kind"], peer=recipient,
                                      covers=covers, counts={"entries": len(group)}, audit_seq=chain_seq))
        if progress:
            progress("正在写入同步包", len(chunks), len(chunks))
    except BaseException:
        for f in result.files:
            f.unlink(missing_ok=True)
        raise

    def record(s: Session) -> None:
        ident = identity.ensure_identity(s)
        ident.export_seq = max(ident.export_seq, plan.seq)
        p = identity.peer(s, recipient)
        p.ack_due = p.repair_due = p.repair_asked = False
        p.last_out_id, p.last_out_at = logs[-1].bundle_id, utcnow()
        s.add_all([ident, p, *logs])
        for log in logs:
            audit.record(s, current_actor(), "export", "sync_bundle", log.bundle_id, (recipient,))
    db.write(record)
    return result


MARKS = 64
def attachment_blob(files, digest: str) -> str:
    """A scan travels inside the (encrypted) entry of its attachment row: the receiver keeps it
    under its own key, so the record and its file arrive together (sync-design.md §4.4)."""
    return base64.b64encode(files.get(digest)).decode("ascii")  # decrypted in memory, checked against its hash



def audit_marks(s: Session, recipient: str) -> dict[str, str]:
    """Our audit chain's hash now at each length an earlier bundle to `recipient` stated (the
    newest few): the recipient compares them with the heads it kept, so a chain rewritten
    before any of those points is seen there, not only one that got shorter."""
    seqs = s.exec(orm_select(SyncBundleLog.audit_seq).where(
        SyncBundleLog.direction == "out", SyncBundleLog.peer == recipient, SyncBundleLog.audit_seq > 0)
        .distinct().order_by(SyncBundleLog.audit_seq.desc()).limit(MARKS)).all()
    return {str(seq): audit.hash_at(s, seq) for seq in seqs}


def public_card_json(db: Database) -> str:
    with db.read() as s:
        card = identity.public_card(s)
    return json.dumps(card, ensure_ascii=False, indent=1)


def write_enrollment(db: Database, station: str, directory: Path, principal: Principal) -> Path:
    """County: the bundle that enrolls `station` (county keys, roster, county secret), sealed to
    the station's own key so only that installation can open it."""
    require(principal, "settings")
    directory = Path(directory)
    if not directory.is_dir():
        raise UserError(f"导出目录不存在：{directory}")
    tls_sha256 = db.write(relay_tls.ensure)  # the station pins it for network sync
    with db.read() as s:
        p = identity.peer(s, station)
        if p is None or p.role != "station":
            raise UserError(f"名册中没有司法所 {station}：请先用 station add 登记")
        if p.revoked_at is not None:
            raise UserError(f"司法所 {station} 已被吊销，不能再发登记包")
        ident = identity.ensure_identity(s)
        keys = identity.node_keys(ident)
        node = identity.local_node(s)
        record = {"t": "enroll", "station": station, "roster": ident.roster,
                  "county_secret": ident.county_secret.hex()}
        box_pk = p.box_pk
    header = {"bundle_id": str(uuid.uuid4()), "kind": "enroll", "sender": f"{node.node_id}.{node.epoch}",
              "to": station, "covers": {}, "app_schema": migrate.head_revision(), "protocol": PROTOCOL,
              "entries": 0, "created_at": utcnow().isoformat(timespec="seconds"),
              "county_keys": {"sign_pk": keys.sign_pk.hex(), "box_pk": keys.box_pk.hex(), "tls_sha256": tls_sha256}}
    path = bundle.write(directory, header, [record], keys, [(station, box_pk), (node.node_id, keys.box_pk)])

    def record_out(s: Session) -> None:
        peer = identity.peer(s, station)
        peer.enrolled_at = utcnow()
        s.add(peer)
        s.add(SyncBundleLog(bundle_id=header["bundle_id"], direction="out", kind="enroll", peer=station))
    db.write(record_out)
    return path

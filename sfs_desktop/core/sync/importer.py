"""Verify and import bundles (sync-design.md §4.6).

Everything is checked before the database is touched: format, sender in the roster and not
revoked, signature, addressed to this node, body hash, every frame authenticated up to the
FINAL tag, trailer counts and hash, schema version. Then one transaction applies the entries
with the merge rules, writes conflicts and history, advances what we have from the sender,
takes the sender's ack and logs the bundle. A bundle that starts after a gap, or needs a newer
program, is held (as the still-encrypted file) until it can be applied. No plaintext is ever
written to disk: the body is decrypted twice, once to verify and once inside the transaction.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Callable, Iterable

from sqlalchemy import Connection
from sqlmodel import Session, select

from sfs_desktop.core.db import migrate
from sfs_desktop.core.db.database import Database
from sfs_desktop.core.db.synced import AFTER_BULK_INSERT, COUNTY_NODE, current_actor, synced_tables, table_title, utcnow
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security import audit
from sfs_desktop.core.security.access import Principal, require
from sfs_desktop.core.sync import bundle, digest, entries, identity, policy, store
from sfs_desktop.core.sync.merge import merge, vv_join, vv_le
from sfs_desktop.core.sync.models import SyncAuditMark, SyncBundleLog, SyncConflict, SyncPeer
from sfs_desktop.core.sync.personkey import queue_duplicates

BATCH = 2000
KEEP_IMPORT_BACKUPS = 5
Progress = Callable[[str, int, int], None]


@dataclass
class Verified:
    """A bundle that passed every check; what `verify` prints."""

    parsed: bundle.Parsed
    sender: str
    epoch: int
    records: int
    entries: int
    tables: dict[str, int] = field(default_factory=dict)

    @property
    def header(self) -> dict[str, Any]:
        return self.parsed.header


@dataclass
class ImportResult:
    file: Path
    status: str  # imported | already | held | rejected | enrolled
    message: str
    bundle_id: str = ""
    sender: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)  # what verify() saw: written, covers, tables (preview only)


def _facts(v: Verified) -> dict[str, Any]:
    return {"written": v.header.get("created_at", ""), "covers": dict(v.header.get("covers") or {}),
            "tables": dict(v.tables)}


def held_dir(db: Database) -> Path:
    return db.paths.staging / "held"


def _sender(header: dict[str, Any]) -> tuple[str, int]:
    node, _, epoch = str(header.get("sender", "")).rpartition(".")
    if not node or not epoch.isdigit():
        raise bundle.BundleError("同步包包头中的发送方格式无效")
    return node, int(epoch)


def verify(db: Database, path: Path) -> Verified:
    """Check a bundle completely without applying it; raises BundleError with the reason."""
    parsed = bundle.parse(path)
    header = parsed.header
    node, epoch = _sender(header)
    with db.read() as s:
        me = identity.local_node(s)
        ident = identity.ensure_identity(s)
        keys = identity.node_keys(ident)
        if header["kind"] == "enroll":
            try:
                sign_pk = bytes.fromhex((header.get("county_keys") or {}).get("sign_pk", ""))
            except ValueError:
                sign_pk = b""
            if node != COUNTY_NODE or len(sign_pk) != 32:
                raise bundle.BundleError("登记包的县司法局公钥无效")
            known = identity.peer(s, COUNTY_NODE)
            if known is not None and known.sign_pk != sign_pk:
                raise bundle.BundleError("登记包的签名密钥与本所已登记的县司法局密钥不同，未导入")
        else:
            peer = identity.peer(s, node)
            if peer is None:
                if me.role == "station" and identity.peer(s, COUNTY_NODE) is None:
                    raise bundle.BundleError("本所尚未登记：请先导入县司法局发来的登记包")
                raise bundle.BundleError(f"发送方 {node} 不在名册中（未知的密钥），未导入")
            if peer.revoked_at is not None:
                raise bundle.BundleError(f"发送方 {node} 的密钥已于 {peer.revoked_at:%Y-%m-%d} 吊销，未导入")
            sign_pk = peer.sign_pk
    if not bundle.crypto.verify(sign_pk, parsed.signed, parsed.signature):
        raise bundle.BundleError("同步包签名无效：不是由声明的发送方签发，或包头被改动")
    if header.get("to") != me.node_id or not any(
            isinstance(r, dict) and r.get("node") == me.node_id for r in header["recipients"]):
        raise bundle.BundleError(f"该同步包是发给 {header.get('to')} 的，不是发给本单位的，未导入")
    bundle.check_body_hash(parsed)
    v = Verified(parsed, node, epoch, 0, 0)
    for rec in bundle.open_records(parsed, keys, me.node_id):
        v.records += 1
        if rec.get("t") == "row":
            v.entries += 1
            v.tables[rec.get("tb", "?")] = v.tables.get(rec.get("tb", "?"), 0) + 1
    if v.entries != header.get("entries", v.entries):
        raise bundle.BundleError("同步包包头声明的条数与内容不符")
    return v


def _schema_problem(header: dict[str, Any]) -> str | None:
    needed = str(header.get("app_schema", ""))
    if needed and not migrate.known_revision(needed):
        return f"该同步包需要更新版本的程序（数据结构版本 {needed}），请升级 sfs-desktop 后再导入；同步包已保留"
    return None


def _hold(db: Database, path: Path, bundle_id: str) -> None:
    target = held_dir(db) / f"{bundle_id}{bundle.SUFFIX}"
    if Path(path).resolve() != target.resolve():
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_name(target.name + ".part")
        shutil.copyfile(path, part)
        with open(part, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(part, target)


def _drop_held(db: Database, bundle_id: str) -> None:
    (held_dir(db) / f"{bundle_id}{bundle.SUFFIX}").unlink(missing_ok=True)


def backup_before_import(db: Database) -> Path:
    """A rotating safety copy before every import run (the newest few are kept)."""
    target = db.backup(db.paths.backups / f"pre-import-{datetime.now():%Y%m%d-%H%M%S-%f}.db")
    old = sorted(db.paths.backups.glob("pre-import-*.db"))[:-KEEP_IMPORT_BACKUPS]
    for p in old:
        p.unlink(missing_ok=True)
    return target


def import_files(db: Database, files: Iterable[Path], *, principal: Principal, backup: bool = True,
                 progress: Progress | None = None) -> list[ImportResult]:
    """Import bundles in the given order, then retry held ones until no more can be applied.

    Every file is verified first; the safety copy is taken only when one of them can change
    something (a stick of foreign files must not rotate the real pre-import backups away).
    """
    require(principal, "import")
    files = [Path(f) for f in files]
    for folder, pattern in ((held_dir(db), "*.part"), (db.paths.backups, "*.part")):
        for leftover in folder.glob(pattern):  # a copy cut short by a crash
            leftover.unlink(missing_ok=True)
    db.write(identity.ensure_identity)
    checked: list[Verified | ImportResult] = []
    for f in files:
        try:
            checked.append(verify(db, f))
        except bundle.BundleError as exc:
            checked.append(ImportResult(f, "rejected", str(exc)))
    if backup and any(isinstance(c, Verified) and not _already(db, c) for c in checked):
        backup_before_import(db)
    results = [c if isinstance(c, ImportResult) else _import_verified(db, c, progress) for c in checked]
    retry_held(db, progress=progress)
    return results


def _already(db: Database, v: Verified) -> bool:
    with db.read() as s:
        return s.get(SyncBundleLog, v.header["bundle_id"]) is not None


def settled(db: Database, results: list[ImportResult]) -> list[ImportResult]:
    """`import_files` results as a person should read them afterwards: a part held for a gap
    that a later chosen file filled was applied by the retry, so it reads as imported."""
    with db.read() as s:
        logs = {r.bundle_id: s.get(SyncBundleLog, r.bundle_id) for r in results if r.status == "held" and r.bundle_id}
    out = []
    for r in results:
        log = logs.get(r.bundle_id) if r.status == "held" else None
        if log is None:
            out.append(r)
            continue
        counts = dict(log.counts or {})
        told = counted(counts) or "没有需要更新的记录"
        out.append(replace(r, status="imported", message=f"已导入（补齐前面的同步包后）：{told}", counts=counts))
    return out


def retry_held(db: Database, progress: Progress | None = None) -> list[ImportResult]:
    done: list[ImportResult] = []
    while True:
        progressed = False
        for path in sorted(held_dir(db).glob(f"*{bundle.SUFFIX}"), key=_coverage_start):
            res = import_one(db, path, progress=progress)
            if res.status in ("imported", "already", "rejected"):
                path.unlink(missing_ok=True)
                done.append(res)
                progressed = progressed or res.status == "imported"
        if not progressed:
            return done


def _coverage_start(path: Path) -> tuple:
    """Held parts in the order they apply (the earliest counter first): one pass, not one per part."""
    try:
        covers = bundle.parse(path).header.get("covers") or {}
    except bundle.BundleError:
        return ("", 0)
    return min(((k, int(rng[0])) for k, rng in covers.items()), default=("", 0))


def import_one(db: Database, path: Path, progress: Progress | None = None) -> ImportResult:
    path = Path(path)
    try:
        v = verify(db, path)
    except bundle.BundleError as exc:
        return ImportResult(path, "rejected", str(exc))
    return _import_verified(db, v, progress)


def _import_verified(db: Database, v: Verified, progress: Progress | None) -> ImportResult:
    path = v.parsed.path
    header = v.header
    bid = header["bundle_id"]
    if header["kind"] == "enroll":
        return _enroll(db, v)
    problem = _schema_problem(header)
    if problem:
        _hold(db, path, bid)
        return ImportResult(path, "held", problem, bid, v.sender)
    try:
        outcome = db.write(lambda s: _apply(s, db, v, progress))
    except Refused as exc:  # nothing was applied; the attempt itself is on record
        db.write(lambda s: audit.record(s, current_actor(), "sync_refused", "sync_bundle", bid,
                                        (v.sender, *exc.refused)))
        return ImportResult(path, "rejected", str(exc), bid, v.sender)
    except bundle.BundleError as exc:
        return ImportResult(path, "rejected", str(exc), bid, v.sender)
    if outcome.status == "held":
        _hold(db, path, bid)
    else:
        _drop_held(db, bid)
    return ImportResult(path, outcome.status, outcome.message, bid, v.sender, outcome.counts)


class _RollBack(Exception):
    """Carries a dry run's outcome out of the transaction it rolls back."""

    def __init__(self, outcome: "_Outcome"):
        super().__init__(outcome.status)
        self.outcome = outcome


def preview(db: Database, path: Path, principal: Principal) -> ImportResult:
    """What importing `path` would change (counts by kind), computed in a transaction that is
    rolled back: the 数据同步 page shows it before the user confirms."""
    return preview_many(db, [path], principal)[0]


def preview_many(db: Database, paths: Iterable[Path], principal: Principal) -> list[ImportResult]:
    """`preview` for files chosen together: they are tried in one rolled-back transaction the way
    `import_files` would apply them, so the parts of a split export do not each report a gap that
    another chosen file fills."""
    require(principal, "import")
    paths = [Path(p) for p in paths]
    out: dict[int, ImportResult] = {}
    pending: list[tuple[int, Verified]] = []
    for i, path in enumerate(paths):
        try:
            v = verify(db, path)
        except bundle.BundleError as exc:
            out[i] = ImportResult(path, "rejected", str(exc))
            continue
        if v.header["kind"] == "enroll":
            out[i] = ImportResult(path, "preview", "登记包：导入后本所即登记到县司法局", v.header["bundle_id"], v.sender,
                                  facts=_facts(v))
        elif problem := _schema_problem(v.header):
            out[i] = ImportResult(path, "held", problem, v.header["bundle_id"], v.sender, facts=_facts(v))
        else:
            pending.append((i, v))

    def result(i: int, v: Verified, o: _Outcome) -> ImportResult:
        return ImportResult(paths[i], o.status if o.status != "imported" else "preview",
                            o.message.replace("已导入", "将导入", 1), v.header["bundle_id"], v.sender, o.counts, _facts(v))

    def dry(s: Session) -> None:
        todo = pending
        while todo:  # like import_files then retry_held: a held part may follow the part it waits for
            held = []
            for i, v in todo:
                try:
                    o = _apply(s, db, v, None, keep_files=False)
                except bundle.BundleError as exc:
                    out[i] = ImportResult(paths[i], "rejected", str(exc), v.header["bundle_id"], v.sender)
                    continue
                out[i] = result(i, v, o)
                if o.status == "held":
                    held.append((i, v))
            if len(held) == len(todo):
                break
            todo = held
        raise _RollBack(_Outcome("preview", ""))
    if pending:
        try:
            db.write(dry)
        except _RollBack:
            pass
    return [out[i] for i in range(len(paths))]


@dataclass
class _Outcome:
    status: str
    message: str
    counts: dict[str, int] = field(default_factory=dict)


def _apply(s: Session, db: Database, v: Verified, progress: Progress | None, keep_files: bool = True) -> _Outcome:
    header = v.header
    bid = header["bundle_id"]
    peer = identity.peer(s, v.sender)
    if s.get(SyncBundleLog, bid) is not None:
        peer.ack_due = True  # the sender may have lost our ack: send it again
        s.add(peer)
        return _Outcome("already", "该同步包已导入过，未重复导入（已安排重新发送回执）")
    have = dict(peer.have or {})
    covers = header.get("covers") or {}
    for ek, (start, _end) in sorted(covers.items()):
        if start > int(have.get(ek, 0)) + 1:
            return _Outcome("held", f"同步包之前还有未收到的同步包（{ek} 从 {int(have.get(ek, 0)) + 1} 到 {start - 1}），"
                                    "已保留，收到缺少的包后自动导入")
    me = identity.local_node(s)
    ident = identity.ensure_identity(s)
    keys = identity.node_keys(ident)
    applier = _Applier(s.connection(), me.node_id, peer.role, v.sender, bid)
    blobs: dict[str, bytes] = {}
    ack = None
    roster = None
    total = max(v.entries, 1)
    for rec in bundle.open_records(v.parsed, keys, me.node_id):
        kind = rec.get("t")
        if kind == "row":
            applier.add(rec)
            if rec.get("tb") == "attachment" and rec.get("blob"):
                _take_blob(rec, blobs)
            if progress and applier.seen % BATCH == 0:
                progress("正在导入", applier.seen, total)
        elif kind == "ack":
            ack = rec
        elif kind == "roster":
            roster = rec.get("roster")
    applier.flush()
    if applier.refused:
        raise Refused(applier.refused, v.sender)
    for data in blobs.values() if keep_files else ():  # under this node's key; content-addressed: a rollback harms nothing
        db.files.put(data)
    waiting = False  # a non-empty range means the sender still waits for our ack of it
    for ek, (start, end) in covers.items():
        waiting = waiting or start <= end
        if end > int(have.get(ek, 0)):
            have[ek] = end
    peer.have = have
    peer.ack_due = peer.ack_due or waiting or applier.changed > 0
    peer.last_in_id, peer.last_in_at = bid, utcnow()
    if roster and me.role == "station":
        identity.apply_roster(s, roster)
    if ack:
        _take_ack(s, peer, ack, me)
    if me.role == "county" and applier.person_keys:
        queue_duplicates(s, applier.person_keys)
    counts = applier.counts()
    _keep_audit_head(s, peer, header)
    if me.role == "county":
        identity.take_capabilities(s, peer, header)
    s.add(peer)
    s.add(SyncBundleLog(bundle_id=bid, direction="in", kind=header["kind"], peer=v.sender,
                        sha256=header["body_sha256"], covers=covers, counts=counts))
    audit.record(s, current_actor(), "import", "sync_bundle", bid, (v.sender,))
    if progress:
        progress("正在导入", total, total)
    return _Outcome("imported", f"已导入：{counted(counts)}" if any(counts.values()) else "已导入（没有需要更新的记录）",
                    counts)


COUNT_LABELS = {"inserted": "新增", "updated": "更新", "merged": "自动合并", "conflicts": "冲突待处理",
                "skipped": "已有"}


def counted(counts: dict[str, int]) -> str:
    """What an import did, in words: "新增 3 条，更新 1 条" (empty when it changed nothing)."""
    return "，".join(f"{COUNT_LABELS.get(k, k)} {n} 条" for k, n in counts.items() if n)


def _take_blob(rec: dict[str, Any], blobs: dict[str, bytes]) -> None:
    """An attachment's file carried in its row's entry: it must be the file the row names."""
    import base64
    import hashlib

    digest = str((rec.get("d") or {}).get("sha256", ""))
    try:
        data = base64.b64decode(rec["blob"], validate=True)
    except (ValueError, TypeError):
        raise bundle.BundleError("同步包中的附件内容已损坏") from None
    if hashlib.sha256(data).hexdigest() != digest:
        raise bundle.BundleError("同步包中的附件内容与其记录的摘要不符，未导入")
    blobs[digest] = data


def _keep_audit_head(s: Session, peer: SyncPeer, header: dict[str, Any]) -> None:
    """Keep what the peer's bundles say of its audit chain, and flag a chain that changed.

    A chain only grows. Every head received is kept as a mark (length → hash); each later
    bundle restates the hash at the lengths it stated before, so a chain rewritten before any
    of them (an entry deleted or edited, the rest recomputed) no longer matches, and a chain
    shorter than one already received went back. The alarm stays until a person clears it.
    """
    head, seq, written = header.get("audit_head"), int(header.get("audit_seq") or 0), header.get("created_at")
    if not head or not written:
        return
    at = _aware(datetime.fromisoformat(written))
    marks = header.get("audit_marks") or {}
    kept = {m.seq: m.hash for m in s.exec(select(SyncAuditMark).where(
        SyncAuditMark.peer == peer.node_id, SyncAuditMark.seq.in_([int(k) for k in marks if str(k).isdigit()]))).all()}
    changed = sorted(n for n, h in kept.items() if marks.get(str(n)) != h)
    epoch = str(header.get("sender", "")).rpartition(".")[2]
    restored = f"（该所已从备份恢复，纪元 {epoch}）" if epoch.isdigit() and int(epoch) > 1 else ""
    if changed:
        peer.audit_alarm = f"审计链被改写：第 {changed[0]} 条及以前的记录与此前收到的不同{restored}"[:128]
    if peer.audit_at is not None and at < _aware(peer.audit_at):
        return  # an older bundle arriving late: it does not move the head back
    if seq < peer.audit_seq or (seq == peer.audit_seq and peer.audit_head and head != peer.audit_head):
        peer.audit_alarm = (f"审计链回退：{at:%Y-%m-%d %H:%M} 的同步包只有 {seq} 条审计记录，"
                            f"此前已收到 {peer.audit_seq} 条{restored}")[:128]
    peer.audit_head, peer.audit_seq, peer.audit_at = head, seq, at
    if seq and s.get(SyncAuditMark, (peer.node_id, seq)) is None:
        s.add(SyncAuditMark(peer=peer.node_id, seq=seq, hash=head, bundle_id=header.get("bundle_id", ""), at=at))


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _take_ack(s: Session, peer: SyncPeer, ack: dict[str, Any], me) -> None:
    """The peer's statement of what it has from us: advance (or, after its restore, reset) what
    we consider acknowledged, and compare partition digests when both sides are quiet."""
    seq = list(ack.get("seq") or [])
    if peer.ack_seq and seq < list(peer.ack_seq):
        return
    peer.ack_seq = seq
    prefix = f"{me.node_id}."
    peer.acked = {k: int(v) for k, v in (ack.get("have") or {}).items() if k.startswith(prefix)}
    peer.last_ack_at = utcnow()
    if ack.get("repair_request"):
        peer.repair_due = True
    my_ek = f"{me.node_id}.{me.epoch}"
    their_ek = f"{peer.node_id}.{seq[0]}" if seq else ""
    quiet = int(peer.acked.get(my_ek, 0)) >= me.counter and int((peer.have or {}).get(their_ek, 0)) == int(
        ack.get("node_ctr", -1))
    if not quiet:
        return
    station = peer.node_id if me.role == "county" else me.node_id
    mine = digest.pair_digests(s.connection(), station)
    theirs = ack.get("digests") or {}
    if mine == theirs:
        peer.digest_state = "ok"
        peer.digest_diff = {}
    else:
        peer.digest_state = "mismatch"
        peer.digest_diff = digest.differences(theirs, mine)
        peer.repair_due = True
        peer.repair_asked = True


class Refused(bundle.BundleError):
    """A bundle holding rows its sender may not create or change: refused whole."""

    def __init__(self, refused: dict[str, int], sender: str):
        self.refused = dict(sorted(refused.items()))
        what = "、".join(f"{table_title(t)}（{t}）{n} 条" for t, n in self.refused.items())
        super().__init__(f"同步包含有发送方 {sender} 无权新增或修改的记录（{what}：属于其他单位或由县司法局统一维护），"
                         "整包拒收，未导入任何记录")


class _Applier:
    """Applies row entries in batches per table with the merge rules, after the owner check."""

    def __init__(self, conn: Connection, me: str, sender_role: str, sender: str, bundle_id: str = ""):
        self.conn = conn
        self.bundle_id = bundle_id
        self.me = me
        self.sender_role = sender_role
        self.sender = sender
        self.refused: dict[str, int] = {}
        self.tables = synced_tables()
        self.pending: dict[str, list[dict[str, Any]]] = {}
        self.n_pending = 0
        self.seen = 0
        self.changed = 0
        self.stats = {"inserted": 0, "updated": 0, "merged": 0, "conflicts": 0, "skipped": 0}
        self.person_keys: set[str] = set()

    def add(self, rec: dict[str, Any]) -> None:
        self.seen += 1
        table = rec.get("tb")
        if table not in self.tables:
            raise bundle.BundleError(f"同步包含有本程序不认识的数据表 {table}：请升级程序后再导入")
        if not self._may(self.tables[table], (rec.get("d") or {}).get("owner")):
            self._refuse(table)
            return
        self.pending.setdefault(table, []).append(rec)
        self.n_pending += 1
        if self.n_pending >= BATCH:
            self.flush()

    def _may(self, model, owner) -> bool:
        return isinstance(owner, str) and policy.may_send(model, owner, self.sender, self.sender_role, self.me)

    def _refuse(self, table: str) -> None:
        self.refused[table] = self.refused.get(table, 0) + 1

    def counts(self) -> dict[str, int]:
        return dict(self.stats)

    def flush(self) -> None:
        for table, recs in self.pending.items():
            self._apply_table(self.tables[table], recs)
        self.pending.clear()
        self.n_pending = 0

    def _apply_table(self, model, recs: list[dict[str, Any]]) -> None:
        t = model.__table__
        latest: dict[str, dict[str, Any]] = {}
        for rec in recs:  # the same row twice in one batch: keep the one that dominates
            prev = latest.get(rec["id"])
            if prev is None or vv_le(prev.get("vv") or {}, rec.get("vv") or {}):
                latest[rec["id"]] = rec
        local = store.load(self.conn, t, list(latest))
        for rid, loc in local.items():  # claiming another's row by sending it under one's own name
            if not self._may(model, loc["owner"]):
                self._refuse(model.__tablename__)
        if self.refused:
            return  # keep counting what else is refused; nothing is applied
        concurrent = [rid for rid, rec in latest.items() if rid in local and not vv_le(rec["vv"], local[rid]["vv"])
                      and not vv_le(local[rid]["vv"], rec["vv"])]
        bases = store.bases(self.conn, model.__tablename__, concurrent) if concurrent else {}
        inserts, updates, superseded, conflicts = [], [], [], []
        for rid, rec in latest.items():
            try:
                incoming = entries.from_entry(model, rec)
            except (ValueError, TypeError, KeyError) as exc:
                raise bundle.BundleError(f"同步包中表 {model.__tablename__} 的记录格式无效：{exc}") from None
            loc = local.get(rid)
            if loc is not None and isinstance(loc.get("vv"), str):
                loc["vv"] = json.loads(loc["vv"])
            base = _base(bases.get(rid, []), loc, incoming) if rid in bases else None
            out = merge(model, loc, incoming, base)
            if out.action == "skip":
                self.stats["skipped"] += 1
                continue
            if out.action == "insert":
                row = dict(out.values)
                row["in_conflict"] = False
                row.setdefault("deleted", False)
                row.setdefault("purged", False)
                inserts.append(row)
                self.stats["inserted"] += 1
            else:
                if out.action == "replace":
                    out.values["in_conflict"] = False  # set again below if a conflict stays open
                updates.append(out.values)
                superseded.append(loc)
                key = "updated" if out.action == "replace" else "merged" if out.action == "merged" else "conflicts"
                self.stats[key] += 1
                if out.conflict:
                    conflicts.append(out.conflict)
            self.changed += 1
            for c in rec.get("c") or []:
                conflicts.append(c)
            if model.__tablename__ == "person" and out.values.get("person_key"):
                self.person_keys.add(out.values["person_key"])
        store.insert_rows(self.conn, t, inserts)
        store.history(self.conn, model.__tablename__, superseded)
        self._fix_conflict_flags(updates)
        store.update_rows(self.conn, t, updates)
        if policy.is_broadcast(model):  # a station shows when each reference row arrived
            store.note_received(self.conn, model.__tablename__, [r["id"] for r in [*inserts, *updates]], self.bundle_id)
        for hook in AFTER_BULK_INSERT:  # keeps the search index in step with what was merged
            hook(self.conn, model, inserts, new=True)
            hook(self.conn, model, updates)
        self._record_conflicts(model, conflicts, {r["id"]: r for r in [*inserts, *updates]})

    def _fix_conflict_flags(self, updates: list[dict[str, Any]]) -> None:
        """A version that dominates both sides of an open conflict resolves it here too."""
        if not updates:
            return
        ids = [u["id"] for u in updates]
        open_by_row: dict[str, list[SyncConflict]] = {}
        t = SyncConflict.__table__
        for i in range(0, len(ids), store.CHUNK):
            q = t.select().where(t.c.status == "open", t.c.row_id.in_(ids[i:i + store.CHUNK]))
            for row in self.conn.execute(q).mappings():
                open_by_row.setdefault(row["row_id"], []).append(dict(row))
        for u in updates:
            still_open = False
            for c in open_by_row.get(u["id"], []):
                join = vv_join(_vv(c["version_a"])["vv"], _vv(c["version_b"])["vv"])
                if vv_le(join, u["vv"]) and join != u["vv"]:
                    self.conn.execute(t.update().where(t.c.id == c["id"]).values(
                        status="resolved", resolved_at=utcnow(), resolved_by=u.get("updated_by") or ""))
                else:
                    still_open = True
            u["in_conflict"] = bool(u.get("in_conflict")) or still_open

    def _record_conflicts(self, model, conflicts: list[dict[str, Any]], rows: dict[str, dict]) -> None:
        t = SyncConflict.__table__
        for c in conflicts:
            row = rows.get(c["row_id"])
            join = vv_join(c["version_a"]["vv"], c["version_b"]["vv"])
            if row is None or row["vv"] != join:
                continue  # already superseded by a later write: nothing left to decide
            if self.conn.execute(t.select().where(t.c.id == c["id"])).first() is not None:
                continue
            self.conn.execute(t.insert().values(
                id=c["id"], table_name=c["table_name"], row_id=c["row_id"], fields=c["fields"],
                version_a=c["version_a"], version_b=c["version_b"], chosen=c["chosen"], status="open",
                created_at=utcnow()))
            self.conn.execute(model.__table__.update().where(model.__table__.c.id == c["row_id"]).values(in_conflict=True))


def _vv(value):
    if isinstance(value, str):
        return json.loads(value)
    return value


def _base(history: list[dict[str, Any]], local: dict[str, Any], incoming: dict[str, Any]) -> dict[str, Any] | None:
    """The newest superseded version contained in both sides."""
    best = None
    for payload in history:
        vv = payload.get("vv") or {}
        if vv_le(vv, local["vv"]) and vv_le(vv, incoming["vv"]):
            if best is None or sum(vv.values()) > sum((best.get("vv") or {}).values()):
                best = payload
    return best


def _enroll(db: Database, v: Verified) -> ImportResult:
    payload: dict[str, Any] = {}
    if _already(db, v):
        return ImportResult(v.parsed.path, "already", "该登记包已导入过，本所已登记到县司法局，无需再导入",
                            v.header["bundle_id"], v.sender)
    with db.read() as s:
        keys = identity.node_keys(identity.ensure_identity(s))
        node = identity.local_node(s).node_id
    for rec in bundle.open_records(v.parsed, keys, node):
        if rec.get("t") == "enroll":
            payload = rec
    if not payload:
        return ImportResult(v.parsed.path, "rejected", "登记包内容不完整", v.header["bundle_id"], v.sender)
    try:
        db.write(lambda s: (identity.accept_enrollment(s, v.header, payload),
                            s.add(SyncBundleLog(bundle_id=v.header["bundle_id"], direction="in", kind="enroll",
                                                peer=COUNTY_NODE, sha256=v.header["body_sha256"]))))
    except UserError as exc:
        return ImportResult(v.parsed.path, "rejected", str(exc), v.header["bundle_id"], v.sender)
    fp = bundle.crypto.fingerprint(bytes.fromhex(v.header["county_keys"]["sign_pk"]),
                                   bytes.fromhex(v.header["county_keys"]["box_pk"]))
    return ImportResult(v.parsed.path, "enrolled", f"已登记到县司法局（县局密钥指纹 {fp}，请与县局核对）",
                        v.header["bundle_id"], v.sender)

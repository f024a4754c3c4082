"""The county relay's staging area on disk: resumable uploads, completed bundles, receipts, replies.

Who opens the county database (issue 19). One process per data dir holds the database
(`core/db/lock.py`), and the county must keep working in the GUI while stations upload. So the
relay never needs the database to *receive*: every byte a station sends is appended to a file
here and fsynced before the relay answers, and a completed upload is moved whole (rename, fsync
of the folder) into ``inbox/``. Whichever process can hold the database then imports the inbox
through the ordinary import code (`relay_import.pickup`): the relay itself takes the lock for
the length of one import batch and releases it, and while the GUI holds the database the relay
leaves the inbox to the GUI's pickup. Nothing is ever imported twice (bundle ids are idempotent
at import), and nothing half-written is ever in ``inbox/``. We chose this over the GUI hosting
the relay (the relay would stop whenever the county closes its window) and over the relay as the
only opener (every GUI page would become an HTTP client).

Layout under ``<data dir>/relay/``: ``uploads/<id>.part`` + ``<id>.json`` (an upload in
progress: which station, declared length and SHA-256), ``inbox/<id>.sjxb`` + ``<id>.json``
(complete, verified against the declared hash, waiting for import), ``receipts/<id>.json`` (the
county-signed outcome of an import, fetchable again by bundle id), ``outbox/<station>/<id>.sjxb``
(bundles waiting for a station to download), ``roster.json`` (the county-signed roster the
relay authenticates stations with, published by the process that last held the database),
``tls/`` (the HTTPS certificate and its encrypted key, `relay_tls`) and ``nonces.log`` (request
nonces seen within the time window, so a replay is refused after a restart too, `relay_auth`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sfs_desktop.core.db.synced import canonical_json
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fsio import atomic_write, fsync_dir
from sfs_desktop.core.sync import bundle, crypto

_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_NODE = re.compile(r"^\d{6,12}$")
STALE_UPLOAD_SECONDS = 7 * 24 * 3600
KEEP_RECEIPT_SECONDS = 90 * 24 * 3600
RECEIPT_DOMAIN = b"SJXA1"


class UploadError(UserError):
    """A request the relay refuses; `status` is the HTTP status that says why."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def valid_id(bundle_id: str) -> str:
    if not isinstance(bundle_id, str) or not _ID.match(bundle_id):
        raise UploadError(400, "同步包编号无效")
    return bundle_id


def valid_node(node: str) -> str:
    if not isinstance(node, str) or not _NODE.match(node):
        raise UploadError(400, "单位代码无效")
    return node


@dataclass
class Upload:
    bundle_id: str
    node: str
    length: int
    sha256: str
    offset: int


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_json(path: Path, data: dict[str, Any]) -> None:
    atomic_write(path, json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))


class RelayDir:
    """The folders above; every method is safe to call from several request threads at once for
    different bundles (one bundle's requests are serialised by the relay)."""

    def __init__(self, root: Path):
        self.root = Path(root)
        # the SHA-256 of each open upload's stored bytes so far, carried chunk to chunk, so that a
        # complete upload is not read back whole (after a restart it is: the entry is missing)
        self._whole: dict[str, tuple[int, Any]] = {}
        for d in (self.uploads, self.inbox, self.receipts, self.outbox):
            d.mkdir(parents=True, exist_ok=True)

    uploads = property(lambda self: self.root / "uploads")
    inbox = property(lambda self: self.root / "inbox")
    receipts = property(lambda self: self.root / "receipts")
    outbox = property(lambda self: self.root / "outbox")
    roster_file = property(lambda self: self.root / "roster.json")
    tls = property(lambda self: self.root / "tls")
    nonces_file = property(lambda self: self.root / "nonces.log")

    # --- uploads ---------------------------------------------------------------------------
    def upload(self, bundle_id: str) -> Upload | None:
        meta = _read_json(self.uploads / f"{valid_id(bundle_id)}.json")
        part = self.uploads / f"{bundle_id}.part"
        if meta is None or not part.exists():
            return None
        return Upload(bundle_id, meta["node"], int(meta["length"]), meta["sha256"], part.stat().st_size)

    def create(self, node: str, bundle_id: str, length: int, sha256: str, max_bytes: int) -> Upload:
        """Start an upload, or return the one already started (creating is idempotent per id)."""
        valid_id(bundle_id)
        if not isinstance(length, int) or length <= 0:
            raise UploadError(400, "同步包长度无效")
        if length > max_bytes:
            raise UploadError(413, f"同步包太大（{length} 字节，县局中继的上限为 {max_bytes} 字节）")
        if not isinstance(sha256, str) or not re.fullmatch(r"[0-9a-f]{64}", sha256):
            raise UploadError(400, "同步包摘要无效")
        existing = self.upload(bundle_id)
        if existing is not None:
            if (existing.node, existing.length, existing.sha256) != (node, length, sha256):
                raise UploadError(409, "同一编号的同步包已在上传，但发送方、长度或摘要不同")
            return existing
        part = self.uploads / f"{bundle_id}.part"
        part.touch()
        _write_json(self.uploads / f"{bundle_id}.json",
                    {"node": node, "length": length, "sha256": sha256, "created": int(time.time())})
        return Upload(bundle_id, node, length, sha256, 0)

    def append(self, up: Upload, offset: int, max_chunk: int) -> "ChunkWriter":
        """A writer for one PATCH body at `offset` (which must be what is stored)."""
        if offset != up.offset:
            raise UploadError(409, f"上传位置不符：服务器已保存 {up.offset} 字节")
        stored = self._whole.get(up.bundle_id)
        running = stored[1].copy() if stored is not None and stored[0] == offset else None
        if running is None and offset == 0:
            running = hashlib.sha256()
        return ChunkWriter(self.uploads / f"{up.bundle_id}.part", up, max_chunk, running,
                           lambda at, h: self._whole.__setitem__(up.bundle_id, (at, h)))

    def complete(self, up: Upload) -> Path:
        """A fully received upload: check the whole file, then move it into the inbox."""
        part = self.uploads / f"{up.bundle_id}.part"
        carried = self._whole.pop(up.bundle_id, None)
        if carried is not None and carried[0] == part.stat().st_size:
            h = carried[1]
        else:
            h = hashlib.sha256()
            with open(part, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    h.update(block)
        if h.hexdigest() != up.sha256:
            self.discard(up.bundle_id)
            raise UploadError(460, "整个同步包的摘要与上传时声明的不符，已丢弃，请重新上传")
        try:
            header = bundle.parse(part).header
        except bundle.BundleError as exc:
            self.discard(up.bundle_id)
            raise UploadError(422, str(exc)) from None
        sender = str(header.get("sender", "")).rpartition(".")[0]
        if sender != up.node or header.get("bundle_id") != up.bundle_id:
            self.discard(up.bundle_id)
            raise UploadError(403, "同步包的发送方或编号与上传者不符，拒收")
        target = self.inbox / f"{up.bundle_id}{bundle.SUFFIX}"
        _write_json(self.inbox / f"{up.bundle_id}.json", {"node": up.node})
        os.replace(part, target)
        fsync_dir(self.inbox)
        (self.uploads / f"{up.bundle_id}.json").unlink(missing_ok=True)
        return target

    def discard(self, bundle_id: str) -> None:
        self._whole.pop(bundle_id, None)
        for suffix in (".part", ".json"):
            (self.uploads / f"{bundle_id}{suffix}").unlink(missing_ok=True)

    def waiting(self) -> list[tuple[Path, str]]:
        """Completed uploads not yet imported, oldest first, with the station each came from."""
        out = []
        for path in sorted(self.inbox.glob(f"*{bundle.SUFFIX}"), key=lambda p: p.stat().st_mtime):
            meta = _read_json(path.with_suffix(".json")) or {}
            out.append((path, str(meta.get("node", ""))))
        return out

    def drop_inbox(self, path: Path) -> None:
        path.with_suffix(".json").unlink(missing_ok=True)
        path.unlink(missing_ok=True)

    # --- receipts --------------------------------------------------------------------------
    def receipt(self, bundle_id: str) -> dict[str, Any] | None:
        return _read_json(self.receipts / f"{valid_id(bundle_id)}.json")

    def put_receipt(self, receipt: dict[str, Any]) -> None:
        _write_json(self.receipts / f"{valid_id(receipt['bundle_id'])}.json", receipt)

    def in_inbox(self, bundle_id: str) -> bool:
        return (self.inbox / f"{valid_id(bundle_id)}{bundle.SUFFIX}").exists()

    def inbox_node(self, bundle_id: str) -> str:
        return str((_read_json(self.inbox / f"{valid_id(bundle_id)}.json") or {}).get("node", ""))

    # --- replies waiting for a station --------------------------------------------------------
    def station_outbox(self, node: str) -> Path:
        d = self.outbox / valid_node(node)
        d.mkdir(parents=True, exist_ok=True)
        return d

    def replies(self, node: str) -> list[dict[str, Any]]:
        """Bundles waiting for `node`, in the order they were written (each with its ETag)."""
        out = []
        for path in sorted(self.station_outbox(node).glob(f"*{bundle.SUFFIX}"), key=lambda p: p.stat().st_mtime):
            out.append({"id": path.stem, "size": path.stat().st_size, "etag": etag(path)})
        return out

    def reply_path(self, node: str, bundle_id: str) -> Path:
        return self.station_outbox(node) / f"{valid_id(bundle_id)}{bundle.SUFFIX}"

    # --- roster ------------------------------------------------------------------------------
    def publish_roster(self, county_sign_pk: bytes, roster: dict[str, Any]) -> None:
        _write_json(self.roster_file, {"county_sign_pk": county_sign_pk.hex(), "roster": roster})

    def station_keys(self) -> dict[str, bytes] | None:
        """The signing keys of the stations not revoked, from the published roster (checked
        against the county's signature); None when no roster has been published yet."""
        data = _read_json(self.roster_file)
        if data is None:
            return None
        from sfs_desktop.core.sync import identity

        try:
            county_pk = bytes.fromhex(data["county_sign_pk"])
            roster = data["roster"]
        except (KeyError, ValueError, TypeError):
            return None
        if not identity.roster_valid(roster, county_pk):
            return None
        keys = {}
        for st in roster.get("stations", []):
            if not st.get("revoked_at"):
                keys[str(st.get("node"))] = bytes.fromhex(st["sign_pk"])
        return keys

    # --- housekeeping --------------------------------------------------------------------------
    def sweep(self, now: float | None = None) -> int:
        """Remove uploads abandoned for a week and receipts older than 90 days (test 28)."""
        now = time.time() if now is None else now
        removed = 0
        for meta in self.uploads.glob("*.json"):
            if now - meta.stat().st_mtime > STALE_UPLOAD_SECONDS:
                part = meta.with_suffix(".part")
                if not part.exists() or now - part.stat().st_mtime > STALE_UPLOAD_SECONDS:
                    self.discard(meta.stem)
                    removed += 1
        for part in self.uploads.glob("*.part"):
            if not part.with_suffix(".json").exists():
                part.unlink(missing_ok=True)
                removed += 1
        for rec in self.receipts.glob("*.json"):
            if now - rec.stat().st_mtime > KEEP_RECEIPT_SECONDS:
                rec.unlink(missing_ok=True)
                removed += 1
        for leftover in self.root.rglob("*.part"):
            if leftover.parent != self.uploads and leftover.name.startswith("."):
                leftover.unlink(missing_ok=True)  # an atomic_write cut short
        return removed


class ChunkWriter:
    """Appends one PATCH body as it arrives; `commit` checks it and makes it durable (fsync).

    A body that does not match its checksum, is cut short (`abort`) or is larger than allowed is
    cut off again: the stored offset only ever moves by whole, checked chunks."""

    def __init__(self, part: Path, up: Upload, max_chunk: int, running=None, carry=None):
        """`running`: the SHA-256 of the bytes before this chunk, if known; `carry(offset, hash)`
        is told the running hash once the chunk is durable."""
        self.up, self.limit = up, min(max_chunk, up.length - up.offset)
        self.offset = up.offset
        self.hash = hashlib.sha256()
        self.running, self.carry = running, carry
        self.written = 0
        self.fh = open(part, "r+b")
        self.fh.seek(self.offset)

    def write(self, chunk: bytes) -> None:
        self.written += len(chunk)
        if self.written > self.limit:
            self.abort()
            raise UploadError(413, "上传数据块超过允许的大小或超出同步包的长度")
        self.hash.update(chunk)
        if self.running is not None:
            self.running.update(chunk)
        self.fh.write(chunk)

    def commit(self, checksum: str) -> Upload:
        try:
            if self.hash.hexdigest() != checksum:
                raise UploadError(460, "数据块校验失败（SHA-256 不符），请重发该数据块")
            self.fh.flush()
            os.fsync(self.fh.fileno())
        except BaseException:
            self.abort()
            raise
        self.fh.close()
        self.up.offset = self.offset + self.written
        if self.running is not None and self.carry is not None:
            self.carry(self.up.offset, self.running)
        return self.up

    def abort(self) -> None:
        if self.fh.closed:
            return
        self.fh.truncate(self.offset)
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()


def etag(path: Path) -> str:
    """A bundle's ETag: its body's SHA-256 (from its header, signed by its sender)."""
    return '"' + bundle.parse(path).header["body_sha256"] + '"'


def sign_receipt(keys: crypto.NodeKeys, body: dict[str, Any]) -> dict[str, Any]:
    signature = keys.sign(RECEIPT_DOMAIN + canonical_json(body).encode("utf-8"))
    return {**body, "signature": signature.hex()}


def receipt_valid(receipt: dict[str, Any], county_sign_pk: bytes) -> bool:
    body = {k: v for k, v in receipt.items() if k != "signature"}
    try:
        signature = bytes.fromhex(str(receipt.get("signature", "")))
    except ValueError:
        return False
    return crypto.verify(county_sign_pk, RECEIPT_DOMAIN + canonical_json(body).encode("utf-8"), signature)

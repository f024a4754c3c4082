"""Bundle file format version 1 (sync-design.md §4.4).

``"SJXB" u16 version | u32 header length | header (canonical JSON) | 64-byte Ed25519 signature
over "SJXB1" ‖ header | body``. The body is a sequence of ``u32 length ‖ secretstream frame``;
the plaintext is zlib-compressed JSON lines ending with a trailer record that counts the
entries and hashes the plaintext. Nothing inside a stolen stick's bundle can be read without a
recipient's private key, and the file name is just the bundle id.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from sfs_desktop.core.db.synced import canonical_json
from sfs_desktop.core.errors import UserError, explain
from sfs_desktop.core.sync import crypto

MAGIC = b"SJXB"
FORMAT_VERSION = 1
SUFFIX = ".sjxb"
_PREFIX = struct.Struct(">4sHI")
_FRAME = struct.Struct(">I")
SIG_BYTES = 64
MAX_HEADER = 1 << 20
FRAME_PLAIN = 64 * 1024


class BundleError(UserError):
    """The file is not a valid bundle for this node; the message says precisely why."""


def _ad(bundle_id: str) -> bytes:
    return b"SJXB1\x00" + bundle_id.encode("ascii")


def header_bytes(header: dict[str, Any]) -> bytes:
    """Canonical JSON (sorted keys, no spaces, UTF-8): for strings, integers, lists and
    objects — all a header holds — this is the RFC 8785 form."""
    return canonical_json(header).encode("utf-8")


def _fsync_dir(path: Path) -> None:
    if os.name == "posix":
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def encode_body(records: Iterable[dict[str, Any] | bytes], writer: crypto.StreamWriter) -> tuple[bytes, int]:
    """Compress and encrypt records into framed ciphertext; returns (body, record count).

    A record may come already encoded (its canonical JSON line, as bytes)."""
    out = io.BytesIO()
    comp = zlib.compressobj(6)
    plain_hash = hashlib.sha256()
    pending = bytearray()
    count = 0

    def flush_frames(final: bool) -> None:
        """Push full frames; with `final`, also the rest as the FINAL frame (possibly empty)."""
        while len(pending) >= FRAME_PLAIN or final:
            chunk = bytes(pending[:FRAME_PLAIN])
            del pending[:FRAME_PLAIN]
            last = final and not pending
            frame = writer.push(chunk, final=last)
            out.write(_FRAME.pack(len(frame)))
            out.write(frame)
            if last:
                return

    for rec in records:
        line = rec if isinstance(rec, bytes) else canonical_json(rec).encode("utf-8") + b"\n"
        plain_hash.update(line)
        pending += comp.compress(line)
        count += 1
        if len(pending) >= FRAME_PLAIN:
            flush_frames(False)
    trailer = {"t": "end", "records": count, "sha256": plain_hash.hexdigest()}
    pending += comp.compress(canonical_json(trailer).encode("utf-8") + b"\n")
    pending += comp.flush()
    flush_frames(True)
    return out.getvalue(), count


def write(directory: Path, header: dict[str, Any], records: Iterable[dict[str, Any] | bytes], keys: crypto.NodeKeys,
          recipients: list[tuple[str, bytes]]) -> Path:
    """Write one bundle to `directory`: .part, fsync, rename, then read back and verify.

    `header` holds the caller's fields (bundle_id, kind, sender, covers …); the suite,
    recipients' wrapped keys and body fields are added here.
    """
    directory = Path(directory)
    bundle_id = header["bundle_id"]
    content_key = crypto.new_content_key()
    writer = crypto.StreamWriter(content_key, _ad(bundle_id))
    body, _count = encode_body(records, writer)
    full = dict(header)
    full.update(
        format=FORMAT_VERSION, suite=crypto.SUITE, stream_header=writer.header.hex(),
        body_len=len(body), body_sha256=hashlib.sha256(body).hexdigest(),
        recipients=[{"node": node, "key_id": crypto.key_id(pk), "wrapped_key": crypto.seal(pk, content_key).hex()}
                    for node, pk in recipients],
    )
    hb = header_bytes(full)
    signature = keys.sign(b"SJXB1" + hb)
    target = directory / f"{bundle_id}{SUFFIX}"
    part = target.with_name(target.name + ".part")
    directory.mkdir(parents=True, exist_ok=True)
    try:
        with open(part, "wb") as fh:
            fh.write(_PREFIX.pack(MAGIC, FORMAT_VERSION, len(hb)))
            fh.write(hb)
            fh.write(signature)
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(part, target)
    except BaseException:  # a full or pulled stick: no half bundle left on it
        part.unlink(missing_ok=True)
        raise
    _fsync_dir(directory)
    # USB sticks acknowledge writes they have not made: read the file back before saying so.
    parsed = parse(target)
    if not crypto.verify(keys.sign_pk, parsed.signed, parsed.signature):
        raise BundleError(f"写入后回读校验失败（签名不符）：{target}，请换一个U盘重试")
    for _ in open_records(parsed, keys, header["sender"].split(".")[0]):
        pass
    return target


@dataclass
class Parsed:
    path: Path
    header: dict[str, Any]
    signed: bytes
    signature: bytes
    body_offset: int
    size: int


def parse(path: Path) -> Parsed:
    """Read and check the plain part of a bundle (no key needed)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            prefix = fh.read(_PREFIX.size)
            if len(prefix) < _PREFIX.size:
                raise BundleError("文件太短，不是完整的同步包（可能复制时被中断）")
            magic, version, hlen = _PREFIX.unpack(prefix)
            if magic != MAGIC:
                raise BundleError("不是同步包文件（文件标识不符）")
            if version != FORMAT_VERSION:
                raise BundleError(f"同步包格式版本 {version} 不受本程序支持（支持版本 {FORMAT_VERSION}），请升级程序")
            if hlen > MAX_HEADER or _PREFIX.size + hlen + SIG_BYTES > size:
                raise BundleError("同步包文件被截断：包头不完整")
            hb = fh.read(hlen)
            signature = fh.read(SIG_BYTES)
    except OSError as exc:
        raise BundleError(f"无法读取同步包：{explain(exc)}") from None
    try:
        header = json.loads(hb.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BundleError("同步包包头已损坏（不是有效的 JSON）") from None
    if not isinstance(header, dict) or header_bytes(header) != hb:
        raise BundleError("同步包包头已损坏（不是规范格式）")
    for key in ("bundle_id", "kind", "sender", "recipients", "body_len", "body_sha256", "stream_header", "suite"):
        if key not in header:
            raise BundleError(f"同步包包头缺少字段 {key}")
    if header["suite"] != crypto.SUITE:
        raise BundleError(f"同步包使用的加密套件 {header['suite']} 不受本程序支持")
    body_offset = _PREFIX.size + hlen + SIG_BYTES
    if not isinstance(header["body_len"], int) or size - body_offset != header["body_len"]:
        if isinstance(header["body_len"], int) and size - body_offset < header["body_len"]:
            raise BundleError("同步包文件被截断：内容比包头声明的短（可能复制时被中断）")
        raise BundleError("同步包长度与包头声明不符（文件被截断或附加了数据）")
    return Parsed(path, header, b"SJXB1" + hb, signature, body_offset, size)


def check_body_hash(parsed: Parsed) -> None:
    h = hashlib.sha256()
    with open(parsed.path, "rb") as fh:
        fh.seek(parsed.body_offset)
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    if h.hexdigest() != parsed.header["body_sha256"]:
        raise BundleError("同步包内容校验失败（SHA-256 不符）：文件已损坏或被改动")


def content_key(parsed: Parsed, keys: crypto.NodeKeys, node_id: str) -> bytes:
    mine = crypto.key_id(keys.box_pk)
    for rec in parsed.header["recipients"]:
        if isinstance(rec, dict) and rec.get("node") == node_id and rec.get("key_id") == mine:
            try:
                key = keys.unseal(bytes.fromhex(rec.get("wrapped_key", "")))
            except ValueError:
                key = None
            if key is None or len(key) != crypto.KEY_BYTES:
                raise BundleError("同步包的密钥封装已损坏，无法解密")
            return key
    raise BundleError("该同步包不是发给本单位的（本单位不在收件方之列），未导入")


def open_records(parsed: Parsed, keys: crypto.NodeKeys, node_id: str) -> Iterator[dict[str, Any]]:
    """Decrypt and yield the body's records; raises BundleError on any damage, at the end
    only after the FINAL tag, the trailer count and the plaintext hash all check out."""
    key = content_key(parsed, keys, node_id)
    try:
        stream_header = bytes.fromhex(parsed.header["stream_header"])
        reader = crypto.StreamReader(key, stream_header, _ad(parsed.header["bundle_id"]))
    except (ValueError, TypeError, RuntimeError):
        raise BundleError("同步包包头中的加密流参数已损坏") from None
    decomp = zlib.decompressobj()
    plain_hash = hashlib.sha256()
    buf = bytearray()
    count = 0
    trailer = None
    final_seen = False
    end = parsed.size
    with open(parsed.path, "rb") as fh:
        fh.seek(parsed.body_offset)
        pos = parsed.body_offset
        while pos < end:
            if final_seen:
                raise BundleError("同步包在结束标记之后还有多余的数据")
            raw = fh.read(_FRAME.size)
            if len(raw) < _FRAME.size:
                raise BundleError("同步包内容被截断（帧长度不完整）")
            (flen,) = _FRAME.unpack(raw)
            if flen > FRAME_PLAIN + crypto.ABYTES + 1024 or pos + _FRAME.size + flen > end:
                raise BundleError("同步包内容被截断或帧长度已损坏")
            frame = fh.read(flen)
            pos += _FRAME.size + flen
            result = reader.pull(frame)
            if result is None:
                raise BundleError("同步包内容解密校验失败：数据被改动、截断或拼接了其他包的内容")
            chunk, final_seen = result
            try:
                new = decomp.decompress(chunk)
                if final_seen:
                    new += decomp.flush()
            except zlib.error:
                raise BundleError("同步包内容解压失败（数据损坏）") from None
            buf += new
            if b"\n" not in new:  # a long record (a scan) still arriving: splitting it again per frame was quadratic
                continue
            lines = bytes(buf).split(b"\n")
            buf = bytearray(lines.pop())
            for line in lines:
                if trailer is not None:
                    raise BundleError("同步包在结尾记录之后还有数据")
                try:
                    rec = json.loads(line)
                except ValueError:
                    raise BundleError("同步包中有无法解析的记录") from None
                if isinstance(rec, dict) and rec.get("t") == "end":
                    trailer = rec
                    continue
                plain_hash.update(line + b"\n")
                count += 1
                yield rec
    if not final_seen:
        raise BundleError("同步包内容不完整：缺少结束标记（文件被截断）")
    if buf or trailer is None or not decomp.eof:
        raise BundleError("同步包内容不完整：缺少结尾记录")
    if trailer.get("records") != count or trailer.get("sha256") != plain_hash.hexdigest():
        raise BundleError("同步包结尾记录的条数或摘要与内容不符")


def read_all(parsed: Parsed, keys: crypto.NodeKeys, node_id: str, sink: Callable[[dict], None] | None = None) -> int:
    n = 0
    for rec in open_records(parsed, keys, node_id):
        if sink:
            sink(rec)
        n += 1
    return n

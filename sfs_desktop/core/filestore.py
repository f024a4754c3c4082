"""Files at rest (scans, kept PDFs), encrypted like the database and named so they reveal nothing.

Each file is sealed with XChaCha20-Poly1305 secretstream (64 KiB chunks, the last one tagged
final, so a truncated file is refused) under a key derived from the database key; its name is
an HMAC of its SHA-256 under another derived key, so a known document's hash does not find it.
The records keep the SHA-256 of the clear content: reading a file back checks it.

One store per open database (`Database.files`), found by its folder for the functions that are
handed a folder (`blob_root`). Files left in clear by earlier releases are encrypted when the
database opens (`upgrade`), and `check` verifies every file.
"""

from __future__ import annotations

import hashlib
import hmac
import struct
import threading
from pathlib import Path

from nacl.bindings import (crypto_secretstream_xchacha20poly1305_init_pull as init_pull,
                           crypto_secretstream_xchacha20poly1305_init_push as init_push,
                           crypto_secretstream_xchacha20poly1305_pull as pull,
                           crypto_secretstream_xchacha20poly1305_push as push,
                           crypto_secretstream_xchacha20poly1305_state as new_state,
                           crypto_secretstream_xchacha20poly1305_TAG_FINAL as TAG_FINAL,
                           crypto_secretstream_xchacha20poly1305_TAG_MESSAGE as TAG_MESSAGE)
from nacl.exceptions import CryptoError

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fsio import atomic_write
from sfs_desktop.core.security.subkeys import subkey

MAGIC = b"SFSENC1\n"
SUFFIX = ".sfe"
CHUNK = 64 * 1024
_HEX = set("0123456789abcdef")


class FileStore:
    def __init__(self, root: Path, dek: bytes):
        self.root = Path(root)
        self._key = subkey(dek, "files-encrypt")
        self._name_key = subkey(dek, "files-name")

    # --- names -----------------------------------------------------------------------------
    def name(self, digest: str) -> str:
        return hmac.new(self._name_key, digest.encode("ascii"), hashlib.sha256).hexdigest()

    def path(self, digest: str) -> Path:
        name = self.name(digest)
        return self.root / name[:2] / (name + SUFFIX)

    # --- sealing ---------------------------------------------------------------------------
    def seal(self, data: bytes, name: str) -> bytes:
        state = new_state()
        out = [MAGIC, init_push(state, self._key)]
        chunks = [data[i:i + CHUNK] for i in range(0, len(data), CHUNK)] or [b""]
        for i, chunk in enumerate(chunks):
            last = i == len(chunks) - 1
            sealed = push(state, chunk, name.encode("ascii") if i == 0 else None, TAG_FINAL if last else TAG_MESSAGE)
            out += [struct.pack(">I", len(sealed)), sealed]
        return b"".join(out)

    def open(self, blob: bytes, name: str) -> bytes:
        """The clear content; CryptoError if the file was changed, cut short or moved."""
        if not blob.startswith(MAGIC):
            raise CryptoError("not a sealed file")
        state, pos = new_state(), len(MAGIC)
        init_pull(state, blob[pos:pos + 24], self._key)
        pos += 24
        parts, first, tag = [], True, None
        while pos < len(blob):
            (size,) = struct.unpack(">I", blob[pos:pos + 4])
            message, tag = pull(state, blob[pos + 4:pos + 4 + size], name.encode("ascii") if first else None)
            parts.append(message)
            pos, first = pos + 4 + size, False
            if tag == TAG_FINAL:
                break
        if tag != TAG_FINAL or pos != len(blob):
            raise CryptoError("truncated or extended")
        return b"".join(parts)

    # --- storing ---------------------------------------------------------------------------
    def put(self, data: bytes) -> str:
        """Store `data` once (idempotent); returns the SHA-256 of the clear content."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, self.seal(data, self.name(digest)))
        return digest

    def get(self, digest: str) -> bytes:
        target = self.path(digest)
        try:
            data = self.open(target.read_bytes(), self.name(digest))
        except FileNotFoundError:
            raise UserError(f"附件文件缺失（摘要 {digest[:12]}…）：请从备份恢复数据目录") from None
        except (CryptoError, struct.error, ValueError):
            raise UserError(f"附件文件已损坏或被改动（摘要 {digest[:12]}…）：请从备份恢复数据目录") from None
        if hashlib.sha256(data).hexdigest() != digest:
            raise UserError(f"附件文件内容与记录不符（摘要 {digest[:12]}…）")
        return data

    # --- upgrade and check -----------------------------------------------------------------
    def clear_files(self) -> list[Path]:
        """Files an earlier release kept in clear, named by their SHA-256."""
        if not self.root.is_dir():
            return []
        return [p for p in self.root.glob("*/*") if p.is_file() and len(p.name) == 64 and set(p.name) <= _HEX]

    def upgrade(self, previews: Path | None = None) -> int:
        """Encrypt the files an earlier release left in clear, and remove the preview copies it
        wrote to `previews` (exports/) of documents that are kept here; returns how many."""
        done = 0
        for clear in self.clear_files():
            data = clear.read_bytes()
            if hashlib.sha256(data).hexdigest() != clear.name:
                continue  # not one of ours, or damaged: `problems` names it
            self.put(data)
            clear.unlink()
            done += 1
        for copy in sorted(previews.glob("*.pdf")) if previews is not None and previews.is_dir() else ():
            if self.path(hashlib.sha256(copy.read_bytes()).hexdigest()).exists():
                copy.unlink()  # the kept, encrypted PDF is the record; the clear copy was only a preview
                done += 1
        return done

    def problems(self, digests: set[str]) -> list[str]:
        """Every recorded file that is missing, does not decrypt or does not match its hash, and
        every file still in clear."""
        out = []
        for digest in sorted(digests):
            try:
                self.get(digest)
            except UserError as exc:
                out.append(str(exc))
        for clear in self.clear_files():
            out.append(f"附件文件夹中有未加密的文件 {clear.relative_to(self.root)}")
        return out


_open: dict[Path, FileStore] = {}
_guard = threading.Lock()


def register(store: FileStore) -> None:
    with _guard:
        _open[store.root.resolve()] = store


def unregister(store: FileStore) -> None:
    with _guard:
        if _open.get(store.root.resolve()) is store:
            del _open[store.root.resolve()]


def for_root(root: Path) -> FileStore:
    """The store of the open database whose files live under `root`."""
    with _guard:
        store = _open.get(Path(root).resolve())
    if store is None:
        raise RuntimeError(f"no open database keeps its files under {root}")
    return store


def recorded_digests(session) -> set[str]:
    """The SHA-256 of every file this node must hold: every live attachment (scans travel with
    their rows) and the PDFs it printed itself (another node's printed PDFs stay where they were
    printed; their log rows are the record)."""
    from sqlalchemy import text
    from sqlmodel import select

    from sfs_desktop.core.attachments import Attachment
    from sfs_desktop.core.documents import PrintLog

    node = session.execute(text("SELECT node_id FROM local_node WHERE id = 1")).scalar() or ""
    found = set(session.exec(select(Attachment.sha256).where(Attachment.deleted == False)).all())  # noqa: E712
    found |= {d for d in session.exec(select(PrintLog.pdf_sha256).where(PrintLog.origin == node)).all() if d}
    return found

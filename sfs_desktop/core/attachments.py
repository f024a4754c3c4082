"""Attachments (scans, photos, signed forms), stored once by content hash beside the database,
encrypted (core/filestore.py)."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from sqlmodel import Session

from sfs_desktop.core.db.synced import SyncedModel
from sfs_desktop.core import filestore
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import Sensitivity as S, Widget as W, field


MAX_BYTES = 64 * 1024 * 1024
"""The largest file kept as an attachment: it must fit in a sync bundle with its row."""


class Attachment(SyncedModel, table=True):
    __tablename__ = "attachment"
    __title__ = "附件"
    sha256: str = field("文件摘要", required=True, max_length=64, index=True, list_column=False)
    original_name: str = field("文件名", required=True, max_length=128)
    mime: str = field("类型", "application/octet-stream", max_length=64)
    size: int = field("大小（字节）", 0, widget=W.INT)
    scanned: bool = field("纸质扫描件", False, widget=W.BOOL)
    record_table: str = field("所属记录类型", required=True, max_length=64, list_column=False)
    record_id: str = field("所属记录", required=True, max_length=36, index=True, list_column=False)
    sensitivity: int = field("敏感级别", int(S.S2), widget=W.INT, list_column=False)


def store_blob(root: Path, data: bytes) -> str:
    """Keep `data` encrypted under root (see filestore); returns its SHA-256. Idempotent."""
    return filestore.for_root(root).put(data)


def load_blob(root: Path, digest: str) -> bytes:
    """The clear content of a kept file, checked against its SHA-256 (in memory, never on disk)."""
    return filestore.for_root(root).get(digest)


def attach(s: Session, table: str, record_id: str, title: str, data: bytes, suffix: str, *, blob_root: Path,
           scanned: bool = True, sensitivity: int = int(S.S2)) -> Attachment:
    """Keep a scan for a record the caller has checked the principal may change: stored encrypted,
    named for the document (`title`), never for a person."""
    if not data:
        raise UserError("附件文件是空的，请重新扫描")
    if len(data) > MAX_BYTES:
        raise UserError(f"附件文件超过 {MAX_BYTES >> 20} MiB：请降低扫描分辨率或分页扫描后再附上")
    suffix = suffix if suffix.startswith(".") else f".{suffix}"
    row = Attachment(sha256=store_blob(blob_root, data), original_name=f"{title}{suffix}", size=len(data),
                     scanned=scanned, mime=mimetypes.guess_type(f"x{suffix}")[0] or "application/octet-stream",
                     record_table=table, record_id=record_id, sensitivity=sensitivity)
    s.add(row)
    return row

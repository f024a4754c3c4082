"""Attachments (scans, photos, signed forms), stored once by content hash beside the database."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sfs_desktop.core.db.synced import SyncedModel
from sfs_desktop.core.fsio import atomic_write
from sfs_desktop.core.fields import Sensitivity as S, Widget as W, field


class Attachment(SyncedModel, table=True):
    __tablename__ = "attachment"
    sha256: str = field("文件摘要", required=True, max_length=64, index=True, list_column=False)
    original_name: str = field("文件名", required=True, max_length=128)
    mime: str = field("类型", "application/octet-stream", max_length=64)
    size: int = field("大小（字节）", 0, widget=W.INT)
    scanned: bool = field("纸质扫描件", False, widget=W.BOOL)
    record_table: str = field("所属记录类型", required=True, max_length=64, list_column=False)
    record_id: str = field("所属记录", required=True, max_length=36, index=True, list_column=False)
    sensitivity: int = field("敏感级别", int(S.S2), widget=W.INT, list_column=False)


def store_blob(root: Path, data: bytes) -> str:
    """Write `data` under root/ab/abcdef… atomically; returns its SHA-256. Idempotent."""
    digest = hashlib.sha256(data).hexdigest()
    target = root / digest[:2] / digest
    if target.exists():
        return digest
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, data)
    return digest


def blob_path(root: Path, digest: str) -> Path:
    return root / digest[:2] / digest

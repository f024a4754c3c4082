"""Documents the station issues: serial numbers (never reused) and the print log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint, text
from sqlmodel import Field, Session, SQLModel

from sfs_desktop.core.db.synced import SyncedModel, utcnow
from sfs_desktop.core.fields import Widget as W, field


class SerialCounter(SQLModel, table=True):
    """Last number issued per (kind, year, prefix); local, since serials carry the station's prefix."""

    __tablename__ = "serial_counter"
    __table_args__ = (UniqueConstraint("kind", "year", "prefix"),)
    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32)
    year: int
    prefix: str = Field(max_length=16)
    last: int = 0


def next_serial(session: Session, kind: str, year: int, prefix: str) -> int:
    """Allocate the next number inside the caller's transaction (rolled back with it)."""
    conn = session.connection()
    conn.execute(
        text("INSERT INTO serial_counter(kind, year, prefix, last) VALUES (:k, :y, :p, 0) "
             "ON CONFLICT(kind, year, prefix) DO NOTHING"),
        {"k": kind, "y": year, "p": prefix},
    )
    return conn.execute(
        text("UPDATE serial_counter SET last = last + 1 WHERE kind = :k AND year = :y AND prefix = :p RETURNING last"),
        {"k": kind, "y": year, "p": prefix},
    ).scalar_one()


class PrintLog(SyncedModel, table=True):
    __tablename__ = "print_log"
    __title__ = "打印记录"
    form_id: str = field("文书", required=True, max_length=64)
    record_table: str | None = field("记录类型", max_length=64, list_column=False)
    record_id: str | None = field("记录", max_length=36, index=True, list_column=False)
    serial_no: str | None = field("文号", max_length=64, searchable=True)
    copies: int = field("份数", 1, widget=W.INT)
    pages: int | None = field("页数", widget=W.INT, list_column=False)
    printed_by: str = field("打印人", "", max_length=64)
    printed_at: datetime = field("打印时间", widget=W.DATETIME, default_factory=utcnow)
    pdf_sha256: str | None = field("文件摘要", max_length=64, list_column=False)
    delivered: bool = field("已打印或另存", True, widget=W.BOOL, list_column=False)  # False: only previewed so far

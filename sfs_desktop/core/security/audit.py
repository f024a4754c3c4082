"""The append-only, hash-chained audit log (who did what to which record, never the values).

Each entry's hash covers its content and the previous entry's hash, so an edited, deleted or
re-ordered entry breaks the chain from that point on. A chain alone can be rebuilt by whoever
can write the file, so every sync bundle carries the current head, which the county keeps.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from sqlmodel import Field, Session, SQLModel, select

from sfs_desktop.core.db.synced import canonical_json, utcnow

ACTIONS = {
    "view_s3": "查看涉罪信息", "reveal_s2": "查看敏感信息", "create": "新增", "edit": "修改", "delete": "删除",
    "print": "打印", "export": "导出", "import": "导入", "login": "登录", "login_failed": "登录失败",
    "lockout": "账户锁定", "user_admin": "账户管理", "recover": "恢复密钥重置密码",
    "sync_refused": "拒收同步包", "restore": "恢复备份",
    "keyfile": "密钥文件", "assign": "交办", "relay_tls": "生成网络同步证书", "view_juvenile": "查看未成年人记录",
    "unattended_on": "开启无人值守运行", "unattended_off": "关闭无人值守运行", "unattended_run": "无人值守运行",
}
PENDING = "sfs_audit_pending"  # session.info key: accesses read in a read session, written when it closes
GENESIS = "0" * 64


class AuditLog(SQLModel, table=True):
    """Local to this PC (not a synced table): the county receives only the chain head."""

    __tablename__ = "audit_log"
    seq: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    actor: str = Field(max_length=64)
    action: str = Field(max_length=16)
    table_name: str | None = Field(default=None, max_length=64)
    record_id: str | None = Field(default=None, max_length=36)
    fields: str = Field(default="", max_length=512)  # comma-separated field names, never values
    prev: str = Field(max_length=64)
    hash: str = Field(max_length=64)


def _digest(prev: str, at: datetime, actor: str, action: str, table: str | None, record: str | None, fields: str) -> str:
    body = canonical_json([prev, at.isoformat(), actor, action, table, record, fields])
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def head(session: Session) -> str:
    last = session.exec(select(AuditLog.hash).order_by(AuditLog.seq.desc()).limit(1)).first()
    return last or GENESIS


def head_seq(session: Session) -> int:
    """How many entries the chain has: with the head it tells a receiver whether the chain grew."""
    return session.exec(select(AuditLog.seq).order_by(AuditLog.seq.desc()).limit(1)).first() or 0


def hash_at(session: Session, seq: int) -> str:
    """The chain's hash after entry `seq` (empty when there is no such entry any more)."""
    return session.exec(select(AuditLog.hash).where(AuditLog.seq == seq)).first() or ""


def record(session: Session, actor: str, action: str, table: str | None = None, record_id: str | None = None,
           fields: Iterable[str] = (), at: datetime | None = None) -> AuditLog:
    """Append one entry in the caller's transaction (rolled back with the change it describes).
    `at`: when it happened, if earlier than now (a failed login, recorded at the next login)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action}")
    prev = head(session)
    at = at or utcnow()
    names = ",".join(fields)
    entry = AuditLog(at=at, actor=actor, action=action, table_name=table, record_id=record_id, fields=names,
                     prev=prev, hash=_digest(prev, at, actor, action, table, record_id, names))
    session.add(entry)
    session.flush()
    return entry


def record_read(session: Session, actor: str, action: str, table: str, record_id: str, how: str = "") -> None:
    """An audited read (an S3 record opened, a juvenile's record read: C33). In the writer's
    transaction it is recorded there; a read session cannot write, so it keeps the read until
    `Database.read` closes it and hands them to the writer (`write_pending`)."""
    from sfs_desktop.core.db.writer import CHANGES

    if CHANGES in session.info:
        record(session, actor, action, table, record_id, (how,) if how else ())
    else:
        session.info.setdefault(PENDING, {}).setdefault((actor, action, table, record_id, how), utcnow())


def write_pending(session: Session, pending: dict) -> None:
    """The reads a read session kept, each with the time it first happened."""
    for (actor, action, table, record_id, how), at in pending.items():
        record(session, actor, action, table, record_id, (how,) if how else (), at=at)


@dataclass(frozen=True)
class BrokenEntry:
    seq: int
    reason: str

    def __str__(self) -> str:
        return f"审计日志第 {self.seq} 条{self.reason}"


def verify(session: Session) -> BrokenEntry | None:
    """None when the whole chain is intact, else the first broken entry."""
    prev = GENESIS
    expected_seq = None
    for e in session.exec(select(AuditLog).order_by(AuditLog.seq)):
        if expected_seq is not None and e.seq != expected_seq:
            return BrokenEntry(expected_seq, "缺失（被删除）")
        if e.prev != prev:
            return BrokenEntry(e.seq, "与前一条不衔接（被删除或改动）")
        if e.hash != _digest(e.prev, e.at, e.actor, e.action, e.table_name, e.record_id, e.fields):
            return BrokenEntry(e.seq, "内容被改动")
        prev, expected_seq = e.hash, e.seq + 1
    return None


def entries(session: Session, since: datetime | None = None, actor: str | None = None, limit: int = 1000) -> list[AuditLog]:
    stmt = select(AuditLog)
    if since is not None:
        stmt = stmt.where(AuditLog.at >= since)
    if actor:
        stmt = stmt.where(AuditLog.actor == actor)
    return list(session.exec(stmt.order_by(AuditLog.seq).limit(limit)).all())


from sfs_desktop.core.security import changes as _changes  # noqa: E402,F401 - creates, edits and deletes reach the chain

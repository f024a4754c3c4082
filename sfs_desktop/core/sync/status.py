"""Per-peer sync status: what the county's station page and the 数据同步 page show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from sfs_desktop.core.db.synced import synced_tables, table_title
from sfs_desktop.core.sync.models import SyncBundleLog, SyncConflict, SyncPeer

DIGEST_LABELS = {"unknown": "尚未核对", "ok": "一致", "mismatch": "不一致（已安排修复）"}


@dataclass(frozen=True)
class PeerStatus:
    node_id: str
    name: str
    role: str
    revoked: bool
    enrolled: bool
    last_in_at: datetime | None
    last_out_at: datetime | None
    last_ack_at: datetime | None
    have: dict
    acked: dict
    waiting: int  # our counters the peer has not acknowledged yet
    open_conflicts: int
    records: int  # rows this node holds in the peer's partition
    digest_state: str
    audit_head: str | None = None
    audit_seq: int = 0
    audit_alarm: str | None = None
    digest_diff: dict = field(default_factory=dict)  # {table: [rows the peer holds, rows here]}

    @property
    def digest_label(self) -> str:
        label = DIGEST_LABELS.get(self.digest_state, self.digest_state)
        if self.digest_state == "mismatch" and self.digest_diff:
            holder = "本局" if self.role == "station" else "本所"
            label += "：" + "；".join(f"{table_title(t)}（{t}）对方 {a} 条、{holder} {b} 条"
                                     for t, (a, b) in self.digest_diff.items())
        return label

    @property
    def audit_label(self) -> str:
        """The station's audit chain as last received: its length and head, or the alarm."""
        if self.audit_alarm:
            return self.audit_alarm
        return f"{self.audit_seq} 条（{self.audit_head[:8]}）" if self.audit_head else "尚未收到"


def peers(session: Session) -> list[PeerStatus]:
    from sfs_desktop.core.sync.identity import local_node

    me = local_node(session)
    conflicts = dict(session.exec(select(SyncConflict.row_id, SyncConflict.id)
                                  .where(SyncConflict.status == "open")).all())
    out = []
    for p in session.exec(select(SyncPeer).order_by(SyncPeer.role, SyncPeer.node_id)).all():
        my_ek = f"{me.node_id}.{me.epoch}"
        waiting = max(me.counter - int((p.acked or {}).get(my_ek, 0)), 0)
        records = 0
        n_conf = 0
        for model in synced_tables().values():
            t = model.__table__
            records += session.exec(select(func.count()).select_from(t).where(t.c.owner == p.node_id)).one()
            if conflicts:
                n_conf += session.exec(select(func.count()).select_from(t).where(
                    t.c.owner == p.node_id, t.c.id.in_(list(conflicts)))).one()
        out.append(PeerStatus(p.node_id, p.name, p.role, p.revoked_at is not None, p.enrolled_at is not None,
                              p.last_in_at, p.last_out_at, p.last_ack_at, dict(p.have or {}), dict(p.acked or {}),
                              waiting, n_conf, records, p.digest_state, p.audit_head, p.audit_seq, p.audit_alarm,
                              dict(p.digest_diff or {})))
    return out


def history(session: Session, limit: int = 200) -> list[SyncBundleLog]:
    return list(session.exec(select(SyncBundleLog).order_by(SyncBundleLog.at.desc()).limit(limit)).all())


def records_by_station(session: Session) -> dict[str, dict[str, int]]:
    """The county-wide view: live records of every synced table, by the station that owns them
    (a duty's statistics by station build on the same owner column)."""
    out: dict[str, dict[str, int]] = {}
    for name, model in synced_tables().items():
        t = model.__table__
        q = select(t.c.owner, func.count()).where(t.c.deleted == False).group_by(t.c.owner)  # noqa: E712
        for owner, n in session.exec(q).all():
            out.setdefault(owner, {})[name] = n
    return out


def outbox_summary(session: Session) -> tuple[int, datetime | None]:
    """(changes waiting to be sent, when a bundle last went or came): the status bar's figures."""
    from sfs_desktop.core.db.synced import SyncOutbox

    pending = session.scalar(select(func.count()).select_from(SyncOutbox)) or 0
    return pending, session.scalar(select(func.max(SyncBundleLog.at)))

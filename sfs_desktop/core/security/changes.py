"""Every create, edit and delete of a record reaches the audit chain: table, record, the names of
the fields set or changed — never their values (S2/S3 values stay out of the log).

A `before_flush` listener, so no duty can forget it: it runs after the sync layer's (which turns
deletes into tombstones), sees the ORM's pending rows and appends one entry per row. Bulk paths
(`insert_synced` for demo data and the baseline, the importer's merge) are audited as what they
are (demo, import), not row by row. Entries added in one flush are chained in the order they will
be inserted, after whatever the chain held before.
"""

from __future__ import annotations

from sqlalchemy import event, inspect, select
from sqlmodel import Session

from sfs_desktop.core.db import synced
from sfs_desktop.core.fields import specs
from sfs_desktop.core.security.audit import GENESIS, AuditLog, _digest

MAX_FIELDS = 500  # characters of field names an entry holds


def _names(fields: list[str]) -> str:
    text = ",".join(fields)
    return text if len(text) <= MAX_FIELDS else text[:MAX_FIELDS - 1] + "…"


def _declared(obj) -> list[str]:
    try:
        return [s.name for s in specs(type(obj))]
    except Exception:  # noqa: BLE001 - a table without declarations: audit the row only
        return []


def _changes(session: Session) -> list[tuple[str, object, list[str]]]:
    out = []
    for obj in session.new:
        if isinstance(obj, synced.SyncedModel):
            out.append(("create", obj, [n for n in _declared(obj) if getattr(obj, n, None) not in (None, "", [])]))
    for obj in session.dirty:
        if not isinstance(obj, synced.SyncedModel) or not session.is_modified(obj):
            continue
        state = inspect(obj)
        deleted = state.attrs.deleted.history
        if obj.deleted and deleted.has_changes() and not (deleted.deleted and deleted.deleted[0]):
            out.append(("delete", obj, []))
            continue
        touched = state.committed_state  # only an attribute set in this session can have changed
        changed = [n for n in _declared(obj) if n in touched and state.attrs[n].history.has_changes()]
        if changed:
            out.append(("edit", obj, changed))
    return out


def _rechain(session: Session) -> None:
    """Chain every entry pending in this flush, in insert order, after the stored head."""
    pending = sorted((o for o in session.new if isinstance(o, AuditLog)), key=lambda o: inspect(o).insert_order)
    if not pending:
        return
    prev = session.connection().execute(
        select(AuditLog.__table__.c.hash).order_by(AuditLog.__table__.c.seq.desc()).limit(1)).scalar() or GENESIS
    for entry in pending:
        entry.prev = prev
        entry.hash = _digest(prev, entry.at, entry.actor, entry.action, entry.table_name, entry.record_id, entry.fields)
        prev = entry.hash


@event.listens_for(Session, "before_flush")
def _audit_changes(session: Session, _ctx, _instances) -> None:
    if synced._baseline.get():
        return
    changes = _changes(session)
    if changes:
        actor, at = synced.current_actor(), synced.utcnow()
        for action, obj, fields in changes:
            session.add(AuditLog(at=at, actor=actor, action=action, table_name=obj.__tablename__,
                                 record_id=obj.id, fields=_names(fields), prev="", hash=""))
    _rechain(session)

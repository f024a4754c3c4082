"""Sync bookkeeping tables (local to each node, never synced themselves)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import JSON, Field, SQLModel

from sfs_desktop.core.db.synced import utcnow


class SyncIdentity(SQLModel, table=True):
    """This node's private keys; they live only inside the encrypted database."""

    __tablename__ = "sync_identity"
    id: int = Field(default=1, primary_key=True)
    node_id: str = Field(max_length=32)
    sign_seed: bytes
    box_secret: bytes
    county_secret: bytes | None = None  # HMAC key for person_key; from the county at enrollment
    roster: dict = Field(default_factory=dict, sa_type=JSON)  # newest signed roster known here
    export_seq: int = 0
    tls_cert: bytes | None = None  # county: the relay's self-signed certificate (PEM)
    tls_key: bytes | None = None  # county: its private key (PKCS#8 PEM, only ever in this encrypted database)


class SyncPeer(SQLModel, table=True):
    """A node this one exchanges bundles with: its public keys and the state of the exchange."""

    __tablename__ = "sync_peer"
    node_id: str = Field(primary_key=True, max_length=32)
    role: str = Field(max_length=16)
    name: str = Field(default="", max_length=64)
    sign_pk: bytes
    box_pk: bytes
    revoked_at: datetime | None = None
    enrolled_at: datetime | None = None
    have: dict = Field(default_factory=dict, sa_type=JSON)  # {node.epoch: highest contiguous ctr received}
    acked: dict = Field(default_factory=dict, sa_type=JSON)  # {my node.epoch: ctr the peer acknowledged}
    ack_seq: list = Field(default_factory=list, sa_type=JSON)  # [epoch, export_seq] of the last ack taken
    ack_due: bool = False
    repair_due: bool = False  # send the full partition next time
    repair_asked: bool = False  # ask the peer for its full view next time
    digest_state: str = Field(default="unknown", max_length=16)  # unknown | ok | mismatch
    last_in_id: str | None = Field(default=None, max_length=36)
    last_in_at: datetime | None = None
    last_out_id: str | None = Field(default=None, max_length=36)
    last_out_at: datetime | None = None
    last_ack_at: datetime | None = None
    audit_head: str | None = Field(default=None, max_length=64)  # the peer's audit chain head, newest received
    audit_seq: int = 0  # its length then
    audit_at: datetime | None = None  # when the bundle carrying it was written
    audit_alarm: str | None = Field(default=None, max_length=128)  # the chain went back: say so until seen
    digest_diff: dict = Field(default_factory=dict, sa_type=JSON)  # {table: [peer's count, ours]} at the last mismatch
    tls_sha256: str | None = Field(default=None, max_length=64)  # station: the county relay's pinned certificate
    capabilities: list = Field(default_factory=list, sa_type=JSON)  # what the peer's program can read (§4.9)
    relay_url: str | None = Field(default=None, max_length=200)  # station: where the county relay answers (local)
    sync_every: int = 0  # station: minutes between automatic network syncs in the GUI, 0 = off (local)
    net_last: dict = Field(default_factory=dict, sa_type=JSON)  # station: the last network exchange's outcome (local)


class SyncBundleLog(SQLModel, table=True):
    """Every bundle written or imported here, for the history view and idempotency."""

    __tablename__ = "sync_bundle_log"
    bundle_id: str = Field(primary_key=True, max_length=36)
    direction: str = Field(max_length=4)  # in | out
    kind: str = Field(max_length=16)
    peer: str = Field(max_length=32, index=True)
    sha256: str = Field(default="", max_length=64)
    covers: dict = Field(default_factory=dict, sa_type=JSON)
    counts: dict = Field(default_factory=dict, sa_type=JSON)
    at: datetime = Field(default_factory=utcnow)
    audit_seq: int | None = None  # out: the length of our audit chain the bundle's header stated


class SyncAuditMark(SQLModel, table=True):
    """County: a station's audit chain hash at a length it once stated. Later bundles restate
    the hash at these lengths; a different one means the chain was rewritten before that point."""

    __tablename__ = "sync_audit_mark"
    peer: str = Field(primary_key=True, max_length=32)
    seq: int = Field(primary_key=True)
    hash: str = Field(max_length=64)
    bundle_id: str = Field(max_length=36)
    at: datetime = Field(default_factory=utcnow)


class SyncReceived(SQLModel, table=True):
    """When a county-owned reference row (parameter, code, holiday …) last arrived here, and in
    which bundle: what a station shows as 收到时间. Written by the importer, never synced."""

    __tablename__ = "sync_received"
    table_name: str = Field(primary_key=True, max_length=64)
    row_id: str = Field(primary_key=True, max_length=36)
    bundle_id: str = Field(max_length=36)
    at: datetime = Field(default_factory=utcnow)


class SyncConflict(SQLModel, table=True):
    """Two concurrent versions of one row that changed the same field (or update vs delete).

    The id is derived from the row and both versions, so every node that meets the same pair
    holds the same conflict; it is open while the row's version vector is exactly the join of
    the two (a later write dominating both resolves it everywhere).
    """

    __tablename__ = "sync_conflict"
    id: str = Field(primary_key=True, max_length=36)
    table_name: str = Field(max_length=64)
    row_id: str = Field(max_length=36, index=True)
    fields: list = Field(default_factory=list, sa_type=JSON)
    version_a: dict = Field(default_factory=dict, sa_type=JSON)  # {"vv", "data", "node"}
    version_b: dict = Field(default_factory=dict, sa_type=JSON)
    chosen: str = Field(default="a", max_length=1)  # which version is shown provisionally (the owner's)
    status: str = Field(default="open", max_length=16, index=True)  # open | resolved
    created_at: datetime = Field(default_factory=utcnow)
    resolved_at: datetime | None = None
    resolved_by: str | None = Field(default=None, max_length=64)


class SyncDuplicate(SQLModel, table=True):
    """Two person records with the same person_key: a person decides whether to merge."""

    __tablename__ = "sync_duplicate"
    id: int | None = Field(default=None, primary_key=True)
    person_a: str = Field(max_length=36)
    person_b: str = Field(max_length=36)
    status: str = Field(default="open", max_length=16)
    found_at: datetime = Field(default_factory=utcnow)



def _create_keys_at_init(session, _request) -> None:
    """Init hook: every node has its keys from the start (sync-design.md §4.5)."""
    from sfs_desktop.core.sync.identity import ensure_identity

    ensure_identity(session)


def _register_init_hook() -> None:
    from sfs_desktop.core import setup

    if _create_keys_at_init not in setup.INIT_HOOKS:
        setup.INIT_HOOKS.append(_create_keys_at_init)


_register_init_hook()

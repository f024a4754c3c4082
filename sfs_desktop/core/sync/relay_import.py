"""The database holder's half of the relay: import what stations uploaded, answer each upload
with a county-signed receipt, leave the county's reply bundles for the stations to download, and
publish the roster the relay authenticates with (the decision is in `relay_dir`'s docstring).

The relay calls `pickup` whenever it can take the database for a moment (`Holder`); the county's
GUI calls the same function while it holds the database, so uploads never wait for the GUI to
close. Importing goes through `importer.import_files`, exactly as for a USB stick.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

from sfs_desktop.core.db.database import Database
from sfs_desktop.core.db.lock import LockBusy
from sfs_desktop.core.db.synced import acting_as, utcnow
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security import accounts
from sfs_desktop.core.security.access import Principal, require
from sfs_desktop.core.sync import exporter, identity, importer, relay_tls
from sfs_desktop.core.sync.relay_dir import RelayDir, sign_receipt
from sfs_desktop.paths import DataPaths

log = logging.getLogger("sfs_desktop.relay")
T = TypeVar("T")


@dataclass
class Pickup:
    """What one pickup did (the GUI shows it; the relay logs it)."""

    imported: int = 0
    rejected: int = 0
    replies: dict[str, list[str]] = field(default_factory=dict)


def publish_roster(db: Database, relay: RelayDir) -> None:
    with db.read() as s:
        identity.require_county(s)
        ident = identity.ensure_identity(s)
        keys = identity.node_keys(ident)
        roster = dict(ident.roster or {})
    relay.publish_roster(keys.sign_pk, roster)


def publish_tls(db: Database, relay: RelayDir, dek: bytes) -> tuple[Path, Path, str]:
    """The relay's certificate and encrypted key as files for the HTTPS server (made on first
    use), and the key's password."""
    db.write(relay_tls.ensure)
    with db.read() as s:
        return relay_tls.write_files(s, relay.tls, dek)


def pickup(db: Database, principal: Principal, relay: RelayDir, asking: Iterable[str] = ()) -> Pickup:
    """Import every completed upload, sign a receipt for each, and export the county's reply to
    each station that sent one (and to each station in `asking` whose outbox is empty)."""
    require(principal, "import")
    publish_roster(db, relay)
    waiting = relay.waiting()
    out = Pickup()
    results: list[importer.ImportResult] = []
    if waiting:
        with acting_as(principal.username):
            results = importer.settled(db, importer.import_files(db, [p for p, _ in waiting], principal=principal))
    stations = {node for _p, node in waiting if node}
    stations.update(n for n in asking if not relay.replies(n))
    for node in sorted(stations):
        out.replies[node] = _reply(db, principal, relay, node)
    with db.read() as s:
        keys = identity.node_keys(identity.ensure_identity(s))
    for (path, node), r in zip(waiting, results):
        body: dict[str, Any] = {"bundle_id": r.bundle_id or path.stem, "station": node, "status": r.status,
                                "message": r.message, "counts": dict(r.counts), "replies": out.replies.get(node, []),
                                "at": utcnow().isoformat(timespec="seconds")}
        relay.put_receipt(sign_receipt(keys, body))
        relay.drop_inbox(path)  # after the receipt: a crash in between imports it again as "already"
        out.rejected += r.status == "rejected"
        out.imported += r.status != "rejected"
        log.info("relay import: bundle %s from %s: %s", body["bundle_id"], node, r.status)
    return out


def pickup_here(db: Database, principal: Principal) -> Pickup | None:
    """The county GUI's pickup while it holds the database (None where no relay has ever run)."""
    if not db.paths.relay.is_dir():
        return None
    return pickup(db, principal, RelayDir(db.paths.relay))


def _reply(db: Database, principal: Principal, relay: RelayDir, node: str) -> list[str]:
    """The county's cumulative bundles for `node` (its ack of what came in, and any data)."""
    try:
        with acting_as(principal.username):
            results = exporter.export(db, relay.station_outbox(node), principal=principal, recipient=node)
    except UserError as exc:  # a revoked or unknown station gets no reply
        log.info("relay reply to %s not written: %s", node, type(exc).__name__)
        return []
    return [f.stem for r in results for f in r.files]


class Holder:
    """The relay's access to the county database: opened for one batch of work, then closed so
    the county can open its GUI; while another process holds it, `run` returns None."""

    def __init__(self, paths: DataPaths, dek: bytes, username: str):
        self.paths, self._dek, self.username = paths, dek, username
        self._lock = threading.Lock()

    def run(self, fn: Callable[[Database, Principal], T]) -> T | None:
        with self._lock:
            try:
                db = Database(self.paths, self._dek)
            except LockBusy:
                return None
            try:
                with db.read() as s:
                    identity.require_county(s)
                    account = accounts.get(s, self.username)
                    if account is None or account.disabled:
                        raise UserError("运行中继的账户已停用")
                    principal = account.principal()
                return fn(db, principal)
            finally:
                db.close()

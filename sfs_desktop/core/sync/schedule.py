"""The station's optional network-sync schedule and the outcome of its last network exchange.

Both are local settings in the station's row for the county (never sent). The GUI's timer asks
`every`; the button, the timer and the `sync` command all go through `run`, so the page shows the
last outcome however the exchange was started.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sfs_desktop.core.db.database import Database
from sfs_desktop.core.db.synced import COUNTY_NODE
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security.access import Principal, require
from sfs_desktop.core.sync import identity, transport

CHOICES = (0, 15, 30, 60, 120)  # minutes; 0 = no automatic sync


def _county(s):
    county = identity.peer(s, COUNTY_NODE)
    if county is None or identity.local_node(s).role != "station":
        raise UserError("本所尚未登记到县司法局：请先导入县司法局发来的登记包")
    return county


def every(s) -> int:
    """Minutes between automatic syncs (0: off, also where there is no county to sync with)."""
    county = identity.peer(s, COUNTY_NODE)
    return county.sync_every if county is not None and county.sync_every in CHOICES else 0


def set_every(db: Database, principal: Principal, minutes: int) -> None:
    require(principal, "export")
    require(principal, "import")
    if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes not in CHOICES:
        raise UserError(f"自动同步间隔只能是 {'、'.join(str(m) for m in CHOICES if m)} 分钟或关闭，收到 {minutes}")

    def store(s) -> None:
        county = _county(s)
        county.sync_every = minutes
        s.add(county)
    db.write(store)


def last(s) -> dict[str, Any]:
    """{"at": ISO time, "sent", "received", "conflicts", "failed": why or ""}; {} before the first run."""
    county = identity.peer(s, COUNTY_NODE)
    return dict(county.net_last or {}) if county is not None else {}


def _record(db: Database, outcome: dict[str, Any]) -> None:
    def store(s) -> None:
        county = identity.peer(s, COUNTY_NODE)
        if county is not None:
            county.net_last = {"at": datetime.now(timezone.utc).isoformat(timespec="seconds"), **outcome}
            s.add(county)
    db.write(store)


def run(db: Database, url: str | None, *, principal: Principal, **kwargs) -> transport.SyncSummary:
    """`transport.sync`, with its outcome (or why it failed) kept for the page."""
    try:
        summary = transport.sync(db, url, principal=principal, **kwargs)
    except UserError as exc:
        _record(db, {"sent": 0, "received": 0, "conflicts": 0, "failed": str(exc)})
        raise
    _record(db, {"sent": len(summary.sent), "received": len(summary.received), "conflicts": summary.conflicts,
                 "failed": ""})
    return summary


def describe_last(outcome: dict[str, Any]) -> str:
    """The last outcome in one plain line ("" before the first run)."""
    if not outcome:
        return ""
    at = datetime.fromisoformat(outcome["at"]).astimezone().strftime("%m-%d %H:%M")
    if outcome.get("failed"):
        return f"上次网络同步（{at}）未完成：{outcome['failed']}"
    text = f"上次网络同步（{at}）：发送 {outcome['sent']} 个，接收 {outcome['received']} 个同步包"
    return text + (f"，冲突待处理 {outcome['conflicts']} 条" if outcome.get("conflicts") else "")

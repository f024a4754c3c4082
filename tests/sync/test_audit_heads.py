"""The county keeps each station's audit chain head; it never moves back, and a shrunk chain is flagged."""

from datetime import datetime, timedelta

from sqlalchemy import text

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.people import registry
from sfs_desktop.core.security import audit
from sfs_desktop.core.sync import identity
from sfs_desktop.core.sync.importer import _keep_audit_head
from sfs_desktop.core.sync.models import SyncPeer
from tests.sync.conftest import exchange, set_acked


def _peer(county, code):
    with county.db.read() as s:
        return identity.peer(s, code)


def test_county_stores_the_head_each_bundle_carries(county, station):
    station.db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "审计甲"}))
    with station.db.read() as s:
        head, seq = audit.head(s), audit.head_seq(s)
    [res] = exchange(station, county)
    assert res.status == "imported"
    p = _peer(county, station.node_id)
    assert (p.audit_head, p.audit_seq, p.audit_alarm) == (head, seq, None) and seq > 0


def test_a_station_whose_audit_log_was_emptied_is_flagged(county, station):
    station.db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "审计乙"}))
    exchange(station, county)
    before = _peer(county, station.node_id).audit_seq
    with station.db.engine.begin() as c:  # someone wipes the station's audit log
        c.execute(text("DELETE FROM audit_log"))
    station.db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "审计丙"}))
    exchange(station, county)
    p = _peer(county, station.node_id)
    assert p.audit_seq < before and p.audit_alarm.startswith("审计链回退")


def test_an_older_bundle_arriving_late_does_not_move_the_head_back(county):
    peer = SyncPeer(node_id="430922101", role="station", sign_pk=b"", box_pk=b"")
    now = datetime(2024, 5, 1, 10, 0)
    with county.db.read() as s:
        _the_checks(s, peer, now)


def _the_checks(s, peer, now):
    _keep_audit_head(s, peer, {"audit_head": "b" * 64, "audit_seq": 20, "created_at": now.isoformat()})
    _keep_audit_head(s, peer, {"audit_head": "a" * 64, "audit_seq": 12,
                            "created_at": (now - timedelta(hours=1)).isoformat() + "+00:00"})
    assert (peer.audit_head, peer.audit_seq, peer.audit_alarm) == ("b" * 64, 20, None)
    _keep_audit_head(s, peer, {"audit_head": "c" * 64, "audit_seq": 25, "created_at": (now + timedelta(hours=1)).isoformat()})
    assert (peer.audit_head, peer.audit_seq, peer.audit_alarm) == ("c" * 64, 25, None)
    _keep_audit_head(s, peer, {"audit_head": "d" * 64})  # a bundle from before heads were dated: ignored
    assert peer.audit_head == "c" * 64


def test_a_stick_found_late_does_not_move_the_head_back(county, station):
    """The older bundle is still imported (its rows are already here), but the head stays the newer one."""
    station.db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "审计丁"}))
    older = station.export()
    station.db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "审计戊"}))
    with station.db.read() as s:
        newest, newest_seq = audit.head(s), audit.head_seq(s)
    set_acked(station, "county", 0)  # nothing acknowledged yet: the new bundle covers everything
    newer = station.export()
    assert [r.status for r in county.import_(newer)] == ["imported"]
    assert [r.status for r in county.import_(older)] == ["imported"]
    p = _peer(county, station.node_id)
    assert (p.audit_head, p.audit_seq, p.audit_alarm) == (newest, newest_seq, None)

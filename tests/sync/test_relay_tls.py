"""The relay over HTTPS with the county's own certificate, pinned by each station (issue 19):
a real uvicorn server on loopback in a thread, the station client with no test double."""

from __future__ import annotations

import os
import time

import pytest

from sfs_desktop.core.db.synced import COUNTY_NODE
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.sync import identity, relay_auth, relay_tls, transport
from tests.https_relay import HttpsRelay
from tests.sync.conftest import add_people, exchange

@pytest.fixture
def relay(county, station, tmp_path):
    r = HttpsRelay(county, tmp_path)
    yield r
    r.stop()


def _pin(node) -> str | None:
    with node.db.read() as s:
        return identity.peer(s, COUNTY_NODE).tls_sha256


def _set_pin(node, pin: str | None) -> None:
    def change(s):
        county = identity.peer(s, COUNTY_NODE)
        county.tls_sha256 = pin
        s.add(county)
    node.db.write(change)


def test_the_station_pins_the_certificate_from_enrollment(county, station, relay):
    cert, key, _password = relay.tls
    assert _pin(station) == relay_tls.fingerprint(cert.read_bytes())
    assert key.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    if os.name == "posix":
        assert key.stat().st_mode & 0o077 == 0
    with county.db.read() as s:  # the key itself lives in the encrypted database only
        assert identity.ensure_identity(s).tls_key.startswith(b"-----BEGIN PRIVATE KEY-----")
    assert county.sql("SELECT count(*) FROM audit_log WHERE action = 'relay_tls'")[0][0] == 1  # made once, audited


def test_the_right_certificate_syncs(county, station, relay):
    add_people(station, 12)
    s = transport.sync(station.db, relay.url, principal=SYSTEM)
    assert len(s.sent) == 1 and s.received
    assert county.digest(station.node_id) == station.digest(station.node_id)


def test_a_wrong_certificate_stops_the_client_before_it_sends_anything(county, station, relay):
    add_people(station, 3)
    _set_pin(station, "ab" * 32)
    with pytest.raises(transport.Refused) as exc:
        transport.sync(station.db, relay.url, principal=SYSTEM, attempts=5)
    assert "证书" in str(exc.value) and "不符" in str(exc.value) and "冒充" in str(exc.value)
    assert relay.dir.nonces_file.read_text() == ""  # not one signed request reached the relay
    assert county.sql("SELECT count(*) FROM person")[0][0] == 0


def test_a_station_without_a_pin_is_told_what_to_do_and_a_roster_brings_a_new_one(county, station, relay, tmp_path):
    _set_pin(station, None)
    with pytest.raises(UserError) as exc:
        transport.sync(station.db, relay.url, principal=SYSTEM)
    assert "U盘" in str(exc.value) and "登记包" in str(exc.value)
    # the county replaces its certificate: a newer signed roster carries the new pin, here by USB
    def renew(s):
        ident = identity.ensure_identity(s)
        ident.tls_cert = ident.tls_key = None
        s.add(ident)
        return relay_tls.ensure(s)
    new_pin = county.db.write(renew)
    exchange(county, station)
    assert _pin(station) == new_pin
    with pytest.raises(transport.Refused):  # the running relay still has the old certificate
        transport.sync(station.db, relay.url, principal=SYSTEM, attempts=2)
    relay.stop()
    renewed = HttpsRelay(county, tmp_path / "again")
    try:
        assert transport.sync(station.db, renewed.url, principal=SYSTEM).received
    finally:
        renewed.stop()


def test_capabilities_travel_in_the_roster(county, station, station2):
    with county.db.read() as s:
        roster = identity.ensure_identity(s).roster
        assert identity.lacking(s, "relay/1") == []
    assert {st["node"]: st["capabilities"] for st in roster["stations"]} == {
        station.node_id: list(identity.CAPABILITIES), station2.node_id: list(identity.CAPABILITIES)}
    with station.db.read() as s:  # and the station knows what the county's program can do
        assert identity.peer(s, COUNTY_NODE).capabilities == list(identity.CAPABILITIES)
    # a station registered from an old key card (no capabilities), later upgraded: its next
    # bundle says what it can do now, and the county lists it in a new roster
    def forget(s):
        p = identity.peer(s, station.node_id)
        p.capabilities = []
        s.add(p)
    county.db.write(forget)
    with county.db.read() as s:
        assert identity.lacking(s, "relay/1") == [station.node_id]
        version = identity.ensure_identity(s).roster["version"]
    add_people(station, 1)
    exchange(station, county)
    with county.db.read() as s:
        assert identity.lacking(s, "relay/1") == []
        assert identity.ensure_identity(s).roster["version"] == version + 1


def test_seen_nonces_survive_a_restart(tmp_path, county, station):
    keys = {station.node_id: identity.node_keys(_ident(station)).sign_pk}
    store = tmp_path / "nonces.log"
    clock = [1_700_000_000.0]
    first = relay_auth.Verifier(lambda: keys, seen=store, clock=lambda: clock[0])
    signed = relay_auth.sign(identity.node_keys(_ident(station)), station.node_id, "GET", "/v1/outbox", now=clock[0])
    assert first.check("GET", "/v1/outbox", signed)[0] == station.node_id
    first.close()  # the relay stops, or crashes, and starts again
    again = relay_auth.Verifier(lambda: keys, seen=store, clock=lambda: clock[0] + 60)
    with pytest.raises(relay_auth.UploadError) as exc:
        again.check("GET", "/v1/outbox", signed)
    assert exc.value.status == 401 and "重放" in str(exc.value)
    again.close()
    clock[0] += 3 * relay_auth.WINDOW_SECONDS  # long after the window: the nonce is forgotten …
    later = relay_auth.Verifier(lambda: keys, seen=store, clock=lambda: clock[0])
    assert store.read_text() == ""
    with pytest.raises(relay_auth.UploadError) as exc:  # … and the request is refused as stale instead
        later.check("GET", "/v1/outbox", signed)
    assert "时间" in str(exc.value)
    later.close()


def test_a_torn_nonce_file_still_loads(tmp_path, station):
    store = tmp_path / "nonces.log"
    now = time.time()
    store.write_text(f"{station.node_id} {'a' * 32} {int(now)}\n{station.node_id} {'b' * 20}")  # cut mid-line
    v = relay_auth.Verifier(lambda: {}, seen=store)
    assert store.read_text() == f"{station.node_id} {'a' * 32} {int(now)}\n"
    v.close()


def _ident(node):
    with node.db.read() as s:
        return identity.ensure_identity(s)

"""The county relay and the station client in one process (issue 19): each protocol step and
each refusal, through Starlette's TestClient (an httpx client driving the ASGI app)."""

from __future__ import annotations

import hashlib
import json
import os
import time

import pytest
from starlette.testclient import TestClient

from sfs_desktop.core.db.synced import COUNTY_NODE
from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.sync import crypto, exporter, identity, relay_auth, relay_import, transport
from sfs_desktop.core.sync.relay import Relay, create_app
from sfs_desktop.core.sync.relay_dir import STALE_UPLOAD_SECONDS, RelayDir, receipt_valid
from tests.sync.conftest import add_people

URL = "https://relay"
pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")


class Net:
    def __init__(self, county, station, root, *, importing=True, max_bundle=64 << 20, max_chunk=64 << 10):
        self.county, self.station = county, station
        self.dir = RelayDir(root / "relay")
        relay_import.publish_roster(county.db, self.dir)
        process = (lambda asking: relay_import.pickup(county.db, SYSTEM, self.dir, asking)) if importing else None
        self.state = Relay(self.dir, relay_auth.Verifier(self.dir.station_keys), process,
                           max_bundle=max_bundle, max_chunk=max_chunk)
        self.http = TestClient(create_app(self.state), base_url=URL)
        self.keys, self.county_pk = node_keys(station)

    def client(self, node=None, keys=None) -> transport.Client:
        return transport.Client(URL, node or self.station.node_id, keys or self.keys, http=self.http, max_wait=0.01)

    def raw(self, method, path, content=b"", headers=None, *, node=None, keys=None, now=None, digest=None):
        signed = relay_auth.sign(keys or self.keys, node or self.station.node_id, method, path,
                                 digest or hashlib.sha256(content).hexdigest(), now=now)
        return self.http.request(method, path, content=content, headers={**(headers or {}), **signed})

    def create(self, path, **kw):
        body = json.dumps({"bundle_id": path.stem, "length": path.stat().st_size,
                           "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}).encode()
        return self.raw("POST", "/v1/uploads", body, {"Content-Type": "application/json"}, **kw)

    def patch(self, path, offset, data, **kw):
        return self.raw("PATCH", f"/v1/uploads/{path.stem}", data,
                        {"Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream"}, **kw)

    def staged_files(self) -> list[str]:
        return sorted(p.name for d in (self.dir.uploads, self.dir.inbox) for p in d.iterdir())


def node_keys(node):
    with node.db.read() as s:
        return identity.node_keys(identity.ensure_identity(s)), identity.peer(s, COUNTY_NODE).sign_pk


@pytest.fixture
def net(county, station, tmp_path):
    n = Net(county, station, tmp_path)
    yield n
    n.http.close()


def sync(net, **kw):
    return transport.sync(net.station.db, URL, principal=SYSTEM, client=net.client(), **kw)


def test_sync_sends_receives_and_becomes_quiet(net, county, station):
    add_people(station, 40)
    first = sync(net, chunk=4096)
    assert len(first.sent) == 1 and not first.staged
    assert first.received, "the county's reply (its ack) comes back in the same run"
    for _ in range(3):
        s = sync(net)
        if not s.sent and not s.received:
            break
    else:
        raise AssertionError("the exchange never became quiet")
    assert county.digest(station.node_id) == station.digest(station.node_id)
    assert county.sql("SELECT count(*) FROM person")[0][0] == 40
    assert net.staged_files() == [] and list(net.dir.station_outbox(station.node_id).iterdir()) == []
    assert not list(transport.outgoing_dir(station.db).iterdir())


def test_upload_resumes_from_the_servers_offset(net, county, station):
    add_people(station, 300)
    [path] = station.export()
    size = path.stat().st_size
    assert net.create(path).status_code == 201
    head = path.read_bytes()[:size // 2]
    r = net.patch(path, 0, head)
    assert r.status_code == 204 and r.headers["Upload-Offset"] == str(len(head))
    assert net.raw("HEAD", f"/v1/uploads/{path.stem}").headers["Upload-Offset"] == str(len(head))
    summary = transport.SyncSummary()
    receipt = transport.upload(net.client(), path, net.county_pk, summary, chunk=4096)
    assert summary.bytes_sent == size - len(head)  # the rest only: resumed, not restarted
    assert receipt["status"] == "imported" and receipt_valid(receipt, net.county_pk)
    assert county.sql("SELECT count(*) FROM person")[0][0] == 300


def test_lost_response_after_commit_gives_one_import_and_the_same_receipt(net, county, station):
    add_people(station, 10)
    [path] = station.export()
    net.create(path)
    lost = net.patch(path, 0, path.read_bytes())  # the county imports; the station never hears
    assert lost.status_code == 200
    receipt = transport.upload(net.client(), path, net.county_pk, transport.SyncSummary())
    assert receipt == lost.json()["receipt"]
    assert net.raw("GET", f"/v1/acks/{path.stem}").json()["receipt"] == receipt
    assert county.sql("SELECT count(*) FROM sync_bundle_log WHERE bundle_id = :b", b=path.stem)[0][0] == 1


def test_a_wrong_chunk_checksum_is_cut_back(net, station):
    add_people(station, 10)
    [path] = station.export()
    net.create(path)
    data = path.read_bytes()[:1000]
    r = net.patch(path, 0, data, digest=hashlib.sha256(b"other").hexdigest())
    assert r.status_code == 460 and "校验失败" in r.json()["error"]
    assert net.raw("HEAD", f"/v1/uploads/{path.stem}").headers["Upload-Offset"] == "0"
    assert net.patch(path, 5, data).status_code == 409  # not where the server stands


def test_refusals_change_nothing(net, county, station, tmp_path):
    add_people(station, 10)
    [path] = station.export()
    before = county.digest()
    body = path.read_bytes()
    assert net.http.post("/v1/uploads", content=b"{}").status_code == 401  # unsigned
    other = crypto.NodeKeys.generate()
    assert net.create(path, keys=other).status_code == 401  # signed by a key not the station's
    assert net.create(path, node="430922199").status_code == 403  # not in the roster
    assert net.create(path, now=time.time() - 3600).status_code == 401  # stale
    signed = relay_auth.sign(net.keys, station.node_id, "GET", "/v1/outbox")
    assert net.http.get("/v1/outbox", headers=signed).status_code == 200
    replay = net.http.get("/v1/outbox", headers=signed)
    assert replay.status_code == 401 and "重放" in replay.json()["error"]
    tampered = relay_auth.sign(net.keys, station.node_id, "GET", "/v1/outbox")
    assert net.http.get("/v1/acks/" + path.stem, headers=tampered).status_code == 401  # another path
    assert net.staged_files() == []
    assert county.digest() == before
    assert body == path.read_bytes()


def test_body_limits(county, station, tmp_path):
    net = Net(county, station, tmp_path, max_bundle=2048, max_chunk=1024)
    add_people(station, 50)
    [path] = station.export()
    r = net.create(path)
    assert r.status_code == 413 and "太大" in r.json()["error"]
    small = Net(county, station, tmp_path / "b", max_chunk=1024)
    small.create(path)
    r = small.patch(path, 0, path.read_bytes()[:4096])
    assert r.status_code == 413
    assert small.raw("HEAD", f"/v1/uploads/{path.stem}").headers["Upload-Offset"] == "0"


def test_an_upload_under_another_stations_name_is_refused(net, county, station, station2):
    add_people(station, 5)
    [path] = station.export()
    keys2, _ = node_keys(station2)
    net.dir.publish_roster(*_county_roster(county))  # station2 enrolled after the fixture published
    assert net.create(path, node=station2.node_id, keys=keys2).status_code == 201
    r = net.patch(path, 0, path.read_bytes(), node=station2.node_id, keys=keys2)
    assert r.status_code == 403 and "发送方" in r.json()["error"]
    assert net.staged_files() == []
    assert county.sql("SELECT count(*) FROM person")[0][0] == 0
    # and one station cannot see or continue another's upload
    net.create(path)
    assert net.raw("HEAD", f"/v1/uploads/{path.stem}", node=station2.node_id, keys=keys2).status_code == 403


def _county_roster(county):
    with county.db.read() as s:
        ident = identity.ensure_identity(s)
        return identity.node_keys(ident).sign_pk, ident.roster


def test_download_with_range_and_if_range(net, county, station):
    out = net.dir.station_outbox(station.node_id)
    [res] = exporter.export(county.db, out, principal=SYSTEM, recipient=station.node_id, force=True)
    [path] = res.files
    data = path.read_bytes()
    [item] = net.raw("GET", "/v1/outbox").json()["bundles"]
    assert item["id"] == path.stem and item["size"] == len(data)
    r = net.raw("GET", f"/v1/bundles/{path.stem}", headers={"Range": "bytes=100-", "If-Range": item["etag"]})
    assert r.status_code == 206 and r.content == data[100:]
    assert r.headers["Content-Range"] == f"bytes 100-{len(data) - 1}/{len(data)}" and r.headers["ETag"] == item["etag"]
    r = net.raw("GET", f"/v1/bundles/{path.stem}", headers={"Range": "bytes=100-", "If-Range": '"other"'})
    assert r.status_code == 200 and r.content == data  # changed since: the whole body
    # a partial file left by a cut link is completed, not restarted
    folder = transport.incoming_dir(station.db)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{path.stem}.sjxb.part").write_bytes(data[:500])
    summary = transport.SyncSummary()
    got = transport.download(net.client(), item, folder, summary)
    assert got.read_bytes() == data and summary.bytes_received == len(data) - 500
    assert net.raw("DELETE", f"/v1/bundles/{path.stem}").status_code == 204
    assert path.stem not in [b["id"] for b in net.raw("GET", "/v1/outbox").json()["bundles"]]


def test_while_another_process_holds_the_database_uploads_wait_in_the_inbox(county, station, station2, tmp_path):
    net = Net(county, station, tmp_path, importing=False)
    add_people(station, 7)
    [path] = station.export()
    net.create(path)
    r = net.patch(path, 0, path.read_bytes())
    assert r.status_code == 202 and r.json()["status"] == "staged"
    assert net.raw("GET", f"/v1/acks/{path.stem}").status_code == 202
    keys2, _ = node_keys(station2)
    net.dir.publish_roster(*_county_roster(county))
    assert net.raw("GET", f"/v1/acks/{path.stem}", node=station2.node_id, keys=keys2).status_code == 403
    assert county.sql("SELECT count(*) FROM person")[0][0] == 0
    done = relay_import.pickup(county.db, SYSTEM, net.dir)  # what the county's GUI runs
    assert done.imported == 1 and done.replies[station.node_id]
    receipt = net.raw("GET", f"/v1/acks/{path.stem}").json()["receipt"]
    assert receipt["status"] == "imported" and receipt_valid(receipt, net.county_pk)
    assert receipt["replies"] == done.replies[station.node_id]
    assert county.sql("SELECT count(*) FROM person")[0][0] == 7
    assert net.staged_files() == []


def test_abandoned_uploads_are_swept(net, station):
    add_people(station, 3)
    [path] = station.export()
    net.create(path)
    net.patch(path, 0, path.read_bytes()[:100])
    old = time.time() - STALE_UPLOAD_SECONDS - 10
    for p in net.dir.uploads.iterdir():
        os.utime(p, (old, old))
    assert net.dir.sweep() == 1
    assert net.staged_files() == []


def test_a_cancelled_run_stops_between_requests_and_keeps_what_was_sent(net, county, station):
    add_people(station, 20)
    with pytest.raises(transport.Cancelled) as exc:
        transport.sync(station.db, URL, principal=SYSTEM, client=net.client(), cancelled=lambda: True)
    assert "已取消" in str(exc.value)
    assert county.sql("SELECT count(*) FROM person")[0][0] == 0
    assert len(sync(net).sent) == 1  # the next run goes on
    assert county.sql("SELECT count(*) FROM person")[0][0] == 20


@pytest.mark.parametrize("url, says", [
    ("", "https://"), ("http://10.0.0.1:8443", "加密连接"), ("https://", "不是有效"),
    ("https://10.0.0.1:8443/v1/x", "不是有效"), ("https://10.0.0.1:99999", "不是有效"), ("https://h:8443?q=1", "不是有效"),
])
def test_bad_relay_addresses_are_refused_and_not_remembered(station, url, says):
    with pytest.raises(transport.UserError) as exc:
        transport.sync(station.db, url, principal=SYSTEM)
    assert says in str(exc.value) and "https://192.168.1.10:8443" in str(exc.value)
    with station.db.read() as s:
        assert transport.relay_url(s) is None
    assert transport.check_url(" https://10.0.0.1:8443/ ") == "https://10.0.0.1:8443"

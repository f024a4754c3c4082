"""sync-design.md §5 tests 12 and 28 for one direction: the county relay serving HTTPS with its
own certificate (`tests/https_relay.py`), the pinned station client, and a proxy on loopback
(`tests/faulty_link.py`) that cuts each connection after a random number of bytes. Each direction
is a test file of its own, so the heavy suite's two workers run them side by side."""

from __future__ import annotations

import random

from sfs_desktop.core.db.synced import COUNTY_NODE
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.sync import identity, importer, transport
from sfs_desktop.core.sync.assign import assign
from tests.faulty_link import FaultyLink
from tests.https_relay import HttpsRelay
from tests.sync.conftest import add_people

RUNS = 100  # per direction: the design's figure
INTERRUPTED = 200  # test 28: at least this many interrupted and resumed transfers per direction
CHUNK = 4096


def client(station, url) -> transport.Client:
    """The station's own client: pinned to the county's certificate, a fresh TLS connection after
    every cut (nothing is reused across a dropped link)."""
    with station.db.read() as s:
        keys = identity.node_keys(identity.ensure_identity(s))
        pin = identity.peer(s, COUNTY_NODE).tls_sha256
    return transport.Client(url, station.node_id, keys, pin=pin, max_wait=0.05, attempts=12)


class Measured:
    """Wraps the client's upload and download to note each bundle's size next to the bytes moved."""

    def __init__(self, monkeypatch):
        self.sizes = 0
        upload, download = transport.upload, transport.download

        def measured_upload(client, path, *a, **kw):
            self.sizes += path.stat().st_size
            return upload(client, path, *a, **kw)

        def measured_download(client, item, *a, **kw):
            self.sizes += item["size"]
            return download(client, item, *a, **kw)
        monkeypatch.setattr(transport, "upload", measured_upload)
        monkeypatch.setattr(transport, "download", measured_download)


def through(link, station) -> transport.SyncSummary:
    c = client(station, link.url)
    try:
        return transport.sync(station.db, link.url, principal=SYSTEM, client=c, chunk=CHUNK)
    finally:
        c.close()


def cut_runs(county, station, tmp_path, monkeypatch, *, upward: bool, runs: int = RUNS, seed: int = 12) -> int:
    """`runs` exchanges whose main traffic goes one way, each through a link cut 1–5 times; each
    must end as an uninterrupted one would (test 12), and afterwards only live items are left in
    the staging folders and backlogs (test 28). Returns the number of interrupted transfers."""
    # 100 exchanges back to back, each with its retries after the cuts, ask more than the relay's
    # 600 requests a minute per station once a run takes under a second: that limit is for a
    # station syncing on its schedule, and a 429 here would end a run that did nothing wrong
    relay = HttpsRelay(county, tmp_path, rate_per_minute=60_000)
    rng = random.Random(seed)
    interrupted = 0
    try:
        for run in range(runs):
            if upward:  # station → county
                add_people(station, rng.randint(20, 80), prefix=f"站{run}-")
            else:  # county → station: persons the county assigns to the station
                county.db.write(lambda s: [assign(s, SYSTEM, Person, {"name": f"县{run}-{i}"}, station.node_id)
                                           for i in range(rng.randint(20, 80))])
            cuts = [rng.randint(300, 12_000) for _ in range(rng.randint(1, 5))]
            link = FaultyLink(("127.0.0.1", relay.port), cuts)
            sizes = Measured(monkeypatch)
            try:
                s = through(link, station)
            finally:
                link.close()
                monkeypatch.undo()
            interrupted += link.cut_done
            moved = s.bytes_sent if upward else s.bytes_received
            # resume, not restart: at most one chunk again per cut
            assert moved <= sizes.sizes + link.cut_done * CHUNK, (run, moved, sizes.sizes, link.cut_done)
            assert (s.sent if upward else s.received), run
            assert county.digest(station.node_id) == station.digest(station.node_id), run
        # test 28: after every interrupted and resumed transfer, only live items are left
        assert interrupted >= INTERRUPTED, interrupted
        assert [p for d in ("uploads", "inbox") for p in (relay.dir.root / d).iterdir()] == []
        assert list(relay.dir.station_outbox(station.node_id).iterdir()) == []
        assert len(list(relay.dir.receipts.iterdir())) <= runs * 2  # one per upload, kept for re-asking
        for node in (county, station):
            assert [p for p in node.db.paths.staging.rglob("*") if p.is_file()] == [], node.name
            assert len(list(node.db.paths.backups.glob("pre-import-*.db"))) <= importer.KEEP_IMPORT_BACKUPS
            assert node.sql("SELECT count(*) FROM sync_conflict")[0][0] == 0, node.name
        print(f"\n{runs} runs {'up' if upward else 'down'}, {interrupted} interrupted transfers")
        return interrupted
    finally:
        relay.stop()

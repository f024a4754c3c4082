"""Issue 19's load acceptance: 30 stations upload an 8 MiB bundle each, all at once, through one
throttled link to one county relay — the installed `sfs-desktop relay` in a process of its own,
whose resident memory is sampled from /proc the whole time. Every upload completes and every
station gets a valid county-signed receipt; the relay's peak memory grows by far less than the
bytes in flight (it streams each chunk to disk), and the peak is printed.

Cheapest honest setup: 30 station data dirs copied from one fresh station and given codes and
keys of their own (`_stations`), enrolled through core as the USB tests do, each exporting its
own bundles with the real exporter — a person, and a scan of just under 8 MiB (the exporter's
largest bundle). While the uploads run, this process holds the
county database, as the county's GUI would: the relay only stages (relay_dir's docstring), which
is what keeps it serving 30 links at once. Afterwards the same pickup the GUI runs imports the
staged bundles and signs the receipts, and each station fetches its receipt through the relay.

Measured on the shared 2-core machine (load 4–5, beside the acceptance tests on the other
worker): 240 MiB through 30 links of 512 KiB/s in 25 s, the relay's RSS 103 MiB before and at
most 117 MiB during (+14 MiB against 240 MiB in flight); the whole test about 85 s, most of it
exporting and importing the 30 scans.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import text

from sfs_desktop.core.attachments import Attachment, store_blob
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.sync import exporter, identity, relay_import, transport
from sfs_desktop.core.sync.relay_dir import RelayDir, receipt_valid
from sfs_desktop.paths import DataPaths
from tests.conftest import PASSWORD, init_dir, open_dir
from tests.faulty_link import FaultyLink
from tests.sync import relay_cuts
from tests.sync.conftest import Node, add_people, enroll, make_node
from tests.sync.test_program_relay import RelayProcess

pytestmark = pytest.mark.slow

STATIONS = 30
SCAN = 8 * 1024 * 1024 - 96 * 1024  # with its row and the bundle's framing: just under 8 MiB
RATE = 512 * 1024  # bytes per second per connection through the link: each upload takes 16 s or more
MiB = 1024 * 1024


def _stations(tmp_path, county, n: int) -> list[Node]:
    """`n` stations enrolled at `county`. A county has one station per township (15 here) and
    setup accepts only those codes, so each is a copy of one fresh station data dir given a code
    of its own (its township's code and three digits, as the roster allows) and keys of its own
    before it first syncs; enrolment then goes the ordinary way (key card, enrolment bundle)."""
    template, _ = init_dir(tmp_path / "template")
    out = []
    for i in range(1, n + 1):
        root = tmp_path / f"station-{i}"
        shutil.copytree(template.root, root)
        (root / template.lockfile.name).unlink(missing_ok=True)
        code = f"430922101{i:03d}"
        db = open_dir(DataPaths.resolve(root))
        db.write(lambda s: (s.execute(text("UPDATE local_node SET node_id = :c"), {"c": code}),
                            s.execute(text("DELETE FROM sync_identity"))))
        db.close()
        db = open_dir(DataPaths.resolve(root))  # the node id is read once per opening
        db.write(identity.ensure_identity)
        st = Node(code, db, root)
        enroll(county, st)
        out.append(st)
    return out


def _with_scan(st: Node) -> list:
    """A person and a scan of just under 8 MiB, exported by the real exporter: the person's
    bundle, then the scan's (the exporter's largest)."""
    [pid] = add_people(st, 1, prefix="载")
    scan = os.urandom(SCAN)

    def attach(s):
        digest = store_blob(st.db.paths.attachments, scan)
        insert_synced(s, Attachment, [{"sha256": digest, "original_name": "扫描件.pdf", "size": len(scan),
                                       "scanned": True, "mime": "application/pdf", "record_table": "person",
                                       "record_id": pid}])
    st.db.write(attach)
    files = [f for r in exporter.export(st.db, st.stick(), principal=SYSTEM) for f in r.files]
    return sorted(files, key=lambda f: f.stat().st_size)


class RssSampler:
    """The relay process's resident memory, read from /proc every 20 ms; `peak` in bytes."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._stop = pid, 0, False
        self.baseline = self.rss()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def rss(self) -> int:
        with open(f"/proc/{self.pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        return 0

    def _run(self) -> None:
        while not self._stop:
            self.peak = max(self.peak, self.rss())
            time.sleep(0.02)

    def stop(self) -> int:
        self._stop = True
        self.thread.join()
        return self.peak


@pytest.mark.timeout(900)
def test_30_stations_upload_8_mib_at_once_through_a_throttled_link(tmp_path):
    county = make_node(tmp_path, "county", "430922000", "桃江县司法局")
    stations = [(st, _with_scan(st)) for st in _stations(tmp_path, county, STATIONS)]
    with county.db.read() as s:
        county_pk = identity.node_keys(identity.ensure_identity(s)).sign_pk
    county.db.close()  # the relay publishes its certificate and the roster once, then lets go

    relay = RelayProcess(county.root, SFS_PASSWORD=PASSWORD)  # `sfs-desktop relay`, up and answering
    port = relay.port
    link, held = None, False
    try:
        county.db, held = open_dir(county.db.paths), True  # the county's "GUI" holds the database from here on
        link = FaultyLink(("127.0.0.1", port), rate=RATE, stall=0.2)
        sampler = RssSampler(relay.proc.pid)
        bundles = sum(len(files) for _st, files in stations)
        big = sum(files[-1].stat().st_size for _st, files in stations)
        assert all(files[-1].stat().st_size > 7.9 * MiB for _st, files in stations)

        def upload(st_files):
            st, files = st_files
            c = relay_cuts.client(st, link.url)
            try:
                summary = transport.SyncSummary()
                return [(f.stem, transport.upload(c, f, county_pk, summary)) for f in files]
            finally:
                c.close()
        began = time.monotonic()
        with ThreadPoolExecutor(STATIONS) as pool:
            answers = [a for station_answers in pool.map(upload, stations) for a in station_answers]
        took = time.monotonic() - began
        peak = sampler.stop()
        grew = peak - sampler.baseline
        print(f"\n{STATIONS} stations, {big / MiB:.0f} MiB in {took:.0f} s through a link of {RATE // 1024} KiB/s "
              f"per connection; relay RSS {sampler.baseline / MiB:.0f} MiB before, peak {peak / MiB:.0f} MiB "
              f"(+{grew / MiB:.0f} MiB)")
        assert link.bytes_up >= big
        # streamed to disk: the relay's memory grows by a small fraction of the bytes in flight
        assert grew < 48 * MiB, grew
        assert len(answers) == bundles and all(a is None for _id, a in answers)  # staged: the county holds the db

        staged = RelayDir(county.root / "relay")
        assert len(staged.waiting()) == bundles
        done = relay_import.pickup(county.db, SYSTEM, staged)  # what the county's GUI runs
        assert (done.imported, done.rejected) == (bundles, 0)
        for st, files in stations:  # each station asks the relay for its receipt, as after a lost answer
            c = relay_cuts.client(st, f"https://127.0.0.1:{port}")
            try:
                for f in files:
                    receipt = c.send("GET", f"/v1/acks/{f.stem}").json()["receipt"]
                    assert receipt_valid(receipt, county_pk) and receipt["station"] == st.node_id, receipt
                    assert receipt["status"] == "imported", receipt
            finally:
                c.close()
        assert county.sql("SELECT count(*) FROM attachment")[0][0] == STATIONS
    finally:
        if link is not None:
            link.close()
        relay.stop()
        if held:
            county.db.close()
        for st, _files in stations:
            st.db.close()

"""Acceptance tests 1–4 and 6 (sync-design.md §5): format and crypto."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core import demo
from sfs_desktop.core.db.synced import COUNTY_NODE
from sfs_desktop.core.sync import bundle, identity, importer
from sfs_desktop.core.sync.bundle import BundleError
from tests.sync.conftest import add_people, make_node, enroll, state


@pytest.fixture
def small(county, station):
    add_people(station, 3)
    [path] = station.export()
    return path


def _rejects_all(county, variants, tmp_path) -> set[str]:
    before = state(county)
    reasons = set()
    target = tmp_path / "cut.sjxb"
    for data in variants:
        target.write_bytes(data)
        res = importer.import_one(county.db, target)
        assert res.status == "rejected", res.message
        assert res.message
        reasons.add(res.message)
    assert state(county) == before
    assert not list(importer.held_dir(county.db).glob("*"))
    return reasons


def test_01_truncation_every_offset_small_bundle(county, station, small, tmp_path):
    data = small.read_bytes()
    reasons = _rejects_all(county, (data[:i] for i in range(len(data))), tmp_path)
    assert any("截断" in r for r in reasons)
    assert importer.import_one(county.db, small).status == "imported"


def test_01_truncation_large_bundle_random_offsets(county, station, tmp_path):
    add_people(station, 3000)
    [path] = station.export()
    data = path.read_bytes()
    rng = random.Random(1)
    n = 1000 if os.environ.get("SFS_SLOW") else 60
    _rejects_all(county, (data[:rng.randrange(len(data))] for _ in range(n)), tmp_path)


@pytest.mark.slow
def test_01_truncation_large_bundle_1000_offsets(county, station, tmp_path):
    add_people(station, 3000)
    [path] = station.export()
    data = path.read_bytes()
    rng = random.Random(2)
    _rejects_all(county, (data[:rng.randrange(len(data))] for _ in range(1000)), tmp_path)


def _flips(data: bytes, n: int, seed: int):
    rng = random.Random(seed)
    for _ in range(n):
        i = rng.randrange(len(data))
        b = bytearray(data)
        b[i] ^= 1 << rng.randrange(8)
        yield bytes(b)


def test_02_bit_flips_rejected(county, station, small, tmp_path):
    _rejects_all(county, _flips(small.read_bytes(), 300, 3), tmp_path)


@pytest.mark.slow
def test_02_bit_flips_10000(county, station, small, tmp_path):
    _rejects_all(county, _flips(small.read_bytes(), 10_000, 4), tmp_path)


def _forge(tmp_path, signer: identity.crypto.NodeKeys, sender: str, to: str, to_pk: bytes, records=(), **hdr) -> Path:
    header = {"bundle_id": str(uuid.uuid4()), "kind": "data", "sender": sender, "to": to, "covers": {},
              "app_schema": "0003", "protocol": 1, "entries": sum(r.get("t") == "row" for r in records),
              "created_at": "2026-01-01T00:00:00+00:00", **hdr}
    out = tmp_path / f"forged-{uuid.uuid4().hex[:6]}"
    out.mkdir()
    return bundle.write(out, header, list(records), signer, [(to, to_pk), (sender.split(".")[0], signer.box_pk)])


def _keys(node):
    with node.db.read() as s:
        return identity.node_keys(identity.ensure_identity(s))


def test_03_unknown_revoked_or_mismatched_sender_and_wrong_recipient(county, station, station2, tmp_path):
    county_pk = _keys(county).box_pk
    stranger = identity.crypto.NodeKeys.generate()
    res = importer.import_one(county.db, _forge(tmp_path, stranger, "430922199.1", COUNTY_NODE, county_pk))
    assert res.status == "rejected" and "不在名册中" in res.message
    # station2's key signing a header that claims to come from station
    res = importer.import_one(county.db, _forge(tmp_path, _keys(station2), f"{station.node_id}.1", COUNTY_NODE, county_pk))
    assert res.status == "rejected" and "签名无效" in res.message
    # a county bundle addressed to station, carried to station2
    wrong = county.export(to=station.node_id)[0]
    res = importer.import_one(station2.db, wrong)
    assert res.status == "rejected" and "不是发给本单位的" in res.message
    # revoked: the county refuses the station's bundles from then on
    add_people(station, 2)
    files = station.export()
    county.db.write(lambda s: identity.revoke_station(s, station.node_id, SYSTEM))
    before = state(county)
    res = importer.import_one(county.db, files[0])
    assert res.status == "rejected" and "吊销" in res.message
    assert state(county) == before


def test_04_frame_swapped_between_bundles_rejected(county, station, tmp_path):
    add_people(station, 2000)
    [a] = station.export()
    add_people(station, 2000, prefix="乙")
    [b] = station.export()
    pa, pb = bundle.parse(a), bundle.parse(b)
    da, db_ = a.read_bytes(), b.read_bytes()
    # first frame of b's body put in place of a's first frame (same length framing kept)
    la = int.from_bytes(da[pa.body_offset:pa.body_offset + 4], "big")
    lb = int.from_bytes(db_[pb.body_offset:pb.body_offset + 4], "big")
    spliced = da[:pa.body_offset] + db_[pb.body_offset:pb.body_offset + 4 + lb] + da[pa.body_offset + 4 + la:]
    before = state(county)
    target = tmp_path / "spliced.sjxb"
    target.write_bytes(spliced)
    res = importer.import_one(county.db, target)
    assert res.status == "rejected"
    assert state(county) == before


EXPORTER = """
import sys
from pathlib import Path
from sfs_desktop.core.db.database import Database
from sfs_desktop.core.sync import exporter
from sfs_desktop.paths import DataPaths
from sfs_desktop.core.security.access import SYSTEM
db = Database(DataPaths.resolve(sys.argv[1]), bytes.fromhex(sys.argv[2]))
print("ready", flush=True)
exporter.export(db, Path(sys.argv[3]), principal=SYSTEM, max_bytes=256 * 1024)
db.close()
"""


def _kill_exporter(county, station, tmp_path, kills: int):
    demo.generate(station.db, SYSTEM, scale=1500, seed=5)
    station.db.close()
    from sfs_desktop.core.security import keys
    from tests.conftest import ADMIN, PASSWORD
    key = keys.KeyFile.load(station.root / "keys.json").unlock(ADMIN, PASSWORD).hex()
    rng = random.Random(6)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for i in range(kills):
        stick = tmp_path / f"kill-{i}"
        stick.mkdir()
        proc = subprocess.Popen([sys.executable, "-c", EXPORTER, str(station.root), key, str(stick)],
                                stdout=subprocess.PIPE, env=env)
        proc.stdout.readline()
        time.sleep(rng.uniform(0, 0.8))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for f in stick.iterdir():
            assert f.name.endswith(".sjxb") or f.name.endswith(".sjxb.part")
            if f.suffix == ".sjxb":  # complete-looking: it must verify
                importer.verify(county.db, f)


def test_06_killed_exporter_leaves_no_bad_bundle(county, station, tmp_path):
    _kill_exporter(county, station, tmp_path, 4)


@pytest.mark.slow
def test_06_killed_exporter_50_times(county, station, tmp_path):
    _kill_exporter(county, station, tmp_path, 50)


def test_bundle_reveals_nothing_and_is_readable_by_its_sender(county, station):
    add_people(station, 5, prefix="保密姓名")
    [path] = station.export()
    raw = path.read_bytes()
    assert "保密姓名".encode() not in raw and station.node_id.encode() in raw  # codes only, no names
    assert path.name.endswith(".sjxb") and len(path.stem) == 36
    with station.db.read() as s:  # the sender's archive key opens its own bundle
        keys = identity.node_keys(identity.ensure_identity(s))
    rows = [r for r in bundle.open_records(bundle.parse(path), keys, station.node_id) if r["t"] == "row"]
    assert len(rows) >= 5
    with pytest.raises(BundleError, match="不是发给本单位"):
        list(bundle.open_records(bundle.parse(path), identity.crypto.NodeKeys.generate(), "x"))


def test_size_cap_splits_into_independent_bundles(county, station, tmp_path):
    add_people(station, 4000)
    files = station.export(max_bytes=200 * 1024)
    assert len(files) > 2 and all(f.stat().st_size <= 200 * 1024 for f in files)
    for f in files:
        assert importer.import_one(county.db, f).status == "imported"
    assert county.digest(station.node_id) == station.digest(station.node_id)


def test_a_county_enrolls_and_a_second_county_cannot_take_over(tmp_path, county, station):
    other = make_node(tmp_path / "other", "county", "430923000", "别县司法局")
    try:
        with station.db.read() as s:
            card = identity.public_card(s)
        other.db.write(lambda s: identity.add_station(s, card, "冒名", SYSTEM))
        from sfs_desktop.core.sync import exporter
        path = exporter.write_enrollment(other.db, station.node_id, other.stick(), SYSTEM)
        res = importer.import_one(station.db, path)
        assert res.status == "rejected" and "县司法局密钥不同" in res.message
    finally:
        other.db.close()
    assert enroll  # the fixture used it

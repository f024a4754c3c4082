"""Acceptance tests 23–24 (sync-design.md §5) and the generic mechanism: a table added later syncs
with no sync code of its own."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

from sfs_desktop.core.db import migrate
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.sync import bundle, entries, identity, importer
from tests.sync.conftest import add_people, edit, row, state, until_quiet


def test_23_newer_schema_rejected_whole_then_imported_after_upgrade(county, station, monkeypatch):
    add_people(station, 5)
    real_known = migrate.known_revision
    monkeypatch.setattr(migrate, "head_revision", lambda: "0999")  # the station runs a newer program
    files = station.export()
    monkeypatch.undo()
    before = state(county)
    [res] = county.import_(files)
    assert res.status == "held" and "0999" in res.message and "升级" in res.message
    assert state(county) == before
    monkeypatch.setattr(migrate, "known_revision", lambda rev: rev == "0999" or real_known(rev))  # upgraded
    done = importer.retry_held(county.db)
    assert [r.status for r in done] == ["imported"]
    assert county.digest(station.node_id) == station.digest(station.node_id)
    assert not list(importer.held_dir(county.db).glob("*"))


def test_24_older_entries_upcast(county, station, monkeypatch):
    [pid] = add_people(station, 1)
    files = station.export()  # written with person row_schema 1
    monkeypatch.setattr(Person, "__row_schema__", 2)  # the county runs a newer program
    monkeypatch.setitem(entries._UPCASTERS, ("person", 1), lambda d: {**d, "employer": d.get("employer") or "（未填）"})
    [res] = county.import_(files)
    assert res.status == "imported"
    assert row(county, Person, pid).employer == "（未填）"


def test_24_unknown_field_from_newer_peer_survives_round_trip(county, station):
    [pid] = add_people(station, 1)
    until_quiet(county, [station])
    with county.db.read() as s:
        ckeys = identity.node_keys(identity.ensure_identity(s))
        county_counter = identity.local_node(s).counter
    cur = row(station, Person, pid)
    data = {k: v for k, v in entries.to_entry(Person, _as_dict(cur), frozenset())["d"].items()}
    data["future_field"] = "新版本字段"
    vv = {**cur.vv, "county.1": county_counter + 50}
    entry = {"t": "row", "tb": "person", "id": pid, "vv": vv, "rs": 2, "d": {**data, "occupation": "教师"}, "x": {}}
    with station.db.read() as s:
        spk = identity.node_keys(identity.ensure_identity(s)).box_pk
    out = station.stick()
    header = {"bundle_id": str(uuid.uuid4()), "kind": "data", "sender": "county.1", "to": station.node_id,
              "covers": {}, "app_schema": migrate.head_revision(), "protocol": 1, "entries": 1,
              "created_at": "2026-01-01T00:00:00+00:00"}
    path = bundle.write(out, header, [entry], ckeys, [(station.node_id, spk), ("county", ckeys.box_pk)])
    [res] = station.import_([path])
    assert res.status == "imported", res.message
    p = row(station, Person, pid)
    assert p.occupation == "教师" and p.extra == {"future_field": "新版本字段"}
    edit(station, Person, pid, employer="桃江县竹业有限公司")  # the older node keeps working on the row
    [back] = station.export()
    with station.db.read() as s:
        skeys = identity.node_keys(identity.ensure_identity(s))
    sent = [r for r in bundle.open_records(bundle.parse(back), skeys, station.node_id) if r.get("id") == pid]
    assert sent[0]["x"] == {"future_field": "新版本字段"} and sent[0]["d"]["employer"] == "桃江县竹业有限公司"


def _as_dict(obj) -> dict:
    return {c: getattr(obj, c) for c in entries.columns(Person)}


NEW_TABLE = r'''
import sys
from pathlib import Path
from sqlmodel import select
from sfs_desktop.core.db.synced import SyncedModel
from sfs_desktop.core.fields import Sensitivity, field


class ProbeVisit(SyncedModel, table=True):
    """A duty's table added after sync was written: it declares itself and nothing more."""
    __tablename__ = "probe_visit"
    place: str = field("走访地点", required=True, max_length=32)
    phone: str | None = field("联系电话", sensitivity=Sensitivity.S2, max_length=20)


class ProbeNotice(SyncedModel, table=True):
    __tablename__ = "probe_notice"
    __owner_rule__ = "county"
    text: str = field("通知", required=True, max_length=64)


from tests.conftest import init_dir, open_dir
from tests.sync.conftest import Node, enroll, until_quiet

root = Path(sys.argv[1])
c_paths, _ = init_dir(root / "c", role="county", code="430922000", name="桃江县司法局")
s_paths, _ = init_dir(root / "s", code="430922101")
county, station = Node("c", open_dir(c_paths), c_paths.root), Node("s", open_dir(s_paths), s_paths.root)
for n in (county, station):
    ProbeVisit.__table__.create(n.db.engine)
    ProbeNotice.__table__.create(n.db.engine)
enroll(county, station)
vid = station.db.write(lambda s: (s.add(v := ProbeVisit(place="桃花村", phone="13800001111")), s.flush(), v.id)[2])
county.db.write(lambda s: s.add(ProbeNotice(text="防汛期间加强排查")))
until_quiet(county, [station])
with county.db.read() as s:
    v = s.get(ProbeVisit, vid)
    assert v is not None and v.place == "桃花村" and v.phone is None, v  # S2 stays at the station
def change(s):
    v = s.get(ProbeVisit, vid); v.place = "竹山村"; s.add(v)
county.db.write(change)
until_quiet(county, [station])
with station.db.read() as s:
    v = s.get(ProbeVisit, vid)
    assert (v.place, v.phone) == ("竹山村", "13800001111"), v
    assert s.exec(select(ProbeNotice)).one().text == "防汛期间加强排查"
assert county.digest("430922101") == station.digest("430922101")
print("synced")
'''


def test_a_table_added_later_syncs_without_sync_code(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    out = subprocess.run([sys.executable, "-c", NEW_TABLE, str(tmp_path)], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "synced" in out.stdout

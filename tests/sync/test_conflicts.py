"""Acceptance tests 15–19, 21, 22 (sync-design.md §5): conflicts and convergence."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.db import synced
from sfs_desktop.core.db.database import restore
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security import keys
from sfs_desktop.core.sync import conflicts
from sfs_desktop.paths import DataPaths
from tests.conftest import ADMIN, PASSWORD, open_dir
from tests.sync.conftest import add_people, delete, edit, open_conflicts, row, until_quiet


@pytest.fixture
def shared(county, station):
    """A person registered at the station, known to both sides."""
    [pid] = add_people(station, 1, prefix="共有")
    edit(station, Person, pid, occupation="务农", employer="无")
    until_quiet(county, [station])
    assert row(county, Person, pid).occupation == "务农"
    return pid


def test_15_same_field_both_sides_conflict_kept(county, station, shared):
    edit(station, Person, shared, occupation="个体经营")
    edit(county, Person, shared, occupation="外出务工")
    until_quiet(county, [station])
    s, c = row(station, Person, shared), row(county, Person, shared)
    assert s.occupation == c.occupation == "个体经营"  # the owner's (station's) value, on both nodes
    assert s.in_conflict and c.in_conflict
    assert open_conflicts(station) == open_conflicts(county)
    [(cid, table, rid, fields)] = open_conflicts(county)
    assert (table, rid) == ("person", shared) and "occupation" in fields
    with county.db.read() as session:
        diff = {d.name: d for d in conflicts.diff(conflicts.find(session, cid))}
    assert {diff["occupation"].a, diff["occupation"].b} == {"个体经营", "外出务工"}
    assert diff["occupation"].label == "职业"


def test_16_different_fields_auto_merged(county, station, shared):
    edit(station, Person, shared, occupation="个体经营")
    edit(county, Person, shared, employer="桃江县竹业有限公司")
    until_quiet(county, [station])
    for node in (station, county):
        p = row(node, Person, shared)
        assert (p.occupation, p.employer, p.in_conflict) == ("个体经营", "桃江县竹业有限公司", False)
        assert open_conflicts(node) == []
    assert county.digest(station.node_id) == station.digest(station.node_id)


def test_17_update_versus_delete_is_a_conflict(county, station, shared):
    delete(station, Person, shared)
    edit(county, Person, shared, occupation="外出务工")
    until_quiet(county, [station])
    for node in (station, county):
        [(_cid, _t, rid, fields)] = open_conflicts(node)
        assert rid == shared and "deleted" in fields
        assert row(node, Person, shared) is not None  # the row and both versions are kept
    with county.db.read() as s:
        c = conflicts.find(s, open_conflicts(county)[0][0])
    datas = [c.version_a["data"], c.version_b["data"]]
    assert {d["deleted"] for d in datas} == {True, False}
    assert "外出务工" in {d["occupation"] for d in datas}


def test_18_resolution_at_county_closes_station_conflict(county, station, shared):
    edit(station, Person, shared, occupation="个体经营")
    edit(county, Person, shared, occupation="外出务工")
    until_quiet(county, [station])
    [(cid, *_)] = open_conflicts(county)
    with county.db.read() as s:
        c = conflicts.find(s, cid[:8])
    side = "a" if c.version_a["data"]["occupation"] == "外出务工" else "b"
    county.db.write(lambda s: conflicts.resolve(s, cid[:8], side, SYSTEM))
    until_quiet(county, [station])
    for node in (station, county):
        assert open_conflicts(node) == []
        p = row(node, Person, shared)
        assert p.occupation == "外出务工" and not p.in_conflict
    assert county.digest(station.node_id) == station.digest(station.node_id)


def test_resolve_refuses_bad_choices(county, station, shared):
    edit(station, Person, shared, occupation="个体经营")
    edit(county, Person, shared, occupation="外出务工")
    until_quiet(county, [station])
    [(cid, *_)] = open_conflicts(county)
    from sfs_desktop.core.errors import UserError
    for bad, msg in [({"name": "a"}, "不在该冲突的争议字段"), ("c", "选择 a"), ("a" if False else {}, "未选择")]:
        with pytest.raises(UserError, match=msg):
            county.db.write(lambda s: conflicts.resolve(s, cid, bad, SYSTEM))
    with pytest.raises(UserError, match="至少输入前 6 位"):
        county.db.write(lambda s: conflicts.resolve(s, cid[:3], "a", SYSTEM))
    assert len(open_conflicts(county)) == 1


def _scenario(county, station, shared) -> tuple:
    edit(station, Person, shared, occupation="个体经营", employer="甲")
    edit(county, Person, shared, occupation="外出务工")
    until_quiet(county, [station])
    s_row, c_row = row(station, Person, shared), row(county, Person, shared)
    out = (s_row.occupation, c_row.occupation, s_row.employer, [c[3] for c in open_conflicts(station)],
           [c[3] for c in open_conflicts(county)])
    [(cid, *_)] = open_conflicts(county)
    county.db.write(lambda s: conflicts.resolve(s, cid, "a", SYSTEM))
    until_quiet(county, [station])
    return out + (row(station, Person, shared).occupation, len(open_conflicts(station)))


@pytest.mark.parametrize("skew", [timedelta(days=365), timedelta(days=-365), timedelta(hours=1), timedelta(hours=-1)])
def test_19_clock_skew_changes_nothing(county, station, shared, skew, monkeypatch, tmp_path):
    expected = _scenario(county, station, shared)
    [pid2] = add_people(station, 1, prefix="第二")
    edit(station, Person, pid2, occupation="务农", employer="无")
    until_quiet(county, [station])
    real = synced.utcnow
    monkeypatch.setattr(synced, "utcnow", lambda: real() + skew)  # the county's clock (and everyone's) is off
    assert _scenario(county, station, pid2) == expected


def test_21_divergence_repaired_through_digest(county, station):
    ids = add_people(station, 10)
    until_quiet(county, [station])
    with station.db.engine.begin() as c:  # behind the program's back
        c.execute(text("DELETE FROM person WHERE id = :i"), {"i": ids[3]})
    assert county.digest(station.node_id) != station.digest(station.node_id)
    edit(station, Person, ids[0], occupation="务农")  # ordinary work goes on
    until_quiet(county, [station])
    assert row(station, Person, ids[3]) is not None
    assert county.digest(station.node_id) == station.digest(station.node_id)
    assert county.sql("SELECT digest_state FROM sync_peer WHERE node_id = :n", n=station.node_id)[0][0] == "ok"


def test_22_restored_backup_reuses_no_counter_and_gets_its_data_back(county, station, tmp_path):
    add_people(station, 5, prefix="早")
    until_quiet(county, [station])
    backup = station.db.backup(tmp_path / "old.db")
    after_backup = add_people(station, 4, prefix="中")
    until_quiet(county, [station])
    station.db.close()
    paths = DataPaths.resolve(station.root)
    restore(paths, keys.KeyFile.load(paths.keyfile).unlock(ADMIN, PASSWORD), backup, ADMIN)
    station.db = open_dir(paths)
    assert row(station, Person, after_backup[0]) is None
    add_people(station, 3, prefix="晚")
    until_quiet(county, [station])
    for pid in after_backup:
        assert row(station, Person, pid) is not None
    names = [r[0] for r in station.sql("SELECT name FROM person WHERE deleted = 0")]
    assert len(names) == len(set(names)) == 12
    assert sorted(names) == sorted(r[0] for r in county.sql("SELECT name FROM person WHERE owner = :o",
                                                            o=station.node_id))
    have = county.sql("SELECT have FROM sync_peer WHERE node_id = :n", n=station.node_id)[0][0]
    assert f"{station.node_id}.1" in have and f"{station.node_id}.2" in have
    assert county.digest(station.node_id) == station.digest(station.node_id)


def test_conflicts_on_the_command_line_mask_sensitive_values(county, station, capsys, cli_env):
    from sfs_desktop.cli import main
    from sfs_desktop.core.sync.assign import assign
    pid = county.db.write(lambda s: assign(s, SYSTEM, Person, {"name": "交办", "phone": "13800004444"},
                                           station.node_id).id)
    until_quiet(county, [station])
    edit(station, Person, pid, phone="13800005555", occupation="务农")
    edit(county, Person, pid, phone="13800006666", occupation="教师")
    until_quiet(county, [station])
    county.db.close()
    try:
        assert main(["--data-dir", str(county.root), "conflicts", "list"]) == 0
        cid = capsys.readouterr().out.split()[0]
        assert main(["--data-dir", str(county.root), "conflicts", "show", cid]) == 0
        out = capsys.readouterr().out
        assert "联系电话" in out and "职业" in out and "教师" in out
        assert "13800005555" not in out and "138*" in out
        assert main(["--data-dir", str(county.root), "conflicts", "resolve", cid, "--field", "phone=a"]) == 2
        assert "未选择" in capsys.readouterr().err
        assert main(["--data-dir", str(county.root), "conflicts", "resolve", cid, "--keep", "b"]) == 0
    finally:
        county.db = open_dir(DataPaths.resolve(county.root))
    assert open_conflicts(county) == []

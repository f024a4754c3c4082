"""Acceptance tests 7–10 (sync-design.md §5): idempotency and ordering."""

from __future__ import annotations

import shutil

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.sync import importer
from sfs_desktop.paths import DataPaths
from tests.conftest import open_dir
from tests.sync.conftest import Node, add_people, counter, set_acked, state


def clone(node: Node, name: str) -> Node:
    """A copy of `node`'s data dir as it is now (same keys, same state)."""
    node.db.close()
    root = node.root.parent / name
    shutil.copytree(node.root, root, ignore=shutil.ignore_patterns(".lock"))
    node.db = open_dir(DataPaths.resolve(node.root))
    return Node(name, open_dir(DataPaths.resolve(root)), root)


def cut(station: Node, start: int) -> list:
    """A bundle covering the station's counters from `start` on."""
    set_acked(station, "county", start - 1)
    return station.export()


def test_07_same_bundle_twice_is_already_imported(county, station):
    add_people(station, 20)
    [path] = station.export()
    assert importer.import_one(county.db, path).status == "imported"
    before = county.digest()
    log_before = county.sql("SELECT bundle_id, direction, peer FROM sync_bundle_log ORDER BY 1")
    res = importer.import_one(county.db, path)
    assert res.status == "already" and "已导入过" in res.message
    assert county.digest() == before
    assert county.sql("SELECT bundle_id, direction, peer FROM sync_bundle_log ORDER BY 1") == log_before


def test_08_overlapping_bundles_in_either_order_equal_one_bundle(county, station):
    c1, c2 = clone(county, "c1"), clone(county, "c2")
    try:
        base = counter(station)
        add_people(station, 100)
        first = cut(station, 1)
        add_people(station, 50, prefix="乙")
        second = cut(station, base + 50)
        whole = cut(station, 1)
        assert [importer.import_one(county.db, f).status for f in [*first, *second]] == ["imported", "imported"]
        statuses = [r.status for r in c1.import_([*second, *first])]
        assert statuses == ["held", "imported"]  # the held one is applied right after
        c2.import_(whole)
        expected = station.digest(station.node_id)
        assert county.digest(station.node_id) == c1.digest(station.node_id) == c2.digest(station.node_id) == expected
        assert not list(importer.held_dir(c1.db).glob("*"))
    finally:
        c1.db.close()
        c2.db.close()


def test_09_out_of_order_held_until_gap_filled(county, station):
    in_order = clone(county, "in-order")
    try:
        base = counter(station)
        add_people(station, 100)
        first = cut(station, 1)
        add_people(station, 100, prefix="乙")
        second = cut(station, base + 101)
        before = state(county)
        [res] = county.import_(second)
        assert res.status == "held" and "未收到" in res.message
        assert state(county) == before
        [res] = county.import_(first)
        assert res.status == "imported"
        assert not list(importer.held_dir(county.db).glob("*"))
        in_order.import_([*first, *second])
        assert county.digest() == in_order.digest()
        assert county.digest(station.node_id) == station.digest(station.node_id)
    finally:
        in_order.db.close()


def test_10_lost_stick_next_bundle_is_cumulative(county, station):
    add_people(station, 30)
    lost = station.export()
    assert lost  # never reaches the county
    add_people(station, 30, prefix="乙")
    county.import_(station.export())
    assert county.digest(station.node_id) == station.digest(station.node_id)


def test_preview_tells_what_would_change_and_changes_nothing(county, station):
    add_people(station, 7)
    [path] = station.export()
    before = state(county)
    res = importer.preview(county.db, path, SYSTEM)
    assert res.status == "preview" and res.counts["inserted"] >= 7 and "将导入" in res.message
    assert state(county) == before
    assert importer.import_one(county.db, path).counts == res.counts

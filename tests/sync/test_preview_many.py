"""Files chosen together are previewed and reported together: the parts of a split export picked
in any order each say what they will do, and none is left reading 暂缓 once all were applied."""

from __future__ import annotations

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.sync import importer
from tests.sync.conftest import add_people


def test_parts_of_a_split_export_previewed_and_settled_in_any_order(county, station):
    add_people(station, 120)
    parts = station.export(max_bytes=4096)
    assert len(parts) >= 3
    chosen = list(reversed(parts))  # the last part first: alone it waits for the ones before it
    before = county.digest(station.node_id)

    alone = importer.preview(county.db, chosen[0], SYSTEM)
    assert alone.status == "held" and "未收到" in alone.message
    together = importer.preview_many(county.db, chosen, SYSTEM)
    assert [r.status for r in together] == ["preview"] * len(parts)
    assert sum(r.counts.get("inserted", 0) for r in together) == sum(sum(r.facts["tables"].values()) for r in together)
    assert county.digest(station.node_id) == before  # a preview changes nothing

    raw = importer.import_files(county.db, chosen, principal=SYSTEM, backup=False)
    assert raw[0].status == "held"  # import_files reports the first attempt...
    final = importer.settled(county.db, raw)
    assert [r.status for r in final] == ["imported"] * len(parts)  # ...settled says what happened in the end
    assert final[0].message.startswith("已导入（补齐前面的同步包后）：新增") and final[0].file == chosen[0]
    assert county.digest(station.node_id) == station.digest(station.node_id)


def test_a_corrupt_file_among_good_ones_is_named_and_the_others_still_preview(county, station, tmp_path):
    add_people(station, 5)
    [good] = station.export()
    bad = tmp_path / "坏.sjxb"
    bad.write_bytes(good.read_bytes()[:-40])
    [r_bad, r_good] = importer.preview_many(county.db, [bad, good], SYSTEM)
    assert r_bad.status == "rejected" and r_bad.message and r_good.status == "preview"

"""R2's period on every path (a notice handed over, entered here, received, shown as the county
types) across a leap day, and the release notice's scan (F-R1) kept encrypted with the record
(issue 17)."""

from datetime import date

import pytest

from sfs_desktop.core.attachments import load_blob
from sfs_desktop.core.errors import PermissionDenied, UserError
from sfs_desktop.core.resettlement import work
from sfs_desktop.core.resettlement.constants import SELF_REPORT
from sfs_desktop.core.resettlement.models import ReleasedPerson
from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.sync import assign
from sfs_desktop.core.sync.assign import assign_records
from tests.resettlement.test_work import MEDIATOR, NOTICE, STAFF, TODAY, _notice, _person
from tests.sync.conftest import county, edit, row, station, until_quiet  # noqa: F401 - fixtures

LEAP = date(2024, 2, 29)
END = date(2029, 2, 28)  # five years on: no 29 February in 2029 → the month's last day


def test_a_leap_day_release_has_the_same_period_on_every_path(county, station):  # noqa: F811
    with county.db.read() as s:
        assert assign.derived(s, "released_person", {"release_date": LEAP}) == [("帮教期起", "2024-02-29"),
                                                                                 ("帮教期止", "2029-02-28")]
        assert assign.derived(s, "released_person", {"name": "测试"}) == []  # nothing until a release date
        assert assign.derived(s, "rp_prerelease", {"release_date": LEAP}) == []  # derives nothing
    [handed, old] = county.db.write(lambda s: [r.id for r in assign_records(s, SYSTEM, "released_person", station.node_id, [
        (None, {"姓名": "测试庚", "释放（解矫）日期": "2024-02-29"}),
        (None, {"姓名": "测试辛", "释放（解矫）日期": "2024-02-29"})])])
    assert (row(county, ReleasedPerson, handed).period_from, row(county, ReleasedPerson, handed).period_to) == (LEAP, END)
    until_quiet(county, [station])
    assert row(station, ReleasedPerson, handed).period_to == END  # it travels with the notice
    edit(station, ReleasedPerson, old, period_from=None, period_to=None)  # handed over before it was computed
    for rid, name in ((handed, "测试庚"), (old, "测试辛")):
        station.db.write(lambda s: work.receive(s, STAFF, rid, {"person_id": _person(s, name),
                                                                "handover_method": SELF_REPORT,
                                                                "handover_on": date(2024, 3, 1)}, today=TODAY))
        assert row(station, ReleasedPerson, rid).period_to == END
    here = _notice(station.db, release_date=LEAP, notice_received_on=date(2024, 1, 20))
    assert row(station, ReleasedPerson, here).period_to == END


def test_the_notice_scan_is_kept_encrypted_with_the_record(station_db):
    rid = _notice(station_db)
    root = station_db.paths.attachments
    scan = f"%PDF-1.4 通知书 {NOTICE['name']}".encode()
    with pytest.raises(PermissionDenied):
        station_db.write(lambda s: work.attach_notice(s, MEDIATOR, rid, scan, ".pdf", blob_root=root))
    with pytest.raises(UserError, match="附件文件是空的"):
        station_db.write(lambda s: work.attach_notice(s, STAFF, rid, b"", ".pdf", blob_root=root))
    with station_db.read() as s:
        assert work.notice_scans(s, rid) == []
    got = station_db.write(lambda s: work.attach_notice(s, STAFF, rid, scan, "pdf", blob_root=root))
    assert (got.original_name, got.record_table, got.sensitivity) == ("刑满释放人员通知书.pdf", "released_person", 3)
    with station_db.read() as s:
        assert work.notice_scans(s, rid) == ["刑满释放人员通知书.pdf"]
    assert load_blob(root, got.sha256) == scan
    for path in (p for p in root.rglob("*") if p.is_file()):
        assert NOTICE["name"].encode() not in path.read_bytes() and NOTICE["name"] not in path.name

"""The county hands a release notice and a pre-release list over (县局交办); the station receives
the person, visits and reports one unmatched person; the county's 衔接率 by station equals the
station's own report (issue 17)."""

from datetime import date

import pytest

from sfs_desktop.core import duties
from sfs_desktop.core.errors import ValidationError
from sfs_desktop.core.reports.tables import by_station, compute
from sfs_desktop.core.resettlement import stats, work
from sfs_desktop.core.resettlement.constants import AWAITING, SELF_REPORT
from sfs_desktop.core.resettlement.models import ReleasedPerson, RpPrerelease
from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.sync.assign import assign_records
from tests.resettlement.test_work import STAFF, _person
from tests.sync.conftest import county, row, station, until_quiet  # noqa: F401 - fixtures

NOTICE = {"姓名": "测试辛", "性别": "男", "罪名": "盗窃罪", "服刑场所": "省第一监狱", "释放（解矫）日期": "2024-05-20",
          "收到通知书日期": "2024-04-18", "衔接期限": "2024-05-30"}
LISTED = {"名单月份": "2024-05", "姓名": "测试壬", "预计释放日期": "2024-05-25", "服刑场所": "省第一监狱"}
TODAY = date(2024, 6, 3)


def test_the_notice_and_the_list_are_declared_assignable():
    duty, a = duties.assignables()["released_person"]
    assert (duty.key, a.label, a.due) == ("resettlement", "刑满释放人员通知书", "report_by")
    assert duties.resolve(a.check) is work.check_notice
    assert duties.assignables()["rp_prerelease"][1].label == "预释放人员名单"


def test_a_bad_notice_is_refused_at_the_county_and_nothing_is_written(county, station):
    with pytest.raises(ValidationError, match="衔接期限不能早于释放日期"):
        county.db.write(lambda s: assign_records(s, SYSTEM, "released_person", station.node_id,
                                                 [(None, {**NOTICE, "衔接期限": "2024-05-01"})]))
    with pytest.raises(ValidationError, match="名单月份"):
        county.db.write(lambda s: assign_records(s, SYSTEM, "rp_prerelease", station.node_id,
                                                 [(None, {**LISTED, "名单月份": "2024年5月"})]))
    assert county.sql("SELECT count(*) FROM released_person")[0][0] == 0


def test_notice_to_county_figures_round_trip(county, station):
    [nid] = county.db.write(lambda s: [r.id for r in assign_records(s, SYSTEM, "released_person", station.node_id,
                                                                    [(None, NOTICE)])])
    county.db.write(lambda s: assign_records(s, SYSTEM, "rp_prerelease", station.node_id, [(None, LISTED)]))
    until_quiet(county, [station])
    got = row(station, ReleasedPerson, nid)
    assert (got.owner, got.status, got.report_by) == (station.node_id, AWAITING, date(2024, 5, 30))
    station.db.write(lambda s: work.receive(s, STAFF, nid, {"person_id": _person(s, "测试辛"),
                                                            "handover_method": SELF_REPORT,
                                                            "handover_on": date(2024, 5, 21)}, today=TODAY))
    assert row(station, ReleasedPerson, nid).period_to == date(2029, 5, 20)  # R2, computed at 衔接
    station.db.write(lambda s: work.record_contact(s, STAFF, nid, {"kind": "visit", "day": date(2024, 5, 24)},
                                                   today=TODAY))
    [entry] = station.sql("SELECT id FROM rp_prerelease")
    station.db.write(lambda s: work.record_steps(s, STAFF, entry[0], "走访户籍地，联系家属"))
    station.db.write(lambda s: work.report_unmatched(s, STAFF, "2024-05", TODAY, today=TODAY))
    until_quiet(county, [station])
    assert row(county, RpPrerelease, entry[0]).reported_on == TODAY
    assert county.sql("SELECT count(*) FROM rp_contact")[0][0] == 1
    with station.db.read() as s:
        own = compute(stats.REPORT, s, STAFF, "2024-05")
    with county.db.read() as s:
        [(_name, theirs)] = by_station(stats.REPORT, s, SYSTEM, "2024-05")
    assert own["handover_rate"] == theirs["handover_rate"] and own["received"] == theirs["received"] == 1

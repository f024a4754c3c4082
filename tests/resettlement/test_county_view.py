"""The county's 安置帮教 pages, read in core: the release notices it handed over by station with
their state, and the pre-release lists by month and station with the F-R8 report (issue 17)."""

from datetime import date

import pytest

from sfs_desktop.core.errors import PermissionDenied, UserError
from sfs_desktop.core.resettlement import county as view
from sfs_desktop.core.security.access import SYSTEM
from tests.resettlement.county_data import A, B, TODAY, build
from tests.resettlement.test_work import MEDIATOR, STAFF
from tests.sync.conftest import county, station, station2  # noqa: F401 - fixtures


def test_notices_by_station_with_their_state(county, station, station2):  # noqa: F811
    build(county, station, station2)
    with county.db.read() as s:
        got = view.notices(s, SYSTEM, TODAY)
        only_b = view.notices(s, SYSTEM, TODAY, station=B)
    assert [(n.station, n.name, n.state_text, n.late) for n in got] == [
        (A, "测试甲", "已衔接（2024-05-21）", False),
        (A, "测试乙", "逾期未衔接", True),  # released 05-25, ten days to report (06-04) passed
        (B, "测试丁", "逾期衔接（2024-05-20）", True),  # the county's 限期 was 05-15
        (B, "测试戊", "该所尚未签收", False)]
    assert got[0].station_name == "测试司法所430922101" and got[1].due == date(2024, 6, 4)
    assert got[0].period_to == date(2029, 5, 20) and got[3].period_to == date(2029, 6, 20)  # R2 before 衔接 too
    assert [n.name for n in only_b] == ["测试丁", "测试戊"]
    with county.db.read() as s:  # delivered, not yet due: waiting
        assert view.notices(s, SYSTEM, date(2024, 6, 1), station=A)[1].state == view.AWAITING


def test_prerelease_lists_by_month_and_station_with_the_report(county, station, station2):  # noqa: F811
    build(county, station, station2)
    with county.db.read() as s:
        a, b = view.prerelease(s, SYSTEM)
        assert view.prerelease(s, SYSTEM, "2024-04") == []
    assert (a.month, a.station, a.found, a.unfound, a.report_due) == ("2024-05", A, 1, 1, date(2024, 6, 5))
    assert [(e.name, e.found, e.steps) for e in a.entries] == [("测试甲", True, ""),
                                                               ("测试丙", False, "走访户籍地，联系家属")]
    assert a.report_state(TODAY) == "已上报（2024-06-03）" and not a.report_late(TODAY)
    assert (b.station, b.found, b.unfound) == (B, 0, 1)
    assert b.report_state(TODAY) == "逾期未上报" and b.report_late(TODAY)
    assert b.report_state(date(2024, 6, 1)) == "未上报（2024-06-05 前）"


def test_only_the_county_and_only_with_s3(county, station, station2):  # noqa: F811
    with station.db.read() as s:
        with pytest.raises(UserError, match="只有县司法局"):
            view.notices(s, STAFF, TODAY)
        with pytest.raises(UserError, match="只有县司法局"):
            view.prerelease(s, STAFF)
    with county.db.read() as s:
        with pytest.raises(PermissionDenied):
            view.prerelease(s, MEDIATOR)

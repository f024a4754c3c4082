"""The station's network-sync schedule in core (issue 19): only the listed intervals, only for an
enrolled station, only for someone who may export and import; the last outcome is kept."""

import pytest

from sfs_desktop.core.errors import PermissionDenied, UserError
from sfs_desktop.core.security.access import Principal
from sfs_desktop.core.sync import schedule
from tests.https_relay import enrolled_pair


@pytest.fixture
def pair(tmp_path):
    county, station = enrolled_pair(tmp_path)
    yield county, station
    county.close()
    station.close()


def test_intervals_are_checked_and_kept(pair):
    _county, station = pair
    with station.db.read() as s:
        assert schedule.every(s) == 0 and schedule.last(s) == {}
    for bad in (7, -15, 0.5, 15.0, True, "15", 10_000):
        with pytest.raises(UserError, match="自动同步间隔"):
            schedule.set_every(station.db, station.principal, bad)
    schedule.set_every(station.db, station.principal, 30)
    with station.db.read() as s:
        assert schedule.every(s) == 30


def test_refused_for_inspectors_and_unenrolled_nodes(pair):
    county, station = pair
    viewer = Principal("inspector1", "inspector")
    with pytest.raises(PermissionDenied):
        schedule.set_every(station.db, viewer, 15)
    with pytest.raises(UserError, match="尚未登记"):
        schedule.set_every(county.db, county.principal, 15)
    with county.db.read() as s:
        assert schedule.every(s) == 0


def test_a_failed_exchange_is_kept_with_why(pair):
    _county, station = pair
    with pytest.raises(UserError) as refused:
        schedule.run(station.db, "https://127.0.0.1:1", principal=station.principal, attempts=1)
    with station.db.read() as s:
        last = schedule.last(s)
    assert last["failed"] == str(refused.value) and last["sent"] == 0
    assert "未完成" in schedule.describe_last(last) and "无法连接县局中继" in schedule.describe_last(last)

"""`ref` as a county and a station use it: the installed program, a county and a station in their
own data dirs. The county edits reference data, a bundle carries it, the station shows the new
values and when they arrived, and a station's own edit is refused with nothing changed."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from tests import program
from tests.program import STATIONS, Sticks, carry, ok, run


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    root = tmp_path_factory.mktemp("reference")
    county = program.init_county(root)
    station = program.init_station(root, county, *STATIONS[0])
    return root, county, station


def _params(d) -> dict[str, dict]:
    return {r["key"]: r for r in json.loads(ok(d, "ref", "params", "--json"))}


def test_the_county_pushes_a_parameter_a_holiday_and_a_code_and_the_station_shows_when(pair):
    root, county, station = pair
    assert "已将参数“受理后第几天提醒调解期限”设为 18天" in ok(county, "ref", "set", "mediation.warn_day", "18")
    assert "已将 2031-10-01 登记为法定节假日" in ok(county, "ref", "holiday-add", "2031-10-01", "--kind", "holiday",
                                                "--note", "国庆节")
    ok(county, "ref", "code-add", "dispute_type", "20", "网络纠纷")
    before = datetime.now().astimezone()
    assert _params(station)["mediation.warn_day"]["value"] == 20  # not yet carried
    assert carry(county, station, Sticks(root)(), "--for", station.name) >= 1

    row = _params(station)["mediation.warn_day"]
    assert (row["value"], row["default"], row["unit"]) == (18, 20, "天")
    assert row["changed_at"] and row["received_at"]
    assert datetime.fromisoformat(row["received_at"]) >= before.replace(microsecond=0)
    assert _params(station)["mediation.archive_days"]["received_at"] is None  # shipped, never pushed

    text = ok(station, "ref", "holidays", "2031")
    assert "由县司法局统一维护" in text
    [line] = [l for l in text.splitlines() if l.startswith("2031-10-01")]
    assert "法定节假日\t国庆节" in line and f"收到 {date.today():%Y-%m-%d}" in line
    codes = {r["code"]: r for r in json.loads(ok(station, "ref", "codes", "dispute_type", "--json"))}
    assert codes["20"]["name"] == "网络纠纷" and codes["20"]["received_at"]
    listed = {r["name"]: r for r in json.loads(ok(station, "ref", "list", "--json"))}
    assert listed["param"]["received_at"] and listed["holiday_calendar"]["rows"] == 1

    values = {k: r["value"] for k, r in _params(county).items()}
    assert {k: r["value"] for k, r in _params(station).items()} == values
    assert json.loads(ok(station, "ref", "holidays", "--json"))[0]["changed_at"] == json.loads(
        ok(county, "ref", "holidays", "--json"))[0]["changed_at"]  # the county's change time travels


def test_a_station_may_not_edit_and_nothing_changes(pair):
    _root, _county, station = pair
    params_before = ok(station, "ref", "params", "--json")
    holidays_before = ok(station, "ref", "holidays", "--json")
    for args in (("set", "mediation.warn_day", "25"), ("holiday-add", "2031-10-02", "--kind", "holiday"),
                 ("holiday-remove", "2031-10-01"), ("code-disable", "dispute_type", "10")):
        p = run(station, "ref", *args)
        assert p.returncode == 2, p
        assert "只有县司法局的程序可以修改参数、代码表和节假日安排" in p.stderr and "Traceback" not in p.stderr
    assert ok(station, "ref", "params", "--json") == params_before
    assert ok(station, "ref", "holidays", "--json") == holidays_before


BAD = [
    (("set", "mediation.warn_day", "十八"), "应为整数（天），而不是“十八”"),
    (("set", "mediation.village_share_target", "150"), "不能大于 100%"),
    (("holiday-add", "2031-10-06", "--kind", "makeup_workday"), "调休上班日应为周六或周日"),
    (("holiday-add", "10/01/2031", "--kind", "holiday"), "格式不对，应写成"),
    (("code-rename", "dispute_type", "88", "甲"), "中没有代码“88”"),
    (("holidays", "1900"), "年份应在 2000 至 2100 之间"),
]


def test_bad_input_at_the_county_is_one_chinese_line_and_changes_nothing(pair):
    _root, county, _station = pair
    before = [ok(county, "ref", what, "--json") for what in ("params", "holidays")]
    for args, message in BAD:
        p = run(county, "ref", *args)
        assert p.returncode == 2 and message in p.stderr and "Traceback" not in p.stderr, p
    assert [ok(county, "ref", what, "--json") for what in ("params", "holidays")] == before

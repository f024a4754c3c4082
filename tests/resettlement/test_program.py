"""安置帮教 as the county and a station do it (issue 17): the installed program, a subprocess per
command, two data dirs. The county sends a release notice and its pre-release list (and cannot do
the station's steps itself); the station receives the person, logs a visit, records the steps
taken for the one listed person not found and reports them (`resettlement …`); the county's 衔接率
by station equals the station's own report; F-R2 prints from the command line."""

from __future__ import annotations

import json

from tests import program
from tests.program import STATIONS, Sticks, carry, ok, run

NOTICE = ["--set", "姓名=测试癸", "--set", "性别=男", "--set", "罪名=盗窃罪", "--set", "释放（解矫）日期=2024-05-20",
          "--set", "收到通知书日期=2024-04-18", "--set", "衔接期限=2024-05-30"]
LISTED = ["--set", "名单月份=2024-05", "--set", "姓名=测试子", "--set", "预计释放日期=2024-05-25"]


def _rows(path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["rows"]


def test_notice_to_the_countys_handover_rate_by_station(tmp_path):
    county = program.init_county(tmp_path)
    station = program.init_station(tmp_path, county, *STATIONS[0])
    sticks = Sticks(tmp_path)
    listing = ok(county, "assign")
    assert "released_person\t刑满释放人员通知书\t安置帮教" in listing and "rp_prerelease\t预释放人员名单\t安置帮教" in listing
    bad = run(county, "assign", "released_person", "--station", station.name,
              *[a.replace("衔接期限=2024-05-30", "衔接期限=2024-05-01") for a in NOTICE])
    assert bad.returncode == 2 and "衔接期限不能早于释放日期" in bad.stderr
    nid = ok(county, "assign", "released_person", "--station", station.name, *NOTICE).split()[-1]
    ok(county, "assign", "rp_prerelease", "--station", station.name, *LISTED)
    carry(county, station, sticks(), "--for", station.name)
    assert "测试癸" in ok(station, "assign", "--received")

    for args, says in ((["register", *NOTICE], "由司法所办理"),
                       (["contact", nid, "--kind", "visit", "--on", "2024-05-25"], "由司法所办理")):
        refused = run(county, "resettlement", *args)  # the county hands over; the station does the work
        assert refused.returncode == 2 and says in refused.stderr, refused.stderr
    assert "已衔接测试癸（已在人员信息库新建本人）" in ok(station, "resettlement", "receive", nid[:8], "--method", "自行报到",
                                             "--on", "2024-05-22")
    ok(station, "resettlement", "contact", "测试癸", "--kind", "走访", "--on", "2024-05-25", "--note", "家中走访（测试数据）")
    [entry] = json.loads(ok(station, "resettlement", "prelist", "2024-05", "--json"))
    assert (entry["name"], entry["found"], entry["steps"]) == ("测试子", None, None)
    early = run(station, "resettlement", "report-unmatched", "2024-05")
    assert early.returncode == 2 and "上报前请填写查找措施：测试子" in early.stderr, early.stderr
    ok(station, "resettlement", "prelist", "--steps", entry["id"][:8], "走访户籍地，联系家属")
    assert "已上报 2024-05 名单中的未衔接人员 1 名：测试子" in ok(station, "resettlement", "report-unmatched", "2024-05",
                                                          "--on", "2024-06-03")
    printed = run(station, "print", "resettlement.handover", nid, "--out", tmp_path / "handover.pdf")
    assert printed.returncode == 0, printed.stderr
    assert (tmp_path / "handover.pdf").read_bytes().startswith(b"%PDF")
    carry(station, county, sticks())
    assert "测试子\t预计释放 2024-05-25\t未衔接\t查找措施：走访户籍地，联系家属\t已于 2024-06-03 上报" in ok(
        county, "resettlement", "prelist", "2024-05")

    ok(station, "report", "resettlement", "--period", "2024-05", "--out", tmp_path / "own.json")
    own = {r["指标"]: r["值"] for r in _rows(tmp_path / "own.json")}
    ok(county, "report", "resettlement", "--period", "2024-05", "--by-station", "--out", tmp_path / "county.json")
    [theirs] = _rows(tmp_path / "county.json")
    assert own["已衔接人数"] == own["应衔接人数"] == 1
    for key, value in theirs.items():
        if key != "司法所":
            assert own[key] == value, key

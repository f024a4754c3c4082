"""县局交办 as the county and a station do it: the installed program, a subprocess per command, a
county and two stations in their own data dirs."""

from __future__ import annotations

import json

from tests import program
from tests.program import STATIONS, Sticks, carry, ok, run, table_digests

SET = ["--set", "排查日期=2024-07-01", "--set", "排查范围=竹山村三组", "--set", "发现的纠纷=两户宅基地边界争执（测试数据）",
       "--set", "风险等级=红色（高）", "--set", "限期=2024-07-15"]

TAKE_UP = """
import sys
from pathlib import Path
from sfs_desktop.core.db.synced import acting_as
from sfs_desktop.core.mediation import work
from sfs_desktop.core.mediation.models import MediationCommittee
from sfs_desktop.core.security.session import login
from sfs_desktop.paths import DataPaths
app = login(DataPaths.resolve(sys.argv[1]), "admin", "Choose-a-good-one-2024")
def take_up(s):
    c = MediationCommittee(name="竹山村人民调解委员会", committee_type="01", active=True)
    s.add(c)
    s.flush()
    return work.screening_to_case(s, app.principal, sys.argv[2], c.id, "03").id
with app.db as db, acting_as(app.principal.username):
    print(db.write(take_up))
"""


def test_the_county_hands_disputes_to_one_station_which_takes_them_up(tmp_path):
    county = program.init_county(tmp_path)
    station, other = (program.init_station(tmp_path, county, *s) for s in STATIONS)
    sticks = Sticks(tmp_path)
    assert "dispute_screening\t交办矛盾纠纷\t人民调解" in ok(county, "assign")

    refused = run(station, "assign", "dispute_screening", "--station", station.name, *SET)
    assert refused.returncode == 2 and "只有县司法局可以交办" in refused.stderr
    out = ok(county, "assign", "dispute_screening", "--station", station.name, *SET)
    assert "已向司法所 430922101 交办 1 条记录" in out
    sid = out.split()[-1]
    listed = ok(county, "assign", "--list")
    assert "430922101" in listed and "交办矛盾纠纷" in listed and "未签收" in listed and "未处理" in listed

    carry(county, station, sticks(), "--for", station.name)
    carry(county, other, sticks(), "--for", other.name)
    received = ok(station, "assign", "--received")
    assert "两户宅基地边界争执" in received and "未处理" in received and "限期 2024-07-15" in received
    assert ok(other, "assign", "--received").strip() == "没有交办事项"  # a second station never receives it
    assert table_digests(other)["dispute_screening"][0] == 0
    due = json.loads(ok(station, "due", "--json"))
    assert [(d["title"], d["due"]) for d in due if d["title"] == "县局交办待处理"] == [("县局交办待处理", "2024-07-15")]
    carry(station, county, sticks())  # the station's acknowledgement
    listed = ok(county, "assign", "--list", "--station", station.name)
    assert "已签收" in listed and "未处理" in listed
    assert ok(county, "assign", "--list", "--station", other.name).strip() == "没有交办事项"

    taken = program.python(TAKE_UP, station, sid)  # the station's normal step: a draft case of its committee
    assert taken.returncode == 0, taken.stderr
    assert "处理中" in ok(station, "assign", "--received")
    assert not [d for d in json.loads(ok(station, "due", "--json")) if d["title"] == "县局交办待处理"]
    carry(station, county, sticks())  # the handling travels back
    assert "处理中" in ok(county, "assign", "--list")
    assert table_digests(station, station.name) == table_digests(county, station.name)

    # several at once, from a file: whole or not at all (same data dirs: setting up a network is slow)
    good = {"排查日期": "2024-07-01", "排查范围": "竹山村一组", "发现的纠纷": "土地承包争议（测试数据）"}
    (tmp_path / "bad.json").write_text(json.dumps([good, {**good, "排查日期": "七月"}, {**good, "风险等级": "紫色"}],
                                                  ensure_ascii=False), encoding="utf-8")
    p = run(county, "assign", "dispute_screening", "--station", station.name, "--from-file", tmp_path / "bad.json")
    assert p.returncode == 2, p.stdout
    assert "2 处不合格，未交办任何记录" in p.stderr
    assert "第 2 行：“排查日期”应为日期" in p.stderr and "第 3 行：“风险等级”的值“紫色”不在可选范围内" in p.stderr
    assert ok(county, "assign", "--list").count("交办矛盾纠纷") == 1
    (tmp_path / "good.json").write_text(json.dumps([good, {**good, "排查范围": "竹山村二组"}], ensure_ascii=False),
                                        encoding="utf-8")
    assert "交办 2 条记录" in ok(county, "assign", "dispute_screening", "--station", station.name,
                                 "--from-file", tmp_path / "good.json")
    assert ok(county, "assign", "--list").count("交办矛盾纠纷") == 3
    p = run(county, "assign", "mediation_case", "--station", station.name, "--set", "纠纷类型=01")
    assert p.returncode == 2 and "不是可交办的记录类型" in p.stderr
    p = run(county, "assign", "dispute_screening", "--set", "排查范围=x")
    assert p.returncode == 2 and "请用 --station" in p.stderr

"""Issue 16's round trip as people do it: the installed program, a subprocess per command, a county and
two stations in their own data dirs. The county assigns a subject to one station, the station logs a
month of supervision and proposes a 警告, the county decides, the station sees the decision; both
ends hold the same correction rows, the other station none."""

from __future__ import annotations

import json

import pytest

from tests import program
from tests.program import STATIONS, Sticks, carry, ok, run, table_digests

pytestmark = pytest.mark.slow  # three data dirs set up through the program: about two minutes

ID = "430922199001010015"  # a generated, check-digit-valid number: no real person
SUBJECT = ["--set", "姓名=测试对象甲", "--set", f"证件号码={ID}", "--set", "户籍地址=湖南省桃江县灰山港镇测试村",
           "--set", "矫正类别=缓刑", "--set", "原判主刑=有期徒刑", "--set", "原判刑期（月）=12",
           "--set", "判决（裁定、决定）生效日期=2024-06-03", "--set", "矫正期限起=2024-06-03",
           "--set", "矫正期限止=2025-06-02", "--set", "罪名=危险驾驶罪（测试数据）", "--set", "管理等级=普管"]
JULY = [("report", ["2024-07-05", "2024-07-19"], []), ("checkin", ["2024-07-01", "2024-07-08", "2024-07-15",
                                                                  "2024-07-22"], []),
        ("talk", ["2024-07-10"], ["--mode", "定期谈话"]), ("visit", ["2024-07-12"], ["--mode", "家中"]),
        ("教育学习", ["2024-07-20"], ["--hours", "8"]), ("public_benefit", ["2024-07-27"], ["--hours", "8"])]
CORRECTION = ("correction_subject", "cc_supervision", "cc_violation", "cc_sanction_decision", "person")


def test_the_county_assigns_the_station_supervises_and_proposes_the_county_decides(tmp_path):
    county = program.init_county(tmp_path)
    station, other = (program.init_station(tmp_path, county, *s) for s in STATIONS)
    sticks = Sticks(tmp_path)
    assert "correction_subject\t交办社区矫正对象\t社区矫正" in ok(county, "assign")

    short = [a.replace("2025-06-02", "2024-09-02") for a in SUBJECT]  # under a year of 缓刑 for 有期徒刑
    bad = run(county, "assign", "correction_subject", "--station", station.name, *short)
    assert bad.returncode == 2 and "考验期" in bad.stderr
    assert table_digests(county)["person"][0] == 0  # the person entered with it was not kept either
    out = ok(county, "assign", "correction_subject", "--station", station.name, *SUBJECT)
    assert "已向司法所 430922101 交办 1 条记录" in out
    carry(county, station, sticks(), "--for", station.name)
    carry(county, other, sticks(), "--for", other.name)

    listed = ok(station, "correction", "list")
    assert "测试对象甲" in listed and "待报到" in listed and "******" in listed  # S3 dates masked as in the ledger
    shown = ok(station, "correction", "show", "测试对象甲")
    assert "测试对象甲（430922********0015）" in shown and ID not in shown and "危险驾驶罪" in shown
    assert "交办社区矫正对象" in ok(station, "assign", "--received")
    refused = run(station, "correction", "log", "测试对象甲", "--kind", "report", "--on", "2024-07-01")
    assert refused.returncode == 2 and "待报到" in refused.stderr  # not under supervision before the report-in
    ok(station, "correction", "report-in", "测试对象甲", "--on", "2024-06-10")
    for kind, days, extra in JULY:
        ok(station, "correction", "log", "测试对象甲", "--kind", kind, *(a for d in days for a in ("--on", d)), *extra)
    bad = run(station, "correction", "log", "测试对象甲", "--kind", "report", "--on", "2024-07-26", "--on", "七月")
    assert bad.returncode == 2 and "日期" in bad.stderr
    shown = ok(station, "correction", "show", "测试对象甲")
    july = next(line for line in shown.splitlines() if line.strip().startswith("2024-07"))
    assert all(x in july for x in ("报告 2 次", "信息化核查 4 次", "个别谈话 1 次", "实地查访 1 次", "教育学习 1 次 8 小时",
                                   "公益活动 1 次 8 小时"))
    out = ok(station, "correction", "violation", "测试对象甲", "--on", "2024-07-25", "--kind", "其他严重违规",
             "--facts", "未经批准离开县境二日（测试数据）", "--propose", "警告", "--proposed-on", "2024-07-26")
    assert "系统建议措施：警告" in out and "已提请县级社区矫正机构决定：警告" in out
    mine = ok(station, "correction", "proposals", "--pending")
    assert "提请 警告（2024-07-26）\t待县级机构决定" in mine
    refused = run(station, "correction", "decide", mine.split("\t")[1], "--accept")
    assert refused.returncode == 2 and "县级社区矫正机构决定" in refused.stderr
    carry(station, county, sticks())

    pending = ok(county, "correction", "proposals", "--pending")
    assert "430922101" in pending and "提请 警告" in pending and "待县级机构决定" in pending
    proposal = pending.split("\t")[1]
    ok(county, "correction", "decide", proposal, "--accept", "--on", "2024-07-30", "--decision-no", "桃司矫〔2024〕1号")
    again = run(county, "correction", "decide", proposal, "--reject", "--note", "重复")
    assert again.returncode == 2 and "已经决定" in again.stderr
    carry(county, station, sticks(), "--for", station.name)

    decided = json.loads(ok(station, "correction", "decisions", "--json"))
    assert [(d["subject"], d["proposed"], d["decision"], d["measure"], d["decided_on"]) for d in decided] == [
        ("测试对象甲", "警告", "批准", "警告", "2024-07-30")]
    program.until_quiet(county, [station, other], sticks)
    mine, theirs = table_digests(station, station.name), table_digests(county, station.name)
    assert {t: mine[t] for t in CORRECTION} == {t: theirs[t] for t in CORRECTION}
    assert mine["cc_supervision"][0] == 10 and mine["cc_sanction_decision"][0] == 1
    assert all(table_digests(other)[t][0] == 0 for t in CORRECTION)  # the other station holds no row of it
    assert ok(other, "correction", "list").strip() == "没有社区矫正对象"

"""`sfs-desktop resettlement …` at one station, through the installed program: every verb, and
every bad value one Chinese line, exit 2, nothing written; an inspector reads no released person.
(The county's part — the notice and the pre-release list handed over, its refusal of the station's
steps, `prelist --steps` and `report-unmatched` — is the round trip of test_program.py.)"""

from __future__ import annotations

import json

from tests import program
from tests.program import ok, run, table_digests

ID_NO = "430922199001010015"  # generated test number (valid check digit)
NOTICE = ["--set", "姓名=测试癸", "--set", "性别=男", "--set", f"公民身份号码={ID_NO}", "--set", "罪名=盗窃罪",
          "--set", "释放（解矫）日期=2024-05-20", "--set", "收到通知书日期=2024-04-18"]
LOOK = {"user": "look", "password": "Read-only-2024-pass"}


def refused(station, *args, says: str, **kw) -> None:
    p = run(station, "resettlement", *args, **kw)
    assert p.returncode == 2, p.stdout
    assert len(p.stderr.strip().splitlines()) == 1 and says in p.stderr, p.stderr
    assert p.stderr.startswith(("错误：", "参数错误：")), p.stderr


def rs(station, *args) -> str:
    return ok(station, "resettlement", *args)


def test_every_verb_and_bad_values_refused_with_nothing_written(tmp_path):
    station = tmp_path / "st"
    ok(station, "init", "--role", "station", "--station-code", "430922101", "--station-name", "桃江县司法局灰山港司法所",
       "--township", "灰山港镇", "--admin", program.ADMIN)
    ok(station, "user", "add", "look", "--role", "inspector", "--name", "检查员", SFS_NEW_PASSWORD=LOOK["password"])
    assert "待衔接；帮教期至 2029-05-20" in rs(station, "register", *NOTICE)  # R2: five years from release
    rs(station, "register", "--set", "姓名=测试丑", "--set", "释放（解矫）日期=2024-03-01", "--set", "释放类别=刑满释放")
    [first, second] = sorted(json.loads(rs(station, "list", "--json")), key=lambda r: r["姓名"] != "测试癸")
    assert (first["姓名"], first["状态"], first["罪名"]) == ("测试癸", "待衔接", "******")  # masked like the ledger

    before = table_digests(station)
    refused(station, "list", says="查看涉罪", **LOOK)
    refused(station, "show", "测试癸", says="查看涉罪", **LOOK)
    refused(station, "show", "无此人", says="没有安置帮教对象“无此人”")
    refused(station, "register", "--set", "姓名=测试寅", "--set", "性别=男", says="“释放（解矫）日期”必须填写")
    refused(station, "receive", "测试癸", "--method", "跳舞", "--on", "2024-05-22", says="“衔接方式”")
    refused(station, "receive", "测试癸", "--method", "自行报到", "--on", "2999-05-22", says="不能晚于今天")
    refused(station, "receive", "测试癸", "--method", "必接必送", says="--on")  # a required option left out
    refused(station, "contact", "测试癸", "--kind", "visit", "--on", "2024-05-25", says="该对象当前为“待衔接”")
    refused(station, "end", "测试癸", "--reason", "expired", "--on", "2024-06-01", "--summary", "小结",
            says="该对象当前为“待衔接”")
    refused(station, "prelist", "--steps", "abcd", "走访", says="预释放名单中没有“abcd”")
    refused(station, "report-unmatched", "2024年5月", says="名单月份“2024年5月”格式不对")
    assert table_digests(station) == before  # not one of them wrote anything

    out = rs(station, "receive", "测试癸", "--method", "必接必送", "--on", "2024-05-20", "--staff", "测试所员")
    assert "已衔接测试癸（已在人员信息库新建本人），在册" in out
    before = table_digests(station)
    refused(station, "receive", second["id"][:8], "--method", "家属接回", "--on", "2024-03-02", "--id-number", ID_NO,
            says="测试癸已在册接受安置帮教，不能重复登记")  # the registry's person of that number is on the register
    assert table_digests(station) == before
    assert "已衔接测试丑（已在人员信息库新建本人）" in rs(station, "receive", second["id"][:8], "--method", "家属接回",
                                           "--on", "2024-03-02")
    before = table_digests(station)
    refused(station, "contact", "测试癸", "--kind", "visit", "--on", "2999-01-01", says="日期不能晚于今天")
    refused(station, "contact", "测试癸", "--kind", "跳舞", "--on", "2024-05-25", says="“类别”")
    refused(station, "contact", "测试癸", "--kind", "visit", "--on", "2024-05-01", says="日期不能早于衔接日期")
    refused(station, "agreement", "测试癸", "--on", "2024-06-01", says="请先组建帮教小组")
    refused(station, "end", "测试癸", "--reason", "expired", "--on", "2024-06-01", "--summary", "小结",
            says="届满前不能期满解除")
    refused(station, "team", "测试癸", "--name", "测试民警", "--role", "民警", "--phone", "12345", says="联系电话")
    refused(station, "contact", "测试癸", "--kind", "visit", "--on", "2024-05-25", says="无权", **LOOK)
    assert table_digests(station) == before

    rs(station, "contact", "测试癸", "--kind", "走访", "--on", "2024-05-22", "--place", "家中", "--note", "了解近况（测试数据）")
    rs(station, "measure", "测试癸", "--kind", "务工", "--on", "2024-06-01", "--provider", "测试工厂")
    assert "已将测试村干部加入帮教小组" in rs(station, "team", "测试癸", "--name", "测试村干部", "--role", "村（居）干部",
                                   "--phone", "13800000000")
    rs(station, "agreement", "测试癸", "--on", "2024-06-02")
    assert "调整帮教类别为重点" in rs(station, "category", "测试癸", "--to", "重点", "--reason", "家庭变故（测试数据）",
                              "--on", "2024-06-03")
    assert "该对象状态为失联" in rs(station, "lost", "测试癸", "--on", "2024-07-01", "--measures", "联系家属")
    assert "恢复在册" in rs(station, "found", "测试癸", "--on", "2024-07-05")
    shown = rs(station, "show", first["id"][:8])
    for line in ("罪名\t盗窃罪", "状态\t在册", "帮教类别\t重点", "帮教协议签订日期\t2024-06-02", "2024-06-01\t安置帮扶：务工\t测试工厂",
                 "2024-05-22\t走访（家中）\t了解近况（测试数据）", "测试村干部\t村（居）干部\t138****0000",
                 "2024-06-03\t重点\t家庭变故（测试数据）", "2024-07-01\t失联\t联系家属", "2029-05-20\t帮教期满：办理解除"):
        assert line in shown, line
    assert ID_NO not in shown  # the ID number masked (the registry's person, as a form shows it)
    assert "已于 2025-01-10 迁出" in rs(station, "end", "测试癸", "--reason", "moved", "--on", "2025-01-10", "--summary",
                                    "迁往外县（测试数据）")
    assert "已移出在册" in rs(station, "reoffence", "测试丑", "--on", "2024-04-01", "--offence", "盗窃（测试数据）")
    states = {r["姓名"]: r["状态"] for r in json.loads(rs(station, "list", "--json"))}
    assert states == {"测试癸": "迁出", "测试丑": "重新犯罪收监"}
    assert rs(station, "prelist").strip() == "没有预释放人员名单"
    refused(station, "found", "测试癸", "--on", "2025-02-01", says="该对象当前为“迁出”")

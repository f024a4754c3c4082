"""`sfs-desktop roster …` run as a user runs it (a subprocess of the installed program): templates,
a dry run, a refused file that changes nothing, accepting the valid rows, a re-import that adds
nothing; then the roster travels to the county like every other record."""

from __future__ import annotations

from tests import program
from tests.program import Sticks, carry, init_county, init_station, ok, run, table_digests
from tests.station import rosterdata as rd


def test_roster_import_through_the_program(tmp_path):
    county = init_county(tmp_path)
    code, name, town = program.STATIONS[0]
    station = init_station(tmp_path, county, code, name, town)

    out = ok(station, "roster", "template", "--kind", "staff", "--out", tmp_path / "模板.xlsx")
    assert "已生成模板" in out and (tmp_path / "模板.xlsx").stat().st_size > 0
    bad = run(station, "roster", "template", "--kind", "staff", "--out", tmp_path / "no" / "t.xlsx")
    assert bad.returncode == 2 and "不存在" in bad.stderr

    path = rd.write_csv(tmp_path / "名册.csv", rd.good_rows() + rd.bad_rows(), "gbk")
    dry = run(station, "roster", "import", path, "--dry-run")
    assert dry.returncode == 1 and "共 13 行，有效 4 行" in dry.stdout and "仅检查，未写入" in dry.stdout
    assert "第 8 行「岗位」：“岗位”的值“科长”不在可选范围内" in dry.stdout

    refused = run(station, "roster", "import", path)
    assert refused.returncode == 2 and "有 9 行未通过检查，未导入任何数据" in refused.stderr
    assert "第 12 行「姓名」：“姓名”必须填写" in refused.stdout
    assert table_digests(station)["staff"][0] == 0

    out = ok(station, "roster", "import", path, "--accept-valid")
    assert "已导入：新增 4 条，更新 0 条；未通过的 9 行未导入" in out
    for number in (rd.ZHOU, rd.LIU, rd.TAN):
        assert number not in out + refused.stdout + dry.stdout
    assert "没有需要导入的变化" in ok(station, "roster", "import", path, "--accept-valid")
    assert table_digests(station)["staff"][0] == 4

    villages = rd.write_xlsx(tmp_path / "村.xlsx", rd.area_rows(), header=rd.AREA_HEADER)
    assert "新增 3 条" in ok(station, "roster", "import", villages)  # the kind told from the header
    logs = "".join(p.read_text(encoding="utf-8", errors="replace") for p in (station / "logs").glob("*"))
    assert "imported staff: 4 new" in logs and all(n not in logs for n in (rd.ZHOU, rd.LIU, rd.TAN))

    carry(station, county, Sticks(tmp_path)())
    here, there = table_digests(station, owner=code), table_digests(county, owner=code)
    assert here["staff"] == there["staff"] and here["admin_area"] == there["admin_area"]

"""Importing the roster and the villages from xlsx and csv: every refused row named by row, column
and reason; nothing applied until all pass or the valid rows are accepted; re-importing changes
nothing, a corrected file updates what changed."""

from __future__ import annotations

import logging
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from sfs_desktop.core import tabular_import as ti
from sfs_desktop.core.db.synced import acting_as
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security import audit
from sfs_desktop.core.security.access import Principal
from sfs_desktop.core.station import roster_import as ri
from sfs_desktop.core.station.models import AdminArea, Staff
from tests.station import rosterdata as rd

CLERK = Principal("clerk", "staff")


def _import(db, kind, path, **kw) -> ti.Preview:
    with acting_as("clerk"):
        return db.write(lambda s: ri.import_roster(s, CLERK, kind, path, **kw))


def _roster(db) -> dict[str, Staff]:
    with db.read() as s:
        return {r.name: r for r in s.exec(select(Staff).where(Staff.deleted == False))}  # noqa: E712


def test_every_refused_row_is_named_and_nothing_applies_until_accepted(station_db, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    path = rd.write_xlsx(tmp_path / "名册.xlsx", rd.good_rows() + rd.bad_rows())
    seen = _import(station_db, "staff", path, dry_run=True)
    assert (seen.rows, seen.valid, seen.new, seen.applied) == (13, 4, 4, False)
    assert [(r.row, r.column) for r in seen.rejects] == [(6 + i, col) for i, (col, _w) in enumerate(rd.BAD_REASONS)]
    for reject, (_col, words) in zip(seen.rejects, rd.BAD_REASONS):
        assert words in reject.reason, reject
    assert "第 8 行「岗位」：“岗位”的值“科长”不在可选范围内" in "\n".join(seen.report())
    assert _roster(station_db) == {}

    with pytest.raises(ti.ImportRefused, match="有 9 行未通过检查，未导入任何数据") as refused:
        _import(station_db, "staff", path)
    assert refused.value.preview.rejected_rows == list(range(6, 15)) and _roster(station_db) == {}

    done = _import(station_db, "staff", path, accept_valid=True)
    assert done.applied and (done.new, done.updated) == (4, 0)
    roster = _roster(station_db)
    assert sorted(roster) == sorted(["周明远", "刘晓燕", "谭国华", "龚小兰"])
    zhou, liu, tan, gong = (roster[n] for n in ("周明远", "刘晓燕", "谭国华", "龚小兰"))
    assert (zhou.post, zhou.establishment, zhou.education, zhou.legal_qualification, zhou.hire_date) == \
        ("01", "01", "02", True, date(2008, 9, 1))
    assert (liu.gender, liu.birth_date, liu.establishment, liu.hire_date) == ("2", date(1990, 7, 1), "02", date(2015, 3, 2))
    assert (tan.post, tan.establishment, tan.hire_date, tan.phone) == ("03", "04", date(2020, 6, 1), None)
    assert (gong.id_number, gong.birth_date) == (None, date(1995, 5, 20))

    with station_db.read() as s:
        entry = audit.entries(s)[-1]
        assert (entry.action, entry.actor, entry.table_name) == ("import", "clerk", "staff")
        assert entry.fields == "staff,新增4,更新0,未通过9"
        trail = " ".join(e.fields for e in audit.entries(s))
    for number in (rd.ZHOU, rd.LIU, rd.TAN):
        assert number not in trail and number not in caplog.text


def test_reimport_changes_nothing_and_a_corrected_file_updates(station_db, tmp_path):
    path = rd.write_xlsx(tmp_path / "名册.xlsx", rd.good_rows())
    assert _import(station_db, "staff", path).new == 4
    before = {n: (r.id, r.ver_ctr) for n, r in _roster(station_db).items()}
    again = _import(station_db, "staff", path, dry_run=True)
    assert (again.new, again.updated, again.unchanged, again.rejects) == (0, 0, 4, [])
    _import(station_db, "staff", path)
    assert {n: (r.id, r.ver_ctr) for n, r in _roster(station_db).items()} == before

    rows = rd.good_rows()
    rows[1][4] = "副所长"  # 刘晓燕 promoted
    rows[3][10] = "13807370004"  # 龚小兰 (no ID number: found by name and birth date) gives a phone
    rows[0][10] = ""  # a blank cell keeps what is stored
    fixed = _import(station_db, "staff", rd.write_xlsx(tmp_path / "名册2.xlsx", rows))
    assert (fixed.new, fixed.updated, fixed.unchanged) == (0, 2, 2)
    assert sorted((p.what, sorted(p.values)) for p in fixed.planned) == [("刘晓燕", ["post"]), ("龚小兰", ["phone"])]
    roster = _roster(station_db)
    assert len(roster) == 4 and roster["刘晓燕"].post == "02" and roster["龚小兰"].phone == "13807370004"
    assert roster["周明远"].phone == "13807370001"


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_csv_as_excel_writes_it(station_db, tmp_path, encoding):
    header = [" 姓 名 ", "身份证号码", "性别", "出生日期*", "职务", "编制类型", "学历", "法律职业资格", "资格证号",
              "入职日期", "联系电话"]
    path = rd.write_csv(tmp_path / f"名册-{encoding}.csv", rd.good_rows() + rd.bad_rows()[:3], encoding, header)
    seen = _import(station_db, "staff", path, accept_valid=True)
    assert (seen.new, seen.rejected_rows) == (4, [6, 7, 8])
    assert [(r.column, w in r.reason) for r, (_c, w) in zip(seen.rejects, rd.BAD_REASONS)] == \
        [("身份证号", True), ("出生日期", True), ("岗位", True)]
    assert _roster(station_db)["刘晓燕"].hire_date == date(2015, 3, 2)


def test_excel_dates_numbers_and_headers(station_db, tmp_path):
    rows = rd.good_rows()[:2]
    rows[0][3] = datetime(1985, 3, 12)  # a date cell
    rows[0][9] = 39692  # a bare Excel serial: 2008-09-01
    rows[1][1] = int(rd.LIU[:17] + "0") if rd.LIU[17] == "X" else int(rd.LIU)  # stored as a number by Excel
    seen = _import(station_db, "staff", rd.write_xlsx(tmp_path / "a.xlsx", rows), dry_run=True)
    assert seen.new == 1 and [(r.row, r.column) for r in seen.rejects] == [(3, "身份证号")]
    assert "存成了数字" in seen.rejects[0].reason and rd.LIU not in seen.rejects[0].reason
    assert seen.planned[0].values["hire_date"] == date(2008, 9, 1)

    with pytest.raises(UserError, match="缺少必需的列：姓名"):
        _import(station_db, "staff", rd.write_xlsx(tmp_path / "b.xlsx", [["x"]], header=["名字"]))
    with pytest.raises(UserError, match="只有表头"):
        _import(station_db, "staff", rd.write_xlsx(tmp_path / "c.xlsx", []))
    (tmp_path / "d.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UserError, match="另存为"):
        _import(station_db, "staff", tmp_path / "d.xls")
    (tmp_path / "e.xlsx").write_bytes(b"not a zip")
    with pytest.raises(UserError, match="不是有效的 xlsx 文件"):
        _import(station_db, "staff", tmp_path / "e.xlsx")
    assert _roster(station_db) == {}


def test_villages_by_code_and_the_kind_told_from_the_header(station_db, tmp_path):
    rows = rd.area_rows() + [["430922102201", "外乡村", "村"], [f"{rd.TOWNSHIP}201", "重复村", "村"], ["12345", "短码村", ""]]
    path = rd.write_xlsx(tmp_path / "村.xlsx", rows, header=["区划代码", "村(社区)名称", "层级"])
    assert ri.spec(None, path) is ri.AREAS
    assert ri.spec(None, rd.write_xlsx(tmp_path / "s.xlsx", rd.good_rows())) is ri.STAFF
    seen = _import(station_db, None, path, accept_valid=True)
    assert seen.new == 3
    assert [(r.row, r.column) for r in seen.rejects] == [(5, "区划代码"), (6, ""), (7, "区划代码")]
    assert [w in r.reason for r, w in zip(seen.rejects, ("不属于本乡镇", "与第 3 行是同一条记录（区划代码相同）",
                                                         "应为 12 位数字"))] == [True] * 3
    rows = rd.area_rows()
    rows[1][1] = "竹山新村"
    again = _import(station_db, "areas", rd.write_xlsx(tmp_path / "村2.xlsx", rows, header=rd.AREA_HEADER))
    assert (again.new, again.updated, again.unchanged) == (0, 1, 2)
    with station_db.read() as s:
        names = sorted(a.name for a in s.exec(select(AdminArea).where(AdminArea.deleted == False)))  # noqa: E712
    assert names == sorted(["桃花社区", "竹山新村", "石牛村"])


def test_a_template_reads_back_and_imports_once_filled(station_db, tmp_path):
    for kind, spec in ri.KINDS.items():
        out = ri.write_template(kind, tmp_path / f"{kind}.xlsx")
        book = load_workbook(out)
        header = [c.value for c in book.worksheets[0][1]]
        assert [h.rstrip("*") for h in header] == [spec.label(n) for n in spec.columns]
        assert ti.match_header(spec, header)[1] == [] and book.sheetnames[1] == "填写说明"
    book = load_workbook(tmp_path / "staff.xlsx")
    for row in rd.good_rows():
        book.worksheets[0].append(row[:2] + [None] * 12)
    book.save(tmp_path / "filled.xlsx")
    assert _import(station_db, "staff", tmp_path / "filled.xlsx").new == 4
    with pytest.raises(UserError, match="应以 .xlsx 结尾"):
        ri.write_template("staff", tmp_path / "t.csv")


def test_who_may_import(station_db, tmp_path):
    path = rd.write_xlsx(tmp_path / "名册.xlsx", rd.good_rows())
    for who in (Principal("m", "mediator"), Principal("i", "inspector")):
        with pytest.raises(UserError, match="无权导入数据"):
            station_db.write(lambda s: ri.import_roster(s, who, "staff", path))
    assert _roster(station_db) == {}

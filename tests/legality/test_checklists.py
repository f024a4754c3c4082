"""Checklists the reviewer ticks (issue 18): a Widget.CODE_LIST field is checked against its code
table in core (an unknown or repeated code refused in Chinese, nothing written), stored sorted as
"01,03", and shown as the codes' names joined with 、 in the ledger and its xlsx export."""

from datetime import date as D

import pytest
from openpyxl import load_workbook

from sfs_desktop.core import ledger
from sfs_desktop.core.errors import ValidationError
from sfs_desktop.core.fields import Widget, code_text, join_codes, spec_of, split_codes, validate
from sfs_desktop.core.legality import work
from sfs_desktop.core.legality.constants import VILLAGE
from sfs_desktop.core.legality.models import LegalityReview
from sfs_desktop.core.security.access import Principal

HEAD = Principal("admin", "head", "所长")
TODAY = D(2024, 11, 29)
CLAUSES = {"01": "设定罚款、罚金等处罚", "03": "歧视外嫁女、入赘男及其子女"}


def _register(db, **over):
    values = {"item_type": VILLAGE, "title": "竹山村村规民约", "received_on": D(2024, 11, 1), **over}
    return db.write(lambda s: work.register(s, HEAD, values, today=TODAY).id)


def test_parse_store_and_name_a_code_list():
    spec = spec_of(LegalityReview, "clauses")
    assert spec.widget is Widget.CODE_LIST and spec.code_table == "lh_clause"
    assert split_codes("03，01, 02") == ["03", "01", "02"] and split_codes(None) == []
    assert join_codes(["03", "01"]) == "01,03" and join_codes([]) is None
    assert code_text(spec, "01,03", CLAUSES.get) == "设定罚款、罚金等处罚、歧视外嫁女、入赘男及其子女"


def test_validation_names_the_unknown_and_the_repeated_code():
    def known(kind, code):
        return kind != "lh_clause" or code in CLAUSES
    base = {"item_type": VILLAGE, "title": "村规民约", "received_on": TODAY}
    [p] = validate(LegalityReview, {**base, "clauses": "01,99"}, known)
    assert p.field == "clauses" and p.message == "“与法律政策相抵触的条款”中的代码“99”不在代码表中"
    [p] = validate(LegalityReview, {**base, "clauses": "03,01,03"}, known)
    assert p.message == "“与法律政策相抵触的条款”中的代码“03”重复了"
    assert validate(LegalityReview, {**base, "clauses": "03,01"}, known) == []


def test_core_refuses_a_bad_checklist_and_writes_nothing(station_db):
    with pytest.raises(ValidationError, match="已提交材料”中的代码“99”不在代码表中"):
        _register(station_db, materials="01,99")
    with pytest.raises(ValidationError, match="“01”重复了"):
        _register(station_db, materials="01,02,01")
    with station_db.read() as s:
        assert ledger.ids(s, HEAD, LegalityReview) == []
    rid = _register(station_db, materials="11,03,01")
    station_db.write(lambda s: work.update(s, HEAD, rid, {"clauses": "03,01"}))
    with pytest.raises(ValidationError, match="代码“88”不在代码表中"):
        station_db.write(lambda s: work.update(s, HEAD, rid, {"clauses": "01,88"}))
    with station_db.read() as s:
        row = s.get(LegalityReview, rid)
        assert (row.materials, row.clauses) == ("01,03,11", "01,03")  # stored sorted; the refused change left out


def test_ledger_and_export_show_the_names_joined(station_db, tmp_path):
    rid = _register(station_db, materials="01,11")
    station_db.write(lambda s: work.update(s, HEAD, rid, {"clauses": "03,01"}))
    names = ["title", "materials", "clauses"]
    with station_db.read() as s:
        shown = ledger.fetch(s, LegalityReview, [rid], names)[rid]
    assert shown[1] == "送审稿、村民会议（代表会议）记录及表决结果"
    assert shown[2] == "设定罚款、罚金等处罚、歧视外嫁女、入赘男及其子女"
    out = station_db.write(lambda s: ledger.export(s, HEAD, LegalityReview, tmp_path / "l.xlsx", names=names))
    ws = load_workbook(out)["统计表"]
    assert [c.value for c in ws[2]] == ["审查事项", "已提交材料", "与法律政策相抵触的条款"]
    assert [c.value for c in ws[3]] == ["竹山村村规民约", shown[1], shown[2]]


def test_a_checklist_cell_reads_back_what_the_ledger_writes():
    from sfs_desktop.core.tabular_import import convert

    spec = spec_of(LegalityReview, "clauses")
    options = {"lh_clause": [("01", CLAUSES["01"]), ("02", "剥夺或限制集体经济收益分配"), ("03", CLAUSES["03"])]}
    assert convert(spec, "歧视外嫁女、入赘男及其子女、设定罚款、罚金等处罚", options) == "01,03"
    assert convert(spec, "03，02", options) == "02,03"
    with pytest.raises(ValueError, match="“与法律政策相抵触的条款”中的“乱收费”不在可选范围内"):
        convert(spec, "设定罚款、罚金等处罚、乱收费", options)

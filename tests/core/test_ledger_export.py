"""A ledger with its filters applied leaves as xlsx: declared labels, typed dates, masked values, audited."""

from datetime import date

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from sfs_desktop.core import ledger
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.errors import PermissionDenied
from sfs_desktop.core.fields import specs
from sfs_desktop.core.mediation.models import MediationCase, MediationCommittee
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security.access import Principal
from sfs_desktop.core.security.audit import AuditLog

HEAD = Principal("admin", "head", "所长")
INSPECTOR = Principal("checker", "inspector", "检查")


def _people(db):
    db.write(lambda s: insert_synced(s, Person, [
        {"name": "李春花", "gender": "2", "id_type": "01", "id_number": "11010519491231002X", "phone": "13800001111",
         "birth_date": date(1949, 12, 31)},
        {"name": "王大山", "gender": "1", "phone": "13800002222"},
        {"name": "李小兵", "gender": "1"}]))


def test_filtered_ledger_to_xlsx_with_labels_masking_and_audit(station_db, tmp_path):
    _people(station_db)
    q = ledger.LedgerQuery(text="李", sort="name")
    out = station_db.write(lambda s: ledger.export(s, HEAD, Person, tmp_path / "p.xlsx", q))
    ws = load_workbook(out)["统计表"]
    assert ws["A1"].value == "人员信息台账"
    labels = {s.name: s.label for s in specs(Person)}
    header = [c.value for c in ws[2]]
    assert header == [c.label for c in ledger.columns(Person)] and labels["name"] in header
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=3)]
    assert len(values) == 2  # the filter applied: 王大山 left out
    names = [r[header.index(labels["name"])] for r in values]
    assert set(names) == {"李春花", "李小兵"}
    flat = " ".join(str(v) for r in values for v in r)
    assert "11010519491231002X" not in flat and "13800001111" not in flat  # S2 masked as on screen
    assert ws.freeze_panes == "B3"
    with station_db.read() as s:
        entry = s.exec(select(AuditLog).order_by(AuditLog.seq.desc())).first()
    assert entry.action == "export" and entry.fields == "人员信息台账" and entry.actor == "admin"


def test_dates_are_dates_and_a_mediator_exports_only_their_cases(station_db, tmp_path):
    def build(s):
        a, b = insert_synced(s, MediationCommittee, [{"name": "竹山村人民调解委员会", "committee_type": "01"},
                                                     {"name": "石门村人民调解委员会", "committee_type": "01"}])
        insert_synced(s, MediationCase, [{"committee_id": c, "dispute_type": "02", "summary": "…", "status": "accepted",
                                          "received_date": date(2024, 5, 1)} for c in (a, a, b)])
        return a
    mine = station_db.write(build)
    mediator = Principal("m1", "mediator", "调解员", frozenset({mine}))
    with pytest.raises(PermissionDenied, match="无权导出数据"):  # a 调解员 has no 导出 right
        station_db.write(lambda s: ledger.export(s, mediator, MediationCase, tmp_path / "m.xlsx"))
    assert not (tmp_path / "m.xlsx").exists()
    with station_db.read() as s:
        sheet = ledger.sheet(s, mediator, MediationCase)  # the rows a mediator's ledger shows: their committee's
    assert len(sheet.rows) == 2 and sheet.title == "人民调解案件台账"
    out = station_db.write(lambda s: ledger.export(s, HEAD, MediationCase, tmp_path / "c.xlsx"))
    ws = load_workbook(out)["统计表"]
    header = [c.value for c in ws[2]]
    col = header.index(next(s.label for s in specs(MediationCase) if s.name == "received_date")) + 1
    cell = ws.cell(3, col)
    assert cell.value.date() == date(2024, 5, 1) and cell.number_format == "yyyy-mm-dd"
    assert ws.max_row == 2 + 3


def test_an_inspector_may_not_export_a_ledger(station_db, tmp_path):
    _people(station_db)
    with pytest.raises(PermissionDenied, match="无权导出数据"):
        station_db.write(lambda s: ledger.export(s, INSPECTOR, Person, tmp_path / "p.xlsx"))
    assert not (tmp_path / "p.xlsx").exists()

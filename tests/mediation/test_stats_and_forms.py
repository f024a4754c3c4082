"""Statistics match hand counts; the agreement prints as an official, checkable PDF; report export."""

import json
from datetime import date

from openpyxl import load_workbook

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.cli import main
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.mediation import stats
from sfs_desktop.core.reports import tables
from sfs_desktop.core.mediation.models import MediationAgreement, MediationCase, MediationParty
from sfs_desktop.core.people import registry
from tests.printing import pdf

Y = 2024


def cases(db, t):
    rows = [  # committee, type, received, result, amount, form
        (t["village"], "02", date(Y, 1, 5), "01", "1000", "1"),
        (t["village"], "02", date(Y, 2, 5), "02", None, None),
        (t["village"], "01", date(Y, 3, 5), "01", "2500.50", "2"),
        (t["community"], "03", date(Y, 4, 5), "01", None, "1"),
        (t["community"], "01", date(Y, 8, 5), "03", "999", None),
        (t["township"], "02", date(Y, 5, 5), "01", "3000", "1"),
        (t["township"], "04", date(Y, 9, 5), "02", None, None),
        (t["village"], "02", date(Y - 1, 12, 30), "01", "5000", "1"),  # previous year: not counted
    ]
    db.write(lambda s: insert_synced(s, MediationCase, [
        {"committee_id": c, "dispute_type": ty, "summary": "…", "received_date": d, "result": r,
         "amount_involved": a, "agreement_form": f, "status": "archived", "prevented_criminal": 2 if i == 0 else 0}
        for i, (c, ty, d, r, a, f) in enumerate(rows)]))


def test_annual_figures_match_hand_counts(township):
    db, t = township
    cases(db, t)
    with db.read() as s:
        st = stats.compute(s, str(Y))
    assert st.received == 7
    assert st.success == 4 and st.success_rate == round(4 / 7, 3) == 0.571
    assert st.agreement_amount_yuan == "6500.50"  # 1000 + 2500.50 + 0 + 3000 (successful only)
    assert (st.village_cases, st.township_cases) == (5, 2) and st.village_share == round(5 / 7, 3) == 0.714
    assert st.by_type == {"邻里": 3, "婚姻家庭": 2, "房屋宅基地": 1, "合同": 1}
    assert (st.areas, st.areas_covered, st.coverage) == (4, 2, 0.5)
    assert (st.mediators, st.mediators_full_time) == (3, 1)
    assert (st.written_agreements, st.oral_agreements) == (3, 1)
    assert (st.prevented_criminal_cases, st.prevented_criminal_persons) == (1, 2)
    with db.read() as s:
        q1 = stats.compute(s, f"{Y}-Q1")
    assert (q1.received, q1.success, q1.village_share) == (3, 2, 1.0)


@pdf.needs_tools
def test_agreement_pdf_for_a_two_party_case(township, tmp_path):
    db, t = township
    from sfs_desktop.core.printing.service import print_document

    def build(s):
        a = registry.register_person(s, SYSTEM, {"name": "李春花", "id_number": "11010519491231002X", "phone": "13800001111"})
        b = registry.register_person(s, SYSTEM, {"name": "王大山", "gender": "1"})
        [cid] = insert_synced(s, MediationCase, [{"committee_id": t["village"], "dispute_type": "02", "summary": "…",
                                                  "case_no": "（2024）桃灰人调字第7号", "status": "agreed",
                                                  "received_date": date(Y, 3, 1)}])
        insert_synced(s, MediationParty, [{"case_id": cid, "role": "01", "person_id": a.id, "signed": True},
                                          {"case_id": cid, "role": "02", "person_id": b.id, "signed": True}])
        s.add(MediationAgreement(case_id=cid, form="1", facts="双方因宅旁排水沟堵塞发生争执。" * 3,
                                 terms=[{"obligor": "王大山", "content": "于三日内疏通排水沟"},
                                        {"obligor": "王大山", "content": "赔偿李春花菜地损失", "amount": "800"}],
                                 manner="当场履行", mediator_signed=True, seal_affixed=True, signed_date=date(Y, 3, 10)))
        return cid
    cid = db.write(build)
    out = tmp_path / "agreement.pdf"
    result = db.write(lambda s: print_document(s, SYSTEM, "mediation.agreement", "（2024）桃灰人调字第7号", out,
                                               blob_root=db.paths.attachments))
    assert result.copies == 3
    pdf.assert_sound(out)
    text = pdf.flat(out)
    for expected in ("人民调解协议书", "竹山村人民调解委员会", "李春花", "王大山", "11010519491231002X",
                     "于三日内疏通排水沟", "800", "本协议一式三份", "三十日内共同向人民法院申请司法确认"):
        assert expected in text, expected
    assert "None" not in text
    with db.read() as s:
        assert s.get(MediationCase, cid).case_no in text


def test_report_command_json_and_xlsx(township, tmp_path, capsys, cli_env):
    db, t = township
    cases(db, t)
    root = str(db.paths.root)
    db.close()
    assert main(["--data-dir", root, "report", "mediation", "--period", str(Y), "--out", str(tmp_path / "r.json")]) == 0
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    rows = {r["指标"]: r["值"] for r in data["rows"]}
    assert rows["受理纠纷数"] == 7 and rows["村（社区）调解占比"] == 0.714 and rows["调委会覆盖率"] == 0.5  # numbers, not "71.4%"
    assert rows["协议涉及金额（元）"] == 6500.5 and rows["占比目标"] == 0.7 and rows["纠纷类型：邻里"] == 3
    assert data["period"] == str(Y) and {"指标": "调解成功率", "类型": "比率",
                                         "口径": "调解成功数 ÷ 受理纠纷数（同一统计期间受理的案件）"} in data["definitions"]
    assert main(["--data-dir", root, "report", "mediation", "--period", str(Y), "--out", str(tmp_path / "r.xlsx")]) == 0
    book = load_workbook(tmp_path / "r.xlsx")
    ws = book["统计表"]
    assert ws["A1"].value == f"人民调解统计表（{Y}）" and "A1:C1" in ws.merged_cells
    assert [ws.cell(2, c).value for c in (1, 2, 3)] == ["类别", "指标", "值"] and ws.freeze_panes == "A3"
    cells = {ws.cell(r, 2).value: ws.cell(r, 3) for r in range(3, ws.max_row + 1)}
    assert cells["受理纠纷数"].value == 7 and cells["受理纠纷数"].number_format == "#,##0"
    assert cells["调解成功率"].value == 0.571 and cells["调解成功率"].number_format == "0.0%"
    assert cells["协议涉及金额（元）"].value == 6500.5 and cells["协议涉及金额（元）"].number_format == "#,##0.00"
    assert ws["A3"].value == "调解" and any(str(r).startswith("A3:A") for r in ws.merged_cells.ranges)  # the group, merged down
    notes = book["指标说明"]
    assert notes["A1"].value == "指标" and "调委会覆盖率" in [c.value for c in notes["A"]]
    assert main(["--data-dir", root, "report", "mediation", "--period", "2024-13", "--out", str(tmp_path / "x.json")]) == 2
    assert "1 至 12" in capsys.readouterr().err
    by_station = ["--data-dir", root, "report", "mediation", "--period", str(Y), "--by-station", "--out",
                  str(tmp_path / "s.json")]
    assert main(by_station) == 2 and "只能在县司法局使用" in capsys.readouterr().err
    assert not (tmp_path / "s.json").exists()


def test_county_figures_by_station_add_up(township):
    """At the county each station's figures come from the rows it owns; together they are the whole."""
    from sqlalchemy import text

    from sfs_desktop.core.station.models import Station

    db, t = township
    cases(db, t)
    db.write(lambda s: insert_synced(s, Station, [{"station_code": "430922102", "name": "桃江县司法局某乙司法所",
                                                   "township_code": "430922102", "township_name": "某乙镇"}]))
    with db.engine.begin() as c:  # as if the 大塘社区 committee, its area and its cases came from a second station
        c.execute(text("UPDATE station SET owner = 'st2' WHERE station_code = '430922102'"))
        c.execute(text("UPDATE mediation_committee SET owner = 'st2' WHERE id = :c"), {"c": t["community"]})
        c.execute(text("UPDATE mediation_case SET owner = 'st2' WHERE committee_id = :c"), {"c": t["community"]})
        c.execute(text("UPDATE admin_area SET owner = 'st2' WHERE code = '430922101001'"))
    with db.read() as s:
        whole = stats.compute(s, str(Y))
        rows = dict(tables.by_station(stats.REPORT, s, SYSTEM, str(Y)))
    assert len(rows) == 2
    second = rows["桃江县司法局某乙司法所"]
    first = next(v for k, v in rows.items() if k != "桃江县司法局某乙司法所")
    assert (second["received"], second["success"], second["village_cases"], second["township_cases"]) == (2, 1, 2, 0)
    assert (second["areas"], second["areas_covered"], second["coverage"]) == (1, 1, 1.0)
    assert first["received"] + second["received"] == whole.received == 7
    assert first["success"] + second["success"] == whole.success
    assert second["success_rate"] == 0.5 and isinstance(first["success_rate"], float)
    header, table = tables.station_table(stats.REPORT, list(rows.items()))
    assert header[0] == "司法所" and len(table) == 2 and table[0][1] + table[1][1] == 7
    assert header[1:] == ["受理纠纷数", "调解成功数", "调解成功率", "村（社区）调解占比", "调委会覆盖率", "人民调解员数", "排查次数"]


def test_monthly_series_match_hand_counts(township):
    db, t = township
    cases(db, t)
    with db.read() as s:
        months = stats.monthly(s, Y)
        whole = stats.compute(s, str(Y))
        assert len(months) == 12
    jan, feb, may = months[0], months[1], months[4]
    assert (jan.received, jan.success, jan.success_rate, jan.village_share) == (1, 1, 1.0, 1.0)
    assert (feb.received, feb.success, feb.success_rate) == (1, 0, 0.0)
    assert (may.received, may.township_cases, may.village_share) == (1, 1, 0.0)
    assert months[5].received == 0 and months[5].success_rate is None
    assert sum(m.received for m in months) == whole.received
    assert sum(m.village_cases for m in months) == whole.village_cases
    assert stats.by_type(s, str(Y)) == whole.by_type

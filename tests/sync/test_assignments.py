"""县局交办 in core: the county hands a dispute over to one station through the declared record
types; refusals change nothing; both ends list it from the rows' sync columns and the acks."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlmodel import select

from sfs_desktop.core import deadlines, duties
from sfs_desktop.core.errors import PermissionDenied, UserError, ValidationError
from sfs_desktop.core.mediation import work
from sfs_desktop.core.mediation.constants import GOVERNMENT_REFERRAL
from sfs_desktop.core.mediation.models import DisputeScreening, MediationCase, MediationCommittee
from sfs_desktop.core.security import audit
from sfs_desktop.core.security.access import SYSTEM, Principal
from sfs_desktop.core.sync import assigned, identity
from sfs_desktop.core.sync.assign import assign_records
from sfs_desktop.core.textvalues import rows_from_file
from tests.sync.conftest import exchange, row, until_quiet

DISPUTE = {"排查日期": "2024-07-01", "排查范围": "竹山村三组", "发现的纠纷": "两户因宅基地边界争执（生成的测试数据）",
           "风险等级": "红色（高）", "限期": "2024-07-15"}


def hand_over(county, station_code: str, *rows, who=SYSTEM):
    numbered = [(i, r) for i, r in enumerate(rows, 2)] if len(rows) > 1 else [(None, rows[0])]
    return county.db.write(lambda s: [r.id for r in assign_records(s, who, "dispute_screening", station_code,
                                                                   numbered)])


def screenings(node) -> int:
    return node.sql("SELECT count(*) FROM dispute_screening")[0][0]


def assign_audits(node) -> list:
    with node.db.read() as s:
        return [e for e in audit.entries(s) if e.action == "assign"]


def test_mediation_declares_the_screening_as_assignable():
    duty, a = duties.assignables()["dispute_screening"]
    assert (duty.key, a.label, a.due) == ("mediation", "交办矛盾纠纷", "target_date")
    assert duties.resolve(a.check) is work.check_screening


def test_a_handed_over_dispute_reaches_its_station_only_and_its_handling_travels_back(county, station, station2):
    [sid] = hand_over(county, station.node_id, DISPUTE)
    got = row(county, DisputeScreening, sid)
    assert (got.owner, got.origin, got.risk_level, got.screened_on) == (station.node_id, "county", "1",
                                                                        date(2024, 7, 1))
    with county.db.read() as s:
        [h] = assigned.handed_over(s, SYSTEM)
    assert (h.station, h.kind, h.delivered, h.handled, h.assigned_by) == (station.node_id, "交办矛盾纠纷", False, False,
                                                                          got.created_by)
    assert "宅基地" in h.what and h.status_label == "未处理" and h.delivery_label.startswith("未签收")

    until_quiet(county, [station, station2])
    assert row(station2, DisputeScreening, sid) is None  # another station never sees it
    with station.db.read() as s:
        [r] = assigned.received(s, SYSTEM)
        due = [i for i in deadlines.collect(s, date(2024, 7, 10)) if i.record_id == sid]
    assert r.row_id == sid and r.received_at is not None and not r.handled and r.due == date(2024, 7, 15)
    assert [(i.title, i.due, i.duty) for i in due] == [("县局交办待处理", date(2024, 7, 15), "人民调解")]
    with station2.db.read() as s:
        assert assigned.received(s, SYSTEM) == []
    with county.db.read() as s:
        assert assigned.handed_over(s, SYSTEM)[0].delivered  # the station's ack came back

    def take_up(s):  # the station's normal step: the dispute becomes a draft case of its committee
        c = MediationCommittee(name="竹山村人民调解委员会", committee_type="01", active=True)
        s.add(c)
        s.flush()
        return work.screening_to_case(s, SYSTEM, sid, c.id, "03").id
    case_id = station.db.write(take_up)
    assert row(station, MediationCase, case_id).source == GOVERNMENT_REFERRAL  # 政府部门移交, not 主动调解
    with station.db.read() as s:
        assert assigned.received(s, SYSTEM)[0].handled
        assert not [i for i in deadlines.collect(s, date(2024, 7, 10)) if i.record_id == sid]
    until_quiet(county, [station, station2])
    assert row(county, DisputeScreening, sid).case_id == case_id
    with county.db.read() as s:
        [h] = assigned.handed_over(s, SYSTEM, station.node_id)
        assert h.handled and h.status_label == "处理中"
        assert assigned.handed_over(s, SYSTEM, station2.node_id) == []
    assert county.digest(station.node_id) == station.digest(station.node_id)


def test_every_bad_row_is_named_and_nothing_is_written(county, station):
    bad = [dict(DISPUTE), {**DISPUTE, "风险等级": "紫色", "限期": "明天"}, {**DISPUTE, "排查范围": ""},
           {**DISPUTE, "限期": "2024-06-01"}, {**DISPUTE, "地址": "x"}]
    with pytest.raises(ValidationError) as err:
        hand_over(county, station.node_id, *bad)
    messages = [p.message for p in err.value.problems]
    assert messages == ["第 3 行：“风险等级”的值“紫色”不在可选范围内（可选：红色（高）、橙色（中）、黄色（低））",
                        "第 3 行：“限期”应为日期，如 2024-01-05、2024/1/5 或 2024年1月5日（填的是“明天”）",
                        "第 4 行：“排查范围”必须填写",
                        "第 5 行：化解限期不能早于排查日期",
                        "第 6 行：没有“地址”这一项（可填：排查日期、排查范围、排查人、发现的纠纷、发现纠纷数、风险等级、化解措施、责任人、限期）"]
    assert screenings(county) == 0 and assign_audits(county) == []


def test_refused_at_a_station_for_an_unknown_or_revoked_station_or_type(county, station, station2):
    with pytest.raises(UserError, match="只有县司法局可以交办"):
        hand_over(station, station.node_id, DISPUTE)
    with pytest.raises(UserError, match="名册中没有司法所 430922199"):
        hand_over(county, "430922199", DISPUTE)
    county.db.write(lambda s: identity.revoke_station(s, station2.node_id, SYSTEM))
    with pytest.raises(UserError, match="已被吊销"):
        hand_over(county, station2.node_id, DISPUTE)
    with pytest.raises(UserError, match="“mediation_case”不是可交办的记录类型；可交办：dispute_screening（交办矛盾纠纷）、correction_subject（交办社区矫正对象）、released_person（刑满释放人员通知书）、rp_prerelease（预释放人员名单）"):
        county.db.write(lambda s: assign_records(s, SYSTEM, "mediation_case", station.node_id, [(None, {})]))
    with pytest.raises(PermissionDenied):
        hand_over(county, station.node_id, DISPUTE, who=Principal("ins", "inspector"))
    with pytest.raises(UserError, match="县司法局不接收交办"), county.db.read() as s:
        assigned.received(s, SYSTEM)
    with pytest.raises(UserError, match="只有县司法局有交办记录"), station.db.read() as s:
        assigned.handed_over(s, SYSTEM)
    assert screenings(county) == screenings(station) == 0 and assign_audits(county) == []


def test_who_assigned_and_what_is_audited_never_the_values(county, station):
    [sid] = hand_over(county, station.node_id, DISPUTE, who=Principal("county-clerk", "staff"))
    [entry] = assign_audits(county)
    assert (entry.actor, entry.table_name, entry.record_id) == ("county-clerk", "dispute_screening", sid)
    assert set(entry.fields.split(",")) == {"screened_on", "scope", "found", "risk_level", "target_date"}
    assert "宅基地" not in entry.fields
    with county.db.read() as s:
        assert audit.verify(s) is None


def test_rows_from_a_spreadsheet_or_json_keep_their_row_numbers(tmp_path, county, station):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(DISPUTE))
    sheet.append([date(2024, 7, 1), "竹山村一组", "土地承包争议", "2", date(2024, 8, 1)])
    sheet.append([None] * 5)  # an empty row is skipped, the numbering is the sheet's
    sheet.append(["2024-07-02", "竹山村二组", "邻里纠纷", "黄色（低）", None, "多余"])
    book.save(tmp_path / "values.xlsx")
    rows = rows_from_file(tmp_path / "values.xlsx")
    assert [n for n, _r in rows] == [2, 4] and rows[1][1]["第 F 列（无标题）"] == "多余"
    with pytest.raises(ValidationError, match="第 4 行：没有“第 F 列（无标题）”这一项"):
        county.db.write(lambda s: assign_records(s, SYSTEM, "dispute_screening", station.node_id, rows))
    (tmp_path / "values.json").write_text(json.dumps([DISPUTE, {**DISPUTE, "排查范围": "竹山村四组"}],
                                                     ensure_ascii=False), encoding="utf-8")
    rows = rows_from_file(tmp_path / "values.json")
    county.db.write(lambda s: assign_records(s, SYSTEM, "dispute_screening", station.node_id, rows))
    with county.db.read() as s:
        scopes = s.exec(select(DisputeScreening.scope).order_by(DisputeScreening.scope)).all()
    assert scopes == ["竹山村三组", "竹山村四组"]
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(UserError, match="不是有效的 JSON 文件"):
        rows_from_file(tmp_path / "bad.json")
    (tmp_path / "values.csv").write_text("排查日期,排查范围\n2024-07-01,竹山村五组\n", encoding="gbk")
    assert rows_from_file(tmp_path / "values.csv") == [(2, {"排查日期": "2024-07-01", "排查范围": "竹山村五组"})]
    (tmp_path / "values.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UserError, match="只能读取 .json、.xlsx 或 .csv"):
        rows_from_file(tmp_path / "values.xls")


def test_the_station_lists_an_arrival_once_even_after_the_county_changes_it(county, station):
    [sid] = hand_over(county, station.node_id, DISPUTE)
    exchange(county, station)
    with station.db.read() as s:
        first = assigned.received(s, SYSTEM)[0].received_at

    def change(s):
        r = s.get(DisputeScreening, sid)
        r.measures = "请所里先行稳控"
        s.add(r)
    county.db.write(change)
    exchange(county, station)
    with station.db.read() as s:
        [r] = assigned.received(s, SYSTEM)
    assert r.received_at == first and not r.handled  # the county's own change is not the station's handling

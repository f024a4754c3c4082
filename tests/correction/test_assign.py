"""The county hands a correction subject over to a station (县局交办, issue 16), in core: the person
entered with it is the station's and travels with it; bad values change nothing; the station's
proposal comes back decided (granted or not, once) and its list shows the decision."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from sfs_desktop.core.correction import lists, work
from sfs_desktop.core.correction.constants import AWAITING, SUPERVISED
from sfs_desktop.core.correction.models import CcSanctionDecision, CorrectionSubject
from sfs_desktop.core.errors import PermissionDenied, UserError, ValidationError
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.people.registry import register_person
from sfs_desktop.core.security.access import Principal
from sfs_desktop.core.sync.assign import assign_records
from tests.sync.conftest import county, exchange, row, station, station2  # noqa: F401 - fixtures

HEAD = Principal("admin", "head", "所长")
MEDIATOR = Principal("m1", "mediator", "调解员", frozenset({"c1"}))
ID = "430922199001010015"  # generated, check digit valid
SUBJECT = {"姓名": "测试对象乙", "证件号码": ID, "户籍地址": "湖南省桃江县灰山港镇测试村", "矫正类别": "缓刑",
           "原判主刑": "有期徒刑", "原判刑期（月）": "12", "判决（裁定、决定）生效日期": "2024-06-03",
           "矫正期限起": "2024-06-03", "矫正期限止": "2025-06-02", "罪名": "危险驾驶罪（测试数据）"}


def assign(node, code, *rows, who=HEAD):
    numbered = [(i, r) for i, r in enumerate(rows, 2)] if len(rows) > 1 else [(None, rows[0])]
    return node.db.write(lambda s: [r.id for r in assign_records(s, who, "correction_subject", code, numbered)])


def count(node, table) -> int:
    return node.sql(f"SELECT count(*) FROM {table}")[0][0]


def test_the_person_entered_with_a_subject_is_the_stations_and_travels_with_it(county, station, station2):
    [sid] = assign(county, station.node_id, SUBJECT)
    subject = row(county, CorrectionSubject, sid)
    person = row(county, Person, subject.person_id)
    assert (subject.owner, person.owner, person.origin) == (station.node_id, station.node_id, county.node_id)
    assert (subject.name, subject.status, person.gender, person.birth_date) == ("测试对象乙", AWAITING, "1",
                                                                                date(1990, 1, 1))
    exchange(county, station)
    exchange(county, station2)
    arrived = row(station, Person, subject.person_id)
    assert arrived.id_number == ID and row(station, CorrectionSubject, sid).crimes == "危险驾驶罪（测试数据）"
    assert count(station2, "correction_subject") == count(station2, "person") == 0
    # on the register once: the same person again is refused (the county finds the station's person)
    with pytest.raises(ValidationError, match="已在册接受社区矫正"):
        assign(county, station.node_id, SUBJECT)
    assert count(county, "person") == 1


def test_a_person_the_station_registered_is_found_by_its_keyed_number(county, station):
    pid = station.db.write(lambda s: register_person(s, HEAD, {"name": "测试对象乙", "id_number": ID}).id)
    exchange(county, station)  # the county's secret for person keys
    exchange(station, county)
    assert row(county, Person, pid).id_number is None  # the county holds it without the number
    [sid] = assign(county, station.node_id, SUBJECT)
    assert row(county, CorrectionSubject, sid).person_id == pid and count(county, "person") == 1


def test_bad_values_refuse_the_whole_file_and_keep_no_person(county, station):
    bad_term = {**SUBJECT, "矫正期限止": "2024-09-02"}  # under a year of 缓刑 for 有期徒刑
    bad_code = {**SUBJECT, "证件号码": "430922199001010023", "矫正类别": "社区服务"}
    future = {**SUBJECT, "证件号码": "430922199001010031", "判决（裁定、决定）生效日期": "2999-01-01"}
    bad_id = {**SUBJECT, "证件号码": "430922199001010016"}
    with pytest.raises(ValidationError) as e:
        assign(county, station.node_id, bad_term, bad_code, future, bad_id)
    text = str(e.value)
    assert "第 2 行：" in text and "考验期" in text and "第 3 行：“矫正类别”" in text
    assert "第 4 行：判决生效日期不能晚于今天" in text and "第 5 行：“证件号码”校验码" in text
    assert count(county, "person") == count(county, "correction_subject") == 0
    with pytest.raises(PermissionDenied):  # criminal-record data: never by a 调解员
        assign(county, station.node_id, SUBJECT, who=MEDIATOR)
    with pytest.raises(ValidationError, match="不是司法所 430922101 的人员"):
        assign(county, station.node_id, {"人员": "no-such-person", **SUBJECT})


def test_a_proposal_is_decided_once_at_the_county_and_the_station_sees_it(county, station):
    [sid] = assign(county, station.node_id, SUBJECT)
    exchange(county, station)
    today = date(2024, 8, 1)

    def supervise(s):
        work.report_in(s, HEAD, sid, date(2024, 6, 10), today=today)
        work.record_supervision(s, HEAD, sid, {"kind": "report", "day": date(2024, 7, 5)}, today=today)
        v = work.record_violation(s, HEAD, sid, {"occurred_on": date(2024, 7, 25), "kind": "10",
                                                 "facts": "未经批准离开县境（测试数据）"}, today=today)
        work.propose(s, HEAD, v.id, "03", date(2024, 7, 26))
        return v.id

    vid = station.db.write(supervise)
    assert row(station, CorrectionSubject, sid).status == SUPERVISED
    with pytest.raises(PermissionDenied, match="县级社区矫正机构决定"):
        station.db.write(lambda s: work.decide_sanction(s, HEAD, vid, None, date(2024, 7, 30)))
    exchange(station, county)
    with county.db.read() as s:
        [pending] = lists.proposals(s, HEAD, pending=True)
        assert (pending.subject, pending.proposed, pending.station) == ("测试对象乙", "警告", station.node_id)
        assert lists.proposal_id(s, HEAD, vid[:8]) == vid
    with pytest.raises(UserError, match="理由"):
        county.db.write(lambda s: work.decide_sanction(s, HEAD, vid, None, date(2024, 7, 30), approve=False))
    county.db.write(lambda s: work.decide_sanction(s, HEAD, vid, None, date(2024, 7, 30), approve=False,
                                                   note="情节较轻，先予训诫教育"))
    with pytest.raises(UserError, match="已经决定"):
        county.db.write(lambda s: work.decide_sanction(s, HEAD, vid, None, date(2024, 7, 31)))
    exchange(county, station)
    with station.db.read() as s:
        [seen] = lists.proposals(s, HEAD, pending=False)
        assert (seen.decision, seen.measure, seen.note) == ("不批准", "警告", "情节较轻，先予训诫教育")
        # a proposal not granted is not a 警告 on the subject's record
        assert work.sanction_record(s, s.get(CorrectionSubject, sid)).warnings == 0
        assert s.exec(select(CcSanctionDecision)).one().owner == station.node_id

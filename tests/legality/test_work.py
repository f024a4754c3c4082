"""Legality-review operations: the principal refused in core, bad input refused in Chinese with
nothing written, H8 checked against the staff record, the opinion numbered 桃灰司审〔2024〕N号,
H1's flag, due items (issue 18)."""

from datetime import date as D

import pytest
from sqlmodel import func, select

from sfs_desktop.core import deadlines
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.errors import PermissionDenied, UserError, ValidationError
from sfs_desktop.core.legality import work
from sfs_desktop.core.legality.constants import (ADOPTED, CONTRACT, ENFORCEMENT, ISSUED, LAWFUL, LAWFUL_AMENDED,
                                                 NO_MEETING, RETURNED, REVIEWING, UNLAWFUL, VILLAGE)
from sfs_desktop.core.legality.models import LegalityReview, LhSuggestion
from sfs_desktop.core.people.models import Organization
from sfs_desktop.core.security.access import Principal
from sfs_desktop.core.station.models import Staff

STAFF = Principal("staff1", "staff", "工作人员")
MEDIATOR = Principal("m1", "mediator", "调解员", frozenset({"c1"}))
INSPECTOR = Principal("i1", "inspector", "检查")
TODAY = D(2024, 11, 29)
FINDINGS = {"finding_authority": "镇人民政府有权订立", "finding_procedure": "经党政联席会议研究",
            "finding_content": "第八条租赁期限三十年，超过二十年部分无效", "finding_risk": "存在部分条款无效的风险"}


def _setup(db):
    def build(s):
        [unit] = insert_synced(s, Organization, [{"name": "桃花江镇农业综合服务中心"}])
        novice, lawyer = insert_synced(s, Staff, [{"name": "新手甲", "legal_qualification": False},
                                                  {"name": "律师乙", "legal_qualification": True}])
        return unit, novice, lawyer
    return db.write(build)


def _register(db, **over):
    values = {"item_type": CONTRACT, "title": "土地租赁合同", "received_on": D(2024, 9, 30),
              "materials": "01,02,03,07,08,09", **over}
    return db.write(lambda s: work.register(s, STAFF, values, today=TODAY).id)


def _count(db, model):
    with db.read() as s:
        return s.exec(select(func.count()).select_from(model)).one()


def test_a_mediator_or_inspector_is_refused_in_core(station_db):
    rid = _register(station_db)
    for who in (MEDIATOR, INSPECTOR):
        with pytest.raises(PermissionDenied):
            station_db.write(lambda s: work.register(s, who, {"item_type": CONTRACT, "title": "x",
                                                             "received_on": D(2024, 9, 30)}, today=TODAY))
        with pytest.raises(PermissionDenied):
            station_db.write(lambda s: work.add_suggestion(s, who, rid, "建议"))
    with station_db.read() as s:
        with pytest.raises(PermissionDenied, match="调解员"):
            work.review(s, MEDIATOR, rid)
        assert work.review(s, INSPECTOR, rid).title == "土地租赁合同"


def test_bad_input_is_refused_in_chinese_and_nothing_is_written(station_db):
    before = _count(station_db, LegalityReview)
    with pytest.raises(ValidationError, match="审查事项类型"):
        _register(station_db, item_type="09")
    with pytest.raises(ValidationError, match="审查事项"):
        _register(station_db, title="")
    with pytest.raises(UserError, match="不能晚于今天"):
        _register(station_db, received_on=D(2024, 12, 2))
    with pytest.raises(UserError, match="代码“99”不在代码表中"):
        _register(station_db, materials="01,99")
    with pytest.raises(UserError, match="单位信息库"):
        _register(station_db, unit_id="nope")
    with pytest.raises(UserError, match="少于 7 个工作日"):
        _register(station_db, item_type="01", requested_by=D(2024, 10, 14))
    with pytest.raises(UserError, match="不能在此填写"):
        _register(station_db, due_on=D(2025, 1, 1))
    assert _count(station_db, LegalityReview) == before


def test_due_date_from_the_parameter_and_the_clock_stopped_by_a_return(station_db):
    rid = _register(station_db)  # a contract: 7 working days from the eve of 国庆
    with station_db.read() as s:
        assert work.review(s, STAFF, rid).due_on == D(2024, 10, 15)
        items = [i for i in deadlines.collect(s, D(2024, 10, 10), who=STAFF) if i.duty == "合法性审查"]
        assert [(i.due, i.record_id) for i in items] == [(D(2024, 10, 15), rid)]
    with pytest.raises(UserError, match="补充的材料"):
        station_db.write(lambda s: work.return_for_supplement(s, STAFF, rid, D(2024, 10, 9), " ", today=TODAY))
    station_db.write(lambda s: work.return_for_supplement(s, STAFF, rid, D(2024, 10, 9), "补充预算证明", today=TODAY))
    with station_db.read() as s:
        row = work.review(s, STAFF, rid)
        assert (row.state, row.due_on) == (RETURNED, None)
        assert not [i for i in deadlines.collect(s, D(2024, 10, 10), who=STAFF) if i.duty == "合法性审查"]
    with pytest.raises(UserError, match="退回补充材料"):  # greyed step refused in core too
        station_db.write(lambda s: work.conclude(s, STAFF, rid, LAWFUL, D(2024, 10, 10), "所长", today=TODAY))
    with pytest.raises(UserError, match="不能早于退回日期"):
        station_db.write(lambda s: work.resubmitted(s, STAFF, rid, D(2024, 10, 8), None, today=TODAY))
    station_db.write(lambda s: work.resubmitted(s, STAFF, rid, D(2024, 10, 14), None, today=TODAY))
    with station_db.read() as s:
        row = work.review(s, STAFF, rid)
        assert (row.state, row.due_on) == (REVIEWING, D(2024, 10, 23))


def test_a_first_time_penalty_reviewer_without_the_qualification_is_refused(station_db):
    unit, novice, lawyer = _setup(station_db)
    base = {"item_type": ENFORCEMENT, "penalty_review": True, "materials": "01,02,03,10"}
    before = _count(station_db, LegalityReview)
    with pytest.raises(UserError, match="新手甲初次从事.*法律职业资格"):
        _register(station_db, **base, reviewer_id=novice)
    assert _count(station_db, LegalityReview) == before
    rid = _register(station_db, **base, reviewer_id=lawyer)
    with pytest.raises(UserError, match="法律职业资格"):
        station_db.write(lambda s: work.update(s, STAFF, rid, {"reviewer2_id": novice}))
    # a non-penalty review by the same person is fine
    _register(station_db, reviewer_id=novice)


def test_contract_review_findings_two_suggestions_opinion_numbered_and_feedback(station_db):
    unit, novice, lawyer = _setup(station_db)
    rid = _register(station_db, unit_id=unit)
    with station_db.read() as s:
        assert work.review(s, STAFF, rid).meeting == NO_MEETING  # H1: not yet reviewed, shown in the ledger
    with pytest.raises(UserError, match="尚未指定审查人员.*主体及权限"):
        station_db.write(lambda s: work.conclude(s, STAFF, rid, LAWFUL, D(2024, 10, 10), "所长", today=TODAY))
    station_db.write(lambda s: work.update(s, STAFF, rid, {**FINDINGS, "reviewer_id": lawyer, "lease_years": 30,
                                                           "adviser": "湖南某律师事务所王律师"}))
    station_db.write(lambda s: work.add_suggestion(s, STAFF, rid, "将租赁期限调整为二十年以内"))
    station_db.write(lambda s: work.add_suggestion(s, STAFF, rid, "补充违约责任条款"))
    with pytest.raises(UserError, match="请选择审查结论"):
        station_db.write(lambda s: work.conclude(s, STAFF, rid, "09", D(2024, 10, 10), "所长", today=TODAY))
    with pytest.raises(UserError, match="超过二十年.*结论不能为“合法”"):  # H12
        station_db.write(lambda s: work.conclude(s, STAFF, rid, LAWFUL, D(2024, 10, 10), "所长", today=TODAY))
    with station_db.read() as s:
        assert work.reminders(work.review(s, STAFF, rid)) == ["租赁期限 30 年超过二十年，超过部分无效（民法典第七百零五条）"]
    row = station_db.write(lambda s: work.conclude(s, STAFF, rid, LAWFUL_AMENDED, D(2024, 10, 10), "所长",
                                                   today=TODAY))
    assert row.review_no == "桃灰司审〔2024〕1号"
    with station_db.read() as s:
        row = work.review(s, STAFF, rid)
        assert (row.state, work.meeting_flag(row), row.meeting) == (ISSUED, None, None)  # the ledger's column too
        sugg = work.suggestions(s, STAFF, rid)
        assert [x.seq for x in sugg] == [1, 2]
    with pytest.raises(UserError, match="不能早于审查意见出具日期"):
        station_db.write(lambda s: work.feedback(s, STAFF, sugg[0].id, ADOPTED, D(2024, 10, 9), today=TODAY))
    with pytest.raises(UserError, match="采纳情况"):
        station_db.write(lambda s: work.feedback(s, STAFF, sugg[0].id, "01", D(2024, 10, 20), today=TODAY))
    station_db.write(lambda s: work.feedback(s, STAFF, sugg[0].id, ADOPTED, D(2024, 10, 20), today=TODAY))
    with station_db.read() as s:
        assert s.get(LhSuggestion, sugg[0].id).adoption == ADOPTED
    rid2 = _register(station_db, reviewer_id=lawyer, **FINDINGS)
    row2 = station_db.write(lambda s: work.conclude(s, STAFF, rid2, UNLAWFUL, D(2024, 10, 11), "所长", today=TODAY))
    assert row2.review_no == "桃灰司审〔2024〕2号"
    with station_db.read() as s:
        assert work.review(s, STAFF, rid2).meeting == NO_MEETING


def test_village_rules_without_quorum_or_with_unlawful_clauses_are_not_lawful(station_db):
    unit, novice, lawyer = _setup(station_db)
    facts = {"adults": 400, "present": 200, "households": 150, "households_present": 90, "votes_for": 150,
             "notice_days": 7, "clauses": "01,03"}
    rid = _register(station_db, item_type=VILLAGE, title="某村村规民约", materials="01,02,03,05,11",
                    reviewer_id=lawyer, **FINDINGS)
    with pytest.raises(UserError, match="相抵触的条款”中的代码“77”不在代码表中"):
        station_db.write(lambda s: work.update(s, STAFF, rid, {"clauses": "01,77"}))
    station_db.write(lambda s: work.update(s, STAFF, rid, facts))
    with station_db.read() as s:
        found = work.problems(s, work.review(s, STAFF, rid))
        assert any("法定人数" in p for p in found) and any("提前十天" in p for p in found)
    with pytest.raises(UserError, match="法定人数"):
        station_db.write(lambda s: work.conclude(s, STAFF, rid, LAWFUL, D(2024, 10, 10), "所长", today=TODAY))
    station_db.write(lambda s: work.update(s, STAFF, rid, {"present": 201, "notice_days": 10}))
    with pytest.raises(UserError, match="责令改正"):
        station_db.write(lambda s: work.conclude(s, STAFF, rid, LAWFUL, D(2024, 10, 10), "所长", today=TODAY))
    row = station_db.write(lambda s: work.conclude(s, STAFF, rid, LAWFUL_AMENDED, D(2024, 10, 10), "所长",
                                                   today=TODAY))
    assert row.state == ISSUED

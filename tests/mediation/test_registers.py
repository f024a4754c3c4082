"""Committees, mediators, parties and the agreement text: saved with their rules, refused in plain words."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core import deadlines
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.mediation import casework, committees, rules
from sfs_desktop.core.mediation.models import MediationAgreement, MediationCommittee, Mediator
from sfs_desktop.core.people import registry
from tests.mediation.conftest import HEAD, new_case

TODAY = date.today()


def test_term_is_three_years_and_renewal_is_reminded(township):
    db, t = township
    start = date(TODAY.year - 3, TODAY.month, min(TODAY.day, 28)) + timedelta(days=2)  # the term ends within days
    c = db.write(lambda s: committees.save_committee(s, HEAD, {"name": "石门村人民调解委员会", "committee_type": "01",
                                                         "area_code": "430922101202", "term_start": start}))
    assert c.term_end == committees.term_end_for(start) and c.term_end.year == start.year + 3
    assert committees.term_end_for(date(2024, 2, 29)) == date(2027, 2, 27)
    with db.read() as s:
        items = [i for i in deadlines.collect(s, TODAY) if i.title == "调解委员会换届"]
    assert [i.ref for i in items] == ["石门村人民调解委员会"]
    for days_left, shown in ((80, True), (100, False)):  # reminded a quarter ahead, not earlier
        db.write(lambda s: committees.save_committee(s, HEAD, {"term_end": TODAY + timedelta(days=days_left)}, c.id))
        with db.read() as s:
            items = [i for i in deadlines.collect(s, TODAY) if i.title == "调解委员会换届"]
        assert bool(items) is shown, days_left


@pytest.mark.parametrize("values, message", [
    ({"name": "", "committee_type": "01"}, "“调解委员会名称”必须填写"),
    ({"name": "甲", "committee_type": "01"}, "须选择所在村"),
    ({"name": "甲", "committee_type": "01", "area_code": "430922101201"}, "已有在运行的调解委员会“竹山村人民调解委员会”"),
    ({"name": "甲", "committee_type": "03", "term_start": TODAY, "term_end": TODAY}, "届满日期应晚于"),
    ({"name": "甲", "committee_type": "99"}, "不在代码表中"),
])
def test_bad_committee_is_refused(township, values, message):
    db, _t = township
    with db.read() as s:
        before = len(s.exec(MediationCommittee.__table__.select()).all())
    with pytest.raises(UserError, match=message):
        db.write(lambda s: committees.save_committee(s, HEAD, values))
    with db.read() as s:
        assert len(s.exec(MediationCommittee.__table__.select()).all()) == before


def test_mediator_comes_from_the_registry_and_leaving_needs_a_reason(township):
    db, t = township
    db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "钱六", "gender": "2"}))
    m = db.write(lambda s: committees.save_mediator(s, HEAD, {"committee_id": t["village"], "role": "03"}, "钱六"))
    assert (m.name, m.gender) == ("钱六", "2")
    with pytest.raises(UserError, match="已是该调解委员会的在任调解员"):
        db.write(lambda s: committees.save_mediator(s, HEAD, {"committee_id": t["village"]}, "钱六"))
    with pytest.raises(UserError, match="没有“无名氏”"):
        db.write(lambda s: committees.save_mediator(s, HEAD, {"committee_id": t["village"]}, "无名氏"))
    with pytest.raises(UserError, match="须填写原因"):
        db.write(lambda s: committees.save_mediator(s, HEAD, {"status": "04"}, mediator_id=m.id))
    db.write(lambda s: committees.save_mediator(s, HEAD, {"status": "04", "status_reason": "外出务工"}, mediator_id=m.id))
    with db.read() as s:
        assert s.get(Mediator, m.id).status == "04"


def test_parties_are_added_once_and_only_before_the_decision(township):
    db, t = township
    cid = new_case(db, t["village"], t["people"])
    with pytest.raises(UserError, match="已是本案当事人"):
        db.write(lambda s: casework.add_party(s, HEAD, cid, "02", "乙二"))
    with pytest.raises(UserError, match="请选择当事人类别"):
        db.write(lambda s: casework.add_party(s, HEAD, cid, "", "丙三"))
    p = db.write(lambda s: casework.add_party(s, HEAD, cid, "03", "丙三", " 代理人甲 "))
    assert p.agent_name == "代理人甲"
    db.write(lambda s: casework.remove_party(s, HEAD, cid, p.id))
    with db.read() as s:
        assert len(rules.parties(s, cid)) == 2


def test_agreement_terms_are_checked(township):
    db, t = township
    cid = new_case(db, t["village"], t["people"])
    db.write(lambda s: rules.accept(s, HEAD, cid, TODAY))
    db.write(lambda s: rules.start(s, HEAD, cid, t["mediators"][:1]))

    def save(**kw):
        args = dict(form="1", facts="排水沟纠纷", terms=[{"content": "疏通排水沟"}], manner="当场", parties_signed=True,
                    mediator_signed=True, seal_affixed=True)
        return db.write(lambda s: casework.save_agreement(s, HEAD, cid, **{**args, **kw}))
    with pytest.raises(UserError, match="至少要有一条"):
        save(terms=[{"content": " "}])
    with pytest.raises(UserError, match="第 1 条协议内容是空的"):
        save(terms=[{"content": "", "amount": "100"}])
    with pytest.raises(UserError, match="不是数字"):
        save(terms=[{"content": "赔偿", "amount": "八百"}])
    with pytest.raises(UserError, match="至多两位小数"):
        save(terms=[{"content": "赔偿", "amount": "8.001"}])
    with pytest.raises(UserError, match="应写成 年-月-日"):
        save(terms=[{"content": "赔偿", "deadline": "下个月"}])
    with pytest.raises(UserError, match="纠纷主要事实"):
        save(facts=" ")
    with db.read() as s:
        assert s.exec(MediationAgreement.__table__.select()).first() is None
    ag = save(terms=[{"obligor": "乙二", "content": "赔偿", "amount": "1,200.5", "deadline": TODAY}])
    assert ag.terms == [{"obligor": "乙二", "content": "赔偿", "amount": "1200.5", "deadline": f"{TODAY:%Y-%m-%d}"}]
    assert db.write(lambda s: rules.reach_agreement(s, HEAD, cid, TODAY)).status == "agreed"


def test_the_overdue_filter_finds_exactly_the_cases_marked_overdue(township):
    """The ledger's 超期 filter (SQL) and the case's 超期 mark (Python) are the same rule."""
    from sfs_desktop.core import ledger
    from sfs_desktop.core.db.synced import insert_synced
    from sfs_desktop.core.mediation.models import MediationCase

    db, t = township
    rows = [{"committee_id": t["township"], "dispute_type": "02", "summary": "排水沟纠纷", "status": status,
             "received_date": TODAY - timedelta(days=days), "continue_consent_on": TODAY if consent else None}
            for days in range(25, 40) for status in ("accepted", "mediating", "agreed") for consent in (False, True)]
    db.write(lambda s: insert_synced(s, MediationCase, rows))
    with db.read() as s:
        cases = s.exec(select(MediationCase)).all()
        found = set(ledger.ids(s, HEAD, MediationCase, casework.overdue_query(ledger.LedgerQuery(), TODAY)))
    marked = {c.id for c in cases if casework.is_overdue(c, TODAY)}
    assert marked and len(marked) < len(cases)  # both kinds are there
    assert found == marked
    assert all(c.status in rules.OPEN and c.continue_consent_on is None for c in cases if c.id in marked)


def test_roles_limit_who_may_change_the_registers(township):
    from sfs_desktop.core.errors import PermissionDenied
    from sfs_desktop.core.mediation import work
    from sfs_desktop.core.security.access import Principal

    db, t = township
    inspector = Principal("jc", "inspector", "检查员")
    own = Principal("tj", "mediator", "调解员", frozenset({t["village"]}))
    with pytest.raises(PermissionDenied, match="无权新增或修改记录"):
        db.write(lambda s: work.add_screening(s, inspector, {"screened_on": TODAY, "scope": "竹山村"}))
    with pytest.raises(PermissionDenied, match="本调解委员会"):
        db.write(lambda s: committees.save_committee(s, own, {"name": "改名"}, t["township"]))
    case = {"committee_id": t["township"], "dispute_type": "02", "summary": "排水沟纠纷"}
    with pytest.raises(PermissionDenied):
        db.write(lambda s: casework.register_case(s, inspector, case, "甲一", "乙二"))
    with pytest.raises(PermissionDenied, match="本调解委员会"):
        db.write(lambda s: casework.register_case(s, own, case, "甲一", "乙二"))
    assert db.write(lambda s: casework.register_case(s, own, {**case, "committee_id": t["village"]},
                                                     "甲一", "乙二")).status == "draft"
    db.write(lambda s: committees.save_committee(s, own, {"director_name": "甲一"}, t["village"]))
    with pytest.raises(PermissionDenied):
        db.write(lambda s: committees.save_committee(s, own, {"name": "新调委会", "committee_type": "03"}))


def test_judicial_confirmation_and_escalation_are_recorded_with_their_limits(township):
    from sfs_desktop.core.mediation.models import MediationCase

    db, t = township
    cid = new_case(db, t["village"], t["people"])
    with pytest.raises(UserError, match="请填写已报告的单位"):
        db.write(lambda s: casework.record_risk(s, HEAD, cid, " "))
    db.write(lambda s: casework.record_risk(s, HEAD, cid, "灰山港派出所"))
    agreed_on = TODAY - timedelta(days=40)
    db.write(lambda s: rules.accept(s, HEAD, cid, agreed_on - timedelta(days=2)))
    db.write(lambda s: rules.start(s, HEAD, cid, t["mediators"][:1]))
    with pytest.raises(UserError, match="状态|不能进行此操作"):
        db.write(lambda s: casework.record_confirmation(s, HEAD, cid, TODAY, "桃江县人民法院"))
    db.write(lambda s: casework.save_agreement(s, HEAD, cid, form="1", facts="争执", terms=[{"content": "道歉"}],
                                               manner=None, parties_signed=True, mediator_signed=True,
                                               seal_affixed=True))
    db.write(lambda s: rules.reach_agreement(s, HEAD, cid, agreed_on))
    with pytest.raises(UserError, match="已超过三十日申请期限"):
        db.write(lambda s: casework.record_confirmation(s, HEAD, cid, TODAY, "桃江县人民法院"))
    db.write(lambda s: casework.record_confirmation(s, HEAD, cid, agreed_on + timedelta(days=10), "桃江县人民法院"))
    with db.read() as s:
        c = s.get(MediationCase, cid)
    assert (c.escalation_risk, c.escalation_reported_to, c.confirmation_court) == (True, "灰山港派出所", "桃江县人民法院")

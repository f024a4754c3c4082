"""Every path of the case state machine (§3.4), and every refused transition with its reason."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.errors import PermissionDenied, UserError
from sfs_desktop.core.mediation import casefile, rules, work
from sfs_desktop.core.mediation.models import FollowUpVisit, MediationAgreement, MediationCase, MediationParty
from sfs_desktop.core.security.access import Principal
from tests.mediation.conftest import HEAD, new_case

TODAY = date.today()
RECEIVED = TODAY - timedelta(days=10)


def case(db, cid):
    with db.read() as s:
        return s.get(MediationCase, cid)


def go(db, fn, *args, **kw):
    return db.write(lambda s: fn(s, HEAD, *args, **kw))


def agreement(db, cid, *, form="1", signed=True, terms=True):
    def build(s):
        s.add(MediationAgreement(case_id=cid, form=form, facts="双方因排水沟发生争执。", mediator_signed=signed,
                                 seal_affixed=signed,
                                 terms=[{"obligor": "乙二", "content": "三日内疏通排水沟", "amount": "800"}] if terms else []))
        for p in s.exec(select(MediationParty).where(MediationParty.case_id == cid)):
            p.signed = signed
    db.write(build)


def test_success_path_through_follow_up_to_archive(township, tmp_path):
    db, t = township
    cid = new_case(db, t["village"], t["people"])
    c = go(db, rules.accept, cid, RECEIVED)
    assert c.status == "accepted" and c.case_no == f"（{RECEIVED.year}）桃灰人调字第1号"
    assert go(db, rules.start, cid, t["mediators"][:2]).status == "mediating"
    agreement(db, cid)
    c = go(db, rules.reach_agreement, cid, TODAY, TODAY + timedelta(days=5))
    assert (c.status, c.result, c.agreement_form, c.performance) == ("agreed", "01", "1", "04")
    with pytest.raises(UserError, match="卷宗还缺：人民调解申请书.*人民调解协议书、人民调解回访记录、封底"):
        go(db, rules.archive, cid, TODAY)
    for form in ("mediation.registration", "mediation.notice", "mediation.agreement", "mediation.cover"):
        printed(db, form, cid, tmp_path)
    record = db.write(lambda s: work.add_record(s, HEAD, cid, {
        "kind": "2", "held_on": TODAY, "place": "村委会", "conducted_by": "甲一", "body": "双方陈述意见。"})).id
    printed(db, "mediation.record", record, tmp_path)
    c = go(db, rules.record_visit, cid, FollowUpVisit(case_id=cid, visit_date=TODAY, visitee="甲一", performance="01"))
    assert c.status == "follow_up" and c.closed_date == TODAY
    with pytest.raises(UserError, match="卷宗还缺：当事人身份证明，"):
        go(db, rules.archive, cid, TODAY)
    db.write(lambda s: casefile.attach(s, SYSTEM, cid, "当事人身份证明", b"%PDF-scan", ".pdf", blob_root=db.paths.attachments))
    assert go(db, rules.archive, cid, TODAY).status == "archived"


def printed(db, form, ref, tmp_path):
    from sfs_desktop.core.printing.service import print_document

    return db.write(lambda s: print_document(s, SYSTEM, form, ref, tmp_path / f"{form}.pdf", blob_root=db.paths.attachments))


def test_oral_agreement_needs_no_signatures(township):
    db, t = township
    cid = new_case(db, t["village"], t["people"])
    go(db, rules.accept, cid, RECEIVED)
    go(db, rules.start, cid, t["mediators"][:1])
    agreement(db, cid, form="2", signed=False)
    assert go(db, rules.reach_agreement, cid, TODAY).agreement_form == "2"


def test_reject_withdraw_terminate_paths(township, tmp_path):
    db, t = township
    a = new_case(db, t["village"], t["people"])
    with pytest.raises(UserError, match="理由"):
        go(db, rules.reject, a, " ", TODAY)
    assert go(db, rules.reject, a, "法院已受理", TODAY).status == "rejected"
    with pytest.raises(UserError, match="卷宗还缺：人民调解申请书、封底，"):
        go(db, rules.archive, a, TODAY)
    printed(db, "mediation.registration", a, tmp_path)
    printed(db, "mediation.cover", a, tmp_path)
    assert go(db, rules.archive, a, TODAY).status == "archived"

    b = new_case(db, t["village"], t["people"])
    go(db, rules.accept, b, RECEIVED)
    assert go(db, rules.withdraw, b, TODAY).result == "03"

    c = new_case(db, t["village"], t["people"])
    go(db, rules.accept, c, RECEIVED)
    go(db, rules.start, c, t["mediators"][:1])
    with pytest.raises(UserError, match="告知当事人"):
        go(db, rules.terminate, c, TODAY, informed_other_routes=False)
    assert go(db, rules.terminate, c, TODAY, informed_other_routes=True).status == "terminated"


def test_refused_transitions_say_why_and_change_nothing(township):
    db, t = township
    one = new_case(db, t["village"], t["people"], n_parties=1)
    with pytest.raises(UserError, match="至少 2 方当事人（现有 1 方）"):
        go(db, rules.accept, one, RECEIVED)
    assert case(db, one).status == "draft" and case(db, one).case_no is None

    cid = new_case(db, t["village"], t["people"])
    with pytest.raises(UserError, match="不能进行此操作"):
        go(db, rules.start, cid, t["mediators"][:1])
    with pytest.raises(UserError, match="晚于今天"):
        go(db, rules.accept, cid, TODAY + timedelta(days=1))
    with pytest.raises(UserError, match="不在任期内"):
        go(db, rules.accept, cid, date(2010, 1, 1))
    go(db, rules.accept, cid, RECEIVED)
    with pytest.raises(UserError, match="至少指定一名调解员"):
        go(db, rules.start, cid, [])
    with pytest.raises(UserError, match="不属于本案的调解委员会"):
        go(db, rules.start, cid, [t["mediators"][2]])
    go(db, rules.start, cid, t["mediators"][:1])
    with pytest.raises(UserError, match="须有调解协议"):
        go(db, rules.reach_agreement, cid, TODAY)
    agreement(db, cid, terms=False)
    with pytest.raises(UserError, match="至少要有一条"):
        go(db, rules.reach_agreement, cid, TODAY)


def test_unsigned_written_agreement_is_not_effective(township):
    db, t = township
    cid = new_case(db, t["village"], t["people"])
    go(db, rules.accept, cid, RECEIVED)
    go(db, rules.start, cid, t["mediators"][:1])
    agreement(db, cid, signed=False)
    with pytest.raises(UserError, match="2 方当事人未签名，调解员未签名，未加盖调解委员会印章"):
        go(db, rules.reach_agreement, cid, TODAY)
    assert case(db, cid).status == "mediating"


def test_past_one_month_needs_recorded_consent(township):
    db, t = township
    cid = new_case(db, t["village"], t["people"])
    go(db, rules.accept, cid, TODAY - timedelta(days=60))
    go(db, rules.start, cid, t["mediators"][:1])
    agreement(db, cid)
    with pytest.raises(UserError, match="超过一个月期限"):
        go(db, rules.reach_agreement, cid, TODAY)
    go(db, rules.record_consent, cid, TODAY)
    assert go(db, rules.reach_agreement, cid, TODAY).status == "agreed"


def test_mediator_account_only_touches_own_committee(township):
    db, t = township
    cid = new_case(db, t["township"], t["people"])
    mediator = Principal("m1", "mediator", "甲一", frozenset({t["village"]}))
    with pytest.raises(PermissionDenied, match="本调解委员会"):
        db.write(lambda s: rules.accept(s, mediator, cid, RECEIVED))


def test_committee_rules_and_coverage(township):
    db, t = township
    from sfs_desktop.core.mediation.models import MediationCommittee

    with db.read() as s:
        village = s.get(MediationCommittee, t["village"])
        assert rules.committee_problems(s, village) == ["委员应为 3–9 人（现有 2 人）"]
        township_c = s.get(MediationCommittee, t["township"])
        assert "委员中应有妇女成员" in rules.committee_problems(s, township_c)
        assert [n for _c, n in rules.uncovered_areas(s)] == ["石门村", "清溪村"]

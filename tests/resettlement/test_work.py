"""安置帮教 operations: the principal refused in core, bad input refused with nothing written, the
handover from correction, the pre-release lists, due items and the declared report (issue 17)."""

from datetime import date

import pytest
from sqlmodel import func, select

from sfs_desktop.core import deadlines, demo
from sfs_desktop.core.correction import work as cc_work
from sfs_desktop.core.correction.models import CcRelease, CorrectionSubject
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.errors import PermissionDenied, UserError, ValidationError
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.reports.tables import compute
from sfs_desktop.core.resettlement import checks, stats, work
from sfs_desktop.core.resettlement.constants import (AWAITING, CORRECTION, EXPIRED, KEY, LOST, ON_REGISTER,
                                                     PICK_UP, REOFFENDED, SELF_REPORT)
from sfs_desktop.core.resettlement.models import (ReleasedPerson, RpCategoryChange, RpContact, RpPrerelease)
from sfs_desktop.core.security import audit
from sfs_desktop.core.security.access import SYSTEM, Principal

STAFF = Principal("staff1", "staff", "工作人员")
MEDIATOR = Principal("m1", "mediator", "调解员", frozenset({"c1"}))
INSPECTOR = Principal("i1", "inspector", "检查")
TODAY = date(2024, 6, 3)
NOTICE = {"name": "测试乙", "gender": "1", "offences": "盗窃罪", "sentence": "有期徒刑二年", "prison": "省第一监狱",
          "release_date": date(2024, 5, 20), "notice_received_on": date(2024, 4, 15)}


def _person(s, name="测试乙"):
    return insert_synced(s, Person, [{"name": name, "gender": "1", "birth_date": date(1988, 3, 1)}])[0]


def _notice(db, who=STAFF, **over):
    return db.write(lambda s: work.register_notice(s, who, {**NOTICE, **over}, today=TODAY).id)


def _received(db, **over):
    rid = _notice(db, **over)
    db.write(lambda s: work.receive(s, STAFF, rid, {"person_id": _person(s), "handover_method": SELF_REPORT,
                                                    "handover_on": date(2024, 5, 22), "reported_on": date(2024, 5, 22)},
                                    today=TODAY))
    return rid


def _count(db, model):
    with db.read() as s:
        return s.exec(select(func.count()).select_from(model)).one()


def test_a_mediator_or_inspector_cannot_read_register_or_see_due_items(station_db):
    rid = _notice(station_db)
    with station_db.read() as s:
        for who in (MEDIATOR, INSPECTOR):
            with pytest.raises(PermissionDenied):
                work.released(s, who, rid)
        assert work.released(s, STAFF, rid).name == "测试乙"
        assert not [i for i in deadlines.collect(s, TODAY, who=INSPECTOR) if i.duty == "安置帮教"]
        assert [i for i in deadlines.collect(s, TODAY, who=STAFF) if i.duty == "安置帮教"]
    for who in (MEDIATOR, INSPECTOR):
        with pytest.raises(PermissionDenied):
            _notice(station_db, who=who)
        with pytest.raises(PermissionDenied):
            station_db.write(lambda s: work.record_contact(s, who, rid, {"kind": "visit", "day": TODAY}, today=TODAY))
    assert _count(station_db, ReleasedPerson) == 1


def test_opening_a_released_person_is_an_audited_s3_view(station_db):
    rid = _notice(station_db)
    station_db.write(lambda s: work.released(s, STAFF, rid))
    with station_db.read() as s:
        assert [e for e in audit.entries(s) if e.action == "view_s3" and e.record_id == rid]


def test_bad_input_is_refused_in_chinese_and_nothing_is_written(station_db):
    with pytest.raises(ValidationError, match="释放类别"):
        _notice(station_db, release_type="09")
    with pytest.raises(ValidationError, match="释放"):
        _notice(station_db, release_date=None)
    with pytest.raises(UserError, match="收到通知书日期不能晚于今天"):
        _notice(station_db, notice_received_on=date(2024, 6, 4))
    with pytest.raises(UserError, match="衔接期限不能早于释放日期"):
        _notice(station_db, report_by=date(2024, 5, 19))
    assert _count(station_db, ReleasedPerson) == 0
    rid = _notice(station_db)
    bad = ({"handover_method": SELF_REPORT, "handover_on": date(2024, 5, 22)}, "人员信息库"),
    for values, message in bad:
        with pytest.raises(UserError, match=message):
            station_db.write(lambda s: work.receive(s, STAFF, rid, values, today=TODAY))
    for values, message in (({"handover_method": SELF_REPORT, "handover_on": date(2024, 5, 19)}, "不能早于释放日期"),
                            ({"handover_method": PICK_UP, "handover_on": date(2024, 5, 20)}, "接送人员"),
                            ({"handover_method": "07", "handover_on": date(2024, 5, 20)}, "衔接方式")):
        with pytest.raises(UserError, match=message):
            station_db.write(lambda s: work.receive(s, STAFF, rid, {**values, "person_id": _person(s)}, today=TODAY))
    with station_db.read() as s:
        row = s.get(ReleasedPerson, rid)
        assert (row.status, row.handover_on, row.person_id) == (AWAITING, None, None)
    with pytest.raises(UserError, match="只有在册、失联的对象可以"):  # not yet received
        station_db.write(lambda s: work.record_contact(s, STAFF, rid, {"kind": "visit", "day": TODAY}, today=TODAY))
    assert _count(station_db, RpContact) == 0


def test_a_notice_computes_the_period_and_receiving_puts_the_person_on_the_register(station_db):
    rid = _received(station_db, offences="贩卖毒品罪")
    with station_db.read() as s:
        row = s.get(ReleasedPerson, rid)
        assert (row.period_from, row.period_to, row.status) == (date(2024, 5, 20), date(2029, 5, 20), ON_REGISTER)
        assert row.category == KEY  # R7: a drug offence
        [h] = s.exec(select(RpCategoryChange).where(RpCategoryChange.person_id == rid)).all()
        assert (h.category, h.reason) == (KEY, "衔接")
    again = _notice(station_db)
    with pytest.raises(UserError, match="已在册接受安置帮教"):  # one person is on the register once
        station_db.write(lambda s: work.receive(s, STAFF, again, {
            "person_id": row.person_id, "handover_method": SELF_REPORT, "handover_on": date(2024, 5, 22)}, today=TODAY))


def test_a_notice_received_after_the_release_is_still_received(station_db):
    rid = _notice(station_db, notice_received_on=date(2024, 5, 25))
    station_db.write(lambda s: work.receive(s, STAFF, rid, {"person_id": _person(s), "handover_method": SELF_REPORT,
                                                            "handover_on": date(2024, 5, 26)}, today=TODAY))
    with station_db.read() as s:
        assert s.get(ReleasedPerson, rid).status == ON_REGISTER


def test_the_timeline_events_category_history_team_and_endings(station_db):
    rid = _received(station_db)
    w = station_db.write
    w(lambda s: work.record_contact(s, STAFF, rid, {"kind": "visit", "day": date(2024, 5, 25)}, today=TODAY))
    w(lambda s: work.add_measure(s, STAFF, rid, {"kind": "09", "day": date(2024, 5, 30), "provider": "县人社局"},
                                 today=TODAY))
    with pytest.raises(UserError, match="不能早于衔接日期"):
        w(lambda s: work.add_measure(s, STAFF, rid, {"kind": "02", "day": date(2024, 5, 21)}, today=TODAY))
    with pytest.raises(UserError, match="先组建帮教小组"):
        w(lambda s: work.sign_agreement(s, STAFF, rid, date(2024, 5, 25), today=TODAY))
    w(lambda s: work.add_team_member(s, STAFF, rid, {"name": "村干部甲", "role": "02"}))
    w(lambda s: work.sign_agreement(s, STAFF, rid, date(2024, 5, 25), today=TODAY))
    w(lambda s: work.change_category(s, STAFF, rid, {"changed_on": date(2024, 6, 1), "category": KEY, "risk": "3",
                                                     "reason": "酗酒滋事"}))
    with pytest.raises(UserError, match="届满前不能期满解除"):
        w(lambda s: work.end(s, STAFF, rid, EXPIRED, date(2024, 6, 3), "表现良好", today=TODAY))
    w(lambda s: work.report_lost(s, STAFF, rid, {"lost_on": date(2024, 6, 2), "measures": "联系家属"}, today=TODAY))
    with station_db.read() as s:
        assert s.get(ReleasedPerson, rid).status == LOST
    with pytest.raises(UserError, match="不能早于失联日期"):
        w(lambda s: work.found(s, STAFF, rid, date(2024, 6, 1), today=TODAY))
    w(lambda s: work.found(s, STAFF, rid, date(2024, 6, 3), today=TODAY))
    w(lambda s: work.record_reoffence(s, STAFF, rid, {"day": date(2024, 6, 3), "offence": "盗窃"}, today=TODAY))
    with station_db.read() as s:
        row = s.get(ReleasedPerson, rid)
        assert (row.status, row.category, row.risk, row.ended_on) == (REOFFENDED, KEY, "3", date(2024, 6, 3))
        assert s.exec(select(func.count()).select_from(RpCategoryChange)).one() == 2


def test_the_period_ends_on_its_last_day_not_before(station_db):
    rid = _received(station_db, release_date=date(2019, 2, 28), notice_received_on=date(2019, 1, 20))
    late = date(2024, 2, 28)
    with pytest.raises(UserError, match="届满前"):
        station_db.write(lambda s: work.end(s, STAFF, rid, EXPIRED, date(2024, 2, 27), "表现良好", today=late))
    with pytest.raises(UserError, match="帮教小结"):
        station_db.write(lambda s: work.end(s, STAFF, rid, EXPIRED, late, " ", today=late))
    station_db.write(lambda s: work.end(s, STAFF, rid, EXPIRED, late, "表现良好，期满解除", today=late))
    with station_db.read() as s:
        assert s.get(ReleasedPerson, rid).status == EXPIRED


def test_a_correction_subject_released_on_the_last_day_of_the_term_is_handed_over(station_db):
    def build(s):
        [pid] = insert_synced(s, Person, [{"name": "测试丙", "gender": "2", "birth_date": date(1990, 1, 1)}])
        values = {"person_id": pid, "correction_type": "02", "original_penalty": "03", "original_months": 12,
                  "effective_date": date(2023, 3, 4), "term_start": date(2023, 3, 4), "term_end": date(2024, 3, 3),
                  "level": "2", "crimes": "故意伤害罪", "reported_on": date(2023, 3, 6), "received_on": date(2023, 3, 6)}
        return cc_work.register_subject(s, STAFF, values, today=date(2023, 3, 6)).id
    sid = station_db.write(build)
    last = date(2024, 3, 3)
    station_db.write(lambda s: cc_work.save_release(s, STAFF, sid, {"summary_on": last, "appraisal_on": last,
                                                                    "handover_on": last, "announced_on": last}))
    def again(s):  # a second handover finds the record already made
        subject = s.get(CorrectionSubject, sid)
        release = s.exec(select(CcRelease).where(CcRelease.subject_id == sid)).one()
        return work.from_correction(s, subject, release).id
    station_db.write(again)
    with station_db.read() as s:
        [row] = s.exec(select(ReleasedPerson)).all()
        assert (row.correction_subject_id, row.name, row.release_type, row.status) == (sid, "测试丙", CORRECTION,
                                                                                        ON_REGISTER)
        assert (row.release_date, row.period_to, row.offences, row.category) == (last, date(2029, 3, 3), "故意伤害罪",
                                                                                 KEY)


def test_a_correction_release_before_the_term_ends_hands_nothing_over(station_db):
    def build(s):
        [pid] = insert_synced(s, Person, [{"name": "测试丁", "gender": "1", "birth_date": date(1990, 1, 1)}])
        return cc_work.register_subject(s, STAFF, {
            "person_id": pid, "correction_type": "02", "original_penalty": "03", "original_months": 12,
            "effective_date": date(2023, 3, 4), "term_start": date(2023, 3, 4), "term_end": date(2024, 3, 3),
            "reported_on": date(2023, 3, 6), "received_on": date(2023, 3, 6)}, today=date(2023, 3, 6)).id
    sid = station_db.write(build)
    day = date(2024, 3, 2)
    with pytest.raises(UserError, match="矫正期满"):
        station_db.write(lambda s: cc_work.save_release(s, STAFF, sid, {"summary_on": day, "appraisal_on": day,
                                                                        "handover_on": day, "announced_on": day}))
    assert _count(station_db, ReleasedPerson) == 0


def test_the_pre_release_list_matches_on_receipt_and_reports_the_unmatched_with_steps(station_db):
    def listed(s):
        return [r for r in insert_synced(s, RpPrerelease, [
            {"list_month": "2024-05", "name": "测试乙", "release_date": date(2024, 5, 20)},
            {"list_month": "2024-05", "name": "测试戊", "release_date": date(2024, 5, 25)}])]
    first, second = station_db.write(listed)
    rid = _received(station_db)
    with station_db.read() as s:
        assert s.get(RpPrerelease, first).matched_id == rid
        assert [r.name for r in work.unmatched(s, STAFF, "2024-05")] == ["测试戊"]
        items = [i for i in deadlines.collect(s, TODAY, 40, who=STAFF) if i.title == "上报未衔接人员"]
        assert [i.due for i in items] == [date(2024, 6, 5)]
    with pytest.raises(UserError, match="查找措施：测试戊"):
        station_db.write(lambda s: work.report_unmatched(s, STAFF, "2024-05", TODAY, today=TODAY))
    with pytest.raises(UserError, match="已衔接"):
        station_db.write(lambda s: work.record_steps(s, STAFF, first, "走访"))
    station_db.write(lambda s: work.record_steps(s, STAFF, second, "走访户籍地，联系家属，请派出所协查"))
    [out] = station_db.write(lambda s: [r.id for r in work.report_unmatched(s, STAFF, "2024-05", TODAY, today=TODAY)])
    with station_db.read() as s:
        assert (out, s.get(RpPrerelease, second).reported_on) == (second, TODAY)
        assert not [i for i in deadlines.collect(s, TODAY, 40, who=STAFF) if i.title == "上报未衔接人员"]
    with pytest.raises(UserError, match="名单月份"):
        station_db.write(lambda s: work.check_prerelease(s, RpPrerelease(list_month="2024/05", name="x",
                                                                         release_date=TODAY)))


def test_due_items_handover_first_visit_and_the_period_end(station_db):
    rid = _notice(station_db)  # released 2024-05-20, reports within 10 days → 05-30
    with station_db.read() as s:
        [h] = [i for i in deadlines.collect(s, TODAY, who=STAFF) if i.record_id == rid]
        assert (h.title, h.due) == ("逾期未衔接：组织查找，防止漏管", date(2024, 5, 30))
    station_db.write(lambda s: work.receive(s, STAFF, rid, {"person_id": _person(s), "handover_method": SELF_REPORT,
                                                            "handover_on": date(2024, 5, 31)}, today=TODAY))
    with station_db.read() as s:
        [v] = [i for i in deadlines.collect(s, TODAY, who=STAFF) if i.record_id == rid]
        assert (v.title, v.due) == ("返回后首次走访", date(2024, 6, 7))
    station_db.write(lambda s: work.record_contact(s, STAFF, rid, {"kind": "visit", "day": date(2024, 6, 1)},
                                                   today=TODAY))
    with station_db.read() as s:  # 一般: the next visit and thought check a quarter on
        items = [i for i in deadlines.collect(s, date(2024, 9, 1), who=STAFF) if i.record_id == rid]
        assert sorted((i.title, i.due) for i in items) == [("定期思想动态了解", date(2024, 8, 31)),
                                                           ("定期走访", date(2024, 9, 1))]


def test_the_report_counts_handover_pick_up_assistance_settlement_and_reoffence(station_db):
    ordinary = _received(station_db)
    key = _notice(station_db, name="测试己", release_date=date(2024, 5, 10), category=KEY)
    station_db.write(lambda s: work.receive(s, STAFF, key, {
        "person_id": _person(s, "测试己"), "handover_method": PICK_UP, "handover_on": date(2024, 5, 10),
        "handover_staff": "司法所张三", "category": KEY}, today=TODAY))
    _notice(station_db, name="测试庚", release_date=date(2024, 5, 28))  # not received yet
    station_db.write(lambda s: work.add_team_member(s, STAFF, ordinary, {"name": "民警乙", "role": "03"}))
    station_db.write(lambda s: work.sign_agreement(s, STAFF, ordinary, date(2024, 5, 23), today=TODAY))
    station_db.write(lambda s: work.add_measure(s, STAFF, key, {"kind": "02", "day": date(2024, 5, 20)}, today=TODAY))
    station_db.write(lambda s: work.add_measure(s, STAFF, ordinary, {"kind": "06", "day": date(2024, 5, 23)},
                                                today=TODAY))
    with station_db.read() as s:
        v = compute(stats.REPORT, s, STAFF, "2024-05").values
    figures = {k: v[k] for k in ("on_register", "new", "due", "received", "key_released", "picked_up", "assisted",
                                 "settled", "reoffended")}
    assert figures == {"on_register": 2, "new": 2, "due": 3, "received": 2, "key_released": 1, "picked_up": 1,
                       "assisted": 1, "settled": 1, "reoffended": 0}
    with station_db.read() as s:
        assert stats.on_register(s, STAFF, TODAY) == 2
        assert sorted(stats.unreceived_ids(s, "2024-05", None)) == sorted(
            s.exec(select(ReleasedPerson.id).where(ReleasedPerson.status == AWAITING)).all())


def test_demo_twice_keeps_every_rule_and_shows_the_seeded_due_items(station_db):
    first = demo.generate(station_db, SYSTEM, scale=400, seed=2024)
    count = _count(station_db, ReleasedPerson)
    again = demo.generate(station_db, SYSTEM, scale=400, seed=2024)
    assert first["安置帮教对象"] >= 6 and again["安置帮教对象"] == 0
    assert _count(station_db, ReleasedPerson) == count
    with station_db.read() as s:
        assert checks.problems(s) == []
        titles = {i.title for i in deadlines.collect(s, date.today(), 30, who=STAFF) if i.duty == "安置帮教"}
        assert {"衔接期限", "返回后首次走访"} <= titles
        assert [r.name for r in work.unmatched(s, STAFF)] and stats.on_register(s, STAFF, date.today()) >= 5


def test_the_person_received_is_the_registrys_by_number_or_name_else_made_from_the_notice(station_db):
    from sfs_desktop.core.people import registry

    number = "430922199001010015"
    known = station_db.write(lambda s: registry.register_person(s, STAFF, {"name": "测试乙", "id_number": number}).id)
    with_number = _notice(station_db, id_no=number)
    assert station_db.write(lambda s: work.registry_person(s, STAFF, with_number)) == (known, False)
    by_name = _notice(station_db, name="测试乙", release_date=date(2024, 5, 21))
    assert station_db.write(lambda s: work.registry_person(s, STAFF, by_name)) == (known, False)
    new = _notice(station_db, name="测试丁")
    made, created = station_db.write(lambda s: work.registry_person(s, STAFF, new))
    assert created and station_db.write(lambda s: s.get(Person, made).name) == "测试丁"
    station_db.write(lambda s: registry.register_person(s, STAFF, {"name": "测试乙"}))
    with pytest.raises(UserError, match="人员信息库中有 2 名“测试乙”，请写明本人的证件号码"):
        station_db.write(lambda s: work.registry_person(s, STAFF, by_name))
    with pytest.raises(PermissionDenied):
        station_db.write(lambda s: work.registry_person(s, INSPECTOR, new))

"""Correction operations: the principal refused in core, bad input refused with nothing written,
the county's decisions refused at a station, demo data keeping every rule (issue 16)."""

from datetime import date, timedelta

import pytest
from sqlmodel import func, select

from sfs_desktop.core import deadlines, demo
from sfs_desktop.core.correction import checks, stats, work
from sfs_desktop.core.correction.constants import COUNTY, PENDING, STATION, SUPERVISED
from sfs_desktop.core.correction.models import CcFrequency, CcLeave, CcViolation, CorrectionSubject
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.errors import PermissionDenied, UserError, ValidationError
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.reports.tables import compute
from sfs_desktop.core.security.access import SYSTEM, Principal

HEAD = Principal("admin", "head", "所长")
STAFF = Principal("staff1", "staff", "工作人员")
MEDIATOR = Principal("m1", "mediator", "调解员", frozenset({"c1"}))
INSPECTOR = Principal("i1", "inspector", "检查")
TODAY = date(2024, 6, 3)


def _subject(db, **over):
    def build(s):
        [pid] = insert_synced(s, Person, [{"name": "测试甲", "gender": "2", "birth_date": date(1990, 1, 1)}])
        values = {"person_id": pid, "correction_type": "02", "original_penalty": "03", "original_months": 12,
                  "effective_date": date(2024, 3, 4), "term_start": date(2024, 3, 4), "term_end": date(2025, 3, 3),
                  "level": "2", **over}
        return work.register_subject(s, STAFF, values, today=TODAY).id
    return db.write(build)


def _count(db, model):
    with db.read() as s:
        return s.exec(select(func.count()).select_from(model)).one()


def test_a_mediator_or_inspector_cannot_read_or_register_a_subject(station_db):
    sid = _subject(station_db)
    with station_db.read() as s:
        for who in (MEDIATOR, INSPECTOR):
            with pytest.raises(PermissionDenied):
                work.subject(s, who, sid)
        assert work.subject(s, STAFF, sid).name == "测试甲"
    with pytest.raises(PermissionDenied):
        station_db.write(lambda s: work.register_subject(s, MEDIATOR, {}, today=TODAY))
    with station_db.read() as s:  # nor see its due items
        items = deadlines.collect(s, date(2024, 3, 20), who=INSPECTOR)
        assert not [i for i in items if i.duty == "社区矫正"]
        assert [i for i in deadlines.collect(s, date(2024, 3, 20), who=STAFF) if i.duty == "社区矫正"]


def test_bad_input_is_refused_in_chinese_and_nothing_is_written(station_db):
    before = _count(station_db, CorrectionSubject)
    with pytest.raises(ValidationError, match="矫正类别"):
        _subject(station_db, correction_type="09")
    with pytest.raises(UserError, match="考验期"):
        _subject(station_db, term_end=date(2024, 9, 3))  # under a year for 有期徒刑
    with pytest.raises(UserError, match="不能晚于今天"):
        _subject(station_db, effective_date=date(2024, 7, 1), term_start=date(2024, 7, 1), term_end=date(2025, 6, 30))
    assert _count(station_db, CorrectionSubject) == before


def test_report_in_ten_vs_eleven_days_late_drafts_the_suggested_violation(station_db):
    on_time = _subject(station_db)
    late10 = _subject(station_db)
    late11 = _subject(station_db)
    due = date(2024, 3, 14)
    assert station_db.write(lambda s: work.report_in(s, STAFF, on_time, due, today=TODAY)) is None
    v10 = station_db.write(lambda s: work.report_in(s, STAFF, late10, due + timedelta(days=10), today=TODAY).suggested)
    v11 = station_db.write(lambda s: work.report_in(s, STAFF, late11, due + timedelta(days=11), today=TODAY).suggested)
    assert (v10, v11) == ("02", "03")  # 训诫, 警告
    with station_db.read() as s:
        assert s.get(CorrectionSubject, on_time).status == SUPERVISED


def _supervised(db):
    sid = _subject(db)
    db.write(lambda s: work.report_in(s, STAFF, sid, date(2024, 3, 10), today=TODAY))
    return sid


def _leave(db, sid, start, days):
    return db.write(lambda s: work.file_leave(s, STAFF, sid, {
        "reason": "探亲", "destination": "长沙", "start": start, "end": start + timedelta(days=days - 1),
        "applied_on": start - timedelta(days=5)}).id)


def test_a_nine_day_leave_names_the_county_and_a_station_cannot_approve_it(station_db):
    sid = _supervised(station_db)
    seven, nine = _leave(station_db, sid, date(2024, 4, 1), 7), _leave(station_db, sid, date(2024, 5, 1), 9)
    with station_db.read() as s:
        assert (s.get(CcLeave, seven).approver, s.get(CcLeave, nine).approver) == (STATION, COUNTY)
        assert work.required_approver(s, STAFF, nine) == "县级社区矫正机构"
    station_db.write(lambda s: work.decide_leave(s, STAFF, seven, True, date(2024, 3, 28)))
    with pytest.raises(PermissionDenied, match="县级社区矫正机构决定"):
        station_db.write(lambda s: work.decide_leave(s, STAFF, nine, True, date(2024, 4, 28)))
    with station_db.read() as s:
        assert s.get(CcLeave, seven).certificate_no and s.get(CcLeave, nine).decision == PENDING
    back = station_db.write(lambda s: work.record_return(s, STAFF, seven, date(2024, 4, 8), today=TODAY).overstay)
    assert back is True
    with station_db.read() as s:
        assert s.exec(select(CcViolation).where(CcViolation.subject_id == sid)).first().suggested == "02"


def test_sanctions_are_proposed_by_the_station_and_decided_only_at_the_county(station_db):
    sid = _supervised(station_db)
    vid = station_db.write(lambda s: work.record_violation(s, STAFF, sid, {
        "occurred_on": date(2024, 5, 2), "kind": "09", "facts": "未按时参加集中教育"}, today=TODAY).id)
    station_db.write(lambda s: work.propose(s, STAFF, vid, "02", date(2024, 5, 3)))
    with pytest.raises(PermissionDenied):
        station_db.write(lambda s: work.decide_sanction(s, HEAD, vid, "02", date(2024, 5, 5)))
    with pytest.raises(UserError, match="天数"):
        station_db.write(lambda s: work.record_violation(s, STAFF, sid, {
            "occurred_on": date(2024, 5, 2), "kind": "01", "facts": "逾期报到"}, today=TODAY))


def test_the_team_check_wants_a_woman_for_a_female_subject(station_db):
    sid = _supervised(station_db)
    station_db.write(lambda s: work.add_team_member(s, STAFF, sid, {"name": "张某", "gender": "1", "role": "01"}))
    with station_db.read() as s:
        assert work.team_problems(s, STAFF, sid)
    station_db.write(lambda s: work.add_team_member(s, STAFF, sid, {"name": "李某", "gender": "2", "role": "02"}))
    with station_db.read() as s:
        assert work.team_problems(s, STAFF, sid) == []


def test_limits_of_locator_and_regular_travel_are_refused(station_db):
    sid = _supervised(station_db)
    with pytest.raises(UserError, match="三个月"):
        station_db.write(lambda s: work.add_locator(s, STAFF, sid, {
            "trigger": "01", "approver": "局长", "start": date(2024, 4, 1), "end": date(2024, 7, 1)}))
    station_db.write(lambda s: work.add_locator(s, STAFF, sid, {
        "trigger": "01", "approver": "局长", "start": date(2024, 4, 1), "end": date(2024, 6, 30)}))
    with pytest.raises(UserError, match="六个月"):
        station_db.write(lambda s: work.add_regular_travel(s, STAFF, sid, {
            "destinations": "益阳市赫山区", "reason": "务工", "valid_from": date(2024, 4, 1), "valid_to": date(2024, 10, 1)}))


def test_frequencies_are_county_reference_data_with_the_shipped_defaults(station_db):
    with station_db.read() as s:
        rows = s.exec(select(CcFrequency)).all()
        assert {(r.level, r.activity) for r in rows} >= {("1", "report"), ("2", "visit"), ("3", "report")}
        assert all(r.owner == "county" for r in rows)


def test_demo_twice_keeps_every_rule_and_shows_the_seeded_overdue_items(station_db):
    first = demo.generate(station_db, SYSTEM, scale=400, seed=2024)
    assert first["社区矫正对象"] >= 6
    n = _count(station_db, CorrectionSubject)
    again = demo.generate(station_db, SYSTEM, scale=400, seed=2024)
    assert again["社区矫正对象"] == 0 and _count(station_db, CorrectionSubject) == n
    today = date.today()
    with station_db.read() as s:
        assert checks.problems(s) == []
        overdue = [i for i in deadlines.collect(s, today) if i.duty == "社区矫正" and i.days_left(today) < 0]
        titles = sorted(i.title.split("：")[0] for i in overdue)
        assert titles == ["上月实地查访", "外出逾期未归", "调查评估意见提交", "逾期未报到"], titles
        figures = compute(stats.REPORT, s, STAFF, str(today.year))
        received = s.exec(select(func.count()).select_from(CorrectionSubject).where(
            CorrectionSubject.received_on != None)).one()  # noqa: E711 - the one awaiting report-in is not yet 在册
        assert figures["on_register"] == received == n - 1 and figures["on_time"] <= figures["received"]


def test_the_dashboard_counts_this_years_lost_and_missed_subjects_against_the_zero_target(station_db):
    from datetime import datetime, timezone

    from sfs_desktop.core import duties
    from sfs_desktop.core.correction.constants import LOST_CONTACT

    sid = _subject(station_db)
    today = date.today()
    labels = [t.label for t in duties.all_tiles()]
    i = labels.index("本年脱管漏管（目标 0）")
    with station_db.read() as s:
        assert duties.tile_counts(s, STAFF, today)[i] == 0
    station_db.write(lambda s: work.report_major_event(s, HEAD, sid, {
        "kind": LOST_CONTACT, "occurred_at": datetime(today.year, today.month, today.day, 0, 30, tzinfo=timezone.utc)}))
    with station_db.read() as s:
        assert duties.tile_counts(s, STAFF, today)[i] == 1
    with pytest.raises(PermissionDenied):
        with station_db.read() as s:
            stats.lost_or_missed_this_year(s, Principal("nobody", "none", "无"), today)

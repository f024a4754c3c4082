"""Every computed rule of domain.md §4.2–§4.5 at its boundary days (issue 16)."""

from datetime import date

from sfs_desktop.core.correction import rules
from sfs_desktop.core.correction.constants import (ADMONISH, CONTROL, COUNTY, HIGHER, LATE_REPORT, P_DETENTION,
                                                   P_FIXED, PAROLE, POLICE_PENALTY, PROBATION, REVOKE_PAROLE,
                                                   REVOKE_PROBATION, STATION, WARN)

D = date


def test_leave_router_seven_days_station_eight_days_county():
    assert rules.leave_approver(D(2024, 3, 1), D(2024, 3, 7), [], True) == STATION
    assert rules.leave_approver(D(2024, 3, 1), D(2024, 3, 8), [], True) == COUNTY
    assert rules.leave_approver(D(2024, 3, 1), D(2024, 3, 7), [], False) == COUNTY  # not entrusted
    assert rules.leave_approver(D(2024, 3, 1), D(2024, 3, 30), [], True) == COUNTY  # 30 days
    assert rules.leave_approver(D(2024, 3, 1), D(2024, 3, 31), [], True) == HIGHER  # 31 days


def test_leave_router_thirty_days_summed_over_two_requests_in_two_months():
    first = [(D(2024, 2, 1), D(2024, 2, 15))]  # 15 days approved
    assert rules.leave_approver(D(2024, 3, 1), D(2024, 3, 15), first, True) == COUNTY  # 15 + 15 = 30
    assert rules.leave_approver(D(2024, 3, 1), D(2024, 3, 16), first, True) == HIGHER  # 15 + 16 = 31
    assert rules.leave_approver(D(2024, 4, 20), D(2024, 5, 5), first, True) == COUNTY  # outside the window
    later = [(D(2024, 4, 1), D(2024, 4, 16))]  # an approval after the request counts too
    assert rules.leave_approver(D(2024, 3, 1), D(2024, 3, 15), later, True) == HIGHER


def test_report_in_ten_vs_eleven_days_late_and_more_than_a_month():
    due = rules.report_in_due(D(2024, 3, 4))
    assert due == D(2024, 3, 14)
    assert rules.lateness_measure(PROBATION, 10, due, D(2024, 3, 24)) == ADMONISH
    assert rules.lateness_measure(PROBATION, 11, due, D(2024, 3, 25)) == WARN
    assert rules.lateness_measure(PROBATION, 32, due, D(2024, 4, 15)) == REVOKE_PROBATION
    assert rules.lateness_measure(PAROLE, 32, due, D(2024, 4, 15)) == REVOKE_PAROLE
    assert rules.lateness_measure(CONTROL, 32, due, D(2024, 4, 15)) == WARN
    assert rules.lateness_measure(PROBATION, 0, due, due) is None


def test_a_deadline_in_national_day_rolls_to_the_first_working_day():
    assert rules.report_in_due(D(2024, 9, 21)) == D(2024, 10, 8)  # day 10 is 1 October
    assert rules.investigation_due(D(2024, 9, 27), False) == D(2024, 10, 16)  # 调休 Sundays count, 国庆 does not
    assert rules.investigation_due(D(2024, 9, 27), True) == D(2024, 10, 10)


def test_term_computations_of_section_4_2():
    assert rules.term_end(D(2024, 1, 10), 3) == D(2024, 4, 9)
    assert rules.term_end(D(2024, 1, 31), 1) == D(2024, 2, 28)  # no 31 February: the last day, less one
    assert rules.term_end(D(2024, 1, 10), 6, 10, control=True) == D(2024, 6, 19)  # custody counts twice
    assert rules.term_problems(CONTROL, "01", 6, D(2024, 1, 10), D(2024, 6, 19), 10) == []
    assert "刑法第四十一条" in rules.term_problems(CONTROL, "01", 6, D(2024, 1, 10), D(2024, 7, 9), 10)[0]
    assert rules.term_problems(PROBATION, P_FIXED, 6, D(2024, 1, 1), D(2024, 12, 31)) == []  # at least a year
    assert rules.term_problems(PROBATION, P_FIXED, 6, D(2024, 1, 1), D(2024, 12, 30))  # a day short
    assert rules.term_problems(PROBATION, P_DETENTION, 1, D(2024, 1, 1), D(2024, 2, 29)) == []  # two months
    assert rules.term_problems(PROBATION, P_DETENTION, 1, D(2024, 1, 1), D(2024, 2, 28))
    assert rules.term_problems(PROBATION, P_FIXED, 12, D(2024, 1, 1), D(2029, 1, 1))  # over five years
    assert rules.term_problems(PAROLE, "04", None, D(2024, 1, 1), D(2033, 12, 31)) == []  # life: ten years
    assert rules.term_problems(PROBATION, P_FIXED, 12, D(2024, 2, 1), D(2024, 1, 1)) == ["矫正期限止不能早于矫正期限起"]


def test_a_subject_who_turns_eighteen_during_the_term_stays_under_juvenile_rules():
    birth = D(2006, 5, 10)
    assert rules.juvenile_rules(birth, D(2024, 5, 10))  # still 17 on the birthday (criminal-law convention)
    assert not rules.juvenile_rules(birth, D(2024, 5, 11))
    assert rules.juvenile_rules(birth, D(2023, 12, 1))  # offence at 17, the term runs past 2024-05-11: still juvenile


def test_sanction_engine_climbs_the_ladder():
    none = rules.Record()
    assert rules.suggest_sanction(PROBATION, "09", 0, none) == ADMONISH
    assert rules.suggest_sanction(PROBATION, "10", 0, none) == WARN
    assert rules.suggest_sanction(PROBATION, "09", 0, rules.Record(admonitions=2)) == WARN  # C19(5)
    assert rules.suggest_sanction(PROBATION, "10", 0, rules.Record(warnings=2)) == REVOKE_PROBATION  # C21(4)
    assert rules.suggest_sanction(CONTROL, "10", 0, rules.Record(warnings=2)) == POLICE_PENALTY
    assert rules.suggest_sanction(PROBATION, "10", 0, rules.Record(police_penalty=True)) == REVOKE_PROBATION
    assert rules.suggest_sanction(PROBATION, LATE_REPORT, 10, none, due=D(2024, 3, 14)) == ADMONISH
    assert rules.suggest_sanction(PROBATION, LATE_REPORT, 11, none, due=D(2024, 3, 14)) == WARN
    assert rules.suggest_sanction(PROBATION, "07", 0, none) == REVOKE_PROBATION


def test_other_timers_and_limits():
    assert rules.regular_travel_end(D(2024, 1, 15)) == D(2024, 7, 14)  # C13 six months
    assert rules.locator_end_max(D(2024, 1, 15)) == D(2024, 4, 14)  # C25 three months
    assert rules.medical_due(D(2024, 1, 31), 1) == D(2024, 2, 29)  # C15 monthly
    assert rules.medical_due(D(2024, 1, 31), 3) == D(2024, 4, 30)  # 30 April is a Tuesday
    assert rules.release_notice(D(2024, 12, 31), 30) == D(2024, 12, 1)
    assert rules.move_notice_short(D(2024, 3, 1), D(2024, 3, 31))
    assert not rules.move_notice_short(D(2024, 3, 1), D(2024, 4, 1))
    steps = rules.residence_steps(D(2024, 3, 1), D(2024, 4, 10), D(2024, 3, 4), None, None, None, None, None, None)
    assert [s.due for s in steps] == [D(2024, 3, 6), D(2024, 3, 11)]  # 9 March is a Saturday → Monday 11th
    assert rules.overstay_days(D(2024, 3, 5), D(2024, 3, 6), D(2024, 4, 1)) == 1
    assert rules.team_problems("2", ["1", "1"]) and rules.team_problems("2", ["1", "2"]) == []
    assert rules.commendation_allowed(D(2024, 1, 10), D(2024, 7, 10), 6)
    assert not rules.commendation_allowed(D(2024, 1, 10), D(2024, 7, 9), 6)

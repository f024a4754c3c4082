"""Every computed rule of domain.md §5.1 (R2–R10) at its boundary days (issue 17)."""

from datetime import date

import pytest

from sfs_desktop.core.resettlement import rules
from sfs_desktop.core.resettlement.constants import FAMILY, KEY, ORDINARY, PICK_UP, SELF_REPORT

D = date


def test_the_assistance_period_is_five_years_from_release_leap_days_included():
    assert rules.period_end(D(2023, 6, 30), 5) == D(2028, 6, 30)
    assert rules.period_end(D(2024, 2, 29), 5) == D(2029, 2, 28)  # no 29 February in 2029: the month's last day
    assert rules.period_end(D(2024, 3, 1), 5) == D(2029, 3, 1)
    assert rules.period_end(D(2024, 2, 28), 4) == D(2028, 2, 28)  # a leap year has its corresponding day
    assert rules.period_end(D(2024, 6, 1), 3) == D(2027, 6, 1)  # the county's parameter, not a constant
    assert rules.period_end(D(2029, 3, 2), 5) == D(2034, 3, 2)  # a Saturday: a status period does not roll
    with pytest.raises(ValueError):
        rules.period_end(D(2024, 6, 1), 0)


def test_the_notice_is_late_from_the_day_after_one_month_before_release_or_after_release():
    assert rules.notice_due(D(2024, 3, 31), 1) == D(2024, 2, 29)
    assert not rules.notice_late(D(2024, 3, 31), D(2024, 2, 29), 1)
    assert rules.notice_late(D(2024, 3, 31), D(2024, 3, 1), 1)
    assert rules.notice_late(D(2024, 3, 31), D(2024, 4, 2), 1)  # received after the release itself
    assert not rules.notice_late(D(2024, 3, 31), None, 1)


def test_a_key_person_is_picked_up_on_the_release_day_others_report_within_the_days_set():
    assert rules.handover_due(D(2024, 9, 13), PICK_UP, 10) == D(2024, 9, 13)
    assert rules.handover_due(D(2024, 9, 13), SELF_REPORT, 10) == D(2024, 9, 23)
    assert rules.handover_due(D(2024, 9, 21), FAMILY, 10) == D(2024, 10, 8)  # 10-01: 国庆, rolls past it


def test_the_home_visit_within_seven_days_rolls_past_the_spring_festival():
    assert rules.first_visit_due(D(2024, 3, 4), 7) == D(2024, 3, 11)  # Monday → Monday
    assert rules.first_visit_due(D(2025, 1, 20), 7) == D(2025, 1, 27)  # before 春节 2025 (01-28 … 02-04)
    assert rules.first_visit_due(D(2025, 1, 24), 7) == D(2025, 2, 5)  # the 7th day falls in 春节
    assert rules.first_visit_due(D(2025, 1, 19), 7) == D(2025, 1, 26)  # a Sunday, but a 调休 working day


def test_the_category_is_key_for_a_recidivist_three_no_high_risk_or_serious_offence():
    assert rules.suggested_category() == ORDINARY
    assert rules.suggested_category(recidivist=True) == KEY
    assert rules.suggested_category(three_no=True) == KEY
    assert rules.suggested_category(risk="3") == KEY
    assert rules.suggested_category(risk="2") == ORDINARY
    assert rules.serious_offence("走私、贩卖、运输、制造毒品罪") and rules.serious_offence("故意伤害罪")
    assert not rules.serious_offence("盗窃罪") and not rules.serious_offence(None)


def test_the_handover_form_is_checked():
    assert rules.handover_problems(D(2024, 5, 1), SELF_REPORT, D(2024, 5, 1), D(2024, 5, 2), None) == []
    assert "不能早于释放日期" in rules.handover_problems(D(2024, 5, 1), SELF_REPORT, D(2024, 4, 30), D(2024, 5, 2), None)[0]
    assert "不能晚于今天" in rules.handover_problems(D(2024, 5, 1), SELF_REPORT, D(2024, 5, 3), D(2024, 5, 2), None)[0]
    assert rules.handover_problems(D(2024, 5, 1), PICK_UP, D(2024, 5, 1), D(2024, 5, 2), " ") == ["必接必送须填写接送人员"]
    assert len(rules.handover_problems(D(2024, 5, 1), None, None, D(2024, 5, 2), None)) == 2


def test_report_days_and_contact_periods():
    assert rules.next_report_day(D(2024, 7, 2), "07-02") == D(2024, 7, 2)
    assert rules.next_report_day(D(2024, 7, 3), "07-02") == D(2025, 7, 2)
    assert rules.next_report_day(D(2024, 2, 3), "02-02") == D(2025, 2, 2)
    with pytest.raises(ValueError, match="格式不对"):
        rules.next_report_day(D(2024, 7, 3), "7月2日")
    assert rules.unmatched_report_due(D(2024, 7, 5), 5) == D(2024, 7, 5)
    assert rules.unmatched_report_due(D(2024, 7, 6), 5) == D(2024, 8, 5)
    assert rules.next_contact_due(None, D(2024, 1, 31), "month") == D(2024, 2, 29)
    assert rules.next_contact_due(D(2024, 3, 10), D(2024, 1, 31), "quarter") == D(2024, 6, 10)
    assert rules.next_contact_due(D(2024, 3, 10), D(2024, 1, 31), "week") == D(2024, 3, 17)
    assert rules.is_list_month("2024-07") and not rules.is_list_month("2024-13") and not rules.is_list_month("2024")

"""Rules H1–H12 of domain.md §6.2 at their boundaries, against the published 2024 holidays
(国庆 1–7 Oct with 12 Oct a 调休 Saturday; 春节 10–17 Feb with 4 and 18 Feb 调休 Sundays)."""

from datetime import date as D

import pytest

from sfs_desktop.core.fields import split_codes
from sfs_desktop.core.legality import rules
from sfs_desktop.core.legality.constants import (CONTRACT, DECISION, ENFORCEMENT, LAWFUL, LAWFUL_AMENDED, NO_MEETING,
                                                 NORMATIVE, RISKY, UNLAWFUL, VILLAGE)

MATERIALS = [("01", "*"), ("02", "*"), ("03", "*"), ("04", "01"), ("05", "01,02,05"), ("07", "03"), ("11", "05")]


def test_a_request_received_on_the_eve_of_national_day_counts_the_makeup_saturday():
    # 30 Sep (Mon) + 7 working days: 8, 9, 10, 11, 12 (调休 Sat), 14, 15 Oct
    assert rules.due(D(2024, 9, 30), 7) == D(2024, 10, 15)
    assert rules.due(D(2024, 9, 30), 5) == D(2024, 10, 12)  # ends on the 调休 Saturday itself


def test_a_request_received_on_a_makeup_saturday_starts_counting_the_next_working_day():
    assert rules.due(D(2024, 10, 12), 5) == D(2024, 10, 18)  # 14–18 Oct
    assert rules.due(D(2024, 10, 12), 1) == D(2024, 10, 14)


def test_fifteen_working_days_across_spring_festival():
    # 5 Feb (Mon): 6, 7, 8, 9 Feb; 18 Feb (调休 Sun); 19–23 Feb; 26 Feb – 1 Mar
    assert rules.due(D(2024, 2, 5), 15) == D(2024, 3, 1)
    assert rules.workdays_between(D(2024, 2, 5), D(2024, 2, 18)) == 5


def test_a_supplement_request_stops_the_clock_and_resubmission_restarts_it():
    received, returned, back = D(2024, 6, 3), D(2024, 6, 5), D(2024, 6, 17)
    assert rules.due(received, 7, returned=returned) is None  # stopped while the materials are out
    assert rules.due(received, 7, returned=returned, resubmitted=back) == D(2024, 6, 26)  # counted afresh
    # deducting the two working days already used (4, 5 Jun): five more from 17 Jun
    assert rules.due(received, 7, returned=returned, resubmitted=back, restart=False) == D(2024, 6, 24)


def test_h3_the_sender_must_allow_seven_working_days_h6_five_for_normative_documents():
    received = D(2024, 9, 30)
    assert rules.sender_time_problem(DECISION, received, D(2024, 10, 15), 5) is None
    problem = rules.sender_time_problem(DECISION, received, D(2024, 10, 14), 5)
    assert "少于 7 个工作日" in problem and "第二十六条" in problem
    assert rules.sender_time_problem(NORMATIVE, received, D(2024, 10, 12), 5) is None
    assert "115号" in rules.sender_time_problem(NORMATIVE, received, D(2024, 10, 11), 5)
    assert rules.sender_time_problem(CONTRACT, received, D(2024, 10, 1), 5) is None  # no minimum for contracts
    assert rules.sender_time_problem(DECISION, received, None, 5) is None


def test_h1_no_review_or_unlawful_may_not_go_to_the_meeting_unless_exploratory_with_the_risk_stated():
    assert rules.meeting_flag(False, None) == NO_MEETING
    assert rules.meeting_flag(True, UNLAWFUL) == NO_MEETING
    for ok in (LAWFUL, LAWFUL_AMENDED, RISKY):
        assert rules.meeting_flag(True, ok) is None
    assert rules.meeting_flag(True, UNLAWFUL, exploratory=True, risk="  ") == NO_MEETING
    assert rules.meeting_flag(True, UNLAWFUL, exploratory=True, risk="改革事项尚无明确规定，存在被撤销的风险") is None


def test_h2_materials_per_type():
    assert rules.required_materials(DECISION, MATERIALS) == ["01", "02", "03", "04", "05"]
    assert rules.required_materials(CONTRACT, MATERIALS) == ["01", "02", "03", "07"]
    assert rules.missing_materials(VILLAGE, ["01", "02", "03", "05"], MATERIALS) == ["11"]
    assert rules.missing_materials(ENFORCEMENT, split_codes("01，02,03"), MATERIALS) == []


def test_h4_findings_on_authority_procedure_and_content():
    assert len(rules.findings_problems(None, "", " ")) == 3
    assert rules.findings_problems("有权", "合规", "一致") == []
    assert "程序" in rules.findings_problems("有权", None, "一致")[0]


def test_h8_a_first_time_penalty_reviewer_needs_the_qualification():
    assert "法律职业资格" in rules.penalty_reviewer_problem(True, True, False, "张三")
    assert rules.penalty_reviewer_problem(True, True, True, "张三") is None
    assert rules.penalty_reviewer_problem(True, False, False, "张三") is None
    assert rules.penalty_reviewer_problem(False, True, False, "张三") is None


@pytest.mark.parametrize("adults,present,households,hh_present,votes,notice,fails", [
    (100, 51, None, None, 26, 10, []),
    (100, 50, None, None, 26, 10, ["法定人数"]),  # exactly half is not more than half
    (None, None, 30, 20, 11, 10, []),  # two thirds of the households
    (None, None, 30, 19, 11, 10, ["法定人数"]),
    (100, 51, None, None, 25, 10, ["过半数同意"]),  # 25 of 51 present
    (100, 51, None, None, 26, 9, ["提前十天"]),
    (None, None, None, None, None, None, ["法定人数", "过半数同意", "提前十天"]),
])
def test_h9_village_rules_quorum(adults, present, households, hh_present, votes, notice, fails):
    problems = rules.quorum_problems(adults, present, households, hh_present, votes, notice)
    assert len(problems) == len(fails)
    for p, word in zip(problems, fails):
        assert word in p


def test_h10_unlawful_clauses_cannot_be_lawful_h12_lease_over_twenty_years():
    assert "第二十七条" in rules.village_conclusion_problem(["01"], LAWFUL)
    assert rules.village_conclusion_problem(["01"], LAWFUL_AMENDED) is None
    assert rules.village_conclusion_problem([], LAWFUL) is None
    assert rules.lease_problem(20) is None
    assert "第七百零五条" in rules.lease_problem(21)
    assert rules.lease_problem(None) is None


def test_on_time():
    assert rules.on_time(D(2024, 10, 15), D(2024, 10, 15)) is True
    assert rules.on_time(D(2024, 10, 16), D(2024, 10, 15)) is False
    assert rules.on_time(None, D(2024, 10, 15)) is None

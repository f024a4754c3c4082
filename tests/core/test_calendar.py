"""Deadline rules of domain.md §1.3 against the State Council's published 2024 and 2025 schedules.

Every expected date below was worked out by hand from the official notices
(国办发明电〔2023〕7号 for 2024, 国办发明电〔2024〕12号 for 2025); weekdays are noted
in comments so a reader can re-check them against a wall calendar.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from sfs_desktop.core import calendar as cal
from sfs_desktop.core.calendar import (
    Unit,
    WorkCalendar,
    add_months,
    age_on,
    badge,
    days_left,
    due_date,
    has_reached_age,
    period_bounds,
)

D = date


def span(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


# --- the official schedules --------------------------------------------------------------

HOLIDAYS_2024 = [
    D(2024, 1, 1),
    *span(D(2024, 2, 10), D(2024, 2, 17)),  # 春节
    *span(D(2024, 4, 4), D(2024, 4, 6)),  # 清明
    *span(D(2024, 5, 1), D(2024, 5, 5)),  # 劳动节
    D(2024, 6, 10),  # 端午
    *span(D(2024, 9, 15), D(2024, 9, 17)),  # 中秋
    *span(D(2024, 10, 1), D(2024, 10, 7)),  # 国庆
]
MAKEUP_2024 = [D(2024, 2, 4), D(2024, 2, 18), D(2024, 4, 7), D(2024, 4, 28), D(2024, 5, 11),
               D(2024, 9, 14), D(2024, 9, 29), D(2024, 10, 12)]

HOLIDAYS_2025 = [
    D(2025, 1, 1),
    *span(D(2025, 1, 28), D(2025, 2, 4)),  # 春节
    *span(D(2025, 4, 4), D(2025, 4, 6)),  # 清明
    *span(D(2025, 5, 1), D(2025, 5, 5)),  # 劳动节
    *span(D(2025, 5, 31), D(2025, 6, 2)),  # 端午
    *span(D(2025, 10, 1), D(2025, 10, 8)),  # 国庆 + 中秋
]
MAKEUP_2025 = [D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11)]


@pytest.fixture
def wc() -> WorkCalendar:
    return WorkCalendar()


@pytest.mark.parametrize("day", HOLIDAYS_2024 + HOLIDAYS_2025)
def test_published_holidays_are_rest_days(wc, day):
    assert wc.is_holiday(day)
    assert not wc.is_workday(day)


@pytest.mark.parametrize("day", MAKEUP_2024 + MAKEUP_2025)
def test_published_makeup_days_are_weekend_working_days(wc, day):
    assert day.weekday() >= 5, "every 调休 day in these two years is a Saturday or Sunday"
    assert wc.is_workday(day)
    assert not wc.is_holiday(day)


def test_plain_weekend_is_rest_but_not_holiday(wc):
    assert D(2024, 11, 2).weekday() == 5
    assert not wc.is_workday(D(2024, 11, 2))
    assert not wc.is_holiday(D(2024, 11, 2))
    assert wc.is_workday(D(2024, 11, 4))  # Monday


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        # 2024: 366 days, 104 weekend days, 19 holiday weekdays, 8 make-up days.
        (2024, 366 - 104 - 19 + 8),
        # 2025: 365 days, 104 weekend days, 18 holiday weekdays, 5 make-up days.
        (2025, 365 - 104 - 18 + 5),
    ],
)
def test_working_days_in_a_year(wc, year, expected):
    assert sum(wc.is_workday(d) for d in span(D(year, 1, 1), D(year, 12, 31))) == expected


def test_datetime_is_treated_as_its_date(wc):
    assert not wc.is_workday(datetime(2024, 10, 1, 9, 30))
    assert wc.is_holiday(datetime(2024, 10, 1, 9, 30))
    assert due_date(datetime(2024, 9, 30, 17, 0), 1, "day") == D(2024, 10, 8)


# --- working-day counts ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # 2024 国庆: Fri 9-27; Sat 9-28 rest; Sun 9-29 调休 (1); Mon 9-30 (2);
        # 10-01..07 off; Tue 10-08 (3), Wed 10-09 (4), Thu 10-10 (5), Fri 10-11 (6), Sat 10-12 调休 (7).
        (D(2024, 9, 27), 1, D(2024, 9, 29)),
        (D(2024, 9, 27), 2, D(2024, 9, 30)),
        (D(2024, 9, 27), 3, D(2024, 10, 8)),
        (D(2024, 9, 27), 5, D(2024, 10, 10)),
        (D(2024, 9, 27), 7, D(2024, 10, 12)),
        (D(2024, 9, 27), 8, D(2024, 10, 14)),  # Sun 10-13 rests; Mon 10-14
        (D(2024, 9, 30), 1, D(2024, 10, 8)),
        # 2024 春节: Fri 2-02; Sat 2-03 rest; Sun 2-04 调休 (1).
        (D(2024, 2, 2), 1, D(2024, 2, 4)),
        # Wed 2-07: Thu 2-08 (1), Fri 2-09 (2), 2-10..17 off, Sun 2-18 调休 (3), Mon 2-19 (4).
        (D(2024, 2, 7), 3, D(2024, 2, 18)),
        (D(2024, 2, 7), 4, D(2024, 2, 19)),
        # 2025 春节: Fri 1-24; Sat 1-25 rest; Sun 1-26 调休 (1); Mon 1-27 (2); 1-28..2-04 off;
        # Wed 2-05 (3), Thu 2-06 (4), Fri 2-07 (5), Sat 2-08 调休 (6).
        (D(2025, 1, 24), 3, D(2025, 2, 5)),
        (D(2025, 1, 24), 5, D(2025, 2, 7)),
        (D(2025, 1, 24), 6, D(2025, 2, 8)),
        # 2025 国庆+中秋: Fri 9-26; Sat 9-27 rest; Sun 9-28 调休 (1); Mon 9-29 (2); Tue 9-30 (3);
        # 10-01..08 off; Thu 10-09 (4), Fri 10-10 (5), Sat 10-11 调休 (6).
        (D(2025, 9, 26), 5, D(2025, 10, 10)),
        (D(2025, 9, 26), 6, D(2025, 10, 11)),
        # Starting inside a holiday: counting begins the next day, 10-08 is still off.
        (D(2025, 10, 3), 1, D(2025, 10, 9)),
    ],
)
def test_workday_counts(start, n, expected):
    assert due_date(start, n, "workday") == expected
    assert due_date(start, n, Unit.WORKDAY) == expected


def test_workday_counts_ignore_rollover_flags():
    # The n-th working day is a working day; custody and roll-over flags cannot change it.
    assert due_date(D(2024, 9, 27), 5, "workday", in_custody=True) == D(2024, 10, 10)
    assert due_date(D(2024, 9, 27), 5, "workday", roll_over_holiday=False) == D(2024, 10, 10)


# --- day, month and year periods ---------------------------------------------------------

@pytest.mark.parametrize(
    ("start", "n", "unit", "expected"),
    [
        (D(2024, 10, 8), 7, "day", D(2024, 10, 15)),  # ordinary Tuesday → Tuesday
        (D(2024, 9, 30), 1, "day", D(2024, 10, 8)),  # ends on 国庆 → first working day after
        (D(2024, 9, 24), 15, "day", D(2024, 10, 9)),  # 10-09 is a Wednesday: no roll
        (D(2024, 9, 28), 1, "day", D(2024, 9, 29)),  # Sunday 9-29 is a 调休 working day
        (D(2024, 10, 11), 1, "day", D(2024, 10, 12)),  # Saturday 10-12 is a 调休 working day
        (D(2024, 11, 1), 1, "day", D(2024, 11, 4)),  # plain Saturday → Monday
        (D(2024, 2, 8), 7, "day", D(2024, 2, 18)),  # 2-15 in 春节 → Sunday 2-18 (调休)
        (D(2025, 1, 18), 10, "day", D(2025, 2, 5)),  # 1-28 in 春节 → Wednesday 2-05
        (D(2025, 9, 30), 3, "day", D(2025, 10, 9)),  # 10-03 in 国庆 → Thursday 10-09
        (D(2025, 5, 28), 4, "day", D(2025, 6, 3)),  # 6-01 in 端午 (5-31..6-02) → Tuesday 6-03
        (D(2024, 1, 15), 1, "month", D(2024, 2, 18)),  # 2-15 in 春节
        (D(2024, 12, 29), 1, "month", D(2025, 2, 5)),  # 1-29 in 春节
        (D(2024, 12, 31), 1, "month", D(2025, 2, 5)),  # 1-31 exists, but is in 春节
        (D(2024, 10, 3), 1, "year", D(2025, 10, 9)),  # 2025-10-03 in 国庆
    ],
)
def test_periods_roll_over_rest_days(start, n, unit, expected):
    assert due_date(start, n, unit) == expected


@pytest.mark.parametrize(
    ("start", "n", "unit", "raw_end"),
    [
        (D(2024, 9, 30), 1, "day", D(2024, 10, 1)),
        (D(2024, 11, 1), 1, "day", D(2024, 11, 2)),
        (D(2025, 1, 18), 10, "day", D(2025, 1, 28)),
        (D(2024, 10, 3), 1, "year", D(2025, 10, 3)),
        (D(2024, 10, 31), 1, "month", D(2024, 11, 30)),
    ],
)
def test_custody_and_no_rollover_keep_the_raw_end(start, n, unit, raw_end):
    assert due_date(start, n, unit, in_custody=True) == raw_end
    assert due_date(start, n, unit, roll_over_holiday=False) == raw_end
    assert due_date(start, n, unit, roll_over_holiday=True, in_custody=True) == raw_end


@pytest.mark.parametrize(
    ("start", "n", "unit", "expected"),
    [
        (D(2024, 1, 31), 1, "month", D(2024, 2, 29)),  # leap February, a Thursday
        (D(2023, 1, 31), 1, "month", D(2023, 2, 28)),  # common February, a Tuesday
        (D(2024, 3, 31), 1, "month", D(2024, 4, 30)),  # Tuesday, a normal working day
        (D(2024, 8, 31), 6, "month", D(2025, 2, 28)),  # Friday
        (D(2024, 5, 31), 1, "month", D(2024, 7, 1)),  # 6-30 is a Sunday → Monday 7-01
        (D(2024, 10, 31), 1, "month", D(2024, 12, 2)),  # 11-30 is a Saturday → Monday 12-02
        (D(2024, 2, 29), 1, "year", D(2025, 2, 28)),  # no 29 Feb → last day of February (Fri)
        (D(2020, 2, 29), 4, "year", D(2024, 2, 29)),  # leap to leap keeps the 29th (Thu)
        (D(2024, 7, 15), 24, "month", D(2026, 7, 15)),  # Wednesday
    ],
)
def test_month_and_year_periods_clamp_to_month_end(start, n, unit, expected):
    assert due_date(start, n, unit) == expected


def test_zero_length_period_is_the_start_rolled_over():
    assert due_date(D(2024, 10, 8), 0, "day") == D(2024, 10, 8)
    assert due_date(D(2024, 10, 1), 0, "day") == D(2024, 10, 8)
    assert due_date(D(2024, 10, 1), 0, "workday") == D(2024, 10, 8)
    assert due_date(D(2024, 10, 1), 0, "month", in_custody=True) == D(2024, 10, 1)


def test_bad_arguments_have_chinese_messages():
    with pytest.raises(ValueError, match="期间长度不能为负数"):
        due_date(D(2024, 1, 1), -1, "day")
    with pytest.raises(ValueError, match="期间单位“week”无效"):
        due_date(D(2024, 1, 1), 1, "week")
    with pytest.raises(TypeError, match="期间长度应为整数"):
        due_date(D(2024, 1, 1), 1.5, "day")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="期间长度应为整数"):
        due_date(D(2024, 1, 1), True, "day")  # type: ignore[arg-type]


# --- overrides and years the package does not know ---------------------------------------

# An invented county-supplied schedule for 2031 (1 January 2031 is a Wednesday):
# 春节 Wed 1-22 .. Tue 1-28 off, Sun 1-19 and Sat 2-08 working.
COUNTY_2031 = {
    D(2031, 1, 1): "holiday",
    **{d: "holiday" for d in span(D(2031, 1, 22), D(2031, 1, 28))},
    D(2031, 1, 19): "makeup_workday",
    D(2031, 2, 8): "makeup_workday",
}


def test_unknown_year_falls_back_to_weekends_and_says_so(wc):
    assert wc.known_year(2024) and wc.known_year(2025)
    assert not wc.known_year(2031)
    assert wc.missing_years([2031, 2024, 2031, 2025]) == [2031]
    assert wc.is_workday(D(2031, 1, 22))  # a Wednesday, nothing known about it
    assert not wc.is_workday(D(2031, 1, 25))  # a Saturday
    assert not wc.is_holiday(D(2031, 1, 25))
    # Weekdays only: 2031 has 52 weeks and one extra Wednesday.
    assert sum(wc.is_workday(d) for d in span(D(2031, 1, 1), D(2031, 12, 31))) == 261
    # Fri 1-17 + 4 working days: Mon 20, Tue 21, Wed 22, Thu 23.
    assert due_date(D(2031, 1, 17), 4, "workday", calendar=wc) == D(2031, 1, 23)
    # 1-25 is a Saturday → Monday 1-27.
    assert due_date(D(2031, 1, 20), 5, "day", calendar=wc) == D(2031, 1, 27)


def test_county_overrides_supply_a_year():
    county = WorkCalendar(COUNTY_2031)
    assert county.known_year(2031)
    assert county.missing_years(range(2030, 2033)) == [2030, 2032]
    assert county.is_holiday(D(2031, 1, 22))
    assert county.is_workday(D(2031, 1, 19))  # Sunday 调休
    # 261 weekdays − 1-01 − five holiday weekdays (Wed 22 .. Fri 24, Mon 27, Tue 28) + two 调休.
    assert sum(county.is_workday(d) for d in span(D(2031, 1, 1), D(2031, 12, 31))) == 261 - 1 - 5 + 2
    # Fri 1-17: Sun 1-19 调休 (1), Mon 1-20 (2), Tue 1-21 (3), 1-22..28 off, Wed 1-29 (4).
    assert due_date(D(2031, 1, 17), 4, "workday", calendar=county) == D(2031, 1, 29)
    # 1-25 is inside the holiday → Wednesday 1-29.
    assert due_date(D(2031, 1, 20), 5, "day", calendar=county) == D(2031, 1, 29)
    # Fri 2-07 + 1 day = Sat 2-08, a 调休 working day: no roll.
    assert due_date(D(2031, 2, 7), 1, "day", calendar=county) == D(2031, 2, 8)


def test_override_wins_over_the_package_day_by_day():
    county = WorkCalendar({
        D(2024, 10, 8): "holiday",  # a local extra day after 国庆 (invented)
        D(2024, 9, 29): "holiday",  # the package's 调休 Sunday, cancelled (invented)
        D(2024, 10, 7): "makeup_workday",  # a package holiday turned into a working day (invented)
    })
    assert county.is_holiday(D(2024, 10, 8)) and not county.is_workday(D(2024, 10, 8))
    assert not county.is_workday(D(2024, 9, 29))
    assert county.is_workday(D(2024, 10, 7)) and not county.is_holiday(D(2024, 10, 7))
    assert county.is_holiday(D(2024, 10, 6))  # untouched package days stay as they were
    # Fri 9-27: Mon 9-30 (1), Mon 10-07 (2), Wed 10-09 (3), Thu 10-10 (4), Fri 10-11 (5).
    assert due_date(D(2024, 9, 27), 5, "workday", calendar=county) == D(2024, 10, 11)
    # The built-in calendar is not affected.
    assert due_date(D(2024, 9, 27), 5, "workday") == D(2024, 10, 10)


def test_bad_override_kind_is_refused_in_chinese():
    with pytest.raises(ValueError, match="2031-01-01 的类型“day_off”无效"):
        WorkCalendar({D(2031, 1, 1): "day_off"})


def test_default_calendar_can_be_replaced_and_restored():
    assert cal.default_calendar().missing_years([2031]) == [2031]
    cal.set_default_calendar(WorkCalendar(COUNTY_2031))
    try:
        assert due_date(D(2031, 1, 17), 4, "workday") == D(2031, 1, 29)
    finally:
        cal.set_default_calendar(None)
    assert due_date(D(2031, 1, 17), 4, "workday") == D(2031, 1, 23)


# --- badges ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("today", "left", "text"),
    [
        (D(2024, 10, 10), 0, "今天到期"),
        (D(2024, 10, 7), 3, "剩余 3 天"),
        (D(2024, 10, 9), 1, "剩余 1 天"),
        (D(2024, 10, 12), -2, "已超期 2 天"),
        (D(2024, 9, 30), 10, "剩余 10 天"),
    ],
)
def test_badges(today, left, text):
    assert days_left(D(2024, 10, 10), today) == left
    assert badge(D(2024, 10, 10), today) == text


# --- helpers -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("d", "n", "expected"),
    [
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2024, 3, 31), -1, D(2024, 2, 29)),
        (D(2024, 12, 15), 1, D(2025, 1, 15)),
        (D(2025, 1, 15), -1, D(2024, 12, 15)),
        (D(2024, 5, 31), 0, D(2024, 5, 31)),
        (D(2024, 1, 31), 25, D(2026, 2, 28)),
    ],
)
def test_add_months(d, n, expected):
    assert add_months(d, n) == expected


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("2024", (D(2024, 1, 1), D(2024, 12, 31))),
        ("2024-Q1", (D(2024, 1, 1), D(2024, 3, 31))),
        ("2024-Q3", (D(2024, 7, 1), D(2024, 9, 30))),
        ("2024-q4", (D(2024, 10, 1), D(2024, 12, 31))),
        ("2024-07", (D(2024, 7, 1), D(2024, 7, 31))),
        ("2024-02", (D(2024, 2, 1), D(2024, 2, 29))),
        ("2023-02", (D(2023, 2, 1), D(2023, 2, 28))),
        (" 2024-11 ", (D(2024, 11, 1), D(2024, 11, 30))),
        ("2024-H1", (D(2024, 1, 1), D(2024, 6, 30))),
        ("2024-h2", (D(2024, 7, 1), D(2024, 12, 31))),
    ],
)
def test_period_bounds(text, bounds):
    assert period_bounds(text) == bounds


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "格式不对"),
        ("24", "格式不对"),
        ("2024/07", "格式不对"),
        ("2024-H3", "H1（上半年）或 H2（下半年）"),
        ("2024-H", "格式不对"),
        ("2024年7月", "格式不对"),
        ("2024-Q5", "季度应为 Q1 至 Q4"),
        ("2024-Q0", "季度应为 Q1 至 Q4"),
        ("2024-13", "月份应在 1 至 12 之间"),
        ("2024-00", "月份应在 1 至 12 之间"),
        ("0000", "年份无效"),
    ],
)
def test_period_bounds_rejects_bad_input(text, message):
    with pytest.raises(ValueError, match=message):
        period_bounds(text)


def test_age_counts_from_the_day_after_the_anniversary():
    born = D(2006, 5, 10)
    assert age_on(born, D(2024, 5, 9)) == 17
    assert age_on(born, D(2024, 5, 10)) == 17  # the 18th birthday itself: not yet 已满十八周岁
    assert age_on(born, D(2024, 5, 11)) == 18
    assert age_on(born, D(2024, 12, 31)) == 18
    assert age_on(born, D(2025, 1, 1)) == 18
    assert not has_reached_age(born, 18, D(2024, 5, 10))
    assert has_reached_age(born, 18, D(2024, 5, 11))
    assert has_reached_age(born, 14, D(2024, 5, 10))


def test_age_for_a_29_february_birthday():
    # Common-year anniversary is 28 February, so 已满 starts on 1 March.
    born = D(2004, 2, 29)
    assert age_on(born, D(2022, 2, 28)) == 17
    assert age_on(born, D(2022, 3, 1)) == 18
    assert not has_reached_age(born, 18, D(2022, 2, 28))
    assert has_reached_age(born, 18, D(2022, 3, 1))
    # In a leap year the anniversary is 29 February itself.
    assert age_on(D(2000, 2, 29), D(2024, 2, 29)) == 23
    assert age_on(D(2000, 2, 29), D(2024, 3, 1)) == 24
    assert cal.anniversary(born, 18) == D(2022, 2, 28)


def test_age_edges():
    born = D(2024, 3, 1)
    assert age_on(born, born) == 0
    assert age_on(born, D(2025, 3, 1)) == 0
    assert age_on(born, D(2025, 3, 2)) == 1
    assert has_reached_age(born, 0, born)
    with pytest.raises(ValueError, match="早于出生日期"):
        age_on(born, D(2024, 2, 29))

"""The one date service: deadlines, working days, periods and ages (domain.md §1.3, §14.1).

Every deadline in the program is computed by :func:`due_date` so the statutory counting
rules (民法典 §201–203, 刑事诉讼法 §105) live in one place. Holiday knowledge comes from the
``chinese-calendar`` package for the years it ships, and from the county-supplied
``holiday_calendar`` table (passed in as overrides) for corrections and later years. A year
neither source knows falls back to "Saturday and Sunday are rest days"; callers ask
:meth:`WorkCalendar.missing_years` so the GUI can say the schedule has not been imported.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from enum import StrEnum

from chinese_calendar import constants as _cc

HOLIDAY = "holiday"
MAKEUP_WORKDAY = "makeup_workday"
_KINDS = {HOLIDAY: "法定节假日", MAKEUP_WORKDAY: "调休上班日"}


class Unit(StrEnum):
    """Units a period can be counted in."""

    DAY = "day"
    WORKDAY = "workday"
    MONTH = "month"
    YEAR = "year"


def _day(d: date) -> date:
    """A datetime is not equal to its date, so set lookups would silently miss it."""
    return d.date() if isinstance(d, datetime) else d


class WorkCalendar:
    """Which days are working days: package data, county overrides, weekend fallback.

    ``overrides`` maps a date to ``"holiday"`` or ``"makeup_workday"`` and wins over the
    package day by day, so an admin can correct one day without retyping a whole year. A
    year is *known* when the package covers it or at least one override falls in it.
    """

    def __init__(self, overrides: Mapping[date, str] | None = None) -> None:
        holidays = set(_cc.holidays)
        makeup = set(_cc.workdays)
        self._known = {d.year for d in holidays | makeup}
        for raw, kind in (overrides or {}).items():
            d = _day(raw)
            if kind not in _KINDS:
                raise ValueError(
                    f"节假日安排中 {d.isoformat()} 的类型“{kind}”无效，应为 holiday（法定节假日）"
                    f"或 makeup_workday（调休上班日）"
                )
            holidays.discard(d)
            makeup.discard(d)
            (holidays if kind == HOLIDAY else makeup).add(d)
            self._known.add(d.year)
        self._holidays = frozenset(holidays)
        self._makeup = frozenset(makeup)

    def is_workday(self, d: date) -> bool:
        """Weekdays that are not holidays, plus make-up working Saturdays and Sundays."""
        d = _day(d)
        if d in self._makeup:
            return True
        return d.weekday() < 5 and d not in self._holidays

    def is_holiday(self, d: date) -> bool:
        """A day of an announced statutory holiday break; a plain weekend is not one."""
        return _day(d) in self._holidays

    def known_year(self, year: int) -> bool:
        return year in self._known

    def missing_years(self, years: Iterable[int]) -> list[int]:
        """The years (sorted, once each) whose holiday schedule is neither shipped nor imported."""
        return sorted({y for y in years if not self.known_year(y)})

    def next_workday(self, d: date) -> date:
        """`d` itself if it is a working day, else the first working day after it."""
        d = _day(d)
        while not self.is_workday(d):
            d += timedelta(days=1)
        return d


_BUILTIN = WorkCalendar()
_default = _BUILTIN


def default_calendar() -> WorkCalendar:
    """The calendar :func:`due_date` uses when none is passed."""
    return _default


def set_default_calendar(calendar: WorkCalendar | None) -> None:
    """Install the calendar built from the ``holiday_calendar`` table (None: package data only).

    The application calls this at start-up and after a county bundle updates the table, so
    the duty modules need not pass a calendar to every :func:`due_date` call.
    """
    global _default
    _default = calendar if calendar is not None else _BUILTIN


def add_months(d: date, n: int) -> date:
    """The corresponding day `n` months later (or earlier), clamped to the month's last day."""
    year, month0 = divmod(d.year * 12 + d.month - 1 + n, 12)
    last = _stdlib_calendar.monthrange(year, month0 + 1)[1]
    return d.replace(year=year, month=month0 + 1, day=min(d.day, last))


def due_date(
    start: date,
    n: int,
    unit: Unit | str,
    *,
    roll_over_holiday: bool = True,
    in_custody: bool = False,
    calendar: WorkCalendar | None = None,
) -> date:
    """The last day of a period of `n` units beginning after `start`.

    The starting day is not counted (民法典 §201). Month and year periods end on the
    corresponding day, or the month's last day when there is none (§202). A period whose
    last day is a rest day (weekend or statutory holiday, but not a 调休 working day) ends on
    the next working day (§203), except for a person in custody (刑事诉讼法 §105) or when the
    caller turns roll-over off. Working days skip rest days and count 调休 working days.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"期间长度应为整数，收到“{n!r}”")
    if n < 0:
        raise ValueError(f"期间长度不能为负数，收到 {n}")
    try:
        unit = Unit(unit)
    except ValueError:
        raise ValueError(
            f"期间单位“{unit}”无效，应为 day（日）、workday（工作日）、month（月）或 year（年）"
        ) from None
    cal = calendar if calendar is not None else _default
    start = _day(start)

    if unit is Unit.DAY:
        end = start + timedelta(days=n)
    elif unit is Unit.MONTH:
        end = add_months(start, n)
    elif unit is Unit.YEAR:
        end = add_months(start, 12 * n)
    else:
        end = start
        for _ in range(n):
            end = cal.next_workday(end + timedelta(days=1))

    if roll_over_holiday and not in_custody:
        end = cal.next_workday(end)
    return end


def days_left(due: date, today: date) -> int:
    """Days from `today` to `due`: 0 on the day, negative once overdue."""
    return (_day(due) - _day(today)).days


def badge(due: date, today: date) -> str:
    """The short deadline label shown in worklists."""
    left = days_left(due, today)
    if left == 0:
        return "今天到期"
    if left > 0:
        return f"剩余 {left} 天"
    return f"已超期 {-left} 天"


_PERIOD = re.compile(r"(\d{4})(?:-(?:[Qq](\d)|(\d{1,2})|[Hh](\d)))?")


def period_bounds(period: str) -> tuple[date, date]:
    """First and last day of a statistics period written "2024", "2024-H1" (半年), "2024-Q3" or "2024-07"."""
    text = period.strip()
    m = _PERIOD.fullmatch(text)
    if not m:
        raise ValueError(f"统计期间“{period}”格式不对，应写成 2024（全年）、2024-H1（上半年）、2024-Q3（季度）或 2024-07（月份）")
    year = int(m[1])
    if year < 1:
        raise ValueError(f"统计期间“{period}”的年份无效")
    if m[4] is not None:
        half = int(m[4])
        if half not in (1, 2):
            raise ValueError(f"统计期间“{period}”的半年应为 H1（上半年）或 H2（下半年）")
        return (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))
    if m[2] is not None:
        quarter = int(m[2])
        if not 1 <= quarter <= 4:
            raise ValueError(f"统计期间“{period}”的季度应为 Q1 至 Q4")
        first, last = 3 * quarter - 2, 3 * quarter
        return date(year, first, 1), date(year, last, _stdlib_calendar.monthrange(year, last)[1])
    if m[3] is not None:
        month = int(m[3])
        if not 1 <= month <= 12:
            raise ValueError(f"统计期间“{period}”的月份应在 1 至 12 之间")
        return date(year, month, 1), date(year, month, _stdlib_calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


def anniversary(birth: date, years: int) -> date:
    """The `years`-th birthday; for a 29 February birth in a common year it is 28 February.

    28 February follows 民法典 §202 (no corresponding day → the month's last day), so a
    person born 2004-02-29 reaches 18 周岁 on 2022-03-01, the same day as in a leap year.
    """
    return add_months(birth, 12 * years)


def age_on(birth: date, ref: date) -> int:
    """Age in 周岁 on `ref`: a year counts only from the day AFTER its birthday anniversary.

    This is the criminal-law convention (最高法 2006 未成年人刑事案件解释 §2, domain.md §14.1):
    born 2006-05-10 → 17 on 2024-05-10, 18 from 2024-05-11.
    """
    birth, ref = _day(birth), _day(ref)
    if ref < birth:
        raise ValueError(f"参照日期 {ref.isoformat()} 早于出生日期 {birth.isoformat()}，无法计算年龄")
    age = ref.year - birth.year
    if ref <= anniversary(birth, age):
        age -= 1
    return max(age, 0)


def has_reached_age(birth: date, years: int, ref: date) -> bool:
    """Whether the person is “已满 `years` 周岁” on `ref` (see :func:`age_on`)."""
    return age_on(birth, ref) >= years

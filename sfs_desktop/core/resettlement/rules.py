"""The numbers and rules of domain.md §5.1 (R1–R11) as pure functions.

Nothing here reads the database or the clock: callers read the county's parameters and pass them
in, so every boundary day can be tested on its own. Every deadline comes from
``calendar.due_date`` (the starting day not counted, 民法典 §201–203).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sfs_desktop.core import calendar
from sfs_desktop.core.resettlement.constants import HIGH_RISK, KEY, ORDINARY, PICK_UP

PRE_RELEASE_EDUCATION_MONTHS = 3  # R4: prisons start pre-release education three months ahead


def period_end(release: date, years: int) -> date:
    """R2: the last day of the assistance period, `years` from release (the release day not
    counted; no holiday roll: a status period, not a procedural one). Released 2024-02-29, five
    years end on 2029-02-28 (no corresponding day → the month's last day, 民法典 §202)."""
    if years <= 0:
        raise ValueError("帮教期应为正整数年")
    return calendar.due_date(release, years, "year", roll_over_holiday=False)


def notice_due(release: date, months: int) -> date:
    """R3: the prison sends the 刑满释放人员通知书 `months` before release."""
    return calendar.add_months(release, -months)


def notice_late(release: date, received: date | None, months: int) -> bool:
    """R3: the notice arrived later than the prison's deadline (or after the release itself)."""
    return received is not None and received > notice_due(release, months)


def handover_due(release: date, method: str | None, report_days: int) -> date:
    """R5/R6: a key person is picked up at the gate on the day of release (必接必送); anyone else
    reports within `report_days` of release (the last day rolls past a holiday)."""
    if method == PICK_UP:
        return release
    return calendar.due_date(release, report_days, "day")


def first_visit_due(returned: date, days: int) -> date:
    """R10: the home visit within `days` of the person's return (衔接); a last day in 春节 or on a
    weekend rolls to the next working day."""
    return calendar.due_date(returned, days, "day")


def suggested_category(*, recidivist: bool = False, three_no: bool = False, risk: str | None = None,
                       serious_offence: bool = False) -> str:
    """R7: 重点 for 累犯惯犯, 三无, high risk or a serious offence (危害国家安全, 涉黑涉恶, 严重暴力,
    涉毒); 一般 otherwise. The station may decide otherwise, with a reason (category history)."""
    return KEY if (recidivist or three_no or risk == HIGH_RISK or serious_offence) else ORDINARY


SERIOUS_WORDS = ("危害国家安全", "黑社会", "恶势力", "故意杀人", "抢劫", "强奸", "绑架", "放火", "爆炸", "投放危险物质",
                 "毒品", "故意伤害")


def serious_offence(offences: str | None) -> bool:
    """R7's offence criteria, read off the 罪名 text."""
    return bool(offences) and any(w in offences for w in SERIOUS_WORDS)


def handover_problems(release: date, method: str | None, on: date | None, today: date,
                      staff: str | None) -> list[str]:
    """F-R2 checked: a method, a day not before release nor in the future, the staff of a pick-up."""
    out = []
    if not method:
        out.append("请选择衔接方式（必接必送、家属接回或自行报到）")
    if on is None:
        out.append("请填写衔接日期")
    elif on < release:
        out.append(f"衔接日期不能早于释放日期（{release:%Y-%m-%d}）")
    elif on > today:
        out.append("衔接日期不能晚于今天")
    if method == PICK_UP and not (staff or "").strip():
        out.append("必接必送须填写接送人员")
    return out


def report_date(year: int, month_day: str) -> date:
    """A yearly report day written "07-02" (R9: half-year by 2 July, annual by 2 February)."""
    try:
        month, day = (int(x) for x in month_day.split("-"))
        return date(year, month, day)
    except (ValueError, TypeError):
        raise ValueError(f"上报日期“{month_day}”格式不对，应写成 07-02") from None


def next_report_day(today: date, month_day: str) -> date:
    """The next (or today's) yearly report day."""
    this = report_date(today.year, month_day)
    return this if this >= today else report_date(today.year + 1, month_day)


def unmatched_report_due(today: date, day_of_month: int) -> date:
    """R9: the monthly 未衔接 report, on `day_of_month` of this month (or next, once passed)."""
    this = today.replace(day=min(day_of_month, 28))
    return this if this >= today else calendar.add_months(this, 1)


def is_list_month(month: str | None) -> bool:
    """A pre-release list's month is written "2024-07"."""
    return bool(month) and re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month) is not None


def next_contact_due(last: date | None, since: date, per: str) -> date:
    """R10: the day the next periodic contact falls due: one period after the last contact (or the
    return, when none yet). A period is a week, a month or a quarter."""
    base = max(last or since, since)
    if per == "week":
        return base + timedelta(days=7)
    return calendar.add_months(base, 3 if per == "quarter" else 1)

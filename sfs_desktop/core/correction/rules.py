"""The numbers and rules of domain.md §4.2, §4.3 (C1–C38) and §4.5, as pure functions.

Nothing here reads the database or the clock: each function takes dates and counts and answers
with a date, a code or a list of problems, so every boundary day can be tested on its own. Statute
numbers are constants with their article; the rest ([G]/[W]) are parameters (core.params) that
callers read and pass in. Every deadline comes from ``calendar.due_date``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable

from sfs_desktop.core import calendar
from sfs_desktop.core.calendar import add_months
from sfs_desktop.core.correction.constants import (
    ABSCONDED, ADMONISH, BREACH_PROHIBITION_SERIOUS, CONTROL, COUNTY, HIGHER, LATE_REPORT, MEDICAL_NO_REEXAM,
    MINOR_KINDS, P_DETENTION, P_FIXED, P_LIFE, PAROLE, POLICE_PENALTY, PROBATION, RECOMMIT, REVOKE_PAROLE,
    REVOKE_PROBATION, SERIOUS_KINDS, STATION, TEMP_EXEC, WARN)

NOTIFY_DAYS = 5  # C1 社区矫正法 §20: the decision body notifies within 5 days …
DOCUMENT_DAYS = 10  # … and delivers the documents within 10 days of the ruling taking effect
REPORT_IN_DAYS = 10  # C2 §21: the subject reports within 10 days of the judgment taking effect
ADMONISH_MAX_LATE = 10  # C18/C19: late report-in or absconding ≤ 10 days → 训诫, more → 警告
REVOKE_AFTER_MONTHS = 1  # C21: more than one month → 撤销缓刑 (C22 假释)
STATION_LEAVE_DAYS = 7  # C11: ≤ 7 days the station (if entrusted), more → county
ONE_LEAVE_MAX_DAYS = 30  # C11: one approval at most 30 days …
WINDOW_MONTHS, WINDOW_MAX_DAYS = 2, 30  # … and more than 30 days within two months → next-higher agency
REGULAR_TRAVEL_MONTHS = 6  # C13
MOVE_NOTICE_MONTHS = 1  # C14: apply one month ahead
MOVE_STEP_DAYS = 5  # C14: each step between the agencies within 5 days
MOVE_REPORT_DAYS = 7  # C14: report to the new county within 7 days of the decision
HEALTH_REPORT_MONTHS, REEXAM_MONTHS = 1, 3  # C15
LOCATOR_MAX_MONTHS = 3  # C25 社区矫正法 §29
INVESTIGATION_WORKDAYS, FAST_TRACK_WORKDAYS = 10, 5  # C34
ADULT = 18  # C33 社区矫正法 §52–58

# §4.2 term bounds in months (刑法 §38, §73, §83)
CONTROL_MIN, CONTROL_MAX, CONTROL_COMBINED_MAX = 3, 24, 36
DETENTION_PROBATION = (2, 12)  # 缓刑 of 拘役: ≥ the original term, ≥ 2 months, ≤ 1 year
FIXED_PROBATION = (12, 60)  # 缓刑 of 有期徒刑: ≥ the original term, ≥ 1 year, ≤ 5 years
LIFE_PAROLE_MONTHS = 120  # 假释 of 无期徒刑: 10 years


def days_inclusive(start: date, end: date) -> int:
    """外出 from the 1st to the 7th is seven days away."""
    return (end - start).days + 1


def term_end(start: date, months: int, custody_days: int = 0, *, control: bool = False) -> date:
    """The last day of a sentence of `months` served from `start`: 2024-01-10 + 3 months ends on
    2024-04-09 (the corresponding day of the final month, less the first day). Prior custody of a
    管制 subject counts two days a day (刑法 §41). A term is not a procedural period: no holiday roll."""
    end = add_months(start, months) - timedelta(days=1)
    return end - timedelta(days=(2 if control else 1) * custody_days) if custody_days else end


def term_problems(kind: str, penalty: str | None, original_months: int | None, start: date | None,
                  end: date | None, custody_days: int = 0) -> list[str]:
    """What is implausible about a term as the documents give it (§4.2: stored as given, checked
    only). Empty when nothing is wrong."""
    if start is None or end is None:
        return []
    if end < start:
        return ["矫正期限止不能早于矫正期限起"]
    months = _months_between(start, end)
    out = []
    if kind == CONTROL:
        expected = term_end(start, original_months, custody_days, control=True) if original_months else None
        if original_months and not CONTROL_MIN <= original_months <= CONTROL_COMBINED_MAX:
            out.append(f"管制刑期应为三个月以上二年以下（数罪并罚不超过三年），现为 {original_months} 个月（刑法第三十八条）")
        if expected and end != expected:
            out.append(f"管制期限止应为 {expected:%Y-%m-%d}（刑期 {original_months} 个月，先行羁押 {custody_days} 日折抵 "
                       f"{2 * custody_days} 日，刑法第四十一条），文书为 {end:%Y-%m-%d}，请核对")
    elif kind == PROBATION:
        low, high = {P_DETENTION: DETENTION_PROBATION, P_FIXED: FIXED_PROBATION}.get(penalty or "", (None, None))
        if low is not None:
            name = "拘役" if penalty == P_DETENTION else "有期徒刑"
            floor = max(low, original_months or 0)
            if end < term_end(start, floor) or end > term_end(start, high):
                out.append(f"{name}缓刑考验期应不少于原判刑期且不少于{_span(low)}、不超过{_span(high)}"
                           f"（刑法第七十三条），现为约 {months} 个月")
    elif kind == PAROLE and penalty == P_LIFE and end != term_end(start, LIFE_PAROLE_MONTHS):
        out.append(f"无期徒刑假释的考验期为十年（刑法第八十三条），现为约 {months} 个月")
    return out


def _span(months: int) -> str:
    return f"{months // 12} 年" if months % 12 == 0 else f"{months} 个月"


def _months_between(start: date, end: date) -> int:
    """Whole months from `start` to the day after `end` (2024-01-10 … 2024-04-09 is 3)."""
    after = end + timedelta(days=1)
    months = (after.year - start.year) * 12 + after.month - start.month
    return months if add_months(start, months) <= after else months - 1


def documents_due(effective: date) -> date:
    """C1: the documents reach the execution-place agency within 10 days of the ruling taking effect."""
    return calendar.due_date(effective, DOCUMENT_DAYS, "day")


def report_in_due(effective: date) -> date:
    """C2 / §4.5.1: the subject reports within 10 days of the judgment taking effect."""
    return calendar.due_date(effective, REPORT_IN_DAYS, "day")


def late_days(due: date, day: date) -> int:
    """Days past `due` on `day` (0 when on time)."""
    return max((day - due).days, 0)


def lateness_measure(kind: str, days: int, due: date, day: date) -> str | None:
    """§4.5.1, C18/C19/C21/C22: the measure a late report-in (or absconding) of `days` suggests."""
    if days <= 0:
        return None
    if day > add_months(due, REVOKE_AFTER_MONTHS):
        if kind == PROBATION:
            return REVOKE_PROBATION
        if kind == PAROLE:
            return REVOKE_PAROLE
        if kind == TEMP_EXEC:
            return RECOMMIT
    return ADMONISH if days <= ADMONISH_MAX_LATE else WARN


@dataclass(frozen=True)
class Record:
    """The subject's sanctions in the current term, counted from the county's decisions."""

    admonitions: int = 0  # 训诫 not followed by correction
    warnings: int = 0  # 警告
    police_penalty: bool = False  # a public-order penalty already given


def suggest_sanction(kind: str, violation: str, days: int, record: Record, *, due: date | None = None,
                     occurred: date | None = None) -> str:
    """The sanction suggestion engine (§4.5.3; C18–C23): the next step for this violation given what
    the county already decided in this term. The station proposes it; the county decides."""
    if violation in (LATE_REPORT, ABSCONDED):
        start = due or occurred or date.min
        base = lateness_measure(kind, days, start, start + timedelta(days=days)) or ADMONISH
    elif violation == BREACH_PROHIBITION_SERIOUS:
        base = _revoke(kind)
    elif violation == MEDICAL_NO_REEXAM:
        base = WARN if record.admonitions or record.warnings else ADMONISH
    elif violation in SERIOUS_KINDS:
        base = WARN
    else:
        base = ADMONISH
    if base == ADMONISH and record.admonitions >= 2:  # C19(5): two 训诫 without correction
        base = WARN
    if base == WARN and record.warnings >= 2:  # C21(4), C22, C23: two 警告 without correction
        base = _revoke(kind)
    if base == WARN and record.police_penalty and kind == PROBATION:  # C21(3)
        base = REVOKE_PROBATION
    return base


def _revoke(kind: str) -> str:
    return {PROBATION: REVOKE_PROBATION, PAROLE: REVOKE_PAROLE, TEMP_EXEC: RECOMMIT}.get(kind, POLICE_PENALTY)


def leave_problems(start: date, end: date, applied: date, lead_days: int) -> list[str]:
    """C10–C11 on the request alone: dates in order, at most 30 days, filed `lead_days` ahead (a warning)."""
    if end < start:
        return ["外出止日期不能早于外出起日期"]
    if applied > start:
        return ["申请日期不能晚于外出起日期"]
    out = []
    if days_inclusive(start, end) > ONE_LEAVE_MAX_DAYS:
        out.append(f"一次外出不超过 {ONE_LEAVE_MAX_DAYS} 日；超过的须报上一级社区矫正机构审批")
    return out


def leave_lead_short(start: date, applied: date, lead_days: int) -> bool:
    """C10: normally filed in writing `lead_days` days before leaving."""
    return (start - applied).days < lead_days


def window_days(start: date, end: date, approved: Iterable[tuple[date, date]]) -> int:
    """The most days away, this request plus `approved` leaves, in any two-month window that
    includes this request (C11's 'more than 30 days within two months')."""
    leaves = [(start, end), *approved]
    anchors = {start, add_months(end, -WINDOW_MONTHS) + timedelta(days=1)} | {s for s, _ in approved}
    best = 0
    for a in anchors:
        b = add_months(a, WINDOW_MONTHS) - timedelta(days=1)
        if a > start or b < end:  # the window must hold this request
            continue
        best = max(best, sum(max((min(e, b) - max(s, a)).days + 1, 0) for s, e in leaves))
    return best


def leave_approver(start: date, end: date, approved: Iterable[tuple[date, date]], station_may_approve: bool) -> str:
    """The leave approval router (§4.5.2, C11): ≤ 7 days the station if the county entrusted it,
    8–30 days the county, more than 30 days or more than 30 within two months the next-higher agency."""
    days = days_inclusive(start, end)
    if days > ONE_LEAVE_MAX_DAYS or window_days(start, end, list(approved)) > WINDOW_MAX_DAYS:
        return HIGHER
    if days <= STATION_LEAVE_DAYS and station_may_approve:
        return STATION
    return COUNTY


def overstay_days(end: date, returned: date | None, today: date) -> int:
    """C12: days past the approved end (a return report on the day after `end` is one day late)."""
    return max(((returned or today) - end).days, 0)


def regular_travel_end(valid_from: date) -> date:
    """C13: one approval covers at most six months (the day before the corresponding day)."""
    return add_months(valid_from, REGULAR_TRAVEL_MONTHS) - timedelta(days=1)


@dataclass(frozen=True)
class MoveStep:
    title: str
    rule: str
    due: date
    done: date | None


def residence_steps(applied: date, move_on: date, asked: date | None, replied: date | None,
                    approved: bool | None, decided: date | None, told: date | None, files_sent: date | None,
                    reported_new: date | None) -> list[MoveStep]:
    """C14: each step of a change of execution place and its deadline, as far as the steps went."""
    steps = [MoveStep("县级机构征求新执行地意见", "收到申请后五日内", calendar.due_date(applied, MOVE_STEP_DAYS, "day"), asked)]
    if asked:
        steps.append(MoveStep("新执行地回复意见", "收到征求意见后五日内", calendar.due_date(asked, MOVE_STEP_DAYS, "day"), replied))
    if decided and approved is False:
        steps.append(MoveStep("告知本人不予批准", "决定后五日内", calendar.due_date(decided, MOVE_STEP_DAYS, "day"), told))
    if decided and approved:
        steps.append(MoveStep("移交档案材料", "决定后五日内", calendar.due_date(decided, MOVE_STEP_DAYS, "day"), files_sent))
        steps.append(MoveStep("到新执行地报到", "收到决定后七日内", calendar.due_date(decided, MOVE_REPORT_DAYS, "day"),
                              reported_new))
    return steps


def move_notice_short(applied: date, move_on: date) -> bool:
    """C14: a move is applied for one month ahead."""
    return move_on < add_months(applied, MOVE_NOTICE_MONTHS)


def locator_end_max(start: date) -> date:
    """C25: one e-locator period is at most three months."""
    return add_months(start, LOCATOR_MAX_MONTHS) - timedelta(days=1)


def medical_due(since: date, months: int) -> date:
    """C15: the next health report (monthly) or re-examination (every three months) after `since`."""
    return calendar.due_date(since, months, "month")


def investigation_due(received: date, fast_track: bool) -> date:
    """C34: 调查评估 within 10 working days of the request, 5 in a fast-track case."""
    return calendar.due_date(received, FAST_TRACK_WORKDAYS if fast_track else INVESTIGATION_WORKDAYS, "workday")


def release_notice(term_end_day: date, notice_days: int) -> date:
    """§4.5.7: release preparation starts `notice_days` before the term ends."""
    return term_end_day - timedelta(days=notice_days)


def juvenile_rules(birth: date | None, offence: date | None) -> bool:
    """C33: under 18 at the offence; one who turns 18 during correction stays under juvenile rules."""
    if birth is None or offence is None:
        return False
    return calendar.age_on(birth, offence) < ADULT


def team_problems(subject_gender: str | None, member_genders: Iterable[str]) -> list[str]:
    """§4.5.4, C7: a female subject's team has at least one woman."""
    from sfs_desktop.core.correction.constants import FEMALE

    if subject_gender == FEMALE and FEMALE not in set(member_genders):
        return ["女性社区矫正对象的矫正小组应当有女性成员（社区矫正法第二十五条）"]
    return []


def commendation_allowed(term_start: date, on: date, months: int) -> bool:
    """C17: a commendation after at least `months` months of correction."""
    return on >= add_months(term_start, months)

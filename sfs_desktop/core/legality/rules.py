"""The rules of domain.md §6.2 (H1–H12) as pure functions.

Nothing here reads the database or the clock: each function takes dates, codes and counts and
answers with a date, a flag or a list of problems, so every boundary can be tested on its own.
Statute numbers are constants with their article; the review limits of H3/H6/H7 are parameters
(core.params) the callers read and pass in. Every deadline comes from ``calendar.due_date``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable

from sfs_desktop.core import calendar
from sfs_desktop.core.legality.constants import (ALL_TYPES, CONTRACT, DECISION, ENFORCEMENT, LAWFUL, NO_MEETING,
                                                 NORMATIVE, PARTY, UNLAWFUL, VILLAGE)

LIMIT_PARAMS = {DECISION: "legality.decision_workdays", NORMATIVE: "legality.normative_workdays",
                CONTRACT: "legality.contract_workdays", ENFORCEMENT: "legality.enforcement_workdays",
                VILLAGE: "legality.village_workdays", PARTY: "legality.normative_workdays"}
"""H3/H6/H7: the parameter holding each type's review limit in working days."""
DECISION_MIN_WORKDAYS = 7  # H3 暂行条例 §26: the sender allows at least 7 working days
LEASE_MAX_YEARS = 20  # H12 民法典 §705
NOTICE_DAYS = 10  # H9 村组法 §22: the meeting is announced 10 days ahead
ADULT = 18


def due(received: date, limit: int, *, returned: date | None = None, resubmitted: date | None = None,
        restart: bool = True) -> date | None:
    """The day the opinion is due: `limit` working days after receipt (H3/H6/H7). A return for
    supplements (H2) stops the clock — no due day while the materials are out — and it restarts on
    resubmission, from zero (`restart`, the county's parameter) or with the working days already
    used deducted."""
    if returned is None:
        return calendar.due_date(received, limit, "workday")
    if resubmitted is None:
        return None
    if restart:
        return calendar.due_date(resubmitted, limit, "workday")
    left = max(limit - workdays_between(received, returned), 0)
    return calendar.due_date(resubmitted, left, "workday")


def workdays_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (the clock's time used)."""
    cal = calendar.default_calendar()
    return sum(1 for n in range(1, (end - start).days + 1) if cal.is_workday(start + timedelta(days=n)))


def sender_time_problem(kind: str, received: date, requested_by: date | None, normative_min: int) -> str | None:
    """H3/H6: the sender left the reviewer less than the minimum working days."""
    need = {DECISION: DECISION_MIN_WORKDAYS, NORMATIVE: normative_min}.get(kind)
    if need is None or requested_by is None:
        return None
    earliest = calendar.due_date(received, need, "workday", roll_over_holiday=False)
    if requested_by < earliest:
        article = "重大行政决策程序暂行条例第二十六条" if kind == DECISION else "国办发〔2018〕115号"
        return (f"送审单位要求 {requested_by:%Y-%m-%d} 前完成，少于 {need} 个工作日的审查时间"
                f"（{article}：应不早于 {earliest:%Y-%m-%d}）")
    return None


def meeting_flag(reviewed: bool, conclusion: str | None, exploratory: bool = False, risk: str | None = None) -> str | None:
    """H1 (暂行条例 §25): not reviewed, or found unlawful → may not go to the decision meeting;
    an exploratory reform may go forward once the legal risk is stated."""
    if exploratory and (risk or "").strip():
        return None
    if not reviewed or conclusion is None or conclusion == UNLAWFUL:
        return NO_MEETING
    return None


def required_materials(kind: str, materials: Iterable[tuple[str, str | None]]) -> list[str]:
    """H2: the material codes a request of `kind` needs (code table lh_material, parent = types)."""
    return [code for code, parent in materials if parent and (parent == ALL_TYPES or kind in parent.split(","))]


def missing_materials(kind: str, ticked: Iterable[str], materials: Iterable[tuple[str, str | None]]) -> list[str]:
    have = set(ticked)
    return [c for c in required_materials(kind, materials) if c not in have]


def findings_problems(authority: str | None, procedure: str | None, content: str | None) -> list[str]:
    """H4 (暂行条例 §27): an opinion says whether the item is within authority, followed procedure and
    is consistent in content."""
    named = {"主体及权限": authority, "程序": procedure, "内容": content}
    return [f"尚未填写“{k}”方面的审查意见（重大行政决策程序暂行条例第二十七条）" for k, v in named.items()
            if not (v or "").strip()]


def penalty_reviewer_problem(penalty: bool, first_time: bool, qualified: bool, name: str) -> str | None:
    """H8 (行政处罚法 §58): a first-time 法制审核 reviewer must hold the 法律职业资格."""
    if penalty and first_time and not qualified:
        return (f"{name}初次从事行政处罚决定法制审核，应当取得法律职业资格"
                "（行政处罚法第五十八条），请在工作人员台账中核对或改派审查人员")
    return None


def quorum_problems(adults: int | None, present: int | None, households: int | None,
                    households_present: int | None, votes_for: int | None, notice_days: int | None) -> list[str]:
    """H9 (村组法 §21–22): the 村民会议 needs more than half of the villagers aged 18 or more, or
    two thirds of the households; a decision more than half of those present; 10 days' notice."""
    out = []
    by_people = bool(adults) and present is not None and present * 2 > adults
    by_households = bool(households) and households_present is not None and households_present * 3 >= households * 2
    if not by_people and not by_households:
        out.append("村民会议未达法定人数：应有本村十八周岁以上村民过半数，或者本村三分之二以上的户的代表参加"
                   "（村民委员会组织法第二十二条）")
    attendees = present if by_people else households_present if by_households else (present or households_present)
    if votes_for is None or not attendees or votes_for * 2 <= attendees:
        out.append("村规民约未经到会人员过半数同意（村民委员会组织法第二十二条）")
    if notice_days is None or notice_days < NOTICE_DAYS:
        out.append(f"召开村民会议应当提前十天通知村民，现为 {notice_days or 0} 天（村民委员会组织法第二十二条）")
    return out


def village_conclusion_problem(clauses: list[str], conclusion: str | None) -> str | None:
    """H10 (村组法 §27): a 村规民约 with unlawful clauses ticked is not 合法 as it stands."""
    if clauses and conclusion == LAWFUL:
        return "已勾选与法律政策相抵触的条款，结论不能为“合法”：应责令改正（村民委员会组织法第二十七条）"
    return None


def lease_problem(years: int | None) -> str | None:
    """H12 (民法典 §705): a lease over twenty years is void for the excess."""
    if years is not None and years > LEASE_MAX_YEARS:
        return f"租赁期限 {years} 年超过二十年，超过部分无效（民法典第七百零五条）"
    return None


def on_time(issued: date | None, due_day: date | None) -> bool | None:
    if issued is None or due_day is None:
        return None
    return issued <= due_day

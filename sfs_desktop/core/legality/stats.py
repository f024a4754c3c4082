"""合法性审查 statistics of domain.md §6.3 for a month, quarter or year, declared once (REPORT).

Definitions: 受理 = requests received in the period; 出具意见 = opinions issued in the period, 按期
those issued on or before their due date (working days, H3/H6/H7, the clock stopped while
materials were out); 建议 = the numbered suggestions of the opinions issued in the period, 采纳 those
fed back 已采纳 or 部分采纳. 不得提交会议讨论 (H1) = requests received by the period's end without an
opinion by then, or concluded 不合法 (an exploratory reform with its risk stated excepted).
"""

from __future__ import annotations

from collections import Counter

from sqlmodel import Session, select

from sfs_desktop.core import calendar, codes
from sfs_desktop.core.db.synced import live
from sfs_desktop.core.legality import rules
from sfs_desktop.core.legality.constants import ADOPTED, PARTLY, UNLAWFUL, VILLAGE
from sfs_desktop.core.legality.models import LegalityReview, LhSuggestion
from sfs_desktop.core.reports.tables import Breakdown, Detail, Kind, Measure, Report

R = LegalityReview


def _rows(s: Session, end, owner: str | None) -> list:
    return s.execute(live(select(R.id, R.item_type, R.received_on, R.issued_on, R.due_on, R.conclusion,
                                 R.exploratory, R.finding_risk).where(R.received_on <= end), R, owner)).all()


def _flagged(rows, end) -> list:
    return [r for r in rows if rules.meeting_flag(r.issued_on is not None and r.issued_on <= end,
                                                  r.conclusion if r.issued_on and r.issued_on <= end else None,
                                                  r.exploratory, r.finding_risk)]


def _count(s: Session, period: str, owner: str | None) -> dict[str, object]:
    start, end = calendar.period_bounds(period)
    rows = _rows(s, end, owner)
    received = [r for r in rows if r.received_on >= start]
    issued = [r for r in rows if r.issued_on and start <= r.issued_on <= end]
    types = {c.code: c.name for c in codes.codes(s, "lh_type", active_only=False)}
    conclusions = {c.code: c.name for c in codes.codes(s, "lh_conclusion", active_only=False)}
    ids = [r.id for r in issued]
    adoption = s.execute(live(select(LhSuggestion.adoption).where(LhSuggestion.review_id.in_(ids)), LhSuggestion,
                              owner)).scalars().all() if ids else []
    return {
        "received": len(received),
        "issued": len(issued),
        "on_time": sum(1 for r in issued if rules.on_time(r.issued_on, r.due_on)),
        "unlawful": sum(1 for r in issued if r.conclusion == UNLAWFUL),
        "village": sum(1 for r in received if r.item_type == VILLAGE),
        "no_meeting": len(_flagged(rows, end)),
        "suggestions": len(adoption),
        "adopted": sum(1 for a in adoption if a in (ADOPTED, PARTLY)),
        "by_type": dict(Counter(types.get(r.item_type, r.item_type) for r in received)),
        "by_conclusion": dict(Counter(conclusions.get(r.conclusion, r.conclusion) for r in issued)),
    }


def flagged_ids(s: Session, period: str, owner: str | None) -> list[str]:
    """不得提交会议讨论 list: the requests `no_meeting` counts."""
    end = calendar.period_bounds(period)[1]
    return [r.id for r in _flagged(_rows(s, end, owner), end)]


_C, _R = Kind.COUNT, Kind.RATIO
REPORT = Report(
    name="legality", title="合法性审查工作统计表", count=_count,
    measures=(
        Measure("received", "受理审查", _C, "收到日期在统计期间内的送审事项", "受理", by_station=True),
        Measure("village", "其中村规民约", _C, "受理的村规民约、居民公约、自治章程", "受理"),
        Measure("issued", "出具审查意见", _C, "出具日期在统计期间内的审查意见", "办理", by_station=True),
        Measure("on_time", "其中按期出具", _C, "在审查期限（工作日，退回补充期间不计）内出具的", "办理"),
        Measure("on_time_rate", "按期办结率", _R, "按期出具 ÷ 出具审查意见", "办理", of=("on_time", "issued"),
                by_station=True),
        Measure("unlawful", "结论为不合法", _C, "出具的意见中结论为不合法的", "办理"),
        Measure("no_meeting", "不得提交会议讨论", _C, "期末尚未出具意见或结论为不合法的送审事项（探索性改革事项已明示风险的除外）",
                "办理", by_station=True),
        Measure("suggestions", "提出建议", _C, "期间内出具的意见中的审查建议条数", "建议", by_station=True),
        Measure("adopted", "其中被采纳", _C, "反馈为已采纳或部分采纳的建议", "建议"),
        Measure("adoption_rate", "建议采纳率", _R, "被采纳 ÷ 提出建议", "建议", of=("adopted", "suggestions")),
    ),
    breakdowns=(Breakdown("by_type", "审查事项类型", "受理的送审事项按类型"),
                Breakdown("by_conclusion", "审查结论", "出具的意见按结论")),
    details=(Detail("no_meeting", "不得提交会议讨论的送审事项", "legality_review", flagged_ids),),
)
"""The §6.3 statistics, declared once: `report legality` and the county's by-station table read it."""

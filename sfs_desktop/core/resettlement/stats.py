"""安置帮教 statistics of domain.md §5.4 for a month, quarter or year, declared once (REPORT).

Definitions: 在册 = persons received (衔接) on or before the period's end and not yet off the
register at it (期满解除, 死亡, 迁出, 重新犯罪收监 after it); 应衔接 = persons released in the period
(their notice fell due then); 衔接 = those of them received. Ratios are derived by the report
framework from their numerator and denominator (`of=`), never computed here.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func
from sqlmodel import Session, select

from sfs_desktop.core import calendar, codes
from sfs_desktop.core.db.synced import live
from sfs_desktop.core.reports.tables import Breakdown, Detail, Kind, Measure, Report
from sfs_desktop.core.resettlement.constants import ACTIVE, EXPIRED, KEY, PICK_UP, UNEMPLOYED
from sfs_desktop.core.resettlement.models import ReleasedPerson, RpReoffence, RpResettlement, RpTeamMember

P = ReleasedPerson


def _register(s: Session, end, owner: str | None) -> list:
    """The persons on the register at `end` (every one: the aggregate is not access-scoped)."""
    rows = s.execute(live(select(P.id, P.category, P.status, P.ended_on, P.agreement_on)
                          .where(P.handover_on != None, P.handover_on <= end), P, owner)).all()  # noqa: E711
    return [r for r in rows if r.status in ACTIVE or (r.ended_on is not None and r.ended_on > end)]


def _released(s: Session, start, end, owner: str | None) -> list:
    return s.execute(live(select(P.id, P.category, P.handover_on, P.handover_method)
                          .where(P.release_date >= start, P.release_date <= end), P, owner)).all()


def _count(s: Session, period: str, owner: str | None) -> dict[str, object]:
    start, end = calendar.period_bounds(period)
    out: dict[str, object] = {}
    names = {c.code: c.name for c in codes.codes(s, "rp_category", active_only=False)}
    register = _register(s, end, owner)
    ids = {r.id for r in register}
    out["on_register"] = len(register)
    out["by_category"] = dict(Counter(names.get(r.category, r.category) for r in register))
    out["new"] = s.scalar(live(select(func.count()).select_from(P).where(
        P.handover_on >= start, P.handover_on <= end), P, owner)) or 0
    out["expired"] = s.scalar(live(select(func.count()).select_from(P).where(
        P.status == EXPIRED, P.ended_on >= start, P.ended_on <= end), P, owner)) or 0
    released = _released(s, start, end, owner)
    out["due"] = len(released)
    out["received"] = sum(1 for r in released if r.handover_on is not None and r.handover_on <= end)
    keys = [r for r in released if r.category == KEY]
    out["key_released"] = len(keys)
    out["picked_up"] = sum(1 for r in keys if r.handover_method == PICK_UP and r.handover_on is not None)
    teams = set(s.scalars(live(select(RpTeamMember.person_id).where(RpTeamMember.active == True), RpTeamMember,  # noqa: E712
                               owner)))
    out["assisted"] = sum(1 for r in register if r.id in teams and r.agreement_on and r.agreement_on <= end)
    settled = set(s.scalars(live(select(RpResettlement.person_id).where(
        RpResettlement.kind != UNEMPLOYED, RpResettlement.day <= end), RpResettlement, owner)))
    out["settled"] = len(ids & settled)
    out["reoffended"] = s.scalar(live(select(func.count()).select_from(RpReoffence).where(
        RpReoffence.day >= start, RpReoffence.day <= end), RpReoffence, owner)) or 0
    return out


def on_register(s: Session, who, today) -> int:
    """The dashboard tile 在册安置帮教对象 (a count: visible to every account that reads records)."""
    from sfs_desktop.core.security.access import require

    require(who, "record.read")
    return s.scalar(live(select(func.count()).select_from(P), P).where(P.status.in_(ACTIVE))) or 0


def register_ids(s: Session, period: str, owner: str | None) -> list[str]:
    """期末在册对象名单: the persons `on_register` counts."""
    return [r.id for r in _register(s, calendar.period_bounds(period)[1], owner)]


def unreceived_ids(s: Session, period: str, owner: str | None) -> list[str]:
    """未衔接对象名单: released in the period, not received by its end."""
    start, end = calendar.period_bounds(period)
    return [r.id for r in _released(s, start, end, owner) if r.handover_on is None or r.handover_on > end]


_C, _R = Kind.COUNT, Kind.RATIO
REPORT = Report(
    name="resettlement", title="安置帮教工作统计表", count=_count,
    measures=(
        Measure("on_register", "期末在册人数", _C, "衔接日期不晚于期末且期末仍在册（在册、失联）的对象", "在册", by_station=True),
        Measure("new", "新增", _C, "衔接日期在统计期间内的对象", "在册", by_station=True),
        Measure("expired", "期满解除", _C, "帮教期满解除日期在统计期间内的对象", "在册"),
        Measure("due", "应衔接人数", _C, "释放（解矫）日期在统计期间内的对象", "衔接", by_station=True),
        Measure("received", "已衔接人数", _C, "应衔接对象中期末前已衔接的", "衔接", by_station=True),
        Measure("handover_rate", "衔接率", _R, "已衔接人数 ÷ 应衔接人数", "衔接", of=("received", "due"), by_station=True),
        Measure("key_released", "重点对象释放人数", _C, "应衔接对象中帮教类别为重点的", "衔接"),
        Measure("picked_up", "必接必送人数", _C, "重点对象中以必接必送方式衔接的", "衔接"),
        Measure("pick_up_rate", "必接必送率", _R, "必接必送人数 ÷ 重点对象释放人数（目标 100%）", "衔接",
                of=("picked_up", "key_released"), by_station=True),
        Measure("assisted", "落实帮教人数", _C, "期末在册对象中有在组帮教小组且期末前签订帮教协议的", "帮教安置"),
        Measure("assist_rate", "帮教率", _R, "落实帮教人数 ÷ 期末在册人数", "帮教安置", of=("assisted", "on_register")),
        Measure("settled", "安置人数", _C, "期末在册对象中期末前有安置帮扶措施（未就业除外）的", "帮教安置"),
        Measure("settle_rate", "安置率", _R, "安置人数 ÷ 期末在册人数", "帮教安置", of=("settled", "on_register"),
                by_station=True),
        Measure("reoffended", "重新犯罪数", _C, "日期在统计期间内的重新违法犯罪记录", "重新犯罪", by_station=True),
        Measure("reoffence_rate", "重新犯罪率", _R, "重新犯罪数 ÷ 期末在册人数", "重新犯罪", of=("reoffended", "on_register")),
    ),
    breakdowns=(Breakdown("by_category", "帮教类别", "期末在册对象按帮教类别"),),
    details=(Detail("register", "期末在册对象名单", "released_person", register_ids),
             Detail("unreceived", "未衔接对象名单", "released_person", unreceived_ids)),
)
"""The §5.4 table, declared once: `report resettlement` and the county's by-station table read it."""

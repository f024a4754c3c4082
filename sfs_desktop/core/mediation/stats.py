"""Mediation statistics of domain.md §3.6 for any month, quarter or year.

Definitions: 受理数 = cases received in the period; 调解成功率 = successful ÷ received (cases
received in the period); village share (M29) = cases of village and community committees ÷
cases of village, community and township committees; coverage = villages and communities
with an active committee ÷ all villages and communities.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sqlalchemy import Integer, case, func
from sqlmodel import Session, select

from sfs_desktop.core import calendar, codes
from sfs_desktop.core.mediation.models import DisputeScreening, MediationCase, MediationCommittee, Mediator
from sfs_desktop.core.mediation.rules import SUCCESS, uncovered_areas

VILLAGE_TYPES = {"01", "02"}  # 村, 社区
TOWNSHIP_TYPE = "03"


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


@dataclass
class MediationStats:
    period: str
    received: int = 0
    success: int = 0
    success_rate: float | None = None
    by_type: dict[str, int] = field(default_factory=dict)
    by_source: dict[str, int] = field(default_factory=dict)
    agreement_amount_yuan: str = "0"
    village_cases: int = 0
    township_cases: int = 0
    village_share: float | None = None
    village_share_target: float = 70.0
    areas: int = 0
    areas_covered: int = 0
    coverage: float | None = None
    committees_by_type: dict[str, int] = field(default_factory=dict)
    mediators: int = 0
    mediators_full_time: int = 0
    screenings: int = 0
    screening_disputes: int = 0
    prevented_criminal_cases: int = 0
    prevented_criminal_persons: int = 0
    prevented_petition_cases: int = 0
    prevented_petition_persons: int = 0
    prevented_fight_cases: int = 0
    prevented_suicide_cases: int = 0
    oral_agreements: int = 0
    written_agreements: int = 0
    confirmation_applied: int = 0

    def table(self) -> list[tuple[str, object]]:
        """(指标, 值) rows in the county's order, for JSON/xlsx and the dashboard."""
        pct = lambda v: "—" if v is None else f"{v:.1f}%"  # noqa: E731
        rows: list[tuple[str, object]] = [
            ("统计期间", self.period), ("受理纠纷数", self.received), ("调解成功数", self.success),
            ("调解成功率", pct(self.success_rate)), ("协议涉及金额（元）", self.agreement_amount_yuan),
            ("村（社区）调委会调解数", self.village_cases), ("乡镇调委会调解数", self.township_cases),
            ("村（社区）调解占比", pct(self.village_share)), ("占比目标", f"{self.village_share_target:.0f}%"),
            ("村（社区）数", self.areas), ("已建调委会的村（社区）数", self.areas_covered),
            ("调委会覆盖率", pct(self.coverage)), ("人民调解员数", self.mediators), ("其中专职", self.mediators_full_time),
            ("排查次数", self.screenings), ("排查发现纠纷数", self.screening_disputes),
            ("防止民转刑（件）", self.prevented_criminal_cases), ("防止民转刑（人）", self.prevented_criminal_persons),
            ("防止群体性上访（件）", self.prevented_petition_cases), ("防止群体性上访（人）", self.prevented_petition_persons),
            ("制止群体性械斗（件）", self.prevented_fight_cases), ("防止自杀（件）", self.prevented_suicide_cases),
            ("书面协议数", self.written_agreements), ("口头协议数", self.oral_agreements),
            ("申请司法确认数", self.confirmation_applied),
        ]
        rows += [(f"纠纷类型：{k}", v) for k, v in self.by_type.items()]
        rows += [(f"案件来源：{k}", v) for k, v in self.by_source.items()]
        rows += [(f"调委会：{k}", v) for k, v in self.committees_by_type.items()]
        return rows


def compute(s: Session, period: str, owner: str | None = None) -> MediationStats:
    """The figures of `period`; at the county, `owner` limits them to one station's records."""
    start, end = calendar.period_bounds(period)

    def own(stmt, model):
        return stmt.where(model.owner == owner) if owner else stmt
    st = MediationStats(period=period, village_share_target=float(codes.param(s, "mediation.village_share_target", 70)))
    committee_type = dict(s.exec(own(select(MediationCommittee.id, MediationCommittee.committee_type)
                                     .where(MediationCommittee.deleted == False), MediationCommittee)).all())  # noqa: E712
    m = MediationCase
    cases = s.execute(own(select(  # plain rows, not ORM objects: a county-sized year stays well under a second
        m.dispute_type, m.source, m.committee_id, m.result, m.amount_involved, m.agreement_form,
        m.prevented_criminal, m.prevented_petition, m.prevented_fight, m.prevented_suicide,
        m.confirmation_applied_on,
    ).where(m.deleted == False, m.received_date >= start, m.received_date <= end), m)).all()  # noqa: E712
    type_names = {c.code: c.name for c in codes.codes(s, "dispute_type", active_only=False)}
    source_names = {c.code: c.name for c in codes.codes(s, "case_source", active_only=False)}
    amount = Decimal(0)
    by_type: Counter = Counter()
    by_source: Counter = Counter()
    for c in cases:
        st.received += 1
        by_type[type_names.get(c.dispute_type, c.dispute_type)] += 1
        by_source[source_names.get(c.source, c.source)] += 1
        kind = committee_type.get(c.committee_id)
        if kind in VILLAGE_TYPES:
            st.village_cases += 1
        elif kind == TOWNSHIP_TYPE:
            st.township_cases += 1
        if c.result == SUCCESS:
            st.success += 1
            try:
                amount += Decimal(c.amount_involved or 0)
            except InvalidOperation:
                pass
            if c.agreement_form == "2":
                st.oral_agreements += 1
            elif c.agreement_form == "1":
                st.written_agreements += 1
        st.prevented_criminal_cases += c.prevented_criminal > 0
        st.prevented_criminal_persons += c.prevented_criminal
        st.prevented_petition_cases += c.prevented_petition > 0
        st.prevented_petition_persons += c.prevented_petition
        st.prevented_fight_cases += c.prevented_fight
        st.prevented_suicide_cases += c.prevented_suicide
        st.confirmation_applied += c.confirmation_applied_on is not None
    st.success_rate = _pct(st.success, st.received)
    st.village_share = _pct(st.village_cases, st.village_cases + st.township_cases)
    st.agreement_amount_yuan = f"{amount:.2f}"
    st.by_type, st.by_source = dict(by_type.most_common()), dict(by_source.most_common())

    from sfs_desktop.core.station.models import AdminArea

    st.areas = len(s.exec(own(select(AdminArea.id).where(AdminArea.level.in_(["village", "community"]),
                                                         AdminArea.deleted == False), AdminArea)).all())  # noqa: E712
    st.areas_covered = st.areas - len(uncovered_areas(s, owner))
    st.coverage = _pct(st.areas_covered, st.areas)
    committee_names = {c.code: c.name for c in codes.codes(s, "committee_type", active_only=False)}
    active = s.exec(own(select(MediationCommittee.committee_type).where(
        MediationCommittee.active == True, MediationCommittee.deleted == False), MediationCommittee)).all()  # noqa: E712
    st.committees_by_type = dict(Counter(committee_names.get(t, t) for t in active).most_common())
    mediators = s.exec(own(select(Mediator.full_time).where(Mediator.status == "01", Mediator.deleted == False),  # noqa: E712
                           Mediator)).all()
    st.mediators, st.mediators_full_time = len(mediators), sum(1 for f in mediators if f)
    screenings = s.exec(own(select(DisputeScreening.found_count).where(
        DisputeScreening.deleted == False, DisputeScreening.screened_on >= start,  # noqa: E712
        DisputeScreening.screened_on <= end), DisputeScreening)).all()
    st.screenings, st.screening_disputes = len(screenings), sum(screenings)
    return st


STATION_COLUMNS = ["受理纠纷数", "调解成功数", "调解成功率", "村（社区）调解占比", "调委会覆盖率", "人民调解员数", "排查次数"]


def by_station(s: Session, period: str) -> list[tuple[str, MediationStats]]:
    """At the county: each enrolled station's figures from the records it sent, by station name."""
    from sfs_desktop.core.station.models import Station

    stations = s.exec(select(Station).where(Station.deleted == False).order_by(Station.station_code)).all()  # noqa: E712
    return [(st.name, compute(s, period, st.owner)) for st in stations if st.owner != "county"]


def station_table(rows: list[tuple[str, MediationStats]]) -> tuple[list[str], list[tuple]]:
    """(header, one row per station) with the columns the county compares, for JSON/xlsx."""
    out = []
    for name, st in rows:
        values = dict(st.table())
        out.append((name, *(values[c] for c in STATION_COLUMNS)))
    return ["司法所", *STATION_COLUMNS], out


@dataclass(frozen=True)
class Month:
    """One month's figures for the dashboard's trend charts (same definitions as `compute`)."""

    month: int
    received: int
    success: int
    village_cases: int
    township_cases: int

    @property
    def success_rate(self) -> float | None:
        return _pct(self.success, self.received)

    @property
    def village_share(self) -> float | None:
        return _pct(self.village_cases, self.village_cases + self.township_cases)


def monthly(s: Session, year: int, upto: int = 12) -> list[Month]:
    """Months 1..`upto` of `year`, counted by SQLite (a dashboard over 100,000 cases stays quick)."""
    start, end = calendar.period_bounds(str(year))
    m, c = MediationCase, MediationCommittee
    month = func.cast(func.strftime("%m", m.received_date), Integer)
    one = lambda cond: func.sum(case((cond, 1), else_=0))  # noqa: E731
    rows = s.execute(
        select(month, func.count(), one(m.result == SUCCESS), one(c.committee_type.in_(VILLAGE_TYPES)),
               one(c.committee_type == TOWNSHIP_TYPE))
        .select_from(m).outerjoin(c, (c.id == m.committee_id) & (c.deleted == False))  # noqa: E712
        .where(m.deleted == False, m.received_date >= start, m.received_date <= end)  # noqa: E712
        .group_by(month)).all()
    found = {r[0]: [int(v or 0) for v in r[1:]] for r in rows}
    return [Month(i, *found.get(i, [0, 0, 0, 0])) for i in range(1, upto + 1)]


def by_type(s: Session, period: str) -> dict[str, int]:
    """Cases received in `period` by dispute type name, most first (the dashboard's bar chart)."""
    start, end = calendar.period_bounds(period)
    names = {c.code: c.name for c in codes.codes(s, "dispute_type", active_only=False)}
    rows = s.execute(select(MediationCase.dispute_type, func.count()).where(
        MediationCase.deleted == False, MediationCase.received_date >= start,  # noqa: E712
        MediationCase.received_date <= end).group_by(MediationCase.dispute_type)).all()
    return dict(sorted(((names.get(t, t), n) for t, n in rows), key=lambda kv: -kv[1]))

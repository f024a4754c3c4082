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
from sfs_desktop.core.reports.tables import Breakdown, Kind, Measure, Report, ratio
from sfs_desktop.core.mediation.models import DisputeScreening, MediationCase, MediationCommittee, Mediator
from sfs_desktop.core.mediation.constants import AREA_TYPES, TOWNSHIP
from sfs_desktop.core.mediation.queries import serving
from sfs_desktop.core.mediation.rules import SUCCESS, uncovered_areas

VILLAGE_TYPES = set(AREA_TYPES)  # 村, 社区
TOWNSHIP_TYPE = TOWNSHIP


class _Rates:
    """The two rates a period and a month share, as fractions (REPORT declares them the same way)."""

    success: int
    received: int
    village_cases: int
    township_cases: int

    @property
    def success_rate(self) -> float | None:
        return ratio(self.success, self.received)

    @property
    def village_share(self) -> float | None:
        return ratio(self.village_cases, self.village_cases + self.township_cases)


@dataclass
class MediationStats(_Rates):
    period: str
    received: int = 0
    success: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    by_source: dict[str, int] = field(default_factory=dict)
    agreement_amount_yuan: str = "0"
    village_cases: int = 0
    township_cases: int = 0
    village_share_target: float = 0.7
    areas: int = 0
    areas_covered: int = 0
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


    @property
    def coverage(self) -> float | None:
        return ratio(self.areas_covered, self.areas)

    def counts(self) -> dict[str, object]:
        """What the declared report (:data:`REPORT`) reads: every field, and the denominators."""
        out = {k: v for k, v in vars(self).items() if k != "period"}
        out["village_township_cases"] = self.village_cases + self.township_cases
        return out


def compute(s: Session, period: str, owner: str | None = None) -> MediationStats:
    """The figures of `period`; at the county, `owner` limits them to one station's records."""
    start, end = calendar.period_bounds(period)

    def own(stmt, model):
        return stmt.where(model.owner == owner) if owner else stmt
    st = MediationStats(period=period, village_share_target=village_share_target(s))
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
    st.agreement_amount_yuan = f"{amount:.2f}"
    st.by_type, st.by_source = dict(by_type.most_common()), dict(by_source.most_common())

    from sfs_desktop.core.station.models import AdminArea

    st.areas = len(s.exec(own(select(AdminArea.id).where(AdminArea.level.in_(["village", "community"]),
                                                         AdminArea.deleted == False), AdminArea)).all())  # noqa: E712
    st.areas_covered = st.areas - len(uncovered_areas(s, owner))
    committee_names = {c.code: c.name for c in codes.codes(s, "committee_type", active_only=False)}
    active = s.exec(own(select(MediationCommittee.committee_type).where(
        MediationCommittee.active == True, MediationCommittee.deleted == False), MediationCommittee)).all()  # noqa: E712
    st.committees_by_type = dict(Counter(committee_names.get(t, t) for t in active).most_common())
    mediators = s.exec(own(serving(select(Mediator.full_time)), Mediator)).all()
    st.mediators, st.mediators_full_time = len(mediators), sum(1 for f in mediators if f)
    screenings = s.exec(own(select(DisputeScreening.found_count).where(
        DisputeScreening.deleted == False, DisputeScreening.screened_on >= start,  # noqa: E712
        DisputeScreening.screened_on <= end), DisputeScreening)).all()
    st.screenings, st.screening_disputes = len(screenings), sum(screenings)
    return st


@dataclass(frozen=True)
class Month(_Rates):
    """One month's figures for the dashboard's trend charts (same definitions as `compute`)."""

    month: int
    received: int
    success: int
    village_cases: int
    township_cases: int



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


def village_share_target(s: Session) -> float:
    """The county's target for the village share, as a fraction (the parameter holds percent)."""
    from sfs_desktop.core import params

    return params.get(s, "mediation.village_share_target") / 100


def received_this_year(s: Session, who, today) -> int:
    """The dashboard tile 本年受理纠纷 (a 调解员 counts their own committees' cases)."""
    from sqlalchemy import func

    from sfs_desktop.core.db.synced import live
    from sfs_desktop.core.security.access import scoped

    start, end = calendar.period_bounds(str(today.year))
    stmt = live(select(func.count()).select_from(MediationCase), MediationCase).where(
        MediationCase.received_date >= start, MediationCase.received_date <= end)
    return s.scalar(scoped(who, stmt, MediationCase)) or 0


def _count(s: Session, period: str, owner: str | None) -> dict[str, object]:
    return compute(s, period, owner).counts()


_RECEIVED = "案件的受理日期在统计期间内（不含已删除的案件）"
REPORT = Report(
    name="mediation", title="人民调解统计表", count=_count,
    measures=(
        Measure("received", "受理纠纷数", Kind.COUNT, _RECEIVED, "调解", by_station=True),
        Measure("success", "调解成功数", Kind.COUNT, "受理的案件中调解结果为“调解成功”的件数", "调解", by_station=True),
        Measure("success_rate", "调解成功率", Kind.RATIO, "调解成功数 ÷ 受理纠纷数（同一统计期间受理的案件）", "调解",
                of=("success", "received"), by_station=True),
        Measure("agreement_amount_yuan", "协议涉及金额（元）", Kind.AMOUNT, "调解成功案件的涉及金额之和", "调解"),
        Measure("village_cases", "村（社区）调委会调解数", Kind.COUNT, "受理案件中由村、社区调委会调解的件数", "调解"),
        Measure("township_cases", "乡镇调委会调解数", Kind.COUNT, "受理案件中由乡镇（街道）调委会调解的件数", "调解"),
        Measure("village_share", "村（社区）调解占比", Kind.RATIO,
                "村（社区）调委会调解数 ÷（村（社区）调委会调解数 + 乡镇调委会调解数）", "调解",
                of=("village_cases", "village_township_cases"), by_station=True),
        Measure("village_share_target", "占比目标", Kind.RATIO, "县司法局下达的村（社区）调解占比目标（参数）", "调解"),
        Measure("areas", "村（社区）数", Kind.COUNT, "本所辖区的行政村和社区数", "组织"),
        Measure("areas_covered", "已建调委会的村（社区）数", Kind.COUNT, "有在任调委会的行政村和社区数", "组织"),
        Measure("coverage", "调委会覆盖率", Kind.RATIO, "已建调委会的村（社区）数 ÷ 村（社区）数", "组织",
                of=("areas_covered", "areas"), by_station=True),
        Measure("mediators", "人民调解员数", Kind.COUNT, "在任人民调解员（统计时）", "组织", by_station=True),
        Measure("mediators_full_time", "其中专职", Kind.COUNT, "在任人民调解员中的专职调解员", "组织"),
        Measure("screenings", "排查次数", Kind.COUNT, "排查日期在统计期间内的排查记录数", "排查", by_station=True),
        Measure("screening_disputes", "排查发现纠纷数", Kind.COUNT, "这些排查记录登记的发现纠纷数之和", "排查"),
        Measure("prevented_criminal_cases", "防止民转刑（件）", Kind.COUNT, "受理案件中防止民转刑人数大于 0 的件数", "预防"),
        Measure("prevented_criminal_persons", "防止民转刑（人）", Kind.COUNT, "受理案件登记的防止民转刑人数之和", "预防"),
        Measure("prevented_petition_cases", "防止群体性上访（件）", Kind.COUNT, "受理案件中防止群体性上访人数大于 0 的件数", "预防"),
        Measure("prevented_petition_persons", "防止群体性上访（人）", Kind.COUNT, "受理案件登记的防止群体性上访人数之和", "预防"),
        Measure("prevented_fight_cases", "制止群体性械斗（件）", Kind.COUNT, "受理案件中制止群体性械斗的件数", "预防"),
        Measure("prevented_suicide_cases", "防止自杀（件）", Kind.COUNT, "受理案件中防止自杀的件数", "预防"),
        Measure("written_agreements", "书面协议数", Kind.COUNT, "调解成功并达成书面协议的件数", "协议"),
        Measure("oral_agreements", "口头协议数", Kind.COUNT, "调解成功并达成口头协议的件数", "协议"),
        Measure("confirmation_applied", "申请司法确认数", Kind.COUNT, "受理案件中已申请司法确认的件数", "协议"),
    ),
    breakdowns=(Breakdown("by_type", "纠纷类型", "受理案件按纠纷类型（代码表 dispute_type）"),
                Breakdown("by_source", "案件来源", "受理案件按来源（代码表 case_source）"),
                Breakdown("committees_by_type", "调委会", "在任调委会按类型（代码表 committee_type）")),
)
"""The §3.6 table, declared once: `report mediation`, the 统计 tab and the county's 司法所 tab read it."""

"""The county's view of 安置帮教 (县司法局安置帮教办公室): the release notices it handed to the
stations and what became of each (R3, R5, R6), and its monthly pre-release lists as each station
checked them (R9: found, not yet found with the steps taken, the F-R8 report).

Read from the rows the stations send back (resettlement rows are county-entitled); county-only,
refused in core at a station. A notice's 衔接 deadline is the one the county set (限期), else R5/R6's;
a list month's 未衔接 report is due on the county's report day of the following month.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, select

from sfs_desktop.core import calendar, params
from sfs_desktop.core.db.synced import COUNTY_NODE, live
from sfs_desktop.core.resettlement import rules
from sfs_desktop.core.resettlement.models import ReleasedPerson, RpPrerelease
from sfs_desktop.core.s3records import require_s3
from sfs_desktop.core.security.access import Principal, scoped
from sfs_desktop.core.sync import assigned, identity
from sfs_desktop.core.sync.models import SyncPeer

COUNTY_ONLY = "查看各司法所的安置帮教衔接情况"

NOT_DELIVERED, AWAITING, OVERDUE, RECEIVED, RECEIVED_LATE = (
    "该所尚未签收", "已签收，待衔接", "逾期未衔接", "已衔接", "逾期衔接")


@dataclass(frozen=True)
class Notice:
    """One release notice the county handed over, as the county's list shows it."""

    row_id: str
    station: str
    station_name: str
    name: str
    release_date: date
    due: date  # the 衔接 deadline: the county's 限期, else R5/R6
    period_to: date  # R2: the row's, else computed from the release date (a notice handed over before it was)
    state: str  # one of the five above
    handover_on: date | None = None
    late: bool = False  # overdue or received after the deadline (shown in red)

    @property
    def state_text(self) -> str:
        return f"{self.state}（{self.handover_on:%Y-%m-%d}）" if self.handover_on else self.state


def _station_names(s: Session) -> dict[str, str]:
    return {p.node_id: p.name for p in s.exec(select(SyncPeer).where(SyncPeer.role == "station")).all()}


def _county(s: Session, who: Principal) -> None:
    require_s3(who, False)
    identity.require_county(s, COUNTY_ONLY)


def notices(s: Session, who: Principal, today: date, station: str | None = None) -> list[Notice]:
    """Every release notice handed over (to `station`, or to all), by station then release date."""
    _county(s, who)
    names = _station_names(s)
    delivered = {h.row_id: h.delivered for h in assigned.handed_over(s, who, station)
                 if h.table == ReleasedPerson.__tablename__}
    days, years = params.get(s, "resettlement.report_days"), params.get(s, "resettlement.period_years")
    P = ReleasedPerson
    stmt = scoped(who, live(select(P), P).where(P.origin == COUNTY_NODE, P.owner != COUNTY_NODE), P)
    if station:
        stmt = stmt.where(P.owner == station)
    out = []
    for r in s.exec(stmt).all():
        due = r.report_by or rules.handover_due(r.release_date, r.handover_method, days)
        if r.handover_on is not None:
            late = r.handover_on > due
            state = RECEIVED_LATE if late else RECEIVED
        else:
            late = today > due
            state = OVERDUE if late else (AWAITING if delivered.get(r.id, False) else NOT_DELIVERED)
        out.append(Notice(r.id, r.owner, names.get(r.owner, ""), r.name, r.release_date, due,
                          r.period_to or rules.period_end(r.release_date, years), state, r.handover_on, late))
    return sorted(out, key=lambda n: (n.station, n.release_date, n.name))


@dataclass(frozen=True)
class ListedPerson:
    row_id: str
    name: str
    release_date: date
    found: bool
    steps: str  # what the station did to find a person not yet found
    reported_on: date | None


@dataclass
class StationMonth:
    """One station's check of one month's pre-release list, with its F-R8 report."""

    month: str
    station: str
    station_name: str
    report_due: date
    entries: list[ListedPerson] = field(default_factory=list)

    @property
    def found(self) -> int:
        return sum(1 for e in self.entries if e.found)

    @property
    def unfound(self) -> int:
        return len(self.entries) - self.found

    @property
    def reported_on(self) -> date | None:
        """The day the F-R8 report arrived: every person not found reported (the latest day)."""
        days = [e.reported_on for e in self.entries if not e.found]
        return max(days) if days and all(days) else None

    def report_state(self, today: date) -> str:
        if not self.unfound:
            return "无未衔接人员，无须上报"
        if self.reported_on:
            return f"已上报（{self.reported_on:%Y-%m-%d}）"
        return "逾期未上报" if today > self.report_due else f"未上报（{self.report_due:%Y-%m-%d} 前）"

    def report_late(self, today: date) -> bool:
        done = self.reported_on
        return bool(self.unfound) and (done > self.report_due if done else today > self.report_due)


def report_due(s: Session, month: str) -> date:
    """R9: a list month's 未衔接 report is due on the county's report day of the following month."""
    day = params.get(s, "resettlement.unmatched_report_day")
    year, mon = (int(x) for x in month.split("-"))
    return calendar.add_months(date(year, mon, min(day, 28)), 1)


def prerelease(s: Session, who: Principal, month: str | None = None) -> list[StationMonth]:
    """The pre-release lists by month (newest first) and station, each entry found or not."""
    _county(s, who)
    names = _station_names(s)
    E = RpPrerelease
    stmt = scoped(who, live(select(E), E).where(E.owner != COUNTY_NODE), E)
    if month:
        stmt = stmt.where(E.list_month == month)
    groups: dict[tuple[str, str], StationMonth] = {}
    for e in s.exec(stmt.order_by(E.release_date, E.name)).all():
        if not rules.is_list_month(e.list_month):
            continue  # refused on entry (check_prerelease); a stray row is not the county's report
        key = (e.list_month, e.owner)
        if key not in groups:
            groups[key] = StationMonth(e.list_month, e.owner, names.get(e.owner, ""), report_due(s, e.list_month))
        groups[key].entries.append(ListedPerson(e.id, e.name, e.release_date, e.matched_id is not None,
                                                e.steps or "", e.reported_on))
    return sorted(groups.values(), key=lambda g: (-int(g.month.replace("-", "")), g.station))

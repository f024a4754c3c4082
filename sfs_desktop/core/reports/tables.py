"""Statistics tables declared once: what each figure is, how it is typed and defined.

A duty declares a :class:`Report` (title, measures, breakdowns, and the function that counts)
and names it in its manifest (``reports=("pkg.module:REPORT",)``). From that one declaration:

- :func:`compute` gives a station's (or, at the county, one station's) :class:`Figures` for a
  period: the counts come from the duty, every ratio is derived here from its numerator and
  denominator, so no two places can define a rate differently;
- :func:`by_station` gives the county's comparison, one row per station, with the columns the
  report marks ``by_station`` (``report NAME --by-station`` and the 司法所 tab);
- :func:`display` renders a value for the screen, :func:`to_json` keeps numbers as numbers
  (a ratio is a fraction, 0.648, never "64.8%"), and :mod:`.export` writes the xlsx with the
  header layout, merged group headers, frozen panes, number and percent formats and the
  definitions on a second sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, Callable

from sfs_desktop.core import calendar


class Kind(str, Enum):
    COUNT = "count"
    RATIO = "ratio"  # a fraction 0..1, shown as a percentage
    AMOUNT = "amount"  # yuan, two decimals
    DATE = "date"
    TEXT = "text"


KIND_NAMES = {Kind.COUNT: "计数", Kind.RATIO: "比率", Kind.AMOUNT: "金额（元）", Kind.DATE: "日期", Kind.TEXT: "文字"}


@dataclass(frozen=True)
class Measure:
    """One figure of a report."""

    key: str
    label: str
    kind: Kind = Kind.COUNT
    definition: str = ""
    group: str = ""  # the header a run of measures shares (merged in the xlsx)
    of: tuple[str, str] | None = None  # a ratio: (numerator key, denominator key)
    by_station: bool = False  # a column of the county's table by station


@dataclass(frozen=True)
class Breakdown:
    """Counts by category (纠纷类型, 案件来源 …): rows whose labels come from the data."""

    key: str
    label: str
    definition: str = ""


Counter = Callable[[Any, str, "str | None"], dict[str, Any]]
"""count(session, period, owner) -> {measure or breakdown key: value}; ratios are left out."""


@dataclass(frozen=True)
class Detail:
    """The records behind a figure (期末在册对象名单), listed after the figures.

    The duty gives the ids (`ids(session, period, owner)`); the columns, masking and access are
    the table's ledger's (core.ledger.sheet), so a reader sees only the rows they may read — a
    juvenile subject (C33) only with "juvenile.read" — while the figures count every row.
    """

    key: str
    title: str
    table: str
    ids: Callable[[Any, str, "str | None"], list[str]]


@dataclass(frozen=True)
class Report:
    name: str  # what `report NAME` takes
    title: str  # 人民调解统计表
    measures: tuple[Measure, ...]
    count: Counter
    breakdowns: tuple[Breakdown, ...] = ()
    permission: str = "record.read"
    details: tuple[Detail, ...] = ()

    def measure(self, key: str) -> Measure:
        return next(m for m in self.measures if m.key == key)

    def station_measures(self) -> list[Measure]:
        return [m for m in self.measures if m.by_station]

    def definitions(self) -> list[tuple[str, str, str]]:
        """(label, kind name, definition) of every measure and breakdown: the second sheet."""
        out = [(m.label, KIND_NAMES[m.kind], m.definition) for m in self.measures]
        out += [(f"{b.label}：…", KIND_NAMES[Kind.COUNT], b.definition) for b in self.breakdowns]
        return out


def ratio(part: int | None, whole: int | None) -> float | None:
    """A fraction to three places (0.1 % as shown), or None when there is nothing to divide by."""
    return round(part / whole, 3) if whole and part is not None else None


@dataclass
class Figures:
    report: Report
    period: str
    values: dict[str, Any]
    breakdowns: dict[str, dict[str, int]] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def rows(self) -> list[tuple[Measure, Any]]:
        """Every measure in declared order, then each breakdown's categories."""
        out = [(m, self.values.get(m.key)) for m in self.report.measures]
        for b in self.report.breakdowns:
            out += [(Measure(f"{b.key}:{k}", f"{b.label}：{k}", Kind.COUNT, b.definition, b.label), v)
                    for k, v in self.breakdowns.get(b.key, {}).items()]
        return out

    def table(self) -> list[tuple[str, Any]]:
        """(label, value) pairs, values as numbers."""
        return [(m.label, v) for m, v in self.rows()]


def compute(report: Report, session, who, period: str, owner: str | None = None) -> Figures:
    """`report`'s figures for `period` (at the county, `owner` limits them to one station's rows)."""
    from sfs_desktop.core.security.access import require

    require(who, report.permission)
    calendar.period_bounds(period)  # a bad period is refused with its reason
    counted = report.count(session, period, owner)
    values: dict[str, Any] = {}
    for m in report.measures:
        if m.of:
            values[m.key] = ratio(counted.get(m.of[0]), counted.get(m.of[1]))
        elif m.kind is Kind.AMOUNT and counted.get(m.key) is not None:
            values[m.key] = Decimal(str(counted[m.key]))  # a number of yuan, exact
        else:
            values[m.key] = counted.get(m.key)
    breakdowns = {b.key: dict(counted.get(b.key) or {}) for b in report.breakdowns}
    return Figures(report, period, values, breakdowns)


def detail_sheets(report: Report, session, who, period: str, owner: str | None = None) -> list["Sheet"]:
    """The report's record lists for `period`, each limited to the rows `who` may read; a list
    whose table `who` may not read at all (an 只读 account and criminal records) is left out."""
    from sfs_desktop.core import ledger
    from sfs_desktop.core.errors import PermissionDenied
    from sfs_desktop.core.security.access import model_for

    out = []
    for d in report.details:
        ids = tuple(d.ids(session, period, owner))
        try:
            sheet = ledger.sheet(session, who, model_for(d.table), ledger.LedgerQuery(within={"id": ids}),
                                 heading=f"{d.title}（{period}）")
        except PermissionDenied:
            continue
        sheet.meta["detail"] = d.key
        out.append(sheet)
    return out


def stations(session) -> list[tuple[str, str]]:
    """(name, owner) of each station the county has enrolled, by station code."""
    from sqlmodel import select

    from sfs_desktop.core.db.synced import live
    from sfs_desktop.core.station.models import Station

    rows = session.exec(live(select(Station), Station).order_by(Station.station_code)).all()
    return [(st.name, st.owner) for st in rows if st.owner != "county"]


def by_station(report: Report, session, who, period: str) -> list[tuple[str, Figures]]:
    """At the county: each enrolled station's figures from the records it sent."""
    return [(name, compute(report, session, who, period, owner)) for name, owner in stations(session)]


STATION = "司法所"


def county_figures(session, who, period: str) -> list[tuple[Report, list[tuple[str, Figures]]]]:
    """Each duty's county report (its manifest's ``county_figures``), by station: the 司法所 tab."""
    from sfs_desktop.core import duties

    return [(report, by_station(report, session, who, period)) for report in duties.county_reports()]


def station_display(report: Report, rows: list[tuple[str, Figures]]) -> tuple[list[str], list[list[str]]]:
    """The by-station table as staff read it on screen."""
    cols = report.station_measures()
    return [STATION, *(m.label for m in cols)], [[name, *(display(f[m.key], m.kind) for m in cols)] for name, f in rows]


def station_table(report: Report, rows: list[tuple[str, Figures]]) -> tuple[list[str], list[list[Any]]]:
    """(header, one row per station) of the measures the report compares by station."""
    cols = report.station_measures()
    return [STATION, *(m.label for m in cols)], [[name, *(f[m.key] for m in cols)] for name, f in rows]


def display(value: Any, kind: Kind) -> str:
    """A value as staff read it on screen: 64.8%, 6,500.50, 2024-03-05, — for none."""
    if value is None:
        return "—"
    if kind is Kind.RATIO:
        return f"{100 * value:.1f}%"
    if kind is Kind.AMOUNT:
        return f"{Decimal(str(value)):,.2f}"
    if kind is Kind.DATE and isinstance(value, date):
        return f"{value:%Y-%m-%d}"
    return str(value)


def plain(value: Any, kind: Kind) -> Any:
    """A value for JSON: numbers stay numbers (an amount is a number of yuan), dates ISO."""
    if value is None:
        return None
    if kind is Kind.AMOUNT:
        return float(Decimal(str(value)))
    if kind is Kind.DATE and isinstance(value, date):
        return value.isoformat()
    return value


# --- sheets: what an export writes, whatever the format --------------------------------------

@dataclass(frozen=True)
class Column:
    label: str
    kind: Kind = Kind.TEXT
    group: str = ""
    width: int = 14


@dataclass
class Sheet:
    """A table ready for a file: title, typed columns (with optional group headers), rows of
    values as numbers, and the definitions for a second sheet."""

    title: str
    columns: list[Column]
    rows: list[list[Any]]
    definitions: list[tuple[str, str, str]] = field(default_factory=list)
    frozen_columns: int = 1
    meta: dict[str, Any] = field(default_factory=dict)
    merge_first_column: bool = False  # runs of the same group name in column 1 merge downwards
    blank: str = "—"  # what an xlsx cell shows for no value in a typed column
    details: list["Sheet"] = field(default_factory=list)  # record lists after the table (own xlsx sheets)

    def json(self) -> dict[str, Any]:
        labels = [c.label for c in self.columns]
        rows = [{label: plain(*unwrap(v, c.kind)) for label, c, v in zip(labels, self.columns, row)}
                for row in self.rows]
        return {"title": self.title, **self.meta,
                "columns": [{"label": c.label, "kind": c.kind.value, **({"group": c.group} if c.group else {})}
                            for c in self.columns],
                "rows": rows,
                "definitions": [{"指标": label, "类型": kind, "口径": text} for label, kind, text in self.definitions],
                **({"details": [d.json() for d in self.details]} if self.details else {})}


ITEM, VALUE, GROUP = "指标", "值", "类别"


def figures_sheet(figures: Figures, title: str | None = None, details: list[Sheet] | None = None) -> Sheet:
    """One station's figures as (类别, 指标, 值) rows; each value keeps its kind for the file;
    `details` (:func:`detail_sheets`) follow it."""
    report = figures.report
    rows = [[m.group, m.label, TypedValue(v, m.kind)] for m, v in figures.rows()]
    return Sheet(title or f"{report.title}（{figures.period}）",
                 [Column(GROUP, width=14), Column(ITEM, width=30), Column(VALUE, Kind.COUNT, width=16)],
                 rows, report.definitions(), frozen_columns=0, meta={"report": report.name, "period": figures.period},
                 merge_first_column=True, details=list(details or ()))


def report_sheet(report: Report, session, who, period: str) -> Sheet:
    """What `report NAME --out` and 导出 write: the figures, then the record lists `who` may read."""
    return figures_sheet(compute(report, session, who, period), details=detail_sheets(report, session, who, period))


def station_sheet(report: Report, period: str, rows: list[tuple[str, Figures]]) -> Sheet:
    cols = report.station_measures()
    columns = [Column(STATION, width=26)] + [Column(m.label, m.kind, m.group, width=max(12, 2 * len(m.label) + 2))
                                              for m in cols]
    return Sheet(f"{report.title}（{period}）分所", columns, [[name, *(f[m.key] for m in cols)] for name, f in rows],
                 [(m.label, KIND_NAMES[m.kind], m.definition) for m in cols], frozen_columns=1,
                 meta={"report": report.name, "period": period, "by_station": True})


@dataclass(frozen=True)
class TypedValue:
    """A value whose kind varies by row (the 值 column of a figures sheet)."""

    value: Any
    kind: Kind


def unwrap(value: Any, kind: Kind) -> tuple[Any, Kind]:
    return (value.value, value.kind) if isinstance(value, TypedValue) else (value, kind)

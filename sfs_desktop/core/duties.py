"""The duty registry: every duty package, listed once, and what each declares about itself.

A duty is a package under ``sfs_desktop/core/<duty>/`` with a ``duty.py`` holding one
:class:`Duty` (its manifest). :data:`DUTY_PACKAGES` lists those packages; adding a duty is its
package plus one line here. Every entry point reads this registry instead of a list of its own:
the models every database opener and migration loads (``core.models``), the print templates
(``print --list``), the deadline sources (``due`` and the dashboard), the demo generators, the
statistics reports (``report``), the search labels, the dashboard's tiles and charts, the county's
figures by station, and the GUI's navigation pages.

A manifest names modules and objects by dotted path (``"package.module"`` or
``"package.module:NAME"``) and imports nothing itself, so reading the registry is cheap and core
never imports Qt: the page factory and chart modules are resolved only by the GUI.

The people registry, accounts, codes, sync and the station's own tables are shared parts, not
duties (:data:`SHARED_MODELS`).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import cache
from typing import Any

DUTY_PACKAGES: tuple[str, ...] = (
    "sfs_desktop.core.mediation",
    "sfs_desktop.core.correction",
    "sfs_desktop.core.resettlement",
    "sfs_desktop.core.legality",
)
"""One line per duty package; its ``duty.py`` declares the rest."""

SHARED_MODELS: tuple[str, ...] = (
    "sfs_desktop.core.db.synced",
    "sfs_desktop.core.codes",
    "sfs_desktop.core.attachments",
    "sfs_desktop.core.documents",
    "sfs_desktop.core.search",
    "sfs_desktop.core.security.accounts",
    "sfs_desktop.core.security.audit",
    "sfs_desktop.core.station.models",
    "sfs_desktop.core.people.models",
    "sfs_desktop.core.sync.models",
)
"""Model modules of the shared parts every duty builds on."""

SHARED_LEDGERS: dict[str, str] = {"person": "人员信息台账", "organization": "单位信息台账", "staff": "工作人员台账",
                                  "admin_area": "村（社区）台账"}
SHARED_TEMPLATES: tuple[str, ...] = ("sfs_desktop.core.printing.certificates",)
SHARED_SEARCH_LABELS: dict[str, str] = {"person": "人员信息库", "organization": "人员信息库",
                                        "staff": "所务管理", "print_log": "所务管理"}


@dataclass(frozen=True)
class Tile:
    """A figure on the dashboard's 基本情况 row: `count` is "module:function(session, who) -> int"."""

    label: str
    count: str


@dataclass(frozen=True)
class Assignable:
    """A record type the county may hand over to a station (县局交办, sync-design.md §4.10).

    The county fills the table's declared fields; the row is created owned by the station and
    reaches it in the next bundle. Paths are "module:function" strings, resolved only when used.
    """

    label: str  # what the county's 交办 menu and the station's list call it: 交办矛盾纠纷
    check: str | None = None  # "module:function(session, row)": the duty's own rules beyond the declarations
    summary: str | None = None  # the field that says what the record is about, in the lists
    due: str | None = None  # the date field holding the deadline the county set (限期), for the dashboard
    person: str | None = None  # the field naming the record's person (人员信息库): the county enters the
    # person's own fields (姓名, 证件号码 …) with the record, and the person is the station's (found among
    # its persons, or registered owned by it), so the person travels to the station with the record
    derived: tuple[str, ...] = ()  # fields the duty's rules compute from what the county enters (R2's period):
    # not entered in the 交办 form, completed by `check`
    derive: str | None = None  # "module:function(session, values) -> {field: value}": those values, shown in
    # the 交办 dialog as the county types


@dataclass(frozen=True)
class Duty:
    """What a duty package declares about itself, once (see docs/adding-a-duty.md)."""

    key: str  # navigation key, icon name, prefix of its template ids and report names
    title: str  # 人民调解
    models: tuple[str, ...] = ()  # modules whose import defines its tables
    templates: tuple[str, ...] = ()  # modules whose import registers its print templates
    deadline_sources: tuple[str, ...] = ()  # modules whose import registers its deadline sources
    demo: tuple[str, ...] = ()  # modules whose import registers its demo generator
    reports: dict[str, str] = field(default_factory=dict)  # report name → "module:NAME" of its Report
    # (core.reports.tables); the names are here so `report --help` lists them without importing the duty
    charts: tuple[str, ...] = ()  # GUI modules whose import registers its dashboard charts
    tiles: tuple[Tile, ...] = ()  # its figures on the dashboard's 基本情况 row
    county_figures: str | None = None  # the report whose by-station table the county's 司法所 tab shows
    search_labels: dict[str, str] = field(default_factory=dict)  # table → the group its search hits show under
    ledgers: dict[str, str] = field(default_factory=dict)  # table → the title of its ledger (台账) and export
    page: str | None = None  # "module:factory" of its GUI page, factory(app) -> QWidget
    page_tables: tuple[str, ...] = ()  # table prefixes its page shows (search hits and due items open there)
    permissions: tuple[str, ...] = ()  # the permissions its operations require (core.security.access)
    params: tuple = ()  # its parameters (core.params.ParamSpec): label, type, default, unit, declared once
    assignables: dict[str, Assignable] = field(default_factory=dict)  # table → what the county may hand over
    workspaces: dict[str, str] = field(default_factory=dict)  # record table → "module:NAME" of its
    # core.workspace.Workspace (header, steps, prints, timeline; its window is the GUI's part)


def resolve(path: str) -> Any:
    """The object a dotted "module:name" path names (or the module for a path without ":")."""
    module, _, name = path.partition(":")
    obj = importlib.import_module(module)
    return getattr(obj, name) if name else obj


@cache
def duties() -> tuple[Duty, ...]:
    """Every registered duty's manifest, in registry order."""
    out = []
    for package in DUTY_PACKAGES:
        duty = importlib.import_module(f"{package}.duty").DUTY
        if not isinstance(duty, Duty):
            raise TypeError(f"{package}.duty.DUTY is not a Duty")
        out.append(duty)
    keys = [d.key for d in out]
    if len(set(keys)) != len(keys):
        raise ValueError(f"duty keys repeat: {keys}")
    return tuple(out)


def workspace_tables() -> list[str]:
    """Every record table a duty declares a workspace for (cheap: nothing is imported)."""
    return [table for d in duties() for table in d.workspaces]


def duty(key: str) -> Duty | None:
    return next((d for d in duties() if d.key == key), None)


def model_modules() -> tuple[str, ...]:
    return SHARED_MODELS + tuple(m for d in duties() for m in d.models)


def template_modules() -> tuple[str, ...]:
    return SHARED_TEMPLATES + tuple(m for d in duties() for m in d.templates)


SHARED_DEADLINES: tuple[str, ...] = ("sfs_desktop.core.sync.assigned",)
"""Deadline sources of the shared parts (县局交办待处理, whichever duty the record belongs to)."""


def deadline_modules() -> tuple[str, ...]:
    return SHARED_DEADLINES + tuple(m for d in duties() for m in d.deadline_sources)


def demo_modules() -> tuple[str, ...]:
    return tuple(m for d in duties() for m in d.demo)


def chart_modules() -> tuple[str, ...]:
    """GUI modules (they import Qt): only the GUI imports them."""
    return tuple(m for d in duties() for m in d.charts)


def report_names() -> list[str]:
    """Every declared report's name, in registry order (cheap: nothing is imported)."""
    names = [name for d in duties() for name in d.reports]
    if len(set(names)) != len(names):
        raise ValueError(f"report names repeat: {names}")
    return names


def reports() -> dict:
    """Every declared report (core.reports.tables.Report), by name, in registry order."""
    out = {}
    for d in duties():
        for name, path in d.reports.items():
            report = resolve(path)
            if report.name != name:
                raise ValueError(f"{path} declares report {report.name!r}, the manifest names it {name!r}")
            out[name] = report
    return out


def county_reports() -> list:
    """The reports whose by-station tables the county's 司法所 tab shows, one per duty that names one."""
    every = reports()
    return [every[d.county_figures] for d in duties() if d.county_figures]


def assignables() -> dict[str, tuple[Duty, Assignable]]:
    """Every record type the county may hand over, by table, with the duty declaring it."""
    out: dict[str, tuple[Duty, Assignable]] = {}
    for d in duties():
        for table, a in d.assignables.items():
            if table in out:
                raise ValueError(f"assignable table {table} is declared twice")
            out[table] = (d, a)
    return out


def ledger_titles() -> dict[str, str]:
    titles = dict(SHARED_LEDGERS)
    for d in duties():
        titles.update(d.ledgers)
    return titles


def search_labels() -> dict[str, str]:
    labels = dict(SHARED_SEARCH_LABELS)
    for d in duties():
        labels.update(d.search_labels)
    return labels


SHARED_TILES: tuple[Tile, ...] = (Tile("人员信息", "sfs_desktop.core.station.figures:count_people"),
                                  Tile("工作人员", "sfs_desktop.core.station.figures:count_staff"),
                                  Tile("村（社区）", "sfs_desktop.core.station.figures:count_areas"))


def all_tiles() -> tuple[Tile, ...]:
    """The dashboard's 基本情况 figures: the shared ones, then each duty's."""
    return SHARED_TILES + tuple(t for d in duties() for t in d.tiles)


def tile_counts(session, who, today) -> list[int]:
    """Each tile's figure, in :func:`all_tiles` order (read with the principal's rights)."""
    from sfs_desktop.core.security.access import require

    require(who, "record.read")
    return [resolve(t.count)(session, who, today) for t in all_tiles()]


def import_all(modules) -> None:
    for module in modules:
        importlib.import_module(module)  # a no-op once imported

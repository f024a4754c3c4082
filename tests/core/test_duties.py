"""The duty registry: what a duty declares is reachable from every entry point, or this fails.

Each check starts from the manifests (core/duties.py), never from a list of its own, so a duty
added to the registry is checked without touching this file.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import SQLModel

from sfs_desktop.core import duties, models
from sfs_desktop.core.reports.tables import Kind, Report, compute
from sfs_desktop.core.security.access import PERMISSION_NAMES, SYSTEM

ENTRY = Path(sys.executable).parent / "sfs-desktop"


def _run(*args: str) -> str:
    exe = [str(ENTRY)] if ENTRY.exists() else [sys.executable, "-m", "sfs_desktop"]
    out = subprocess.run([*exe, *args], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    return out.stdout


def _duty_tables(duty) -> set[str]:
    names = set()
    for module in duty.models:
        mod = duties.resolve(module)
        names |= {obj.__tablename__ for obj in vars(mod).values()
                  if isinstance(obj, type) and issubclass(obj, SQLModel) and getattr(obj, "__table__", None) is not None
                  and obj.__module__ == mod.__name__}
    return names


def test_registry_lists_mediation_and_its_manifest_is_complete():
    [mediation] = [d for d in duties.duties() if d.key == "mediation"]
    assert duties.duty("mediation") is mediation
    for name in ("models", "templates", "deadline_sources", "demo", "reports", "charts", "search_labels", "page"):
        assert getattr(mediation, name), name


@pytest.mark.parametrize("duty", duties.duties(), ids=lambda d: d.key)
def test_every_duty_table_is_loaded_by_core_models_and_made_by_the_migrations(duty, station_db):
    tables = _duty_tables(duty)
    assert tables, f"{duty.key} declares no table"
    assert set(duty.models) <= set(models.model_modules())
    assert tables <= set(models.metadata.tables)
    with station_db.read() as s:  # a fresh data dir is made by the migrations, not by create_all
        made = {r[0] for r in s.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))}
    assert tables <= made, tables - made
    from sfs_desktop.core.db.synced import synced_tables

    synced = set(synced_tables())
    for table in duty.search_labels:
        assert table in synced, table
    for prefix in duty.page_tables:
        assert any(t.startswith(prefix) for t in tables), prefix


def test_every_template_resolves_through_the_installed_command():
    from sfs_desktop.core.printing import all_templates

    listed = {line.split("\t")[0] for line in _run("print", "--list").splitlines() if "\t" in line}
    ids = {tid for tid, _title in all_templates()}
    assert ids and ids <= listed, ids - listed
    for duty in duties.duties():
        if duty.templates:
            assert any(t.startswith(f"{duty.key}.") for t in listed), duty.key


def test_every_report_is_listed_and_in_help():
    listed = {line.split("\t")[0] for line in _run("report").splitlines()}
    helped = _run("report", "--help")
    for duty in duties.duties():
        for name in duty.reports:
            assert name in listed and name in helped, name
    assert set(duties.reports()) == listed


@pytest.mark.parametrize("name,report", list(duties.reports().items()))
def test_every_report_is_declared_whole_and_computes(name, report, station_db):
    assert isinstance(report, Report) and report.name == name
    keys = [m.key for m in report.measures]
    assert len(keys) == len(set(keys))
    for m in report.measures:
        assert m.label and m.definition, m.key
        if m.of:
            assert m.kind is Kind.RATIO, m.key  # a ratio is derived from two counts, in one place
    with station_db.read() as s:
        figures = compute(report, s, SYSTEM, "2024")
    for m, value in figures.rows():
        assert value is None or not isinstance(value, str) or m.kind in (Kind.TEXT, Kind.DATE), m.label  # numbers
        if m.kind is Kind.RATIO and value is not None:
            assert 0 <= value <= 1, m.label


def test_deadline_sources_and_demo_generators_register_from_the_manifests():
    from sfs_desktop.core import deadlines, demo

    deadlines.load_sources()
    duties.import_all(duties.demo_modules())
    for duty in duties.duties():
        for module in duty.deadline_sources:
            assert any(src.__module__ == module for src in deadlines._SOURCES), module  # noqa: SLF001
        for module in duty.demo:
            assert any(gen.__module__ == module for gen in demo._GENERATORS), module  # noqa: SLF001


def test_permissions_and_tiles_are_known():
    for duty in duties.duties():
        assert set(duty.permissions) <= set(PERMISSION_NAMES), duty.key
        for tile in duty.tiles:
            assert callable(duties.resolve(tile.count)), tile.label
        if duty.county_figures:
            assert duty.county_figures in duty.reports
    assert len(duties.all_tiles()) == len(duties.SHARED_TILES) + sum(len(d.tiles) for d in duties.duties())


def test_reading_the_registry_imports_no_duty_and_no_qt():
    """Manifests hold dotted paths: a command's argument parser reads them without importing a duty."""
    code = ("import sys; from sfs_desktop.core import duties; duties.duties(); duties.report_names();"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'sfs_desktop.core.mediation.models',"
            " 'sfs_desktop.ui'))]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr

"""Migrations: a first-release file upgrades; a newer file is refused; models and scripts agree."""

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from sfs_desktop.core.db import migrate
from sfs_desktop.core.db.database import Database
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.models import metadata
from sfs_desktop.paths import DataPaths

FIXTURE = Path(__file__).parent.parent / "fixtures" / "rev0001.db"
FIXTURE_KEY = bytes.fromhex("5f" * 32)


@pytest.fixture
def old_station(tmp_path) -> DataPaths:
    paths = DataPaths.resolve(tmp_path / "old").ensure()
    shutil.copyfile(FIXTURE, paths.database)
    return paths


def test_first_release_database_upgrades_with_backup(old_station):
    with Database(old_station, FIXTURE_KEY) as db:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        assert db.migration_backup and Path(db.migration_backup).name.startswith("pre-migrate-0001-")
        assert Path(db.migration_backup).exists()
        with db.read() as s:
            name = s.execute(text("SELECT name FROM person WHERE id = '00000000-0000-4000-8000-000000000001'")).scalar()
        assert name == "测试甲"
        assert db.check() == []


def test_upgrade_adds_code_tables_new_in_this_release(old_station):
    """A station upgraded from the first release gets the code tables later revisions rely on."""
    with Database(old_station, FIXTURE_KEY) as db:
        with db.read() as s:
            kinds = {r[0] for r in s.execute(text("SELECT DISTINCT kind FROM code_table"))}
    assert {"mediation_record_kind", "dispute_type", "case_status"} <= kinds


def test_database_from_a_newer_program_is_refused(old_station):
    with Database(old_station, FIXTURE_KEY) as db:
        with db.engine.begin() as c:
            c.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(UserError, match="更新版本"):
        Database(old_station, FIXTURE_KEY)


def test_models_and_migrations_agree(station_db):
    with station_db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={
            "compare_type": False,
            # the FTS5 search index is SQL-only (no model): its virtual and shadow tables are expected
            "include_name": lambda name, kind, _parent: not (kind == "table" and name.startswith("search_index")),
        })
        diff = compare_metadata(ctx, metadata)
    assert diff == [], "models changed without a migration: run tools/migration_draft.py"


def test_migration_scripts_are_one_linear_chain():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert script.get_heads() == [migrate.HEAD], "update migrate.HEAD when adding a revision"

"""Schema migrations (Alembic) run at start-up, after an online backup.

The scripts live inside the package so they work from a wheel and a frozen build. A database
written by a newer program is refused: an older program would not know its tables. Alembic
itself is imported only when there is something to migrate: the everyday start reads the
stored revision with one query and compares it with :data:`HEAD` (a test keeps the two equal).
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from sfs_desktop.core.errors import UserError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
HEAD = "0018"
"""The newest revision in migrations/versions (tests/core/test_migrations.py checks it)."""


def alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def _script():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return HEAD


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError:  # no alembic_version table yet: an empty database
            return None


@lru_cache(maxsize=64)
def known_revision(rev: str) -> bool:
    """Whether this program has migration `rev` (every import asks: the scripts are read once)."""
    return rev == HEAD or any(s.revision == rev for s in _script().walk_revisions())


def upgrade(engine: Engine, backup_dir: Path | None = None) -> str | None:
    """Bring the database to head; returns the backup path written first, if any."""
    current = current_revision(engine)
    if current == HEAD:
        return None
    if current is not None and not known_revision(current):
        raise UserError(
            f"数据库由更新版本的 sfs-desktop 创建（结构版本 {current}），本程序无法打开；请安装最新版本后再试"
        )
    backup_path = None
    if current is not None and backup_dir is not None:
        from sfs_desktop.core.db.backup import backup_to  # late: backup imports engine helpers

        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_path = backup_to(engine, backup_dir / f"pre-migrate-{current}-{stamp}.db")
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return str(backup_path) if backup_path else None

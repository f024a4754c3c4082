"""Developer tool: print the Alembic operations that the current models need beyond revision REV.

Usage: python tools/migration_draft.py 0002
It builds a temporary encrypted database at REV's parent revision, compares it with the
models, and prints the upgrade operations as Python code to paste (trimmed to your own
tables) into the revision file. Not used at run time.
"""

import secrets
import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.autogenerate import produce_migrations, render_python_code
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from sfs_desktop.core.db.engine import open_engine
from sfs_desktop.core.db.migrate import alembic_config
from sfs_desktop.core.models import metadata


def main(rev: str) -> None:
    cfg = alembic_config()
    parent = ScriptDirectory.from_config(cfg).get_revision(rev).down_revision
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_engine(Path(tmp) / "draft.db", secrets.token_bytes(32))
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            if parent:
                command.upgrade(cfg, parent)
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"render_as_batch": True, "compare_type": True})
            print(render_python_code(produce_migrations(ctx, metadata).upgrade_ops, render_as_batch=True))
        engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1])

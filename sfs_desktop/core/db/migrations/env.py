"""Alembic environment: always run in-process on the program's own (encrypted) connection."""

from alembic import context

from sfs_desktop.core.models import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True)
with context.begin_transaction():
    context.run_migrations()

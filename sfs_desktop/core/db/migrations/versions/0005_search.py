"""search: the full-text index (FTS5, trigram) over searchable fields (issue 4)

Revision ID: 0005
Revises: 0004
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE VIRTUAL TABLE search_index USING fts5("
               "table_name UNINDEXED, row_id UNINDEXED, text, initials, tokenize='trigram')")
    from sqlalchemy.orm import Session

    from sfs_desktop.core import search

    search.rebuild(Session(bind=op.get_bind()))  # an upgraded database gets its existing rows indexed


def downgrade() -> None:
    op.execute("DROP TABLE search_index")

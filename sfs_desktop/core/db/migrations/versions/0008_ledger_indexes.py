"""ledgers: partial indexes of live-row ids on the tables that reach 100,000 rows (issue 4)

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TABLES = ("person", "mediation_case")


def upgrade() -> None:
    for table in TABLES:
        op.create_index(f"ix_{table}_live", table, ["id"], sqlite_where=sa.text("deleted = 0"))


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_live", table_name=table)

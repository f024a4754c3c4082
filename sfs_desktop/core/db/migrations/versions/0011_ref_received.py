"""sync_received: when each county-owned reference row arrived, and in which bundle (issue 15)

Revision ID: 0011
Revises: 0010
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'sync_received',
        sa.Column('table_name', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('row_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column('bundle_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('table_name', 'row_id'),
    )


def downgrade() -> None:
    op.drop_table('sync_received')

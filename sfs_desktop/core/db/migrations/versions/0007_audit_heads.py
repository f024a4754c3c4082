"""sync: the county keeps each station's audit chain head (issue 7)

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sync_peer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('audit_head', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
        batch_op.add_column(sa.Column('audit_seq', sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column('audit_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('audit_alarm', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sync_peer', schema=None) as batch_op:
        for name in ('audit_alarm', 'audit_at', 'audit_seq', 'audit_head'):
            batch_op.drop_column(name)

"""sync: the station's optional network-sync schedule and the last network exchange (issue 19)

Both live in the station's row for the county, beside the relay address: local settings that
never travel (sync_peer is not a synced table). 0 minutes = no schedule (the default).

Revision ID: 0018
Revises: 0017
"""
import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sync_peer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sync_every', sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column('net_last', sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table('sync_peer', schema=None) as batch_op:
        batch_op.drop_column('net_last')
        batch_op.drop_column('sync_every')

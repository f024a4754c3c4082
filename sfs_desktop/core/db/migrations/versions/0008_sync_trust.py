"""sync: what the county learnt of each station's audit chain, and where a digest differed (issue 12)

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'sync_audit_mark',
        sa.Column('peer', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('bundle_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('peer', 'seq'),
    )
    with op.batch_alter_table('sync_peer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('digest_diff', sa.JSON(), nullable=False, server_default="{}"))
    with op.batch_alter_table('sync_bundle_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('audit_seq', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sync_bundle_log', schema=None) as batch_op:
        batch_op.drop_column('audit_seq')
    with op.batch_alter_table('sync_peer', schema=None) as batch_op:
        batch_op.drop_column('digest_diff')
    op.drop_table('sync_audit_mark')

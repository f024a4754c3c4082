"""sync: node keys, peers and their exchange state, bundle log, conflicts, duplicates (issue 7)

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_bundle_log',
    sa.Column('bundle_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('direction', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('peer', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('covers', sa.JSON(), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('bundle_id')
    )
    with op.batch_alter_table('sync_bundle_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_bundle_log_peer'), ['peer'], unique=False)

    op.create_table('sync_conflict',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('table_name', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('row_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('version_a', sa.JSON(), nullable=False),
    sa.Column('version_b', sa.JSON(), nullable=False),
    sa.Column('chosen', sqlmodel.sql.sqltypes.AutoString(length=1), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('resolved_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('resolved_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_conflict_row_id'), ['row_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sync_conflict_status'), ['status'], unique=False)

    op.create_table('sync_duplicate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_a', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('person_b', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('found_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('sync_identity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('node_id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('sign_seed', sa.LargeBinary(), nullable=False),
    sa.Column('box_secret', sa.LargeBinary(), nullable=False),
    sa.Column('county_secret', sa.LargeBinary(), nullable=True),
    sa.Column('roster', sa.JSON(), nullable=False),
    sa.Column('export_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('sync_peer',
    sa.Column('node_id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('sign_pk', sa.LargeBinary(), nullable=False),
    sa.Column('box_pk', sa.LargeBinary(), nullable=False),
    sa.Column('revoked_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('enrolled_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('have', sa.JSON(), nullable=False),
    sa.Column('acked', sa.JSON(), nullable=False),
    sa.Column('ack_seq', sa.JSON(), nullable=False),
    sa.Column('ack_due', sa.Boolean(), nullable=False),
    sa.Column('repair_due', sa.Boolean(), nullable=False),
    sa.Column('repair_asked', sa.Boolean(), nullable=False),
    sa.Column('digest_state', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('last_in_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('last_in_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('last_out_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('last_out_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('last_ack_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('node_id')
    )


def downgrade() -> None:
    op.drop_table('sync_peer')
    op.drop_table('sync_identity')
    op.drop_table('sync_duplicate')
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_conflict_status'))
        batch_op.drop_index(batch_op.f('ix_sync_conflict_row_id'))
    op.drop_table('sync_conflict')
    with op.batch_alter_table('sync_bundle_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_bundle_log_peer'))
    op.drop_table('sync_bundle_log')

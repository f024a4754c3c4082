"""mediation: investigation and mediation records, mediator training (issue 6)

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('mediation_record',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('origin', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('owner', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('ver_node', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('ver_ctr', sa.Integer(), nullable=False),
    sa.Column('vv', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('purged', sa.Boolean(), nullable=False),
    sa.Column('row_schema', sa.Integer(), nullable=False),
    sa.Column('extra', sa.JSON(), nullable=False),
    sa.Column('in_conflict', sa.Boolean(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('case_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('place', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('conducted_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('recorder', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('present', sqlmodel.sql.sqltypes.AutoString(length=256), nullable=True),
    sa.Column('subject', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('body', sqlmodel.sql.sqltypes.AutoString(length=8000), nullable=False),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mediation_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mediation_record_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mediation_record_owner'), ['owner'], unique=False)

    op.create_table('mediator_training',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('origin', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('owner', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('ver_node', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('ver_ctr', sa.Integer(), nullable=False),
    sa.Column('vv', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('purged', sa.Boolean(), nullable=False),
    sa.Column('row_schema', sa.Integer(), nullable=False),
    sa.Column('extra', sa.JSON(), nullable=False),
    sa.Column('in_conflict', sa.Boolean(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('topic', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('organiser', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('hours', sa.Integer(), nullable=False),
    sa.Column('attendee_ids', sa.JSON(), nullable=False),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mediator_training', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mediator_training_owner'), ['owner'], unique=False)


def downgrade() -> None:
    op.drop_table('mediator_training')
    op.drop_table('mediation_record')

"""resettlement: released persons, their events, the county's pre-release lists and frequencies (issue 17)

Revision ID: 0017
Revises: 0016
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('released_person',
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
    sa.Column('person_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('gender', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('id_no', sqlmodel.sql.sqltypes.AutoString(length=18), nullable=True),
    sa.Column('correction_subject_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('offences', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('sentence', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('prison', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('release_date', sa.Date(), nullable=False),
    sa.Column('release_type', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('certificate_no', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('household_address', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('residence', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('area_code', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True),
    sa.Column('notice_received_on', sa.Date(), nullable=True),
    sa.Column('report_by', sa.Date(), nullable=True),
    sa.Column('handover_method', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('handover_on', sa.Date(), nullable=True),
    sa.Column('handover_staff', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('reported_on', sa.Date(), nullable=True),
    sa.Column('period_from', sa.Date(), nullable=True),
    sa.Column('period_to', sa.Date(), nullable=True),
    sa.Column('category', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('risk', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('family', sqlmodel.sql.sqltypes.AutoString(length=256), nullable=True),
    sa.Column('skills', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('health', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('needs', sqlmodel.sql.sqltypes.AutoString(length=256), nullable=True),
    sa.Column('agreement_on', sa.Date(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('end_summary', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('released_person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_released_person_correction_subject_id'), ['correction_subject_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_released_person_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_released_person_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_released_person_status'), ['status'], unique=False)

    op.create_table('rp_category_change',
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
    sa.Column('person_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.Column('category', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('risk', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=256), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rp_category_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rp_category_change_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_rp_category_change_person_id'), ['person_id'], unique=False)

    op.create_table('rp_contact',
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
    sa.Column('person_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('place', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('content', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.Column('staff', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rp_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rp_contact_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_rp_contact_person_id'), ['person_id'], unique=False)

    op.create_table('rp_frequency',
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
    sa.Column('category', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('activity', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('per', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rp_frequency', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rp_frequency_owner'), ['owner'], unique=False)

    op.create_table('rp_lost_contact',
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
    sa.Column('person_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('lost_on', sa.Date(), nullable=False),
    sa.Column('measures', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('found_on', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rp_lost_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rp_lost_contact_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_rp_lost_contact_person_id'), ['person_id'], unique=False)

    op.create_table('rp_prerelease',
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
    sa.Column('list_month', sqlmodel.sql.sqltypes.AutoString(length=7), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('gender', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('id_no', sqlmodel.sql.sqltypes.AutoString(length=18), nullable=True),
    sa.Column('prison', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('release_date', sa.Date(), nullable=False),
    sa.Column('household_address', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('matched_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('steps', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('reported_on', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rp_prerelease', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rp_prerelease_matched_id'), ['matched_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rp_prerelease_owner'), ['owner'], unique=False)

    op.create_table('rp_reoffence',
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
    sa.Column('person_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('offence', sqlmodel.sql.sqltypes.AutoString(length=256), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rp_reoffence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rp_reoffence_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_rp_reoffence_person_id'), ['person_id'], unique=False)

    op.create_table('rp_resettlement',
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
    sa.Column('person_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('provider', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('result', sqlmodel.sql.sqltypes.AutoString(length=256), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rp_resettlement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rp_resettlement_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_rp_resettlement_person_id'), ['person_id'], unique=False)

    op.create_table('rp_team_member',
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
    sa.Column('person_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('duties', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rp_team_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rp_team_member_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_rp_team_member_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    op.drop_table('rp_team_member')
    op.drop_table('rp_resettlement')
    op.drop_table('rp_reoffence')
    op.drop_table('rp_prerelease')
    op.drop_table('rp_lost_contact')
    op.drop_table('rp_frequency')
    op.drop_table('rp_contact')
    op.drop_table('rp_category_change')
    op.drop_table('released_person')

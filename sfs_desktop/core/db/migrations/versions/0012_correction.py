"""correction: subjects, supervision events, proceedings, frequencies (issue 16)

Revision ID: 0012
Revises: 0011
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cc_assessment',
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
    sa.Column('subject_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('period', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('grade', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cc_assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cc_assessment_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_cc_assessment_subject_id'), ['subject_id'], unique=False)

    op.create_table('cc_contact',
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
    sa.Column('subject_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('relation', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('employer', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cc_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cc_contact_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_cc_contact_subject_id'), ['subject_id'], unique=False)

    op.create_table('cc_document',
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
    sa.Column('subject_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('doc_no', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('issuer', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cc_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cc_document_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_cc_document_subject_id'), ['subject_id'], unique=False)

    op.create_table('cc_frequency',
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
    sa.Column('level', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('activity', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('per', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('min_hours', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cc_frequency', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cc_frequency_owner'), ['owner'], unique=False)

    op.create_table('cc_investigation',
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
    sa.Column('person_name', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('person_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('commissioned_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('fast_track', sa.Boolean(), nullable=False),
    sa.Column('items', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.Column('opinion', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('submitted_on', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cc_investigation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cc_investigation_owner'), ['owner'], unique=False)

    op.create_table('cc_leave',
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
    sa.Column('subject_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=256), nullable=False),
    sa.Column('destination', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('end', sa.Date(), nullable=False),
    sa.Column('days', sa.Integer(), nullable=False),
    sa.Column('applied_on', sa.Date(), nullable=False),
    sa.Column('contact_phone', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('approver', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('station_opinion', sqlmodel.sql.sqltypes.AutoString(length=256), nullable=True),
    sa.Column('decision', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('certificate_no', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('returned_on', sa.Date(), nullable=True),
    sa.Column('overstay', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cc_leave', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cc_leave_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_cc_leave_subject_id'), ['subject_id'], unique=False)

    op.create_table('cc_level_change',
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
    sa.Column('subject_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.Column('level', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('risk', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=256), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cc_level_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cc_level_change_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_cc_level_change_subject_id'), ['subject_id'], unique=False)

    op.create_table('cc_locator',
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
    sa.Column('subject_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('trigger', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('approver', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('end', sa.Date(), nullable=False),
    sa.Column('removed_on', sa.Date(), nullable=True),
    sa.Column('extends_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cc_locator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cc_locator_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_cc_locator_subject_id'), ['subject_id'], unique=False)

    op.create_table('cc_major_event',
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
    sa.Column('subject_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('occurred_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('reported_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('reported_to', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('details', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.Column('resolved_on', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cc_major_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cc_major_event_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_cc_major_event_subject_id'), ['subject_id'], unique=False)

    op.create_table('cc_regular_travel',
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
    sa.Column('subject_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('destinations', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=256), nullable=False),
    sa.Column('frequency', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cc_regular_travel', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cc_regular_travel_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_cc_regular_travel_subject_id'), ['subject_id'], unique=False)

    op.create_table('cc_release',
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
    sa.Column('subject_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('summary_on', sa.Date(), nullable=True),
    sa.Column('appraisal', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.Column('appraisal_on', sa.Date(), nullable=True),
    sa.Column('handover_on', sa.Date(), nullable=True),
    sa.Column('announced_on', sa.Date(), nullable=True),
    sa.Column('certificate_no', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cc_release', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cc_release_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_cc_release_subject_id'), ['subject_id'], unique=False)

    op.create_table('cc_residence_change',
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
    sa.Column('subject_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('new_place', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('move_on', sa.Date(), nullable=False),
    sa.Column('applied_on', sa.Date(), nullable=False),
    sa.Column('asked_on', sa.Date(), nullable=True),
    sa.Column('replied_on', sa.Date(), nullable=True),
    sa.Column('decision', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('told_on', sa.Date(), nullable=True),
    sa.Column('files_sent_on', sa.Date(), nullable=True),
    sa.Column('reported_new_on', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cc_residence_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cc_residence_change_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_cc_residence_change_subject_id'), ['subject_id'], unique=False)

    op.create_table('cc_sanction_decision',
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
    sa.Column('subject_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('violation_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('measure', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('decision_no', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('basis', sqlmodel.sql.sqltypes.AutoString(length=256), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cc_sanction_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cc_sanction_decision_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_cc_sanction_decision_subject_id'), ['subject_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cc_sanction_decision_violation_id'), ['violation_id'], unique=False)

    op.create_table('cc_supervision',
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
    sa.Column('subject_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('mode', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('hours', sa.Integer(), nullable=False),
    sa.Column('place', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('result', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('content', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.Column('staff', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cc_supervision', schema=None) as batch_op:
        batch_op.create_index('ix_cc_supervision_due', ['subject_id', 'kind', 'day', 'deleted', 'hours'], unique=False)
        batch_op.create_index(batch_op.f('ix_cc_supervision_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_cc_supervision_subject_id'), ['subject_id'], unique=False)

    op.create_table('cc_team_member',
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
    sa.Column('subject_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('gender', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cc_team_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cc_team_member_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_cc_team_member_subject_id'), ['subject_id'], unique=False)

    op.create_table('cc_termination',
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
    sa.Column('subject_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('doc_no', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('ended_on', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cc_termination', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cc_termination_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_cc_termination_subject_id'), ['subject_id'], unique=False)

    op.create_table('cc_violation',
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
    sa.Column('subject_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('days', sa.Integer(), nullable=False),
    sa.Column('facts', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('evidence', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('suggested', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('proposed', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('proposed_on', sa.Date(), nullable=True),
    sa.Column('corrected', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cc_violation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cc_violation_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_cc_violation_subject_id'), ['subject_id'], unique=False)

    op.create_table('correction_subject',
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
    sa.Column('alias', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('correction_type', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('temp_exec_reason', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('decision_body', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('decision_no', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('effective_date', sa.Date(), nullable=True),
    sa.Column('term_start', sa.Date(), nullable=True),
    sa.Column('term_end', sa.Date(), nullable=True),
    sa.Column('reported_on', sa.Date(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('announced_on', sa.Date(), nullable=True),
    sa.Column('officer', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('county_agency', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('execution_address', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('area_code', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True),
    sa.Column('crimes', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('crime_category', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('offence_date', sa.Date(), nullable=True),
    sa.Column('original_penalty', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('original_months', sa.Integer(), nullable=True),
    sa.Column('custody_days', sa.Integer(), nullable=False),
    sa.Column('supplementary', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('prohibition', sqlmodel.sql.sqltypes.AutoString(length=512), nullable=True),
    sa.Column('prohibition_from', sa.Date(), nullable=True),
    sa.Column('prohibition_to', sa.Date(), nullable=True),
    sa.Column('recidivist', sa.Boolean(), nullable=False),
    sa.Column('joint_crime', sa.Boolean(), nullable=False),
    sa.Column('juvenile', sa.Boolean(), nullable=False),
    sa.Column('three_no', sa.Boolean(), nullable=False),
    sa.Column('special_flags', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('health', sqlmodel.sql.sqltypes.AutoString(length=256), nullable=True),
    sa.Column('level', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('risk', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('correction_subject', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_correction_subject_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_correction_subject_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_correction_subject_status'), ['status'], unique=False)


def downgrade() -> None:
    op.drop_table('correction_subject')
    op.drop_table('cc_violation')
    op.drop_table('cc_termination')
    op.drop_table('cc_team_member')
    op.drop_table('cc_supervision')
    op.drop_table('cc_sanction_decision')
    op.drop_table('cc_residence_change')
    op.drop_table('cc_release')
    op.drop_table('cc_regular_travel')
    op.drop_table('cc_major_event')
    op.drop_table('cc_locator')
    op.drop_table('cc_level_change')
    op.drop_table('cc_leave')
    op.drop_table('cc_investigation')
    op.drop_table('cc_frequency')
    op.drop_table('cc_document')
    op.drop_table('cc_contact')
    op.drop_table('cc_assessment')

"""mediation: committees, mediators, cases (issue 6)

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('dispute_screening',
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
    sa.Column('screened_on', sa.Date(), nullable=False),
    sa.Column('scope', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('screened_by', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('found', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.Column('found_count', sa.Integer(), nullable=False),
    sa.Column('risk_level', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=True),
    sa.Column('measures', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('responsible', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('target_date', sa.Date(), nullable=True),
    sa.Column('case_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('dispute_screening', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispute_screening_owner'), ['owner'], unique=False)

    op.create_table('mediation_agreement',
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
    sa.Column('form', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('facts', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('terms', sa.JSON(), nullable=False),
    sa.Column('manner', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('mediator_signed', sa.Boolean(), nullable=False),
    sa.Column('seal_affixed', sa.Boolean(), nullable=False),
    sa.Column('signed_date', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mediation_agreement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mediation_agreement_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mediation_agreement_owner'), ['owner'], unique=False)

    op.create_table('mediation_case',
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
    sa.Column('case_no', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('committee_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('received_date', sa.Date(), nullable=True),
    sa.Column('dispute_type', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('summary', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
    sa.Column('request', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.Column('amount_involved', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
    sa.Column('mediator_ids', sa.JSON(), nullable=False),
    sa.Column('invitees', sqlmodel.sql.sqltypes.AutoString(length=256), nullable=True),
    sa.Column('public_session', sa.Boolean(), nullable=False),
    sa.Column('escalation_risk', sa.Boolean(), nullable=False),
    sa.Column('escalation_reported_to', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('result', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=True),
    sa.Column('agreement_form', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=True),
    sa.Column('agreement_date', sa.Date(), nullable=True),
    sa.Column('performance', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=True),
    sa.Column('performance_deadline', sa.Date(), nullable=True),
    sa.Column('continue_consent_on', sa.Date(), nullable=True),
    sa.Column('informed_other_routes', sa.Boolean(), nullable=False),
    sa.Column('closed_date', sa.Date(), nullable=True),
    sa.Column('archived_date', sa.Date(), nullable=True),
    sa.Column('confirmation_applied_on', sa.Date(), nullable=True),
    sa.Column('confirmation_court', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('prevented_criminal', sa.Integer(), nullable=False),
    sa.Column('prevented_petition', sa.Integer(), nullable=False),
    sa.Column('prevented_fight', sa.Boolean(), nullable=False),
    sa.Column('prevented_suicide', sa.Boolean(), nullable=False),
    sa.Column('rejection_reason', sqlmodel.sql.sqltypes.AutoString(length=256), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mediation_case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mediation_case_case_no'), ['case_no'], unique=False)
        batch_op.create_index(batch_op.f('ix_mediation_case_committee_id'), ['committee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mediation_case_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_mediation_case_received_date'), ['received_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_mediation_case_status'), ['status'], unique=False)

    op.create_table('mediation_committee',
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
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('committee_type', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('area_code', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True),
    sa.Column('established_on', sa.Date(), nullable=True),
    sa.Column('term_start', sa.Date(), nullable=True),
    sa.Column('term_end', sa.Date(), nullable=True),
    sa.Column('director_name', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mediation_committee', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mediation_committee_owner'), ['owner'], unique=False)

    op.create_table('mediation_follow_up',
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
    sa.Column('visit_date', sa.Date(), nullable=False),
    sa.Column('visitee', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('method', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('performance', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=True),
    sa.Column('satisfaction', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=True),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mediation_follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mediation_follow_up_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mediation_follow_up_owner'), ['owner'], unique=False)

    op.create_table('mediation_guidance',
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
    sa.Column('guided_on', sa.Date(), nullable=False),
    sa.Column('committee_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('form', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('problems', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.Column('follow_up', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mediation_guidance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mediation_guidance_owner'), ['owner'], unique=False)

    op.create_table('mediation_party',
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
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('person_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('organization_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('agent_name', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('signed', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mediation_party', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mediation_party_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mediation_party_owner'), ['owner'], unique=False)

    op.create_table('mediator',
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
    sa.Column('gender', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('committee_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('full_time', sa.Boolean(), nullable=False),
    sa.Column('appointed_on', sa.Date(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('status_reason', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('trainings', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mediator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mediator_committee_id'), ['committee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mediator_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_mediator_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    for table in ("mediator", "mediation_party", "mediation_guidance", "mediation_follow_up", "mediation_committee",
                  "mediation_case", "mediation_agreement", "dispute_screening"):
        op.drop_table(table)

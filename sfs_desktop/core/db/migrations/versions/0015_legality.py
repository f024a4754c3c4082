"""legality: review requests and their suggestions (issue 18)

Revision ID: 0015
Revises: 0014
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('legality_review',
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
    sa.Column('review_no', sqlmodel.sql.sqltypes.AutoString(length=48), nullable=True),
    sa.Column('item_type', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('unit_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('contact', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('contact_phone', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('requested_by', sa.Date(), nullable=True),
    sa.Column('materials', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
    sa.Column('returned_on', sa.Date(), nullable=True),
    sa.Column('return_note', sqlmodel.sql.sqltypes.AutoString(length=256), nullable=True),
    sa.Column('resubmitted_on', sa.Date(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('reviewer_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('reviewer2_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('penalty_review', sa.Boolean(), nullable=False),
    sa.Column('adviser', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('adviser_opinion', sqlmodel.sql.sqltypes.AutoString(length=1024), nullable=True),
    sa.Column('exploratory', sa.Boolean(), nullable=False),
    sa.Column('finding_authority', sqlmodel.sql.sqltypes.AutoString(length=1024), nullable=True),
    sa.Column('finding_procedure', sqlmodel.sql.sqltypes.AutoString(length=1024), nullable=True),
    sa.Column('finding_content', sqlmodel.sql.sqltypes.AutoString(length=2048), nullable=True),
    sa.Column('finding_risk', sqlmodel.sql.sqltypes.AutoString(length=1024), nullable=True),
    sa.Column('lease_years', sa.Integer(), nullable=True),
    sa.Column('conclusion', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('signed_by', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('meeting', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
    sa.Column('village_code', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True),
    sa.Column('version', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('clauses', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('adults', sa.Integer(), nullable=True),
    sa.Column('present', sa.Integer(), nullable=True),
    sa.Column('households', sa.Integer(), nullable=True),
    sa.Column('households_present', sa.Integer(), nullable=True),
    sa.Column('votes_for', sa.Integer(), nullable=True),
    sa.Column('notice_days', sa.Integer(), nullable=True),
    sa.Column('adopted_on', sa.Date(), nullable=True),
    sa.Column('filed_on', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('legality_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_legality_review_item_type'), ['item_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_legality_review_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_legality_review_state'), ['state'], unique=False)

    op.create_table('lh_suggestion',
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
    sa.Column('review_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(length=1024), nullable=False),
    sa.Column('adoption', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
    sa.Column('feedback_on', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('lh_suggestion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lh_suggestion_owner'), ['owner'], unique=False)
        batch_op.create_index(batch_op.f('ix_lh_suggestion_review_id'), ['review_id'], unique=False)


def downgrade() -> None:
    op.drop_table("lh_suggestion")
    op.drop_table("legality_review")

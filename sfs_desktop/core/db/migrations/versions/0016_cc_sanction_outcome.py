"""correction: a sanction decision records whether the county granted the station's proposal, and why
(`correction decide --accept|--reject --note`, issue 16)

Revision ID: 0016
Revises: 0015
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('cc_sanction_decision', schema=None) as batch_op:
        batch_op.add_column(sa.Column('decision', sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False,
                                      server_default='02'))
        batch_op.add_column(sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=256), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('cc_sanction_decision', schema=None) as batch_op:
        batch_op.drop_column('note')
        batch_op.drop_column('decision')

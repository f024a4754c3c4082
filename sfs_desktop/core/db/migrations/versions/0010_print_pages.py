"""printing: the print log keeps the page count of each document (the 卷内目录's 页号, issue 15)

Revision ID: 0010
Revises: 0009
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('print_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pages', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('print_log', schema=None) as batch_op:
        batch_op.drop_column('pages')

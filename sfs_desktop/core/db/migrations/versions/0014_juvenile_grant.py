"""account: permissions the 所长 grants one account on top of its role ("juvenile.read", C33; issue 16);
the correction subjects' names join the search index (each hit access-checked)

Revision ID: 0014
Revises: 0013
"""
import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('grants', sa.JSON(), nullable=False, server_default='[]'))
    from sqlalchemy.orm import Session

    from sfs_desktop.core import search

    search.rebuild(Session(bind=op.get_bind()))  # subjects registered before now become searchable


def downgrade() -> None:
    with op.batch_alter_table('account', schema=None) as batch_op:
        batch_op.drop_column('grants')

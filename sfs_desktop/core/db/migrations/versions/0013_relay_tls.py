"""sync: the county relay's TLS certificate, the pinned fingerprint, capability flags (issue 19)

The county keeps its relay certificate and private key inside its encrypted database, as it does
its other private keys; a station keeps the certificate's SHA-256 (pinned at enrollment or taken
from a newer county-signed roster) in its row for the county. Each node's protocol capabilities
are listed per peer so the county knows who can read what (sync-design.md §4.9). A station
remembers the relay's address in the same row (a local setting: sync_peer never travels).

Revision ID: 0013
Revises: 0012
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sync_identity', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tls_cert', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('tls_key', sa.LargeBinary(), nullable=True))
    with op.batch_alter_table('sync_peer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tls_sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
        batch_op.add_column(sa.Column('capabilities', sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column('relay_url', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sync_peer', schema=None) as batch_op:
        batch_op.drop_column('relay_url')
        batch_op.drop_column('capabilities')
        batch_op.drop_column('tls_sha256')
    with op.batch_alter_table('sync_identity', schema=None) as batch_op:
        batch_op.drop_column('tls_key')
        batch_op.drop_column('tls_cert')

"""link providers to organizations

Revision ID: 20250110_1400
Revises: 20250103_0915
Create Date: 2025-03-03 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '20250110_1400'
down_revision = '20250103_0915'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("providers", sa.Column("organization_id", sa.BigInteger))
    op.create_foreign_key("providers_organization_id_fkey", "providers", "organizations", ["organization_id"], ["id"], ondelete="SET NULL")


def downgrade() -> None:
    op.drop_constraint("providers_organization_id_fkey", "providers")
    op.drop_column("providers", "organization_id")

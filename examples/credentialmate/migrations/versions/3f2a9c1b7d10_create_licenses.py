"""create licenses

Revision ID: 3f2a9c1b7d10
Revises: 20250110_1400
Create Date: 2025-04-04 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3f2a9c1b7d10'
down_revision = '20250110_1400'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "licenses",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("provider_id", sa.BigInteger, sa.ForeignKey("providers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("state", sa.String(2), nullable=False),
        sa.Column("number", sa.Text, nullable=False),
        sa.Column("expires_on", sa.Date, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("licenses")

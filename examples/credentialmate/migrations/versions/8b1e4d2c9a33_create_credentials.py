"""create credentials

Revision ID: 8b1e4d2c9a33
Revises: 20250117_1030
Create Date: 2025-06-06 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '8b1e4d2c9a33'
down_revision = '20250117_1030'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "credentials",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("provider_id", sa.BigInteger, sa.ForeignKey("providers.id"), nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("issued_on", sa.Date),
    )


def downgrade() -> None:
    op.drop_table("credentials")

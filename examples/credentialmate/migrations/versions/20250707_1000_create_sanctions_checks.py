"""create sanctions checks

Revision ID: 20250707_1000
Revises: e5a7c9b1d3f4
Create Date: 2025-04-01 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '20250707_1000'
down_revision: Union[str, Sequence[str], None] = 'e5a7c9b1d3f4'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "sanctions_checks",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("provider_id", sa.BigInteger, sa.ForeignKey("providers.id"), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sanctions_checks")

"""create attestations

Revision ID: 7a9c1e3f5b2d
Revises: 20250915_0900
Create Date: 2025-09-06 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '7a9c1e3f5b2d'
down_revision: Union[str, Sequence[str], None] = '20250915_0900'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "attestations",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("provider_id", sa.BigInteger, sa.ForeignKey("providers.id"), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("attestations")

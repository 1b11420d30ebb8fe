"""create payer enrollments

Revision ID: 20250516_1000
Revises: 20250502_1600
Create Date: 2025-09-21 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '20250516_1000'
down_revision: Union[str, Sequence[str], None] = '20250502_1600'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "payer_enrollments",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("provider_id", sa.BigInteger, sa.ForeignKey("providers.id"), nullable=False),
        sa.Column("payer", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("payer_enrollments")

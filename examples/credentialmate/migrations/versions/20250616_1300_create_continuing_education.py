"""create continuing education

Revision ID: 20250616_1300
Revises: 20250602_0900
Create Date: 2025-02-26 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '20250616_1300'
down_revision: Union[str, Sequence[str], None] = '20250602_0900'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "continuing_education",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("provider_id", sa.BigInteger, sa.ForeignKey("providers.id"), nullable=False),
        sa.Column("hours", sa.Numeric(5, 2), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("continuing_education")

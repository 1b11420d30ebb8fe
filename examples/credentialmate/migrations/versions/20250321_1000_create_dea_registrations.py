"""create dea registrations

Revision ID: 20250321_1000
Revises: a1c3e5f7b9d2
Create Date: 2025-04-16 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '20250321_1000'
down_revision: Union[str, Sequence[str], None] = 'a1c3e5f7b9d2'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "dea_registrations",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("provider_id", sa.BigInteger, sa.ForeignKey("providers.id"), nullable=False),
        sa.Column("registration_number", sa.String(9), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("dea_registrations")

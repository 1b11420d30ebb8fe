"""create board certifications

Revision ID: 20250404_1430
Revises: 20250321_1000
Create Date: 2025-05-17 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '20250404_1430'
down_revision: Union[str, Sequence[str], None] = '20250321_1000'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "board_certifications",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("provider_id", sa.BigInteger, sa.ForeignKey("providers.id"), nullable=False),
        sa.Column("board", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("board_certifications")

"""credentials verified at

Revision ID: 6d8f0a2c4e61
Revises: 20250404_1430
Create Date: 2025-06-18 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '6d8f0a2c4e61'
down_revision: Union[str, Sequence[str], None] = '20250404_1430'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("credentials", sa.Column("verified_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    op.drop_column("credentials", "verified_at")

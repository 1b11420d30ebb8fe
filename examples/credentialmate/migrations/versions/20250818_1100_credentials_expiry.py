"""credentials expiry

Revision ID: 20250818_1100
Revises: 0c2e4a6b8d9f
Create Date: 2025-07-04 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '20250818_1100'
down_revision: Union[str, Sequence[str], None] = '0c2e4a6b8d9f'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("credentials", sa.Column("expires_on", sa.Date))


def downgrade() -> None:
    op.drop_column("credentials", "expires_on")

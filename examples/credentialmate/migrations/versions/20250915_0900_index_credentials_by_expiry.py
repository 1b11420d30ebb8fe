"""index credentials by expiry

Revision ID: 20250915_0900
Revises: 20250818_1100
Create Date: 2025-08-05 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '20250915_0900'
down_revision: Union[str, Sequence[str], None] = '20250818_1100'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index("credentials_expires_on_idx", "credentials", ["expires_on"], postgresql_where=sa.text("expires_on IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("credentials_expires_on_idx")

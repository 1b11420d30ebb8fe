"""providers soft delete

Revision ID: 20251230_1900
Revises: 20251103_1400
Create Date: 2025-11-08 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '20251230_1900'
down_revision: Union[str, Sequence[str], None] = '20251103_1400'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("providers", sa.Column("deleted_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    op.drop_column("providers", "deleted_at")

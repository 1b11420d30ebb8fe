"""licenses compact state flag

Revision ID: 20251103_1400
Revises: 7a9c1e3f5b2d
Create Date: 2025-10-07 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '20251103_1400'
down_revision: Union[str, Sequence[str], None] = '7a9c1e3f5b2d'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("licenses", sa.Column("compact", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("licenses", "compact")

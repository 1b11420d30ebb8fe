"""providers specialty

Revision ID: e5a7c9b1d3f4
Revises: 20250616_1300
Create Date: 2025-03-27 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = 'e5a7c9b1d3f4'
down_revision: Union[str, Sequence[str], None] = '20250616_1300'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("providers", sa.Column("specialty", sa.Text))


def downgrade() -> None:
    op.drop_column("providers", "specialty")

"""merge payer enrollments and malpractice

Revision ID: 20250602_0900
Revises: 9f1b3d5e7a80, b2d4f6a8c0e3
Create Date: 2025-01-25 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '20250602_0900'
down_revision: Union[str, Sequence[str], None] = ('9f1b3d5e7a80', 'b2d4f6a8c0e3')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

"""index malpractice carrier

Revision ID: b2d4f6a8c0e3
Revises: 20250519_1100
Create Date: 2025-12-24 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = 'b2d4f6a8c0e3'
down_revision: Union[str, Sequence[str], None] = '20250519_1100'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index("malpractice_policies_carrier_idx", "malpractice_policies", ["carrier"])


def downgrade() -> None:
    op.drop_index("malpractice_policies_carrier_idx")

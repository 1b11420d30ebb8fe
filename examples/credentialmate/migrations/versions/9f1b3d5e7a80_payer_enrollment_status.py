"""payer enrollment status

Revision ID: 9f1b3d5e7a80
Revises: 20250516_1000
Create Date: 2025-10-22 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '9f1b3d5e7a80'
down_revision: Union[str, Sequence[str], None] = '20250516_1000'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("payer_enrollments", sa.Column("status", sa.Text, nullable=False, server_default="pending"))


def downgrade() -> None:
    op.drop_column("payer_enrollments", "status")

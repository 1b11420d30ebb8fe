"""audit log request id

Revision ID: 20250721_1500
Revises: 20250707_1000
Create Date: 2025-05-02 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '20250721_1500'
down_revision: Union[str, Sequence[str], None] = '20250707_1000'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("request_id", sa.Text))


def downgrade() -> None:
    op.drop_column("audit_log", "request_id")

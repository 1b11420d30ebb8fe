"""roles and user roles

Revision ID: 20250221_0930
Revises: 5e9b2f7c0d48
Create Date: 2025-01-13 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '20250221_0930'
down_revision: Union[str, Sequence[str], None] = '5e9b2f7c0d48'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table("roles", sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.Text, nullable=False, unique=True))
    op.create_table(
        "user_roles",
        sa.Column("user_id", sa.BigInteger, sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("role_id", sa.Integer, sa.ForeignKey("roles.id"), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("user_roles")
    op.drop_table("roles")

"""users mfa flag

Revision ID: 5e9b2f7c0d48
Revises: 20250214_1500
Create Date: 2025-12-12 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5e9b2f7c0d48'
down_revision = '20250214_1500'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("mfa_enabled", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("users", "mfa_enabled")

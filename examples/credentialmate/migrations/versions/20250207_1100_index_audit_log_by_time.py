"""index audit log by time

Revision ID: 20250207_1100
Revises: c47d0e9f1a25
Create Date: 2025-10-10 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '20250207_1100'
down_revision = 'c47d0e9f1a25'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("audit_log_created_at_idx", "audit_log", ["created_at"])


def downgrade() -> None:
    op.drop_index("audit_log_created_at_idx")

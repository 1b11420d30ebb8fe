"""documents s3 key

Revision ID: 20250131_0900
Revises: 20250124_1600
Create Date: 2025-08-08 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '20250131_0900'
down_revision = '20250124_1600'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("s3_key", sa.Text, nullable=False))


def downgrade() -> None:
    op.drop_column("documents", "s3_key")

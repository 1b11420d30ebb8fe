"""license status enum

Revision ID: 20250117_1030
Revises: 3f2a9c1b7d10
Create Date: 2025-05-05 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '20250117_1030'
down_revision = '3f2a9c1b7d10'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TYPE license_status AS ENUM ('active', 'expired', 'suspended')")
    op.add_column("licenses", sa.Column("status", sa.Enum(name="license_status", create_type=False), nullable=False, server_default="active"))


def downgrade() -> None:
    op.drop_column("licenses", "status")
    op.execute("DROP TYPE license_status")

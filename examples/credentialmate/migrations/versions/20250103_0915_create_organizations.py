"""create organizations

Revision ID: 20250103_0915
Revises: 20250103_0900
Create Date: 2025-02-02 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '20250103_0915'
down_revision = '20250103_0900'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organizations",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
    )


def downgrade() -> None:
    op.drop_table("organizations")

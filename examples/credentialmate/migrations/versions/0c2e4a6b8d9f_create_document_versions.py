"""create document versions

Revision ID: 0c2e4a6b8d9f
Revises: 20250721_1500
Create Date: 2025-06-03 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0c2e4a6b8d9f'
down_revision: Union[str, Sequence[str], None] = '20250721_1500'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "document_versions",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("document_id", sa.BigInteger, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("s3_version_id", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("document_versions")

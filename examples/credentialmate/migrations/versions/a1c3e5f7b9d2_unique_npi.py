"""unique npi

Revision ID: a1c3e5f7b9d2
Revises: 20250307_1200
Create Date: 2025-03-15 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = 'a1c3e5f7b9d2'
down_revision: Union[str, Sequence[str], None] = '20250307_1200'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_unique_constraint("providers_npi_key", "providers", ["npi"])


def downgrade() -> None:
    op.drop_constraint("providers_npi_key", "providers")

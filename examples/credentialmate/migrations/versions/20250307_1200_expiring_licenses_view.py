"""expiring licenses view

Revision ID: 20250307_1200
Revises: 20250221_0930
Create Date: 2025-02-14 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '20250307_1200'
down_revision: Union[str, Sequence[str], None] = '20250221_0930'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.execute(
        "CREATE VIEW expiring_licenses WITH (security_invoker = true) AS "
        "SELECT id, provider_id, state, expires_on FROM licenses WHERE expires_on < current_date + 90"
    )


def downgrade() -> None:
    op.execute("DROP VIEW expiring_licenses")

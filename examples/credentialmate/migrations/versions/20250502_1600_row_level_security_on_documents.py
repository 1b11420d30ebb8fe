"""row level security on documents

Revision ID: 20250502_1600
Revises: 20250418_0900
Create Date: 2025-08-20 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '20250502_1600'
down_revision: Union[str, Sequence[str], None] = '20250418_0900'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.execute("ALTER TABLE documents ENABLE ROW LEVEL SECURITY")
    op.execute("CREATE POLICY documents_by_provider ON documents USING (provider_id = current_setting('app.provider_id', true)::bigint)")


def downgrade() -> None:
    op.execute("DROP POLICY documents_by_provider ON documents")
    op.execute("ALTER TABLE documents DISABLE ROW LEVEL SECURITY")

"""Room for date ranges: a round held «31 октября – 1 ноября» is dated 2024-10-31/2024-11-01

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

DATE_COLUMNS = [
    ("events", "date"),
    ("format_rounds", "date"),
    ("agreements", "signed"),
    ("relations", "since"),
]


def upgrade() -> None:
    for table, column in DATE_COLUMNS:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(column, type_=sa.String(24), existing_type=sa.String(10))


def downgrade() -> None:
    for table, column in DATE_COLUMNS:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(column, type_=sa.String(10), existing_type=sa.String(24))

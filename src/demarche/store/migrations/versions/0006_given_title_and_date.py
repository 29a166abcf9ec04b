"""Documents keep the title and date given with their text, so re-analysis starts from them

Before, ``reanalyze`` rebuilt a document from its text alone: the title and date given in a
JSON line or through the API were lost, and a date-filtered search no longer found it.
Backfilled from what the store already has: the given title is in the analysis JSON; the
stored date was the given one when the analysis found none in the text (when it found one,
that date wins over a given one anyway).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_BACKFILL = {
    "sqlite": (
        "UPDATE documents SET given_title = json_extract(analysis, '$.document.title'), "
        "given_date = CASE WHEN json_extract(analysis, '$.metadata.date') IS NULL "
        "THEN date END"
    ),
    "postgresql": (
        "UPDATE documents SET given_title = analysis::json #>> '{document,title}', "
        "given_date = CASE WHEN analysis::json #>> '{metadata,date}' IS NULL THEN date END"
    ),
}


def upgrade() -> None:
    op.add_column("documents", sa.Column("given_title", sa.Text))
    op.add_column("documents", sa.Column("given_date", sa.Date))
    op.execute(_BACKFILL[op.get_bind().dialect.name])


def downgrade() -> None:
    # Plain ALTER TABLE, not a batch copy: dropping the old documents table would cascade
    # into every fact table on SQLite.
    op.drop_column("documents", "given_date")
    op.drop_column("documents", "given_title")

"""PostgreSQL: a stored tsvector column for lemma search

Ranking with ts_rank over an expression index recomputed the vector of every matching
document; a stored, generated column is read instead. SQLite's FTS5 table is unchanged.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "ALTER TABLE documents ADD COLUMN lemmas_tsv tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple', lemmas)) STORED"
    )
    op.execute("CREATE INDEX ix_documents_lemmas_tsv_stored ON documents USING gin (lemmas_tsv)")
    op.execute("DROP INDEX ix_documents_lemmas_tsv")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE INDEX ix_documents_lemmas_tsv ON documents "
        "USING gin (to_tsvector('simple', lemmas))"
    )
    op.execute("ALTER TABLE documents DROP COLUMN lemmas_tsv")

"""Content hashes of newline-normalised text, as every reader now computes them

A JSON line with CRLF was hashed before its newlines were normalised, and an API text was
stored with its CRLF and hashed as is, so the same statement read from a file got another
hash and was stored again. Rehash every document the new way. A document whose new hash
another document already has is a duplicate from before; it keeps its old hash (deleting
facts is no job for a migration) and the reader finds the other one.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _hash(text: str) -> str:
    # Frozen here on purpose: a migration must not change when the reader's code does.
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def upgrade() -> None:
    connection = op.get_bind()
    documents = sa.table("documents", sa.column("id"), sa.column("content_hash"), sa.column("text"))
    known = set(connection.execute(sa.select(documents.c.content_hash)).scalars())
    # A JSON line's stored text has no CR left to tell it apart, so every text is hashed.
    changes = []
    rows = connection.execute(
        sa.select(documents.c.id, documents.c.content_hash, documents.c.text).execution_options(
            yield_per=500
        )
    )
    for document_id, old, text in rows:
        new = _hash(text)
        if new != old and new not in known:
            changes.append({"row": document_id, "new": new})
            known.add(new)
    if changes:
        connection.execute(
            sa.update(documents)
            .where(documents.c.id == sa.bindparam("row"))
            .values(content_hash=sa.bindparam("new")),
            changes,
        )


def downgrade() -> None:
    """Old hashes cannot be recomputed (the JSON line's raw text is gone); new ones stay."""

"""Translations: the Russian and English versions of one statement linked as a pair

One row per pair, the lower document id first; filled at ingest time
(``demarche/store/translations.py``). Stores migrated from 0008 hold no links until their
documents are written again; ``demarche reanalyze`` or a new ingest of either version links
them.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "translations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "translation_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("score", sa.Float, nullable=False),
        sa.UniqueConstraint("document_id", "translation_id", name="uq_translations_pair"),
    )
    op.create_index("ix_translations_translation", "translations", ["translation_id"])


def downgrade() -> None:
    op.drop_index("ix_translations_translation", table_name="translations")
    op.drop_table("translations")

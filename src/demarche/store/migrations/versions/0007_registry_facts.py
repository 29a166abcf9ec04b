"""Registry facts: agreements and formats linked from every document's report, in any order

Linking used to fold each new document into the records the earlier ones had made, so the
same statements ingested in another order gave another registry (70 agreements instead of
71, another status, a format keyed by other parties). Now each document's report is a
``registry_facts`` row and the records of a name key are recomputed from all of them
(``demarche/store/registry.py``). Backfilled from the existing links: one fact per document
and record, with the record's attributes, which is all an old store still knows.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "registry_facts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name_key", sa.String(512), nullable=False),
        sa.Column("parties", sa.String(256), nullable=False),
        sa.Column("fact", sa.Text, nullable=False),
        sa.Column("record_id", sa.Integer),
        sa.Column("analyzer_version", sa.String(32), nullable=False),
    )
    op.create_index("ix_registry_facts_key", "registry_facts", ["kind", "name_key", "parties"])
    op.create_index("ix_registry_facts_document", "registry_facts", ["document_id"])
    # Nothing references these two tables, so SQLite's batch copy cascades nowhere.
    for table in ("agreement_mentions", "format_rounds"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("fact_id", sa.Integer))
            batch.create_foreign_key(
                f"fk_{table}_fact_id_registry_facts",
                "registry_facts",
                ["fact_id"],
                ["id"],
                ondelete="CASCADE",
            )
            batch.create_index(f"ix_{table}_fact_id", ["fact_id"])
    _backfill(op.get_bind())


def downgrade() -> None:
    for table in ("agreement_mentions", "format_rounds"):
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_fact_id")
            batch.drop_constraint(f"fk_{table}_fact_id_registry_facts", type_="foreignkey")
            batch.drop_column("fact_id")
    op.drop_table("registry_facts")


def _backfill(connection: sa.Connection) -> None:
    agreements = {row.id: row for row in connection.execute(sa.text("SELECT * FROM agreements"))}
    formats = {row.id: row for row in connection.execute(sa.text("SELECT * FROM dialogue_formats"))}
    for evidence, link, records, kind, fact in (
        ("agreement_mentions", "agreement_id", agreements, "agreement", _agreement_fact),
        ("format_rounds", "format_id", formats, "format", _format_fact),
    ):
        pairs = connection.execute(
            sa.text(
                f"SELECT DISTINCT e.document_id, e.{link}, d.analyzer_version "
                f"FROM {evidence} e JOIN documents d ON d.id = e.document_id"
            )
        ).all()
        for document_id, record_id, version in pairs:
            record = records[record_id]
            fact_id = connection.execute(
                sa.text(
                    "INSERT INTO registry_facts "
                    "(document_id, kind, name_key, parties, fact, record_id, analyzer_version) "
                    "VALUES (:document, :kind, :name_key, :parties, :fact, :record, :version) "
                    "RETURNING id"
                ),
                {
                    "document": document_id,
                    "kind": kind,
                    "name_key": record.name_key,
                    "parties": record.parties,
                    "fact": json.dumps(fact(record), ensure_ascii=False, sort_keys=True),
                    "record": record_id,
                    "version": version,
                },
            ).scalar_one()
            connection.execute(
                sa.text(
                    f"UPDATE {evidence} SET fact_id = :fact "
                    f"WHERE document_id = :document AND {link} = :record"
                ),
                {"fact": fact_id, "document": document_id, "record": record_id},
            )


def _split(value: str | None, separator: str) -> list[str]:
    return [part for part in (value or "").split(separator) if part]


def _agreement_fact(record) -> dict:
    return {
        "name_normal": record.name_ru,
        "name_en": record.name_en,
        "kind": record.kind,
        "signed": record.signed,
        "signed_at": record.signed_at,
        "valid": _split(record.valid, "–"),
        "scope": json.loads(record.scope) if record.scope else [],
        "status": record.status,
    }


def _format_fact(record) -> dict:
    return {
        "name_ru": record.name_ru,
        "name_en": record.name_en,
        "level": record.level,
        "launched_by": _split(record.launched_by, ";"),
    }

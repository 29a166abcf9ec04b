"""The corpus store's tables, one schema for SQLite and PostgreSQL.

Documents are identified by their content hash. Facts are stored twice on purpose: the full
analysis JSON per document (for the reader, byte-for-byte offsets) and one row per fact with
its evidence offsets (for queries and exports). Agreements and dialogue formats are linked
across documents: one record, many evidence rows.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("external_id", String(512), nullable=False),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("date", Date, index=True),
    Column("genre", String(64), index=True),
    Column("speaker", String(256), index=True),
    Column("speaker_name", Text),
    Column("place", Text),
    Column("language", String(8), nullable=False),
    Column("length", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("lemmas", Text, nullable=False),
    Column("analysis", Text, nullable=False),
    Column("analyzer_version", String(32), nullable=False, index=True),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    # The title and date given with the text, which re-analysis starts from again.
    Column("given_title", Text),
    Column("given_date", Date),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(256), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("code", String(32), index=True),
    Column("name_en", Text, nullable=False),
    Column("name_ru", Text, nullable=False),
    Column("sector", String(16)),
    Column("country", String(16)),
    Column("office", Text),
    Column("wikidata", String(32)),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("actor_id", String(256), index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("label", String(8), nullable=False),
    Column("form", String(16), nullable=False),
    Column("normal", Text, nullable=False),
    Column("analyzer_version", String(32), nullable=False),
    Index("ix_mentions_document", "document_id"),
    Index("ix_mentions_actor_document", "actor_id", "document_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("event_key", String(512), nullable=False, index=True),
    Column("local_id", String(32), nullable=False),
    Column("type", String(16), nullable=False, index=True),
    Column("mode", String(32), nullable=False),
    Column("context", String(128), nullable=False),
    Column("source", String(256), nullable=False),
    Column("target", String(256), nullable=False),
    Column("date", String(24), index=True),
    Column("month", String(7), index=True),
    Column("location", Text),
    Column("aux", String(128), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("quad_class", Integer),
    Column("cameo", String(8)),
    Column("goldstein", Float),
    Column("summary", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("record", Text, nullable=False),
    Column("analyzer_version", String(32), nullable=False),
    Index("ix_events_document", "document_id"),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(8), primary_key=True),
    Column("actor", String(32), primary_key=True),
    Column("person", Text),
    Index("ix_event_actors_actor_event", "actor", "role", "event_id"),
)

# Which actor codes each document mentions, once each: counting an actor's documents from
# its mentions read a million index entries for RUS at 100k documents.
document_actors = Table(
    "document_actors",
    metadata,
    Column(
        "document_id",
        ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("actor", String(32), primary_key=True),
    Index("ix_document_actors_actor", "actor", "document_id"),
)

# One row per (actor, counterpart) of an event, in both directions. Actor profiles read this
# index alone: joining event_actors to events and back cost 0.5 s for RUS at 100k documents.
event_pairs = Table(
    "event_pairs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("actor", String(32), nullable=False),
    Column("role", String(8), nullable=False),
    Column("counterpart", String(32), nullable=False),
    Column("type", String(16), nullable=False),
    Column("quad_class", Integer),
    Column("month", String(7)),
    Index("ix_event_pairs_profile", "actor", "role", "type", "month", "counterpart", "document_id"),
    Index("ix_event_pairs_pair", "actor", "role", "counterpart", "event_id"),
    Index("ix_event_pairs_network", "role", "actor", "counterpart", "quad_class", "type"),
    Index("ix_event_pairs_document", "document_id"),
)

agreements = Table(
    "agreements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(512), nullable=False, unique=True),
    Column("name_key", String(512), nullable=False, index=True),
    Column("name_ru", Text, nullable=False),
    Column("name_en", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("parties", String(256), nullable=False),
    Column("signed", String(24)),
    Column("signed_at", Text),
    Column("valid", String(64)),
    Column("scope", Text, nullable=False),
    Column("status", String(16), nullable=False),
)

# One row per agreement or dialogue format as one document reports it: what linking reads.
# The registries are a function of these rows alone, recomputed per name key on every write,
# so the same documents give the same registry in any order.
registry_facts = Table(
    "registry_facts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("name_key", String(512), nullable=False),
    Column("parties", String(256), nullable=False),
    Column("fact", Text, nullable=False),
    Column("record_id", Integer),
    Column("analyzer_version", String(32), nullable=False),
    Index("ix_registry_facts_key", "kind", "name_key", "parties"),
    Index("ix_registry_facts_document", "document_id"),
)

agreement_mentions = Table(
    "agreement_mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("agreement_id", ForeignKey("agreements.id"), nullable=False),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("fact_id", ForeignKey("registry_facts.id", ondelete="CASCADE"), index=True),
    Column("name_ru", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("summary", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("analyzer_version", String(32), nullable=False),
    Index("ix_agreement_mentions_document", "document_id"),
    Index("ix_agreement_mentions_agreement", "agreement_id", "document_id", "start"),
)

dialogue_formats = Table(
    "dialogue_formats",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(512), nullable=False, unique=True),
    Column("name_key", String(512), nullable=False, index=True),
    Column("name_ru", Text, nullable=False),
    Column("name_en", Text, nullable=False),
    Column("parties", String(256), nullable=False),
    Column("level", String(64)),
    Column("launched_by", String(256), nullable=False),
)

format_rounds = Table(
    "format_rounds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("format_id", ForeignKey("dialogue_formats.id"), nullable=False, index=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("fact_id", ForeignKey("registry_facts.id", ondelete="CASCADE"), index=True),
    Column("number", Integer),
    Column("date", String(24)),
    Column("place", Text),
    Column("status", String(16), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("analyzer_version", String(32), nullable=False),
    Index("ix_format_rounds_document", "document_id"),
)

relations = Table(
    "relations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("a", String(32), nullable=False, index=True),
    Column("b", String(32), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("since", String(24)),
    Column("summary", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("analyzer_version", String(32), nullable=False),
    Index("ix_relations_document", "document_id"),
)

stances = Table(
    "stances",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("holder", String(32), nullable=False),
    Column("target", String(32), nullable=False),
    Column("polarity", String(8), nullable=False),
    Column("score", Float, nullable=False),
    Column("date", Date),
    Column("summary", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("analyzer_version", String(32), nullable=False),
    Index("ix_stances_pair", "holder", "target"),
    Index("ix_stances_document", "document_id"),
)

rhetoric = Table(
    "rhetoric",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(32), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("gloss", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("analyzer_version", String(32), nullable=False),
    Index("ix_rhetoric_document", "document_id"),
)

# Documents linked as translations of one another (the Russian and English versions of one
# statement): one row per pair, the lower row id first, so the pair is the same whichever
# version was stored first (``demarche/store/translations.py``).
translations = Table(
    "translations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("translation_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("score", Float, nullable=False),
    UniqueConstraint("document_id", "translation_id", name="uq_translations_pair"),
    Index("ix_translations_translation", "translation_id"),
)

# Tables holding one document's facts, deleted and rewritten together on re-analysis.
PER_DOCUMENT = (
    mentions,
    document_actors,
    event_pairs,
    events,
    agreement_mentions,
    format_rounds,
    relations,
    stances,
    rhetoric,
    registry_facts,
)

__all__ = [
    "PER_DOCUMENT",
    "actors",
    "agreement_mentions",
    "agreements",
    "dialogue_formats",
    "document_actors",
    "documents",
    "event_actors",
    "event_pairs",
    "events",
    "format_rounds",
    "mentions",
    "metadata",
    "registry_facts",
    "relations",
    "rhetoric",
    "stances",
    "translations",
]

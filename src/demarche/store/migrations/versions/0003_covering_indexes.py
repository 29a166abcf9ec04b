"""Covering indexes for actor profiles at 100k documents

An actor profile counts the documents that mention the actor and walks the events it
takes part in; both now read an index alone instead of the tables.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_mentions_actor_document", "mentions", ["actor_id", "document_id"])
    op.create_index("ix_event_actors_actor_event", "event_actors", ["actor", "role", "event_id"])
    op.drop_index("ix_event_actors_actor", "event_actors")


def downgrade() -> None:
    op.create_index("ix_event_actors_actor", "event_actors", ["actor", "role"])
    op.drop_index("ix_event_actors_actor_event", "event_actors")
    op.drop_index("ix_mentions_actor_document", "mentions")

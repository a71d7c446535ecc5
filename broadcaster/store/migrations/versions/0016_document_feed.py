"""documents.feed: the feed that listed a document, "" when it was ingested by hand

The service's auto-draft drafted every undrafted document, also one an editor ingested by hand
and deliberately left undrafted. It now drafts only documents a feed brought. Documents stored
before this revision have no known feed and stay "": they are drafted when a person asks.

Revision ID: feeds_01
Revises: missed_01
Create Date: 2026-11-24 10:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "feeds_01"
down_revision = "missed_01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("feed", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("feed")

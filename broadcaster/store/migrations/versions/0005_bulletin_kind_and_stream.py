"""bulletin kind (document, notice, audio, recording, relay) and a relay's stream URL and window

Revision ID: programmes_01
Revises: 0003_service_tasks
Create Date: 2026-11-23 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "programmes_01"
down_revision = "0003_service_tasks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("bulletins", sa.Column("kind", sa.String(length=16), nullable=False, server_default="document"))
    op.add_column("bulletins", sa.Column("stream_url", sa.Text(), nullable=True))
    op.add_column("bulletins", sa.Column("stream_duration_ms", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("bulletins") as batch:
        batch.drop_column("stream_duration_ms")
        batch.drop_column("stream_url")
        batch.drop_column("kind")

"""revoked_sessions: sign-out and password changes revoke signed session cookies server-side

Revision ID: web_01
Revises: sched_01
Create Date: 2026-11-23 16:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "web_01"
down_revision = "sched_01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "revoked_sessions",
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("revoked_sessions")

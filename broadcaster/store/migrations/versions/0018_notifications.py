"""notifications and per-user notification preferences (issue 23)

Revision ID: notify_01
Revises: feeds_01
Create Date: 2026-12-06 19:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "notify_01"
down_revision = "feeds_01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.String(128), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("link", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("mail", sa.String(16), nullable=False),
        sa.UniqueConstraint("username", "key", name="uq_notification_user_key"),
    )
    op.create_index("ix_notifications_username", "notifications", ["username"])
    op.create_table(
        "notification_prefs",
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("kinds", sa.JSON(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("notification_prefs")
    op.drop_index("ix_notifications_username", "notifications")
    op.drop_table("notifications")

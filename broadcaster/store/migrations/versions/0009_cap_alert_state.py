"""cap_alerts: delivery state (pending until delivered, retryable), the emergency task, expiry, the document

Revision ID: sched_01
Revises: scale_01
Create Date: 2026-11-23 15:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "sched_01"
down_revision = "scale_01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cap_alerts") as batch:
        batch.add_column(sa.Column("state", sa.String(length=16), nullable=False, server_default="delivered"))
        batch.add_column(sa.Column("task_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("detail", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("document", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("cap_alerts") as batch:
        for name in ("document", "expires_at", "detail", "task_id", "state"):
            batch.drop_column(name)

"""approvals bind their audio per language mix; bulletins.approval_id is the approval on air

Editing an approved bulletin used to unschedule it. Now the approval on air (bulletins.approval_id)
keeps its bookings playing with the exact audio it bound (approvals.media, {mix: sha256}) until a
newer version is approved. Approvals given before this revision have media NULL and bind the
bulletin's current scripts, as before.

Revision ID: approved_01
Revises: notify_01
Create Date: 2026-12-06 19:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "approved_01"
down_revision = "notify_01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("approvals") as batch:
        batch.add_column(sa.Column("media", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("scripts", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("stream", sa.Text(), nullable=True))
    with op.batch_alter_table("bulletins") as batch:
        batch.add_column(sa.Column("approval_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("bulletins") as batch:
        batch.drop_column("approval_id")
    with op.batch_alter_table("approvals") as batch:
        batch.drop_column("stream")
        batch.drop_column("scripts")
        batch.drop_column("media")

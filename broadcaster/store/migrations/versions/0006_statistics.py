"""statistics: device samples (presence, telemetry), plays as planned, proof of play as it happened, households

Revision ID: console_01
Revises: programmes_01
Create Date: 2026-11-23 15:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "console_01"
down_revision = "programmes_01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "device_samples",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("online", sa.Boolean(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
    )
    op.create_index("ix_device_samples_device_id", "device_samples", ["device_id"])
    op.create_index("ix_device_samples_at", "device_samples", ["at"])
    op.create_table(
        "planned_plays",
        sa.Column("item_id", sa.String(length=64), primary_key=True),
        sa.Column("zone_id", sa.String(length=64), nullable=False),
        sa.Column("commune", sa.String(length=200), nullable=False),
        sa.Column("bulletin_id", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_planned_plays_zone_id", "planned_plays", ["zone_id"])
    op.create_index("ix_planned_plays_starts_at", "planned_plays", ["starts_at"])
    with op.batch_alter_table("play_reports") as batch:
        batch.add_column(sa.Column("zone_id", sa.String(length=64), nullable=False, server_default=""))
        batch.add_column(sa.Column("outcome", sa.String(length=16), nullable=False, server_default="completed"))
        batch.add_column(sa.Column("played_ms", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("zones") as batch:
        batch.add_column(sa.Column("households_urban", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("households_rural", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("zones") as batch:
        batch.drop_column("households_rural")
        batch.drop_column("households_urban")
    with op.batch_alter_table("play_reports") as batch:
        batch.drop_column("played_ms")
        batch.drop_column("outcome")
        batch.drop_column("zone_id")
    op.drop_index("ix_planned_plays_starts_at", "planned_plays")
    op.drop_index("ix_planned_plays_zone_id", "planned_plays")
    op.drop_table("planned_plays")
    op.drop_index("ix_device_samples_at", "device_samples")
    op.drop_index("ix_device_samples_device_id", "device_samples")
    op.drop_table("device_samples")

"""indexes for the statistics and the planner at province and country scale

play_reports grows by ~15 M rows a year per province (docs/scaling.md): the statistics
read it by time and by bulletin; the planner and the command status read devices by zone.

Revision ID: scale_01
Revises: 0007_media_scripts_sha
Create Date: 2026-11-23 15:40:00
"""

from __future__ import annotations

from alembic import op

revision = "scale_01"
down_revision = "0007_media_scripts_sha"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_play_reports_started", "play_reports", ["started"]),
    ("ix_play_reports_bulletin_id", "play_reports", ["bulletin_id"]),
    ("ix_devices_zone_id", "devices", ["zone_id"]),
    ("ix_commands_expires_at", "commands", ["expires_at"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)

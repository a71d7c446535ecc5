"""zones.timetable: a zone's daily amplifier on/off windows and volume steps (issue 14 #5)

Revision ID: remote_01
Revises: dev_02
Create Date: 2026-11-23 18:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "remote_01"
down_revision = "dev_02"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("zones") as batch:
        batch.add_column(sa.Column("timetable", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("zones") as batch:
        batch.drop_column("timetable")

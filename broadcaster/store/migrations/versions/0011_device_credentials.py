"""devices: broker password hash (Mosquitto format) and when it was issued, from the console

Revision ID: dev_02
Revises: web_01
Create Date: 2026-11-23 18:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "dev_02"
down_revision = "web_01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("mqtt_password_hash", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("credentials_issued", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("credentials_issued")
        batch.drop_column("mqtt_password_hash")

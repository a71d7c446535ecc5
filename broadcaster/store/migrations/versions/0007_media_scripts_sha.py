"""media_assets.scripts_sha256: the exact scripts (every language) a rendering was made from

Approvals bind this rendering's sha256; older renderings have no value here, so bulletins
approved before this revision must be rendered and approved again (fail closed).

Revision ID: 0007_media_scripts_sha
Revises: console_01
Create Date: 2026-11-23 14:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_media_scripts_sha"
down_revision = "console_01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("media_assets") as batch:
        batch.add_column(sa.Column("scripts_sha256", sa.String(length=64), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("media_assets") as batch:
        batch.drop_column("scripts_sha256")

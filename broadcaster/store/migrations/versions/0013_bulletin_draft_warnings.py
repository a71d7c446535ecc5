"""bulletins.draft_warnings: the drafter's doubts an approver must acknowledge one by one

Revision ID: review_01
Revises: remote_01
Create Date: 2026-11-23 18:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "review_01"
down_revision = "remote_01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("bulletins") as batch:
        batch.add_column(sa.Column("draft_warnings", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("bulletins") as batch:
        batch.drop_column("draft_warnings")

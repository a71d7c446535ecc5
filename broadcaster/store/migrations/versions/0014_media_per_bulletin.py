"""media_assets keyed by (sha256, bulletin_id): the same bytes may be two bulletins' audio

A notice repeated word for word renders to identical bytes. Keyed by sha256 alone, the second
bulletin's rendering overwrote the first's binding (un-approving it) and the second could never
be approved. The file stays stored once; each bulletin has its own row.

Revision ID: media_02
Revises: review_01
Create Date: 2026-11-23 18:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "media_02"
down_revision = "review_01"
branch_labels = None
depends_on = None

COLUMNS = (
    "sha256, bulletin_id, language, script_sha256, scripts_sha256, codec, extension, bytes, duration_ms,"
    " loudness_lufs, true_peak_dbtp, created_at"
)


def _table(name: str, key: list[str]) -> None:
    op.create_table(
        name,
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("bulletin_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("script_sha256", sa.String(length=64), nullable=False),
        sa.Column("scripts_sha256", sa.String(length=64), nullable=False, server_default=""),
        sa.Column("codec", sa.String(length=16), nullable=False),
        sa.Column("extension", sa.String(length=8), nullable=False),
        sa.Column("bytes", sa.Integer(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("loudness_lufs", sa.Float(), nullable=True),
        sa.Column("true_peak_dbtp", sa.Float(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["bulletin_id"], ["bulletins.id"]),
        sa.PrimaryKeyConstraint(*key),
    )


def _rebuild(key: list[str]) -> None:
    """A new table with the new key, the rows copied over: SQLite cannot change a primary key in
    place, and a reflected SQLite key has no name to drop."""
    _table("media_assets_new", key)
    op.execute(f"INSERT INTO media_assets_new ({COLUMNS}) SELECT {COLUMNS} FROM media_assets")  # noqa: S608 - constant column names
    op.drop_table("media_assets")
    op.rename_table("media_assets_new", "media_assets")


def upgrade() -> None:
    _rebuild(["sha256", "bulletin_id"])
    op.create_index("ix_media_assets_sha256", "media_assets", ["sha256"])


def downgrade() -> None:
    op.drop_index("ix_media_assets_sha256", table_name="media_assets")
    _rebuild(["sha256"])  # fails if two bulletins share audio, as it must: that is what the old key could not hold

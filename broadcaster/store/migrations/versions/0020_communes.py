"""communes: a record per commune with its display name

Zones and users referred to communes by free text; an official's commune typed as "Tân Lập"
for the zones' "tan-lap" matched nothing. Every commune a zone or a user names becomes a row
(its name is its id until an admin gives it one); the console then offers a list.

Revision ID: communes_01
Revises: approved_01
Create Date: 2026-12-06 19:35:00
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "communes_01"
down_revision = "approved_01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "communes",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, server_default=""),
    )
    bind = op.get_bind()
    known: set[str] = set()
    for (commune,) in bind.execute(sa.text("SELECT DISTINCT commune FROM zones")):
        if commune:
            known.add(str(commune)[:64])
    for (communes,) in bind.execute(sa.text("SELECT communes FROM users")):
        values = json.loads(communes) if isinstance(communes, str) else communes
        known.update(str(c)[:64] for c in values or [] if c)
    if known:
        op.bulk_insert(table, [{"id": c, "name": c} for c in sorted(known)])


def downgrade() -> None:
    op.drop_table("communes")

"""command_acks: a row per device's ack, instead of a JSON object per command (issue 21)

Every batch of acks the report writer stored rewrote the command's whole `acks` object: an
emergency to 10,000 speakers wrote a growing object again and again (quadratic bytes), and two
workers took turns on the command's row lock. Each ack is now a row, inserted once.

The acks move from the JSON column into rows, a page of commands at a time, and the column is
dropped: nothing outside the service read it (the console, the API and the statistics go
through `broadcaster.app.tasks`). Moved acks have no `received_at` (their arrival was not
recorded). The downgrade writes the rows back into the column.

Revision ID: acks_01
Revises: communes_01
Create Date: 2026-12-06 21:45:00
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "acks_01"
down_revision = "communes_01"
branch_labels = None
depends_on = None

PAGE = 500  # commands read at a time: a province's emergency carries 10,000 acks


def upgrade() -> None:
    table = op.create_table(
        "command_acks",
        sa.Column("command_id", sa.String(64), sa.ForeignKey("commands.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("device_id", sa.String(64), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(32), nullable=True),
        sa.Column("at", sa.String(40), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=True),
    )
    bind = op.get_bind()
    page = sa.text("SELECT id, acks FROM commands WHERE id > :after ORDER BY id LIMIT :page")
    after = ""
    while commands := bind.execute(page, {"after": after, "page": PAGE}).all():
        rows = [row for command_id, acks in commands for row in _rows(command_id, acks)]
        if rows:
            op.bulk_insert(table, rows)
        after = commands[-1][0]
    op.drop_column("commands", "acks")  # SQLite ≥ 3.35 drops a column in place; no table rebuild


def _rows(command_id: str, acks: Any) -> list[dict[str, Any]]:
    """The JSON column's {device: {status, reason, at}} as rows (a driver may hand it back as text)."""
    acks = json.loads(acks) if isinstance(acks, str) else acks
    rows = []
    for device, ack in (acks or {}).items():
        ack = ack if isinstance(ack, dict) else {}
        rows.append(
            {
                "command_id": command_id,
                "device_id": str(device)[:64],
                "status": str(ack.get("status") or "")[:16],
                "reason": None if ack.get("reason") is None else str(ack["reason"])[:32],
                "at": None if ack.get("at") is None else str(ack["at"])[:40],
                "received_at": None,
            }
        )
    return rows


def downgrade() -> None:
    op.add_column("commands", sa.Column("acks", sa.JSON(), nullable=False, server_default="{}"))
    bind = op.get_bind()
    acks: dict[str, dict[str, Any]] = {}
    for command_id, device, status, reason, at in bind.execute(
        sa.text("SELECT command_id, device_id, status, reason, at FROM command_acks ORDER BY command_id, device_id")
    ):
        acks.setdefault(command_id, {})[device] = {"status": status, "reason": reason, "at": at}
    commands = sa.table("commands", sa.column("id", sa.String), sa.column("acks", sa.JSON))
    if acks:  # the JSON type encodes each object, on either database
        bind.execute(
            sa.update(commands)
            .where(commands.c.id == sa.bindparam("command"))
            .values(acks=sa.bindparam("by_device", type_=sa.JSON)),
            [{"command": c, "by_device": by_device} for c, by_device in acks.items()],
        )
    op.drop_table("command_acks")

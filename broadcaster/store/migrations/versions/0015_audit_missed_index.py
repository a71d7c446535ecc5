"""an index to find a device's `missed` report in the audit log

A missed item (the amplifier was off) has no play report row: its `device.missed` audit event
is the record. A device sends its reports again after a `sync {plays_since}`, and the service
looks each one up by action and subject before auditing it, so it is audited once; without an
index that look-up reads the whole audit log.

Revision ID: missed_01
Revises: media_02
Create Date: 2026-11-24 10:00:00
"""

from __future__ import annotations

from alembic import op

revision = "missed_01"
down_revision = "media_02"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_audit_events_action_subject", "audit_events", ["action", "subject"])


def downgrade() -> None:
    op.drop_index("ix_audit_events_action_subject", table_name="audit_events")

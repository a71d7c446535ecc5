"""Revision acks_01 on a store with JSON acks, SQLite and PostgreSQL alike: every ack becomes a
row, the JSON column goes, and the downgrade puts the acks back where they were."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text

from broadcaster.store.engine import Store, alembic_config
from tests.conftest import store_url

COMMANDS = 520  # more than the migration's page of 500 commands


def _acks(n: int) -> dict[str, dict[str, str | None]]:
    """Command n's acks: none for every fifth, a rejection among them for the others."""
    if n % 5 == 0:
        return {}
    acks: dict[str, dict[str, str | None]] = {
        f"loa-{d}": {"status": "ok", "reason": None, "at": "2026-12-01T07:00:00Z"} for d in range(n % 4)
    }
    acks["loa-x"] = {"status": "rejected", "reason": "expired", "at": None}
    return acks


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_json_acks_become_rows_and_come_back_on_downgrade(kind: str, tmp_path: Path) -> None:
    store = Store(store_url(kind, tmp_path))
    with store.engine.begin() as connection:
        config = alembic_config(store.url)
        config.attributes["connection"] = connection
        command.upgrade(config, "communes_01")
        connection.execute(
            text(
                "INSERT INTO commands (id, kind, target, body, sent_at, expires_at, acks, attempts)"
                " VALUES (:id, 'play', 'zone/z1', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, :acks, 1)"
            ),
            [{"id": f"c{n:04d}", "acks": json.dumps(_acks(n))} for n in range(COMMANDS)],
        )
    expected = {
        (f"c{n:04d}", device, a["status"], a["reason"], a["at"]) for n in range(COMMANDS) for device, a in _acks(n).items()
    }
    with store.engine.begin() as connection:
        config = alembic_config(store.url)
        config.attributes["connection"] = connection
        command.upgrade(config, "acks_01")
        rows = connection.execute(text("SELECT command_id, device_id, status, reason, at, received_at FROM command_acks")).all()
        assert {tuple(r[:5]) for r in rows} == expected and len(rows) == len(expected)
        assert {r[5] for r in rows} == {None}  # their arrival was not recorded
        assert "acks" not in {c["name"] for c in inspect(connection).get_columns("commands")}

        command.downgrade(config, "communes_01")
        back = connection.execute(text("SELECT id, acks FROM commands ORDER BY id")).all()
        assert [(i, json.loads(a) if isinstance(a, str) else a) for i, a in back] == [
            (f"c{n:04d}", _acks(n)) for n in range(COMMANDS)
        ]
        assert "command_acks" not in inspect(connection).get_table_names()
        command.upgrade(config, "head")
        assert connection.execute(text("SELECT count(*) FROM command_acks")).scalar() == len(expected)
    store.close()

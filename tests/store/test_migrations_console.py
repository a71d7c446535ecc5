"""Revisions approved_01 and communes_01 on a store with data, SQLite and PostgreSQL alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from broadcaster.store.engine import Store, alembic_config
from tests.conftest import store_url


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_communes_are_backfilled_and_approvals_gain_their_binding(kind: str, tmp_path: Path) -> None:
    store = Store(store_url(kind, tmp_path))
    with store.engine.begin() as connection:
        config = alembic_config(store.url)
        config.attributes["connection"] = connection
        command.upgrade(config, "feeds_01")
        connection.execute(
            text(
                "INSERT INTO zones (id, name, commune, timezone, slots, quiet, languages, max_plays_per_day, "
                "households_urban, households_rural) VALUES ('thon-1', 'Thôn 1', 'tan-lap', 'Asia/Ho_Chi_Minh', "
                "'[]', '[]', '[\"vi\"]', 10, 0, 0)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO users (username, display_name, role, password_hash, communes, languages, active) "
                "VALUES ('canbo', 'Cán bộ', 'official', '', '[\"xa-b\", \"tan-lap\"]', '[]', true)"
            )
        )
    with store.engine.begin() as connection:
        config = alembic_config(store.url)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        rows = connection.execute(text("SELECT id, name FROM communes ORDER BY id")).all()
        assert [tuple(r) for r in rows] == [("tan-lap", "tan-lap"), ("xa-b", "xa-b")]
        connection.execute(text("SELECT media, scripts, stream FROM approvals")).all()
        connection.execute(text("SELECT approval_id FROM bulletins")).all()
        command.downgrade(config, "feeds_01")
        command.upgrade(config, "head")

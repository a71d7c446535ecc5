"""The store has the indexes the statistics and planner queries need, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect

from broadcaster.store.engine import Store, open_store
from tests.conftest import store_url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    store = open_store(store_url(request.param, tmp_path))
    yield store
    store.close()


def test_scale_indexes_exist(store: Store) -> None:
    inspector = inspect(store.engine)

    def indexed(table: str) -> set[tuple[str, ...]]:
        return {tuple(i["column_names"]) for i in inspector.get_indexes(table)}

    assert {("started",), ("bulletin_id",)} <= indexed("play_reports")
    assert ("zone_id",) in indexed("devices")
    assert ("expires_at",) in indexed("commands")

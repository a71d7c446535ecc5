from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import Document
from tests.conftest import postgres_schema_url, store_url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    url = store_url(request.param, tmp_path)
    store = open_store(url)
    yield store  # type: ignore[misc]
    store.close()


def test_migrations_create_every_table(store: Store) -> None:
    tables = set(inspect(store.engine).get_table_names())
    assert {
        "documents",
        "bulletins",
        "script_versions",
        "approvals",
        "media_assets",
        "zones",
        "devices",
        "bookings",
        "play_reports",
        "audit_events",
        "users",
        "ingest_failures",
        "command_acks",
        "alembic_version",
    } <= tables
    assert "timetable" in {c["name"] for c in inspect(store.engine).get_columns("zones")}  # remote_01
    assert {"mqtt_password_hash", "credentials_issued"} <= {c["name"] for c in inspect(store.engine).get_columns("devices")}
    assert "draft_warnings" in {c["name"] for c in inspect(store.engine).get_columns("bulletins")}  # review_01
    assert "feed" in {c["name"] for c in inspect(store.engine).get_columns("documents")}  # feeds_01
    assert "ix_audit_events_action_subject" in {i["name"] for i in inspect(store.engine).get_indexes("audit_events")}  # missed_01
    open_store(store.url)  # migrating twice changes nothing


def test_document_number_and_issuer_are_unique(store: Store) -> None:
    doc = dict(number="1/2026/NĐ-CP", issuer="Chính phủ", doc_type="Nghị định", title="T", text="x", issued_on=date(2026, 1, 1))
    with store.session() as s:
        s.add(Document(sha256="a" * 64, **doc))
    with pytest.raises(IntegrityError), store.session() as s:
        s.add(Document(sha256="b" * 64, **doc))
    with store.session() as s:
        row = s.query(Document).one()
        assert row.issued_on == date(2026, 1, 1) and row.title == "T"


def test_media_rows_survive_the_move_to_a_per_bulletin_key(tmp_path: Path) -> None:
    """Upgrading a store that already holds audio keeps every row, and afterwards the same bytes
    can belong to a second bulletin (migration media_02)."""
    from alembic import command

    from broadcaster.store.engine import alembic_config

    for url in (f"sqlite:///{tmp_path / 'old.db'}", postgres_schema_url()):
        old = Store(url)
        with old.engine.begin() as connection:
            config = alembic_config(old.url)
            config.attributes["connection"] = connection
            command.upgrade(config, "remote_01")
            connection.execute(
                text(
                    "INSERT INTO bulletins (id, title, state, flagged, created_at, updated_at, kind)"
                    " VALUES (1, 'a', 'approved', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'document'),"
                    " (2, 'b', 'draft', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'document')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO media_assets (sha256, bulletin_id, language, script_sha256, scripts_sha256, codec,"
                    " extension, bytes, duration_ms, created_at) VALUES ('s', 1, 'vi', 'x', 'y', 'mp3', 'mp3', 10, 1000,"
                    " CURRENT_TIMESTAMP)"
                )
            )
        old.engine.dispose()
        store = open_store(url)
        with store.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO media_assets (sha256, bulletin_id, language, script_sha256, scripts_sha256, codec,"
                    " extension, bytes, duration_ms, created_at) VALUES ('s', 2, 'vi', 'x', 'z', 'mp3', 'mp3', 10, 1000,"
                    " CURRENT_TIMESTAMP)"
                )
            )
            rows = connection.execute(text("SELECT bulletin_id, scripts_sha256 FROM media_assets ORDER BY bulletin_id")).all()
        assert [tuple(r) for r in rows] == [(1, "y"), (2, "z")]
        with pytest.raises(IntegrityError), store.engine.begin() as connection:  # still one row per bulletin and bytes
            connection.execute(
                text(
                    "INSERT INTO media_assets (sha256, bulletin_id, language, script_sha256, scripts_sha256, codec,"
                    " extension, bytes, duration_ms, created_at) VALUES ('s', 2, 'vi', 'x', 'q', 'mp3', 'mp3', 10, 1000,"
                    " CURRENT_TIMESTAMP)"
                )
            )
        store.close()


def test_the_migrations_form_one_line() -> None:
    """Two migrations on the same parent (parallel work landing) would leave two heads, and
    every store would refuse to open."""
    from alembic.script import ScriptDirectory

    from broadcaster.store.engine import alembic_config

    assert len(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads()) == 1

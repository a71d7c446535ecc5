from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from broadcaster.models import Document
from broadcaster.store import Store, open_store
from tests.conftest import POSTGRES_URL, port_open


def _postgres_url() -> str:
    if not port_open("127.0.0.1", 5432):
        pytest.fail("PostgreSQL is not listening on 127.0.0.1:5432 (.ci/run starts it)")
    schema = f"t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    admin.dispose()
    return f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    url = f"sqlite:///{tmp_path / 'store.db'}" if request.param == "sqlite" else _postgres_url()
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
        "alembic_version",
    } <= tables
    assert "timetable" in {c["name"] for c in inspect(store.engine).get_columns("zones")}  # remote_01
    assert {"mqtt_password_hash", "credentials_issued"} <= {c["name"] for c in inspect(store.engine).get_columns("devices")}
    assert "draft_warnings" in {c["name"] for c in inspect(store.engine).get_columns("bulletins")}  # review_01
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

"""Acks stored as rows (issue 21), on SQLite and PostgreSQL: a batch inserts its devices' acks
and touches nothing an earlier batch stored; an ack a device sends again changes nothing."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from broadcaster.app import tasks
from broadcaster.service.report_rows import store_reports
from broadcaster.service.reports import Report
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import CommandAck, CommandRow, DeviceRow, ZoneRow
from devices.protocol import iso
from tests.conftest import store_url

COMMAND = "e1" * 16  # a message id as the server makes them (32 hex digits)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    store = open_store(store_url(request.param, tmp_path))
    with store.session() as s:
        s.add(ZoneRow(id="z1", name="Thôn 1", commune="Xã thử", slots=[], quiet=[], languages=["vi"]))
        s.flush()
        s.add_all(DeviceRow(id=f"d{i}", zone_id="z1", online=True) for i in range(1, 5))
        s.add(
            CommandRow(id=COMMAND, kind="play", target="zone/z1", body={}, expires_at=datetime.now(UTC) + timedelta(minutes=10))
        )
    yield store
    store.close()


def _ack(device: str, status: str = "ok", reason: str | None = None, command: str = COMMAND) -> Report:
    return Report("ack", device, {"id": command, "status": status, "reason": reason, "at": iso(time.time())})


def _rows(store: Store) -> dict[str, tuple[str, str | None, datetime | None]]:
    with store.session() as s:
        found = s.execute(
            select(CommandAck.device_id, CommandAck.status, CommandAck.reason, CommandAck.received_at).where(
                CommandAck.command_id == COMMAND
            )
        )
        return {device: (status, reason, received) for device, status, reason, received in found}


def test_a_second_batch_adds_its_acks_without_rewriting_the_first(store: Store) -> None:
    with store.session() as s:
        store_reports(s, [_ack("d1"), _ack("d2", "rejected", "expired")])
    first = _rows(store)
    assert {d: r[:2] for d, r in first.items()} == {"d1": ("ok", None), "d2": ("rejected", "expired")}

    statements: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        with store.session() as s:  # d2 sends its ack again (the protocol allows it), d3 acks for the first time
            store_reports(s, [_ack("d2", "ok", "duplicate"), _ack("d3"), _ack("d3")])
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)

    rows = _rows(store)
    assert {d: r[:2] for d, r in rows.items()} == {"d1": ("ok", None), "d2": ("rejected", "expired"), "d3": ("ok", None)}
    assert rows["d1"] == first["d1"] and rows["d2"] == first["d2"]  # the first batch's rows, as they were
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(CommandAck)) == 3  # one row per device
    writes = [(q, p) for q, p in statements if q.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes and all(q.lstrip().startswith("INSERT INTO command_acks") for q, _ in writes), writes  # nothing else
    assert not [p for _, p in writes if "d1" in str(p)], "the first batch's ack was written again"


def test_acks_of_an_unknown_command_are_not_stored_and_progress_reads_the_rows(store: Store) -> None:
    with store.session() as s:
        store_reports(s, [_ack("d1"), _ack("d2", "rejected", "expired"), _ack("d3", command="f0" * 16)])
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(CommandAck)) == 2
        assert tasks.acked_devices(s, COMMAND) == {"d1", "d2"}
        assert tasks.anyone_acked(s, [COMMAND]) and not tasks.anyone_acked(s, ["f0" * 16])
        assert tasks.command_progress(s, [COMMAND]) == {
            "d1": "acked",
            "d2": "rejected: expired",
            "d3": "waiting",
            "d4": "waiting",
        }


@pytest.mark.postgres
def test_two_workers_storing_the_same_acks_at_once_keep_one_row_each_and_neither_fails(tmp_path: Path) -> None:
    """With shared subscriptions a re-sent ack may reach another worker while the first one's
    transaction is still open: the second waits for it, then inserts nothing, whatever order its
    batch came in."""
    store = open_store(store_url("postgres", tmp_path))
    with store.session() as s:
        s.add(CommandRow(id=COMMAND, kind="play", target="dev/d1", body={}, expires_at=datetime.now(UTC) + timedelta(minutes=10)))
    done: list[str] = []
    with store.session() as first:
        store_reports(first, [_ack("d2"), _ack("d1")])
        first.flush()
        second = threading.Thread(target=lambda: _store_and_say(store, [_ack("d1"), _ack("d2"), _ack("d3")], done))
        second.start()
        second.join(1.0)
        assert second.is_alive(), "the second worker did not wait for the first one's rows"
    second.join(30)
    assert done == ["stored"]
    assert set(_rows(store)) == {"d1", "d2", "d3"}
    store.close()


def _store_and_say(store: Store, batch: list[Report], done: list[str]) -> None:
    with store.session() as s:
        store_reports(s, batch)
    done.append("stored")

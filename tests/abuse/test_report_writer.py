"""The report writer survives any report (issue 22 #1), on SQLite and PostgreSQL.

A report the store cannot take — whatever slipped past the protocol edge: a lone surrogate in
any field, a value out of a column's range, a handler bug — used to kill the writer thread (it
caught only database errors) and, never acknowledged, came back after every restart. Now the
batch is stored one report at a time: every other report is stored, the bad one is logged,
counted and acknowledged once, and the thread goes on. Hypothesis places bad reports among good
ones; nothing good is lost.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from broadcaster.service.report_rows import store_reports
from broadcaster.service.reports import Report, ReportWriter
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import DeviceRow, PlayReport, ZoneRow
from devices.protocol import iso
from tests.abuse.test_device_messages import TRIED
from tests.conftest import store_url, wait_for

ABUSE = settings.get_profile("abuse")
NOW = iso(time.time())


def _played(item: str, **changes: Any) -> dict[str, Any]:
    body = {
        "item": item,
        "bulletin": "7",
        "sha256": "a" * 64,
        "started": NOW,
        "ended": NOW,
        "volume": 80,
        "priority": "normal",
        "outcome": "completed",
        "played_ms": 1000,
    }
    return body | changes


# what the store refuses on its own, whatever the database (a JSON column may escape a surrogate)
BAD = {
    "surrogate in bulletin": ("played", _played("x", bulletin="\ud800")),
    "surrogate in sha256": ("played", _played("x", sha256="\udfff" * 64)),
    "surrogate in item": ("played", _played("\ud800x")),
    "surrogate in ack id": ("ack", {"id": "\ud800", "status": "ok", "reason": None, "at": NOW}),
    "started not a time": ("played", _played("x", started="not a time")),
    "volume beyond a column": ("played", _played("x", volume=2**70)),
    "missing field": ("played", {"item": "x"}),
}


@pytest.fixture(params=["sqlite", "postgres"], scope="module")
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = open_store(store_url(request.param, tmp_path_factory.mktemp("writer")))
    with store.session() as s:
        s.add(ZoneRow(id="z1", name="Z", commune="X", slots=[], quiet=[], languages=["vi"]))
        s.flush()
        s.add(DeviceRow(id="d1", zone_id="z1"))
    return store


def _plays(store: Store, prefix: str) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(PlayReport).where(PlayReport.item_id.like(f"{prefix}%"))) or 0)


@settings(ABUSE, max_examples=min(ABUSE.max_examples, 25))
@given(
    bad=st.lists(st.sampled_from(sorted(BAD)), min_size=1, max_size=4),
    good=st.integers(1, 30),
    where=st.randoms(use_true_random=False),
)
def test_bad_reports_among_good_ones_lose_nothing_good(store: Store, bad: list[str], good: int, where: Any) -> None:
    prefix = f"g{time.time_ns()}-"
    acked: Counter[str] = Counter()
    reports = [Report("played", "d1", _played(f"{prefix}{i}"), lambda i=i: acked.update([f"good{i}"])) for i in range(good)]
    for n, name in enumerate(bad):
        kind, body = BAD[name]
        reports.insert(where.randint(0, len(reports)), Report(kind, "d1", body, lambda n=n: acked.update([f"bad{n}"])))
    writer = ReportWriter(store, store_reports, every_s=0.05).start()
    try:
        for report in reports:
            writer.put(report.kind, report.device, report.body, report.done)
        assert writer.flush(30)
        assert writer._thread is not None and writer._thread.is_alive()
        assert _plays(store, prefix) == good  # every good report stored
        assert writer.unstorable == len(bad)  # every bad one counted
        assert acked == Counter({**{f"good{i}": 1 for i in range(good)}, **{f"bad{n}": 1 for n in range(len(bad))}})
        # and the writer still stores what comes next
        writer.put("played", "d1", _played(f"{prefix}after"))
        assert wait_for(lambda: _plays(store, prefix) == good + 1, 10)
    finally:
        writer.stop()
    for name in bad:
        TRIED[f"writer/{name}"] += 1
    TRIED["writer/good-stored"] += good


def test_an_unreachable_database_is_retried_not_dropped(tmp_path: Path) -> None:
    """An operational error (the database away) keeps the reports and tries again."""
    from sqlalchemy.exc import OperationalError

    store = open_store(store_url("sqlite", tmp_path))
    calls: list[int] = []
    stored: list[str] = []

    def flaky(session: Session, batch: list[Report]) -> None:
        calls.append(len(batch))
        if len(calls) <= 2:
            raise OperationalError("SELECT 1", {}, Exception("server closed the connection"))
        stored.extend(r.body["item"] for r in batch)

    writer = ReportWriter(store, flaky, every_s=0.02).start()
    try:
        for i in range(5):
            writer.put("played", "d1", {"item": f"i{i}"})
        assert writer.flush(20)
    finally:
        writer.stop()
    assert stored == [f"i{i}" for i in range(5)] and writer.unstorable == 0 and writer.failures == 2


def test_a_handler_bug_on_one_report_keeps_the_others(tmp_path: Path) -> None:
    store = open_store(store_url("sqlite", tmp_path))
    stored: list[str] = []

    def buggy(session: Session, batch: list[Report]) -> None:
        if any(r.body["item"] == "boom" for r in batch):
            raise KeyError("boom")
        stored.extend(r.body["item"] for r in batch)

    writer = ReportWriter(store, buggy, every_s=0.02).start()
    try:
        for item in ["a", "boom", "b"]:
            writer.put("played", "d1", {"item": item})
        assert writer.flush(20)
    finally:
        writer.stop()
    assert sorted(stored) == ["a", "b"] and writer.unstorable == 1

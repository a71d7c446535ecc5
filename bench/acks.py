"""Storing one command's acks batch after batch, as the report writer does after an emergency.

10,000 acks of one command go through `store_reports` in batches of 100, 500 and 2,000 (the
writer's batch is what arrived in its 0.1 s window, up to 2,000), into a SQLite file, or a
PostgreSQL schema of its own with `BENCH_DATABASE_URL`:

- `acks_store_s_B`: all 10,000, batch size B.
- `first_batch_ms_B` / `last_batch_ms_B`: the first batch and the last. While acks were one JSON
  object per command, rewritten whole by every batch (before issue 21), the last batch of 100
  cost 2–8 × the first; a row per ack, it costs the same. A row costs more than a JSON entry,
  though: in batches of 2,000 (five rewrites) the JSON object was as fast on SQLite and about
  twice as fast on PostgreSQL (0.8 s against 1.8 s, loaded machine).
"""

from __future__ import annotations

import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.fanout import bench_store
from broadcaster.service.report_rows import store_reports
from broadcaster.service.reports import Report
from broadcaster.store.engine import Store
from broadcaster.store.models import CommandRow, ZoneRow
from devices.protocol import iso

ACKS = 10_000
BATCHES = (100, 500, 2000)


def _one_command(store: Store, size: int) -> list[float]:
    """Seconds per batch for the acks of a new command, `size` at a time."""
    command = uuid.uuid4().hex
    with store.session() as s:
        s.add(CommandRow(id=command, kind="play", target="zone/z", body={}, expires_at=datetime.now(UTC) + timedelta(minutes=10)))
    at = iso(time.time())
    spent = []
    for start in range(0, ACKS, size):
        batch = [
            Report("ack", f"loa-{i:05d}", {"id": command, "status": "ok", "reason": None, "at": at})
            for i in range(start, min(ACKS, start + size))
        ]
        began = time.perf_counter()
        with store.session() as s:
            store_reports(s, batch)
        spent.append(time.perf_counter() - began)
    return spent


def run(quick: bool = False) -> tuple[dict[str, float], dict[str, float]]:
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        store = bench_store(Path(folder), "acks")
        with store.session() as s:
            s.add(ZoneRow(id="z", name="Z", commune="X", slots=[], quiet=[], languages=["vi"]))
        for size in BATCHES:
            spent = _one_command(store, size)
            figures[f"acks_store_s_{size}"] = round(sum(spent), 2)
            figures[f"first_batch_ms_{size}"] = round(spent[0] * 1000, 1)
            figures[f"last_batch_ms_{size}"] = round(spent[-1] * 1000, 1)
        store.close()
    return figures, {}

"""Acks and proofs of play from a burst of devices are stored by the real service, in batches,
on SQLite and PostgreSQL; stopping the service stores what it holds (nothing lost)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from broadcaster.config import Settings
from broadcaster.service.core import Service
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import CommandAck, CommandRow, DeviceRow, PlayReport, ZoneRow
from devices.background import free_port
from devices.bridges import broker_config
from devices.mqtt import connect, make_client
from devices.protocol import Topics, iso
from devices.sim.mosquitto import MosquittoProcess
from tests.conftest import ROOT, store_url, wait_for

pytestmark = pytest.mark.slow
BURST = 1000  # speakers: an ack and a proof of play each, 2,000 reports
BURST_ID = "c0" * 16  # a message id as the server makes them (32 hex digits)
ZONE = "z-burst"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = store_url(request.param, tmp_path)
    store = open_store(url)
    with store.session() as s:
        s.add(ZoneRow(id=ZONE, name="Burst", commune="Xã thử", slots=[], quiet=[], languages=["vi"]))
        s.flush()
        s.add_all(DeviceRow(id=f"d-{i:04d}", zone_id=ZONE) for i in range(BURST))
        s.add(
            CommandRow(
                id=BURST_ID, kind="play", target=f"zone/{ZONE}", body={}, expires_at=datetime.now(UTC) + timedelta(minutes=10)
            )
        )
    yield store
    store.close()


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[str]:
    """A Mosquitto configured as docs/scaling.md says for the service's broker: reports are
    PUBACKed only once stored, so it must let many be in flight (the default 20 would make
    the service wait a commit per 20 reports)."""
    port = free_port()
    conf = tmp_path / "mosquitto.conf"
    conf.write_text(broker_config(port))
    with MosquittoProcess(conf, port) as process:
        yield process.url


def _burst(url: str, topics: Topics) -> None:
    """What the speakers say after an emergency: an ack each and a proof of play each."""
    client = make_client(f"burst-{uuid.uuid4().hex[:8]}")
    client.max_inflight_messages_set(1000)
    client.max_queued_messages_set(0)
    connect(client, url)
    now = time.time()
    infos = []
    for i in range(BURST):
        device = f"d-{i:04d}"
        ack = {"id": BURST_ID, "device": device, "status": "ok", "reason": None, "at": iso(now)}
        played = {
            "device": device,
            "item": "em-1",
            "bulletin": "7",
            "sha256": "a" * 64,
            "started": iso(now),
            "ended": iso(now + 8),
            "volume": 80,
            "priority": "emergency",
            "outcome": "completed",
            "played_ms": 8000,
        }
        infos.append(client.publish(topics.ack(device), json.dumps(ack).encode(), qos=1))
        infos.append(client.publish(topics.played(device), json.dumps(played).encode(), qos=1))
    for info in infos:
        info.wait_for_publish(30)
    client.disconnect()
    client.loop_stop()


def _stored(store: Store) -> tuple[int, int]:
    with store.session() as s:
        acks = s.scalar(select(func.count()).select_from(CommandAck).where(CommandAck.command_id == BURST_ID))
        plays = s.scalar(select(func.count()).select_from(PlayReport).where(PlayReport.item_id == "em-1"))
        return int(acks or 0), int(plays or 0)


def _service(tmp_path: Path, store: Store, url: str) -> Service:
    prefix = f"loa/burst-{uuid.uuid4().hex[:8]}"
    settings = Settings(data_dir=tmp_path / "data", topic_prefix=prefix, server_client_id=f"srv-{prefix}", media_port=free_port())
    return Service(settings, store, url)


def test_a_burst_of_acks_and_plays_is_stored_in_batches(store: Store, broker: str, tmp_path: Path) -> None:
    service = _service(tmp_path, store, broker).start()
    try:
        _burst(broker, service.topics)
        assert wait_for(lambda: _stored(store) == (BURST, BURST), 45), _stored(store)
        # the rows are visible once committed; the writer counts a batch after its PUBACKs
        assert wait_for(lambda: service.reports.stored == 2 * BURST, 20), service.reports.stored
        assert service.reports.batches <= 2 * BURST / 10, f"{service.reports.batches} transactions for {2 * BURST} reports"
        with store.session() as s:
            assert s.get(DeviceRow, "d-0042").state["last_play"] == "em-1"  # type: ignore[union-attr]
        _burst(broker, service.topics)  # resent after a reconnect: stored once
        assert wait_for(lambda: service.reports.stored == 4 * BURST, 45)
        assert _stored(store) == (BURST, BURST)
    finally:
        service.stop()


def test_stopping_the_service_stores_what_it_holds(store: Store, broker: str, tmp_path: Path) -> None:
    service = _service(tmp_path, store, broker)
    service.reports.every_s = service.reports.idle_s = 60.0  # nothing is written before stop()
    service.reports.max_rows = 10 * BURST
    service.start()
    try:
        _burst(broker, service.topics)
        assert wait_for(lambda: service.reports.queued == 2 * BURST, 45), service.reports.queued
        assert _stored(store) == (0, 0)
    finally:
        service.stop()
    assert _stored(store) == (BURST, BURST)


def test_a_killed_service_loses_no_report(store: Store, broker: str, tmp_path: Path) -> None:
    """Reports are PUBACKed only once stored: those a killed service held come back to its session."""
    prefix = f"loa/kill-{uuid.uuid4().hex[:8]}"
    settings = Settings(data_dir=tmp_path / "data", topic_prefix=prefix, server_client_id=f"srv-{prefix}", media_port=free_port())
    script = (
        "import time\n"
        "from broadcaster.config import Settings\n"
        "from broadcaster.service.core import Service\n"
        "from broadcaster.store.engine import Store\n"
        "from pathlib import Path\n"
        f"settings = Settings(data_dir=Path({str(settings.data_dir)!r}), topic_prefix={prefix!r}, "
        f"server_client_id={settings.server_client_id!r}, media_port={free_port()})\n"
        f"service = Service(settings, Store({store.url!r}), {broker!r})\n"
        "service.reports.every_s = service.reports.idle_s = 600.0\n"
        "service.reports.max_rows = 10**6\n"
        "service.start()\n"
        "print('ready', flush=True)\n"
        "seen, still = -1, 0\n"
        "while still < 20:\n"
        "    time.sleep(0.1)\n"
        "    still, seen = (still + 1, seen) if service.reports.queued == seen > 0 else (0, service.reports.queued)\n"
        "print('held', seen, flush=True)\n"
        "time.sleep(60)\n"
    )
    worker = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "ready"
        _burst(broker, Topics(prefix))
        held = worker.stdout.readline().split()
        assert held[0] == "held" and int(held[1]) > 0
        assert _stored(store) == (0, 0)
        worker.kill()
        worker.wait(10)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait(10)
    service = Service(settings, store, broker).start()  # same client id: the same broker session
    try:
        assert wait_for(lambda: _stored(store) == (BURST, BURST), 45), _stored(store)
    finally:
        service.stop()

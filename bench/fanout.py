"""Fan-out through the real service: programme sync, emergency receive, acks stored.

For N = 1,000 / 5,000 / 10,000 light speakers (asyncio, one process per core; each verifies
and acks what it gets, see devices/sim/light.py) plus a sample of full reference agents (files,
downloads, playback; their figures are reported apart), against a Mosquitto of its own and
the real `Service` with its store (SQLite file; `BENCH_DATABASE_URL` for PostgreSQL):

- `bare_receive_*_s_N`: the anchor, measured first on the same connected speakers — one signed
  QoS 1 message of the emergency's size published straight to the zone topic by a plain client
  (no service, no store), until each copy arrived. The product's figures are reported beside it
  as ratios to its p99 (`receive_p99_vs_bare_N`, `ack_stored_p99_vs_bare_N`), so a loaded machine
  moves the anchor and the product together.
- `sync_s_N`: `replan_and_push` plans, signs and publishes N per-device programmes, until the
  last light speaker has its programme (`sync_service_cpu_ms_N`: the service process's CPU
  until `replan_and_push` returned); `resync_pushed_N` is what a second, unchanged replan sends.
- `receive_*_s_N`: a province-wide emergency (`fire_emergency`) until each copy arrived.
- `ack_stored_*_s_N`: until the service had stored that share of the acks (polled in the store).
- `follow_up_replan_s_N` / `follow_up_cpu_ms_N`: the re-plan that puts the emergency into every
  programme, which the service runs once the emergency's acks have settled (it began at
  `follow_up_began_s_N`), until it was done, and the service CPU it took after the acks were stored.
- `harness_ms_per_device_N`: CPU the simulator processes spent per device during the emergency,
  and `broker_cpu_ms_N` / `service_cpu_ms_N` beside it (the service's process, which also runs
  this bench's pollers), so the system's share is visible.
"""

from __future__ import annotations

import math
import os
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bench.brokers import bench_mosquitto, percentile
from bench.seed import ADMIN, seed_zone
from bench.workers import Pool, agent_worker, light_worker
from broadcaster.config import Settings
from broadcaster.service.core import Service
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import PlayReport
from devices.background import free_port
from devices.broker import parse_mqtt_url
from devices.protocol import MessageType, Signer, Topics
from devices.sim.light import verify_cost_ms

ZONE = "z-tinh"
TIMEOUT_S = 120.0


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process (from /proc: the broker is not our child's rusage yet)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _self_cpu_s() -> float:
    times = os.times()
    return times.user + times.system


def bench_store(folder: Path, name: str) -> Store:
    """A SQLite file in `folder`, or with BENCH_DATABASE_URL a fresh PostgreSQL schema of its own."""
    url = os.environ.get("BENCH_DATABASE_URL", "")
    if not url:
        return open_store(f"sqlite:///{folder / 'bench.db'}")
    from sqlalchemy import create_engine, text

    schema = f"bench_{name}_{os.getpid()}"
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"))
    engine.dispose()
    joiner = "&" if "?" in url else "?"
    return open_store(f"{url}{joiner}options=-csearch_path%3D{schema}")


def _wait(predicate: Any, timeout_s: float, every_s: float = 0.025) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(every_s)
    return False


def bare_broker(url: str, signer: Signer, prefix: str, pool: Pool) -> list[float]:
    """The anchor: one signed QoS 1 zone message, the emergency's size, published by a plain client
    straight to the speakers' zone topic (no service, no store); the instants each copy arrived."""
    import paho.mqtt.client as mqtt

    item = {"id": "b" * 40, "starts_at": "2026-01-01T00:00:00Z", "duration_ms": 120000, "priority": "emergency"}
    item["media"] = {
        "url": "http://127.0.0.1:8081/media/" + "a" * 64 + ".mp3",
        "sha256": "a" * 64,
        "bytes": 720000,
        "duration_ms": 120000,
        "codec": "mp3",
    }
    message_id, payload = signer.signed(MessageType.PLAY, f"zone/{ZONE}", {"item": item}, 600)
    host, port, _user, _password = parse_mqtt_url(url)
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=f"bench-bare-{time.time_ns()}")
    client.connect(host, port)
    client.loop_start()
    try:
        fired = time.time()
        client.publish(Topics(prefix).zone_cmd(ZONE), payload, qos=1).wait_for_publish(TIMEOUT_S)
        expected = sum(len(reply) for reply in pool.ask("schedules"))

        def arrived() -> list[float]:
            return [t - fired for reply in pool.ask("received", message_id) for t in reply if t is not None]

        _wait(lambda: len(arrived()) >= expected, TIMEOUT_S, 0.1)
        return arrived()
    finally:
        client.loop_stop()
        client.disconnect()


def measure(count: int, agents: int, broker: Any, folder: Path) -> dict[str, float]:
    store = bench_store(folder, str(count))
    lights = [f"lt-{i:05d}" for i in range(count)]
    sample = [f"ag-{i:04d}" for i in range(agents)]
    prefix = f"loa/bench-{count}-{time.time_ns()}"
    settings = Settings(
        data_dir=folder / "data",
        mqtt_url=broker.url,
        topic_prefix=prefix,
        media_port=free_port(),
        server_client_id=f"bench-{count}-{time.time_ns()}",
    )
    bulletin = seed_zone(store, settings, ZONE, lights + sample)
    service = Service(settings, store).start()
    keys = {service.signer.key_id: service.signer.public_b64()}
    pool, agent_pool = Pool(), Pool()
    figures: dict[str, float] = {}
    try:
        workers = max(1, os.cpu_count() or 1)
        for w in range(workers):
            pool.spawn(light_worker, [(d, ZONE) for d in lights[w::workers]], broker.url, keys, prefix, "gmqtt")
        connected = pool.ready(TIMEOUT_S)

        # the anchor first, on the same connected light speakers, before the reference agents
        # connect (they would try to play it); the speakers' acks (of a command the store does
        # not know) settle before the product is measured
        bare = bare_broker(broker.url, service.signer, prefix, pool)
        figures[f"bare_receive_p50_s_{count}"] = round(percentile(bare, 0.5), 3)
        figures[f"bare_receive_p99_s_{count}"] = round(percentile(bare, 0.99), 3)
        figures[f"bare_received_{count}"] = len(bare)
        if agents:
            agent_pool.spawn(agent_worker, [(d, ZONE) for d in sample], broker.url, keys, prefix, str(folder / "agents"))
        figures[f"connect_s_{count}"] = round(max(connected, agent_pool.ready(TIMEOUT_S) if agents else 0.0), 2)
        time.sleep(2.0)

        figures.update(_sync(count, service, pool))
        if agents:  # the agents fetch the bulletin before the emergency, as speakers do overnight
            _wait(lambda: all(min(r["bytes"]) > 0 for r in agent_pool.ask("stats")), TIMEOUT_S, 0.25)
        service.reports.flush(TIMEOUT_S)
        emergency = _emergency(count, count + agents, broker, service, store, pool, bulletin)
        figures.update(emergency.figures)
        anchor = figures[f"bare_receive_p99_s_{count}"]
        for name in ("receive", "ack_stored"):
            figures[f"{name}_p99_vs_bare_{count}"] = round(figures[f"{name}_p99_s_{count}"] / anchor, 2) if anchor else math.nan
        if agents:
            figures.update(_agent_figures(agents, agent_pool, store, emergency.command_id, emergency.fired))
    finally:
        pool.stop()
        agent_pool.stop()
        service.stop()
        store.close()
    return figures


def _sync(count: int, service: Service, pool: Pool) -> dict[str, float]:
    """`replan_and_push` until the last light speaker has its programme, then an unchanged replan."""
    figures: dict[str, float] = {}
    started, sync_cpu = time.time(), _self_cpu_s()
    pushed = service.replan_and_push()
    published = time.time()
    figures[f"sync_service_cpu_ms_{count}"] = round((_self_cpu_s() - sync_cpu) * 1000)

    def all_synced() -> bool:
        return all(t is not None for reply in pool.ask("schedules") for t in reply)

    synced = _wait(all_synced, TIMEOUT_S, 0.1)
    last = max(t for reply in pool.ask("schedules") for t in reply if t is not None)
    figures[f"sync_s_{count}"] = round(last - started, 2) if synced else math.nan
    figures[f"sync_publish_s_{count}"] = round(published - started, 2)
    figures[f"sync_pushed_{count}"] = pushed
    resync = time.time()
    figures[f"resync_pushed_{count}"] = service.replan_and_push()
    figures[f"resync_s_{count}"] = round(time.time() - resync, 2)
    return figures


@dataclass
class _Emergency:
    figures: dict[str, float]
    command_id: str
    fired: float  # when fire_emergency was called


def _emergency(count: int, total: int, broker: Any, service: Service, store: Store, pool: Pool, bulletin: Any) -> _Emergency:
    """A province-wide emergency: until each copy arrived, until its acks were stored, and the
    follow-up re-plan; with the CPU the broker, the service and the harness spent on it."""
    before = [r["cpu_s"] for r in pool.ask("stats")]
    broker_cpu, service_cpu = _cpu_s(broker.process.pid), _self_cpu_s()
    stored = _StoredAcks(store, total)
    # polled beside the call, which returns once the commands are published
    poller = threading.Thread(target=_wait, args=(stored.all_in, TIMEOUT_S), daemon=True)
    stored.fired = fired = time.time()
    poller.start()
    command_id = service.commands.fire_emergency(ADMIN, bulletin, [ZONE])[0]
    fired_return = time.time()
    poller.join(TIMEOUT_S + 5)
    received = [t - fired for reply in pool.ask("received", command_id) for t in reply if t is not None]
    after = [r["cpu_s"] for r in pool.ask("stats")]
    broker_cpu, service_cpu = _cpu_s(broker.process.pid) - broker_cpu, _self_cpu_s() - service_cpu
    # the re-plan that puts the emergency into every programme follows once the acks settled:
    # its time and CPU are the system's too, reported beside the emergency's
    follow_cpu = _self_cpu_s()
    _wait(lambda: not service.follow_up.pending, TIMEOUT_S, 0.05)
    figures = {
        f"follow_up_replan_s_{count}": round(time.time() - fired, 2),
        f"follow_up_began_s_{count}": round((service.follow_up.began or math.nan) - fired, 2),
        f"follow_up_cpu_ms_{count}": round((_self_cpu_s() - follow_cpu) * 1000),
        f"fire_emergency_s_{count}": round(fired_return - fired, 3),
        f"receive_p50_s_{count}": round(percentile(received, 0.5), 3),
        f"receive_p99_s_{count}": round(percentile(received, 0.99), 3),
        f"received_{count}": len(received),
        f"ack_stored_p50_s_{count}": stored.at_share(0.5),
        f"ack_stored_p99_s_{count}": stored.at_share(0.99),
        f"acks_stored_{count}": stored.counts[-1][1] if stored.counts else 0,
        f"broker_cpu_ms_{count}": round(broker_cpu * 1000),
        f"service_cpu_ms_{count}": round(service_cpu * 1000),
        f"harness_ms_per_device_{count}": round((sum(after) - sum(before)) / count * 1000, 3),
    }
    return _Emergency(figures, command_id, fired)


class _StoredAcks:
    """The emergency's acks as the database counts them (a row per device in command_acks),
    polled: (seconds since it was fired, rows) at each look."""

    QUERY = text(
        "SELECT count(*) FROM command_acks JOIN commands ON commands.id = command_acks.command_id WHERE commands.target = :target"
    )

    def __init__(self, store: Store, total: int) -> None:
        self.store, self.total = store, total
        self.fired = 0.0
        self.counts: list[tuple[float, int]] = []

    def all_in(self) -> bool:
        with self.store.session() as session:
            done = int(session.execute(self.QUERY, {"target": f"zone/{ZONE}"}).scalar() or 0)
        self.counts.append((time.time() - self.fired, done))
        return done >= self.total

    def at_share(self, share: float) -> float:
        """Seconds until that share of the acks was stored; NaN if it never was."""
        need = math.ceil(share * self.total)
        return next((round(t, 3) for t, done in self.counts if done >= need), math.nan)


def _agent_figures(agents: int, agent_pool: Pool, store: Store, command_id: str, fired: float) -> dict[str, float]:
    """The reference agents' share of the emergency, reported apart: received, and played as stored."""
    agent_received = [t - fired for reply in agent_pool.ask("received", command_id) for t in reply if t is not None]
    plays: list[float] = []

    def played() -> bool:
        with store.session() as session:
            rows = session.query(PlayReport.received_at).filter(PlayReport.device_id.like("ag-%")).all()
        plays[:] = [_ts(r[0]) - fired for r in rows]
        return len(plays) >= agents

    _wait(played, 30.0, 0.1)
    return {
        "agents": agents,
        "agent_receive_p99_s": round(percentile(agent_received, 0.99), 3),
        "agent_received": len(agent_received),
        "agent_play_stored_p99_s": round(percentile(plays, 0.99), 3),
        "agent_plays_stored": len(plays),
    }


def _ts(moment: datetime) -> float:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def run(quick: bool = False) -> tuple[dict[str, float], dict[str, float]]:
    chosen = os.environ.get("BENCH_FANOUT_N", "")  # e.g. 10000: one size only, as BENCH_PROVINCE_N
    counts = [int(n) for n in chosen.split(",")] if chosen else [1000] if quick else [1000, 5000, 10000]
    agents = 20 if quick else 200
    figures: dict[str, float] = {"verify_ms": round(verify_cost_ms(), 3)}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        with bench_mosquitto(tmp, max(counts) + agents + 256) as broker:
            for count in counts:
                began = time.time()
                figures.update(measure(count, agents, broker, tmp / f"run{count}"))
                figures[f"wall_s_{count}"] = round(time.time() - began, 1)
    top = max(counts)
    # ratios to the bare broker in the same run: the product's share of the time, whatever the load
    goals = {f"receive_p99_vs_bare_{top}": 1.5, f"ack_stored_p99_vs_bare_{top}": 3.0, f"sync_s_{top}": 5.0}
    return figures, goals

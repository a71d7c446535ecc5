"""A province, run rather than projected: three bridged Mosquittos, two service workers, N speakers.

The deployment docs/scaling.md describes: a provincial Mosquitto the service workers connect to,
and commune (edge) brokers the speakers connect to, each bridged up to the province
(`devices.bridges`: programmes and commands down, acks and reports up). Two `broadcaster run`
workers share the reports through a shared subscription and one store (PostgreSQL, a schema of
this run's own, dropped after; `BENCH_DATABASE_URL` names another server, SQLite when none
listens); the leader plans, pushes and fires. N light speakers (10,000; 1,000 with `--quick`;
`BENCH_PROVINCE_N` for another) are split over the two edge brokers, one simulator process each.

- `bare_receive_*_s_N`: the anchor, measured first on the same connected speakers with the
  workers up and idle — one signed QoS 1 zone message published at the province by a plain
  client, through the bridges, until each copy arrived. The product's figures are ratios to its p99, as in the fan-out bench.
- `sync_s_N`: the leader's first look at the store (`watch_changes`, the re-plan a worker makes
  when it starts), until the last speaker has its programme.
- `receive_*_s_N` / `ack_stored_*_s_N`: a province-wide emergency fired by the leader, until each
  copy arrived / until that share of the acks was stored as rows (`command_acks`), whichever
  worker got them.
- `push_*_s_N`: then `PUSHES` forced re-plans (every programme signed and published again), each
  until every speaker's ack of its new programme was stored; each worker's resident memory
  (`rss_*_mib`) after the 10th and the last, and the leader's `Dispatcher.sent` beside it: a
  service that keeps something per push grows there.
"""

from __future__ import annotations

import math
import os
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bench.brokers import percentile
from bench.fanout import ZONE, _cpu_s, _wait, bare_broker
from bench.seed import seed_zone
from bench.workers import Pool, light_worker, service_worker
from broadcaster.config import Settings
from broadcaster.store.engine import Store, open_store
from broadcaster.store.keys import load_or_create
from devices.background import free_port
from devices.bridges import Bridge, broker_config
from devices.mqtt import connect, make_client
from devices.sim.mosquitto import MosquittoProcess
from devices.sim.swarm import raise_file_limit

TIMEOUT_S = 120.0
PUSHES = 100
SAMPLE_AT = 10  # the first memory sample: after the caches and pools have filled
POSTGRES = os.environ.get("BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")


@contextmanager
def province_brokers(folder: Path, prefix: str, speakers: int) -> Iterator[tuple[MosquittoProcess, list[MosquittoProcess]]]:
    """The provincial broker and two commune brokers bridged to it, the bridges up both ways."""
    raise_file_limit(speakers + 1024)  # the brokers inherit it
    folder.mkdir(parents=True, exist_ok=True)
    started: list[MosquittoProcess] = []

    def broker(name: str, bridges: tuple[Bridge, ...] = ()) -> MosquittoProcess:
        port = free_port()
        conf = folder / f"{name}.conf"
        conf.write_text(broker_config(port, bridges))
        started.append(MosquittoProcess(conf, port).start())
        return started[-1]

    try:
        top = broker("province")
        tag = uuid.uuid4().hex[:6]
        edges = [broker(f"xa-{c}", (Bridge(f"xa-{c}-{tag}", f"127.0.0.1:{top.port}", prefix),)) for c in "ab"]
        for edge in edges:
            _await_bridge(top.url, edge.url, prefix)
        yield top, edges
    finally:
        for process in started:
            process.stop()


def _await_bridge(top: str, edge: str, prefix: str, timeout_s: float = 30.0) -> None:
    """Until a command published at the province reaches the edge and an ack from the edge reaches the province."""
    got: set[str] = set()
    probe = f"probe-{uuid.uuid4().hex[:6]}"
    down, up = f"{prefix}/zone/{probe}/cmd", f"{prefix}/dev/{probe}/ack"
    clients = {url: make_client(f"{probe}-{i}") for i, url in enumerate((top, edge))}
    clients[edge].on_connect = lambda c, u, f, r, p: c.subscribe(down, 1)
    clients[top].on_connect = lambda c, u, f, r, p: c.subscribe(up, 1)
    for client in clients.values():
        client.on_message = lambda c, u, m: got.add(m.topic)
        connect(client, top if client is clients[top] else edge)
    try:
        deadline = time.monotonic() + timeout_s
        while got != {down, up}:
            if time.monotonic() > deadline:
                raise TimeoutError(f"the bridge {edge} → {top} did not carry both ways in {timeout_s:.0f} s")
            clients[top].publish(down, b"probe", qos=1)
            clients[edge].publish(up, b"probe", qos=1)
            time.sleep(0.2)
    finally:
        for client in clients.values():
            client.disconnect()
            client.loop_stop()


@contextmanager
def province_store(folder: Path) -> Iterator[str]:
    """A URL on a fresh PostgreSQL schema (dropped after), or a SQLite file when no server listens."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import OperationalError

    schema = f"bench_province_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(POSTGRES.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with admin.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
    except OperationalError:
        admin.dispose()
        yield f"sqlite:///{folder / 'province.db'}"
        return
    joiner = "&" if "?" in POSTGRES else "?"
    try:
        yield f"{POSTGRES}{joiner}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        admin.dispose()


def acks_stored(store: Store, target: str) -> int:
    """The acks stored as rows (`command_acks`) for the commands to `target`, counted by the database."""
    query = text("SELECT count(*) FROM command_acks a JOIN commands c ON c.id = a.command_id WHERE c.target = :target")
    with store.session() as session:
        return int(session.execute(query, {"target": target}).scalar() or 0)


def programmes_unacked(store: Store) -> int:
    with store.session() as session:
        return int(session.execute(text("SELECT count(*) FROM programme_pushes WHERE acked_at IS NULL")).scalar() or 0)


def programmes_pushed(store: Store) -> int:
    with store.session() as session:
        return int(session.execute(text("SELECT count(*) FROM programme_pushes")).scalar() or 0)


def _leader(replies: list[Any]) -> dict[str, Any]:
    for reply in replies:
        if isinstance(reply, dict) and "error" in reply:
            raise RuntimeError(f"a service worker failed:\n{reply['error']}")
    led = [r for r in replies if r is not None]
    if len(led) != 1:
        raise RuntimeError(f"{len(led)} of the service workers lead: expected one")
    return dict(led[0])


def measure(count: int, folder: Path, pushes: int = PUSHES) -> dict[str, Any]:
    prefix = f"loa/province-{uuid.uuid4().hex[:8]}"
    devices = [f"lt-{i:05d}" for i in range(count)]
    lights, service = Pool(), Pool()
    figures: dict[str, Any] = {"load_1m_before": round(os.getloadavg()[0], 2)}  # a shared machine: say how shared
    with province_brokers(folder / "brokers", prefix, count) as (top, edges), province_store(folder) as url:
        store = open_store(url)
        figures["store"] = store.engine.dialect.name
        settings = [
            Settings(
                data_dir=folder / "data",
                database_url=url,
                topic_prefix=prefix,
                server_client_id=f"{prefix}-{worker}",
                shared_group="loa-service",
                media_port=free_port(),
            )
            for worker in ("a", "b")
        ]
        signer = load_or_create(settings[0].key_file, settings[0].key_id)  # one key for both workers
        keys = {signer.key_id: signer.public_b64()}
        bulletin = seed_zone(store, settings[0], ZONE, devices)
        try:
            for e, edge in enumerate(edges):
                lights.spawn(light_worker, [(d, ZONE) for d in devices[e :: len(edges)]], edge.url, keys, prefix, "gmqtt")
            for worker in settings:
                service.spawn(service_worker, worker.model_dump_json(), url, top.url)
            figures[f"connect_s_{count}"] = round(lights.ready(TIMEOUT_S), 2)
            service.ready(TIMEOUT_S)
            # the anchor with every process of the product up (the workers idle, not yet planning),
            # so that the bare message and the emergency share the machine alike
            bare = bare_broker(top.url, signer, prefix, lights)
            figures[f"bare_receive_p50_s_{count}"] = round(percentile(bare, 0.5), 3)
            figures[f"bare_receive_p99_s_{count}"] = round(percentile(bare, 0.99), 3)
            figures[f"bare_received_{count}"] = len(bare)
            figures.update(_sync(count, store, service, lights))
            service.ask("run")
            figures.update(_emergency(count, bulletin, store, service, lights, [top, *edges]))
            figures.update(_pushes(count, pushes, store, service))
        finally:
            service.stop()
            lights.stop()
            store.close()
    return figures


def _sync(count: int, store: Store, service: Pool, lights: Pool) -> dict[str, Any]:
    synced = _leader(service.ask("sync", timeout_s=TIMEOUT_S * 2))

    def schedules() -> list[float | None]:
        return [t for reply in lights.ask("schedules") for t in reply]

    done = _wait(lambda: all(t is not None for t in schedules()), TIMEOUT_S, 0.1)
    last = max((t for t in schedules() if t is not None), default=math.nan)
    return {
        f"sync_s_{count}": round(last - synced["began"], 2) if done else math.nan,
        f"sync_publish_s_{count}": round(synced["returned"] - synced["began"], 2),
        f"sync_pushed_{count}": programmes_pushed(store),
    }


def _emergency(
    count: int, bulletin: int, store: Store, service: Pool, lights: Pool, brokers: list[MosquittoProcess]
) -> dict[str, Any]:
    stored: list[tuple[float, int]] = []

    def all_stored() -> bool:
        stored.append((time.time(), acks_stored(store, f"zone/{ZONE}")))
        return stored[-1][1] >= count

    pids = [p.pid for p in service.processes] + [b.process.pid for b in brokers if b.process]
    cpu = [_cpu_s(pid) for pid in pids]
    poller = threading.Thread(target=_wait, args=(all_stored, TIMEOUT_S), daemon=True)
    poller.start()
    fired = _leader(service.ask("fire", bulletin, ZONE))
    poller.join(TIMEOUT_S + 5)
    cpu = [_cpu_s(pid) - before for pid, before in zip(pids, cpu, strict=True)]
    began = fired["began"]
    received = [t - began for reply in lights.ask("received", fired["command"]) for t in reply if t is not None]

    def at_share(share: float) -> float:
        need = math.ceil(share * count)
        return next((round(t - began, 3) for t, done in stored if done >= need), math.nan)

    return {
        f"fire_emergency_s_{count}": round(fired["returned"] - began, 3),
        f"receive_p50_s_{count}": round(percentile(received, 0.5), 3),
        f"receive_p99_s_{count}": round(percentile(received, 0.99), 3),
        f"received_{count}": len(received),
        f"ack_stored_p50_s_{count}": at_share(0.5),
        f"ack_stored_p99_s_{count}": at_share(0.99),
        f"acks_stored_{count}": stored[-1][1] if stored else 0,
        f"workers_cpu_ms_{count}": round(sum(cpu[:2]) * 1000),
        f"brokers_cpu_ms_{count}": round(sum(cpu[2:]) * 1000),
    }


def _pushes(count: int, pushes: int, store: Store, service: Pool) -> dict[str, Any]:
    """`pushes` forced re-plans once the emergency's own re-plan is done, each until every ack is stored."""

    def settled() -> bool:
        stats = service.ask("stats")
        return not any(s["follow_up"] or s["waiting"] for s in stats) and programmes_unacked(store) == 0

    figures: dict[str, Any] = {f"settled_after_emergency_{count}": _wait(settled, TIMEOUT_S, 0.2)}
    took: list[float] = []
    samples: dict[int, list[dict[str, Any]]] = {}
    for push in range(1, pushes + 1):
        reply = _leader(service.ask("push", timeout_s=TIMEOUT_S * 2))
        if not _wait(lambda: programmes_unacked(store) == 0, TIMEOUT_S, 0.05):
            figures[f"push_timed_out_at_{count}"] = push
            break
        took.append(time.time() - reply["began"])
        if push in (min(SAMPLE_AT, pushes), pushes):
            samples[push] = service.ask("stats")
    figures[f"pushes_{count}"] = len(took)
    figures[f"push_p50_s_{count}"] = round(percentile(took, 0.5), 2)
    figures[f"push_max_s_{count}"] = round(max(took, default=math.nan), 2)
    if len(samples) == 2:
        first, last = (samples[k] for k in sorted(samples))
        for name, a, b in zip(("a", "b"), first, last, strict=True):
            figures[f"rss_{name}_after_{min(samples)}_mib"] = round(a["rss_kib"] / 1024, 1)
            figures[f"rss_{name}_after_{max(samples)}_mib"] = round(b["rss_kib"] / 1024, 1)
        figures[f"rss_growth_mib_{count}"] = round(max(b["rss_kib"] - a["rss_kib"] for a, b in zip(first, last)) / 1024, 1)
        figures[f"dispatcher_sent_after_{min(samples)}_{count}"] = max(s["sent"] for s in first)
        figures[f"dispatcher_sent_after_{max(samples)}_{count}"] = max(s["sent"] for s in last)
        figures[f"dispatcher_evicted_{count}"] = max(s["evicted"] for s in last)
        for name, stats in zip(("a", "b"), last, strict=True):
            figures[f"reports_{name}_{count}"] = stats["received"]
    return figures


def run(quick: bool = False) -> tuple[dict[str, Any], dict[str, float]]:
    count = int(os.environ.get("BENCH_PROVINCE_N", 1000 if quick else 10000))
    with tempfile.TemporaryDirectory() as tmp_name:
        began = time.time()
        figures = measure(count, Path(tmp_name))
        figures[f"wall_s_{count}"] = round(time.time() - began, 1)
    anchor = figures.get(f"bare_receive_p99_s_{count}") or math.nan
    for figure in ("receive_p99", "ack_stored_p99"):
        with suppress(TypeError, ZeroDivisionError):
            figures[f"{figure}_vs_bare_{count}"] = round(figures[f"{figure}_s_{count}"] / anchor, 2)
    # ratios to the bare broker in the same run; memory flat over the last 90 pushes; `sent` at
    # most one programme a speaker and the emergency
    goals = {
        f"receive_p99_vs_bare_{count}": 1.5,
        f"ack_stored_p99_vs_bare_{count}": 3.0,
        f"sync_s_{count}": 5.0,
        f"rss_growth_mib_{count}": 20.0,
        f"dispatcher_sent_after_{PUSHES}_{count}": count + 1,
    }
    return figures, goals

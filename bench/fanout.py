"""Fan-out to simulated speakers: emergency receive/ack latency, programme sync, bytes, memory.

Everything runs on loopback against a Mosquitto started for the benchmark; the swarm is
split across one process per core, each driving its devices from a single thread.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from devices.background import free_port
from devices.dispatcher import Dispatcher
from devices.mediaserver import MediaServer
from devices.mosquitto import MosquittoProcess
from devices.protocol import MediaRef, MessageType, Signer, Topics, iso
from media.encode import CODECS, encode
from media.master import chime
from media.store import MediaStore

ZONE = "z-all"


def _worker(conn: Any, devices: list[str], url: str, keys: dict[str, str], folder: str, prefix: str) -> None:
    from devices.swarm import Swarm

    swarm = Swarm([(d, ZONE) for d in devices], url, keys, Path(folder), Topics(prefix)).start()
    conn.send("ready")
    while True:
        request = conn.recv()
        if request == "stop":
            break
        message_id = request
        conn.send(
            {
                "received": [a.received.get(message_id) for a in swarm.agents],
                "bytes": [a.bytes_downloaded for a in swarm.agents],
                "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            }
        )
    swarm.stop()
    conn.send("stopped")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def measure(count: int, url: str, media: MediaRef, tmp: Path, timeout_s: float) -> dict[str, float]:
    prefix = f"loa/bench-{count}-{time.time_ns()}"
    signer = Signer.generate()
    acks: dict[str, dict[str, float]] = {}
    lock = threading.Lock()

    def on_ack(device: str, body: dict[str, Any]) -> None:
        with lock:
            acks.setdefault(str(body.get("id")), {})[device] = time.time()

    dispatcher = Dispatcher(signer, url, Topics(prefix), client_id=f"bench-{count}", on_ack=on_ack).start()
    devices = [f"sim-{i:05d}" for i in range(count)]
    workers = max(1, min(os.cpu_count() or 1, 4))
    ctx = mp.get_context("spawn")
    pipes, processes = [], []
    for w in range(workers):
        parent, child = ctx.Pipe()
        process = ctx.Process(
            target=_worker,
            args=(child, devices[w::workers], url, {signer.key_id: signer.public_b64()}, str(tmp / f"w{w}"), prefix),
            daemon=True,
        )
        process.start()
        pipes.append(parent)
        processes.append(process)
    connect_start = time.time()
    for parent in pipes:
        if not parent.poll(timeout_s):
            raise TimeoutError("simulator workers did not connect in time")
        parent.recv()
    connect_s = time.time() - connect_start

    def wait_acks(message_ids: set[str], deadline: float) -> list[float]:
        while time.time() < deadline:
            with lock:
                done = sum(len(acks.get(m, {})) for m in message_ids)
            if done >= count if len(message_ids) == 1 else done >= len(message_ids):
                break
            time.sleep(0.02)
        with lock:
            return [t for m in message_ids for t in acks.get(m, {}).values()]

    sync_start = time.time()
    item = {
        "id": "daily-1",
        "starts_at": iso(time.time() + 3600),
        "duration_ms": media.duration_ms,
        "priority": "normal",
        "bulletin": "1",
        "title": "bench",
        "media": media.to_dict(),
    }
    sync_ids = {dispatcher.push_programme(d, ZONE, [item]) for d in devices}
    sync_times = wait_acks(sync_ids, time.time() + timeout_s)
    sync_s = (max(sync_times) - sync_start) if len(sync_times) == count else float("nan")

    deadline = time.time() + timeout_s
    while time.time() < deadline:  # let every prefetch finish before the emergency
        for parent in pipes:
            parent.send("-")
        replies = [parent.recv() for parent in pipes]
        if all(min(reply["bytes"]) > 0 for reply in replies):
            break
        time.sleep(0.5)
    emergency = {**item, "id": "emergency-1", "priority": "emergency", "starts_at": iso(time.time())}
    fired = time.time()
    emergency_id = dispatcher.command(MessageType.PLAY, {"item": emergency}, zone=ZONE)
    ack_times = [t - fired for t in wait_acks({emergency_id}, time.time() + timeout_s)]
    time.sleep(1.0)
    received: list[float] = []
    downloaded: list[int] = []
    rss_kb = 0
    for parent in pipes:
        parent.send(emergency_id)
        stats = parent.recv()
        received += [t - fired for t in stats["received"] if t is not None]
        downloaded += stats["bytes"]
        rss_kb += stats["rss_kb"]
    for parent, process in zip(pipes, processes):
        parent.send("stop")
        parent.poll(30)
        process.join(30)
    dispatcher.stop()
    return {
        f"connect_s_{count}": round(connect_s, 2),
        f"receive_p50_s_{count}": round(_percentile(received, 0.5), 3),
        f"receive_p99_s_{count}": round(_percentile(received, 0.99), 3),
        f"received_{count}": len(received),
        f"ack_p99_s_{count}": round(_percentile(ack_times, 0.99), 3),
        f"acked_{count}": len(ack_times),
        f"sync_s_{count}": round(sync_s, 3),
        f"bytes_per_device_{count}": int(statistics.median(downloaded)) if downloaded else 0,
        f"simulator_mb_{count}": round(rss_kb / 1024, 1),
        f"simulator_kb_per_device_{count}": round(rss_kb / count, 1),
    }


def run(quick: bool = False) -> tuple[dict[str, float], dict[str, float]]:
    counts = [1000] if quick else [1000, 5000, 10000]
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        port = free_port()
        conf = tmp / "mosquitto.conf"
        conf.write_text(
            f"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 100000\n"
            f"max_inflight_messages 0\n" + ("user root\n" if os.geteuid() == 0 else "")
        )
        store = MediaStore(tmp / "media")
        stored = store.put(encode(chime(24000, 8.0), CODECS["mp3"]), "mp3", 8000, "mp3")
        with MosquittoProcess(conf, port) as broker, MediaServer(tmp / "media") as server:
            ref = MediaRef(server.base_url + stored.name, stored.sha256, stored.bytes, stored.duration_ms, "mp3")
            for count in counts:
                started = time.time()
                figures.update(measure(count, broker.url, ref, tmp / f"run{count}", timeout_s=120))
                figures[f"wall_s_{count}"] = round(time.time() - started, 1)
        figures["bytes_per_device"] = figures.get("bytes_per_device_1000", 0)
    goals = {"receive_p99_s_10000": 1.0, "receive_p99_s_1000": 1.0, "bytes_per_device": stored.bytes}
    return figures, goals

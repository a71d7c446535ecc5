"""Which asyncio MQTT client drives the light speakers: gmqtt or aiomqtt.

The same signed zone command goes to the same number of light speakers (split over one
process per core) with each library; the faster one drives `bench fanout`.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from bench.brokers import bench_mosquitto, percentile
from bench.workers import Pool, light_worker
from devices.dispatcher import Dispatcher
from devices.protocol import MessageType, Signer, Topics, iso


def measure(backend: str, count: int, url: str) -> dict[str, float]:
    prefix = f"loa/clients-{backend}-{time.time_ns()}"
    signer = Signer.generate()
    acked: list[float] = []
    lock = threading.Lock()

    def on_ack(device: str, body: dict[str, Any]) -> None:
        with lock:
            acked.append(time.time())

    dispatcher = Dispatcher(signer, url, Topics(prefix), client_id=f"clients-{backend}", on_ack=on_ack).start()
    workers = max(1, os.cpu_count() or 1)
    devices = [(f"c-{i:05d}", "z") for i in range(count)]
    pool = Pool()
    try:
        for w in range(workers):
            pool.spawn(light_worker, devices[w::workers], url, {signer.key_id: signer.public_b64()}, prefix, backend)
        connect_s = pool.ready(180)
        item = {"id": "e1", "starts_at": iso(time.time()), "duration_ms": 1000, "priority": "emergency"}
        fired = time.time()
        message_id = dispatcher.command(MessageType.PLAY, {"item": item}, zone="z")
        deadline = fired + 60
        while time.time() < deadline and len(acked) < count:
            time.sleep(0.02)
        received = [t - fired for reply in pool.ask("received", message_id) for t in reply if t is not None]
        with lock:
            acks = [t - fired for t in acked]
    finally:
        pool.stop()
        dispatcher.stop()
    return {
        f"{backend}_connect_s": round(connect_s, 2),
        f"{backend}_receive_p99_s": round(percentile(received, 0.99), 3),
        f"{backend}_received": len(received),
        f"{backend}_ack_p99_s": round(percentile(acks, 0.99), 3),
    }


def run(quick: bool = False) -> tuple[dict[str, float], dict[str, float]]:
    count = 1000 if quick else 4000
    figures: dict[str, float] = {"devices": count}
    with tempfile.TemporaryDirectory() as tmp, bench_mosquitto(Path(tmp), count + 64) as broker:
        for backend in ("gmqtt", "aiomqtt"):
            figures.update(measure(backend, count, broker.url))
    return figures, {}

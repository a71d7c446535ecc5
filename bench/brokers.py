"""Shared set-up for the MQTT benchmarks: a Mosquitto of their own, sized for many clients."""

from __future__ import annotations

import os
from pathlib import Path

from devices.background import free_port
from devices.sim.mosquitto import MosquittoProcess
from devices.sim.swarm import raise_file_limit


def bench_mosquitto(folder: Path, connections: int, extra: str = "") -> MosquittoProcess:
    """A Mosquitto on a free port that accepts `connections` clients (it inherits our file limit)."""
    raise_file_limit(connections + 512)
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    conf = folder / f"mosquitto-{port}.conf"
    conf.write_text(
        f"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 100000\n"
        f"max_inflight_messages 0\nmax_connections -1\n{extra}" + ("user root\n" if os.geteuid() == 0 else "")
    )
    return MosquittoProcess(conf, port)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")

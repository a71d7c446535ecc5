"""Simulator and service processes for the benchmarks, driven over a pipe.

`light_worker` runs a `LightFleet` on its own event loop; `agent_worker` runs full reference
agents (files, downloads, playback) with a `Swarm`. Both answer the same requests:
`("received", message_id)` → receive instants; `("stats",)` → counters; `("stop",)`.
`service_worker` is one `broadcaster run` worker of several sharing a store and a broker.
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import resource
import threading
import time
import traceback
from pathlib import Path
from typing import Any

from devices.protocol import Topics
from devices.sim.swarm import raise_file_limit


def light_worker(conn: Any, devices: list[tuple[str, str]], url: str, keys: dict[str, str], prefix: str, backend: str) -> None:
    from devices.sim.light import LightFleet

    raise_file_limit(len(devices) + 256)

    async def main() -> None:
        fleet = LightFleet(devices, url, keys, Topics(prefix), backend)
        started = time.time()
        await fleet.start()
        conn.send({"ready": time.time() - started})
        loop = asyncio.get_running_loop()
        while True:
            request = await loop.run_in_executor(None, conn.recv)
            if request[0] == "stop":
                break
            if request[0] == "received":
                conn.send(fleet.received(request[1]))
            elif request[0] == "schedules":
                conn.send([s.schedule_at for s in fleet.speakers])
            else:
                conn.send(_stats(rejected=sum(len(s.rejected) for s in fleet.speakers)))
        await fleet.stop()

    try:
        asyncio.run(main())
    except Exception:  # noqa: BLE001 - reported to the parent, which raises it
        conn.send({"error": traceback.format_exc()})
        return
    conn.send("stopped")


def agent_worker(conn: Any, devices: list[tuple[str, str]], url: str, keys: dict[str, str], prefix: str, folder: str) -> None:
    from devices.sim.swarm import Swarm

    try:
        started = time.time()
        swarm = Swarm(devices, url, keys, Path(folder), Topics(prefix)).start()
        conn.send({"ready": time.time() - started})
    except Exception:  # noqa: BLE001 - reported to the parent, which raises it
        conn.send({"error": traceback.format_exc()})
        return
    while True:
        request = conn.recv()
        if request[0] == "stop":
            break
        if request[0] == "received":
            conn.send([a.received.get(request[1]) for a in swarm.agents])
        else:
            conn.send(_stats(bytes=[a.bytes_downloaded for a in swarm.agents]))
    swarm.stop()
    conn.send("stopped")


def service_worker(conn: Any, settings_json: str, store_url: str, mqtt_url: str) -> None:
    """A worker as `broadcaster run` starts it (its clock in a thread), which also does what it is
    asked when it leads: `("sync",)` its first look at the store's changes (which re-plans and pushes
    every programme, as at start), `("push",)` a forced re-plan (every programme signed and published
    again), `("fire", bulletin, zone)` an emergency; a follower answers those with None.
    `("stats",)` → its dispatcher's counters and its resident memory."""
    from broadcaster.config import Settings
    from broadcaster.service.core import Service
    from broadcaster.store.engine import Store

    try:
        started = time.time()
        service = Service(Settings.model_validate_json(settings_json), Store(store_url), mqtt_url).start()
        conn.send({"ready": time.time() - started})
    except Exception:  # noqa: BLE001 - reported to the parent, which raises it
        conn.send({"error": traceback.format_exc()})
        return
    while (request := conn.recv())[0] != "stop":
        try:
            conn.send(_serve(service, request))
        except Exception:  # noqa: BLE001 - reported to the parent, which raises it
            conn.send({"error": traceback.format_exc()})
    service.stop()
    conn.send("stopped")


def _serve(service: Any, request: tuple[Any, ...]) -> Any:
    from bench.seed import ADMIN

    kind, dispatcher = request[0], service.running_dispatcher()
    if kind == "run":
        threading.Thread(target=service.run_forever, kwargs={"handle_signals": False}, daemon=True).start()
        return {"running": True}
    if kind == "stats":
        return _stats(
            leading=service.leading,
            sent=len(dispatcher.sent),
            evicted=dispatcher.evicted,
            received=dispatcher.received,
            waiting=service.reports.waiting,
            follow_up=service.follow_up.pending,
            rss_kib=_rss_kib(),
        )
    if not service.leading:
        return None
    began = time.time()
    if kind == "fire":
        command = service.commands.fire_emergency(ADMIN, request[1], [request[2]])[0]
        return {"command": command, "began": began, "returned": time.time()}
    if kind == "sync":  # then `run` finds nothing changed: the emergency does not meet a re-plan
        service.watch_changes()
        return {"began": began, "returned": time.time()}
    pushed = service.replan_and_push(force=True)
    return {"pushed": pushed, "began": began, "returned": time.time()}


def _rss_kib() -> int:
    """Resident memory now (ru_maxrss is the peak, which cannot show memory given back)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _stats(**extra: Any) -> dict[str, Any]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"rss_kb": usage.ru_maxrss, "cpu_s": usage.ru_utime + usage.ru_stime, **extra}


class Pool:
    """Start simulator processes, wait until every one is connected, ask them all, stop them."""

    def __init__(self) -> None:
        self.ctx = mp.get_context("spawn")
        self.pipes: list[Any] = []
        self.processes: list[Any] = []

    def spawn(self, target: Any, *args: Any) -> None:
        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(target=target, args=(child, *args), daemon=True)
        process.start()
        self.pipes.append(parent)
        self.processes.append(process)

    def ready(self, timeout_s: float) -> float:
        """Seconds the slowest process took to connect its devices."""
        slowest = 0.0
        for pipe in self.pipes:
            if not pipe.poll(timeout_s):
                raise TimeoutError("simulator processes did not connect in time")
            reply = pipe.recv()
            if "error" in reply:
                raise RuntimeError(f"a simulator process failed:\n{reply['error']}")
            slowest = max(slowest, float(reply["ready"]))
        return slowest

    def ask(self, *request: Any, timeout_s: float = 60.0) -> list[Any]:
        for pipe in self.pipes:
            pipe.send(request)
        replies = []
        for pipe in self.pipes:
            if not pipe.poll(timeout_s):
                raise TimeoutError(f"a simulator process did not answer {request[0]!r}")
            replies.append(pipe.recv())
        return replies

    def stop(self) -> None:
        for pipe in self.pipes:
            try:
                pipe.send(("stop",))
                pipe.poll(30)
            except (BrokenPipeError, EOFError, OSError):
                pass
        for process in self.processes:
            process.join(30)
            if process.is_alive():
                process.kill()
                process.join(5)

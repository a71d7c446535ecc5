"""Thousands of agents on one thread: one selector drives every paho client's socket.

paho's network thread per client (`loop_start`) costs a thread each; here `loop_read`,
`loop_write` and `loop_misc` are called from a single selector loop instead, the way paho
documents for external event loops. Downloads run in a small thread pool.
"""

from __future__ import annotations

import resource
import selectors
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import paho.mqtt.client as mqtt

from devices.agent import Agent
from devices.mqtt import MqttTransport
from devices.players import NullPlayer
from devices.protocol import Topics, Verifier, public_key


def raise_file_limit(wanted: int) -> int:
    """Each connection is a file descriptor; lift the soft limit toward the hard one."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = min(max(soft, wanted), hard) if hard != resource.RLIM_INFINITY else max(soft, wanted)
    if target > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return target


class Swarm:
    def __init__(
        self,
        devices: list[tuple[str, str]],
        broker_url: str,
        trusted_keys: dict[str, str],
        folder: Path,
        topics: Topics | None = None,
        tick_s: float = 0.05,
        download_workers: int = 16,
        credentials: Callable[[str], tuple[str, str] | None] | None = None,
    ) -> None:
        self.topics = topics or Topics()
        self.tick_s = tick_s
        self.selector = selectors.DefaultSelector()
        self.executor = ThreadPoolExecutor(max_workers=download_workers, thread_name_prefix="swarm-media")
        self.stopped = threading.Event()
        self.lock = threading.RLock()  # paho calls on_socket_open from inside connect(), under our lock
        keys = {kid: public_key(b64) for kid, b64 in trusted_keys.items()}
        raise_file_limit(len(devices) + 256)
        self.transports: list[MqttTransport] = []
        self.writers: set[mqtt.Client] = set()
        for device, zone in devices:
            verifier = Verifier(dict(keys), frozenset({f"dev/{device}", f"zone/{zone}"}))
            agent = Agent(
                device,
                (zone,),
                verifier,
                folder / device,
                lambda *_: None,
                self.executor,
                topics=self.topics,
                player=NullPlayer(),
                heartbeat_s=300.0,
            )
            creds = credentials(device) if credentials else None
            transport = MqttTransport(
                agent, broker_url, username=creds[0] if creds else None, password=creds[1] if creds else None
            )
            transport.client.on_socket_open = self._opened
            transport.client.on_socket_close = self._closed
            transport.client.on_socket_register_write = self._wants_write
            transport.client.on_socket_unregister_write = self._wrote
            self.transports.append(transport)
        self.thread = threading.Thread(target=self._run, name="swarm", daemon=True)

    @property
    def agents(self) -> list[Agent]:
        return [t.agent for t in self.transports]

    def _opened(self, client: mqtt.Client, userdata: object, sock: object) -> None:
        with self.lock:
            self.selector.register(sock, selectors.EVENT_READ, client)  # type: ignore[arg-type]

    def _wants_write(self, client: mqtt.Client, userdata: object, sock: object) -> None:
        self.writers.add(client)

    def _wrote(self, client: mqtt.Client, userdata: object, sock: object) -> None:
        self.writers.discard(client)

    def _closed(self, client: mqtt.Client, userdata: object, sock: object) -> None:
        with self.lock:
            try:
                self.selector.unregister(sock)  # type: ignore[arg-type]
            except (KeyError, ValueError):
                pass

    def start(self, connect_timeout_s: float = 120.0) -> Swarm:
        deadline = time.monotonic() + connect_timeout_s
        for transport in self.transports:  # before the loop runs: CONNACKs wait in the sockets
            transport.open()
            if time.monotonic() > deadline:
                raise TimeoutError("the swarm could not connect in time")
        self.thread.start()
        # connected and subscribed: a command sent before a device's SUBACK would reach no subscriber
        while not all(t.subscriptions.confirmed.is_set() for t in self.transports):
            if time.monotonic() > deadline:
                late = sum(not t.subscriptions.confirmed.is_set() for t in self.transports)
                raise TimeoutError(f"{late} devices never connected and subscribed")
            time.sleep(0.05)
        for transport in self.transports:
            transport.subscriptions.check(0)  # a device's own topics refused: BrokerError
        return self

    def _run(self) -> None:
        last_misc = last_tick = 0.0
        while not self.stopped.is_set():
            with self.lock:
                events = self.selector.select(timeout=0.01) if self.selector.get_map() else []
                for key, _mask in events:
                    key.data.loop_read()
                for client in list(self.writers):
                    client.loop_write()
                now = time.time()
                if now - last_misc >= 1.0:
                    for transport in self.transports:
                        transport.client.loop_misc()
                    last_misc = now
            if not events:
                time.sleep(0.002)
            if now - last_tick >= self.tick_s:
                last_tick = now
                for transport in self.transports:
                    transport.agent.tick(now)

    def stop(self, offline_timeout_s: float = 10.0) -> None:
        """Stop as the reference device does (`MqttTransport.stop`): every member says, retained,
        that it is offline, and disconnects once the broker has it (or `offline_timeout_s` is
        over). A member whose connection died meanwhile is said offline by its will."""
        with self.lock:
            saying = [t.say_offline() for t in self.transports if t.client.is_connected()]
        deadline = time.monotonic() + offline_timeout_s
        while self.thread.is_alive() and not all(info.is_published() for info in saying) and time.monotonic() < deadline:
            time.sleep(0.01)  # the swarm's loop reads the PUBACKs
        with self.lock:
            for transport in self.transports:
                transport.client.disconnect()
                transport.client.loop_write()
        self.stopped.set()
        self.thread.join(10)
        self.executor.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> Swarm:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

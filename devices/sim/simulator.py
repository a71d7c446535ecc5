"""Many reference agents in one process against a real broker, for the demo, tests and benchmarks."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from devices.agent import Agent
from devices.mqtt import MqttTransport
from devices.players import NullPlayer
from devices.protocol import Topics, Verifier, public_key


@dataclass
class SimulatedDevice:
    id: str
    zone: str


@dataclass
class Fleet:
    """N agents, one paho client each, ticked by a single clock thread."""

    devices: list[SimulatedDevice]
    broker_url: str
    trusted_keys: dict[str, str]
    folder: Path
    topics: Topics = field(default_factory=Topics)
    tick_s: float = 0.05
    device_urls: dict[str, str] = field(default_factory=dict)  # per-device credentials: mqtt://user:password@host:port
    agents: list[Agent] = field(default_factory=list)
    transports: list[MqttTransport] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=8, thread_name_prefix="media")
        self._stop = threading.Event()
        self._ticker = threading.Thread(target=self._run, name="fleet-clock", daemon=True)

    def start(self) -> Fleet:
        keys = {kid: public_key(b64) for kid, b64 in self.trusted_keys.items()}
        for dev in self.devices:
            verifier = Verifier(dict(keys), frozenset({f"dev/{dev.id}", f"zone/{dev.zone}"}))
            agent = Agent(
                dev.id,
                (dev.zone,),
                verifier,
                self.folder / dev.id,
                lambda *_: None,
                self._executor,
                topics=self.topics,
                player=NullPlayer(),
            )
            url = self.device_urls.get(dev.id, self.broker_url)
            transport = MqttTransport(agent, url).start()
            self.agents.append(agent)
            self.transports.append(transport)
        self._ticker.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.tick_s):
            now = time.time()
            for agent in self.agents:
                agent.tick(now)

    def stop(self) -> None:
        self._stop.set()
        if self._ticker.is_alive():
            self._ticker.join(5)
        for transport in self.transports:
            transport.stop()
        self._executor.shutdown(wait=False, cancel_futures=True)

    def __enter__(self) -> Fleet:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

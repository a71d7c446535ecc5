"""Light simulated speakers: thousands per process on one asyncio loop.

A light speaker does what a real one does on the network path — it verifies the Ed25519
signature of every message with the real `Verifier` (target, expiry, replay) and acks it
with QoS 1 — but keeps no files, downloads nothing and plays nothing. A fan-out benchmark
driven by them measures the broker and the service, not the simulator (a full reference
agent per device costs ~1 ms of harness per device; see docs/scaling.md).

Verifying one Ed25519 signature costs ~0.3 ms on these (shared) cores: 10,000 byte-identical
copies of a zone command verified one after another on two cores would put ~1.5 s of harness
in front of the last device, where real speakers verify in parallel on their own CPUs. With
`memo=True` a process verifies the signature of byte-identical copies once (`MemoKey`); each
speaker still parses its copy and applies target, expiry and replay checks, and every distinct
message (each per-device programme) is verified in full. `verify_cost_ms` measures one check
so the device-local cost can be added back (docs/scaling.md).

Two MQTT client libraries can drive them: gmqtt (the default, the faster one measured on
these machines) and aiomqtt (paho underneath), kept to compare the two.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from devices.broker import BrokerError, parse_mqtt_url
from devices.protocol import MessageType, ProtocolError, Signer, Topics, Verifier, iso, public_key

log = logging.getLogger(__name__)

BACKENDS = ("gmqtt", "aiomqtt")
Send = Callable[[str, bytes], None]


class MemoKey:
    """An Ed25519 public key that remembers the (signature, message) pairs it already accepted."""

    def __init__(self, key: Ed25519PublicKey, size: int = 4096) -> None:
        self.key, self.size = key, size
        self.good: dict[tuple[bytes, bytes], None] = {}

    def verify(self, signature: bytes, data: bytes) -> None:
        if (signature, data) in self.good:
            return
        self.key.verify(signature, data)  # raises InvalidSignature: never remembered
        self.good[(signature, data)] = None
        if len(self.good) > self.size:
            self.good.pop(next(iter(self.good)))


def verify_cost_ms(rounds: int = 200) -> float:
    """Milliseconds one speaker spends checking one signed zone command on this machine."""
    signer = Signer.generate()
    payload = signer.encode(MessageType.PLAY, "zone/z", {"item": {"id": "x" * 32, "media": {"url": "u" * 96}}}, 600)
    verifier = Verifier({signer.key_id: public_key(signer.public_b64())}, frozenset({"zone/z"}), memory=8)
    started = time.perf_counter()
    for _ in range(rounds):
        verifier.seen.clear()
        verifier.last_seq.clear()
        verifier.verify("loa/v1/zone/z/cmd", payload, time.time())
    return (time.perf_counter() - started) / rounds * 1000


@dataclass
class LightSpeaker:
    """The network half of a speaker: verify, remember when each message arrived, ack."""

    device: str
    zone: str
    verifier: Verifier
    topics: Topics
    send: Send = lambda topic, payload: None
    received: dict[str, float] = field(default_factory=dict)
    rejected: list[str] = field(default_factory=list)
    schedule_at: float | None = None  # when the latest programme arrived

    def subscriptions(self) -> list[str]:
        return [self.topics.schedule(self.device), self.topics.device_cmd(self.device), self.topics.zone_cmd(self.zone)]

    def handle(self, topic: str, payload: bytes, now: float) -> None:
        arrived = time.time()
        try:
            message = self.verifier.verify(topic, payload, now)
        except ProtocolError as exc:
            self.rejected.append(exc.reason.value)
            try:
                message_id = str(json.loads(payload).get("id", ""))
            except (ValueError, AttributeError):
                message_id = ""
            self._ack(message_id, "rejected", exc.reason.value, now)
            return
        message_id = str(message["id"])
        self.received[message_id] = arrived
        if message["type"] == MessageType.SCHEDULE:
            self.schedule_at = arrived
        if len(self.received) > 256:
            self.received.pop(next(iter(self.received)))
        self._ack(message_id, "ok", None, now)

    def _ack(self, message_id: str, status: str, reason: str | None, now: float) -> None:
        body = {"id": message_id, "device": self.device, "status": status, "reason": reason, "at": iso(now)}
        self.send(self.topics.ack(self.device), json.dumps(body).encode())


class _Link:
    """One MQTT connection for one light speaker."""

    async def open(self, speaker: LightSpeaker, host: str, port: int) -> None:
        raise NotImplementedError

    async def close(self) -> None:
        raise NotImplementedError


class _GmqttLink(_Link):
    async def open(self, speaker: LightSpeaker, host: str, port: int) -> None:
        import gmqtt
        from gmqtt.mqtt.constants import MQTTv311

        client = gmqtt.Client(f"light-{speaker.device}", clean_session=True)
        client.set_config({"reconnect_retries": 3, "reconnect_delay": 1})

        def on_message(_c: Any, topic: str, payload: bytes, _qos: int, _props: Any) -> int:
            speaker.handle(topic, payload, time.time())
            return 0

        client.on_message = on_message
        speaker.send = lambda topic, payload: client.publish(topic, payload, qos=1)
        await client.connect(host, port, keepalive=300, version=MQTTv311)
        client.subscribe([gmqtt.Subscription(t, qos=1) for t in speaker.subscriptions()])
        self.client = client

    async def close(self) -> None:
        await self.client.disconnect()


class _AiomqttLink(_Link):
    async def open(self, speaker: LightSpeaker, host: str, port: int) -> None:
        import aiomqtt

        client = aiomqtt.Client(host, port, identifier=f"light-{speaker.device}", protocol=aiomqtt.ProtocolVersion.V311)
        await client.__aenter__()
        for topic in speaker.subscriptions():
            await client.subscribe(topic, qos=1)
        loop = asyncio.get_running_loop()
        pending: set[asyncio.Task[None]] = set()

        def send(topic: str, payload: bytes) -> None:
            task = loop.create_task(client.publish(topic, payload, qos=1))
            pending.add(task)  # a reference, or the task may be collected mid-flight
            task.add_done_callback(pending.discard)

        speaker.send = send
        self.client = client
        self.reader = loop.create_task(self._read(speaker))

    async def _read(self, speaker: LightSpeaker) -> None:
        async for message in self.client.messages:
            speaker.handle(str(message.topic), bytes(message.payload), time.time())  # type: ignore[arg-type]

    async def close(self) -> None:
        self.reader.cancel()
        await self.client.__aexit__(None, None, None)


@dataclass
class LightFleet:
    """Many light speakers on the running event loop; connect bounded in parallel."""

    devices: list[tuple[str, str]]
    broker_url: str
    trusted_keys: dict[str, str]
    topics: Topics = field(default_factory=Topics)
    backend: str = "gmqtt"
    memo: bool = True
    speakers: list[LightSpeaker] = field(default_factory=list)
    links: list[_Link] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise ValueError(f"unknown MQTT backend {self.backend!r}: choose one of {', '.join(BACKENDS)}")
        keys: dict[str, Any] = {kid: public_key(b64) for kid, b64 in self.trusted_keys.items()}
        if self.memo:
            keys = {kid: MemoKey(key) for kid, key in keys.items()}
        for device, zone in self.devices:
            verifier = Verifier(dict(keys), frozenset({f"dev/{device}", f"zone/{zone}"}), memory=64)
            self.speakers.append(LightSpeaker(device, zone, verifier, self.topics))

    async def start(self, parallel: int = 100, timeout_s: float = 120.0) -> LightFleet:
        """Connect every speaker.

        :raises BrokerError: when the broker is unreachable or the fleet cannot connect in time.
        """
        host, port, _user, _password = parse_mqtt_url(self.broker_url)
        gate = asyncio.Semaphore(parallel)
        kind = _GmqttLink if self.backend == "gmqtt" else _AiomqttLink

        async def one(speaker: LightSpeaker) -> _Link:
            async with gate:
                link = kind()
                await link.open(speaker, host, port)
                return link

        try:
            self.links = list(await asyncio.wait_for(asyncio.gather(*(one(s) for s in self.speakers)), timeout_s))
        except (OSError, TimeoutError) as exc:
            raise BrokerError(f"{len(self.speakers)} light speakers could not connect to {self.broker_url}: {exc}") from exc
        await asyncio.sleep(0.2)  # the SUBACKs
        return self

    async def stop(self) -> None:
        await _bounded(asyncio.gather(*(link.close() for link in self.links), return_exceptions=True), 30.0)

    def received(self, message_id: str) -> list[float | None]:
        return [s.received.get(message_id) for s in self.speakers]


async def _bounded(awaitable: Awaitable[Any], timeout_s: float) -> None:
    try:
        await asyncio.wait_for(awaitable, timeout_s)
    except TimeoutError:
        log.warning("light fleet did not disconnect within %.0f s", timeout_s)

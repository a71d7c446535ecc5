"""`Dispatcher.start()` and a device's `MqttTransport.start()` return once the broker has
confirmed their subscriptions.

A report a device sends between the CONNACK and the broker's SUBACK reaches no subscriber and
the broker drops it; so does a command sent to a device that has not subscribed yet. A fresh-clone CI run lost a proof of play that way under load (the first
of 24 sent right after `start()`, tests/abuse/test_deferred_acks.py). Here a proxy holds the
SUBSCRIBE back for a second, so the window is wide and the test deterministic.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from devices.agent import Agent
from devices.broker import BrokerError
from devices.dispatcher import Dispatcher
from devices.mqtt import MqttTransport, connect, make_client
from devices.protocol import MessageType, Signer, Topics, Verifier, public_key
from devices.sim.swarm import Swarm
from tests.abuse.test_deferred_acks import _played  # a proof of play as a speaker sends it
from tests.conftest import wait_for

SIGNER = Signer.generate("k1")
SUBSCRIBE, SUBACK = 0x80, 0x90  # MQTT packet types, in the high nibble of a packet's first byte


def _header_size(packet: bytes | bytearray) -> int:
    """The fixed header's bytes: the type and the remaining length (1 to 4 bytes, 7 bits each); 0 if incomplete."""
    for i in range(1, min(len(packet), 5)):
        if not packet[i] & 0x80:
            return i + 1
    return 0


def _packets(buffer: bytearray) -> list[bytes]:
    """The whole packets at the start of `buffer`, taken out of it; a partial one stays for the next read."""
    out = []
    while (size := _header_size(buffer)) and len(buffer) >= size + (length := _remaining(buffer, size)):
        out.append(bytes(buffer[: size + length]))
        del buffer[: size + length]
    return out


def _remaining(packet: bytes | bytearray, size: int) -> int:
    return sum((packet[i] & 0x7F) << (7 * (i - 1)) for i in range(1, size))


class SlowSubscribe:
    """TCP on loopback to the broker; a chunk from the client that opens with SUBSCRIBE is held
    back, and with `refuse` every SUBACK says 0x80 (failure) for each filter, as a broker with an
    ACL does (Mosquitto 2.0 grants an MQTT 3.1.1 subscription its ACL denies and drops its messages)."""

    def __init__(self, target: int, hold_s: float, refuse: str = "") -> None:
        self.target, self.hold_s, self.refuse = target, hold_s, refuse  # refuse "all" filters, or the "last" one
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.held = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:  # each connection in turn (a swarm opens several)
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self._serve(client)

    def _serve(self, client: socket.socket) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.target))
        threading.Thread(target=self._pipe, args=(client, upstream, True), daemon=True).start()
        threading.Thread(target=self._pipe, args=(upstream, client, False), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, from_client: bool) -> None:
        """Whole MQTT packets, each looked at alone: a SUBACK may share a TCP read with a PUBACK or come in pieces."""
        buffer = bytearray()
        try:
            while chunk := src.recv(4096):
                buffer += chunk
                for packet in _packets(buffer):
                    if from_client and packet[0] & 0xF0 == SUBSCRIBE:
                        self.held += 1
                        time.sleep(self.hold_s)
                    if not from_client and self.refuse and packet[0] == SUBACK:
                        codes = len(packet) - _header_size(packet) - 2  # after the fixed header and the packet id
                        kept = codes - 1 if self.refuse == "last" else 0
                        packet = packet[: len(packet) - codes + kept] + b"\x80" * (codes - kept)
                    dst.sendall(packet)
        except OSError:
            pass
        for sock in (src, dst):
            sock.close()

    def close(self) -> None:
        self.listener.close()


@pytest.fixture
def proxy() -> Iterator[SlowSubscribe]:
    slow = SlowSubscribe(1883, hold_s=1.0)
    yield slow
    slow.close()


@pytest.mark.parametrize("shared_group", ["", "g1"])
def test_a_report_sent_right_after_start_is_received(proxy: SlowSubscribe, shared_group: str) -> None:
    topics = Topics(f"loa/start-{time.time_ns()}")
    played: list[str] = []

    def on_played(device: str, body: dict[str, Any]) -> None:
        played.append(body["item"])

    dispatcher = Dispatcher(
        SIGNER,
        f"mqtt://127.0.0.1:{proxy.port}",
        topics,
        client_id=f"srv-{time.time_ns()}",
        on_played=on_played,
        shared_group=shared_group,
    )
    started = time.monotonic()
    dispatcher.start()
    waited = time.monotonic() - started
    sender = make_client(f"dev-{time.time_ns()}")
    connect(sender, "mqtt://127.0.0.1:1883")
    try:
        sender.publish(topics.played("d1"), _played("first"), qos=1).wait_for_publish(5)
        assert wait_for(lambda: played == ["first"], 5), f"the report sent after start() was lost ({waited:.2f} s in start)"
        assert proxy.held >= 1 and waited >= 1.0
    finally:
        dispatcher.stop()
        sender.disconnect()
        sender.loop_stop()


def test_a_command_sent_right_after_a_device_starts_is_obeyed(proxy: SlowSubscribe, tmp_path: Path) -> None:
    topics = Topics(f"loa/start-{time.time_ns()}")
    device = f"d-{time.time_ns()}"  # its persistent session is new: nothing subscribed before
    verifier = Verifier({SIGNER.key_id: public_key(SIGNER.public_b64())}, frozenset({f"dev/{device}", "zone/z1"}))
    with ThreadPoolExecutor(1) as executor:
        agent = Agent(device, ("z1",), verifier, tmp_path / "agent", lambda *_: None, executor, topics=topics)
        started = time.monotonic()
        transport = MqttTransport(agent, f"mqtt://127.0.0.1:{proxy.port}").start()
        waited = time.monotonic() - started
        sender = make_client(f"srv-{time.time_ns()}")
        connect(sender, "mqtt://127.0.0.1:1883")
        try:
            command = SIGNER.encode(MessageType.VOLUME, f"dev/{device}", {"volume": 40}, 60)
            sender.publish(topics.device_cmd(device), command, qos=1).wait_for_publish(5)
            assert wait_for(lambda: agent.volume == 40, 5), f"the command sent after start() was lost ({waited:.2f} s in start)"
            assert proxy.held >= 1 and waited >= 1.0
        finally:
            transport.stop()
            sender.disconnect()
            sender.loop_stop()


def _retained(topic: str) -> bytes:
    """What the broker keeps retained on `topic` (b"" for nothing)."""
    got: list[bytes] = []
    reader = make_client(f"read-{time.time_ns()}")
    reader.on_message = lambda c, u, m: got.append(bytes(m.payload))
    connect(reader, "mqtt://127.0.0.1:1883")
    reader.subscribe(topic, 1)
    wait_for(lambda: got, 2)
    reader.disconnect()
    reader.loop_stop()
    return got[-1] if got else b""


def test_a_refused_subscription_is_a_clear_error_and_leaves_no_one_online(tmp_path: Path) -> None:
    """A worker or a speaker the broker's ACL keeps from its topics would run deaf: it stops at start, and says offline
    (its "online" went out retained on connect, and a clean disconnect sends no will)."""
    proxy = SlowSubscribe(1883, hold_s=0.0, refuse="all")
    prefix = f"loa/deaf-{time.time_ns()}"
    worker = f"srv-{time.time_ns()}"
    dispatcher = Dispatcher(SIGNER, f"mqtt://127.0.0.1:{proxy.port}", Topics(prefix), client_id=worker, shared_group="g1")
    device = f"d-{time.time_ns()}"
    verifier = Verifier({SIGNER.key_id: public_key(SIGNER.public_b64())}, frozenset({f"dev/{device}"}))
    try:
        with pytest.raises(BrokerError) as caught:
            dispatcher.start(timeout_s=5)
        assert caught.value.code == "broker.subscription_refused"
        assert f"refused the subscription to $share/g1/{prefix}/dev/+/" in str(caught.value)
        assert not dispatcher.client.is_connected()
        assert json.loads(_retained(Topics(prefix).worker(worker)))["online"] is False
        with ThreadPoolExecutor(1) as executor:
            agent = Agent(device, (), verifier, tmp_path / "agent", lambda *_: None, executor, topics=Topics(prefix))
            transport = MqttTransport(agent, f"mqtt://127.0.0.1:{proxy.port}")
            with pytest.raises(BrokerError) as caught:
                transport.start(timeout_s=5)
        assert caught.value.code == "broker.subscription_refused" and str(caught.value.params["topics"]).startswith(
            f"{prefix}/dev/"
        )
        assert json.loads(_retained(Topics(prefix).state(device)))["online"] is False
    finally:
        proxy.close()


def test_a_refused_zone_leaves_a_speaker_its_own_commands(tmp_path: Path) -> None:
    """A zone the ACL denies (a speaker moved, the ACL not yet exported) is warned of; the speaker still starts and obeys
    what is sent to it."""
    proxy = SlowSubscribe(1883, hold_s=0.0, refuse="last")
    topics = Topics(f"loa/zone-{time.time_ns()}")
    device = f"d-{time.time_ns()}"
    verifier = Verifier({SIGNER.key_id: public_key(SIGNER.public_b64())}, frozenset({f"dev/{device}", "zone/old"}))
    with ThreadPoolExecutor(1) as executor:
        agent = Agent(device, ("old",), verifier, tmp_path / "agent", lambda *_: None, executor, topics=topics)
        assert agent.subscriptions()[-1] == topics.zone_cmd("old")  # the code the proxy refuses is the zone's
        transport = MqttTransport(agent, f"mqtt://127.0.0.1:{proxy.port}").start(timeout_s=5)
        try:
            assert transport.subscriptions.refused == [topics.zone_cmd("old")]
            sender = make_client(f"srv-{time.time_ns()}")
            connect(sender, "mqtt://127.0.0.1:1883")
            sender.publish(
                topics.device_cmd(device), SIGNER.encode(MessageType.VOLUME, f"dev/{device}", {"volume": 30}, 60), qos=1
            )
            assert wait_for(lambda: agent.volume == 30, 5)
            sender.disconnect()
            sender.loop_stop()
        finally:
            transport.stop()
            proxy.close()


def test_a_swarm_is_started_once_every_speaker_is_subscribed(tmp_path: Path, proxy: SlowSubscribe) -> None:
    topics = Topics(f"loa/swarm-{time.time_ns()}")
    swarm = Swarm(
        [("sw-1", "z1"), ("sw-2", "z1")], f"mqtt://127.0.0.1:{proxy.port}", {SIGNER.key_id: SIGNER.public_b64()}, tmp_path, topics
    )
    swarm.start()
    sender = make_client(f"srv-{time.time_ns()}")
    connect(sender, "mqtt://127.0.0.1:1883")
    try:
        for device in ("sw-1", "sw-2"):
            sender.publish(
                topics.device_cmd(device), SIGNER.encode(MessageType.VOLUME, f"dev/{device}", {"volume": 35}, 60), qos=1
            )
        assert wait_for(lambda: all(a.volume == 35 for a in swarm.agents), 5), "a command sent after start() was lost"
        assert proxy.held >= 2
    finally:
        swarm.stop()
        sender.disconnect()
        sender.loop_stop()

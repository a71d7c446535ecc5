"""`Dispatcher.sent` holds only what still awaits acks (issue 21): a device's superseded
programme leaves it, an expired message leaves it after the grace, and it never holds more
than `max_sent` entries however many messages were sent."""

from __future__ import annotations

import json

import paho.mqtt.client as mqtt

from devices.dispatcher import Dispatcher
from devices.protocol import MessageType, Signer, Topics, iso


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def _dispatcher(clock: Clock, **kwargs: object) -> Dispatcher:
    return Dispatcher(Signer.generate("k1"), "mqtt://127.0.0.1:1", Topics(), clock=clock, **kwargs)  # type: ignore[arg-type]


def test_a_hundred_pushes_to_a_thousand_devices_keep_one_entry_per_device() -> None:
    clock = Clock()
    dispatcher = _dispatcher(clock)
    for _ in range(100):
        for d in range(1000):
            dispatcher.programme(f"d{d}", "z1", [])
        clock.now += 60
    assert len(dispatcher.sent) == 1000


def test_expired_commands_are_forgotten_after_the_grace_and_late_acks_still_count_within_it() -> None:
    clock = Clock()
    dispatcher = _dispatcher(clock, ack_grace_s=300.0)
    first = dispatcher.command_message(MessageType.STOP, {}, device="d1", ttl_s=600)[0]
    clock.now += 600 + 200  # expired, within the grace: a late ack is still recorded
    _ack(dispatcher, first, "d1")
    assert dispatcher.acked(first, "d1")
    for i in range(5000):
        dispatcher.command_message(MessageType.STOP, {}, device=f"d{i}", ttl_s=600)
        clock.now += 1
    assert first not in dispatcher.sent  # swept once past expiry + grace
    assert len(dispatcher.sent) <= 2 * (600 + 300)  # only what could still be acked, plus one sweep's growth
    assert dispatcher.evicted == 0


def _ack(dispatcher: Dispatcher, message_id: str, device: str) -> None:
    message = mqtt.MQTTMessage(topic=f"loa/v1/dev/{device}/ack".encode())
    message.payload = json.dumps({"id": message_id, "status": "ok", "reason": None, "at": iso(dispatcher.clock())}).encode()
    dispatcher._on_message(dispatcher.client, None, message)


def test_the_size_cap_holds_when_nothing_expires() -> None:
    clock = Clock()
    dispatcher = _dispatcher(clock, max_sent=500)
    ids = [dispatcher.command_message(MessageType.STOP, {}, zone=f"z{i}", ttl_s=86400)[0] for i in range(2000)]
    assert len(dispatcher.sent) == 500
    assert list(dispatcher.sent) == ids[-500:]  # the oldest went first
    assert dispatcher.evicted == 1500

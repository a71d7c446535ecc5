"""Light simulated speakers verify every copy they get and ack it, as real speakers do."""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from typing import Any

import pytest
from cryptography.exceptions import InvalidSignature

from devices.dispatcher import Dispatcher
from devices.protocol import MessageType, Signer, Topics, iso, public_key
from devices.sim.light import LightFleet, MemoKey
from tests.conftest import wait_for

pytestmark = pytest.mark.slow


def test_light_speakers_verify_and_ack_each_copy(mosquitto_url: str) -> None:
    signer, impostor = Signer.generate(), Signer.generate()
    topics = Topics(f"loa/light-{uuid.uuid4().hex[:8]}")
    acks: list[tuple[str, dict[str, Any]]] = []
    lock = threading.Lock()

    def on_ack(device: str, body: dict[str, Any]) -> None:
        with lock:
            acks.append((device, body))

    dispatcher = Dispatcher(signer, mosquitto_url, topics, client_id=f"srv-{uuid.uuid4().hex[:8]}", on_ack=on_ack).start()
    devices = [(f"l-{i:03d}", "z-a" if i % 2 else "z-b") for i in range(60)]

    async def scenario() -> dict[str, list[float | None]]:
        fleet = await LightFleet(devices, mosquitto_url, {signer.key_id: signer.public_b64()}, topics).start()
        try:
            item = {"id": "e1", "starts_at": iso(time.time()), "duration_ms": 1000, "priority": "emergency"}
            good = dispatcher.command(MessageType.PLAY, {"item": item}, zone="z-a")
            forged = impostor.encode(MessageType.PLAY, "zone/z-a", {"item": item}, 600)
            forged = forged.replace(impostor.key_id.encode(), signer.key_id.encode())  # claims the real key
            dispatcher.resend(topics.zone_cmd("z-a"), forged)
            dispatcher.push_programme("l-000", "z-b", [])
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and len(acks) < 30 + 30 + 1:
                await asyncio.sleep(0.05)
            return {"good": fleet.received(good), "programme": [s.schedule_at for s in fleet.speakers]}
        finally:
            await fleet.stop()

    try:
        received = asyncio.run(scenario())
        assert wait_for(lambda: len(acks) >= 61, 5), len(acks)
    finally:
        dispatcher.stop()
    in_a = [i for i, (_, zone) in enumerate(devices) if zone == "z-a"]
    assert all(received["good"][i] is not None for i in in_a)
    assert all(received["good"][i] is None for i in range(len(devices)) if i not in in_a)  # not its zone
    statuses = sorted((body["status"], body["reason"]) for _, body in acks)
    assert statuses.count(("ok", None)) == 31  # 30 zone copies + l-000's programme
    assert statuses.count(("rejected", "bad_signature")) == 30  # every forged copy, though a good one was memoized
    assert received["programme"][0] is not None and received["programme"][1] is None
    assert {d for d, b in acks if b["status"] == "ok"} == {devices[i][0] for i in in_a} | {"l-000"}


def test_memo_key_never_remembers_a_bad_signature() -> None:
    signer = Signer.generate()
    key = MemoKey(public_key(signer.public_b64()))
    good = signer.key.sign(b"hello")
    key.verify(good, b"hello")
    key.verify(good, b"hello")
    with pytest.raises(InvalidSignature):
        key.verify(good, b"hellO")
    assert list(key.good) == [(good, b"hello")]

"""The swarm's speakers show their presence as the reference device does, on the real Mosquitto:
a member whose connection dies is said offline by its will, and a swarm that stops says each
remaining member offline itself (retained, with `at`) before it disconnects — a clean disconnect
sends no will, so without that the console would show a stopped fleet online."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path
from typing import Any

from devices.mqtt import connect, make_client
from devices.protocol import Signer, Topics
from devices.sim.swarm import Swarm
from tests.conftest import wait_for


def test_a_swarm_says_offline_when_a_member_dies_and_when_it_stops(tmp_path: Path, mosquitto_url: str) -> None:
    topics = Topics(f"loa/swarm-{time.time_ns()}")
    devices = [("sw-1", "z1"), ("sw-2", "z1"), ("sw-3", "z1")]
    signer = Signer.generate()
    states: dict[str, dict[str, Any]] = {}  # the latest state each speaker published (retained)
    subscribed: list[bool] = []
    watcher = make_client(f"watch-{topics.prefix}")
    watcher.on_message = lambda c, u, m: states.__setitem__(topics.device_of(m.topic), json.loads(m.payload))
    watcher.on_subscribe = lambda *_: subscribed.append(True)
    connect(watcher, mosquitto_url)
    watcher.subscribe(topics.from_devices("state"), 1)
    assert wait_for(lambda: subscribed, 5), "the watcher's subscription was not granted"

    def said(device: str, online: bool) -> bool:
        return states.get(device, {}).get("online") is online

    swarm = Swarm(devices, mosquitto_url, {signer.key_id: signer.public_b64()}, tmp_path, topics).start()
    try:
        assert wait_for(lambda: all(said(d, True) for d, _ in devices), 10), states
        with swarm.lock:  # sw-1 dies: its connection ends without a DISCONNECT
            swarm.transports[0].client.socket().shutdown(socket.SHUT_RDWR)
        assert wait_for(lambda: said("sw-1", False), 10), "a dead member still shows online"
        assert "at" not in states["sw-1"]  # the broker's will, not the device
        swarm.stop()
        assert wait_for(lambda: said("sw-2", False) and said("sw-3", False), 10), f"a stopped swarm shows online: {states}"
        assert all("at" in states[d] for d in ("sw-2", "sw-3"))  # said by each speaker before it disconnected
    finally:
        swarm.stop()
        watcher.on_message = None
        for device, _ in devices:  # leave no retained state behind on the shared broker
            watcher.publish(topics.state(device), b"", qos=1, retain=True).wait_for_publish(5)
        watcher.disconnect()
        watcher.loop_stop()

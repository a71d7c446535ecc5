"""Two deployments on one open broker, each with a speaker called `loa-1`, keep their own sessions.

The broker closes the older of two connections with one client id and gives the newer its
persistent session, with the other's subscriptions: the two would kick each other off for ever
and one would get the other's commands. It is what made console tests fail under load, when two
tests' `loa-1` met on the shared Mosquitto."""

from __future__ import annotations

import time
from pathlib import Path

from devices.mqtt import device_client_id
from devices.protocol import DEFAULT_PREFIX, Signer, Topics
from devices.sim.simulator import Fleet, SimulatedDevice
from tests.conftest import wait_for


def test_the_default_deployment_keeps_the_documented_client_id() -> None:
    assert device_client_id("loa-1", DEFAULT_PREFIX) == "dev-loa-1"
    assert device_client_id("loa-1", "tinh-a/v1") != device_client_id("loa-1", "tinh-b/v1")


def test_two_deployments_speakers_of_one_name_stay_connected_side_by_side(tmp_path: Path, mosquitto_url: str) -> None:
    fleets = []
    for name in ("a", "b"):
        signer = Signer.generate(f"k-{name}")
        topics = Topics(f"loa/ids-{name}-{time.time_ns()}")
        fleet = Fleet(
            [SimulatedDevice("loa-1", "thon-1")], mosquitto_url, {signer.key_id: signer.public_b64()}, tmp_path / name, topics
        )
        fleets.append(fleet.start())
    clients = [fleet.transports[0].client for fleet in fleets]
    try:
        assert wait_for(lambda: all(c.is_connected() for c in clients), 10)
        samples = []
        deadline = time.time() + 4  # paho reconnects after 1 s: a kicking pair shows within this
        while time.time() < deadline:
            samples.append(all(c.is_connected() for c in clients))
            time.sleep(0.05)
        assert all(samples), f"disconnected in {samples.count(False)} of {len(samples)} samples"
    finally:
        for fleet in fleets:
            fleet.stop()

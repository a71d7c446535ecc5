"""Delivery against real Mosquitto brokers: attacks refused, ACLs enforced, offline and restarts survived."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
import pytest

from devices.acl import DeviceAccount, write_broker_config
from devices.background import free_port
from devices.dispatcher import Dispatcher
from devices.mediaserver import MediaServer
from devices.mqtt import connect, make_client
from devices.programme import MediaRef, programme_entry
from devices.protocol import MessageType, Signer, Topics, _b64, canonical
from devices.sim.mosquitto import MosquittoProcess
from devices.sim.simulator import Fleet, SimulatedDevice
from media.encode import CODECS, encode
from media.master import chime
from media.store import MediaStore
from tests.conftest import wait_for

pytestmark = pytest.mark.slow
RUN_AS = "root" if os.geteuid() == 0 else None  # mosquitto drops to its own user otherwise and cannot read tmp files


def stale(signer: Signer, message: bytes, seq: int) -> bytes:
    """The same command re-signed with an older sequence number (a captured, delayed message)."""
    envelope = json.loads(message)
    envelope.pop("sig")
    envelope["seq"], envelope["id"] = seq, envelope["id"][::-1]
    envelope["sig"] = _b64(signer.key.sign(canonical(envelope)))
    return canonical(envelope)


@pytest.fixture
def media(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = MediaStore(tmp_path / "media")
    stored = store.put(encode(chime(24000, 1.0), CODECS["mp3"]), "mp3", 1000, "mp3")
    with MediaServer(tmp_path / "media") as server:
        yield server, MediaRef(server.base_url + stored.name, stored.sha256, stored.bytes, 1000, "mp3")


def entry(item_id: str, ref: MediaRef, in_s: float, priority: str = "normal") -> dict[str, Any]:
    return programme_entry(item_id, time.time() + in_s, priority, "1", "thử", media=ref).to_dict()


class Collector:
    def __init__(self) -> None:
        self.acks: list[tuple[str, dict[str, Any]]] = []
        self.played: list[tuple[str, dict[str, Any]]] = []
        self.lock = threading.Lock()

    def ack(self, device: str, body: dict[str, Any]) -> None:
        with self.lock:
            self.acks.append((device, body))

    def play(self, device: str, body: dict[str, Any]) -> None:
        with self.lock:
            self.played.append((device, body))

    def reasons(self) -> list[str]:
        with self.lock:
            return [b["reason"] for _d, b in self.acks if b["status"] == "rejected"]


def raw_publish(url: str, topic: str, payload: bytes, retain: bool = False) -> None:
    client = make_client(f"raw-{time.time_ns()}")
    connect(client, url)
    client.publish(topic, payload, qos=1, retain=retain).wait_for_publish(5)
    client.disconnect()
    client.loop_stop()


def test_forged_unknown_replayed_expired_and_tampered_are_refused(tmp_path: Path, mosquitto_url: str, media) -> None:  # type: ignore[no-untyped-def]
    _server, ref = media
    topics = Topics(f"loa/sec-{time.time_ns()}")
    signer, stranger = Signer.generate("k1"), Signer.generate("k9")
    got = Collector()
    dispatcher = Dispatcher(
        signer, mosquitto_url, topics, client_id=f"srv-{time.time_ns()}", on_ack=got.ack, on_played=got.play
    ).start()
    fleet = Fleet([SimulatedDevice("d1", "z1")], mosquitto_url, {"k1": signer.public_b64()}, tmp_path / "fleet", topics).start()
    try:
        cmd = topics.device_cmd("d1")
        forged = signer.envelope(MessageType.PLAY, "dev/d1", {"item": entry("f1", ref, 0)}, 60)
        forged["body"]["item"]["media"]["url"] = "http://127.0.0.1:1/evil.mp3"
        raw_publish(mosquitto_url, cmd, json.dumps(forged).encode())
        raw_publish(mosquitto_url, cmd, stranger.encode(MessageType.PLAY, "dev/d1", {"item": entry("u1", ref, 0)}, 60))
        raw_publish(
            mosquitto_url, cmd, signer.encode(MessageType.PLAY, "dev/d1", {"item": entry("e1", ref, 0)}, 30, time.time() - 120)
        )
        good = signer.encode(MessageType.VOLUME, "dev/d1", {"volume": 40}, 60)
        raw_publish(mosquitto_url, cmd, good)
        assert wait_for(lambda: fleet.agents[0].volume == 40, 5)
        older = stale(signer, signer.encode(MessageType.VOLUME, "dev/d1", {"volume": 90}, 60), json.loads(good)["seq"] - 1)
        raw_publish(mosquitto_url, cmd, older)
        bad_media = MediaRef(ref.url, "0" * 64, ref.bytes, ref.duration_ms, "mp3")
        raw_publish(mosquitto_url, cmd, signer.encode(MessageType.PLAY, "dev/d1", {"item": entry("t1", bad_media, 0)}, 60))
        assert wait_for(lambda: len(got.reasons()) >= 4 and "media_checksum" in fleet.agents[0].rejections, 10), got.reasons()
        assert sorted(got.reasons()) == ["bad_signature", "expired", "stale_sequence", "unknown_key"]
        raw_publish(mosquitto_url, cmd, good)  # the same signed message again: a replay, acked but not redone
        assert wait_for(lambda: any(b.get("reason") == "duplicate" for _d, b in got.acks), 5)
        time.sleep(1.5)
        assert got.played == [] and fleet.agents[0].volume == 40
    finally:
        fleet.stop()
        dispatcher.stop()


def test_acl_confines_each_device_to_its_own_topics(tmp_path: Path) -> None:
    topics = Topics("loa/v1")
    accounts = [DeviceAccount("dev-a", ("zone-1",), "secret-a-123"), DeviceAccount("dev-b", ("zone-2",), "secret-b-456")]
    port = free_port()
    conf = write_broker_config(
        tmp_path / "broker",
        accounts,
        topics,
        "server",
        "server-secret",
        port=port,
        persistence=False,
        run_as=RUN_AS,
        allow_root=True,
    )
    with MosquittoProcess(conf, port) as broker:
        received: list[str] = []
        spy = make_client("dev-a")
        spy.on_message = lambda c, u, m: received.append(m.topic)
        connect(spy, f"mqtt://dev-a:secret-a-123@127.0.0.1:{port}")
        spy.subscribe([(topics.schedule("dev-b"), 1), (topics.zone_cmd("zone-2"), 1), (topics.schedule("dev-a"), 1)])
        spy.publish(topics.device_cmd("dev-b"), b"forged", qos=1).wait_for_publish(5)
        spy.publish(topics.played("dev-b"), b"{}", qos=1).wait_for_publish(5)
        server_seen: list[str] = []
        server = make_client("server")
        server.on_message = lambda c, u, m: server_seen.append(m.topic)
        connect(server, f"mqtt://server:server-secret@127.0.0.1:{port}")
        server.subscribe(f"{topics.prefix}/#", 1)
        time.sleep(0.5)
        spy.publish(topics.device_cmd("dev-b"), b"forged-again", qos=1).wait_for_publish(5)
        spy.publish(topics.ack("dev-a"), b"{}", qos=1).wait_for_publish(5)
        for topic in (topics.schedule("dev-b"), topics.zone_cmd("zone-2"), topics.schedule("dev-a")):
            server.publish(topic, b"x", qos=1).wait_for_publish(5)
        time.sleep(1.0)
        assert received == [topics.schedule("dev-a")], "dev-a read only its own topics"
        assert topics.device_cmd("dev-b") not in server_seen and topics.played("dev-b") not in server_seen
        assert topics.ack("dev-a") in server_seen
        with pytest.raises(Exception, match="refused"):
            connect(make_client("intruder"), f"mqtt://dev-a:wrong-password@127.0.0.1:{port}", timeout_s=3)
        for client in (spy, server):
            client.disconnect()
            client.loop_stop()
        assert broker.process is not None


def test_offline_device_gets_the_latest_programme_on_reconnect(tmp_path: Path, mosquitto_url: str, media) -> None:  # type: ignore[no-untyped-def]
    _server, ref = media
    topics = Topics(f"loa/off-{time.time_ns()}")
    signer = Signer.generate()
    got = Collector()
    dispatcher = Dispatcher(signer, mosquitto_url, topics, client_id=f"srv-{time.time_ns()}", on_played=got.play).start()
    try:
        dispatcher.push_programme("d7", "z1", [entry("old", ref, 3600)])
        dispatcher.push_programme("d7", "z1", [entry("new", ref, 3)])  # changed while the device was off
        with Fleet(
            [SimulatedDevice("d7", "z1")], mosquitto_url, {signer.key_id: signer.public_b64()}, tmp_path / "f", topics
        ) as fleet:
            assert wait_for(lambda: [d for d, b in got.played if b["item"] == "new"] == ["d7"], 10)
            assert set(fleet.agents[0].programme) == {"new"}
    finally:
        dispatcher.stop()


def test_broker_restart_mid_delivery_loses_no_play(tmp_path: Path, media) -> None:  # type: ignore[no-untyped-def]
    _server, ref = media
    port = free_port()
    conf = tmp_path / "mosquitto.conf"
    conf.write_text(
        f"listener {port} 127.0.0.1\nallow_anonymous true\npersistence true\npersistence_location {tmp_path}/\nautosave_interval 1\n"
        + (f"user {RUN_AS}\n" if RUN_AS else "")
    )
    topics = Topics("loa/v1")
    signer = Signer.generate()
    got = Collector()
    with MosquittoProcess(conf, port) as broker:
        dispatcher = Dispatcher(signer, broker.url, topics, client_id="srv-restart", on_played=got.play, clean=False).start()
        dispatcher.push_programme("r1", "z1", [entry("a", ref, 6)])
        dispatcher.push_programme("r2", "z1", [entry("b", ref, 7)])
        broker.restart()  # retained programmes persist; clients reconnect on their own
        with Fleet(
            [SimulatedDevice("r1", "z1"), SimulatedDevice("r2", "z1")],
            broker.url,
            {signer.key_id: signer.public_b64()},
            tmp_path / "f",
            topics,
        ):
            assert wait_for(lambda: sorted(b["item"] for _d, b in got.played) == ["a", "b"], 15), got.played
        dispatcher.stop()


def test_device_that_loses_the_network_after_prefetch_plays_on_time_and_reports_later(
    tmp_path: Path, mosquitto_url: str, media
) -> None:  # type: ignore[no-untyped-def]
    _server, ref = media
    topics = Topics(f"loa/net-{time.time_ns()}")
    signer = Signer.generate()
    got = Collector()
    dispatcher = Dispatcher(signer, mosquitto_url, topics, client_id=f"srv-{time.time_ns()}", on_played=got.play).start()
    fleet = Fleet(
        [SimulatedDevice("n1", "z1")], mosquitto_url, {signer.key_id: signer.public_b64()}, tmp_path / "f", topics
    ).start()
    try:
        dispatcher.push_programme("n1", "z1", [entry("offline-play", ref, 3)])
        agent, transport = fleet.agents[0], fleet.transports[0]
        assert wait_for(lambda: ref.sha256 in agent.ready, 5), "prefetched"
        transport.client.disconnect()  # the 4G link drops
        transport.client.loop_stop()
        assert wait_for(lambda: "offline-play" in agent.played, 8), "played on its own clock"
        assert wait_for(lambda: bool(agent.outbox), 3) and got.played == [], "the report waits in the outbox"
        transport.client.reconnect()
        transport.client.loop_start()
        assert wait_for(lambda: [b["item"] for _d, b in got.played] == ["offline-play"], 10)
        assert agent.outbox == []
    finally:
        fleet.stop()
        dispatcher.stop()


def test_media_server_etag_range_and_bad_names(media) -> None:  # type: ignore[no-untyped-def]
    import urllib.error
    import urllib.request

    server, ref = media
    with urllib.request.urlopen(urllib.request.Request(ref.url, headers={"Range": "bytes=10-19"})) as r:
        assert r.status == 206 and len(r.read()) == 10 and "immutable" in r.headers["Cache-Control"]
        etag = r.headers["ETag"]
        assert etag == f'"{ref.sha256}"', "the ETag is the sha256"
    with pytest.raises(urllib.error.HTTPError) as not_modified:
        urllib.request.urlopen(urllib.request.Request(ref.url, headers={"If-None-Match": etag}))
    assert not_modified.value.code == 304
    for name in ("../../etc/passwd", "abc.mp3", "0" * 64 + ".mp3"):
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(server.base_url + name)
        assert missing.value.code == 404
    assert mqtt is not None

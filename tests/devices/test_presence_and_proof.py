"""Issue 23 #3: presence and proof of play you can trust.

A speaker shut down normally shows offline (its retained state says so before it disconnects; the
will only covers a crash): the reference agent on a real Mosquitto, the real service. A player that
hangs is killed after its length plus a margin and the play is reported `failed` with what was
heard, not the length; a player that exits with an error is `failed` too; a long play sends
heartbeats while it plays."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fastapi.testclient import TestClient

from broadcaster.config import Settings
from broadcaster.service.core import Service
from broadcaster.store.models import DeviceRow
from broadcaster.web.app import create_app
from devices import wire
from devices.agent import Agent
from devices.background import free_port
from devices.mqtt import MqttTransport
from devices.players import CommandPlayer, NullPlayer, timeout_for
from devices.programme import MediaRef, programme_entry
from devices.protocol import MessageType, Signer, Topics, Verifier, public_key
from tests.conftest import wait_for
from tests.web.world import PASSWORD, build


def test_a_speaker_shut_down_normally_shows_offline(tmp_path: Path, mosquitto_url: str) -> None:
    prefix = f"loa/presence-{time.time_ns()}"
    _settings, store, _approved, _draft = build(tmp_path)
    settings = Settings(data_dir=tmp_path / "data", topic_prefix=prefix, server_client_id=f"srv-{prefix}", media_port=free_port())
    service = Service(settings, store, mosquitto_url).start()
    agent = Agent(
        "loa-2",
        ("thon-1",),
        Verifier({service.signer.key_id: public_key(service.signer.public_b64())}, frozenset({"dev/loa-2", "zone/thon-1"})),
        tmp_path / "agent",
        lambda *_: None,
        ThreadPoolExecutor(1),
        topics=Topics(prefix),
        player=NullPlayer(),
    )

    def online() -> bool | None:
        with store.session() as s:
            row = s.get(DeviceRow, "loa-2")
            return None if row is None or row.last_seen is None else row.online

    try:
        transport = MqttTransport(agent, mosquitto_url).start()
        assert wait_for(lambda: online() is True, 10)
        transport.stop()  # a normal shutdown: DISCONNECT, so the broker sends no will
        assert wait_for(lambda: online() is False, 5), "a clean shutdown left the speaker online"
        client = TestClient(create_app(settings, store))
        client.post("/api/session", json={"username": "canbo", "password": PASSWORD})
        row = client.get("/loa").text.split("<tr><td><strong>loa-2</strong>", 1)[1].split("</tr>", 1)[0]
        assert "Mất kết nối" in row and "Trực tuyến" not in row
        # and it comes back online when it starts again
        transport = MqttTransport(agent, mosquitto_url).start()
        assert wait_for(lambda: online() is True, 10)
        transport.stop()
    finally:
        service.stop()


def _play(tmp_path: Path, command: list[str], duration_s: float, heartbeat_s: float = 60.0) -> tuple[dict, list[dict]]:
    """One item of `duration_s` through a command player; the proof of play and the telemetry sent."""
    signer = Signer.generate("k1")
    sent: list[tuple[str, bytes]] = []
    agent = Agent(
        "d1",
        ("z1",),
        Verifier({signer.key_id: public_key(signer.public_b64())}, frozenset({"dev/d1", "zone/z1"})),
        tmp_path,
        lambda t, p, r: sent.append((t, p)),
        executor=None,  # type: ignore[arg-type]
        player=CommandPlayer(command),
        heartbeat_s=heartbeat_s,
    )
    media = tmp_path / "a.mp3"
    media.write_bytes(b"x")
    ref = MediaRef("http://127.0.0.1:1/a.mp3", "c" * 64, 1, int(duration_s * 1000), "mp3")
    agent.ready[ref.sha256] = media
    starts = time.time()
    body = {"device": "d1", "zone": "z1", "items": [programme_entry("it", starts, "normal", "1", "t", media=ref).to_dict()]}
    topics = Topics()
    agent.handle(topics.schedule("d1"), signer.encode(MessageType.SCHEDULE, "dev/d1", body, 3600), time.time())
    agent._last_heartbeat = time.time()  # noqa: SLF001 (no start-up heartbeat in the count)
    agent.tick(time.time())  # blocks while the player plays
    played = [json.loads(p) for t, p in sent if t.endswith("/played")]
    beats = [json.loads(p) for t, p in sent if t.endswith("/telemetry")]
    assert len(played) == 1
    wire.report("played", "d1", json.dumps(played[0]).encode())  # the service accepts it as it is
    return played[0], beats


def test_a_hung_player_is_killed_and_reported_with_what_played(tmp_path: Path) -> None:
    started = time.monotonic()
    report, _ = _play(tmp_path, ["sh", "-c", "sleep 60"], 0.5)
    took = time.monotonic() - started
    assert timeout_for(0.5) - 1 < took < timeout_for(0.5) + 6, took
    assert report["outcome"] == "failed" and report["reason"] == "player_timeout"
    assert abs(report["played_ms"] - timeout_for(0.5) * 1000) < 6000  # what really ran, not 60 s


def test_a_player_error_is_a_failed_play(tmp_path: Path) -> None:
    report, _ = _play(tmp_path, ["sh", "-c", "sleep 0.2; exit 3"], 5.0)
    assert report["outcome"] == "failed" and report["reason"] == "player_error"
    assert report["played_ms"] < 2000


def test_a_good_play_is_completed_and_beats_while_it_plays(tmp_path: Path) -> None:
    report, beats = _play(tmp_path, ["sh", "-c", "sleep 2.2"], 2.0, heartbeat_s=0.5)
    assert report["outcome"] == "completed" and "reason" not in report
    assert 1800 <= report["played_ms"] <= 4000
    assert len(beats) >= 3 and all(b["playing"] == "it" for b in beats), beats


def test_a_simulated_relay_stopped_after_a_second_reports_a_second(tmp_path: Path) -> None:
    """The simulator's player returns at once; a relay still runs on the clock, so a stop cuts it."""
    from devices.programme import StreamRef

    signer = Signer.generate("k1")
    sent: list[tuple[str, bytes]] = []
    agent = Agent(
        "d1",
        ("z1",),
        Verifier({signer.key_id: public_key(signer.public_b64())}, frozenset({"dev/d1", "zone/z1"})),
        tmp_path,
        lambda t, p, r: sent.append((t, p)),
        executor=None,  # type: ignore[arg-type]
        player=NullPlayer(),
    )
    topics = Topics()
    start = time.time()
    relays = [
        programme_entry("cut", start, "normal", "7", "Tiếp sóng", stream=StreamRef("http://radio.example/live", 600_000)),
        programme_entry("whole", start + 3, "normal", "8", "Tiếp sóng", stream=StreamRef("http://radio.example/b", 1_000)),
    ]
    body = {"device": "d1", "zone": "z1", "items": [r.to_dict() for r in relays]}
    agent.handle(topics.schedule("d1"), signer.encode(MessageType.SCHEDULE, "dev/d1", body, 3600), start)
    agent.tick(start + 0.1)
    assert agent.playing == "cut" and not [t for t, _ in sent if t.endswith("/played")]
    agent.tick(start + 0.6)  # still playing: nothing reported
    agent.handle(topics.zone_cmd("z1"), signer.encode(MessageType.STOP, "zone/z1", {}, 60), start + 1.1)
    agent.tick(start + 1.1)
    for moment in (3.1, 3.6, 4.2):
        agent.tick(start + moment)
    played = {p["item"]: p for p in (json.loads(b) for t, b in sent if t.endswith("/played"))}
    assert played["cut"]["outcome"] == "interrupted" and 900 <= played["cut"]["played_ms"] <= 1100, played["cut"]
    # begun 0.1 s into its 1 s window: what was left of it
    assert played["whole"]["outcome"] == "completed" and played["whole"]["played_ms"] == 900, played["whole"]
    for report in played.values():
        wire.report("played", "d1", json.dumps(report).encode())

"""The reference agent against hostile and replayed messages, restarts and bad media servers."""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

from devices.agent import Agent
from devices.download import download
from devices.errors import DeviceError
from devices.programme import MediaRef, Priority, ProgrammeEntry, StreamRef, programme_entry
from devices.protocol import MessageType, ProtocolError, Rejection, Signer, Topics, Verifier, iso, parse_iso, public_key

TOPICS = Topics()
SHA = "a" * 64


class Inline:
    """An executor that runs the download at once, so a test sees every attempt."""

    def __init__(self) -> None:
        self.calls = 0

    def submit(self, fn: Any, *args: Any) -> Future[Any]:
        self.calls += 1
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args))
        except Exception as exc:  # handed to the agent exactly as a thread pool would
            future.set_exception(exc)
        return future


def item(item_id: str, in_s: float = 3600, priority: str = "normal", url: str = "http://127.0.0.1:1/x.mp3") -> dict[str, Any]:
    return {
        "id": item_id,
        "starts_at": iso(time.time() + in_s),
        "duration_ms": 1000,
        "priority": priority,
        "bulletin": "7",
        "title": "t",
        "media": {"url": url, "sha256": SHA, "bytes": 10, "duration_ms": 1000, "codec": "mp3"},
    }


def make_agent(folder: Path, signer: Signer, sent: list[tuple[str, bytes]], executor: Any = None) -> Agent:
    return Agent(
        "d1",
        ("z1",),
        Verifier({signer.key_id: public_key(signer.public_b64())}, frozenset({"dev/d1", "zone/z1"})),
        folder,
        lambda t, p, r: sent.append((t, p)),
        executor=executor or Inline(),
        topics=TOPICS,
    )


def acks(sent: list[tuple[str, bytes]]) -> list[tuple[str, str | None]]:
    return [(b["status"], b["reason"]) for t, p in sent if t.endswith("/ack") for b in [json.loads(p)]]


@pytest.fixture
def signer() -> Signer:
    return Signer.generate("k1")


HOSTILE = [
    b"[]",
    b'{"seq": 1e999}',
    b"[" * 100_000,
    b"{" * 100_000,
    b'{"id": "' + b"x" * 3_000_000 + b'"}',
    b"\xff\xfe\x00",
    b'{"v":1,"id":"x","type":"play","target":"dev/d1","topic":"dev/d1/cmd","issued_at":"x","expires_at":"x",'
    b'"seq":' + b"9" * 5000 + b',"body":{},"key_id":"k1","sig":"x"}',
    b'{"v":1,"id":["x"],"type":{},"target":1,"topic":null,"issued_at":1,"expires_at":1,"seq":"1","body":[],"key_id":1,"sig":1}',
]


@pytest.mark.parametrize("payload", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_payloads_are_acked_rejected_and_the_agent_survives(tmp_path: Path, signer: Signer, payload: bytes) -> None:
    sent: list[tuple[str, bytes]] = []
    agent = make_agent(tmp_path, signer, sent)
    agent.handle(TOPICS.device_cmd("d1"), payload, time.time())
    assert acks(sent) == [("rejected", "malformed")]
    agent.handle(TOPICS.device_cmd("d1"), signer.encode(MessageType.VOLUME, "dev/d1", {"volume": 30}, 60), time.time())
    assert acks(sent)[-1] == ("ok", None) and agent.volume == 30


def test_signed_but_ill_typed_body_is_rejected_not_fatal(tmp_path: Path, signer: Signer) -> None:
    sent: list[tuple[str, bytes]] = []
    agent = make_agent(tmp_path, signer, sent)
    for body in ({"item": []}, {"item": {**item("x"), "duration_ms": "long"}}, {"item": {**item("x"), "media": {"evil": 1}}}):
        agent.handle(TOPICS.device_cmd("d1"), signer.encode(MessageType.PLAY, "dev/d1", body, 60), time.time())
    agent.handle(TOPICS.device_cmd("d1"), signer.encode(MessageType.VOLUME, "dev/d1", {"volume": "loud"}, 60), time.time())
    assert acks(sent) == [("rejected", "malformed")] * 4 and agent.programme == {}


def test_old_schedule_replayed_after_a_withdrawal_and_a_restart_is_refused(tmp_path: Path, signer: Signer) -> None:
    sent: list[tuple[str, bytes]] = []
    agent = make_agent(tmp_path, signer, sent)
    schedule = TOPICS.schedule("d1")
    old = signer.encode(MessageType.SCHEDULE, "dev/d1", {"device": "d1", "zone": "z1", "items": [item("withdrawn")]}, 3 * 86400)
    agent.handle(schedule, old, time.time())
    agent.handle(
        schedule, signer.encode(MessageType.SCHEDULE, "dev/d1", {"device": "d1", "zone": "z1", "items": []}, 86400), time.time()
    )
    assert agent.programme == {}
    restarted = make_agent(tmp_path, signer, sent)  # the device reboots: replay memory comes back from disk
    sent.clear()
    restarted.handle(TOPICS.device_cmd("d1"), old, time.time())  # the attacker's replay on the command topic
    restarted.handle(schedule, old, time.time())  # and on the schedule topic itself
    assert restarted.programme == {}, "the withdrawn bulletin is not back"
    assert acks(sent) == [("rejected", "wrong_topic")]


def test_command_retried_after_a_restart_is_acked_duplicate_not_redone(tmp_path: Path, signer: Signer) -> None:
    sent: list[tuple[str, bytes]] = []
    agent = make_agent(tmp_path, signer, sent)
    play = signer.encode(MessageType.PLAY, "zone/z1", {"item": item("e1", 0, "emergency")}, 600)
    agent.handle(TOPICS.zone_cmd("z1"), play, time.time())
    agent.played.add("e1")
    agent._save()
    again = make_agent(tmp_path, signer, sent)
    again.handle(TOPICS.zone_cmd("z1"), play, time.time())
    assert acks(sent) == [("ok", None), ("ok", "duplicate")]


def test_emergency_in_a_play_command_and_in_the_schedule_plays_once(tmp_path: Path, signer: Signer) -> None:
    sent: list[tuple[str, bytes]] = []
    agent = make_agent(tmp_path, signer, sent)
    (tmp_path / "a.mp3").write_bytes(b"x")
    agent.ready[SHA] = tmp_path / "a.mp3"
    emergency = item("e1", 0, "emergency")
    older = signer.encode(MessageType.SCHEDULE, "dev/d1", {"device": "d1", "zone": "z1", "items": []}, 600)
    agent.handle(TOPICS.zone_cmd("z1"), signer.encode(MessageType.PLAY, "zone/z1", {"item": emergency}, 600), time.time())
    agent.handle(TOPICS.schedule("d1"), older, time.time())  # signed before the emergency: must not drop it
    agent.tick(time.time())
    newer = signer.encode(MessageType.SCHEDULE, "dev/d1", {"device": "d1", "zone": "z1", "items": [emergency]}, 600)
    agent.handle(TOPICS.schedule("d1"), newer, time.time())
    agent.handle(TOPICS.zone_cmd("z1"), signer.encode(MessageType.PLAY, "zone/z1", {"item": emergency}, 600), time.time())
    for _ in range(3):
        agent.tick(time.time())
    played = [json.loads(p)["item"] for t, p in sent if t.endswith("/played")]
    assert played == ["e1"]


def test_sync_sends_again_the_proofs_of_play_since_the_time_asked_and_they_survive_a_reboot(
    tmp_path: Path, signer: Signer
) -> None:
    sent: list[tuple[str, bytes]] = []
    agent = make_agent(tmp_path, signer, sent)
    (tmp_path / "a.mp3").write_bytes(b"x")
    agent.ready[SHA] = tmp_path / "a.mp3"
    for name in ("early", "late"):
        agent.handle(TOPICS.zone_cmd("z1"), signer.encode(MessageType.PLAY, "zone/z1", {"item": item(name, 0)}, 600), time.time())
        agent.tick(time.time())
        time.sleep(0.01)  # distinct millisecond stamps
    first, second = [json.loads(p) for t, p in sent if t.endswith("/played")]
    assert (first["item"], second["item"]) == ("early", "late")
    assert parse_iso(first["ended"]) < parse_iso(second["ended"])
    rebooted = make_agent(tmp_path, signer, sent)  # the journal is on disk
    sent.clear()
    sync = signer.encode(MessageType.SYNC, "zone/z1", {"plays_since": second["ended"]}, 600)
    rebooted.handle(TOPICS.zone_cmd("z1"), sync, time.time())
    again = [json.loads(p) for t, p in sent if t.endswith("/played")]
    assert [r["item"] for r in again] == ["late"], "only what ended after the time asked"
    assert again[0]["sha256"] == SHA and acks(sent) == [("ok", None)]
    assert any(t.endswith("/state") for t, _ in sent), "a sync still publishes the state"
    sent.clear()
    rebooted.handle(TOPICS.zone_cmd("z1"), signer.encode(MessageType.SYNC, "zone/z1", {"plays_since": 5}, 600), time.time())
    assert acks(sent) == [("rejected", "malformed")] and not [t for t, _ in sent if t.endswith("/played")]


def test_a_clock_correction_is_applied_only_when_it_is_a_sane_number(tmp_path: Path, signer: Signer) -> None:
    sent: list[tuple[str, bytes]] = []
    agent = make_agent(tmp_path, signer, sent)
    for bad in (True, -5, 0, 10**9, "600", None.__class__.__name__):
        agent.handle(TOPICS.device_cmd("d1"), signer.encode(MessageType.SYNC, "dev/d1", {"clock_ahead_s": bad}, 600), time.time())
    assert acks(sent) == [("rejected", "malformed")] * 6 and agent.clock_offset == 0.0
    agent.handle(TOPICS.device_cmd("d1"), signer.encode(MessageType.SYNC, "dev/d1", {"clock_ahead_s": 600.5}, 600), time.time())
    assert acks(sent)[-1] == ("ok", None) and agent.clock_offset == -600.5


def test_the_play_journal_is_bounded(tmp_path: Path, signer: Signer) -> None:
    sent: list[tuple[str, bytes]] = []
    agent = make_agent(tmp_path, signer, sent)
    agent.reports_kept = 3
    (tmp_path / "a.mp3").write_bytes(b"x")
    agent.ready[SHA] = tmp_path / "a.mp3"
    for n in range(5):
        agent.handle(
            TOPICS.device_cmd("d1"), signer.encode(MessageType.PLAY, "dev/d1", {"item": item(f"i{n}", 0)}, 600), time.time()
        )
        agent.tick(time.time())
    assert [r["item"] for r in agent.reports] == ["i2", "i3", "i4"]


class _Endless(http.server.BaseHTTPRequestHandler):
    served = 0

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        type(self).served += 1
        self.send_response(200)
        self.end_headers()
        try:
            for _ in range(10_000):  # 640 MB if nobody stops reading
                self.wfile.write(b"\0" * 65536)
        except OSError:
            return

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def endless() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Endless)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/m.mp3"
    server.shutdown()
    server.server_close()


def test_download_stops_at_the_declared_bytes(tmp_path: Path, endless: str) -> None:
    ref = MediaRef(endless, SHA, 40_000, 1000, "mp3")
    with pytest.raises(ProtocolError) as caught:
        download(ref, tmp_path)
    assert caught.value.reason is Rejection.MEDIA_SIZE and isinstance(caught.value, DeviceError)
    assert not list(tmp_path.iterdir()), "nothing kept"
    with pytest.raises(ProtocolError, match="at most"):
        download(MediaRef(endless, SHA, 10**12, 1000, "mp3"), tmp_path)


def test_media_only_from_the_configured_base(tmp_path: Path, endless: str) -> None:
    """A device.toml's media_base: a signed reference to another server is refused, nothing fetched."""
    elsewhere = MediaRef(endless, SHA, 10, 1000, "mp3")
    with pytest.raises(ProtocolError, match="not under") as caught:
        download(elsewhere, tmp_path, media_base="http://media.example:8081/media/")
    assert caught.value.reason is Rejection.MALFORMED
    assert not list(tmp_path.iterdir())


def test_failed_downloads_back_off_exponentially(tmp_path: Path, signer: Signer, endless: str) -> None:
    sent: list[tuple[str, bytes]] = []
    executor = Inline()
    agent = make_agent(tmp_path, signer, sent, executor)
    agent.handle(
        TOPICS.device_cmd("d1"), signer.encode(MessageType.PLAY, "dev/d1", {"item": item("p", 30, url=endless)}, 60), time.time()
    )
    deadline = time.monotonic() + 3.0
    while time.monotonic() < deadline:  # a minute's worth of ticks squeezed into 3 s
        agent._next_due = 0.0
        agent.tick(time.time())
        agent._prefetch()
    assert executor.calls == 1, f"{executor.calls} downloads in 3 s; the first retry waits {agent.retry_first_s} s"
    assert agent.failures[SHA][0] == 1


def test_programme_entry_round_trip_and_refusals() -> None:
    ref = MediaRef("http://h/m.mp3", SHA, 10, 1500, "mp3")
    entry = programme_entry("i1", 1_800_000_000.1234, "emergency", "7", "t", media=ref)
    assert entry.to_dict()["starts_at"] == "2027-01-15T08:00:00.123Z" and entry.duration_ms == 1500
    assert ProgrammeEntry.from_dict(entry.to_dict()) == entry and entry.priority is Priority.EMERGENCY
    bad = [
        {**entry.to_dict(), "priority": "urgent"},
        {**entry.to_dict(), "media": {**ref.to_dict(), "codec": "../../etc"}},
        {**entry.to_dict(), "media": {**ref.to_dict(), "url": "file:///etc/passwd"}},
        {**entry.to_dict(), "stream": {"url": "http://radio/live", "duration_ms": 1000}},  # both media and stream
        {k: v for k, v in entry.to_dict().items() if k != "media"},  # neither
    ]
    for data in bad:
        with pytest.raises(ProtocolError):
            ProgrammeEntry.from_dict(data)


def test_a_relay_entry_plays_its_stream(tmp_path: Path, signer: Signer) -> None:
    sent: list[tuple[str, bytes]] = []
    agent = make_agent(tmp_path, signer, sent)
    relay = programme_entry("r1", time.time(), "normal", "9", "VOV1", stream=StreamRef("http://radio.example/vov1", 1000))
    body = {"device": "d1", "zone": "z1", "items": [relay.to_dict()]}
    agent.handle(TOPICS.schedule("d1"), signer.encode(MessageType.SCHEDULE, "dev/d1", body, 600), time.time())
    agent.tick(time.time())
    assert agent.playing == "r1"  # the simulated relay runs on the clock for its window
    agent.tick(time.time() + 1.1)
    [report] = [json.loads(p) for t, p in sent if t.endswith("/played")]
    assert report["item"] == "r1" and report["stream"] == "http://radio.example/vov1"

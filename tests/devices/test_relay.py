"""Live relays on the device side: the `stream` item, its schema, the agent and the players."""

from __future__ import annotations

import hashlib
import http.server
import json
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from devices.agent import Agent
from devices.players import CommandPlayer, NullPlayer
from devices.programme import ProgrammeEntry, StreamRef
from devices.protocol import MessageType, ProtocolError, Signer, Topics, Verifier, iso, public_key

SCHEMAS = Path(__file__).resolve().parents[2] / "devices" / "schemas"
URL = "https://radio.example.vn/vov1/live.mp3"


def stream_item(starts_at: float, duration_ms: int = 4000, url: str = URL) -> dict[str, Any]:
    return {
        "id": "relay-1",
        "starts_at": iso(starts_at),
        "duration_ms": duration_ms,
        "priority": "normal",
        "bulletin": "7",
        "title": "Tiếp sóng VOV1",
        "stream": {"url": url, "duration_ms": duration_ms},
    }


class WindowPlayer(NullPlayer):
    """Records the stream calls (URL and window) of the agent."""

    def __init__(self) -> None:
        super().__init__()
        self.streams: list[tuple[str, float]] = []

    @property
    def instant(self) -> bool:
        return False  # it is called and answers with the window's end itself, like a real player

    def stream(self, url: str, duration_s: float, volume: int) -> float:
        self.streams.append((url, duration_s))
        return time.time() + duration_s


def make_agent(tmp_path: Path, player: NullPlayer) -> tuple[Agent, Signer, list[tuple[str, bytes]]]:
    sent: list[tuple[str, bytes]] = []
    signer = Signer.generate()
    agent = Agent(
        "d1",
        ("z1",),
        Verifier({signer.key_id: public_key(signer.public_b64())}, frozenset({"dev/d1", "zone/z1"})),
        tmp_path,
        lambda t, p, r: sent.append((t, p)),
        executor=None,  # type: ignore[arg-type]  # a stream is never downloaded
        topics=Topics(),
        player=player,
    )
    return agent, signer, sent


def test_stream_items_match_the_schema_and_bad_ones_do_not() -> None:
    schedule = json.loads((SCHEMAS / "schedule.json").read_text())
    play = json.loads((SCHEMAS / "play.json").read_text())
    item = stream_item(time.time())
    jsonschema.validate(
        json.loads(Signer.generate().encode(MessageType.SCHEDULE, "dev/d1", {"device": "d1", "zone": "z1", "items": [item]}, 60)),
        schedule,
    )
    jsonschema.validate(json.loads(Signer.generate().encode(MessageType.PLAY, "dev/d1", {"item": item}, 60)), play)
    media = {"url": "http://m/" + "a" * 64 + ".mp3", "sha256": "a" * 64, "bytes": 10, "duration_ms": 4000, "codec": "mp3"}
    for bad in (
        {**item, "stream": {"url": "file:///etc/passwd", "duration_ms": 4000}},
        {**item, "stream": {"url": URL, "duration_ms": -1}},
        {**item, "media": media},  # both
        {k: v for k, v in item.items() if k != "stream"},  # neither
    ):
        message = Signer.generate().encode(MessageType.SCHEDULE, "dev/d1", {"device": "d1", "zone": "z1", "items": [bad]}, 60)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(json.loads(message), schedule)
        with pytest.raises(ProtocolError):
            ProgrammeEntry.from_dict(bad)


def test_agent_plays_the_stream_for_the_window_and_proves_it(tmp_path: Path) -> None:
    player = WindowPlayer()
    agent, signer, sent = make_agent(tmp_path, player)
    now = time.time()
    body = {"device": "d1", "zone": "z1", "items": [stream_item(now - 1.0, 4000)]}
    agent.handle(Topics().schedule("d1"), signer.encode(MessageType.SCHEDULE, "dev/d1", body, 60, now), now)
    agent.tick(now)
    assert len(player.streams) == 1
    url, window = player.streams[0]
    assert url == URL and 2.9 < window <= 3.0  # joined one second late: plays the rest of the window
    played = [json.loads(p) for t, p in sent if t.endswith("/played")]
    assert len(played) == 1
    report = played[0]
    assert report["sha256"] == hashlib.sha256(URL.encode()).hexdigest() == StreamRef(URL, 4000).sha256
    assert report["stream"] == URL and 2900 <= report["played_ms"] <= 3000
    jsonschema.validate(report, json.loads((SCHEMAS / "played.json").read_text()))
    agent.tick(time.time())
    assert len(player.streams) == 1  # played once


@pytest.fixture
def radio() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP "radio" that records who tuned in."""
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            seen.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "audio/mpeg")
            self.end_headers()
            self.wfile.write(b"\xff\xfb" * 100)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/live", seen
    server.shutdown()
    thread.join(5)


def test_command_player_opens_the_url_and_stops_at_the_end_of_the_window(radio: tuple[str, list[str]]) -> None:
    url, seen = radio
    # A listener that starts fast (a raw socket, no urllib) and tunes in at once: a loaded machine took
    # more than the window to import urllib.request, and the player rightly cut it off first. Not
    # `-I -S`: `make test-future` makes time.sleep work under faketime through sitecustomize.
    listener = (
        "import socket, sys, time; host, port = sys.argv[1].split('/')[2].split(':');"
        "s = socket.create_connection((host, int(port)));"
        "s.sendall(b'GET /live HTTP/1.0\\r\\n\\r\\n'); s.recv(16); time.sleep(60)"
    )
    player = CommandPlayer([sys.executable, "-c", listener, "{path}"])
    started = time.time()
    ended = player.stream(url, 3, 80)
    assert 2.9 < ended - started < 15  # stopped at the window, not after the listener's 60 s
    assert seen == ["/live"]
    assert player._process is not None and player._process.poll() is not None


def test_a_signed_programme_with_a_non_http_stream_is_rejected_whole(tmp_path: Path) -> None:
    player = WindowPlayer()
    agent, signer, sent = make_agent(tmp_path, player)
    now = time.time()
    body = {"device": "d1", "zone": "z1", "items": [stream_item(now, 4000, "file:///etc/passwd")]}
    agent.handle(Topics().schedule("d1"), signer.encode(MessageType.SCHEDULE, "dev/d1", body, 60, now), now)
    acks = [json.loads(p) for t, p in sent if t.endswith("/ack")]
    assert [(a["status"], a["reason"]) for a in acks] == [("rejected", "malformed")]
    assert agent.programme == {}
    agent.tick(now)
    assert player.streams == []

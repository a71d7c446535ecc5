"""The reference speaker agent: verify, prefetch, play on time from its own clock, report.

The agent's logic (`Agent`) is independent of the transport: it is fed messages and clock
ticks and publishes through a callable, so the same code runs on a speaker's computer
(`MqttTransport`, one client) and by the thousand in the simulator.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import subprocess
import threading
import time
import urllib.request
from collections.abc import Callable
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

from devices.protocol import MediaRef, MessageType, ProtocolError, Rejection, Topics, Verifier, iso, parse_iso

log = logging.getLogger(__name__)

Publish = Callable[[str, bytes, bool], None]


class Player(Protocol):
    def play(self, path: Path, duration_s: float, volume: int) -> float:
        """Play the file; return the instant it ended."""

    def stop(self) -> None: ...


class NullPlayer:
    """Plays into nothing; with `realtime` it takes as long as the audio (simulation)."""

    def __init__(self, realtime: bool = False) -> None:
        self.realtime = realtime
        self._stop = threading.Event()

    def play(self, path: Path, duration_s: float, volume: int) -> float:
        started = time.time()
        self._stop.clear()
        if self.realtime:
            self._stop.wait(duration_s)
            return time.time()
        return started + duration_s

    def stop(self) -> None:
        self._stop.set()


class CommandPlayer:
    """Plays through a command such as `mpg123 -q {path}` or `ffplay -nodisp -autoexit {path}`."""

    def __init__(self, command: list[str]) -> None:
        self.command = command
        self._process: subprocess.Popen[bytes] | None = None

    def play(self, path: Path, duration_s: float, volume: int) -> float:
        args = [a.replace("{path}", str(path)).replace("{volume}", str(volume)) for a in self.command]
        self._process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
        self._process.wait()
        return time.time()

    def stop(self) -> None:
        if self._process and self._process.poll() is None:
            self._process.terminate()


def download(ref: MediaRef, folder: Path, timeout_s: float = 30.0) -> Path:
    """Fetch media over HTTP with resume and verify its sha256 before it may be played.

    :raises ProtocolError: MEDIA_CHECKSUM when the bytes do not match the reference.
    :raises OSError: when the download fails (retried on the next tick).
    """
    final = folder / f"{ref.sha256}.{ref.codec}"
    if final.exists():
        return final
    if urlparse(ref.url).scheme not in ("http", "https"):
        raise ProtocolError(Rejection.MALFORMED, f"media URL must be http(s): {ref.url}")
    folder.mkdir(parents=True, exist_ok=True)
    part = final.with_suffix(".part")
    offset = part.stat().st_size if part.exists() else 0
    headers = {"Range": f"bytes={offset}-"} if offset else {}
    with urllib.request.urlopen(urllib.request.Request(ref.url, headers=headers), timeout=timeout_s) as response:  # noqa: S310
        with part.open("ab" if response.status == 206 else "wb") as out:
            shutil.copyfileobj(response, out)
    digest = hashlib.sha256(part.read_bytes()).hexdigest()
    if digest != ref.sha256:
        part.unlink()
        raise ProtocolError(Rejection.MEDIA_CHECKSUM, f"got {digest[:12]}…, expected {ref.sha256[:12]}…")
    part.replace(final)
    return final


@dataclass
class Item:
    id: str
    starts_at: float
    duration_s: float
    priority: str
    media: MediaRef
    bulletin: str = ""
    title: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Item:
        return cls(
            id=str(data["id"]),
            starts_at=parse_iso(str(data["starts_at"])),
            duration_s=float(data["duration_ms"]) / 1000,
            priority=str(data.get("priority", "normal")),
            media=MediaRef(**data["media"]),
            bulletin=str(data.get("bulletin", "")),
            title=str(data.get("title", "")),
        )


@dataclass
class Agent:
    device_id: str
    zones: tuple[str, ...]
    verifier: Verifier
    folder: Path
    publish: Publish
    executor: Executor
    topics: Topics = field(default_factory=Topics)
    player: Player = field(default_factory=NullPlayer)
    firmware: str = "loa-agent/0.1"
    volume: int = 80
    programme: dict[str, Item] = field(default_factory=dict)
    played: set[str] = field(default_factory=set)
    ready: dict[str, Path] = field(default_factory=dict)
    pending: dict[str, Future[Path]] = field(default_factory=dict)
    outbox: list[tuple[str, bytes]] = field(default_factory=list)
    playing: str | None = None
    bytes_downloaded: int = 0
    rejections: list[str] = field(default_factory=list)
    received: dict[str, float] = field(default_factory=dict)
    accepted: set[str] = field(default_factory=set)
    heartbeat_s: float = 60.0
    raw_items: list[dict[str, Any]] = field(default_factory=list)  # the verified programme as received, persisted
    _last_heartbeat: float = 0.0
    _next_due: float = 0.0
    lock: threading.RLock = field(default_factory=threading.RLock)

    def __post_init__(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._restore()

    # -- persistence: the latest verified programme and what was played survive a reboot --
    @property
    def _state_file(self) -> Path:
        return self.folder / "state.json"

    def _restore(self) -> None:
        if not self._state_file.exists():
            return
        state = json.loads(self._state_file.read_text())
        self.programme = {i["id"]: Item.from_dict(i) for i in state.get("items", [])}
        self.played = set(state.get("played", []))
        self.outbox = [(t, p.encode()) for t, p in state.get("outbox", [])]
        self.verifier.last_seq.update(state.get("last_seq", {}))
        self.raw_items = state.get("items", [])

    def _save(self) -> None:
        state = {
            "items": self.raw_items,
            "played": sorted(self.played),
            "outbox": [(t, p.decode()) for t, p in self.outbox],
            "last_seq": self.verifier.last_seq,
        }
        tmp = self._state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(state))
        tmp.replace(self._state_file)

    # -- messages --
    def handle(self, topic: str, payload: bytes, now: float) -> None:
        self.received[_message_id(payload)] = time.time()
        if len(self.received) > 512:
            self.received.pop(next(iter(self.received)))
        try:
            message = self.verifier.verify(topic, payload, now)
        except ProtocolError as exc:
            if exc.reason in (Rejection.REPLAYED, Rejection.STALE_SEQUENCE) and topic == self.topics.schedule(self.device_id):
                return  # the retained programme we already hold, delivered again on reconnect
            if exc.reason is Rejection.REPLAYED and _message_id(payload) in self.accepted:
                self._ack(_message_id(payload), "ok", "duplicate", now)  # a retry of what we did: ack, never redo
                return
            self.rejections.append(exc.reason.value)
            log.warning("%s rejected message on %s: %s", self.device_id, topic, exc)
            self._ack(_message_id(payload), "rejected", exc.reason.value, now)
            return
        kind = message["type"]
        body = message["body"]
        self._next_due = 0.0
        with self.lock:
            if kind == MessageType.SCHEDULE:
                self.raw_items = list(body.get("items", []))
                self.programme = {i["id"]: Item.from_dict(i) for i in self.raw_items}
                self._prefetch()
            elif kind == MessageType.PLAY:
                item = Item.from_dict(body["item"])
                item.starts_at = min(item.starts_at, now)
                self.programme[item.id] = item
                self._prefetch()
                if self.playing:
                    self.player.stop()
            elif kind == MessageType.STOP:
                self.player.stop()
            elif kind == MessageType.VOLUME:
                self.volume = max(0, min(100, int(body.get("volume", self.volume))))
            elif kind == MessageType.SYNC:
                self.publish_state(now)
            self._save()
        self.accepted.add(str(message["id"]))
        self._ack(str(message["id"]), "ok", None, now)

    def _ack(self, message_id: str, status: str, reason: str | None, now: float) -> None:
        body = {"id": message_id, "device": self.device_id, "status": status, "reason": reason, "at": iso(now)}
        self.send(self.topics.ack(self.device_id), json.dumps(body).encode())

    def send(self, topic: str, payload: bytes, retain: bool = False) -> None:
        try:
            self.publish(topic, payload, retain)
        except OSError:
            self.outbox.append((topic, payload))
            self._save()

    def flush(self) -> None:
        """Send what was buffered while offline (called on reconnect)."""
        with self.lock:
            waiting, self.outbox = self.outbox, []
        for topic, payload in waiting:
            self.send(topic, payload)
        with self.lock:
            self._save()

    def telemetry(self, now: float) -> None:
        """Heartbeat with what the commune needs to see: volume, playing, storage, cache, rejections."""
        self._last_heartbeat = now
        body = {
            "device": self.device_id,
            "at": iso(now),
            "volume": self.volume,
            "playing": self.playing,
            "free_bytes": shutil.disk_usage(self.folder).free,
            "cached_media": len(self.ready),
            "programme_items": len(self.programme),
            "rejections": len(self.rejections),
            "outbox": len(self.outbox),
        }
        self.send(self.topics.telemetry(self.device_id), json.dumps(body).encode())

    def publish_state(self, now: float, online: bool = True) -> None:
        usage = shutil.disk_usage(self.folder)
        body = {
            "device": self.device_id,
            "online": online,
            "volume": self.volume,
            "playing": self.playing,
            "firmware": self.firmware,
            "free_bytes": usage.free,
            "at": iso(now),
        }
        self.send(self.topics.state(self.device_id), json.dumps(body).encode(), retain=True)

    # -- media --
    def _prefetch(self) -> None:
        for item in self.programme.values():
            sha = item.media.sha256
            if sha not in self.ready and sha not in self.pending:
                self.pending[sha] = self.executor.submit(download, item.media, self.folder / "media")

    def _collect_downloads(self) -> None:
        for sha, future in list(self.pending.items()):
            if not future.done():
                continue
            del self.pending[sha]
            try:
                path = future.result()
            except ProtocolError as exc:
                self.rejections.append(exc.reason.value)
                log.warning("%s refused media %s: %s", self.device_id, sha[:12], exc)
                continue
            except OSError as exc:
                log.info("%s download of %s failed, will retry: %s", self.device_id, sha[:12], exc)
                continue
            self.ready[sha] = path
            self.bytes_downloaded += path.stat().st_size

    # -- the clock --
    def tick(self, now: float) -> None:
        if self.heartbeat_s and now - self._last_heartbeat >= self.heartbeat_s:
            self.telemetry(now)
        if not self.pending and now < self._next_due:
            return  # nothing due and nothing downloading: the common case, kept cheap for big fleets
        with self.lock:
            self._collect_downloads()
            self._next_due = min((i.starts_at for i in self.programme.values() if i.id not in self.played), default=float("inf"))
            due = sorted(
                (i for i in self.programme.values() if i.id not in self.played and i.starts_at <= now),
                key=lambda i: (i.priority != "emergency", i.starts_at),
            )
            if not due or self.playing:
                return
            item = due[0]
            if now > item.starts_at + max(60.0, item.duration_s):
                self.played.add(item.id)  # missed (device was off): never play stale bulletins
                self._save()
                return
            path = self.ready.get(item.media.sha256)
            if path is None:
                self._prefetch()
                return
            self.playing = item.id
        started = time.time()
        ended = self.player.play(path, item.duration_s, self.volume)
        report = {
            "device": self.device_id,
            "item": item.id,
            "bulletin": item.bulletin,
            "sha256": item.media.sha256,
            "started": iso(started),
            "ended": iso(ended),
            "volume": self.volume,
            "priority": item.priority,
        }
        with self.lock:
            self.playing = None
            self.played.add(item.id)
            self._save()
        self.send(self.topics.played(self.device_id), json.dumps(report).encode())

    def subscriptions(self) -> list[str]:
        return [self.topics.schedule(self.device_id), self.topics.device_cmd(self.device_id)] + [
            self.topics.zone_cmd(z) for z in self.zones
        ]


def _message_id(payload: bytes) -> str:
    try:
        return str(json.loads(payload).get("id", ""))
    except (ValueError, AttributeError):
        return ""

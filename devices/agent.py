"""The reference speaker agent: verify, prefetch, play on time from its own clock, report.

The agent's logic (`Agent`) is independent of the transport: it is fed messages and clock
ticks and publishes through a callable, so the same code runs on a speaker's computer
(`MqttTransport`, one client) and by the thousand in the simulator.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import shutil
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from devices import wire
from devices.download import download
from devices.errors import MessageError
from devices.players import NullPlayer, Player, PlayerFailed
from devices.programme import Priority, ProgrammeEntry, StreamRef
from devices.protocol import MessageType, ProtocolError, Rejection, Topics, Verifier, iso, parse_iso
from devices.timetable import Timetable

log = logging.getLogger(__name__)

Publish = Callable[[str, bytes, bool], None]


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
    media_base: str = ""  # when set, media is downloaded from under this URL only
    volume: int = 80
    programme: dict[str, ProgrammeEntry] = field(default_factory=dict)
    played: set[str] = field(default_factory=set)
    ready: dict[str, Path] = field(default_factory=dict)
    pending: dict[str, Future[Path]] = field(default_factory=dict)
    outbox: list[tuple[str, bytes]] = field(default_factory=list)
    playing: str | None = None
    bytes_downloaded: int = 0
    rejections: list[str] = field(default_factory=list)  # the latest reasons (for logs)
    rejected_total: int = 0  # every rejection since the device's state was created, kept across restarts
    received: dict[str, float] = field(default_factory=dict)
    commanded: set[str] = field(default_factory=set)  # items that came in `play` commands
    failures: dict[str, tuple[int, float]] = field(default_factory=dict)  # media sha → (failures, retry at)
    retry_first_s: float = 5.0
    retry_max_s: float = 600.0
    heartbeat_s: float = 60.0
    raw_items: list[dict[str, Any]] = field(default_factory=list)  # the verified programme as received, persisted
    reports: list[dict[str, Any]] = field(default_factory=list)  # the latest proofs of play, sent again on `sync`
    reports_kept: int = 100
    clock_offset: float = 0.0  # seconds added to this device's clock (learnt from signed issued_at)
    clock_skew_s: float = 0.0  # the last signed message's issued_at minus this (corrected) clock
    clock_tolerance_s: float = 2.0
    amplifier_on: bool = True  # what the power commands and the timetable asked for
    forced_on: bool = False  # the amplifier is on for an emergency although it was asked off
    timetable: Timetable | None = None
    raw_timetable: dict[str, Any] | None = None  # as received, persisted
    # "power"/"volume" → the last timetable transition applied; "manual" → the last power command
    applied: dict[str, float] = field(default_factory=dict)
    _timetable_due: float = 0.0
    _interrupted: bool = False
    # a relay a simulated player "plays" without blocking the clock: (item, started, window end)
    _relay: tuple[ProgrammeEntry, float, float] | None = None
    _last_heartbeat: float = 0.0
    _next_due: float = 0.0
    lock: threading.RLock = field(default_factory=threading.RLock)

    def __post_init__(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._restore()
        self.player.power(self.amplifier_on)  # a rebooted speaker's amplifier is as it was asked

    # -- persistence: the latest verified programme and what was played survive a reboot --
    @property
    def _state_file(self) -> Path:
        return self.folder / "state.json"

    def _restore(self) -> None:
        if not self._state_file.exists():
            return
        state = json.loads(self._state_file.read_text())
        self.programme = {i["id"]: ProgrammeEntry.from_dict(i) for i in state.get("items", [])}
        self.played = set(state.get("played", []))
        self.commanded = set(state.get("commanded", []))
        self.outbox = [(t, p.encode()) for t, p in state.get("outbox", [])]
        self.verifier.remember(state.get("replay", {"last_seq": state.get("last_seq", {})}), time.time())
        self.raw_items = state.get("items", [])
        self.reports = list(state.get("reports", []))
        self.volume = int(state.get("volume", self.volume))
        self.amplifier_on = bool(state.get("amplifier_on", True))
        self.raw_timetable = state.get("timetable")
        self.timetable = Timetable.from_dict(self.raw_timetable) if self.raw_timetable else None
        self.applied = {str(k): float(v) for k, v in dict(state.get("applied", {})).items()}
        self.rejected_total = int(state.get("rejected_total", 0))

    def _save(self) -> None:
        state = {
            "items": self.raw_items,
            "played": sorted(self.played),
            "commanded": sorted(self.commanded & set(self.programme)),
            "outbox": [(t, p.decode()) for t, p in self.outbox],
            "reports": self.reports,
            "replay": self.verifier.snapshot(),
            "volume": self.volume,
            "amplifier_on": self.amplifier_on,
            "timetable": self.raw_timetable,
            "applied": self.applied,
            "rejected_total": self.rejected_total,
        }
        tmp = self._state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(state))
        tmp.replace(self._state_file)

    # -- messages --
    def handle(self, topic: str, payload: bytes, now: float) -> None:
        """Verify and carry out one message; every message ends acked (`ok`, `duplicate` or
        `rejected` with a reason) or, for a retained programme already held, ignored."""
        now += self.clock_offset
        message_id = _message_id(payload)
        self.received[message_id] = time.time()
        if len(self.received) > 512:
            self.received.pop(next(iter(self.received)))
        try:
            message = self.verifier.verify(topic, payload, now)
        except ProtocolError as exc:
            if exc.reason in (Rejection.REPLAYED, Rejection.STALE_SEQUENCE) and topic == self.topics.schedule(self.device_id):
                return  # the retained programme we already hold, delivered again on reconnect
            if exc.reason is Rejection.REPLAYED:
                self._ack(message_id, "ok", "duplicate", now)  # a retry of what we did: ack, never redo
                return
            self._reject(message_id, exc.reason.value, f"on {topic}: {exc}", now)
            return
        self._learn_clock(str(message["issued_at"]), now)
        before = (self.amplifier, self.volume)
        try:
            with self.lock:
                self._carry_out(message, now)
                self._save()
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError, ProtocolError) as exc:
            self._reject(str(message["id"]), Rejection.MALFORMED.value, f"body: {exc!r}"[:200], now)
            return
        self._ack(str(message["id"]), "ok", None, now)
        if (self.amplifier, self.volume) != before:
            self.publish_state(now)  # the console shows what the speaker does now

    def _learn_clock(self, issued_at: str, now: float) -> None:
        """A device whose clock is behind plays late (or expires nothing it should): every
        accepted message was signed before it arrived, so `issued_at - now` is a lower bound of
        how far behind this clock is. Only that direction is safe to learn from one-way
        messages (a retained schedule may be hours old), so here the offset only ever grows. A
        clock that is ahead shows in our acks, whose `at` is later than when the server got
        them: the server measures that and sends `sync {clock_ahead_s}` (see `_carry_out`)."""
        skew = parse_iso(issued_at) - now
        self.clock_skew_s = skew
        if skew > self.clock_tolerance_s:
            self.clock_offset += skew
            log.warning("%s clock is %.1f s behind the server; corrected", self.device_id, skew)

    def _reject(self, message_id: str, reason: str, detail: str, now: float) -> None:
        self.rejections.append(reason)
        del self.rejections[:-1000]
        self.rejected_total += 1
        log.warning("%s rejected message %s: %s", self.device_id, message_id or "(unreadable)", detail)
        self._ack(message_id, "rejected", reason, now)

    def _carry_out(self, message: dict[str, Any], now: float) -> None:
        kind, body = message["type"], message["body"]
        self._next_due = 0.0
        if kind == MessageType.SCHEDULE:
            items = {i.id: i for i in (ProgrammeEntry.from_dict(raw) for raw in body["items"])}
            self._take_timetable(body.get("timetable"), now)
            # an emergency from a `play` command stays until played even if this programme
            # was signed before it; one that the programme also holds plays once (same item id)
            kept = {i: self.programme[i] for i in self.commanded if i in self.programme and i not in items}
            self.raw_items = list(body["items"])
            self.programme = {**items, **kept}
            self._prefetch()
        elif kind == MessageType.PLAY:
            item = ProgrammeEntry.from_dict(body["item"])
            if item.id in self.played or self.playing == item.id:
                return  # already played (or playing) this very item: once is enough
            self.programme[item.id] = dataclasses.replace(item, starts_at=min(item.starts_at, now))
            self.commanded.add(item.id)
            self._prefetch()
            if self.playing:
                self._interrupt()
        elif kind == MessageType.STOP:
            bulletin = body.get("bulletin")
            if bulletin is not None:  # withdrawn or cancelled: none of its items may play
                for item in [i for i in self.programme.values() if i.bulletin == str(bulletin)]:
                    self.played.add(item.id)
                    if self.playing == item.id:
                        self._interrupt()
            elif self.playing:
                self._interrupt()
        elif kind == MessageType.VOLUME:
            volume = body.get("volume", self.volume)
            if isinstance(volume, bool) or not isinstance(volume, int):
                raise TypeError("volume must be an integer")
            self.volume = max(0, min(100, volume))
        elif kind == MessageType.POWER:
            on = body.get("on")
            if not isinstance(on, bool):
                raise TypeError("on must be true or false")
            self._power(on)
            self.applied["manual"] = now  # by hand: a removed timetable leaves it as it is
        elif kind == MessageType.SYNC:
            since = body.get("plays_since")
            if since is not None and not isinstance(since, str):
                raise TypeError("plays_since must be an ISO 8601 time")
            ahead = body.get("clock_ahead_s")
            if ahead is not None:
                if isinstance(ahead, bool) or not isinstance(ahead, int | float) or not 0 < ahead <= 86400:
                    raise ValueError("clock_ahead_s must be a number of seconds in (0, 86400]")
                self.clock_offset -= float(ahead)  # the server measured it from our acks: a lower bound, never too much
                log.warning("%s clock is %.1f s ahead of the server; corrected", self.device_id, ahead)
            self.publish_state(now)
            if since is not None:  # the server lost what we sent since then (a broker restarted empty)
                cutoff = parse_iso(since)
                for report in [r for r in self.reports if parse_iso(str(r["ended"])) >= cutoff]:
                    self.send(self.topics.played(self.device_id), json.dumps(report).encode())

    # -- the amplifier: power commands, the zone's timetable, emergencies --
    @property
    def amplifier(self) -> bool:
        """Whether the amplifier is on now (asked on, or forced on for an emergency)."""
        return self.amplifier_on or self.forced_on

    def _power(self, on: bool) -> None:
        """Switch as asked. Switching off silences what plays, except an emergency: that one
        finishes, and the amplifier goes off when it ends."""
        was = self.amplifier
        self.amplifier_on = on
        playing = self.programme.get(self.playing or "")
        if not on and playing is not None and playing.priority is Priority.EMERGENCY:
            self.forced_on = True
        elif not on and self.playing:
            self._interrupt()
        if self.amplifier != was:
            self.player.power(self.amplifier)

    def _take_timetable(self, raw: object, now: float) -> None:
        """A changed timetable applies its current state at once; the same one sent again
        (every programme carries it) leaves a manual override in place."""
        if raw == self.raw_timetable:
            return
        old = self.timetable
        if raw is None and old is not None and not self.amplifier_on:
            # removed during an "off" window: the amplifier the timetable switched off comes back
            # on (without a timetable it is on); one switched off by hand since stays off
            last = old.power_at(now)
            by_timetable = self.applied.get("power") == last[0] if last is not None else False
            if last is not None and not last[1] and by_timetable and self.applied.get("manual", 0.0) < last[0]:
                self._power(True)
                log.info("%s amplifier on: the timetable that switched it off was removed", self.device_id)
                self.publish_state(now)
        self.timetable = Timetable.from_dict(raw) if raw is not None else None
        self.raw_timetable = raw if isinstance(raw, dict) else None
        self.applied = {}
        self._timetable_due = 0.0

    def _apply_timetable(self, now: float) -> None:
        if self.timetable is None:
            self._timetable_due = float("inf")
            return
        power, volume = self.timetable.power_at(now), self.timetable.volume_at(now)
        before = (self.amplifier, self.volume)
        if power is not None and power[0] > self.applied.get("power", 0.0):
            self.applied["power"] = power[0]
            self._power(power[1])
            log.info("%s amplifier %s by the timetable", self.device_id, "on" if power[1] else "off")
        if volume is not None and volume[0] > self.applied.get("volume", 0.0):
            self.applied["volume"] = volume[0]
            self.volume = volume[1]
        self._timetable_due = self.timetable.next_change(now)
        self._save()
        if (self.amplifier, self.volume) != before:
            self.publish_state(now)

    def _interrupt(self) -> None:
        self._interrupted = True
        self.player.stop()

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
            "amplifier_on": self.amplifier,
            "free_bytes": shutil.disk_usage(self.folder).free,
            "cached_media": len(self.ready),
            "programme_items": len(self.programme),
            "rejections": self.rejected_total,  # cumulative (docs/protocol.md): the server differences heartbeats
            "outbox": len(self.outbox),
            "clock_skew_s": round(self.clock_skew_s, 1),
        }
        self.send(self.topics.telemetry(self.device_id), json.dumps(body).encode())

    def publish_state(self, now: float, online: bool = True) -> None:
        usage = shutil.disk_usage(self.folder)
        body = {
            "device": self.device_id,
            "online": online,
            "volume": self.volume,
            "playing": self.playing,
            "amplifier_on": self.amplifier,
            "firmware": self.firmware,
            "free_bytes": usage.free,
            "at": iso(now),
        }
        self.send(self.topics.state(self.device_id), json.dumps(body).encode(), retain=True)

    # -- media --
    def _prefetch(self) -> None:
        clock = time.monotonic()
        for item in self.programme.values():
            if item.media is None:
                continue  # a stream is not downloaded
            sha = item.media.sha256
            if sha in self.ready or sha in self.pending or clock < self.failures.get(sha, (0, 0.0))[1]:
                continue
            self.pending[sha] = self.executor.submit(
                partial(download, media_base=self.media_base), item.media, self.folder / "media"
            )

    def _failed(self, sha: str) -> None:
        """Exponential backoff per media file: 5 s, 10 s, 20 s … at most 10 minutes."""
        count = self.failures.get(sha, (0, 0.0))[0]
        self.failures[sha] = (count + 1, time.monotonic() + min(self.retry_first_s * 2**count, self.retry_max_s))

    def _collect_downloads(self) -> None:
        for sha, future in list(self.pending.items()):
            if not future.done():
                continue
            del self.pending[sha]
            try:
                path = future.result()
            except ProtocolError as exc:
                self.rejections.append(exc.reason.value)
                self.rejected_total += 1
                log.warning("%s refused media %s: %s", self.device_id, sha[:12], exc)
                self._failed(sha)
                continue
            except (OSError, ValueError) as exc:  # urllib raises ValueError for some malformed URLs
                log.info("%s download of %s failed, will retry: %s", self.device_id, sha[:12], exc)
                self._failed(sha)
                continue
            self.failures.pop(sha, None)
            self.ready[sha] = path
            self.bytes_downloaded += path.stat().st_size

    # -- the clock --
    def tick(self, now: float) -> None:
        now += self.clock_offset
        if self.heartbeat_s and now - self._last_heartbeat >= self.heartbeat_s:
            self.telemetry(now)
        if now >= self._timetable_due:
            with self.lock:
                self._apply_timetable(now)
        if not self.pending and now < self._next_due:
            return  # nothing due and nothing downloading: the common case, kept cheap for big fleets
        with self.lock:
            if self._relay is not None and not self._relay_over(now):
                return
            self._collect_downloads()
            self._next_due = min((i.starts_at for i in self.programme.values() if i.id not in self.played), default=float("inf"))
            due = sorted(
                (i for i in self.programme.values() if i.id not in self.played and i.starts_at <= now),
                key=lambda i: (i.priority is not Priority.EMERGENCY, i.starts_at),
            )
            if not due or self.playing:
                return
            item = due[0]
            if now > item.starts_at + max(60.0, item.duration_s):
                # never play a stale bulletin, and never drop it unreported: its media never
                # arrived in time, or the device was off or busy when it was due
                unavailable = item.media is not None and item.media.sha256 not in self.ready
                self._missed(item, "media_unavailable" if unavailable else "late", item.starts_at)
                return
            if not self.amplifier and item.priority is not Priority.EMERGENCY:
                self._missed(item, "amplifier_off", now)
                return
            source: Path | StreamRef | None = item.stream or (self.ready.get(item.media.sha256) if item.media else None)
            if source is None:
                self._prefetch()
                return
            self.playing = item.id
            self._interrupted = False
            if not self.amplifier:  # an emergency is heard whatever the amplifier was told
                self.forced_on = True
                self.player.power(True)
        started, real_start = now, time.time()  # reported in the (corrected) clock the agent is driven by
        if isinstance(source, StreamRef) and getattr(self.player, "instant", False):
            # a simulated speaker: the relay runs on the clock, so a stop cuts it where it is
            window_s = (
                item.duration_s - max(0.0, now - item.starts_at) if item.priority is not Priority.EMERGENCY else item.duration_s
            )
            with self.lock:
                self._relay = (item, now, now + max(0.0, window_s))
                self._next_due = now + max(0.0, window_s)
            return
        beating = self._beat_while_playing(item)
        failure: PlayerFailed | None = None
        try:
            if isinstance(source, StreamRef):  # a relay plays what is left of its booked window
                window_s = (
                    item.duration_s - max(0.0, now - item.starts_at)
                    if item.priority is not Priority.EMERGENCY
                    else item.duration_s
                )
                ended = now + self.player.stream(source.url, max(0.0, window_s), self.volume) - real_start
            else:
                ended = now + self.player.play(source, item.duration_s, self.volume) - real_start
        except PlayerFailed as exc:  # hung or broken: what was heard until it stopped, never the full length
            log.error("%s player failed on %s: %s", self.device_id, item.id, exc)
            failure, ended = exc, now + exc.ended - real_start
        finally:
            beating.set()
        interrupted = self._interrupted
        outcome = "failed" if failure is not None else "interrupted" if interrupted else "completed"
        report = {
            **self._report(item, started, ended),
            "outcome": outcome,
            "played_ms": max(0, round((ended - started) * 1000)),
        }
        if failure is not None:
            report["reason"] = failure.reason
        self._played(item, report)

    def _played(self, item: ProgrammeEntry, report: dict[str, Any]) -> None:
        if item.stream is not None:
            report["stream"] = item.stream.url
        with self.lock:
            self.playing = None
            if self.forced_on:  # back to what was asked once the emergency is over
                self.forced_on = False
                if not self.amplifier_on:
                    self.player.power(False)
            self._journal(item, report)

    def _relay_over(self, now: float) -> bool:
        """A simulated relay ends at its window or when stopped, reported with what ran until then."""
        assert self._relay is not None
        item, started, until = self._relay
        if not self._interrupted and now < until:
            self._next_due = until
            return False
        self._relay = None
        ended = min(now, until)
        outcome = "interrupted" if self._interrupted else "completed"
        report = {**self._report(item, started, ended), "outcome": outcome, "played_ms": max(0, round((ended - started) * 1000))}
        self._played(item, report)
        return True

    def _beat_while_playing(self, item: ProgrammeEntry) -> threading.Event:
        """Telemetry every `heartbeat_s` while a long item plays (the clock is busy with it), so a
        speaker that plays is never taken for one that hangs; set the event to stop."""
        done = threading.Event()
        if not self.heartbeat_s or item.duration_s < self.heartbeat_s or getattr(self.player, "instant", False):
            return done

        def beat() -> None:
            while not done.wait(self.heartbeat_s):
                self.telemetry(time.time() + self.clock_offset)

        threading.Thread(target=beat, name=f"beat-{self.device_id}", daemon=True).start()
        return done

    def _missed(self, item: ProgrammeEntry, reason: str, at: float) -> None:
        """An item due while it could not be heard: reported, never silently dropped."""
        log.warning("%s did not play %s: %s", self.device_id, item.id, reason)
        report = {**self._report(item, at, at), "outcome": "missed", "reason": reason, "played_ms": 0}
        self._journal(item, report)

    def _report(self, item: ProgrammeEntry, started: float, ended: float) -> dict[str, Any]:
        """What every proof-of-play report says of the item; the caller adds how it went."""
        return {
            "device": self.device_id,
            "item": item.id,
            "bulletin": item.bulletin,
            "sha256": item.stream.sha256 if item.stream is not None else item.media.sha256 if item.media else "",
            "started": iso(started),
            "ended": iso(ended),
            "volume": self.volume,
            "priority": item.priority.value,
        }

    def _journal(self, item: ProgrammeEntry, report: dict[str, Any]) -> None:
        with self.lock:
            self.played.add(item.id)
            self.reports.append(report)
            del self.reports[: -self.reports_kept]
            self._save()
        self.send(self.topics.played(self.device_id), json.dumps(report).encode())

    def subscriptions(self) -> list[str]:
        return [self.topics.schedule(self.device_id), self.topics.device_cmd(self.device_id)] + [
            self.topics.zone_cmd(z) for z in self.zones
        ]


def _message_id(payload: bytes) -> str:
    """The id to ack; "" for a message too broken to have one (documented in protocol.md)."""
    try:
        message = wire.loads(payload, wire.MAX_SERVER_BYTES, wire.MAX_DEPTH)
    except MessageError:
        return ""
    value = message.get("id") if isinstance(message, dict) else None
    return value if isinstance(value, str) and len(value) <= 64 else ""

"""The reference speaker agent: verify, prefetch, play on time from its own clock, report.

The agent's logic (`Agent`) is independent of the transport: it is fed messages and clock
ticks and publishes through a callable, so the same code runs on a speaker's computer
(`MqttTransport`, one client) and by the thousand in the simulator. It is built in three
layers: what it holds and says (`devices/agent_state.py`), its playout (`devices/playout.py`),
and here what it does with the server's messages and the zone's timetable.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from typing import Any

from devices import wire
from devices.errors import MessageError
from devices.playout import Playout
from devices.programme import Priority, ProgrammeEntry
from devices.protocol import MessageType, ProtocolError, Rejection, parse_iso
from devices.timetable import Timetable

log = logging.getLogger(__name__)


class Agent(Playout):
    """A speaker: the server's signed messages carried out and acked, the amplifier as asked."""

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

    # -- the clock --
    def tick(self, now: float) -> None:
        """Heartbeat, the timetable's transitions, then whatever is due plays."""
        now += self.clock_offset
        if self.heartbeat_s and now - self._last_heartbeat >= self.heartbeat_s:
            self.telemetry(now)
        if now >= self._timetable_due:
            with self.lock:
                self._apply_timetable(now)
        self._play_due(now)


def _message_id(payload: bytes) -> str:
    """The id to ack; "" for a message too broken to have one (documented in protocol.md)."""
    try:
        message = wire.loads(payload, wire.MAX_SERVER_BYTES, wire.MAX_DEPTH)
    except MessageError:
        return ""
    value = message.get("id") if isinstance(message, dict) else None
    return value if isinstance(value, str) and len(value) <= 64 else ""

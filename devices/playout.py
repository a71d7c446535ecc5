"""The agent's playout: media fetched ahead, the item due played on time, every item proven.

Each item ends in one proof of play on `played` — completed, interrupted, failed (the player
broke) or missed (late, media never arrived, amplifier off) — kept to be sent again on `sync`.
Nothing due is dropped unreported, and a stale bulletin is never played.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from functools import partial
from pathlib import Path
from typing import Any

from devices.agent_state import AgentState
from devices.download import download
from devices.players import PlayerFailed
from devices.programme import Priority, ProgrammeEntry, StreamRef
from devices.protocol import ProtocolError, iso

log = logging.getLogger(__name__)


class Playout(AgentState):
    """The agent on its clock: what is due plays, and every item ends in one report."""

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

    # -- playing what is due --
    def _play_due(self, now: float) -> None:
        """Start the first item due, emergencies first; one that can no longer be heard is
        reported missed."""
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
        self._play(item, source, now)

    def _play(self, item: ProgrammeEntry, source: Path | StreamRef, now: float) -> None:
        """Play one item through the player (blocking the clock) and report how it went."""
        started, real_start = now, time.time()  # reported in the (corrected) clock the agent is driven by
        if isinstance(source, StreamRef) and getattr(self.player, "instant", False):
            # a simulated speaker: the relay runs on the clock, so a stop cuts it where it is
            with self.lock:
                self._relay = (item, now, now + _window_s(item, now))
                self._next_due = now + _window_s(item, now)
            return
        beating = self._beat_while_playing(item)
        failure: PlayerFailed | None = None
        try:
            if isinstance(source, StreamRef):
                ended = now + self.player.stream(source.url, _window_s(item, now), self.volume) - real_start
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

    def _interrupt(self) -> None:
        self._interrupted = True
        self.player.stop()

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


def _window_s(item: ProgrammeEntry, now: float) -> float:
    """How long a relay plays: what is left of its booked window, or all of it for an emergency."""
    if item.priority is Priority.EMERGENCY:
        return max(0.0, item.duration_s)
    return max(0.0, item.duration_s - max(0.0, now - item.starts_at))

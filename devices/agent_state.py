"""What a speaker agent holds and says of itself.

`AgentState` is every field of the reference agent (`devices.agent.Agent`) in one place, the
state file that carries the verified programme and what was played across a reboot, and the
messages the device sends about itself — acks, retained state, telemetry — buffered in an
outbox while the broker cannot be reached. What it does with them: `devices/playout.py` (play
on time, prove it) and `devices/agent.py` (carry out the server's messages).
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from devices.players import NullPlayer, Player
from devices.programme import ProgrammeEntry
from devices.protocol import Topics, Verifier, iso
from devices.timetable import Timetable

Publish = Callable[[str, bytes, bool], None]


@dataclass
class AgentState:
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

    # -- what the device says of itself --
    @property
    def amplifier(self) -> bool:
        """Whether the amplifier is on now (asked on, or forced on for an emergency)."""
        return self.amplifier_on or self.forced_on

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

    def subscriptions(self) -> list[str]:
        return [self.topics.schedule(self.device_id), self.topics.device_cmd(self.device_id)] + [
            self.topics.zone_cmd(z) for z in self.zones
        ]

"""Rate limits per device on what devices send (docs/protocol.md, "Limits on what devices send").

A device may flood the service: 32,000 messages in 4.5 s once stored 4,272 fake proofs of
play and 10,716 audit rows. Each device has a token bucket per class of report — acks,
proofs of play (`played`, `missed` included), state, telemetry — refilled at a steady rate up
to a burst. What is over the limit is dropped before it is queued or stored (acknowledged to
the broker, so it does not come back), and counted; the audit log gets one `device.flooded`
row per device a minute at most, with the counts, never one per message.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rate:
    per_minute: float
    burst: int


# A device acks a handful of commands and programmes a minute, plays at most a bulletin or two a
# minute (a `sync` after days offline sends its backlog: the burst), says its state when it
# changes and sends telemetry every minute or so.
LIMITS: dict[str, Rate] = {
    "ack": Rate(60, 120),
    "played": Rate(30, 300),
    "state": Rate(12, 20),
    "telemetry": Rate(6, 10),
}
MAX_DEVICES = 200_000  # buckets kept; beyond, the oldest are forgotten (a device id per topic)
AUDIT_EVERY_S = 60.0


class FloodGate:
    """Token buckets per (device, kind); thread-safe (reports arrive on the broker's thread)."""

    def __init__(self, limits: dict[str, Rate] | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits or LIMITS
        self.clock = clock
        self._buckets: dict[tuple[str, str], tuple[float, float]] = {}  # (tokens, at)
        self._lock = threading.Lock()
        self.dropped: Counter[tuple[str, str]] = Counter()  # since start
        self._unaudited: dict[str, Counter[str]] = {}
        self._audited_at: dict[str, float] = {}

    def admit(self, device: str, kind: str) -> bool:
        """Whether one more report of `kind` from `device` is within its limit (and take it)."""
        rate = self.limits.get(kind)
        if rate is None:
            return True
        now = self.clock()
        key = (device, kind)
        with self._lock:
            tokens, at = self._buckets.get(key, (float(rate.burst), now))
            tokens = min(float(rate.burst), tokens + (now - at) * rate.per_minute / 60.0)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return True
            self._buckets[key] = (tokens, now)
            if len(self._buckets) > MAX_DEVICES:
                for old in list(self._buckets)[: len(self._buckets) // 10]:
                    del self._buckets[old]
            self.dropped[key] += 1
            self._unaudited.setdefault(device, Counter())[kind] += 1
            return False

    def to_audit(self, device: str) -> dict[str, int] | None:
        """The drops of `device` not audited yet, once a minute at most (None otherwise)."""
        now = self.clock()
        with self._lock:
            pending = self._unaudited.get(device)
            if not pending or now - self._audited_at.get(device, -AUDIT_EVERY_S) < AUDIT_EVERY_S:
                return None
            self._audited_at[device] = now
            del self._unaudited[device]
            return dict(pending)

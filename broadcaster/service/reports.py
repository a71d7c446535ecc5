"""Device reports (acks, proofs of play, state) stored in batches.

One transaction per report costs a commit each (an fsync on SQLite, a round trip on
PostgreSQL): 10,000 acks after a province-wide emergency took ~10 s that way. Reports are
queued as they arrive and a writer thread stores them together — every `every_s` or as soon
as `max_rows` wait — in one transaction. A batch that fails to store goes back to the front
of the queue and is retried; `stop()` stores everything still queued before it returns, so
stopping the service loses no report.

Only an unreachable database is worth retrying. Any other failure is a report the store
cannot take (a string no encoder accepts, a value out of a column's range, a bug): the batch
is then stored one report at a time, so the others are kept, and a report that fails on its
own is logged, counted in `unstorable` and acknowledged to the broker — retried, it would
fail on every restart and block everything behind it (issue 22 #1). The thread never dies.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session

from broadcaster.app.workflow import audit
from broadcaster.store.engine import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Report:
    kind: str  # "ack", "played", "state" or "telemetry"
    device: str
    body: dict[str, Any]
    done: Callable[[], None] | None = None  # once stored: the broker's PUBACK (see Dispatcher.defer_ack)


Apply = Callable[[Session, list[Report]], object]


class ReportWriter:
    """A queue drained by one thread into the store, many reports per transaction."""

    def __init__(self, store: Store, apply: Apply, every_s: float = 0.1, max_rows: int = 2000, idle_s: float = 0.01) -> None:
        self.store, self.apply, self.every_s, self.max_rows, self.idle_s = store, apply, every_s, max_rows, idle_s
        self._queue: deque[Report] = deque()
        self._wake = threading.Condition()
        self._stopping = False
        self._busy = False
        self._thread: threading.Thread | None = None
        self.queued = 0
        self.stored = 0
        self.batches = 0
        self.failures = 0
        self.unstorable = 0  # reports dropped because the store refused them on their own

    def put(self, kind: str, device: str, body: dict[str, Any], done: Callable[[], None] | None = None) -> None:
        with self._wake:
            self._queue.append(Report(kind, device, body, done))
            self.queued += 1
            if len(self._queue) >= self.max_rows:
                self._wake.notify()

    @property
    def waiting(self) -> int:
        with self._wake:
            return len(self._queue) + (1 if self._busy else 0)

    def start(self) -> ReportWriter:
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="report-writer", daemon=True)
        self._thread.start()
        return self

    def _take(self) -> list[Report]:
        """Sleep while idle; once reports wait, gather more until `max_rows`, `every_s`, or until
        none arrived for `idle_s` (a broker that lets few reports in flight waits for our PUBACKs)."""
        with self._wake:
            if not self._queue and not self._stopping:
                self._wake.wait(self.every_s)
            window_end = time.monotonic() + self.every_s
            seen = -1
            while not self._stopping and seen != len(self._queue) < self.max_rows and time.monotonic() < window_end:
                seen = len(self._queue)
                self._wake.wait(self.idle_s)
            batch = [self._queue.popleft() for _ in range(min(self.max_rows, len(self._queue)))]
            self._busy = bool(batch)
            return batch

    def _run(self) -> None:
        backoff = self.every_s
        while True:
            batch = self._take()
            if not batch:
                if self._stopping:
                    return
                continue
            try:
                left = self._store(batch)
            except Exception:  # a bug in the loop itself: never lose the thread, nor the batch
                log.exception("the report writer failed on a batch of %d; retrying", len(batch))
                left = batch
            if not left:
                backoff = self.every_s
                continue
            with self._wake:  # back to the front, in order, and try again later
                self._queue.extendleft(reversed(left))
                self._busy = False
                if self._stopping and self._give_up:
                    return
            time.sleep(backoff)
            backoff = min(backoff * 2, 5.0)

    _give_up = False

    def _apply(self, batch: list[Report]) -> None:
        with self.store.session() as session:
            self.apply(session, batch)
        for report in batch:
            if report.done is not None:
                report.done()
        with self._wake:
            self.stored += len(batch)
            self.batches += 1

    def _store(self, batch: list[Report]) -> list[Report]:
        """Store a batch; returns what is left to retry (the database was unreachable)."""
        try:
            self._apply(batch)
        except Exception as exc:  # sorted below: only an unreachable database is retried
            if _transient(exc):
                self.failures += 1
                log.error("could not store %d device reports, will retry: %s", len(batch), exc)
                return batch
            if len(batch) > 1:
                log.error("a batch of %d device reports failed (%s); storing them one by one", len(batch), exc)
            for i, report in enumerate(batch):
                try:
                    self._apply([report])
                except Exception as alone:
                    if _transient(alone):
                        self.failures += 1
                        return batch[i:]
                    self._unstorable(report, alone)
        with self._wake:
            self._busy = False
        return []

    def _unstorable(self, report: Report, exc: Exception) -> None:
        """A report the store refuses on its own: logged, counted, acknowledged (never retried)."""
        with self._wake:
            self.unstorable += 1
        log.error(
            "dropped a %s report from %s that cannot be stored (%s: %s)",
            report.kind,
            report.device.encode("utf-8", "backslashreplace").decode(),
            type(exc).__name__,
            str(exc).encode("utf-8", "backslashreplace").decode()[:200],
        )
        if report.done is not None:
            report.done()

    def flush(self, timeout_s: float = 10.0) -> bool:
        """Wait until everything queued so far is stored; False if that took longer than the timeout."""
        deadline = time.monotonic() + timeout_s
        with self._wake:
            self._wake.notify()
        while self.waiting:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.01)
        return True

    def stop(self, timeout_s: float = 30.0) -> None:
        """Store what is queued, then end the thread. Reports the store still refuses after
        `timeout_s` are logged with their count (they are lost only then)."""
        if self._thread is None:
            return
        with self._wake:
            self._stopping = True
            self._wake.notify()
        self._thread.join(timeout_s)
        if self._thread.is_alive():
            self._give_up = True
            self._thread.join(10)
        if self._queue:
            log.error("%d device reports could not be stored before stopping", len(self._queue))
        self._thread = None


def _transient(exc: BaseException) -> bool:
    """Whether a failure is the database being unreachable (worth retrying the same reports)."""
    if isinstance(exc, (OperationalError, InterfaceError, DisconnectionError, PoolTimeout)):
        return True
    return getattr(exc, "connection_invalidated", False) is True


class Rejections:
    """Device reports the service refused: audited with their reason, at most `PER_MINUTE` a minute
    per device, so a flooding device cannot fill the audit log."""

    PER_MINUTE = 10

    def __init__(self, store: Store) -> None:
        self.store = store
        self._recent: dict[str, list[float]] = {}

    def audit(self, device: str, kind: str, reason: str, detail: str) -> None:
        clock = time.monotonic()
        recent = [t for t in self._recent.get(device, []) if clock - t < 60.0]
        self._recent[device] = recent
        if len(recent) >= self.PER_MINUTE:
            return
        recent.append(clock)
        with self.store.session() as session:
            audit(session, f"device:{device}", "device.rejected", f"{kind}:{device}", reason=reason, detail=detail[:300])

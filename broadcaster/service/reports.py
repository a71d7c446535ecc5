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
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from broadcaster.app.statistics import aware_utc, plausibility
from broadcaster.app.workflow import audit
from broadcaster.store.engine import Store
from broadcaster.store.models import (
    AuditEvent,
    CommandRow,
    DeviceRow,
    DeviceSample,
    PlannedPlay,
    PlayReport,
    ProgrammePush,
    utcnow,
)
from devices.protocol import parse_iso

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


def store_reports(session: Session, batch: list[Report]) -> set[str]:
    """Store a batch of reports (already validated by `devices.wire.report`) in one transaction.

    The rows a batch touches are loaded with one query per table and then looked up in memory:
    a query per report would autoflush the whole batch each time. Returns the devices whose
    current programme this batch acknowledged.
    """
    acks = [r for r in batch if r.kind == "ack"]
    acked_ids = {str(r.body["id"]) for r in acks}
    pushed: dict[str, tuple[str, bool]] = {}  # device → (message id of its current programme, acked)
    commands: dict[str, CommandRow] = {}
    if acked_ids:
        push_query = (
            select(ProgrammePush.device_id, ProgrammePush.message_id, ProgrammePush.acked_at)
            .where(ProgrammePush.device_id.in_({r.device for r in acks}))
            .order_by(ProgrammePush.device_id)
        )
        query = select(CommandRow).where(CommandRow.id.in_(acked_ids)).order_by(CommandRow.id)
        if session.get_bind().dialect.name == "postgresql":
            # several workers merge acks into one command, and the leader may be re-pushing a
            # programme: the ack of the previous one must not mark the new one acked
            push_query, query = push_query.with_for_update(), query.with_for_update()
        pushed = {d: (m, a is not None) for d, m, a in session.execute(push_query)}
        commands = {c.id: c for c in session.scalars(query)}
    # the device rows only for what changes them: an emergency's 10,000 acks need none
    touching = {r.device for r in batch if r.kind != "ack"}
    rows = {d.id: d for d in session.scalars(select(DeviceRow).where(DeviceRow.id.in_(touching)))} if touching else {}
    plays = {(r.device, str(r.body["item"])) for r in batch if r.kind == "played"}
    seen: set[tuple[str, str]] = set()
    if plays:
        found = session.execute(
            select(PlayReport.device_id, PlayReport.item_id).where(
                PlayReport.device_id.in_({d for d, _ in plays}), PlayReport.item_id.in_({i for _, i in plays})
            )
        )
        seen = {(d, i) for d, i in found}
    missed = _missed_already(session, {(r.device, str(r.body["item"])) for r in batch if _is_missed(r)})
    planned = (
        {p.item_id: p for p in session.scalars(select(PlannedPlay).where(PlannedPlay.item_id.in_({i for _, i in plays})))}
        if plays
        else {}
    )
    implausible: dict[str, list[str]] = {}
    programme_acked: set[str] = set()
    with session.no_autoflush:
        for report in batch:
            device, body, row = report.device, report.body, rows.get(report.device)
            if report.kind == "ack":
                message_id = str(body["id"])
                if body["status"] == "ok" and pushed.get(device) == (message_id, False):
                    programme_acked.add(device)
                command = commands.get(message_id)
                if command is not None:
                    # in place, flagged once below: a copy per ack made 10,000 acks quadratic
                    if command.acks is None:
                        command.acks = {}
                    command.acks[device] = {"status": body["status"], "reason": body["reason"], "at": body["at"]}
                if body["status"] == "rejected" and (command is not None or pushed.get(device, ("",))[0] == message_id):
                    # only for a message we sent it: a rejection of an id we never sent is noise
                    audit(session, f"device:{device}", "device.rejected", f"message:{message_id}", reason=body["reason"])
            elif _is_missed(report):
                # not heard (the amplifier was off): no proof of play, but never unrecorded
                key = (device, str(body["item"]))
                if key in missed:
                    continue  # sent again after a `sync` or a reconnect: audited once
                missed.add(key)
                audit(
                    session,
                    f"device:{device}",
                    "device.missed",
                    f"item:{body['item']}",
                    bulletin=body["bulletin"],
                    reason=body.get("reason", ""),
                    at=body["started"],
                )
            elif report.kind == "played":
                key = (device, str(body["item"]))
                if key in seen:
                    continue  # a report resent after a reconnect
                why = implausible_play(body, planned.get(key[1]), row.zone_id if row is not None else None)
                if why:  # not stored, so never counted; audited once a batch per device
                    implausible.setdefault(device, []).append(f"{key[1]}: {why}")
                    continue
                seen.add(key)
                session.add(
                    PlayReport(
                        device_id=device,
                        item_id=body["item"],
                        bulletin_id=body["bulletin"],
                        sha256=body["sha256"],
                        volume=body["volume"],
                        started=datetime.fromtimestamp(parse_iso(body["started"]), UTC),
                        ended=datetime.fromtimestamp(parse_iso(body["ended"]), UTC),
                        zone_id=row.zone_id if row is not None else "",
                        outcome=body.get("outcome", "completed"),
                        played_ms=body.get("played_ms", 0),
                    )
                )
                if row is not None:
                    row.last_seen = utcnow()
                    row.state = {**(row.state or {}), "last_play": body["item"], "last_play_at": body["ended"]}
            elif report.kind == "state":
                if row is None:
                    log.warning("state from unknown device %s", device)
                    continue
                row.online = body["online"]
                row.last_seen = utcnow()
                row.state = {**(row.state or {}), **body}
                session.add(DeviceSample(device_id=device, at=utcnow(), kind="state", online=body["online"], body=body))
            elif report.kind == "telemetry" and row is not None:  # kept for uptime statistics
                row.last_seen = utcnow()
                session.add(DeviceSample(device_id=device, at=utcnow(), kind="telemetry", online=True, body=body))
    for culprit, reasons in implausible.items():
        audit(session, f"device:{culprit}", "device.implausible", f"device:{culprit}", count=len(reasons), first=reasons[:3])
    for command in commands.values():
        flag_modified(command, "acks")
    if programme_acked:  # one executemany; the message id again, in case a re-push replaced it meanwhile
        acked_at = utcnow()
        session.connection().execute(  # the connection's executemany: the session's would want primary keys only
            update(ProgrammePush)
            .where(ProgrammePush.device_id == bindparam("device"), ProgrammePush.message_id == bindparam("message"))
            .where(ProgrammePush.acked_at.is_(None))
            .values(acked_at=acked_at),
            [{"device": d, "message": pushed[d][0]} for d in sorted(programme_acked)],
        )
    return programme_acked


def implausible_play(body: dict[str, Any], planned: PlannedPlay | None, zone: str | None) -> str:
    """Why a proof of play cannot be true, or "": for a planned item, played by a device of
    another zone, started before its slot (beyond a clock's error) or a day after it, or lasting
    far longer than its media. An item not planned (yet) is judged again by the statistics,
    which count only plausible plays of planned items (`broadcaster.app.statistics`)."""
    if planned is None:
        return ""
    return plausibility(planned.zone_id, aware_utc(planned.starts_at), planned.duration_ms, body, zone)


def _is_missed(report: Report) -> bool:
    return report.kind == "played" and report.body["outcome"] == "missed"


def _missed_already(session: Session, missed: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The (device, item) pairs of this batch whose `missed` report is audited already.

    A missed item has no play report row: its audit event is the record, so a report a device
    sends again (a `sync {plays_since}` after the broker lost our session) is recognised by it
    (index ix_audit_events_action_subject).
    """
    if not missed:
        return set()
    found = session.execute(
        select(AuditEvent.actor, AuditEvent.subject).where(
            AuditEvent.action == "device.missed",
            AuditEvent.subject.in_({f"item:{i}" for _, i in missed}),
            AuditEvent.actor.in_({f"device:{d}" for d, _ in missed}),
        )
    )
    return {(actor.removeprefix("device:"), subject.removeprefix("item:")) for actor, subject in found} & missed


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

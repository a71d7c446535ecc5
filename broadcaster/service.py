"""`broadcaster run`: the long-running service.

It re-plans and pushes every device's programme on a timer and after every change, fires
emergencies at once, collects acknowledgements, proof of play and presence into the store,
and polls feeds. All state lives in the store and on the devices (which keep their verified
programme and what they played), so a restart neither loses nor repeats a play.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from broadcaster import tasks
from broadcaster.config import Settings
from broadcaster.keys import load_or_create
from broadcaster.leader import Leader
from broadcaster.models import (
    AuditEvent,
    BookingRow,
    Bulletin,
    CommandRow,
    ProgrammePush,
    ServiceTask,
    User,
    ZoneRow,
    utcnow,
)
from broadcaster.reports import Report, ReportWriter, store_reports
from broadcaster.scheduling import build_planner, device_programmes, media_ref, programme_sha, stream_of
from broadcaster.statistics import record_due
from broadcaster.store import Store, open_store
from broadcaster.timetables import for_device as timetables_of
from broadcaster.workers import Peers, drain
from broadcaster.workflow import Actor, WorkflowError, approved_media, audit
from devices.broker import EmbeddedBroker, mask_url, parse_mqtt_url
from devices.dispatcher import Dispatcher
from devices.mediaserver import MediaServer
from devices.protocol import MessageType, Priority, StreamRef, Topics, iso, programme_entry
from schedules.runner import Job, Runner

log = logging.getLogger(__name__)


class Service:
    def __init__(self, settings: Settings, store: Store | None = None, mqtt_url: str | None = None) -> None:
        self.settings = settings
        self.store = store or open_store(settings.database_url)
        self.mqtt_url = mqtt_url or settings.mqtt_url or None
        self.topics = Topics(settings.topic_prefix)
        self.signer = load_or_create(settings.key_file, settings.key_id)
        self._stack = ExitStack()
        self.dispatcher: Dispatcher | None = None
        self.media_base_url = settings.media_base_url
        self.changed = threading.Event()
        self.runner: Runner | None = None
        self.reports_received = 0
        self._watermark: int | None = -1
        # unacked programmes are re-pushed with backoff: device → (attempts, monotonic time of the next try)
        self._retry: dict[str, tuple[int, float]] = {}
        self._rejections: dict[str, list[float]] = {}
        self._resync_since: float | None = None  # ask devices for proofs of play since then (see on_reconnect)
        self.reports = ReportWriter(self.store, self._store_reports)
        # with a shared group, several workers share device reports and one of them leads
        self.leader = Leader(self.store, f"loa-planner:{settings.topic_prefix}") if settings.shared_group else None
        self.leading = self.leader is None
        self.peers = Peers()
        self.drained = 0  # reports taken from the sessions of workers that went away

    REPUSH_FIRST_S = 15.0
    RESYNC_MARGIN_S = 300.0  # reports sent this long before the connection dropped may be lost too
    REPUSH_MAX_S = 900.0
    AUDITED_REJECTIONS_PER_MINUTE = 10

    def _started(self) -> Dispatcher:
        if self.dispatcher is None:
            raise WorkflowError("the service is not started: call start() first")
        return self.dispatcher

    # -- lifecycle --
    def start(self) -> Service:
        url = self.mqtt_url
        if not url:
            url = self._stack.enter_context(EmbeddedBroker()).url
            self.mqtt_url = url
        if not self.media_base_url:
            server = self._stack.enter_context(
                MediaServer(self.settings.media_dir, self.settings.media_host, self.settings.media_port or None)
            )
            self.media_base_url = server.base_url
        self.reports.start()
        self._stack.callback(self.reports.stop)  # runs after the dispatcher stopped: all that arrived is stored
        # A fixed client id with a persistent session: reports sent while the service is down
        # wait in the broker and arrive after a restart.
        self.dispatcher = self._dispatcher(self.settings.server_client_id)
        self.dispatcher.start()
        self._stack.callback(self.dispatcher.stop)
        if self.leader is not None:
            self._stack.callback(self.leader.release)
        self._stack.callback(self._beat_stopped)
        self.lead()
        return self

    def _dispatcher(self, client_id: str, drain_only: bool = False) -> Dispatcher:
        # A fixed client id with a persistent session: reports sent while the service is down
        # wait in the broker and arrive after a restart.
        return Dispatcher(
            self.signer,
            self.mqtt_url or "",
            self.topics,
            client_id=client_id,
            on_ack=self.on_ack,
            on_played=self.on_played,
            on_state=self.on_state,
            on_telemetry=self.on_telemetry,
            on_rejected=self.on_rejected,
            on_reconnect=None if drain_only else self.on_reconnect,
            clean=False,
            deferred_acks=True,  # a report is PUBACKed once stored: a killed service loses none
            shared_group=self.settings.shared_group,
            on_peer=self.peers.seen,
            drain_only=drain_only,
        )

    # -- several workers (broadcaster.workers) --
    def lead(self) -> bool:
        """Take or keep the lead (always ours without a shared group). The leader re-plans,
        pushes, retries and runs tasks, and drains the sessions of workers gone for
        `adopt_after_s`, in threads of their own."""
        was = self.leading and self.leader is not None and self.leader.held
        self.leading = self.leader is None or self.leader.try_acquire()
        if self.leading and not was:
            self._took_lead()
        if self.leading and self.leader is not None:
            for worker in self.peers.due(self.settings.adopt_after_s):
                threading.Thread(target=self._drain, args=(worker,), name=f"drain-{worker}", daemon=True).start()
        return self.leading

    def _took_lead(self) -> None:
        """What the previous leader was doing is picked up: its running tasks queued again, every
        unconfirmed programme and unacked command sent at the next turn."""
        with self.store.session() as session:
            requeued = tasks.requeue_interrupted(session)
            tasks.beat(session, self._beat_info(), started=True)
        if requeued:
            log.info("%d interrupted tasks queued again", requeued)
        if self.leader is not None:
            log.info("worker %s leads", self.settings.server_client_id)
        self._watermark = -1
        self._retry = {device: (0, 0.0) for device in self._retry}

    def _drain(self, worker: str) -> None:
        user = parse_mqtt_url(self.mqtt_url or "")[2]
        if user and user != worker:
            # a broker configured by `devices export-acl` names clients after their account
            # (use_username_as_clientid): this drain would take over our own session instead
            log.warning("cannot drain worker %s with the broker account %s: give each worker its own account", worker, user)
            return
        got = drain(self._dispatcher(worker, drain_only=True), self.reports.flush, lambda: self.peers.gone(worker))
        self.drained += got

    def _leading(self, action: Callable[[], object]) -> Callable[[], object]:
        return lambda: action() if self.leading else None

    def _beat_info(self) -> dict[str, Any]:
        return {**tasks.host_info(), "media": self.media_base_url, "broker": mask_url(self.mqtt_url or "")}

    def heartbeat(self) -> None:
        with self.store.session() as session:
            tasks.beat(session, self._beat_info())

    def _beat_stopped(self) -> None:
        if not self.leading:
            return
        with self.store.session() as session:
            tasks.beat(session, {**self._beat_info(), "stopped": True})

    def stop(self) -> None:
        if self.runner:
            self.runner.stop()
        self._stack.close()

    def __enter__(self) -> Service:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- programmes --
    def replan_and_push(self, now: datetime | None = None, force: bool = False) -> int:
        """Push every device whose programme changed or was never acked; returns how many the
        broker confirmed (PUBACK). Nothing is recorded while the broker is away; a programme the
        broker did not confirm stays unacked and, like any unacked programme, is pushed again
        (newly signed) with exponential backoff, at once after a reconnect or restart."""
        dispatcher = self._started()
        now = now or datetime.now(UTC)
        clock = time.monotonic()
        outgoing: list[tuple[str, str, str, int, bytes]] = []  # device, sha256, message id, items, payload
        with self.store.session() as session:
            planner = build_planner(session, now.astimezone(self._tz()).date(), self.settings.programme_days)
            plan = planner.plan()
            programmes = device_programmes(session, plan, self.media_base_url, now)
            pushes = {p.device_id: p for p in session.scalars(select(ProgrammePush))}
            timetables = {z.id: timetables_of(z) for z in session.scalars(select(ZoneRow))}
            for device_id, (zone_id, entries) in programmes.items():
                timetable = timetables.get(zone_id)
                digest = programme_sha(entries, timetable)
                last = pushes.get(device_id)
                if last is not None and last.sha256 == digest and not force:
                    if last.acked_at is not None or clock < self._retry.get(device_id, (0, 0.0))[1]:
                        continue
                message_id, payload = dispatcher.programme(device_id, zone_id, entries, timetable=timetable)
                outgoing.append((device_id, digest, message_id, len(entries), payload))
            # written last: on SQLite the first write takes the database's only write lock, which
            # the report writer needs for the devices' acks; planning and signing need not hold it
            record_due(session, plan, now)  # what was due, kept for statistics as it was planned
        if not outgoing:
            return 0
        if not dispatcher.client.is_connected():
            return 0  # nothing is recorded as pushed while the broker is away
        # Recorded before publishing: a device's ack may reach another worker (shared
        # subscription) before this one could commit, and must find its message id there.
        with self.store.session() as session, session.no_autoflush:
            pushes = self._load_pushes(session, [d for d, *_ in outgoing])
            for device_id, digest, message_id, count, _payload in outgoing:
                row = pushes.get(device_id)
                if row is None:
                    row = ProgrammePush(device_id=device_id)
                    session.add(row)
                row.sha256, row.message_id, row.items, row.pushed_at, row.acked_at = digest, message_id, count, utcnow(), None
        published = dispatcher.publish_programmes([(d, p) for d, _s, _m, _n, p in outgoing])
        for device_id, *_ in outgoing:
            attempts = self._retry.get(device_id, (0, 0.0))[0]
            self._retry[device_id] = (attempts + 1, clock + min(self.REPUSH_FIRST_S * 2**attempts, self.REPUSH_MAX_S))
        if len(published) < len(outgoing):
            log.warning(
                "%d of %d programmes not confirmed by the broker; retried later", len(outgoing) - len(published), len(outgoing)
            )
        if published:
            log.info("pushed %d programmes", len(published))
        return len(published)

    @staticmethod
    def _load_pushes(session: Any, devices: list[str]) -> dict[str, ProgrammePush]:
        """Into the session in a few queries: a `get` per device would query and autoflush each time."""
        found: dict[str, ProgrammePush] = {}
        for start in range(0, len(devices), 5000):
            chunk = devices[start : start + 5000]
            found.update(
                (p.device_id, p) for p in session.scalars(select(ProgrammePush).where(ProgrammePush.device_id.in_(chunk)))
            )
        return found

    def on_reconnect(self, session_present: bool = True) -> None:
        """Back on the broker (maybe a new one): unacked programmes go out at the next replan.
        A broker that no longer holds our session (restarted without persistence) also dropped
        whatever devices reported while we were away: every zone is asked, at the next command
        retry, to send its proofs of play since shortly before the connection was lost."""
        self._retry = {device: (0, 0.0) for device in self._retry}
        if not session_present:
            lost_at = self.dispatcher.lost_at if self.dispatcher is not None else None
            since = (lost_at or time.time()) - self.RESYNC_MARGIN_S
            self._resync_since = min(since, self._resync_since or since)
        if self.dispatcher is not None:
            self.dispatcher.lost_at = None

    def _tz(self) -> Any:
        from zoneinfo import ZoneInfo

        return ZoneInfo(self.settings.timezone)

    # -- emergencies --
    def fire_emergency(
        self, actor: Actor, bulletin_id: int, zones: list[str], repeat: int = 1, gap_s: int = 0, task_id: int | None = None
    ) -> list[str]:
        """Play at once on every device of the zones, pre-empting what plays, quiet hours or not.
        From a task, the booking is noted in the task with it: a task run again (its worker
        died) fires the same booking, the same item, which a device plays once."""
        dispatcher = self._started()
        from broadcaster.scheduling import aware, record_emergency

        now = datetime.now(UTC)
        with self.store.session() as session:
            task = session.get(ServiceTask, task_id) if task_id is not None else None
            booking = (task.payload or {}).get("booking") if task is not None else None
            row = session.get(BookingRow, booking) if booking is not None else None
            if row is not None and row.fire_at is not None:
                now = aware(row.fire_at) or now
            else:
                row = record_emergency(session, actor, bulletin_id, zones, now, repeat, gap_s)
                if task is not None:
                    session.flush()
                    task.payload = {**(task.payload or {}), "booking": row.id}
            media = approved_media(session, bulletin_id)
            bulletin = session.get(Bulletin, bulletin_id)
            stream = stream_of(bulletin) if bulletin is not None else None
            if (media is None and stream is None) or bulletin is None:
                raise WorkflowError(f"bulletin {bulletin_id} has no rendered audio to play")
            from schedules.model import ProgrammeItem

            def entry(zone: str) -> dict[str, Any]:
                # the item id the planner gives this booking in this zone, so the schedule that
                # follows holds the same item and a device plays it once (issue 13 #8)
                item_id = ProgrammeItem.make_id(zone, str(row.id), now)
                if stream is not None or media is None:  # a relay: the live stream for its approved window
                    live = StreamRef(str(stream["url"]), int(stream["duration_ms"])) if stream else None
                    return programme_entry(
                        item_id, now, Priority.EMERGENCY, str(bulletin_id), bulletin.title, stream=live
                    ).to_dict()
                ref = media_ref(media, self.media_base_url)
                return programme_entry(item_id, now, Priority.EMERGENCY, str(bulletin_id), bulletin.title, media=ref).to_dict()

            entries = {zone: entry(zone) for zone in zones}
        ids = []
        for zone in zones:
            ttl = 600
            command_id, topic, payload = dispatcher.command_message(
                MessageType.PLAY, {"item": entries[zone]}, zone=zone, ttl_s=ttl
            )
            with self.store.session() as session:
                session.add(
                    CommandRow(
                        id=command_id,
                        kind="play",
                        target=f"zone/{zone}",
                        body={"topic": topic, "payload": payload.decode()},
                        expires_at=now + timedelta(seconds=ttl),
                    )
                )
                audit(session, actor, "emergency.fired", f"zone:{zone}", bulletin=bulletin_id, command=command_id)
            dispatcher.resend(topic, payload)
            ids.append(command_id)
        self.replan_and_push()
        return ids

    def withdraw_everywhere(self, actor: Actor, bulletin_id: int, reason: str) -> int:
        """Withdraw a bulletin and every future play of it in one action; returns programmes re-pushed."""
        from broadcaster.workflow import withdraw

        with self.store.session() as session:
            bulletin = session.get(Bulletin, bulletin_id)
            if bulletin is None:
                raise WorkflowError(f"no bulletin {bulletin_id}")
            withdraw(session, bulletin, actor, reason)
        return self.replan_and_push()

    # -- what devices say: queued as they arrive, stored in batches (broadcaster.reports) --
    def on_played(self, device: str, body: dict[str, Any]) -> None:
        """A proof of play, already validated by `devices.wire.report`."""
        self.reports_received += 1
        self.reports.put("played", device, body, self._defer_ack())

    def on_state(self, device: str, body: dict[str, Any]) -> None:
        self.reports.put("state", device, body, self._defer_ack())

    def on_telemetry(self, device: str, body: dict[str, Any]) -> None:
        self.reports.put("telemetry", device, body)  # stored for uptime statistics

    def on_ack(self, device: str, body: dict[str, Any]) -> None:
        self.reports.put("ack", device, body, self._defer_ack())

    @staticmethod
    def _defer_ack() -> Callable[[], None] | None:
        return Dispatcher.defer_current()

    def _store_reports(self, session: Any, batch: list[Report]) -> None:
        for device in store_reports(session, batch):
            self._retry.pop(device, None)  # its programme is acked: no more re-pushes

    def on_rejected(self, device: str, kind: str, reason: str, detail: str) -> None:
        """A device report the service refused: audited with its reason (at most ten a minute
        per device, so a flooding device cannot fill the audit log)."""
        clock = time.monotonic()
        recent = [t for t in self._rejections.get(device, []) if clock - t < 60.0]
        self._rejections[device] = recent
        if len(recent) >= self.AUDITED_REJECTIONS_PER_MINUTE:
            return
        recent.append(clock)
        with self.store.session() as session:
            audit(session, f"device:{device}", "device.rejected", f"{kind}:{device}", reason=reason, detail=detail[:300])

    def retry_commands(self, now: datetime | None = None) -> int:
        """Re-send unexpired commands to devices that have not acked; returns devices retried."""
        dispatcher = self._started()
        from broadcaster.scheduling import aware

        now = now or datetime.now(UTC)
        if self._resync_since is not None:
            self.resync_reports(now)
        retried = 0
        with self.store.session() as session:
            for command in session.scalars(select(CommandRow)):
                expires = aware(command.expires_at)
                if expires is None or expires <= now or "payload" not in (command.body or {}):
                    continue
                missing = [d for d in tasks.targets(session, command.target) if d not in (command.acks or {})]
                if missing:
                    dispatcher.resend(command.body["topic"], command.body["payload"].encode())
                    command.attempts += 1
                    retried += len(missing)
        return retried

    def resync_reports(self, now: datetime) -> list[str]:
        """Send every zone a signed `sync` asking for proofs of play since `_resync_since`;
        recorded as commands, so devices that were offline are asked again until they ack."""
        dispatcher = self._started()
        since, self._resync_since = self._resync_since, None
        if since is None:
            return []
        body = {"plays_since": iso(since)}
        ttl = 600
        ids = []
        with self.store.session() as session:
            zones = list(session.scalars(select(ZoneRow.id)))
            for zone in zones:
                command_id, topic, payload = dispatcher.command_message(MessageType.SYNC, body, zone=zone, ttl_s=ttl)
                session.add(
                    CommandRow(
                        id=command_id,
                        kind=MessageType.SYNC.value,
                        target=f"zone/{zone}",
                        body={"topic": topic, "payload": payload.decode()},
                        expires_at=now + timedelta(seconds=ttl),
                    )
                )
                ids.append((command_id, topic, payload))
            audit(session, "service", "service.resync", "zones", zones=len(zones), since=body["plays_since"])
        for _command_id, topic, payload in ids:
            dispatcher.resend(topic, payload)
        log.info(
            "asked %d zones for their proofs of play since %s (the broker had lost our session)", len(ids), body["plays_since"]
        )
        return [c for c, _t, _p in ids]

    def command_status(self, command_id: str, now: datetime | None = None) -> dict[str, str]:
        """Per device: acked, rejected (with reason), waiting, or timed out."""
        with self.store.session() as session:
            if session.get(CommandRow, command_id) is None:
                raise WorkflowError(f"no command {command_id}")
            return tasks.command_progress(session, [command_id], now)

    # -- the task queue: what the console, the API and the CLI ask for --
    def process_tasks(self, limit: int = 20) -> int:
        """Carry out queued tasks in order; a failed task is recorded with its reason, never retried blindly."""
        done = 0
        while done < limit:
            with self.store.session() as session:
                task = tasks.claim(session)
                if task is None:
                    return done
                task_id, kind, payload, username, address = task.id, task.kind, dict(task.payload), task.actor, task.address
            try:
                result = self._carry_out(tasks.TaskKind(kind), payload, self._actor(username, address), task_id)
            except Exception as exc:  # one bad task must not stop the queue; its reason is stored for the user
                log.exception("task %s (%s) failed", task_id, kind)
                with self.store.session() as session:
                    tasks.finish(session, task_id, error=str(exc) or type(exc).__name__)
            else:
                with self.store.session() as session:
                    tasks.finish(session, task_id, result)
            done += 1
        return done

    def _actor(self, username: str, address: str) -> Actor:
        from broadcaster.cap_import import CAP_APPROVER, CAP_EDITOR

        system = {a.username: a for a in (CAP_APPROVER, CAP_EDITOR)}
        if username in system:
            return system[username]
        with self.store.session() as session:
            user = session.scalars(select(User).where(User.username == username)).first()
            if user is None or not user.active:
                raise WorkflowError(f"user {username} no longer exists or is disabled")
            return Actor.of(user, address)

    def _carry_out(
        self, kind: tasks.TaskKind, payload: dict[str, Any], actor: Actor, task_id: int | None = None
    ) -> dict[str, Any]:
        if kind is tasks.TaskKind.EMERGENCY:
            ids = self.fire_emergency(
                actor,
                int(payload["bulletin"]),
                list(payload["zones"]),
                int(payload.get("repeat", 1)),
                int(payload.get("gap_s", 0)),
                task_id,
            )
            return {"commands": ids}
        if kind is tasks.TaskKind.REPLAN:
            return {"pushed": self.replan_and_push(force=bool(payload.get("force")))}
        if kind in (tasks.TaskKind.STOP, tasks.TaskKind.DEVICE_COMMAND):
            message = MessageType.STOP if kind is tasks.TaskKind.STOP else MessageType(str(payload["type"]))
            body = dict(payload.get("body") or {})
            ids = [self.send_command(actor, message, body, zone=z) for z in payload.get("zones", [])]
            ids += [self.send_command(actor, message, body, device=d) for d in payload.get("devices", [])]
            return {"commands": ids}
        raise WorkflowError(f"unknown task kind {kind}")

    def send_command(
        self, actor: Actor, kind: MessageType, body: dict[str, Any], device: str | None = None, zone: str | None = None
    ) -> str:
        """Sign, record (for retries and per-device acks), audit and publish one command."""
        dispatcher = self._started()
        ttl = 600
        command_id, topic, payload = dispatcher.command_message(kind, body, device=device, zone=zone, ttl_s=ttl)
        target = f"zone/{zone}" if zone else f"dev/{device}"
        with self.store.session() as session:
            session.add(
                CommandRow(
                    id=command_id,
                    kind=kind.value,
                    target=target,
                    body={"topic": topic, "payload": payload.decode()},
                    expires_at=datetime.now(UTC) + timedelta(seconds=ttl),
                )
            )
            audit(session, actor, f"command.{kind.value}", target, command=command_id, **body)
        dispatcher.resend(topic, payload)
        return command_id

    def watch_changes(self) -> bool:
        """Re-plan when the audit log moved: every booking, approval, withdrawal or zone change is audited,
        so any front door's change reaches the speakers within a tick, without a task of its own."""
        with self.store.session() as session:
            latest = session.scalar(
                select(func.max(AuditEvent.id)).where(
                    AuditEvent.action.notin_(("device.rejected", "device.missed")),
                    AuditEvent.action != "user.signed_in",
                    ~AuditEvent.action.startswith("task."),
                    ~AuditEvent.action.startswith("command."),
                )
            )
        if latest == self._watermark:
            return False
        self._watermark = latest
        self.replan_and_push()
        return True

    # -- the loop --
    def jobs(self) -> list[Job]:
        """Every job but the lead itself runs in the leader only."""
        jobs = [
            Job("tasks", self.process_tasks, every_s=self.settings.task_poll_s),
            Job("changes", self.watch_changes, every_s=self.settings.task_poll_s),
            Job("heartbeat", self.heartbeat, every_s=5),
            Job("replan", self.replan_and_push, every_s=self.settings.replan_every_s),
            Job("retry-commands", self.retry_commands, every_s=self.settings.command_retry_s),
            Job("replan-daily", self.replan_and_push, daily_at="00:05"),
        ]
        if self.settings.feeds:
            jobs.append(Job("feeds", self.poll_feeds, every_s=self.settings.feed_every_s))
        if self.settings.auto_draft:
            jobs.append(Job("auto-draft", self.auto_draft, every_s=self.settings.feed_every_s))
        jobs = [Job(j.name, self._leading(j.action), j.every_s, j.daily_at) for j in jobs]
        if self.leader is not None:
            jobs.insert(0, Job("lead", self.lead, every_s=1.0))
        return jobs

    def poll_feeds(self) -> None:
        from broadcaster.pipeline import ingest
        from scripts.ingest import HttpFetcher

        with self.store.session() as session:
            result = ingest(session, list(self.settings.feeds), HttpFetcher(policy=self.settings.link_policy()))
        log.info("feeds: %d new, %d failures", len(result.stored), len(result.failures))

    def auto_draft(self) -> None:
        from broadcaster.programmes import auto_draft_new

        made = auto_draft_new(self.store, self.settings)
        log.info("auto-draft: %d bulletins sent to review", len(made))

    def run_forever(self, handle_signals: bool = True) -> None:
        """Run the clock until stopped; `handle_signals` only in the main thread (`broadcaster up` runs it in another)."""
        self.runner = Runner(self.jobs())
        if handle_signals:
            for sig in (signal.SIGTERM, signal.SIGINT):
                signal.signal(sig, lambda *_: self.runner.stop() if self.runner else None)
        if self.leading:
            self.watch_changes()
            self.process_tasks()
        self.runner.run(tick_s=min(0.5, self.settings.task_poll_s))

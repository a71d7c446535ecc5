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
import uuid
from collections.abc import Callable
from contextlib import ExitStack
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from broadcaster.app import podcast, tasks
from broadcaster.app.workflow import WorkflowError, audit
from broadcaster.config import Settings
from broadcaster.service import pushes
from broadcaster.service.device_commands import DeviceCommands
from broadcaster.service.flood import FloodGate
from broadcaster.service.follow_up import FollowUp
from broadcaster.service.leader import Leader
from broadcaster.service.report_rows import store_reports
from broadcaster.service.reports import Rejections, ReportWriter
from broadcaster.service.workers import Peers, drain
from broadcaster.store.engine import Store, open_store
from broadcaster.store.keys import load_or_create
from broadcaster.store.models import AuditEvent
from devices.broker import EmbeddedBroker, mask_url, parse_mqtt_url
from devices.dispatcher import Dispatcher
from devices.mediaserver import MediaServer
from devices.protocol import Topics
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
        self.rejections = Rejections(self.store)  # device reports refused, audited (sparingly)
        self.flood = FloodGate()  # rate limits per device on acks, proofs of play, state, telemetry
        self._resync_since: float | None = None  # ask devices for proofs of play since then (see on_reconnect)
        # every device's current programme is published again, acked and unchanged or not, at the
        # first re-plan after connecting (at start or again) to a broker that holds no session of
        # ours (restarted without its store: its retained programmes are gone too, and a speaker
        # that connects later would get nothing)
        self._republish_all = False
        self.reports = ReportWriter(self.store, store_reports)
        self.instance = uuid.uuid4().hex  # this process's claim on its broker identity
        self._replanning = threading.Lock()  # one re-plan at a time, whichever thread asks
        self._stopping = threading.Event()
        # the re-plan that follows an emergency, in a thread of its own once its acks have settled
        self.follow_up = FollowUp(
            lambda: self.replan_and_push(), lambda: self.dispatcher, lambda: self.reports.waiting > 0, self._stopping
        )
        # with a shared group, several workers share device reports and one of them leads
        self.leader = Leader(self.store, f"loa-planner:{settings.topic_prefix}") if settings.shared_group else None
        self.leading = self.leader is None
        self.peers = Peers()
        self.drained = 0  # reports taken from the sessions of workers that went away
        self.commands = DeviceCommands(self)  # emergencies, device commands, the task queue

    REPUSH_FIRST_S = 15.0
    RESYNC_MARGIN_S = 300.0  # reports sent this long before the connection dropped may be lost too
    REPUSH_MAX_S = 900.0

    def running_dispatcher(self) -> Dispatcher:
        if self.dispatcher is None:
            raise WorkflowError("the service is not started: call start() first", "workflow.no_service")
        return self.dispatcher

    # -- lifecycle --
    def start(self) -> Service:
        self._stopping.clear()
        with self.store.session() as session:  # one instance per broker identity (issue 22 #8)
            tasks.claim_identity(session, self.settings.server_client_id, self.instance)
        self._stack.callback(self._release_identity)
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
        # a broker that holds no session of ours at start (new, or restarted without its store)
        # may hold none of the retained programmes either: the first re-plan publishes them all
        self._republish_all = not self.dispatcher.session_present
        if self.leader is not None:
            self._stack.callback(self.leader.release)
        self._stack.callback(self._beat_stopped)
        self.lead()
        return self

    def _dispatcher(self, client_id: str, drain_only: bool = False) -> Dispatcher:
        # A fixed client id with a persistent session: reports sent while the service is down
        # wait in the broker and arrive after a restart.
        dispatcher = Dispatcher(
            self.signer,
            self.mqtt_url or "",
            self.topics,
            client_id=client_id,
            on_telemetry=self.on_telemetry,
            on_rejected=self.rejections.audit,
            on_reconnect=None if drain_only else self.on_reconnect,
            clean=False,
            deferred_acks=True,  # a report is PUBACKed once stored: a killed service loses none
            shared_group=self.settings.shared_group,
            on_peer=self.peers.seen,
            drain_only=drain_only,
        )
        # each report is stored with the PUBACK of the dispatcher that delivered it, handed over explicitly
        dispatcher.on_ack = lambda device, body: self.on_ack(device, body, dispatcher.defer_ack())
        dispatcher.on_played = lambda device, body: self.on_played(device, body, dispatcher.defer_ack())
        dispatcher.on_state = lambda device, body: self.on_state(device, body, dispatcher.defer_ack())
        return dispatcher

    # -- several workers (broadcaster.service.workers) --
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

    def beat_identity(self) -> None:
        with self.store.session() as session:
            tasks.claim_identity(session, self.settings.server_client_id, self.instance)

    def _release_identity(self) -> None:
        with self.store.session() as session:
            tasks.release_identity(session, self.settings.server_client_id, self.instance)

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
        self._stopping.set()  # a follow-up re-plan not begun is left to the next start's re-plan
        self.follow_up.join(60)
        self._stack.close()

    def __enter__(self) -> Service:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- programmes --
    def replan_after_emergency(self, commands: list[str], devices: int) -> None:
        """Re-plan once the emergency just published has been delivered (`FollowUp`)."""
        self.follow_up.ask(commands, devices)

    def replan_and_push(self, now: datetime | None = None, force: bool = False) -> int:
        """Push every device whose programme changed or was never acked; returns how many the
        broker confirmed (PUBACK). Nothing is recorded while the broker is away; a programme the
        broker did not confirm stays unacked and, like any unacked programme, is pushed again
        (newly signed) with exponential backoff, at once after a reconnect or restart."""
        with self._replanning:
            pushed = self._replan_and_push(now, force)
        try:  # the podcast feeds follow the bookings; their self links name these files
            podcast.publish_all(self.store, self.settings)
        except OSError as exc:
            log.warning("podcast feeds not written: %s", exc)
        return pushed

    def _replan_and_push(self, now: datetime | None, force: bool) -> int:
        dispatcher = self.running_dispatcher()
        republish = self._republish_all and dispatcher.client.is_connected()
        now = now or datetime.now(UTC)
        clock = time.monotonic()
        with self.store.session() as session:
            outgoing, last = pushes.due(
                session, dispatcher, self.settings, self.media_base_url, self._tz(), now, force or republish, self._retry, clock
            )
        if not outgoing:
            self._republish_all = self._republish_all and not republish
            return 0
        if not dispatcher.client.is_connected():
            return 0  # nothing is recorded as pushed while the broker is away
        pushes.record(self.store, outgoing, last)
        for device_id, *_ in outgoing:  # before publishing: its ack, once stored, ends the re-pushes
            attempts = self._retry.get(device_id, (0, 0.0))[0]
            self._retry[device_id] = (attempts + 1, clock + min(self.REPUSH_FIRST_S * 2**attempts, self.REPUSH_MAX_S))
        published = pushes.publish(dispatcher, outgoing)
        if republish and len(published) == len(outgoing):
            self._republish_all = False
            log.info("published every device's programme again (%d): the broker holds them retained", len(published))
        return len(published)

    def take_resync_since(self) -> float | None:
        """Since when devices are to be asked for their proofs of play (then forgotten); None: nothing lost."""
        since, self._resync_since = self._resync_since, None
        return since

    def on_reconnect(self, session_present: bool = True) -> None:
        """Back on the broker (maybe a new one): unacked programmes go out at the next replan.
        A broker that no longer holds our session (restarted without persistence) also dropped
        whatever devices reported while we were away: every zone is asked, at the next command
        retry, to send its proofs of play since shortly before the connection was lost."""
        self._retry = {device: (0, 0.0) for device in self._retry}
        if not session_present:
            self._republish_all = True  # the broker lost its store: the retained programmes too
            lost_at = self.dispatcher.lost_at if self.dispatcher is not None else None
            since = (lost_at or time.time()) - self.RESYNC_MARGIN_S
            self._resync_since = min(since, self._resync_since or since)
        if self.dispatcher is not None:
            self.dispatcher.lost_at = None

    def _tz(self) -> Any:
        from zoneinfo import ZoneInfo

        return ZoneInfo(self.settings.timezone)

    # -- what devices say: queued as they arrive, stored in batches (broadcaster.service.reports) --
    def on_played(self, device: str, body: dict[str, Any], done: Callable[[], None] | None = None) -> None:
        """A proof of play, already validated by `devices.wire.report`; `done` PUBACKs it once stored."""
        if self._admit(device, "played", done):
            self.reports_received += 1
            self.reports.put("played", device, body, done)

    def on_state(self, device: str, body: dict[str, Any], done: Callable[[], None] | None = None) -> None:
        if self._admit(device, "state", done):
            self.reports.put("state", device, body, done)

    def on_telemetry(self, device: str, body: dict[str, Any]) -> None:
        if self._admit(device, "telemetry"):
            self.reports.put("telemetry", device, body)  # stored for uptime statistics

    def on_ack(self, device: str, body: dict[str, Any], done: Callable[[], None] | None = None) -> None:
        if self._admit(device, "ack", done):
            self.reports.put("ack", device, body, done)

    def _admit(self, device: str, kind: str, done: Callable[[], None] | None = None) -> bool:
        """Within the device's rate limit (broadcaster.service.flood)? What is not is dropped —
        acknowledged to the broker at once (`done`), counted, audited once a minute per device with the counts."""
        if self.flood.admit(device, kind):
            return True
        if done is not None:
            done()
        counts = self.flood.to_audit(device)
        if counts is not None:
            log.warning("device %s is over its rate limits; dropped %s", device, counts)
            with self.store.session() as session:
                audit(session, f"device:{device}", "device.flooded", f"device:{device}", dropped=counts)
        return False

    def watch_changes(self) -> bool:
        """Re-plan when the audit log moved: every booking, approval, withdrawal or zone change is audited,
        so any front door's change reaches the speakers within a tick, without a task of its own."""
        with self.store.session() as session:
            latest = session.scalar(
                select(func.max(AuditEvent.id)).where(
                    AuditEvent.action.notin_(("device.rejected", "device.missed", "device.flooded", "device.implausible")),
                    AuditEvent.action != "user.signed_in",
                    ~AuditEvent.action.startswith("task."),
                    ~AuditEvent.action.startswith("command."),
                )
            )
        if latest == self._watermark or self.follow_up.pending:
            return False  # after an emergency, its own re-plan comes first; this one looks again
        self._watermark = latest
        self.replan_and_push()
        return True

    def periodic_replan(self) -> int:
        """The timer's re-plan, left to an emergency's follow-up re-plan while one is pending."""
        return 0 if self.follow_up.pending else self.replan_and_push()

    # -- the loop --
    def jobs(self) -> list[Job]:
        """Every job but the lead itself runs in the leader only."""
        jobs = [
            Job("tasks", self.commands.process_tasks, every_s=self.settings.task_poll_s),
            Job("changes", self.watch_changes, every_s=self.settings.task_poll_s),
            Job("heartbeat", self.heartbeat, every_s=5),
            Job("replan", self.periodic_replan, every_s=self.settings.replan_every_s),
            Job("retry-commands", self.commands.retry_commands, every_s=self.settings.command_retry_s),
            Job("replan-daily", self.replan_and_push, daily_at="00:05"),
            Job("notify", self.notify, every_s=self.settings.notify_every_s),
        ]
        if self.settings.feeds:
            jobs.append(Job("feeds", self.poll_feeds, every_s=self.settings.feed_every_s))
        if self.settings.auto_draft:
            jobs.append(Job("auto-draft", self.auto_draft, every_s=self.settings.feed_every_s))
        jobs = [Job(j.name, self._leading(j.action), j.every_s, j.daily_at) for j in jobs]
        if self.leader is not None:
            jobs.insert(0, Job("lead", self.lead, every_s=1.0))
        jobs.append(Job("identity", self.beat_identity, every_s=5))  # every worker, leading or not
        return jobs

    def notify(self) -> int:
        """Speakers offline, plays missed, work waiting: noted for each person, e-mailed to those who asked."""
        from broadcaster.app import notifications

        made = notifications.scan(self.store, self.settings.timezone)
        sent = notifications.send_pending(self.store, self.settings)
        if made or sent:
            log.info("notifications: %d new, %d e-mailed", made, sent)
        return made

    def poll_feeds(self) -> None:
        from broadcaster.app.documents import ingest
        from scripts.ingest import HttpFetcher

        with self.store.session() as session:
            result = ingest(session, list(self.settings.feeds), HttpFetcher(policy=self.settings.link_policy()), polled=True)
        log.info("feeds: %d new, %d failures", len(result.stored), len(result.failures))

    def auto_draft(self) -> None:
        from broadcaster.app.programmes import auto_draft_new

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
            self.commands.process_tasks()
        self.runner.run(tick_s=min(0.5, self.settings.task_poll_s))

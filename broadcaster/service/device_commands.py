"""What the service sends devices besides their programmes: emergencies, commands, and the
task queue the console, the API and the CLI fill (`broadcaster.app.tasks`).

Every command is signed, recorded as a `CommandRow` before it is published, and re-sent to the
devices that have not acked it until it expires; devices ack a repeat as a duplicate and never
carry it out twice. `Service` holds one (`Service.commands`) and is its `CommandHost`: the store, the
dispatcher and the re-plan.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import func, select

from broadcaster.app import tasks
from broadcaster.app.approval import approved_media
from broadcaster.app.planning import media_ref, stream_of
from broadcaster.app.workflow import Actor, PermissionDenied, WorkflowError, audit
from broadcaster.store.engine import Store
from broadcaster.store.models import BookingRow, Bulletin, CommandRow, DeviceRow, ServiceTask, User, ZoneRow
from devices.broker import BrokerError
from devices.dispatcher import Dispatcher
from devices.programme import Priority, StreamRef, programme_entry
from devices.protocol import MessageType, iso, target_of

log = logging.getLogger(__name__)


class CommandHost(Protocol):
    """What device commands need from the running service (`broadcaster.service.core.Service`)."""

    store: Store
    media_base_url: str

    def running_dispatcher(self) -> Dispatcher: ...

    def replan_and_push(self, now: datetime | None = None, force: bool = False) -> int: ...

    def replan_after_emergency(self, commands: list[str], devices: int) -> None: ...

    def take_resync_since(self) -> float | None: ...


class DeviceCommands:
    """The service's commands to devices; the service holds one (`Service.commands`) and is its host."""

    COMMAND_TTL_S = 600  # a command not acked by then is given up (the device was off too long)

    def __init__(self, host: CommandHost) -> None:
        self.host = host

    @property
    def store(self) -> Store:
        return self.host.store

    # -- emergencies --
    def fire_emergency(
        self, actor: Actor, bulletin_id: int, zones: list[str], repeat: int = 1, gap_s: int = 0, task_id: int | None = None
    ) -> list[str]:
        """Play at once on every device of the zones, pre-empting what plays, quiet hours or not.
        From a task, the booking is noted in the task with it: a task run again (its worker
        died) fires the same booking, the same item, which a device plays once.

        Returns once the commands are published; the re-plan that puts the emergency in every
        programme of the zones follows in the background (`replan_after_emergency`)."""
        dispatcher = self.host.running_dispatcher()
        from broadcaster.app.planning import aware, record_emergency

        now = datetime.now(UTC)
        # the booking, the signed commands and their audit in one transaction, committed before
        # anything is published (a retry re-sends these very commands), and nothing else before
        # the publish: every commit and query here is time the speakers wait (issue 21)
        commands = []
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
            entries = self._emergency_entries(session, bulletin_id, zones, row, now)
            earlier = self._earlier_commands(session, task_id, now)
            if earlier is None:
                for zone in zones:  # all zones in this one commit: a commit per zone delayed the last zones
                    command = self._record_command(session, MessageType.PLAY, {"item": entries[zone]}, now, zone=zone)
                    audit(session, actor, "emergency.fired", f"zone:{zone}", bulletin=bulletin_id, command=command[0])
                    commands.append(command)
                if task is not None:  # kept with the task: a retry of it (or of its CAP alert) re-sends these
                    task.payload = {**(task.payload or {}), "commands": [c[0] for c in commands]}
            # counted here, not after the publish: paho's network thread writes a queued publish,
            # and work in this thread right after it competes with that write for the interpreter
            devices = session.scalar(select(func.count()).select_from(DeviceRow).where(DeviceRow.zone_id.in_(zones)))
        if earlier is not None:  # this task's commands went out before (a retry): never a second emergency
            for _command_id, topic, payload in earlier:
                dispatcher.resend(topic, payload)
            return [command_id for command_id, _topic, _payload in earlier]
        for _command_id, topic, payload in commands:
            dispatcher.resend(topic, payload)
        ids = [command_id for command_id, _topic, _payload in commands]
        self.host.replan_after_emergency(ids, int(devices or 0))
        return ids

    def _emergency_entries(
        self, session: Any, bulletin_id: int, zones: list[str], row: BookingRow, now: datetime
    ) -> dict[str, dict[str, Any]]:
        """Each zone's programme entry for the emergency: the approved audio in the zone's languages, or the relay."""
        media = approved_media(session, bulletin_id)
        bulletin = session.get(Bulletin, bulletin_id)
        stream = stream_of(bulletin, session) if bulletin is not None else None  # the approved stream
        if (media is None and stream is None) or bulletin is None:
            raise WorkflowError(
                f"bulletin {bulletin_id} has no rendered audio to play", "workflow.not_rendered", bulletin=bulletin_id
            )
        from broadcaster.app.planning import zone_languages
        from schedules.model import ProgrammeItem

        languages = zone_languages(session)
        mixes: dict[tuple[str, ...], Any] = {("vi",): media}  # the approved mix per set of languages, looked up once

        def entry(zone: str) -> dict[str, Any]:
            # the item id the planner gives this booking in this zone, so the schedule that
            # follows holds the same item and a device plays it once (issue 13 #8)
            item_id = ProgrammeItem.make_id(zone, str(row.id), now)  # row.id: flushed by the queries above
            if stream is not None or media is None:  # a relay: the live stream for its approved window
                live = StreamRef(str(stream["url"]), int(stream["duration_ms"])) if stream else None
                return programme_entry(item_id, now, Priority.EMERGENCY, str(bulletin_id), bulletin.title, stream=live).to_dict()
            # the zone's own languages (a Vietnamese-only thôn never the H'Mông track)
            spoken = tuple(languages.get(zone, ("vi",)))
            if spoken not in mixes:
                mixes[spoken] = approved_media(session, bulletin_id, spoken)
            ref = media_ref(mixes[spoken] or media, self.host.media_base_url)
            return programme_entry(item_id, now, Priority.EMERGENCY, str(bulletin_id), bulletin.title, media=ref).to_dict()

        return {zone: entry(zone) for zone in zones}

    def _earlier_commands(self, session: Any, task_id: int | None, now: datetime) -> list[tuple[str, str, bytes]] | None:
        """The commands an earlier run of this task recorded, still live or acked by a device:
        those unexpired are re-sent as they are (devices ack a repeat as a duplicate). None when
        there were none, or when all expired unheard (the emergency is fired again, same item)."""
        from broadcaster.app.planning import aware

        task = session.get(ServiceTask, task_id) if task_id is not None else None
        ids = list((task.payload or {}).get("commands") or []) if task is not None else []
        rows = [r for r in (session.get(CommandRow, i) for i in ids) if r is not None]
        live = [r for r in rows if (aware(r.expires_at) or now) > now]
        if not rows or (not live and not tasks.anyone_acked(session, [r.id for r in rows])):
            return None
        return [(r.id, r.body["topic"], r.body["payload"].encode()) for r in live if "payload" in (r.body or {})]

    def withdraw_everywhere(self, actor: Actor, bulletin_id: int, reason: str) -> int:
        """Withdraw a bulletin and every future play of it in one action; returns programmes re-pushed."""
        from broadcaster.app.workflow import withdraw

        with self.store.session() as session:
            bulletin = session.get(Bulletin, bulletin_id)
            if bulletin is None:
                raise WorkflowError(f"no bulletin {bulletin_id}", "workflow.no_bulletin", bulletin=bulletin_id)
            withdraw(session, bulletin, actor, reason)
        return self.host.replan_and_push()

    def retry_commands(self, now: datetime | None = None) -> int:
        """Re-send unexpired commands to devices that have not acked; returns devices retried."""
        dispatcher = self.host.running_dispatcher()
        from broadcaster.app.planning import aware

        if not dispatcher.client.is_connected():
            return 0  # the broker is away: the next turn after the reconnect sends them
        now = now or datetime.now(UTC)
        retried = 0
        with self.store.session() as session:
            # oldest first, and before a resync: a device refuses a command whose sequence number
            # is below one it already took on the same topic (an emergency lost in a broker crash
            # would be refused as stale behind the `sync` that follows the reconnect)
            for command in session.scalars(select(CommandRow).order_by(CommandRow.sent_at, CommandRow.id)):
                expires = aware(command.expires_at)
                if expires is None or expires <= now or "payload" not in (command.body or {}):
                    continue
                acked = tasks.acked_devices(session, command.id)
                missing = [d for d in tasks.targets(session, command.target) if d not in acked]
                if missing:
                    dispatcher.resend(command.body["topic"], command.body["payload"].encode())
                    command.attempts += 1
                    retried += len(missing)
        self.resync_reports(now)
        return retried

    def resync_reports(self, now: datetime) -> list[str]:
        """Send every zone a signed `sync` asking for proofs of play since the connection was lost
        (`CommandHost.take_resync_since`); recorded as commands, so devices that were offline are
        asked again until they ack. Nothing when no session was lost."""
        since = self.host.take_resync_since()
        if since is None:
            return []
        dispatcher = self.host.running_dispatcher()
        body = {"plays_since": iso(since)}
        ids = []
        with self.store.session() as session:
            zones = list(session.scalars(select(ZoneRow.id)))
            for zone in zones:
                ids.append(self._record_command(session, MessageType.SYNC, body, now, zone=zone))
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
                raise WorkflowError(f"no command {command_id}", "not_found")
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
                actor = self._actor(username, address)
                with self.store.session() as session:
                    tasks.authorize(session, actor, tasks.TaskKind(kind), payload)
            except (PermissionDenied, WorkflowError) as exc:  # lost the right while the task waited
                log.warning("task %s (%s) refused: %s", task_id, kind, exc)
                with self.store.session() as session:
                    audit(session, username, "task.refused", f"task:{task_id}", kind=kind, reason=str(exc), address=address)
                    tasks.finish(session, task_id, error=f"refused: {exc}")
                done += 1
                continue
            try:
                result = self._carry_out(tasks.TaskKind(kind), payload, actor, task_id)
            except (OSError, BrokerError) as exc:  # the broker is away: said in one line, in Vietnamese
                log.warning("Lệnh #%s (%s) chưa thực hiện được: broker MQTT không kết nối (%s)", task_id, kind, exc)
                with self.store.session() as session:
                    tasks.finish(session, task_id, error=f"Broker MQTT không kết nối được: {exc}")
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
        from broadcaster.app.cap_import import CAP_APPROVER, CAP_EDITOR

        system = {a.username: a for a in (CAP_APPROVER, CAP_EDITOR)}
        if username in system:
            return system[username]
        with self.store.session() as session:
            user = session.scalars(select(User).where(User.username == username)).first()
            if user is None or not user.active:
                raise WorkflowError(f"user {username} no longer exists or is disabled", "user.not_active", user=username)
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
            return {"pushed": self.host.replan_and_push(force=bool(payload.get("force")))}
        if kind in (tasks.TaskKind.STOP, tasks.TaskKind.DEVICE_COMMAND):
            message = MessageType.STOP if kind is tasks.TaskKind.STOP else MessageType(str(payload["type"]))
            body = dict(payload.get("body") or {})
            ids = [self.send_command(actor, message, body, zone=z) for z in payload.get("zones", [])]
            ids += [self.send_command(actor, message, body, device=d) for d in payload.get("devices", [])]
            return {"commands": ids}
        raise WorkflowError(f"unknown task kind {kind}", "task.unknown_kind", kind=kind)

    def send_command(
        self, actor: Actor, kind: MessageType, body: dict[str, Any], device: str | None = None, zone: str | None = None
    ) -> str:
        """Sign, record (for retries and per-device acks), audit and publish one command."""
        dispatcher = self.host.running_dispatcher()
        target = target_of(device, zone)
        with self.store.session() as session:
            command_id, topic, payload = self._record_command(session, kind, body, datetime.now(UTC), device=device, zone=zone)
            audit(session, actor, f"command.{kind.value}", target, command=command_id, **body)
        try:
            dispatcher.resend(topic, payload)
        except OSError as exc:
            # recorded: `retry_commands` sends it as soon as the broker is back, until it expires; the
            # task is not a failure (it would read "failed" though the speakers carry it out later)
            log.warning(
                "Chưa gửi được lệnh %s tới %s (broker MQTT không kết nối: %s); lệnh đã được ghi lại và sẽ tự gửi lại "
                "khi broker hoạt động trở lại, trong %d phút tới",
                kind.value,
                target,
                exc,
                self.COMMAND_TTL_S // 60,
            )
        return command_id

    def _record_command(
        self,
        session: Any,
        kind: MessageType,
        body: dict[str, Any],
        now: datetime,
        device: str | None = None,
        zone: str | None = None,
    ) -> tuple[str, str, bytes]:
        """Sign a command and record it (for retries until it expires, and per-device acks);
        returns (id, topic, payload) for the caller to publish once the record is committed."""
        command_id, topic, payload = self.host.running_dispatcher().command_message(
            kind, body, device=device, zone=zone, ttl_s=self.COMMAND_TTL_S
        )
        session.add(
            CommandRow(
                id=command_id,
                kind=kind.value,
                target=target_of(device, zone),
                body={"topic": topic, "payload": payload.decode()},
                expires_at=now + timedelta(seconds=self.COMMAND_TTL_S),
            )
        )
        return command_id, topic, payload

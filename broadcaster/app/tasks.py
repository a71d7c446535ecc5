"""The service's task queue: every front door asks, the one running service acts.

The console, the JSON API and the CLI never open a broker session or a media port. What needs
the broker (an emergency, a stop, a device command, an immediate re-plan) is stored here as a
task; the service claims tasks in order, carries them out and records the result. A task asked
while the service is down waits and runs when it starts; the front door says so (heartbeat).
Bookings, withdrawals and approvals need no task: they are store changes, and the service
re-plans when the audit log moves (see `Service.watch_changes`).
"""

from __future__ import annotations

import enum
import os
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.app.approval import assert_playable
from broadcaster.app.directory import UnknownZone, communes_of
from broadcaster.app.workflow import Action, Actor, PermissionDenied, Role, WorkflowError, audit, reason_of, require
from broadcaster.errors import NotFound
from broadcaster.store.engine import Store
from broadcaster.store.models import Bulletin, CommandAck, CommandRow, DeviceRow, ServiceBeat, ServiceTask, ZoneRow, utcnow

BEAT_NAME = "service"
ALIVE_WITHIN_S = 15.0


class TaskKind(enum.StrEnum):
    EMERGENCY = "emergency"
    REPLAN = "replan"
    STOP = "stop"
    DEVICE_COMMAND = "device_command"


class TaskState(enum.StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


def enqueue(session: Session, actor: Actor, kind: TaskKind, **payload: Any) -> ServiceTask:
    """Store a request for the service; audited so the log shows who asked, not only who did."""
    task = ServiceTask(kind=kind.value, payload=payload, actor=actor.username, address=actor.address, state=TaskState.PENDING)
    session.add(task)
    session.flush()
    audit(session, actor, f"task.{kind.value}", f"task:{task.id}", **payload)
    return task


def emergency_communes(session: Session, zones: list[str]) -> set[str]:
    """The communes of an emergency's zones. :raises WorkflowError: no zone, or an unknown one."""
    if not zones:
        raise WorkflowError("choose at least one zone", "schedule.no_zone")
    try:
        communes = communes_of(session, zones)
    except UnknownZone as exc:
        raise WorkflowError(str(exc), "schedule.unknown_zones", zones=exc.zone_id) from exc
    return communes


def request_emergency(
    session: Session, actor: Actor, bulletin_id: int, zones: list[str], repeat: int = 1, gap_s: int = 0, *, reason: str
) -> ServiceTask:
    """Check everything a person can be told now (reason, role, communes, approval), then queue the play.

    The reason is audited with the request, whichever front door it came from.

    :raises ReasonRequired: for a reason shorter than five characters.
    :raises PermissionDenied: when the actor may not fire emergencies in one of the zones.
    :raises WorkflowError: for an unknown zone or a bulletin that is not approved as it stands.
    """
    reason = reason_of(reason, "an emergency")
    communes = emergency_communes(session, zones)
    for commune in sorted(communes):
        require(actor, Action.EMERGENCY, commune=commune)
    bulletin = session.get(Bulletin, bulletin_id)
    if bulletin is None:
        raise WorkflowError(f"no bulletin {bulletin_id}", "workflow.no_bulletin", bulletin=bulletin_id)
    assert_playable(session, bulletin)
    if not 1 <= repeat <= 10 or not 0 <= gap_s <= 3600:
        raise WorkflowError("repeat must be 1–10 and the gap 0–60 minutes", "emergency.repeat")
    audit(session, actor, "emergency.requested", f"bulletin:{bulletin_id}", zones=zones, reason=reason)
    return enqueue(session, actor, TaskKind.EMERGENCY, bulletin=bulletin_id, zones=zones, repeat=repeat, gap_s=gap_s)


def authorize(session: Session, actor: Actor, kind: TaskKind, payload: dict[str, Any]) -> None:
    """Check, at execution, that the requester may still do what the task does.

    A task waits while the service is down: an official demoted, moved to another commune or
    disabled in the meantime must not still switch amplifiers off or fire an emergency. The
    checks are the request's own (role and communes, as the user stands now).

    :raises PermissionDenied: the requester lost the right.
    """
    zones = [str(z) for z in payload.get("zones") or []]
    device_zones = []
    for device_id in payload.get("devices") or []:
        device = session.get(DeviceRow, str(device_id))
        if device is None:
            raise PermissionDenied(f"no device {device_id}", "not_found")
        device_zones.append(device.zone_id)
    communes = sorted(communes_of(session, [*zones, *device_zones], strict=False))
    if kind is TaskKind.EMERGENCY:
        action = Action.EMERGENCY
    elif kind is TaskKind.STOP and "bulletin" in (payload.get("body") or {}):
        action = Action.WITHDRAW  # a withdrawn bulletin stopped where it plays
    elif kind in (TaskKind.STOP, TaskKind.DEVICE_COMMAND):
        action = Action.MANAGE_DEVICES
    else:
        return  # a re-plan changes nothing a person asked for: it applies what is stored
    require(actor, action)
    for commune in communes:
        require(actor, action, commune=commune)


def claim(session: Session) -> ServiceTask | None:
    """The oldest pending task, marked running (row-locked on PostgreSQL so two workers never share one)."""
    query = select(ServiceTask).where(ServiceTask.state == TaskState.PENDING).order_by(ServiceTask.id).limit(1)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    task = session.scalars(query).first()
    if task is not None:
        task.state, task.started_at = TaskState.RUNNING, utcnow()
    return task


def finish(session: Session, task_id: int, result: dict[str, Any] | None = None, error: str = "") -> None:
    task = session.get(ServiceTask, task_id)
    if task is None:
        return
    task.state = TaskState.FAILED if error else TaskState.DONE
    task.result, task.error, task.finished_at = result or {}, error, utcnow()


def requeue_interrupted(session: Session) -> int:
    """Tasks left running by a service that died are run again (emergency plays are de-duplicated by id)."""
    stale = session.scalars(select(ServiceTask).where(ServiceTask.state == TaskState.RUNNING)).all()
    for task in stale:
        task.state = TaskState.PENDING
    return len(stale)


def beat(session: Session, info: dict[str, Any], started: bool = False) -> None:
    row = session.get(ServiceBeat, BEAT_NAME)
    now = utcnow()
    if row is None:
        session.add(ServiceBeat(name=BEAT_NAME, started_at=now, beat_at=now, info=info))
        return
    row.beat_at, row.info = now, info
    if started:
        row.started_at = now


class IdentityInUse(Exception):
    """Another running service instance holds this broker identity; the message says what to do."""


def claim_identity(session: Session, client_id: str, instance: str, now: datetime | None = None) -> None:
    """Claim a broker identity (client id = broker account) for this service instance, or refuse.

    Two instances with one identity kick each other off the broker in a loop (24 times in 25 s,
    issue 22 #8): each instance beats a row `identity:{client id}` every few seconds (`beat_identity`);
    one that finds another instance's row beaten within `ALIVE_WITHIN_S` and not stopped refuses
    to start. Called again by its owner, it only refreshes the row.

    :raises IdentityInUse: with the other instance's host, in Vietnamese.
    """
    now = now or datetime.now(UTC)
    name = f"identity:{client_id}"[:64]
    row = session.get(ServiceBeat, name, with_for_update=session.get_bind().dialect.name == "postgresql")
    if row is not None and row.info.get("instance") != instance and not row.info.get("stopped"):
        beat_at = row.beat_at if row.beat_at.tzinfo else row.beat_at.replace(tzinfo=UTC)
        if now - beat_at <= timedelta(seconds=ALIVE_WITHIN_S) and not _dead_here(row.info):
            raise IdentityInUse(
                f"Không khởi động: một dịch vụ khác (máy {row.info.get('host', '?')}) đang chạy với danh tính broker "
                f"'{client_id}'. Hai dịch vụ cùng một danh tính sẽ đẩy nhau khỏi broker liên tục. Hãy dừng dịch vụ kia, "
                "hoặc cho dịch vụ này một tài khoản riêng (chạy lại `broadcaster devices export-acl --workers N` và dùng "
                "tệp workers/*.env của nó)."
            )
    info = {**host_info(), "instance": instance, "pid": os.getpid()}
    if row is None:
        session.add(ServiceBeat(name=name, started_at=now, beat_at=now, info=info))
    else:
        row.beat_at, row.info = now, info


def _dead_here(info: dict[str, Any]) -> bool:
    """Whether the claim is of a process on this machine that no longer runs (killed, crashed):
    a restart right after a crash must not wait for its beat to grow old."""
    pid = info.get("pid")
    if info.get("host") != socket.gethostname() or not isinstance(pid, int):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def release_identity(session: Session, client_id: str, instance: str) -> None:
    row = session.get(ServiceBeat, f"identity:{client_id}"[:64])
    if row is not None and row.info.get("instance") == instance:
        row.info = {**row.info, "stopped": True}


def host_info() -> dict[str, Any]:
    return {"host": socket.gethostname()}


def service_alive(session: Session, now: datetime | None = None) -> ServiceBeat | None:
    """The heartbeat if the service beat in the last few seconds, else None."""
    row = session.get(ServiceBeat, BEAT_NAME)
    if row is None or row.info.get("stopped"):
        return None
    beat_at = row.beat_at if row.beat_at.tzinfo else row.beat_at.replace(tzinfo=UTC)
    return row if (now or datetime.now(UTC)) - beat_at <= timedelta(seconds=ALIVE_WITHIN_S) else None


def command_progress(session: Session, command_ids: list[str], now: datetime | None = None) -> dict[str, str]:
    """Per target device of the commands: acked, rejected (with reason), waiting or timed out."""
    now = now or datetime.now(UTC)
    out: dict[str, str] = {}
    for device, ack, expires in _acks(session, command_ids):
        if ack:
            out[device] = "acked" if _acked(ack) else f"rejected: {ack.get('reason')}"
        else:
            out[device] = "timed out" if expires <= now else "waiting"
    return out


def _acks(session: Session, command_ids: list[str]) -> Iterator[tuple[str, dict[str, Any] | None, datetime]]:
    """Each target device of each stored command, with its ack (None before one came) and the command's expiry."""
    for command_id in command_ids:
        command = session.get(CommandRow, command_id)
        if command is None:
            continue
        expires = command.expires_at if command.expires_at.tzinfo else command.expires_at.replace(tzinfo=UTC)
        acks = acks_of(session, command_id)
        for device_id in targets(session, command.target):
            yield device_id, acks.get(device_id), expires


def acks_of(session: Session, command_id: str) -> dict[str, dict[str, Any]]:
    """The devices that acked a command → their ack (status, reason, and `at` by the device's clock)."""
    rows = session.execute(
        select(CommandAck.device_id, CommandAck.status, CommandAck.reason, CommandAck.at).where(
            CommandAck.command_id == command_id
        )
    )
    return {device: {"status": status, "reason": reason, "at": at} for device, status, reason, at in rows}


def anyone_acked(session: Session, command_ids: list[str]) -> bool:
    """Whether any device acked any of the commands."""
    first = select(CommandAck.device_id).where(CommandAck.command_id.in_(command_ids)).limit(1)
    return bool(command_ids) and session.scalar(first) is not None


def acked_devices(session: Session, command_id: str) -> set[str]:
    """The devices that acked a command, whatever they said (a rejection is an answer: not retried)."""
    return set(session.scalars(select(CommandAck.device_id).where(CommandAck.command_id == command_id)))


def _acked(ack: dict[str, Any]) -> bool:
    return ack.get("status") in ("ok", "duplicate")  # a duplicate: the device had already carried it out


def speaker_progress(session: Session, command_ids: list[str], now: datetime | None = None) -> list[dict[str, Any]]:
    """Per target speaker, by name: acked, rejected, waiting, offline (resent when it reconnects) or expired.

    An unacked speaker that is offline now is not "waiting": the service resends to it until the
    command expires, so the page says so instead of spinning forever.
    """
    now = now or datetime.now(UTC)
    rows: dict[str, dict[str, Any]] = {}
    for device_id, ack, expires in _acks(session, command_ids):
        device = session.get(DeviceRow, device_id)
        reason = ""
        if ack:
            status = "acked" if _acked(ack) else "rejected"
            reason = str(ack.get("reason") or "")
        elif expires <= now:
            status = "expired"
        elif device is None or not device.online:
            status = "offline"
        else:
            status = "waiting"
        name = (device.name if device else "") or device_id
        rows[device_id] = {"id": device_id, "name": name, "status": status, "reason": reason}
    return sorted(rows.values(), key=lambda r: (r["name"], r["id"]))


def target_names(session: Session, payload: dict[str, Any]) -> list[dict[str, str]]:
    """The zones and speakers a task addresses, by their names (ids kept for links and the API)."""
    named: list[dict[str, str]] = []
    for zone_id in payload.get("zones") or []:
        zone = session.get(ZoneRow, zone_id)
        named.append({"kind": "zone", "id": zone_id, "name": (zone.name if zone else "") or zone_id})
    for device_id in payload.get("devices") or []:
        device = session.get(DeviceRow, device_id)
        named.append({"kind": "device", "id": device_id, "name": (device.name if device else "") or device_id})
    return named


def targets(session: Session, target: str) -> list[str]:
    kind, _, name = target.partition("/")
    if kind == "zone":
        return list(session.scalars(select(DeviceRow.id).where(DeviceRow.zone_id == name)))
    return [name]


def require_visible(session: Session, actor: Actor, task_id: int) -> None:
    """A task page names speakers and what was sent to them: admins and observers see every
    task, others the tasks they asked for and, for officials, those whose every target is in
    their communes.

    :raises LookupError: no such task.
    :raises PermissionDenied: someone else's task outside the actor's communes.
    """
    task = session.get(ServiceTask, task_id)
    if task is None:
        raise NotFound(f"no task {task_id}")
    if actor.role in (Role.ADMIN, Role.OBSERVER) or task.actor == actor.username:
        return
    payload = task.payload or {}
    zone_ids = set(payload.get("zones") or [])
    for device_id in payload.get("devices") or []:
        device = session.get(DeviceRow, device_id)
        zone_ids.add(device.zone_id if device is not None else "")
    communes = communes_of(session, zone_ids, strict=False)
    if actor.role is not Role.OFFICIAL or not communes or not communes <= set(actor.communes):
        raise PermissionDenied(f"{actor.username} may not see task {task_id}", "perm.task", task=task_id)


def task_view(session: Session, task_id: int) -> dict[str, Any]:
    """What a front door shows about a task: its state, and for commands how many speakers acknowledged."""
    task = session.get(ServiceTask, task_id)
    if task is None:
        raise NotFound(f"no task {task_id}")
    commands = list((task.result or {}).get("commands", []))
    progress = command_progress(session, commands)
    return {
        "id": task.id,
        "kind": task.kind,
        "state": task.state,
        "payload": task.payload,
        "result": task.result,
        "error": task.error,
        "created_at": task.created_at,
        "service_running": service_alive(session) is not None,
        "devices": progress,
        "speakers": speaker_progress(session, commands),
        "target_names": target_names(session, task.payload or {}),
        "acked": sum(1 for v in progress.values() if v == "acked"),
        "targets": len(progress),
    }


def wait(store: Store, task_id: int, timeout_s: float, until_acked: bool = True) -> dict[str, Any]:
    """Poll a task until it is done (and, for commands, every target acked) or the bound passes."""
    deadline = time.monotonic() + timeout_s
    while True:
        with store.session() as session:
            view = task_view(session, task_id)
        settled = view["state"] in (TaskState.DONE, TaskState.FAILED)
        if settled and (not until_acked or view["state"] == TaskState.FAILED or view["acked"] >= view["targets"]):
            return view
        if time.monotonic() >= deadline:
            return view
        time.sleep(0.2)

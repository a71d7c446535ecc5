"""Remote control of speakers: volume, amplifier power, stop, restart — checked here, carried out by the service.

Every front door (the console, the API, `broadcaster control`) asks through `request_control`:
the actor must manage devices in every target's commune; the command becomes a task the service
signs, sends and follows to the speakers' acks (`app.tasks`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.app import tasks
from broadcaster.app.directory import communes_of
from broadcaster.app.workflow import Action, Actor, WorkflowError, require
from broadcaster.errors import NotFound
from broadcaster.store.models import DeviceRow, ZoneRow

ACTIONS = ("volume", "power", "stop", "reboot")


def request_control(
    session: Session,
    actor: Actor,
    action: str,
    zones: list[str],
    devices: list[str],
    volume: int | None,
    on: bool | None = None,
) -> int:
    """Check the actor may control every target, then queue the command; returns the task id.

    :raises PermissionDenied: outside the actor's communes or role.
    :raises WorkflowError: for an unknown action, zone or device, a volume out of range, or a
        power command that does not say on or off.
    """
    if action not in ACTIONS:
        raise NotFound(f"action {action}")
    if not zones and not devices:
        raise WorkflowError("choose at least one zone", "schedule.no_zone")
    for commune in sorted(communes_of(session, zones)):
        require(actor, Action.MANAGE_DEVICES, commune=commune)
    for device_id in devices:
        device = session.get(DeviceRow, device_id)
        if device is None:
            raise NotFound(f"no device {device_id}")
        for commune in communes_of(session, [device.zone_id], strict=False):
            require(actor, Action.MANAGE_DEVICES, commune=commune)
    if action == "volume":
        if volume is None or not 0 <= volume <= 100:
            raise WorkflowError("the volume must be 0–100", "control.volume")
        task = tasks.enqueue(
            session, actor, tasks.TaskKind.DEVICE_COMMAND, type="volume", body={"volume": volume}, zones=zones, devices=devices
        )
    elif action == "power":
        if on is None:
            raise WorkflowError("say whether to switch the amplifier on or off", "control.power")
        task = tasks.enqueue(
            session, actor, tasks.TaskKind.DEVICE_COMMAND, type="power", body={"on": on}, zones=zones, devices=devices
        )
    elif action == "stop":
        task = tasks.enqueue(session, actor, tasks.TaskKind.STOP, zones=zones, devices=devices)
    else:
        task = tasks.enqueue(session, actor, tasks.TaskKind.DEVICE_COMMAND, type="reboot", body={}, zones=zones, devices=devices)
    return task.id


def zone_summary(session: Session, actor: Actor, zone_id: str) -> dict[str, Any]:
    """What a zone-wide command would reach: the zone's name, its speakers, how many are offline now.

    :raises LookupError: for an unknown zone.
    :raises PermissionDenied: outside the actor's communes or role.
    """
    zone = session.get(ZoneRow, zone_id)
    if zone is None:
        raise NotFound(f"no zone {zone_id}")
    require(actor, Action.MANAGE_DEVICES, commune=zone.commune)
    online = list(session.scalars(select(DeviceRow.online).where(DeviceRow.zone_id == zone_id)))
    return {"id": zone_id, "name": zone.name or zone_id, "total": len(online), "offline": sum(1 for o in online if not o)}

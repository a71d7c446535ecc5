"""Remote control of speakers from the console and the API: volume, stop, restart.

Each request becomes a task in the service's queue (broadcaster.tasks), which signs and sends
the protocol's `volume`, `stop` or `reboot` command, records each device's ack, and audits it;
the console then shows the task page with how many speakers acknowledged. Officials act only on
their communes' zones and devices.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from broadcaster import tasks
from broadcaster.models import DeviceRow, ZoneRow
from broadcaster.workflow import Action, Actor, WorkflowError, require

if TYPE_CHECKING:
    from broadcaster.web.app import Kit

ACTIONS = ("volume", "stop", "reboot")


class ControlIn(BaseModel):
    action: str
    zones: list[str] = Field(default_factory=list)
    devices: list[str] = Field(default_factory=list)
    volume: int | None = Field(default=None, ge=0, le=100)


def request_control(session: Session, actor: Actor, action: str, zones: list[str], devices: list[str], volume: int | None) -> int:
    """Check the actor may control every target, then queue the command; returns the task id.

    :raises PermissionDenied: outside the actor's communes or role.
    :raises WorkflowError: for an unknown action, zone or device, or a volume out of range.
    """
    if action not in ACTIONS:
        raise LookupError(f"action {action}")
    if not zones and not devices:
        raise WorkflowError("choose at least one zone")
    for zone_id in zones:
        zone = session.get(ZoneRow, zone_id)
        if zone is None:
            raise LookupError(f"no zone {zone_id}")
        require(actor, Action.MANAGE_DEVICES, commune=zone.commune)
    for device_id in devices:
        device = session.get(DeviceRow, device_id)
        if device is None:
            raise LookupError(f"no device {device_id}")
        zone = session.get(ZoneRow, device.zone_id)
        require(actor, Action.MANAGE_DEVICES, commune=zone.commune if zone else "")
    if action == "volume":
        if volume is None or not 0 <= volume <= 100:
            raise WorkflowError("the volume must be 0–100")
        task = tasks.enqueue(
            session, actor, tasks.TaskKind.DEVICE_COMMAND, type="volume", body={"volume": volume}, zones=zones, devices=devices
        )
    elif action == "stop":
        task = tasks.enqueue(session, actor, tasks.TaskKind.STOP, zones=zones, devices=devices)
    else:
        task = tasks.enqueue(session, actor, tasks.TaskKind.DEVICE_COMMAND, type="reboot", body={}, zones=zones, devices=devices)
    return task.id


def register(app: FastAPI, kit: Kit) -> None:
    @app.post("/dieu-khien", include_in_schema=False)
    async def control(request: Request) -> Response:
        ctx = kit.context(request)
        form = await kit.form(request, ctx)
        target = str(form.get("target", ""))
        kind, _, name = target.partition(":")
        volume_text = str(form.get("volume", "")).strip()
        volume = int(volume_text) if volume_text.isdigit() else None
        with kit.store.session() as db:
            task = request_control(
                db,
                ctx.actor,
                str(form.get("action", "")),
                [name] if kind == "zone" else [],
                [name] if kind == "device" else [],
                volume,
            )
        return RedirectResponse(f"/lenh/{task}", status_code=303)

    @app.post("/api/devices/control", tags=["devices"])
    def control_api(body: ControlIn, request: Request) -> dict[str, Any]:
        ctx = kit.context(request)
        kit.api_csrf(request, ctx)
        with kit.store.session() as db:
            task = request_control(db, ctx.actor, body.action, body.zones, body.devices, body.volume)
            return tasks.task_view(db, task)

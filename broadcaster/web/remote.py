"""Remote control of speakers from the console and the API: volume, amplifier power, stop, restart,
and a zone's amplifier and volume timetable.

Each command becomes a task in the service's queue (broadcaster.app.tasks), which signs and sends
the protocol's `volume`, `power`, `stop` or `reboot` command, records each device's ack, and audits it;
the console then shows the task page with how many speakers acknowledged. Officials act only on
their communes' zones and devices.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from broadcaster.app import tasks
from broadcaster.app.control import request_control, zone_summary
from broadcaster.app.timetables import set_timetable
from broadcaster.app.workflow import Action, require
from broadcaster.errors import NotFound
from broadcaster.store.models import ZoneRow
from broadcaster.web.kit import api_caller, posted, viewing
from broadcaster.web.operations import speakers_page

# zone-wide actions that silence or restart every speaker of a zone: the console asks twice
CONFIRM_ZONE = {"power-off": "Tắt ampli", "reboot": "Khởi động lại"}


class ControlIn(BaseModel):
    action: str
    zones: list[str] = Field(default_factory=list)
    devices: list[str] = Field(default_factory=list)
    volume: int | None = Field(default=None, ge=0, le=100)
    on: bool | None = None  # for `power`: switch the amplifier on (true) or off (false)


class TimetableIn(BaseModel):
    power: list[dict[str, Any]] = Field(default_factory=list, description='windows {"on": "05:30", "off": "21:30"}')
    volume: list[dict[str, Any]] = Field(default_factory=list, description='steps {"at": "06:00", "volume": 85}')


router = APIRouter()


@router.post("/dieu-khien", include_in_schema=False)
async def control(request: Request) -> Response:
    kit, ctx, form = await posted(request)
    target = str(form.get("target", ""))
    kind, _, name = target.partition(":")
    volume_text = str(form.get("volume", "")).strip()
    volume = int(volume_text) if volume_text.isdigit() else None
    action = str(form.get("action", ""))
    on = {"power-on": True, "power-off": False}.get(action)
    if kind == "zone" and action in CONFIRM_ZONE and form.get("confirm") != "yes":
        with kit.store.session() as db:  # step one: say how many speakers go quiet, ask again
            summary = zone_summary(db, ctx.actor, name)
        return speakers_page(request, ctx, confirm={**summary, "action": action, "label": CONFIRM_ZONE[action]})
    with kit.store.session() as db:
        task = request_control(
            db,
            ctx.actor,
            "power" if on is not None else action,
            [name] if kind == "zone" else [],
            [name] if kind == "device" else [],
            volume,
            on,
        )
    return RedirectResponse(f"/lenh/{task}", status_code=303)


@router.post("/loa/vung/{zone_id}/lich-ampli", include_in_schema=False)
async def official_timetable(request: Request, zone_id: str) -> Response:
    """An official sets their own zone's amplifier and volume timetable (the admin's form, on /loa)."""
    from broadcaster.app.messages import explain
    from broadcaster.app.timetables import TimetableRefused, describe, save_typed

    kit, ctx, form = await posted(request)
    power, volume = str(form.get("bat_tat", "")), str(form.get("am_luong", ""))
    clear = form.get("action") == "clear"
    try:
        stored, _kept, warning = save_typed(kit.store, ctx.actor, zone_id, power, volume, clear)
    except TimetableRefused as refused:
        return kit.back("/loa", f"Chưa lưu lịch ampli của vùng {zone_id}: {explain(refused).text}")
    said = describe(stored) if stored is not None else "không có lịch"
    return kit.back("/loa", f"Đã lưu lịch ampli và âm lượng của vùng {zone_id}: {said}. {warning}".strip())


@router.post("/api/devices/control", tags=["devices"])
def control_api(body: ControlIn, request: Request) -> dict[str, Any]:
    kit, ctx = api_caller(request)
    with kit.store.session() as db:
        task = request_control(db, ctx.actor, body.action, body.zones, body.devices, body.volume, body.on)
        return tasks.task_view(db, task)


@router.put("/api/zones/{zone_id}/timetable", tags=["devices"])
def put_timetable(zone_id: str, body: TimetableIn, request: Request) -> dict[str, Any]:
    """Set a zone's daily amplifier windows and volume steps (zone's local time); empty lists remove it.
    Sent to the zone's speakers in their next programme; audited."""
    kit, ctx = api_caller(request)
    with kit.store.session() as db:
        stored = set_timetable(db, ctx.actor, zone_id, body.model_dump())
    return {"zone": zone_id, "timetable": stored}


@router.get("/api/zones/{zone_id}/timetable", tags=["devices"])
def get_timetable(zone_id: str, request: Request) -> dict[str, Any]:
    kit, ctx = viewing(request)
    with kit.store.session() as db:
        zone = db.get(ZoneRow, zone_id)
        if zone is None:
            raise NotFound(f"no zone {zone_id}")
        require(ctx.actor, Action.VIEW, commune=zone.commune)
        return {"zone": zone_id, "timezone": zone.timezone, "timetable": zone.timetable}

"""The calendar (a zone's week) and the speakers page, as `app.operations` shows them to a person."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from broadcaster.app import operations
from broadcaster.app.workflow import PermissionDenied
from broadcaster.web.kit import Context, kit_of, viewing

router = APIRouter(include_in_schema=False)


@router.get("/lich", response_class=HTMLResponse)
async def calendar(request: Request) -> Response:
    kit, ctx = viewing(request)
    operations.require_calendar(ctx.actor)
    zones = operations.zones_for(kit.store, ctx.actor)
    zone_id = request.query_params.get("zone") or (zones[0].id if zones else "")
    if zone_id and zone_id not in {z.id for z in zones}:
        raise PermissionDenied(f"{ctx.actor.username} may see the calendars of their own communes only", "perm.own_communes")
    today = datetime.now(ZoneInfo(kit.settings.timezone)).date()
    start = (
        date.fromisoformat(request.query_params["start"])
        if request.query_params.get("start")
        else today - timedelta(days=today.weekday())
    )
    data = await run_in_threadpool(operations.week, kit.store, zone_id, start) if zone_id else None
    return kit.page(
        request,
        "calendar.html",
        ctx,
        zones=zones,
        week=data,
        start=start,
        zone_id=zone_id,
        sees_bookings=ctx.actor.role in operations.READS_OPERATIONS,
    )


@router.get("/loa", response_class=HTMLResponse)
async def devices_page(request: Request) -> Response:
    _, ctx = viewing(request)
    return speakers_page(request, ctx)


def speakers_page(request: Request, ctx: Context, confirm: dict[str, Any] | None = None) -> HTMLResponse:
    """The speakers page; with `confirm`, it asks a second time before a zone-wide command (and hides the timetables)."""
    kit = kit_of(request)
    zones = operations.zones_for(kit.store, ctx.actor)
    return kit.page(
        request,
        "devices.html",
        ctx,
        devices=operations.devices(kit.store, ctx.actor),
        zones=zones,
        zone_tz={z.id: z.timezone for z in zones},
        confirm=confirm,
    )

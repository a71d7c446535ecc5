"""The landing page of each role: what plays today, what played, speakers offline, work waiting.

An official sees only their communes; an editor sees drafts and returned bulletins to work
on; an approver sees the queue; everyone sees times in the zone's local time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from broadcaster.app import bulletins, emergency, operations
from broadcaster.app.planning import aware, build_planner
from broadcaster.app.workflow import Actor, Role
from broadcaster.store.engine import Store
from broadcaster.store.models import Bulletin, DeviceRow, PlayReport
from broadcaster.web.kit import viewing
from schedules.model import Priority

# The bulletin states each role acts on, and what the page calls that work.
WAITING: dict[Role, tuple[tuple[str, ...], str]] = {
    Role.ADMIN: (("draft", "rejected", "in_review", "approved"), "Bản tin đang chờ xử lý"),
    Role.EDITOR: (("draft", "rejected"), "Bản tin cần biên tập"),
    Role.APPROVER: (("in_review",), "Bản tin chờ phê duyệt"),
    Role.OFFICIAL: (("approved",), "Bản tin đã duyệt, chưa đặt lịch"),
    Role.OBSERVER: ((), ""),
    Role.TRANSLATOR: ((), ""),
}


def today_view(store: Store, actor: Actor, tz_name: str, now: datetime | None = None) -> dict[str, Any]:
    """Everything on the landing page, for the zones the actor may see."""
    now = now or datetime.now(UTC)
    tz = ZoneInfo(tz_name)
    day = now.astimezone(tz).date()
    zones = {z.id: z for z in operations.zones_for(store, actor)}
    start = datetime.combine(day, datetime.min.time(), tz).astimezone(UTC)
    with store.session() as db:
        planner = build_planner(db, day, 1)
        planned = sorted((i for i in planner.plan().items if i.zone in zones), key=lambda i: i.starts_at)
        devices = [d for d in db.scalars(select(DeviceRow).order_by(DeviceRow.id)) if d.zone_id in zones]
        device_ids = {d.id for d in devices}
        reports = [
            r
            for r in db.scalars(select(PlayReport).where(PlayReport.started >= start).order_by(PlayReport.started))
            if r.device_id in device_ids
        ]
        states, title = WAITING[actor.role]
        waiting = (
            list(db.scalars(select(Bulletin).where(Bulletin.state.in_(states)).order_by(Bulletin.id.desc()))) if states else []
        )
    played_items = {r.item_id for r in reports}
    urgent = {i.id for i in planned if i.priority is Priority.EMERGENCY}
    offline = [
        {"id": d.id, "zone": d.zone_id, "since": aware(d.last_seen), "tz": zones[d.zone_id].timezone}
        for d in devices
        if not d.online
    ]
    return {
        "day": day,
        "planned": [_planned(i, zones[i.zone], i.id in played_items, now, i.id in urgent) for i in planned],
        "played": [_played(r, r.item_id in urgent) for r in reports],
        "to_review": len(emergency.awaiting_review(store)) if actor.role in (Role.APPROVER, Role.ADMIN) else 0,
        "offline": offline,
        "devices": len(devices),
        "waiting": waiting,
        "waiting_title": title,
        "stale_after": now - timedelta(minutes=5),
        "returned": (
            bulletins.returned_to(store, "" if actor.role is Role.ADMIN else actor.username)
            if actor.role in (Role.ADMIN, Role.EDITOR)
            else []
        ),
    }


def _planned(item: Any, zone: Any, done: bool, now: datetime, urgent: bool) -> dict[str, Any]:
    return {"item": item, "zone": zone.name, "tz": zone.timezone, "done": done, "due": item.starts_at <= now, "emergency": urgent}


def _played(report: PlayReport, urgent: bool) -> dict[str, Any]:
    if report.played_ms:
        seconds = report.played_ms / 1000
    else:
        seconds = (aware(report.ended) - aware(report.started)).total_seconds()  # type: ignore[operator]
    return {"report": report, "seconds": seconds, "emergency": urgent}


router = APIRouter(include_in_schema=False)


@router.get("/hom-nay", response_class=HTMLResponse)
async def today(request: Request) -> Response:
    kit, ctx = viewing(request)
    view = today_view(kit.store, ctx.actor, kit.settings.timezone)
    return kit.page(request, "today.html", ctx, v=view)

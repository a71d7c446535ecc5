"""The audit log: all of it for admins (with IP addresses), a commune's share for its officials.

Officials see the events that touch their communes' zones and devices, and what users of their
communes did; nobody but an admin sees an IP address. Other roles are refused (issue 14, item 3).
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from broadcaster.app.workflow import Actor, PermissionDenied, Role
from broadcaster.store.engine import Store
from broadcaster.store.models import AuditEvent, DeviceRow, User, ZoneRow
from broadcaster.web.ui import to_local

if TYPE_CHECKING:
    from broadcaster.web.kit import Kit

BOM = "\ufeff"  # Excel reads UTF-8 CSV as Vietnamese only with it


def visible_events(store: Store, actor: Actor, limit: int = 500) -> list[AuditEvent]:
    """:raises PermissionDenied: for roles that may not read the audit log."""
    with store.session() as db:
        query = select(AuditEvent).order_by(AuditEvent.id.desc())
        if actor.role is Role.ADMIN:
            return list(db.scalars(query.limit(limit)))
        if actor.role is not Role.OFFICIAL:
            raise PermissionDenied(
                f"{actor.username} ({actor.role.value}) may not read the audit log", "perm.audit", role=actor.role.value
            )
        zones = {z.id for z in db.scalars(select(ZoneRow).where(ZoneRow.commune.in_(actor.communes)))}
        devices = {d.id for d in db.scalars(select(DeviceRow).where(DeviceRow.zone_id.in_(zones)))}
        users = {
            u.username
            for u in db.scalars(select(User))
            if u.role == Role.OFFICIAL and set(u.communes or ()) & set(actor.communes)
        }
        subjects = {f"zone:{z}" for z in zones} | {f"device:{d}" for d in devices} | {f"user:{u}" for u in users}
        actors = users | {f"device:{d}" for d in devices}
        out: list[AuditEvent] = []
        for event in db.scalars(query.limit(20 * limit)):
            touched = set((event.detail or {}).get("zones") or ()) | {(event.detail or {}).get("zone")}
            if event.subject in subjects or event.actor in actors or touched & zones:
                out.append(event)
                if len(out) >= limit:
                    break
        return out


def as_csv(events: list[AuditEvent], tz: str, with_address: bool) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "thời gian", "người", *(["địa chỉ IP"] if with_address else []), "thao tác", "đối tượng", "chi tiết"])
    for e in reversed(events):
        at = to_local(e.at, tz, "%Y-%m-%d %H:%M:%S")
        writer.writerow([e.id, at, e.actor, *([e.address] if with_address else []), e.action, e.subject, e.detail])
    return BOM + out.getvalue()


def register(app: FastAPI, kit: Kit) -> None:
    @app.get("/nhat-ky", response_class=HTMLResponse, include_in_schema=False)
    async def audit_page(request: Request) -> Response:
        ctx = kit.context(request)
        events = visible_events(kit.store, ctx.actor)
        return kit.page(request, "audit.html", ctx, events=events, show_address=ctx.actor.role is Role.ADMIN)

    @app.get("/nhat-ky.csv", include_in_schema=False)
    async def audit_export(request: Request) -> Response:
        ctx = kit.context(request)
        events = visible_events(kit.store, ctx.actor, 100_000)
        return Response(
            as_csv(events, kit.settings.timezone, ctx.actor.role is Role.ADMIN).encode("utf-8"),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": "attachment; filename=nhat-ky.csv"},
        )

    @app.get("/api/audit", tags=["audit"])
    def audit_api(request: Request, limit: int = 200) -> list[dict[str, Any]]:
        ctx = kit.context(request)
        admin = ctx.actor.role is Role.ADMIN
        return [
            {
                "id": e.id,
                "at": e.at.isoformat() if e.at else None,
                "actor": e.actor,
                **({"address": e.address} if admin else {}),
                "action": e.action,
                "subject": e.subject,
                "detail": e.detail,
            }
            for e in visible_events(kit.store, ctx.actor, limit)
        ]

"""The audit log: all of it for admins (with IP addresses), a commune's share for its officials.

Officials see the events that touch their communes' zones and devices, and what users of their
communes did; nobody but an admin sees an IP address. Other roles are refused (issue 14, item 3).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import func, select

from broadcaster.app.wording import action_name, detail_text
from broadcaster.app.workflow import Actor, PermissionDenied, Role
from broadcaster.store.engine import Store
from broadcaster.store.models import AuditEvent, DeviceRow, User, ZoneRow
from broadcaster.web.kit import viewing
from broadcaster.web.ui import to_local

BOM = "\ufeff"  # Excel reads UTF-8 CSV as Vietnamese only with it


PAGE = 50


@dataclass(frozen=True, slots=True)
class Filters:
    """What the reader narrows the log to: an action code, a user, a span of local days, a page."""

    action: str = ""
    user: str = ""
    first: date | None = None
    last: date | None = None
    page: int = 1

    @classmethod
    def of(cls, query: Any) -> Filters:
        def day(name: str) -> date | None:
            text = str(query.get(name) or "")
            try:
                return date.fromisoformat(text) if text else None
            except ValueError:
                return None

        page = str(query.get("trang") or "1")
        return cls(
            str(query.get("thao-tac") or "").strip(),
            str(query.get("nguoi") or "").strip().lower(),
            day("tu"),
            day("den"),
            max(1, int(page)) if page.isdigit() else 1,
        )

    def apply(self, query: Any, tz: str) -> Any:
        if self.action:
            query = query.where(AuditEvent.action == self.action)
        if self.user:
            query = query.where(func.lower(AuditEvent.actor) == self.user)
        zone = ZoneInfo(tz)
        if self.first:
            query = query.where(AuditEvent.at >= datetime.combine(self.first, time(0), zone).astimezone(UTC))
        if self.last:
            end = datetime.combine(self.last + timedelta(days=1), time(0), zone).astimezone(UTC)
            query = query.where(AuditEvent.at < end)
        return query

    def link(self, page: int) -> str:
        values = {"thao-tac": self.action, "nguoi": self.user, "tu": self.first or "", "den": self.last or "", "trang": page}
        return "/nhat-ky?" + urlencode({k: str(v) for k, v in values.items() if v})


def visible_events(
    store: Store, actor: Actor, limit: int = 500, filters: Filters | None = None, tz: str = "Asia/Ho_Chi_Minh"
) -> list[AuditEvent]:
    """The newest `limit` events the actor may read (after `filters`, from its page on).

    :raises PermissionDenied: for roles that may not read the audit log.
    """
    filters = filters or Filters()
    skip = (filters.page - 1) * limit
    with store.session() as db:
        query = filters.apply(select(AuditEvent).order_by(AuditEvent.id.desc()), tz)
        if actor.role is Role.ADMIN:
            return list(db.scalars(query.offset(skip).limit(limit)))
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
        for event in db.scalars(query.limit(20 * (limit + skip))):
            touched = set((event.detail or {}).get("zones") or ()) | {(event.detail or {}).get("zone")}
            if event.subject in subjects or event.actor in actors or touched & zones:
                out.append(event)
                if len(out) >= skip + limit:
                    break
        return out[skip:]


def action_choices(store: Store) -> list[tuple[str, str]]:
    with store.session() as db:
        codes = sorted(set(db.scalars(select(AuditEvent.action).distinct())))
    return sorted(((c, action_name(c)) for c in codes), key=lambda pair: pair[1])


def as_csv(events: list[AuditEvent], tz: str, with_address: bool) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "thời gian", "người", *(["địa chỉ IP"] if with_address else []), "thao tác", "đối tượng", "chi tiết"])
    for e in reversed(events):
        at = to_local(e.at, tz, "%Y-%m-%d %H:%M:%S")
        writer.writerow(
            [e.id, at, e.actor, *([e.address] if with_address else []), action_name(e.action), e.subject, detail_text(e.detail)]
        )
    return BOM + out.getvalue()


router = APIRouter()


@router.get("/nhat-ky", response_class=HTMLResponse, include_in_schema=False)
async def audit_page(request: Request) -> Response:
    kit, ctx = viewing(request)
    filters = Filters.of(request.query_params)
    events = visible_events(kit.store, ctx.actor, PAGE + 1, filters, kit.settings.timezone)
    return kit.page(
        request,
        "audit.html",
        ctx,
        events=events[:PAGE],
        more=len(events) > PAGE,
        filters=filters,
        actions=action_choices(kit.store),
        show_address=ctx.actor.role is Role.ADMIN,
    )


@router.get("/nhat-ky.csv", include_in_schema=False)
async def audit_export(request: Request) -> Response:
    kit, ctx = viewing(request)
    events = visible_events(kit.store, ctx.actor, 100_000, Filters.of(request.query_params), kit.settings.timezone)
    return Response(
        as_csv(events, kit.settings.timezone, ctx.actor.role is Role.ADMIN).encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": "attachment; filename=nhat-ky.csv"},
    )


@router.get("/api/audit", tags=["audit"])
def audit_api(request: Request, limit: int = 200) -> list[dict[str, Any]]:
    kit, ctx = viewing(request)
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

"""The JSON API under /api/ (OpenAPI at /api/openapi.json) for the province's other systems."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from broadcaster.app import bulletins, operations, tasks
from broadcaster.app.workflow import Action, PermissionDenied, require
from broadcaster.web import bookings as booking_pages
from broadcaster.web.bulletin_pages import run_verb
from broadcaster.web.identity import identity_of
from broadcaster.web.kit import NotSignedIn, api_caller, viewing
from schedules.model import ScheduleValueError


class SignIn(BaseModel):
    username: str
    password: str


class ScriptEdit(BaseModel):
    language: str = "vi"
    sentences: list[str] = Field(min_length=1)


class ApproveIn(BaseModel):
    bundle: str = Field(
        min_length=64, max_length=64, description="the bundle sha256 you reviewed (GET /api/bulletins/{id} → bundle)"
    )
    acknowledged: list[str] = Field(
        default_factory=list, description="codes of the draft warnings you checked (GET /api/bulletins/{id} → warnings)"
    )


class Comment(BaseModel):
    comment: str = ""


class BookingIn(BaseModel):
    bulletin: int
    zones: list[str] = Field(min_length=1)
    starts_on: date | None = None
    until: date | None = None
    slot: str | None = None
    repeat: str = "once"
    weekdays: str | list[str] | None = None  # "MO,TH" or ["MO", "TH"]
    rule: str | None = None
    priority: str = "normal"
    confirm: bool = False  # a priority booking displaces normal plays: the caller saw which and agrees


class EmergencyIn(BaseModel):
    bulletin: int
    zones: list[str] = Field(min_length=1)
    reason: str = Field("", max_length=500, description="why it must play now: at least 5 characters, audited")


router = APIRouter()


@router.post("/api/session", tags=["session"])
def sign_in(body: SignIn, request: Request) -> Response:
    identity = identity_of(request)
    cookie = identity.authenticate(request, body.username, body.password)
    if cookie is None:
        return JSONResponse({"error": "wrong username or password"}, status_code=401)
    session = identity.codec.read(cookie)
    if session is None:  # a cookie just issued always reads back
        raise NotSignedIn()
    response = JSONResponse({"user": body.username, "csrf": session.csrf})
    identity.set_cookie(response, request, cookie)
    return response


@router.delete("/api/session", tags=["session"])
def sign_out(request: Request) -> dict[str, Any]:
    """Sign out: the session is revoked on the server, not only forgotten by the client."""
    from broadcaster.web.session import revoke

    kit, ctx = api_caller(request)
    with kit.store.session() as db:
        revoke(db, ctx.session)
    return {"ok": True}


@router.get("/api/bulletins", tags=["bulletins"])
def list_bulletins(request: Request) -> list[dict[str, Any]]:
    kit, _ = viewing(request)
    return [{k: v for k, v in b.items() if k != "updated_at"} for b in bulletins.bulletins(kit.store)]


@router.get("/api/bulletins/{bulletin_id}", tags=["bulletins"])
def get_bulletin(bulletin_id: int, request: Request) -> dict[str, Any]:
    kit, _ = viewing(request)
    view = bulletins.bulletin_view(kit.store, bulletin_id)
    b = view["bulletin"]
    return {
        "id": b.id,
        "title": b.title,
        "state": b.state,
        "flagged": b.flagged,
        "scripts": {
            lang: {"version": s.version, "sha256": s.sha256, "author": s.author, "sentences": s.sentences}
            for lang, s in view["scripts"].items()
        },
        "media": [
            {"sha256": m.sha256, "language": m.language, "duration_ms": m.duration_ms, "codec": m.codec} for m in view["media"]
        ],
        "bundle": view["bundle"],
        "warnings": list(b.draft_warnings or []),
        "delivery_media": view["delivery"].sha256 if view["delivery"] else None,
        "approved_media": view["approved_media"].sha256 if view["approved_media"] else None,
    }


def act(name: str, bulletin_id: int, request: Request, data: dict[str, Any]) -> dict[str, Any]:
    kit, ctx = api_caller(request)
    return {"ok": True, "message": run_verb(kit.store, kit.settings, ctx.actor, bulletin_id, name, data)}


@router.post("/api/bulletins/{bulletin_id}/submit", tags=["bulletins"])
def submit(bulletin_id: int, request: Request) -> dict[str, Any]:
    return act("gui-duyet", bulletin_id, request, {})


@router.post("/api/bulletins/{bulletin_id}/approve", tags=["bulletins"])
def approve(bulletin_id: int, body: ApproveIn, request: Request) -> dict[str, Any]:
    """Approve exactly the bundle you reviewed; refused (409) when it changed since."""
    return act("duyet", bulletin_id, request, {"bundle": body.bundle, "acknowledged": body.acknowledged})


@router.post("/api/bulletins/{bulletin_id}/reject", tags=["bulletins"])
def reject(bulletin_id: int, body: Comment, request: Request) -> dict[str, Any]:
    return act("tra-lai", bulletin_id, request, {"comment": body.comment})


@router.post("/api/bulletins/{bulletin_id}/withdraw", tags=["bulletins"])
def withdraw(bulletin_id: int, body: Comment, request: Request) -> dict[str, Any]:
    return act("rut", bulletin_id, request, {"reason": body.comment})


@router.post("/api/bulletins/{bulletin_id}/render", tags=["bulletins"])
def render(bulletin_id: int, request: Request) -> dict[str, Any]:
    return act("thu-am", bulletin_id, request, {})


@router.put("/api/bulletins/{bulletin_id}/script", tags=["bulletins"])
def edit_script(bulletin_id: int, body: ScriptEdit, request: Request) -> dict[str, Any]:
    kit, ctx = api_caller(request)
    version = bulletins.save_script(kit.store, ctx.actor, bulletin_id, body.sentences, body.language)
    return {"ok": True, "version": version.version, "sha256": version.sha256}


@router.post("/api/bookings", tags=["schedule"])
def create_booking(body: BookingIn, request: Request) -> Any:
    kit, ctx = api_caller(request)
    try:
        return booking_pages.make(kit.store, kit.settings, ctx.actor, body.bulletin, body.model_dump())
    except ScheduleValueError as exc:  # code + params + the Vietnamese sentence, every problem
        from broadcaster.web.bookings import refused

        return refused(exc)


@router.get("/api/zones/{zone_id}/programme", tags=["schedule"])
def programme(zone_id: str, request: Request, start: date | None = None) -> dict[str, Any]:
    kit, ctx = viewing(request)
    operations.require_calendar(ctx.actor)
    zone_rows = {z.id: z for z in operations.zones_for(kit.store, ctx.actor)}
    if zone_id not in zone_rows and ctx.actor.role.value == "official":
        raise PermissionDenied(f"{ctx.actor.username} may see programmes of their own communes only", "perm.own_communes")
    zone_tz = zone_rows[zone_id].timezone if zone_id in zone_rows else None
    week = operations.week(kit.store, zone_id, start or datetime.now(ZoneInfo(zone_tz or "Asia/Ho_Chi_Minh")).date())
    return {
        "zone": zone_id,
        "items": [
            {
                "id": i.id,
                "starts_at": i.starts_at.isoformat(),
                "local": local.isoformat(),
                "duration_s": i.duration_s,
                "priority": i.priority.name.lower(),
                "title": i.title,
                "bulletin": i.bulletin_id,
            }
            for d in week["days"]
            for i, local in d["plays"]
        ],
        "rejections": [
            {"booking": r.booking, "day": r.day.isoformat(), "reason": r.reason} for d in week["days"] for r in d["rejections"]
        ],
    }


@router.post("/api/emergency", tags=["schedule"])
def emergency(body: EmergencyIn, request: Request) -> dict[str, Any]:
    kit, ctx = api_caller(request)
    require(ctx.actor, Action.EMERGENCY)
    return kit.fire_emergency(ctx.actor, body.bulletin, body.zones, body.reason)


@router.get("/api/tasks/{task_id}", tags=["schedule"])
def get_task(task_id: int, request: Request) -> dict[str, Any]:
    """A queued request: pending until the service runs it, then its result and the speakers' acks."""
    kit, ctx = viewing(request)
    with kit.store.session() as db:
        tasks.require_visible(db, ctx.actor, task_id)
        return tasks.task_view(db, task_id)


@router.get("/api/devices", tags=["devices"])
def devices(request: Request) -> list[dict[str, Any]]:
    kit, ctx = viewing(request)
    return [
        {**d, "last_seen": d["last_seen"].isoformat() if d["last_seen"] else None}
        for d in operations.devices(kit.store, ctx.actor)
    ]

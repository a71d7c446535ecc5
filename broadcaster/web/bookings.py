"""Booking pages and API: the form with the zones' slots as choices, the list, cancel and edit.

Problems are shown on the form in Vietnamese before anything is saved (`broadcaster.app.bookings`
finds them; `schedules.messages` says them). The API answers the same checks with
`{"code", "params", "error", "problems": [...]}` and status 400.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from broadcaster.app import bookings, bulletins, operations, wording
from broadcaster.app.planning import recurrence
from broadcaster.app.workflow import Actor
from broadcaster.config import Settings
from broadcaster.errors import NotFound
from broadcaster.store.engine import Store
from broadcaster.web.kit import api_caller, posted, viewing
from schedules.messages import as_json, render
from schedules.model import ScheduleValueError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

WEEKLY_RE = re.compile(r"^FREQ=WEEKLY;BYDAY=((?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*)$")
WEEKDAY_NAMES = {code: name.title() for code, name in wording.WEEKDAY_NAMES.items()}  # "Thứ Hai" on a tick box
LIST_FIELDS = ("zones", "weekdays")  # form fields sent once per ticked box


def form_data(form: Any) -> dict[str, Any]:
    """A booking form's fields: the checkbox groups as lists, the rest as single values."""
    return {k: form.getlist(k) if k in LIST_FIELDS else form.get(k) for k in form.keys()}


def _weekdays(value: Any) -> list[str]:
    """Ticked boxes (a list), or the API's and the old form's "MO,TH"."""
    parts = value if isinstance(value, (list, tuple)) else str(value or "").split(",")
    return [str(p).strip() for p in parts if str(p).strip()]


class BookingEdit(BaseModel):
    zones: list[str] = Field(min_length=1)
    starts_on: date
    until: date | None = None
    slot: str | None = None
    repeat: str = "once"
    weekdays: str | list[str] | None = None
    rule: str | None = None
    priority: str = "normal"
    confirm: bool = False


class Cancel(BaseModel):
    reason: str


def _date(value: Any, default: date | None = None) -> date | None:
    if value in (None, ""):
        return default
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ScheduleValueError(f"{value!r} is not a date", "schedule.not_a_date", value=str(value)) from None


def ask_of(bulletin_id: int, data: dict[str, Any], today: date) -> bookings.Ask:
    """A booking request from a form or a JSON body (the same field names)."""
    zones = data.get("zones") or []
    repeat = str(data.get("repeat") or "once")
    days = _weekdays(data.get("weekdays"))
    if days and repeat != "weekly" and not data.get("rule"):  # ticked days must not be dropped unseen
        raise ScheduleValueError(f"weekdays {days} ticked but the booking repeats {repeat}", "schedule.weekdays_not_weekly")
    rule = recurrence(
        daily=repeat == "daily",
        weekly=days if repeat == "weekly" else None,
        monthly=repeat == "monthly",
        rule=str(data.get("rule") or "") or None,
    )
    starts = _date(data.get("starts_on"), today)
    assert starts is not None
    return bookings.Ask(
        bulletin_id=bulletin_id,
        zones=tuple(str(z) for z in zones),
        starts_on=starts,
        slot=str(data.get("slot") or "") or None,
        rule=rule,
        until=_date(data.get("until")),
        priority=str(data.get("priority") or "normal"),
        confirm=str(data.get("confirm") or "").lower() in ("1", "yes", "true", "on"),
    )


def _today(db: Any, data: dict[str, Any], now: datetime, tz: str) -> date:
    """The default start day: today where the chosen zones are."""
    from broadcaster.app.planning import local_today

    return local_today(db, [str(z) for z in data.get("zones") or []], now, tz)


def make(store: Store, settings: Settings, actor: Actor, bulletin_id: int, data: dict[str, Any]) -> dict[str, Any]:
    """Check and save a booking. :raises ScheduleValueError: (BookingRefused) with every problem."""
    now = datetime.now(ZoneInfo(settings.timezone))
    with store.session() as db:
        ask = ask_of(bulletin_id, data, _today(db, data, now, settings.timezone))
        row = bookings.create(db, actor, ask, now, settings.timezone)
        warnings = bookings.amplifier_warnings(db, ask)
        return {
            "id": row.id,
            "zones": list(ask.zones),
            "starts_on": ask.starts_on.isoformat(),
            "rule": ask.rule,
            "warnings": warnings,
        }


def change(store: Store, settings: Settings, actor: Actor, booking_id: int, data: dict[str, Any]) -> dict[str, Any]:
    """Check and save an edit, with the warnings a new booking gets. :raises ScheduleValueError: with every problem."""
    now = datetime.now(ZoneInfo(settings.timezone))
    with store.session() as db:
        row = db.get(bookings.BookingRow, booking_id)
        ask = ask_of(row.bulletin_id if row is not None else 0, data, _today(db, data, now, settings.timezone))
        edited = bookings.edit(db, actor, booking_id, ask, now, settings.timezone)
        return {"id": edited.id, "warnings": bookings.amplifier_warnings(db, ask)}


def problems_of(exc: ScheduleValueError) -> list[dict[str, Any]]:
    return [as_json(p) for p in getattr(exc, "problems", [exc])]


def refused(exc: ScheduleValueError) -> JSONResponse:
    return JSONResponse({**as_json(exc), "problems": problems_of(exc)}, status_code=400)


def cap_xml(store: Store, booking_id: int, alerts_of: Callable[[Session], list[tuple[int, bytes]]], missing: str) -> Response:
    """One fired emergency's CAP document, found by its booking among those `alerts_of` exports.

    :raises NotFound: with `missing` when that booking has none.
    """
    with store.session() as db:
        alerts = dict(alerts_of(db))
    if booking_id not in alerts:
        raise NotFound(missing)
    return Response(alerts[booking_id], media_type="application/xml")


def slot_choices(zones: list[Any]) -> list[tuple[str, str]]:
    """Each slot time once, labelled with the zones that have it: the select of the form."""
    by_time: dict[str, list[str]] = {}
    for z in zones:
        for s in z.slots or []:
            by_time.setdefault(str(s["start"])[:5], []).append(z.name)
    return [(t, f"{t} ({', '.join(names)})") for t, names in sorted(by_time.items())]


def form_values(store: Store, settings: Settings, actor: Actor, bulletin_id: int, **extra: Any) -> dict[str, Any]:
    zones = operations.zones_for(store, actor)
    return {
        "v": bulletins.bulletin_view(store, bulletin_id),
        "zones": zones,
        "slots": slot_choices(zones),
        "weekday_names": WEEKDAY_NAMES,
        "today": datetime.now(ZoneInfo(settings.timezone)).date(),
        "problems": [],
        "data": {},
        **extra,
    }


router = APIRouter()


def install(templates: Jinja2Templates) -> None:
    """How a booking the planner refused is said on the calendar."""
    templates.env.globals["rejection_text"] = lambda r: render(r.code, r.params)


# -- the list ----------------------------------------------------------------
@router.get("/lich-phat", include_in_schema=False)
async def booking_list(request: Request) -> Response:
    kit, ctx = viewing(request)
    zone = request.query_params.get("zone") or None

    def rows() -> list[dict[str, Any]]:
        with kit.store.session() as db:
            return bookings.listing(db, ctx.actor, zone)

    return kit.page(request, "bookings.html", ctx, rows=await run_in_threadpool(rows), weekday_names=WEEKDAY_NAMES)


@router.post("/lich-phat/{booking_id}/huy", include_in_schema=False)
async def booking_cancel(request: Request, booking_id: int) -> Response:
    kit, ctx, form = await posted(request)
    with kit.store.session() as db:
        bookings.cancel(db, ctx.actor, booking_id, str(form.get("reason") or ""))
    return kit.back("/lich-phat", f"Đã hủy lịch phát #{booking_id}")


@router.get("/lich-phat/{booking_id}/sua", include_in_schema=False)
async def booking_edit_page(request: Request, booking_id: int) -> Response:
    kit, ctx = viewing(request)
    with kit.store.session() as db:
        row = next((r for r in bookings.listing(db, ctx.actor) if r["id"] == booking_id), None)
    if row is None:
        raise NotFound(f"no booking {booking_id}")
    weekly = WEEKLY_RE.match(row["rule"] or "")
    if weekly:  # the ticked days, not a rule to keep hidden
        data = {**row, "repeat": "weekly", "weekdays": weekly[1].split(","), "rule": ""}
    else:
        data = {**row, "repeat": "rule" if row["rule"] else "once"}
    values = form_values(kit.store, kit.settings, ctx.actor, row["bulletin"], data=data, editing=booking_id)
    return kit.page(request, "book.html", ctx, **values)


@router.post("/lich-phat/{booking_id}/sua", include_in_schema=False)
async def booking_edit(request: Request, booking_id: int) -> Response:
    kit, ctx, form = await posted(request)
    data = form_data(form)
    try:
        edited = await run_in_threadpool(change, kit.store, kit.settings, ctx.actor, booking_id, data)
    except ScheduleValueError as exc:
        with kit.store.session() as db:
            row = db.get(bookings.BookingRow, booking_id)
            bulletin_id = row.bulletin_id if row is not None else 0
        values = form_values(kit.store, kit.settings, ctx.actor, bulletin_id, data=data, editing=booking_id)
        return kit.page(request, "book.html", ctx, status=400, **{**values, "problems": problems_of(exc)})
    said = f"Đã sửa lịch phát #{booking_id}"
    return kit.back("/lich-phat", " ".join([f"{said}.", *edited["warnings"]]) if edited["warnings"] else said)


# -- the API -----------------------------------------------------------------
@router.get("/api/bookings", tags=["schedule"])
def api_list(request: Request, zone: str | None = None, cancelled: bool = False) -> list[dict[str, Any]]:
    kit, ctx = viewing(request)
    with kit.store.session() as db:
        return bookings.listing(db, ctx.actor, zone, cancelled)


@router.post("/api/bookings/{booking_id}/cancel", tags=["schedule"])
def api_cancel(booking_id: int, body: Cancel, request: Request) -> Any:
    kit, ctx = api_caller(request)
    try:
        with kit.store.session() as db:
            bookings.cancel(db, ctx.actor, booking_id, body.reason)
    except ScheduleValueError as exc:
        return refused(exc)
    return {"ok": True, "id": booking_id, "cancelled": True}


@router.get("/api/cap/emergencies", tags=["cap"])
def cap_emergencies(request: Request) -> list[dict[str, Any]]:
    """The emergencies we fired, each as a CAP 1.2 document (for upstream systems)."""
    kit, _ = viewing(request)
    from broadcaster.app.cap_export import SENDER, cap_documents

    with kit.store.session() as db:
        alerts = cap_documents(db, SENDER)
    return [
        {"booking": b, "url": f"/api/cap/emergencies/{b}{'/cancel' if cancel else ''}.xml", "cancel": cancel}
        for b, _, cancel in alerts
    ]


@router.get("/api/cap/emergencies/{booking_id}/cancel.xml", tags=["cap"])
def cap_emergency_cancel(booking_id: int, request: Request) -> Response:
    """The CAP Cancel of an emergency withdrawn after it was fired (references the Alert)."""
    kit, _ = viewing(request)
    from broadcaster.app.cap_export import cancelled_alerts

    return cap_xml(kit.store, booking_id, cancelled_alerts, f"no cancelled emergency {booking_id}")


@router.get("/api/cap/emergencies/{booking_id}.xml", tags=["cap"])
def cap_emergency(booking_id: int, request: Request) -> Response:
    kit, _ = viewing(request)
    from broadcaster.app.cap_export import emergency_alerts

    return cap_xml(kit.store, booking_id, emergency_alerts, f"no emergency {booking_id}")


@router.put("/api/bookings/{booking_id}", tags=["schedule"])
def api_edit(booking_id: int, body: BookingEdit, request: Request) -> Any:
    kit, ctx = api_caller(request)
    try:
        edited = change(kit.store, kit.settings, ctx.actor, booking_id, body.model_dump())
    except ScheduleValueError as exc:
        return refused(exc)
    return {"ok": True, "id": edited["id"], "warnings": edited["warnings"]}

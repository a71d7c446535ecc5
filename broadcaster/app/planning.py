"""Scheduling wired to the store: zones and bookings from rows, programmes for devices."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.app import airing
from broadcaster.app.airing import aware as aware  # the console and the app read these from here
from broadcaster.app.airing import hhmm as _hhmm
from broadcaster.app.airing import zone_of as zone_of
from broadcaster.app.approval import SessionRows, approved_media, assert_playable
from broadcaster.app.workflow import Action, Actor, WorkflowError, audit, require
from broadcaster.store.models import BookingRow, Bulletin, DeviceRow, MediaAsset, ZoneRow
from devices.programme import MediaRef, StreamRef, programme_entry
from schedules.model import Priority, ScheduleValueError
from schedules.planner import Plan, Planner
from schedules.recurrence import EARLIEST_START, check_rule

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def booking_tz(session: Session, zones: Sequence[str], now: datetime, default_tz: str = "Asia/Ho_Chi_Minh") -> str:
    """The time zone whose date is "today" for a booking in these zones (see `local_today`)."""
    from zoneinfo import ZoneInfo

    names = set(session.scalars(select(ZoneRow.timezone).where(ZoneRow.id.in_(list(zones))))) if zones else set()
    return max(sorted(n or default_tz for n in names) or [default_tz], key=lambda n: now.astimezone(ZoneInfo(n)).date())


def local_today(session: Session, zones: Sequence[str], now: datetime, default_tz: str = "Asia/Ho_Chi_Minh") -> date:
    """ "Today" for a booking in these zones: the zones' own local date, never the UTC one.

    With zones in several time zones, the latest of their dates (a day already gone in one of
    them is past for the booking); `default_tz` when no zone is known.
    """
    from zoneinfo import ZoneInfo

    return now.astimezone(ZoneInfo(booking_tz(session, zones, now, default_tz))).date()


def recurrence(
    daily: bool = False, weekly: str | Sequence[str] | None = None, monthly: bool = False, rule: str | None = None
) -> str:
    """The RRULE for the usual choices of an official; an explicit RFC 5545 rule wins.

    `weekly` is the chosen weekdays ("MO,TH" or ["MO", "TH"]); given but empty, the booking
    would silently become a one-off, so it is refused.
    """
    if rule:
        return rule
    if weekly is not None:
        text = weekly if isinstance(weekly, str) else ",".join(weekly)
        days = [d.strip().upper()[:2] for d in text.split(",") if d.strip()]
        if not days:
            raise ScheduleValueError("choose at least one weekday for a weekly booking", "schedule.no_weekdays")
        if [d for d in days if d not in WEEKDAYS]:
            raise ScheduleValueError(
                f"weekdays must be among {','.join(WEEKDAYS)}, not {text!r}", "schedule.bad_weekdays", value=text
            )
        return "FREQ=WEEKLY;BYDAY=" + ",".join(sorted(set(days), key=WEEKDAYS.index))
    if monthly:
        return "FREQ=MONTHLY"
    return "FREQ=DAILY" if daily else ""


def book(
    session: Session,
    actor: Actor,
    bulletin_id: int,
    zones: list[str],
    starts_on: date,
    rule: str = "",
    until: date | None = None,
    slot: str | None = None,
    priority: str = "normal",
    repeat: int = 1,
    gap_s: int = 0,
    fire_at: datetime | None = None,
    until_at: datetime | None = None,
) -> BookingRow:
    """Store a booking of an approved bulletin; officials only in their own communes.

    Not a front door's way to book: `bookings.create` checks the date, quiet hours, slots,
    overruns, the daily limit and duplicates first, then calls this.

    The rule is parsed and bounded here, so nothing stored can stall the planner later.
    Emergencies never come this way (they would sit at midnight in quiet hours): they go
    through `record_emergency`, which the emergency path calls with the firing instant.

    :raises PermissionDenied: for a zone outside the official's communes.
    :raises WorkflowError: for a bulletin that is not approved.
    :raises ScheduleValueError: for unknown zones or settings, an invalid rule, emergency priority.
    """
    if Priority.parse(priority) is Priority.EMERGENCY:
        raise ScheduleValueError(
            "emergency priority goes through the emergency path (broadcaster emergency, /khan-cap)", "booking.emergency_path"
        )
    if starts_on < EARLIEST_START:
        raise ScheduleValueError(f"the booking starts on {starts_on}, before {EARLIEST_START}", "booking.too_old", day=starts_on)
    if until and until < starts_on:
        raise ScheduleValueError("the booking ends before it starts", "schedule.ends_before_start", day=starts_on, until=until)
    if rule:
        check_rule(rule, starts_on)
    if slot:
        _hhmm(slot)
    return _insert(
        session, actor, Action.BOOK, bulletin_id, zones, starts_on, rule, until, slot, priority, repeat, gap_s, fire_at, until_at
    )


def record_emergency(
    session: Session, actor: Actor, bulletin_id: int, zones: list[str], fire_at: datetime, repeat: int = 1, gap_s: int = 0
) -> BookingRow:
    """The booking behind an emergency fired now (the emergency path only): plays at `fire_at`."""
    day = local_today(session, zones, fire_at)
    return _insert(
        session, actor, Action.EMERGENCY, bulletin_id, zones, day, "", None, None, "emergency", repeat, gap_s, fire_at, None
    )


def _insert(
    session: Session,
    actor: Actor,
    action: Action,
    bulletin_id: int,
    zones: list[str],
    starts_on: date,
    rule: str,
    until: date | None,
    slot: str | None,
    priority: str,
    repeat: int,
    gap_s: int,
    fire_at: datetime | None,
    until_at: datetime | None,
) -> BookingRow:
    bulletin = session.get(Bulletin, bulletin_id)
    if bulletin is None:
        raise WorkflowError(f"no bulletin {bulletin_id}", "workflow.no_bulletin", bulletin=bulletin_id)
    if not zones:
        raise ScheduleValueError("choose at least one zone", "booking.no_zone")
    rows = {z.id: z for z in session.scalars(select(ZoneRow).where(ZoneRow.id.in_(zones)))}
    missing = [z for z in zones if z not in rows]
    if missing:
        raise ScheduleValueError(f"unknown zones: {', '.join(missing)}", "schedule.unknown_zones", zones=", ".join(missing))
    for zone in rows.values():
        require(actor, action, commune=zone.commune)
    assert_playable(session, bulletin)
    row = BookingRow(
        bulletin_id=bulletin_id,
        zones=list(zones),
        priority=priority,
        rule=rule,
        starts_on=starts_on,
        until=until,
        slot=slot,
        repeat=repeat,
        gap_s=gap_s,
        fire_at=fire_at,
        until_at=until_at,
        created_by=actor.username,
    )
    session.add(row)
    session.flush()
    if bulletin.state == "approved":
        bulletin.state = "scheduled"
    audit(
        session,
        actor,
        "booking.created",
        f"booking:{row.id}",
        bulletin=bulletin_id,
        zones=zones,
        rule=rule,
        priority=priority,
        starts_on=starts_on.isoformat(),
        slot=slot,
    )
    return row


def zone_languages(session: Session) -> dict[str, tuple[str, ...]]:
    return {z.id: tuple(z.languages or ["vi"]) for z in session.scalars(select(ZoneRow))}


def booked_duration_ms(
    session: Session, bulletin: Bulletin, zones: Sequence[str], languages: dict[str, tuple[str, ...]] | None = None
) -> int | None:
    """How long a booking of the approved bulletin lasts in the longest of its zones' language mixes
    (a relay: its approved window); None when nothing of it may play."""
    spoken = languages if languages is not None else zone_languages(session)
    return airing.booked_duration_ms(SessionRows(session), bulletin, zones, spoken)


def build_planner(session: Session, first: date, days: int) -> Planner:
    """Every zone and every live booking of a bulletin with an approval on air."""
    return airing.plan_rows(SessionRows(session), first, days)


def zone_programmes(session: Session, plan: Plan, media_base_url: str, now: datetime) -> dict[str, list[dict[str, Any]]]:
    """Each zone's programme entries, built once per zone: every device of a zone gets the same.

    A zone gets the approved audio of its own languages (a Vietnamese-only zone never the
    H'Mông track). Items ended more than a day ago drop out; the rest stay so that a
    programme is stable through the day (devices skip what they played or missed, by item id).
    """
    horizon = now - timedelta(days=1)
    languages = zone_languages(session)
    media_cache: dict[tuple[str, tuple[str, ...]], MediaAsset | None] = {}
    streams: dict[str, dict[str, Any] | None] = {}
    out: dict[str, list[dict[str, Any]]] = {}
    for item in plan.items:
        if item.ends_at <= horizon:
            continue
        entries = out.setdefault(item.zone, [])
        spoken = languages.get(item.zone, ("vi",))
        if (item.bulletin_id, spoken) not in media_cache:
            media_cache[item.bulletin_id, spoken] = approved_media(session, int(item.bulletin_id), spoken)
        if item.bulletin_id not in streams:
            bulletin = session.get(Bulletin, int(item.bulletin_id))
            streams[item.bulletin_id] = stream_of(bulletin, session) if bulletin is not None else None
        media, stream = media_cache[item.bulletin_id, spoken], streams[item.bulletin_id]
        if stream is None and media is None:
            continue
        entry = programme_entry(
            item.id,
            item.starts_at,
            item.priority.name.lower(),
            item.bulletin_id,
            item.title,
            media=media_ref(media, media_base_url) if stream is None and media is not None else None,
            stream=StreamRef(str(stream["url"]), int(stream["duration_ms"])) if stream is not None else None,
        )  # a relay's entry carries the live stream the device plays for the booked window
        entries.append(entry.to_dict())
    return out


def device_programmes(
    session: Session, plan: Plan, media_base_url: str, now: datetime
) -> dict[str, tuple[str, list[dict[str, Any]]]]:
    """Each device's programme entries and the zone id. The devices of a zone share one list
    (`zone_programmes`): read it, do not change it."""
    zones = zone_programmes(session, plan, media_base_url, now)
    empty: list[dict[str, Any]] = []
    return {
        device_id: (zone_id, zones.get(zone_id, empty))
        for device_id, zone_id in session.execute(select(DeviceRow.id, DeviceRow.zone_id))
    }


def media_ref(media: MediaAsset, base_url: str) -> MediaRef:
    """How a device finds and checks a rendered bulletin: its immutable URL, sha256 and size."""
    return MediaRef(f"{base_url}{media.sha256}.{media.extension}", media.sha256, media.bytes, media.duration_ms, media.extension)


def stream_of(bulletin: Bulletin, session: Session | None = None) -> dict[str, Any] | None:
    """The `stream` object of a relay's (or live microphone's) programme entry (docs/protocol.md);
    None for a bulletin with audio. With a session, a relay's is the stream its approval on air bound."""
    return airing.stream_of(bulletin, SessionRows(session) if session is not None else None)


def programme_sha(entries: list[dict[str, Any]], timetable: dict[str, Any] | None = None) -> str:
    """What a pushed programme is compared by: a changed timetable is a changed programme."""
    data: Any = entries if timetable is None else {"items": entries, "timetable": timetable}
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()

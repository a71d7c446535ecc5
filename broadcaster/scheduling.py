"""Scheduling wired to the store: zones and bookings from rows, programmes for devices."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.models import BookingRow, Bulletin, DeviceRow, MediaAsset, ZoneRow
from broadcaster.workflow import Action, Actor, WorkflowError, assert_playable, audit, require
from schedules.model import Booking, Priority, ProgrammeItem, QuietHours, ScheduleValueError, Slot, Zone
from schedules.planner import Plan, Planner

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _hhmm(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError as exc:
        raise ScheduleValueError(f"{text!r} is not a time of day (HH:MM)") from exc


def zone_of(row: ZoneRow) -> Zone:
    slots = tuple(Slot(_hhmm(s["start"]), timedelta(minutes=float(s.get("minutes", 15)))) for s in row.slots or [])
    quiet = tuple(QuietHours(_hhmm(q["start"]), _hhmm(q["end"])) for q in row.quiet or [])
    return Zone(row.id, row.name, row.commune, row.timezone, slots, quiet, tuple(row.languages or ["vi"]), row.max_plays_per_day)


def aware(moment: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes even for timezone-aware columns; the store keeps UTC."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def booking_of(row: BookingRow, duration_s: float, title: str) -> Booking:
    return Booking(
        id=str(row.id),
        bulletin_id=str(row.bulletin_id),
        zones=tuple(row.zones),
        duration_s=duration_s,
        starts_on=row.starts_on,
        priority=Priority.parse(row.priority),
        rule=row.rule or "",
        until=row.until,
        slot=_hhmm(row.slot) if row.slot else None,
        repeat=row.repeat,
        gap=timedelta(seconds=row.gap_s),
        at=aware(row.fire_at),
        until_at=aware(row.until_at),
        title=title,
        created_at=row.created_at.replace(tzinfo=None) if row.created_at else datetime(1970, 1, 1),
    )


def recurrence(daily: bool = False, weekly: str | None = None, monthly: bool = False, rule: str | None = None) -> str:
    """The RRULE for the usual choices of an official; an explicit RFC 5545 rule wins."""
    if rule:
        return rule
    if weekly:
        days = [d.strip().upper()[:2] for d in weekly.split(",") if d.strip()]
        bad = [d for d in days if d not in WEEKDAYS]
        if bad or not days:
            raise ScheduleValueError(f"weekdays must be among {','.join(WEEKDAYS)}, not {weekly!r}")
        return "FREQ=WEEKLY;BYDAY=" + ",".join(days)
    if monthly:
        return "FREQ=MONTHLY"
    return "FREQ=DAILY" if daily else ""


def latest_media(session: Session, bulletin_id: int) -> MediaAsset | None:
    return session.scalars(
        select(MediaAsset)
        .where(MediaAsset.bulletin_id == bulletin_id, MediaAsset.codec == "mp3")
        .order_by(MediaAsset.created_at.desc())
    ).first()


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
    """Book an approved bulletin; officials only in their own communes.

    :raises PermissionDenied: for a zone outside the official's communes.
    :raises WorkflowError: for a bulletin that is not approved.
    :raises ScheduleValueError: for unknown zones or settings.
    """
    Priority.parse(priority)
    bulletin = session.get(Bulletin, bulletin_id)
    if bulletin is None:
        raise WorkflowError(f"no bulletin {bulletin_id}")
    rows = {z.id: z for z in session.scalars(select(ZoneRow).where(ZoneRow.id.in_(zones)))}
    missing = [z for z in zones if z not in rows]
    if missing:
        raise ScheduleValueError(f"unknown zones: {', '.join(missing)}")
    for zone in rows.values():
        require(actor, Action.EMERGENCY if priority == "emergency" else Action.BOOK, commune=zone.commune)
    assert_playable(session, bulletin)
    if until and until < starts_on:
        raise ScheduleValueError("the booking ends before it starts")
    if slot:
        _hhmm(slot)
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


def build_planner(session: Session, first: date, days: int) -> Planner:
    """Every zone and every live booking of a playable bulletin."""
    zones = [zone_of(z) for z in session.scalars(select(ZoneRow))]
    planner = Planner(zones, first, days)
    bookings = []
    for row in session.scalars(select(BookingRow).where(BookingRow.withdrawn.is_(False))):
        bulletin = session.get(Bulletin, row.bulletin_id)
        media = latest_media(session, row.bulletin_id)
        if bulletin is None or media is None:
            continue
        try:
            assert_playable(session, bulletin)
        except WorkflowError:
            continue  # unapproved, withdrawn or edited since approval: never planned
        bookings.append(booking_of(row, media.duration_ms / 1000, bulletin.title))
    planner.add(*bookings)
    return planner


def device_programmes(
    session: Session, plan: Plan, media_base_url: str, now: datetime
) -> dict[str, tuple[str, list[dict[str, Any]]]]:
    """Each device's programme entries and the zone id.

    Items ended more than a day ago drop out; the rest stay so that a programme is stable
    through the day (devices skip what they played or missed, by item id).
    """
    by_zone: dict[str, list[ProgrammeItem]] = {}
    horizon = now - timedelta(days=1)
    for item in plan.items:
        if item.ends_at > horizon:
            by_zone.setdefault(item.zone, []).append(item)
    media_cache: dict[str, MediaAsset | None] = {}
    out: dict[str, tuple[str, list[dict[str, Any]]]] = {}
    for device in session.scalars(select(DeviceRow)):
        entries = []
        for item in by_zone.get(device.zone_id, []):
            if item.bulletin_id not in media_cache:
                media_cache[item.bulletin_id] = latest_media(session, int(item.bulletin_id))
            media = media_cache[item.bulletin_id]
            if media is None:
                continue
            entries.append(
                {
                    "id": item.id,
                    "starts_at": item.starts_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
                    "duration_ms": media.duration_ms,
                    "priority": item.priority.name.lower(),
                    "bulletin": item.bulletin_id,
                    "title": item.title,
                    "media": {
                        "url": f"{media_base_url}{media.sha256}.{media.extension}",
                        "sha256": media.sha256,
                        "bytes": media.bytes,
                        "duration_ms": media.duration_ms,
                        "codec": media.extension,
                    },
                }
            )
        out[device.id] = (device.zone_id, entries)
    return out


def programme_sha(entries: list[dict[str, Any]]) -> str:
    return hashlib.sha256(json.dumps(entries, sort_keys=True, ensure_ascii=False).encode()).hexdigest()

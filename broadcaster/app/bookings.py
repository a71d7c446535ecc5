"""Bookings as officials make them: checked before saving, listed, cancelled and edited (audited).

Every problem is found at the moment of booking and said with a code and parameters
(`schedules.messages` says them in Vietnamese): a past date, a slot already gone today, quiet
hours, a time that is not one of the zone's slots, an overrun (with the minutes), the zone's
daily limit, the same bulletin twice in one slot, an invalid rule. The planner itself decides
overruns and limits: the candidate is planned with the live bookings and its rejections are
the answer, so what the form promises is what the service will do.

Overrides only where the rules allow: a priority booking may bump normal plays, once the
official has seen which ones and confirmed; an emergency goes through the emergency path.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.app.approval import assert_playable
from broadcaster.app.planning import _hhmm, book, booked_duration_ms, build_planner, local_today, zone_of
from broadcaster.app.timetables import off_slots
from broadcaster.app.workflow import Action, Actor, Role, WorkflowError, audit, require
from broadcaster.store.models import BookingRow, Bulletin, ZoneRow
from schedules.model import Booking, Priority, ScheduleValueError
from schedules.planner import Planner, occurrence_days
from schedules.recurrence import check_rule

HORIZON_DAYS = 366  # how far ahead a booking may start
TRIAL_DAYS = 31  # the days planned to check a booking against the others
CANDIDATE = "candidate"


class BookingRefused(ScheduleValueError):
    """A booking with problems; `problems` holds every one (the first is the exception's own code)."""

    def __init__(self, problems: list[ScheduleValueError]) -> None:
        first = problems[0]
        super().__init__(str(first), first.code, **first.params)
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Ask:
    """What an official asks for; `slot` is one of the zones' slots ("HH:MM")."""

    bulletin_id: int
    zones: tuple[str, ...]
    starts_on: date
    slot: str | None = None
    rule: str = ""
    until: date | None = None
    priority: str = "normal"
    confirm: bool = False  # the official saw what a priority booking displaces and agreed
    repeat: int = 1
    gap_s: int = 0
    until_at: datetime | None = None  # a CAP alert's expiry: no play after it


def _problem(message: str, code: str, **params: object) -> ScheduleValueError:
    return ScheduleValueError(message, code, **params)


def check(session: Session, ask: Ask, now: datetime, tz: str, replacing: int | None = None) -> list[ScheduleValueError]:
    """Every problem with a booking request, in the order an official fixes them; [] when it can be saved."""
    problems: list[ScheduleValueError] = []
    try:
        priority = Priority.parse(ask.priority)
    except ScheduleValueError as exc:
        return [exc]
    if priority is Priority.EMERGENCY:
        return [_problem("emergencies go through the emergency path", "booking.emergency_path")]
    if not ask.zones:
        return [_problem("choose at least one zone", "booking.no_zone")]
    rows = {z.id: z for z in session.scalars(select(ZoneRow).where(ZoneRow.id.in_(ask.zones)))}
    missing = [z for z in ask.zones if z not in rows]
    if missing:
        return [_problem(f"unknown zones: {', '.join(missing)}", "schedule.unknown_zones", zones=", ".join(missing))]
    today = local_today(session, ask.zones, now, tz)  # the zones' date, not the service's nor UTC's
    if ask.starts_on < today:
        problems.append(_problem(f"{ask.starts_on} is in the past", "booking.past_date", day=ask.starts_on))
    elif ask.starts_on > today + timedelta(days=HORIZON_DAYS):
        problems.append(_problem("starts too far ahead", "booking.too_far", day=ask.starts_on, days=HORIZON_DAYS))
    if ask.until and ask.until < ask.starts_on:
        problems.append(
            _problem("the booking ends before it starts", "schedule.ends_before_start", day=ask.starts_on, until=ask.until)
        )
    if ask.rule:
        try:
            check_rule(ask.rule, ask.starts_on)
        except ScheduleValueError as exc:
            problems.append(exc)
    wanted: time | None = None
    if ask.slot:
        try:
            wanted = _hhmm(ask.slot)
        except ScheduleValueError as exc:
            problems.append(exc)
    problems += _slot_problems(list(rows.values()), ask, wanted, now)
    if problems:
        return problems
    return _trial(session, ask, priority, today, replacing)


def _slot_problems(rows: list[ZoneRow], ask: Ask, wanted: time | None, now: datetime) -> list[ScheduleValueError]:
    """The slot asked for (or each zone's first) in each zone: one of its slots, not in quiet hours, not gone today."""
    problems: list[ScheduleValueError] = []
    for zone_row in rows:
        zone = zone_of(zone_row)
        starts = [s.start for s in zone.slots]
        if not starts:
            problems.append(_problem(f"{zone.name} has no slots", "booking.no_slots", zone=zone.name))
            continue
        slot = wanted or starts[0]
        if slot not in starts:
            problems.append(
                _problem(
                    f"{zone.name} has no slot at {slot:%H:%M}",
                    "booking.not_a_slot",
                    zone=zone.name,
                    slot=f"{slot:%H:%M}",
                    slots=", ".join(f"{s:%H:%M}" for s in starts),
                )
            )
            continue
        local = datetime.combine(ask.starts_on, slot, tzinfo=zone.tz)
        if zone.is_quiet(local):
            problems.append(_problem("slot in quiet hours", "slot.quiet", zone=zone.name, slot=f"{slot:%H:%M}"))
        local_now = now.astimezone(zone.tz)
        if ask.starts_on == local_now.date() and local <= local_now and not ask.rule:
            problems.append(_problem("the slot is gone today", "booking.slot_gone", slot=f"{slot:%H:%M}", day=ask.starts_on))
    return problems


def _trial(session: Session, ask: Ask, priority: Priority, today: date, replacing: int | None) -> list[ScheduleValueError]:
    """Plan the candidate with the live bookings; its rejections, duplicates and what it displaces."""
    first = max(ask.starts_on, today)
    planner = build_planner(session, first, TRIAL_DAYS)
    if replacing is not None:
        planner.remove(str(replacing))
    before = planner.plan()
    bulletin = session.get(Bulletin, ask.bulletin_id)
    # the longest of its zones' language mixes, or a relay's whole window (a 15-minute relay in a 10-minute slot is refused)
    duration_ms = booked_duration_ms(session, bulletin, list(ask.zones)) if bulletin is not None else None
    duration = (duration_ms or 0) / 1000
    candidate = Booking(
        CANDIDATE,
        str(ask.bulletin_id),
        ask.zones,
        duration,
        ask.starts_on,
        priority,
        ask.rule,
        ask.until,
        _hhmm(ask.slot) if ask.slot else None,
        title=bulletin.title if bulletin else "",
        created_at=datetime.max,
    )
    problems: list[ScheduleValueError] = []
    duplicate = _duplicate(planner, candidate, first)
    if duplicate is not None:
        return [duplicate]
    planner.add(candidate)
    after = planner.plan()
    seen: set[str] = set()
    for rejection in after.rejections:
        if rejection.booking == CANDIDATE and rejection.code not in seen:
            seen.add(rejection.code)
            problems.append(_problem(rejection.reason, rejection.code, **rejection.params))
    if problems:
        return problems
    planned_before = {(i.booking, i.zone, i.starts_at.date()) for i in before.items}
    planned_after = {(i.booking, i.zone, i.starts_at.date()) for i in after.items}
    bumped = sorted(planned_before - planned_after)
    if bumped and not ask.confirm:
        what = ", ".join(f"lịch #{b} ngày {d:%d/%m}" for b, _, d in bumped[:5]) + ("…" if len(bumped) > 5 else "")
        problems.append(_problem("a priority booking displaces others", "booking.displaces", count=len(bumped), what=what))
    return problems


def _duplicate(planner: Planner, candidate: Booking, first: date) -> ScheduleValueError | None:
    """The same bulletin booked twice in one slot of a zone on a day of the trial window, if it is."""
    days = occurrence_days(candidate, first, first + timedelta(days=TRIAL_DAYS - 1))
    for other in planner.bookings.values():
        if other.bulletin_id != candidate.bulletin_id or not set(other.zones) & set(candidate.zones):
            continue
        for zone_id in set(other.zones) & set(candidate.zones):
            zone = planner.zones[zone_id]
            if _slot_of(zone, other.slot) != _slot_of(zone, candidate.slot):
                continue
            shared = sorted(set(days) & set(occurrence_days(other, first, first + timedelta(days=TRIAL_DAYS - 1))))
            if shared:
                slot = _slot_of(zone, candidate.slot)
                return _problem(
                    "the same bulletin twice in one slot",
                    "booking.duplicate",
                    slot=f"{slot:%H:%M}" if slot else "",
                    day=shared[0],
                    zone=zone.name,
                    other=other.id,
                )
    return None


def _slot_of(zone: Any, slot: time | None) -> time | None:
    return slot if slot is not None else (zone.slots[0].start if zone.slots else None)


def create(session: Session, actor: Actor, ask: Ask, now: datetime, tz: str) -> BookingRow:
    """Check, then book; the audit records what an official confirmed.

    The one way a front door books (the form, the API, the CLI, the spreadsheet import, the
    demo, CAP alerts): `planning.book` below it stores without these checks.

    :raises BookingRefused: with every problem, before anything is saved.
    """
    for zone in session.scalars(select(ZoneRow).where(ZoneRow.id.in_(ask.zones))):
        require(actor, Action.BOOK, commune=zone.commune)  # whose commune comes before what is wrong
    bulletin = session.get(Bulletin, ask.bulletin_id)
    if bulletin is None:
        raise WorkflowError(f"no bulletin {ask.bulletin_id}", "workflow.no_bulletin", bulletin=ask.bulletin_id)
    assert_playable(session, bulletin)  # an unapproved bulletin is refused for that, before its slot
    problems = check(session, ask, now, tz)
    if problems:
        raise BookingRefused(problems)
    row = book(
        session,
        actor,
        ask.bulletin_id,
        list(ask.zones),
        ask.starts_on,
        ask.rule,
        ask.until,
        ask.slot,
        ask.priority,
        ask.repeat,
        ask.gap_s,
        until_at=ask.until_at,
    )
    if ask.confirm and ask.priority == "priority":
        audit(session, actor, "booking.override_confirmed", f"booking:{row.id}")
    return row


def amplifier_warnings(session: Session, ask: Ask) -> list[str]:
    """Zones whose amplifier timetable has it off at the booked slot: saved, but said (in Vietnamese)."""
    warnings = []
    for row in session.scalars(select(ZoneRow).where(ZoneRow.id.in_(ask.zones)).order_by(ZoneRow.id)):
        starts = [str(s["start"])[:5] for s in row.slots or []]
        slot = (ask.slot or (starts[0] if starts else ""))[:5]
        if slot and slot in off_slots(row):
            warnings.append(
                f"Lưu ý: ampli của vùng {row.id} tắt lúc {slot} theo lịch bật/tắt ampli; "
                "bản tin thường vào giờ đó sẽ không phát (được báo là “không phát”)."
            )
    return warnings


def _own(session: Session, actor: Actor, booking_id: int) -> BookingRow:
    row = session.get(BookingRow, booking_id)
    if row is None:
        raise ScheduleValueError(f"no booking {booking_id}", "booking.not_found", booking=booking_id)
    for zone in session.scalars(select(ZoneRow).where(ZoneRow.id.in_(row.zones))):
        require(actor, Action.BOOK, commune=zone.commune)
    return row


def listing(session: Session, actor: Actor, zone: str | None = None, include_cancelled: bool = False) -> list[dict[str, Any]]:
    """The bookings an actor may see (officials: their communes), newest first.

    :raises PermissionDenied: for editors, approvers and translators (see `operations.require_operations`).
    """
    from broadcaster.app.operations import require_operations

    require_operations(actor, "the bookings")
    communes = {z.id: z.commune for z in session.scalars(select(ZoneRow))}
    query = select(BookingRow).order_by(BookingRow.id.desc())
    out = []
    for row in session.scalars(query):
        if row.withdrawn and not include_cancelled:
            continue
        if zone and zone not in row.zones:
            continue
        if actor.role is Role.OFFICIAL and not all(communes.get(z) in actor.communes for z in row.zones):
            continue
        bulletin = session.get(Bulletin, row.bulletin_id)
        out.append(
            {
                "id": row.id,
                "bulletin": row.bulletin_id,
                "title": bulletin.title if bulletin else "",
                "zones": list(row.zones),
                "starts_on": row.starts_on.isoformat(),
                "until": row.until.isoformat() if row.until else None,
                "slot": row.slot,
                "rule": row.rule,
                "priority": row.priority,
                "created_by": row.created_by,
                "cancelled": row.withdrawn,
            }
        )
    return out


def cancel(session: Session, actor: Actor, booking_id: int, reason: str) -> BookingRow:
    """Cancel one booking (not the bulletin): its future plays go at the next re-plan."""
    if not reason.strip():
        raise ScheduleValueError("a cancellation needs a reason", "booking.reason_required")
    row = _own(session, actor, booking_id)
    if row.withdrawn:
        raise ScheduleValueError(f"booking {booking_id} is cancelled already", "booking.cancelled", booking=booking_id)
    row.withdrawn = True
    audit(session, actor, "booking.cancelled", f"booking:{row.id}", reason=reason.strip(), bulletin=row.bulletin_id)
    return row


def edit(session: Session, actor: Actor, booking_id: int, ask: Ask, now: datetime, tz: str) -> BookingRow:
    """Change a booking's zones, dates, slot, rule or class; checked like a new one, audited with before/after."""
    row = _own(session, actor, booking_id)
    if row.withdrawn:
        raise ScheduleValueError(f"booking {booking_id} is cancelled", "booking.cancelled", booking=booking_id)
    if row.priority == "emergency" or row.fire_at is not None or row.until_at is not None:
        raise ScheduleValueError(f"booking {booking_id} is not editable", "booking.not_editable", booking=booking_id)
    ask = Ask(row.bulletin_id, ask.zones, ask.starts_on, ask.slot, ask.rule, ask.until, ask.priority, ask.confirm)
    problems = check(session, ask, now, tz, replacing=row.id)
    if problems:
        raise BookingRefused(problems)
    for zone in session.scalars(select(ZoneRow).where(ZoneRow.id.in_(ask.zones))):
        require(actor, Action.BOOK, commune=zone.commune)
    before = {k: str(getattr(row, k)) for k in ("zones", "starts_on", "until", "slot", "rule", "priority")}
    row.zones, row.starts_on, row.until, row.slot, row.rule, row.priority = (
        list(ask.zones),
        ask.starts_on,
        ask.until,
        ask.slot,
        ask.rule,
        ask.priority,
    )
    after = {k: str(getattr(row, k)) for k in before}
    audit(session, actor, "booking.edited", f"booking:{row.id}", before=before, after=after)
    return row

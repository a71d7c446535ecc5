"""Build each zone's programme from bookings: slots, priorities, quiet hours, limits.

Deterministic: the same bookings give the same items (ids are hashes of zone, booking and
start). Within a slot, items play back to back, priority before normal, then by booking
time; what does not fit is rejected with a reason, never dropped silently.

Incremental: `Planner` keeps each zone's plan; changing or withdrawing a booking re-plans
only the zones that booking touches.

Fault-tolerant: a booking that cannot be planned at all (a bad rule stored before rules were
checked, an unknown zone, an emergency without its firing time) is skipped and reported as a
rejection of its own; the other bookings of every zone are planned as usual.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from schedules.model import Booking, Priority, ProgrammeItem, Rejection, ScheduleValueError, Slot, Zone
from schedules.recurrence import expand, parse_rule

GAP_BETWEEN_ITEMS_S = 2.0


@dataclass
class Plan:
    items: list[ProgrammeItem] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    def for_zone(self, zone: str) -> list[ProgrammeItem]:
        return sorted((i for i in self.items if i.zone == zone), key=lambda i: i.starts_at)


def occurrence_days(booking: Booking, first: date, last: date) -> list[date]:
    """Local dates on which the booking plays, within [first, last] and its validity window.

    Recurrences expand on local dates (the zone's wall clock), never on UTC instants, so a
    07:00 bulletin stays at 07:00 across month ends and midnight.

    :raises ScheduleValueError: for a rule that is invalid or more frequent than daily.
    """
    end = min(last, booking.until) if booking.until else last
    start = max(first, booking.starts_on)
    if start > end:
        return []
    if not booking.rule:
        return [booking.starts_on] if first <= booking.starts_on <= end else []
    return expand(parse_rule(booking.rule), booking.starts_on, start, end)


def _slot_for(zone: Zone, booking: Booking) -> Slot | None:
    if booking.slot is None:
        return zone.slots[0] if zone.slots else None
    return next((s for s in zone.slots if s.start == booking.slot), None)


def plan_zone(
    zone: Zone,
    bookings: list[Booking],
    first: date,
    last: date,
    days_of: dict[str, list[date] | ScheduleValueError] | None = None,
) -> Plan:
    """One zone's programme from `first` to `last` (local dates, inclusive)."""
    result = Plan()
    tz = zone.tz
    days_of = {} if days_of is None else days_of
    wanted: dict[tuple[date, Slot], list[Booking]] = defaultdict(list)
    for booking in bookings:
        if booking.priority is Priority.EMERGENCY:
            _emergency(zone, booking, result, first)
            continue
        slot = _slot_for(zone, booking)
        if booking.id not in days_of:
            try:
                days_of[booking.id] = occurrence_days(booking, first, last)
            except ScheduleValueError as exc:
                days_of[booking.id] = exc
        days = days_of[booking.id]
        if isinstance(days, ScheduleValueError):
            result.rejections.append(skipped(booking.id, zone.id, first, days))
            continue
        for day in days:
            if slot is None:
                wanted_at = booking.slot.strftime("%H:%M") if booking.slot else "any"
                result.rejections.append(
                    Rejection(
                        booking.id,
                        zone.id,
                        day,
                        f"{zone.name} has no slot at {wanted_at}",
                        "slot.missing",
                        {"zone": zone.name, "slot": wanted_at},
                    )
                )
                continue
            wanted[(day, slot)].extend([booking] * max(1, booking.repeat))
    plays_per_day: dict[date, int] = defaultdict(int)
    for (day, slot), queue in sorted(wanted.items(), key=lambda kv: (kv[0][0], kv[0][1].start)):
        _fill_slot(zone, day, slot, queue, plays_per_day, result, tz)
    result.items.sort(key=lambda i: i.starts_at)
    return result


def skipped(booking: str, zone: str, day: date, exc: ScheduleValueError) -> Rejection:
    """A booking the planner cannot plan at all, reported instead of failing the plan."""
    return Rejection(
        booking,
        zone,
        day,
        f"booking {booking} skipped: {exc}",
        "booking.skipped",
        {"booking": booking, "why": exc.code, **exc.params},
    )


def _fill_slot(
    zone: Zone, day: date, slot: Slot, queue: list[Booking], plays_per_day: dict[date, int], result: Plan, tz: object
) -> None:
    """Play the slot's bookings one after another, by priority then age; a booking that cannot
    take its turn is reported (quiet hours, expired, over the slot, the zone's daily limit)."""
    local_start = datetime.combine(day, slot.start, tzinfo=tz)  # type: ignore[arg-type]
    if zone.is_quiet(local_start):
        for b in queue:
            result.rejections.append(
                Rejection(
                    b.id,
                    zone.id,
                    day,
                    f"slot {slot.start:%H:%M} falls in quiet hours",
                    "slot.quiet",
                    {"zone": zone.name, "slot": f"{slot.start:%H:%M}"},
                )
            )
        return
    cursor = local_start
    slot_end = local_start + slot.length
    queue.sort(key=lambda b: (b.priority, b.created_at, b.id))
    for b in queue:
        end = cursor + timedelta(seconds=b.duration_s)
        refused = _turn_refused(zone, day, slot, b, cursor, end - slot_end, plays_per_day[day], tz)
        if refused is not None:
            result.rejections.append(refused)
            continue
        starts = cursor.astimezone(UTC)
        item_id = ProgrammeItem.make_id(zone.id, b.id, starts)
        result.items.append(ProgrammeItem(item_id, zone.id, b.id, b.bulletin_id, starts, b.duration_s, b.priority, b.title))
        plays_per_day[day] += 1
        cursor = end + timedelta(seconds=GAP_BETWEEN_ITEMS_S) + b.gap


def _turn_refused(
    zone: Zone, day: date, slot: Slot, b: Booking, cursor: datetime, overrun: timedelta, plays_today: int, tz: object
) -> Rejection | None:
    """Why the booking cannot play at `cursor` in the slot (`overrun`: how far past the slot's
    end it would finish), or None when it can."""
    if b.until_at and cursor >= b.until_at:
        return Rejection(
            b.id,
            zone.id,
            day,
            f"booking expired at {b.until_at:%Y-%m-%d %H:%M} UTC",
            "booking.expired",
            {"at": b.until_at.astimezone(tz).strftime("%H:%M %d/%m/%Y")},  # type: ignore[arg-type]
        )
    if overrun > timedelta(0):
        minutes = max(1, round(overrun.total_seconds() / 60))
        return Rejection(
            b.id,
            zone.id,
            day,
            f"slot {slot.start:%H:%M} on {day} in {zone.name} is {minutes} min over",
            "slot.overrun",
            {"zone": zone.name, "slot": f"{slot.start:%H:%M}", "day": day, "minutes": minutes},
        )
    if plays_today >= zone.max_plays_per_day:
        return Rejection(
            b.id,
            zone.id,
            day,
            f"{zone.name} already has {zone.max_plays_per_day} plays on {day}",
            "zone.daily_limit",
            {"zone": zone.name, "limit": zone.max_plays_per_day, "day": day},
        )
    return None


def _emergency(zone: Zone, booking: Booking, result: Plan, first: date) -> None:
    """Emergencies play at once, in quiet hours too, repeated with their gap.

    Only the emergency path sets the instant; an "emergency" without one (an old booking
    made through the ordinary form) is never placed at midnight but reported.
    """
    if booking.at is None:
        exc = ScheduleValueError("an emergency has no firing time", "booking.emergency_path")
        result.rejections.append(skipped(booking.id, zone.id, first, exc))
        return
    start = booking.at
    for n in range(max(1, booking.repeat)):
        at = start + n * (timedelta(seconds=booking.duration_s) + booking.gap)
        if booking.until_at and at >= booking.until_at:
            break
        item_id = ProgrammeItem.make_id(zone.id, booking.id, at)
        result.items.append(
            ProgrammeItem(
                item_id, zone.id, booking.id, booking.bulletin_id, at, booking.duration_s, booking.priority, booking.title
            )
        )


class Planner:
    """Keeps every zone's plan and re-plans only what a change touches."""

    def __init__(self, zones: list[Zone], first: date, days: int) -> None:
        if days < 1:
            raise ScheduleValueError("plan at least one day", "schedule.no_days")
        self.zones = {z.id: z for z in zones}
        self.first, self.last = first, first + timedelta(days=days - 1)
        self.bookings: dict[str, Booking] = {}
        self.by_zone: dict[str, set[str]] = defaultdict(set)
        self.plans: dict[str, Plan] = {}
        self._days: dict[str, list[date] | ScheduleValueError] = {}
        self.problems: dict[str, list[Rejection]] = {}

    def add(self, *bookings: Booking) -> set[str]:
        """Add or replace bookings; returns the zones re-planned."""
        touched: set[str] = set()
        for booking in bookings:
            touched |= self._forget(booking.id)
            unknown = [z for z in booking.zones if z not in self.zones]
            if unknown:  # reported, and planned in the zones that exist
                exc = ScheduleValueError(
                    f"booking {booking.id} names unknown zones: {', '.join(unknown)}",
                    "schedule.unknown_zones",
                    zones=", ".join(unknown),
                )
                self.problems[booking.id] = [skipped(booking.id, z, self.first, exc) for z in unknown]
            self.bookings[booking.id] = booking
            for zone in booking.zones:
                if zone in self.zones:
                    self.by_zone[zone].add(booking.id)
                    touched.add(zone)
        self._replan(touched)
        return touched

    def report(self, booking_id: str, rejection: Rejection) -> None:
        """Record a booking that could not even be read (bad stored row): shown with the plan."""
        self.problems.setdefault(booking_id, []).append(rejection)

    def remove(self, booking_id: str) -> set[str]:
        touched = self._forget(booking_id)
        self._replan(touched)
        return touched

    def withdraw_bulletin(self, bulletin_id: str) -> set[str]:
        """Remove every booking of a bulletin: all its future items disappear everywhere."""
        touched: set[str] = set()
        for booking_id in [b.id for b in self.bookings.values() if b.bulletin_id == bulletin_id]:
            touched |= self._forget(booking_id)
        self._replan(touched)
        return touched

    def _forget(self, booking_id: str) -> set[str]:
        old = self.bookings.pop(booking_id, None)
        self._days.pop(booking_id, None)
        self.problems.pop(booking_id, None)
        if old is None:
            return set()
        for zone in old.zones:
            self.by_zone[zone].discard(booking_id)
        return {z for z in old.zones if z in self.zones}

    def _replan(self, zones: set[str]) -> None:
        for zone_id in zones:
            bookings = [self.bookings[b] for b in sorted(self.by_zone[zone_id])]
            self.plans[zone_id] = plan_zone(self.zones[zone_id], bookings, self.first, self.last, self._days)

    def replan_all(self) -> None:
        self._replan(set(self.zones))

    def plan(self) -> Plan:
        out = Plan()
        for zone_id in sorted(self.plans):
            out.items.extend(self.plans[zone_id].items)
            out.rejections.extend(self.plans[zone_id].rejections)
        for booking_id in sorted(self.problems):
            out.rejections.extend(self.problems[booking_id])
        return out

    def zone_items(self, zone_id: str) -> list[ProgrammeItem]:
        return list(self.plans.get(zone_id, Plan()).items)


def plan(zones: list[Zone], bookings: list[Booking], first: date, days: int) -> Plan:
    """Plan `days` local days starting at `first` for every zone."""
    planner = Planner(zones, first, days)
    planner.add(*bookings)
    planner.replan_all()
    result = planner.plan()
    result.items.sort(key=lambda i: (i.zone, i.starts_at))
    return result

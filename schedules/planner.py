"""Build each zone's programme from bookings: slots, priorities, quiet hours, limits.

Deterministic: the same bookings give the same items (ids are hashes of zone, booking and
start). Within a slot, items play back to back, priority before normal, then by booking
time; what does not fit is rejected with a reason, never dropped silently.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from dateutil.rrule import rrulestr

from schedules.model import Booking, Priority, ProgrammeItem, Rejection, ScheduleValueError, Slot, Zone

GAP_BETWEEN_ITEMS_S = 2.0


@dataclass
class Plan:
    items: list[ProgrammeItem] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    def for_zone(self, zone: str) -> list[ProgrammeItem]:
        return sorted((i for i in self.items if i.zone == zone), key=lambda i: i.starts_at)


def occurrence_days(booking: Booking, first: date, last: date) -> list[date]:
    """Local dates on which the booking plays, within [first, last]."""
    end = min(last, booking.until) if booking.until else last
    if not booking.rule:
        return [booking.starts_on] if first <= booking.starts_on <= end else []
    try:
        rule = rrulestr(booking.rule, dtstart=datetime.combine(booking.starts_on, datetime.min.time()))
    except (ValueError, TypeError) as exc:
        raise ScheduleValueError(f"booking {booking.id}: invalid RRULE {booking.rule!r} ({exc})") from exc
    window = rule.between(datetime.combine(first, datetime.min.time()), datetime.combine(end, datetime.max.time()), inc=True)
    return [d.date() for d in window]


def _slot_for(zone: Zone, booking: Booking) -> Slot | None:
    if booking.slot is None:
        return zone.slots[0] if zone.slots else None
    return next((s for s in zone.slots if s.start == booking.slot), None)


def plan(zones: list[Zone], bookings: list[Booking], first: date, days: int) -> Plan:
    """Plan `days` local days starting at `first` for every zone."""
    result = Plan()
    last = first + timedelta(days=days - 1)
    by_zone: dict[str, list[Booking]] = defaultdict(list)
    for booking in bookings:
        for zone_id in booking.zones:
            by_zone[zone_id].append(booking)
    for zone in zones:
        _plan_zone(zone, by_zone.get(zone.id, []), first, last, result)
    result.items.sort(key=lambda i: (i.zone, i.starts_at))
    return result


def _plan_zone(zone: Zone, bookings: list[Booking], first: date, last: date, result: Plan) -> None:
    tz = zone.tz
    wanted: dict[tuple[date, Slot], list[Booking]] = defaultdict(list)
    for booking in bookings:
        if booking.priority is Priority.EMERGENCY:
            _emergency(zone, booking, result)
            continue
        slot = _slot_for(zone, booking)
        for day in occurrence_days(booking, first, last):
            if slot is None:
                result.rejections.append(Rejection(booking.id, zone.id, day, f"zone {zone.name} has no slot {booking.slot}"))
                continue
            wanted[(day, slot)].extend([booking] * max(1, booking.repeat))
    plays_per_day: dict[date, int] = defaultdict(int)
    for (day, slot), queue in sorted(wanted.items(), key=lambda kv: (kv[0][0], kv[0][1].start)):
        local_start = datetime.combine(day, slot.start, tzinfo=tz)
        if zone.is_quiet(local_start):
            for b in queue:
                result.rejections.append(Rejection(b.id, zone.id, day, f"slot {slot.start:%H:%M} falls in quiet hours"))
            continue
        cursor = local_start
        slot_end = local_start + slot.length
        queue.sort(key=lambda b: (b.priority, b.created_at, b.id))
        for b in queue:
            end = cursor + timedelta(seconds=b.duration_s)
            if end > slot_end:
                over = (end - slot_end).total_seconds() / 60
                result.rejections.append(
                    Rejection(b.id, zone.id, day, f"slot {slot.start:%H:%M} on {day} in {zone.name} is {over:.0f} min over")
                )
                continue
            if plays_per_day[day] >= zone.max_plays_per_day:
                result.rejections.append(
                    Rejection(b.id, zone.id, day, f"{zone.name} already has {zone.max_plays_per_day} plays on {day}")
                )
                continue
            starts = cursor.astimezone(UTC)
            item_id = ProgrammeItem.make_id(zone.id, b.id, starts)
            result.items.append(ProgrammeItem(item_id, zone.id, b.id, b.bulletin_id, starts, b.duration_s, b.priority, b.title))
            plays_per_day[day] += 1
            cursor = end + timedelta(seconds=GAP_BETWEEN_ITEMS_S) + b.gap
    return None


def _emergency(zone: Zone, booking: Booking, result: Plan) -> None:
    """Emergencies play at once, in quiet hours too, repeated with their gap."""
    start = booking.at or datetime.combine(booking.starts_on, datetime.min.time(), tzinfo=zone.tz).astimezone(UTC)
    for n in range(max(1, booking.repeat)):
        at = start + n * (timedelta(seconds=booking.duration_s) + booking.gap)
        item_id = ProgrammeItem.make_id(zone.id, booking.id, at)
        result.items.append(
            ProgrammeItem(
                item_id, zone.id, booking.id, booking.bulletin_id, at, booking.duration_s, booking.priority, booking.title
            )
        )

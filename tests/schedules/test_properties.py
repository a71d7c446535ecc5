"""Invariants of the planner over random bookings (hypothesis)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schedules.model import Booking, Priority, QuietHours, Slot, Zone
from schedules.planner import Planner

FIRST = date(2026, 12, 28)  # crosses a month and a year end
DAYS = 7
ZONES = [
    Zone(
        "z1",
        "Thôn 1",
        "xa-a",
        slots=(Slot(time(7, 0), timedelta(minutes=10)), Slot(time(17, 30), timedelta(minutes=10))),
        quiet=(QuietHours(time(21, 30), time(5, 30)),),
        max_plays_per_day=5,
    ),
    Zone(
        "z2",
        "Bản 2",
        "xa-a",
        slots=(Slot(time(5, 0), timedelta(minutes=8)), Slot(time(23, 55), timedelta(minutes=10))),
        quiet=(QuietHours(time(22, 0), time(5, 0)),),
        max_plays_per_day=3,
    ),
]
SLOT_TIMES = [None, time(7, 0), time(17, 30), time(5, 0), time(23, 55)]
RULES = ["", "FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=DAILY;INTERVAL=2"]


@st.composite
def bookings(draw: st.DrawFn) -> list[Booking]:
    out = []
    for n in range(draw(st.integers(1, 14))):
        priority = draw(st.sampled_from(list(Priority)))
        zones = tuple(draw(st.sets(st.sampled_from(["z1", "z2"]), min_size=1)))
        day = FIRST + timedelta(days=draw(st.integers(0, DAYS - 1)))
        at = None
        if priority is Priority.EMERGENCY:
            at = datetime.combine(day, time(draw(st.integers(0, 23)), draw(st.integers(0, 59))), tzinfo=UTC)
        out.append(
            Booking(
                id=f"b{n}",
                bulletin_id=f"bulletin{draw(st.integers(0, 4))}",
                zones=zones,
                duration_s=draw(st.integers(30, 400)),
                starts_on=day,
                priority=priority,
                rule=draw(st.sampled_from(RULES)),
                until=day + timedelta(days=draw(st.integers(0, 10))),
                slot=draw(st.sampled_from(SLOT_TIMES)),
                repeat=draw(st.integers(1, 3)),
                at=at,
                created_at=datetime(2026, 1, 1) + timedelta(minutes=n),
            )
        )
    return out


def check_invariants(planner: Planner) -> None:
    plan = planner.plan()
    assert len({i.id for i in plan.items}) == len(plan.items), "an item is scheduled twice"
    for zone in ZONES:
        items = sorted(planner.zone_items(zone.id), key=lambda i: i.starts_at)
        normal = [i for i in items if i.priority is not Priority.EMERGENCY]
        for a, b in zip(normal, normal[1:]):
            assert a.ends_at <= b.starts_at, f"overlap in {zone.id}: {a} / {b}"
        per_day: dict[date, int] = {}
        for item in normal:
            local = item.starts_at.astimezone(zone.tz)
            slot = next(
                (
                    s
                    for s in zone.slots
                    if datetime.combine(local.date(), s.start, tzinfo=zone.tz) <= local
                    and local + timedelta(seconds=item.duration_s)
                    <= datetime.combine(local.date(), s.start, tzinfo=zone.tz) + s.length
                ),
                None,
            )
            assert slot is not None, f"{item} is outside every slot"
            assert not zone.is_quiet(datetime.combine(local.date(), slot.start, tzinfo=zone.tz)), "played in quiet hours"
            per_day[local.date()] = per_day.get(local.date(), 0) + 1
        assert all(n <= zone.max_plays_per_day for n in per_day.values())
        by_slot: dict[tuple[date, time], list[Priority]] = {}
        for item in normal:
            local = item.starts_at.astimezone(zone.tz)
            slot_start = max(s.start for s in zone.slots if s.start <= local.time())
            by_slot.setdefault((local.date(), slot_start), []).append(item.priority)
        for priorities in by_slot.values():
            assert priorities == sorted(priorities), "a normal item played before a priority one"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bookings())
def test_planner_invariants(booked: list[Booking]) -> None:
    planner = Planner(ZONES, FIRST, DAYS)
    planner.add(*booked)
    check_invariants(planner)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bookings(), st.integers(0, 4))
def test_withdraw_removes_every_future_item_and_only_those(booked: list[Booking], victim: int) -> None:
    planner = Planner(ZONES, FIRST, DAYS)
    planner.add(*booked)
    before = {i.id for i in planner.plan().items if i.bulletin_id != f"bulletin{victim}"}
    planner.withdraw_bulletin(f"bulletin{victim}")
    after = planner.plan().items
    assert all(i.bulletin_id != f"bulletin{victim}" for i in after)
    assert {i.id for i in after} >= {i for i in before if i in {x.id for x in after}}
    check_invariants(planner)
    fresh = Planner(ZONES, FIRST, DAYS)
    fresh.add(*[b for b in booked if b.bulletin_id != f"bulletin{victim}"])
    assert sorted(i.id for i in after) == sorted(i.id for i in fresh.plan().items), "incremental equals full re-plan"

"""Planning 1,000 zones × 30 days with 500 bookings, and re-planning after one withdrawal."""

from __future__ import annotations

import random
import statistics
import time as clock
from datetime import date, datetime, time, timedelta

from schedules.model import Booking, Priority, QuietHours, Slot, Zone
from schedules.planner import Planner

RULES = ["FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO,TH", "FREQ=WEEKLY;BYDAY=TU,FR", "FREQ=MONTHLY;BYMONTHDAY=1,15", ""]


def build(zones_n: int, bookings_n: int, seed: int = 7) -> tuple[list[Zone], list[Booking]]:
    rng = random.Random(seed)
    zones = [
        Zone(
            f"z{i:04d}",
            f"Thôn {i}",
            f"xa-{i // 10}",
            slots=(Slot(time(7, 0)), Slot(time(17, 30))),
            quiet=(QuietHours(time(21, 30), time(5, 30)),),
            max_plays_per_day=8,
        )
        for i in range(zones_n)
    ]
    bookings = []
    for n in range(bookings_n):
        first = rng.randrange(0, zones_n - 20)
        bookings.append(
            Booking(
                id=f"b{n}",
                bulletin_id=f"bulletin{n // 2}",
                zones=tuple(z.id for z in zones[first : first + rng.randint(5, 20)]),
                duration_s=rng.randint(60, 180),
                starts_on=date(2026, 12, 1) + timedelta(days=rng.randint(0, 10)),
                priority=rng.choice([Priority.NORMAL, Priority.NORMAL, Priority.PRIORITY]),
                rule=rng.choice(RULES),
                until=date(2026, 12, 31),
                slot=rng.choice([time(7, 0), time(17, 30)]),
                created_at=datetime(2026, 11, 1) + timedelta(minutes=n),
            )
        )
    return zones, bookings


def run(quick: bool = False) -> tuple[dict[str, float], dict[str, float]]:
    zones, bookings = build(1000, 500)
    rounds = 1 if quick else 3
    plan_times, replan_times, items, rejections = [], [], 0, 0
    for _ in range(rounds):
        start = clock.perf_counter()
        planner = Planner(zones, date(2026, 12, 1), 30)
        planner.add(*bookings)
        plan_times.append(clock.perf_counter() - start)
        result = planner.plan()
        items, rejections = len(result.items), len(result.rejections)
        start = clock.perf_counter()
        touched = planner.withdraw_bulletin("bulletin42")
        replan_times.append(clock.perf_counter() - start)
    return (
        {
            "plan_s": round(statistics.median(plan_times), 3),
            "replan_s": round(statistics.median(replan_times), 4),
            "zones": len(zones),
            "days": 30,
            "bookings": len(bookings),
            "items": items,
            "rejections": rejections,
            "zones_replanned": len(touched),
        },
        {"plan_s": 5.0, "replan_s": 0.5},
    )

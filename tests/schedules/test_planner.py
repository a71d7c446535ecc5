from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from schedules.model import Booking, Priority, QuietHours, Slot, Zone
from schedules.planner import plan
from schedules.playlist import Track, m3u, xspf

ZONE = Zone("thon-3", "Thôn 3", "xa-a", slots=(Slot(time(7, 0), timedelta(minutes=15)), Slot(time(17, 30))))
DAY = date(2026, 12, 1)


def booking(id: str, minutes: float, priority: Priority = Priority.NORMAL, **kw: object) -> Booking:
    return Booking(id, f"b{id}", ("thon-3",), minutes * 60, DAY, priority, **kw)  # type: ignore[arg-type]


def test_items_fill_the_slot_priority_first_in_local_time() -> None:
    result = plan([ZONE], [booking("1", 3), booking("2", 4, Priority.PRIORITY)], DAY, 1)
    items = result.for_zone("thon-3")
    assert [i.booking for i in items] == ["2", "1"]
    assert items[0].starts_at == datetime(2026, 12, 1, 0, 0, tzinfo=UTC)  # 07:00 in Hà Nội is 00:00 UTC
    assert items[1].starts_at >= items[0].ends_at


def test_overbooking_is_explained() -> None:
    result = plan([ZONE], [booking("1", 10), booking("2", 9)], DAY, 1)
    assert len(result.items) == 1
    assert result.rejections[0].reason == "slot 07:00 on 2026-12-01 in Thôn 3 is 4 min over"


def test_quiet_hours_block_normal_items_but_not_emergencies() -> None:
    night = Zone("thon-3", "Thôn 3", "xa-a", slots=(Slot(time(22, 0)),), quiet=(QuietHours(time(21, 30), time(5, 30)),))
    at = datetime(2026, 12, 1, 16, 0, tzinfo=UTC)  # 23:00 local
    result = plan(
        [night], [booking("1", 2), booking("9", 1, Priority.EMERGENCY, at=at, repeat=2, gap=timedelta(minutes=5))], DAY, 1
    )
    assert [i.booking for i in result.items] == ["9", "9"]
    assert result.items[1].starts_at - result.items[0].starts_at == timedelta(minutes=6)
    assert "quiet hours" in result.rejections[0].reason


def test_weekly_rule_in_local_time() -> None:
    weekly = booking("1", 2, rule="FREQ=WEEKLY;BYDAY=MO,TH", until=date(2026, 12, 31))
    result = plan([ZONE], [weekly], DAY, 31)
    days = sorted({i.starts_at.astimezone(ZONE.tz).date() for i in result.items})
    assert all(d.weekday() in (0, 3) for d in days) and len(days) == 9


@pytest.mark.parametrize("rule", ["FREQ=SOMETIMES", "FREQ=BOGUS", "FREQ=SECONDLY", "FREQ=DAILY;BYHOUR=1,2,3"])
def test_a_bad_stored_rule_is_skipped_and_reported_not_fatal(rule: str) -> None:
    """Issue 13.3: one bad booking used to fail every plan of every zone."""
    good = booking("good", 2, rule="FREQ=DAILY")
    result = plan([ZONE], [booking("bad", 2, rule=rule), good], DAY, 3)
    assert [i.booking for i in result.items] == ["good"] * 3
    [skip] = result.rejections
    assert skip.booking == "bad" and skip.code == "booking.skipped" and skip.params["why"].startswith("rrule.")
    assert "invalid RRULE" in skip.reason


def test_an_emergency_without_firing_time_never_lands_at_midnight() -> None:
    """Issue 13.3: an "emergency" booking was placed at 00:00, inside quiet hours."""
    result = plan([ZONE], [booking("e", 1, Priority.EMERGENCY)], DAY, 2)
    assert result.items == []
    assert [(r.code, r.params["why"]) for r in result.rejections] == [("booking.skipped", "booking.emergency_path")]


def test_unknown_zone_is_reported_and_the_known_zone_planned() -> None:
    b = Booking("x", "bx", ("thon-3", "gone"), 60, DAY)
    result = plan([ZONE], [b], DAY, 1)
    assert [i.zone for i in result.items] == ["thon-3"]
    assert [(r.zone, r.params["why"]) for r in result.rejections] == [("gone", "schedule.unknown_zones")]


def test_planning_is_deterministic() -> None:
    bookings = [booking(str(n), 1 + n % 3, Priority(1 + n % 2), rule="FREQ=DAILY") for n in range(8)]
    assert plan([ZONE], bookings, DAY, 5).items == plan([ZONE], list(reversed(bookings)), DAY, 5).items


def test_playlists() -> None:
    tracks = [Track("https://media.example/a.mp3", "Bản tin, số 1", 95.4, "UBND xã")]
    text = m3u(tracks)
    assert text.startswith("#EXTM3U\n#EXTINF:95,UBND xã - Bản tin  số 1\n")
    import xml.etree.ElementTree as ET

    root = ET.fromstring(xspf(tracks, "Đài xã").split("\n", 1)[1])
    ns = {"x": "http://xspf.org/ns/0/"}
    assert root.find("x:trackList/x:track/x:duration", ns).text == "95400"  # type: ignore[union-attr]

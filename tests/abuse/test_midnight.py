"""Class: time zones around midnight (issue 22 #3).

Between 00:00 and 07:00 in Hà Nội the UTC date is still yesterday's. A CAP alert that is not
an emergency, imported at 00:48 local, was booked for the UTC date, a day already gone for
the zone; an official's booking was checked against the service's zone, not the zones booked.
"Today" for a booking is the zones' local date everywhere: the CAP booking, the booking
check ("in the past", the default start day), the emergency record. Hypothesis draws instants
within 90 minutes of local and of UTC midnight, on any day of the coming year.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcaster.app import bookings
from broadcaster.app.cap_import import import_alert
from broadcaster.app.planning import build_planner, local_today, record_emergency
from broadcaster.config import Settings
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import BookingRow, ZoneRow
from schedules.cap import booking_for, parse_cap
from schedules.model import Priority
from tests.helpers import ADMIN, approved_bulletin
from tests.schedules.test_cap_and_outputs import cap

ABUSE = settings.get_profile("abuse")
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = datetime.now(UTC).date()
HOURS = (1, 7, 12, 17, 21)
SLOTS = [{"start": f"{h:02d}:00", "minutes": 15} for h in HOURS]


@st.composite
def around_midnight(draw: st.DrawFn) -> datetime:
    """An instant within 90 minutes of a local (Hà Nội) or a UTC midnight, some day this coming year."""
    day = TODAY + timedelta(days=draw(st.integers(0, 365)))
    midnight = draw(st.sampled_from([datetime.combine(day, time(0), HANOI), datetime.combine(day, time(0), UTC)]))
    return (midnight + timedelta(seconds=draw(st.integers(-90 * 60, 90 * 60)))).astimezone(UTC)


def expected_alert(expires: datetime) -> bytes:
    return cap("tb-1", urgency="Expected", severity="Moderate", certainty="Likely", expires=expires.isoformat())


@given(now=around_midnight(), hours=st.integers(1, 48))
@ABUSE
def test_a_cap_alert_starts_on_the_zones_local_day_and_ends_on_its_local_expiry(now: datetime, hours: int) -> None:
    expires = now + timedelta(hours=hours)
    booking = booking_for(parse_cap(expected_alert(expires)), "b1", ("z1",), 30, now, tz="Asia/Ho_Chi_Minh")
    assert booking.priority is Priority.PRIORITY
    assert booking.starts_on == now.astimezone(HANOI).date()
    assert booking.until == expires.astimezone(HANOI).date()
    assert booking.until_at == expires and booking.until_at.utcoffset() == timedelta(0)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[Settings, Store, int]]:
    # the service's own time zone is UTC: only the zone's time zone can give the right day
    settings = Settings(data_dir=tmp_path / "data", timezone="UTC")
    store = open_store(settings.database_url)
    with store.session() as s:
        s.add(ZoneRow(id="ban-1", name="Bản 1", commune="xa-a", timezone="Asia/Ho_Chi_Minh", slots=SLOTS, quiet=[]))
    yield settings, store, approved_bulletin(store, settings)


@given(now=around_midnight())
@ABUSE
def test_booking_checks_say_past_and_today_in_the_zones_time_zone(world: tuple[Settings, Store, int], now: datetime) -> None:
    settings, store, bulletin = world
    local = now.astimezone(HANOI)
    with store.session() as s:
        assert local_today(s, ["ban-1"], now, "UTC") == local.date()
        yesterday = bookings.Ask(bulletin, ("ban-1",), local.date() - timedelta(days=1), slot="12:00")
        codes = [p.code for p in bookings.check(s, yesterday, now, settings.timezone)]
        assert "booking.past_date" in codes  # the UTC date may still be that day: it is gone in the zone
        later = next((f"{h:02d}:00" for h in HOURS if time(h) > local.time()), None)
        if later is not None:
            today = bookings.Ask(bulletin, ("ban-1",), local.date(), slot=later)
            assert bookings.check(s, today, now, settings.timezone) == []


@given(now=around_midnight())
@ABUSE
def test_an_emergency_is_recorded_on_the_zones_day(world: tuple[Settings, Store, int], now: datetime) -> None:
    _, store, bulletin = world
    with store.session() as s:
        row = record_emergency(s, ADMIN, bulletin, ["ban-1"], now)
        assert row.starts_on == now.astimezone(HANOI).date()
        s.rollback()


def test_an_expected_alert_at_0048_local_airs_in_the_next_slots(world: tuple[Settings, Store, int]) -> None:
    """The reported case end to end: imported at 00:48 in Hà Nội, booked today there, planned before expiry."""
    settings, store, _ = world
    day = TODAY + timedelta(days=1)
    now = datetime.combine(day, time(0, 48), HANOI).astimezone(UTC)
    expires = now + timedelta(hours=8)  # 08:48 local: the 01:00 and 07:00 slots are before it
    assert "đã đặt" in import_alert(store, settings, expected_alert(expires), [], now)
    with store.session() as s:
        [row] = s.query(BookingRow).all()
        assert row.starts_on == day
        items = build_planner(s, local_today(s, ["ban-1"], now), 2).zone_items("ban-1")
    aired = sorted(i.starts_at.astimezone(HANOI).time() for i in items if now <= i.starts_at < expires)
    assert aired and aired[0] == time(1, 0)


def test_zones_in_two_time_zones_take_the_later_date(world: tuple[Settings, Store, int]) -> None:
    _, store, _ = world
    with store.session() as s:
        s.add(ZoneRow(id="utc-1", name="UTC", commune="xa-a", timezone="UTC", slots=SLOTS, quiet=[]))
        s.flush()
        now = datetime.combine(TODAY, time(20), UTC)  # 03:00 tomorrow in Hà Nội
        assert local_today(s, ["utc-1"], now) == TODAY
        assert local_today(s, ["utc-1", "ban-1"], now) == TODAY + timedelta(days=1)
        assert local_today(s, [], now, "UTC") == TODAY

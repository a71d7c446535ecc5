"""Issue 14.1: every problem found at the moment of booking, said in Vietnamese; list, cancel, edit audited."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from broadcaster.app import bookings
from broadcaster.app.bookings import Ask, BookingRefused
from broadcaster.app.workflow import Actor, Role
from broadcaster.config import Settings
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import AuditEvent, BookingRow, User, ZoneRow
from broadcaster.store.passwords import hash_password
from broadcaster.web.app import create_app
from schedules.messages import MESSAGES, vietnamese
from tests.helpers import approved_bulletin

PASSWORD = "mat-khau-an-toan"
TZ = "Asia/Ho_Chi_Minh"
NOW = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)  # 10:00 in Hà Nội
TODAY = date(2026, 12, 1)
TOMORROW = TODAY + timedelta(days=1)
OFFICIAL = Actor("canbo", Role.OFFICIAL, communes=("xa-a",))


def zone(store: Store, zone_id: str, slots: list[tuple[str, float]], quiet: list[tuple[str, str]] = (), limit: int = 10) -> None:  # type: ignore[assignment]
    with store.session() as s:
        s.merge(
            ZoneRow(
                id=zone_id,
                name=zone_id.replace("-", " ").title(),
                commune="xa-a",
                timezone=TZ,
                slots=[{"start": t, "minutes": m} for t, m in slots],
                quiet=[{"start": a, "end": b} for a, b in quiet],
                languages=["vi"],
                max_plays_per_day=limit,
            )
        )


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[Settings, Store, int, int]]:
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings.database_url)
    zone(store, "thon-a", [("07:00", 15), ("17:30", 15), ("22:00", 15)], quiet=[("21:30", "05:30")])
    zone(store, "thon-hep", [("07:00", 0.1)])  # a six-second slot: one short notice fits, not two
    zone(store, "thon-it", [("07:00", 15), ("17:30", 15)], limit=1)
    yield settings, store, approved_bulletin(store, settings, "Bản tin A"), approved_bulletin(store, settings, "Bản tin B")


def problems(store: Store, ask: Ask, now: datetime = NOW) -> list[str]:
    with store.session() as s:
        found = bookings.check(s, ask, now, TZ)
    for p in found:
        said = vietnamese(p)
        assert "{" not in said and p.code in MESSAGES, said
    return [p.code for p in found]


def saved(store: Store, ask: Ask) -> int:
    with store.session() as s:
        return bookings.create(s, OFFICIAL, ask, NOW, TZ).id


def test_each_problem_is_found_before_saving(world: tuple[Settings, Store, int, int]) -> None:
    _, store, a, b = world
    assert problems(store, Ask(a, ("thon-a",), TODAY - timedelta(days=1), "07:00")) == ["booking.past_date"]
    assert problems(store, Ask(a, ("thon-a",), TODAY, "07:00")) == ["booking.slot_gone"]
    assert problems(store, Ask(a, ("thon-a",), TODAY, "17:30")) == []
    assert problems(store, Ask(a, ("thon-a",), TOMORROW, "22:00")) == ["slot.quiet"]
    assert problems(store, Ask(a, ("thon-a",), TOMORROW, "09:15")) == ["booking.not_a_slot"]
    assert problems(store, Ask(a, ("thon-a",), TOMORROW, "07:00", rule="FREQ=SOMETIMES")) == ["rrule.invalid"]
    assert problems(store, Ask(a, ("thon-a",), TOMORROW, "07:00", priority="emergency")) == ["booking.emergency_path"]
    # overrun: the first bulletin fits the six-second slot, the second is over, with its minutes
    saved(store, Ask(a, ("thon-hep",), TOMORROW, "07:00"))
    with store.session() as s:
        [over] = bookings.check(s, Ask(b, ("thon-hep",), TOMORROW, "07:00"), NOW, TZ)
    assert over.code == "slot.overrun" and over.params["minutes"] == 1
    assert "bị vượt 1 phút" in vietnamese(over)
    # daily limit: one play a day in thon-it
    saved(store, Ask(a, ("thon-it",), TOMORROW, "07:00"))
    assert problems(store, Ask(b, ("thon-it",), TOMORROW, "17:30")) == ["zone.daily_limit"]
    # duplicate: the same bulletin twice in one slot (daily against once, on a shared day)
    first = saved(store, Ask(a, ("thon-a",), TOMORROW, "07:00", rule="FREQ=DAILY"))
    with store.session() as s:
        [dup] = bookings.check(s, Ask(a, ("thon-a",), TOMORROW + timedelta(days=3), "07:00"), NOW, TZ)
    assert dup.code == "booking.duplicate" and dup.params["other"] == str(first)
    assert problems(store, Ask(a, ("thon-a",), TOMORROW, "17:30")) == []  # another slot is fine
    with store.session() as s:
        assert s.query(BookingRow).count() == 3


def test_several_problems_are_all_reported_and_nothing_saved(world: tuple[Settings, Store, int, int]) -> None:
    _, store, a, _ = world
    ask = Ask(a, ("thon-a",), TODAY - timedelta(days=2), "09:15", rule="FREQ=SECONDLY")
    with store.session() as s, pytest.raises(BookingRefused) as caught:
        bookings.create(s, OFFICIAL, ask, NOW, TZ)
    assert [p.code for p in caught.value.problems] == ["booking.past_date", "rrule.too_frequent", "booking.not_a_slot"]
    with store.session() as s:
        assert s.query(BookingRow).count() == 0


def test_a_priority_booking_says_what_it_displaces_and_needs_confirmation(world: tuple[Settings, Store, int, int]) -> None:
    _, store, a, b = world
    normal = saved(store, Ask(a, ("thon-hep",), TOMORROW, "07:00"))
    with store.session() as s:
        [bump] = bookings.check(s, Ask(b, ("thon-hep",), TOMORROW, "07:00", priority="priority"), NOW, TZ)
    assert bump.code == "booking.displaces" and bump.params["count"] == 1 and f"#{normal}" in str(bump.params["what"])
    assert "đẩy 1 buổi phát thường" in vietnamese(bump)
    saved(store, Ask(b, ("thon-hep",), TOMORROW, "07:00", priority="priority", confirm=True))
    with store.session() as s:
        assert s.query(AuditEvent).filter(AuditEvent.action == "booking.override_confirmed").count() == 1


def test_list_cancel_and_edit_over_the_api_are_audited(world: tuple[Settings, Store, int, int]) -> None:
    settings, store, a, b = world
    with store.session() as s:
        s.add(User(username="canbo", role="official", password_hash=hash_password(PASSWORD), communes=["xa-a"]))
        s.add(User(username="canbo-b", role="official", password_hash=hash_password(PASSWORD), communes=["xa-b"]))
    start = date.today() + timedelta(days=2)
    client = TestClient(create_app(settings, store))

    def sign_in(user: str) -> dict[str, str]:
        client.cookies.clear()
        return {"X-CSRF-Token": client.post("/api/session", json={"username": user, "password": PASSWORD}).json()["csrf"]}

    h = sign_in("canbo")
    made = client.post(
        "/api/bookings", json={"bulletin": a, "zones": ["thon-a"], "starts_on": start.isoformat(), "slot": "07:00"}, headers=h
    )
    assert made.status_code == 200, made.text
    booking = made.json()["id"]
    refused = client.post(
        "/api/bookings", json={"bulletin": a, "zones": ["thon-a"], "starts_on": start.isoformat(), "slot": "22:00"}, headers=h
    )
    assert refused.status_code == 400 and refused.json()["code"] == "slot.quiet" and "giờ yên tĩnh" in refused.json()["error"]
    assert [r["id"] for r in client.get("/api/bookings").json()] == [booking]
    edited = client.put(
        f"/api/bookings/{booking}", json={"zones": ["thon-a"], "starts_on": start.isoformat(), "slot": "17:30"}, headers=h
    )
    assert edited.status_code == 200, edited.text
    bad_edit = client.put(
        f"/api/bookings/{booking}", json={"zones": ["thon-a"], "starts_on": start.isoformat(), "slot": "22:00"}, headers=h
    )
    assert bad_edit.status_code == 400 and bad_edit.json()["code"] == "slot.quiet"
    assert client.get("/api/bookings").json()[0]["slot"] == "17:30"
    other = sign_in("canbo-b")
    assert client.get("/api/bookings").json() == []  # another commune's bookings are not listed
    assert client.post(f"/api/bookings/{booking}/cancel", json={"reason": "nhầm"}, headers=other).status_code == 403
    h = sign_in("canbo")
    no_reason = client.post(f"/api/bookings/{booking}/cancel", json={"reason": " "}, headers=h)
    assert no_reason.status_code == 400 and no_reason.json()["code"] == "booking.reason_required"
    assert client.post(f"/api/bookings/{booking}/cancel", json={"reason": "đổi lịch họp"}, headers=h).status_code == 200
    assert client.get("/api/bookings").json() == []
    assert client.get("/api/bookings?cancelled=true").json()[0]["cancelled"] is True
    with store.session() as s:
        actions = [
            (e.action, e.detail.get("reason")) for e in s.query(AuditEvent).filter(AuditEvent.subject == f"booking:{booking}")
        ]
    assert ("booking.cancelled", "đổi lịch họp") in actions and any(x == "booking.edited" for x, _ in actions)
    page = client.get("/lich-phat")
    assert page.status_code == 200 and "Các lịch phát đã đặt" in page.text


def test_the_form_offers_the_zones_slots_as_choices(world: tuple[Settings, Store, int, int]) -> None:
    settings, store, a, _ = world
    with store.session() as s:
        s.add(User(username="canbo", role="official", password_hash=hash_password(PASSWORD), communes=["xa-a"]))
    client = TestClient(create_app(settings, store))
    client.post("/dang-nhap", data={"username": "canbo", "password": PASSWORD})
    form = client.get(f"/ban-tin/{a}/dat-lich").text
    assert '<select id="slot" name="slot">' in form
    assert '<option value="22:00" >22:00 (Thon A)</option>' in form and "07:00 (Thon A, Thon Hep, Thon It)" in form


def test_a_spreadsheet_row_is_refused_with_the_forms_own_words(world: tuple[Settings, Store, int, int]) -> None:
    """The spreadsheet import books through `bookings.create`: quiet hours and a past date are
    refused row by row with the sentence the booking form and the API say, and nothing is kept."""
    import html
    import re
    from zoneinfo import ZoneInfo

    settings, store, a, _b = world
    with store.session() as s:
        s.add(User(username="quantri", role="admin", password_hash=hash_password(PASSWORD)))
        before = s.query(BookingRow).count()
    today = datetime.now(ZoneInfo(settings.timezone)).date()
    later, yesterday = today + timedelta(days=2), today - timedelta(days=1)
    client = TestClient(create_app(settings, store))
    token = client.post("/api/session", json={"username": "quantri", "password": PASSWORD}).json()["csrf"]

    def form_says(day: date, slot: str) -> tuple[str, str]:
        body = {"bulletin": a, "zones": ["thon-a"], "starts_on": day.isoformat(), "slot": slot}
        refused = client.post("/api/bookings", json=body, headers={"X-CSRF-Token": token})
        assert refused.status_code == 400, refused.text
        return refused.json()["code"], refused.json()["error"]

    quiet, past = form_says(later, "22:00"), form_says(yesterday, "07:00")
    assert quiet[0] == "slot.quiet" and past[0] == "booking.past_date"
    sheet = (
        "ban_tin,vung,tu_ngay,den_ngay,khung_gio,lap_lai,loai\n"
        f"{a},thon-a,{later},,22:00,,normal\n"
        f"{a},thon-a,{yesterday},,07:00,,normal\n"
        f"{a},thon-a,{later},,07:00,,normal\n"  # a good row: not kept either
    )
    page = client.post("/quan-tri/nhap/lich", data={"csrf": token}, files={"file": ("lich.csv", sheet.encode(), "text/csv")})
    assert page.status_code == 400
    lines = dict(re.findall(r"Dòng (\d+):\s*([^<]+?)\s*<", html.unescape(page.text)))
    assert lines == {"2": quiet[1], "3": past[1]}, lines
    with store.session() as s:
        assert s.query(BookingRow).count() == before

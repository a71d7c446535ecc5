"""Bookings cannot break scheduling (issue 13.3): refused at booking, skipped when already stored."""

from __future__ import annotations

import time as clock
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from broadcaster.app.planning import build_planner, device_programmes
from broadcaster.config import Settings
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import BookingRow, User
from broadcaster.store.passwords import hash_password
from broadcaster.web.app import create_app
from devices.background import free_port
from tests.helpers import approved_bulletin, zone_with_devices

PASSWORD = "mat-khau-an-toan"
TODAY = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[Settings, Store, TestClient, int]]:
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings.database_url)
    with store.session() as s:
        s.add(User(username="canbo", role="official", password_hash=hash_password(PASSWORD), communes=["xa-a"]))
        s.add(User(username="admin", role="admin", password_hash=hash_password(PASSWORD)))
    zone_with_devices(store, "thon-a", "xa-a", [time(7, 0), time(17, 30)], ["loa-a"], minutes=15)
    bulletin = approved_bulletin(store, settings)
    with TestClient(create_app(settings, store)) as client:
        yield settings, store, client, bulletin


def sign_in(client: TestClient, user: str) -> dict[str, str]:
    response = client.post("/api/session", json={"username": user, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"X-CSRF-Token": response.json()["csrf"]}


@pytest.mark.parametrize("rule", ["FREQ=BOGUS", "FREQ=SECONDLY", "FREQ=SOMETIMES", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"])
def test_api_refuses_rules_that_would_break_scheduling(world: tuple[Settings, Store, TestClient, int], rule: str) -> None:
    _, store, client, bulletin = world
    headers = sign_in(client, "canbo")
    body = {"bulletin": bulletin, "zones": ["thon-a"], "starts_on": (TODAY + timedelta(days=1)).isoformat(), "rule": rule}
    response = client.post("/api/bookings", json=body, headers=headers)
    assert response.status_code == 400, response.text
    assert response.json()["code"].startswith("rrule.")
    with store.session() as s:
        assert s.query(BookingRow).count() == 0
    assert client.get("/lich?zone=thon-a").status_code == 200


def test_emergency_priority_only_through_the_emergency_path(world: tuple[Settings, Store, TestClient, int]) -> None:
    _, store, client, bulletin = world
    headers = sign_in(client, "admin")
    body = {
        "bulletin": bulletin,
        "zones": ["thon-a"],
        "starts_on": (TODAY + timedelta(days=1)).isoformat(),
        "priority": "emergency",
    }
    response = client.post("/api/bookings", json=body, headers=headers)
    assert response.status_code == 400 and response.json()["code"] == "booking.emergency_path"
    assert "Phát khẩn cấp" in response.json()["error"]
    with store.session() as s:
        assert s.query(BookingRow).count() == 0


def test_a_bad_booking_already_stored_is_skipped_and_everything_else_renders(
    world: tuple[Settings, Store, TestClient, int], mosquitto_url: str
) -> None:
    """The store as the attacker left it: FREQ=BOGUS, a sub-daily rule and an "emergency" without instant."""
    settings, store, client, bulletin = world
    monday = TODAY - timedelta(days=TODAY.weekday())
    with store.session() as s:
        for rule, priority in (
            ("FREQ=BOGUS", "normal"),
            ("FREQ=SECONDLY", "normal"),
            ("", "emergency"),
            ("FREQ=DAILY", "normal"),
        ):
            s.add(
                BookingRow(
                    bulletin_id=bulletin,
                    zones=["thon-a"],
                    rule=rule,
                    priority=priority,
                    starts_on=date(2001, 1, 1) if rule == "FREQ=SECONDLY" else monday,
                    slot="17:30",
                    created_by="x",
                )
            )
        s.add(
            BookingRow(
                bulletin_id=bulletin,
                zones=["thon-a"],
                rule="",
                priority="nonsense",
                starts_on=monday,
                slot="25:99",
                created_by="x",
            )
        )
    with store.session() as s:
        planner = build_planner(s, monday, 7)
        plan = planner.plan()
        skipped = sorted(r.booking for r in plan.rejections if r.code == "booking.skipped")
        assert skipped == ["1", "2", "3", "5"]
        assert len({i.starts_at.date() for i in plan.items if i.booking == "4"}) == 7
        assert device_programmes(s, plan, "http://media/", datetime.now(UTC))["loa-a"][1]
    sign_in(client, "canbo")
    page = client.get(f"/lich?zone=thon-a&start={monday}")
    assert page.status_code == 200
    api = client.get(f"/api/zones/thon-a/programme?start={monday}")
    assert api.status_code == 200 and len(api.json()["items"]) == 7

    from broadcaster.service.core import Service

    prefix = f"loa/bad-{int(clock.time() * 1000)}"
    run = Settings(data_dir=settings.data_dir, topic_prefix=prefix, server_client_id=f"srv-{prefix}", media_port=free_port())
    with Service(run, store, mosquitto_url) as service:  # `broadcaster run` starts and pushes
        assert service.replan_and_push(force=True) == 1

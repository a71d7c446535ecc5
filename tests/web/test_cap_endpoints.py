"""The CAP 1.2 documents of the emergencies we fired, as upstream systems fetch them over the API."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient

from broadcaster.app import bookings
from broadcaster.app.planning import record_emergency
from broadcaster.app.workflow import Actor, Role
from broadcaster.web.app import create_app
from schedules.cap import parse_cap
from tests.web.world import PASSWORD, build


def test_a_fired_emergency_is_fetched_as_an_alert_and_once_withdrawn_as_a_cancel(tmp_path: Path) -> None:
    settings, store, approved, _draft = build(tmp_path)
    admin = Actor("quantri", Role.ADMIN)
    with store.session() as s:
        booking_id = record_emergency(s, admin, approved, ["thon-1"], datetime.now(UTC)).id
    client = TestClient(create_app(settings, store))
    client.post("/api/session", json={"username": "quansat", "password": PASSWORD})

    listed = client.get("/api/cap/emergencies").json()
    assert {"booking": booking_id, "url": f"/api/cap/emergencies/{booking_id}.xml", "cancel": False} in listed
    alert = client.get(f"/api/cap/emergencies/{booking_id}.xml")
    assert alert.status_code == 200 and alert.headers["content-type"] == "application/xml"
    assert parse_cap(alert.content).msg_type == "Alert"
    assert client.get(f"/api/cap/emergencies/{booking_id}/cancel.xml").status_code == 404  # not withdrawn yet
    assert client.get(f"/api/cap/emergencies/{booking_id + 1000}.xml").status_code == 404

    with store.session() as s:
        bookings.cancel(s, admin, booking_id, "báo nhầm, đã hết nguy cơ")
    cancel = client.get(f"/api/cap/emergencies/{booking_id}/cancel.xml")
    assert cancel.status_code == 200 and parse_cap(cancel.content).msg_type == "Cancel"
    assert parse_cap(client.get(f"/api/cap/emergencies/{booking_id}.xml").content).msg_type == "Alert"  # still the Alert

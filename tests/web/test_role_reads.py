"""Who reads the bookings and the speakers (issue 22 #12): translators, editors and approvers
read every commune's bookings and devices through /lich-phat, /api/bookings and /api/devices.
Now those belong to admins, observers and officials (their own communes); editors and
approvers keep the calendar, translators neither."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from broadcaster.app.planning import book
from broadcaster.web.app import create_app
from tests.helpers import ADMIN
from tests.web.world import PASSWORD, build

READS = ("/lich-phat", "/api/bookings", "/api/devices", "/loa")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    settings, store, approved, _draft = build(tmp_path_factory.mktemp("reads"))
    from datetime import UTC, datetime

    with store.session() as s:
        book(s, ADMIN, approved, ["thon-9"], datetime.now(UTC).date(), "FREQ=DAILY", slot="07:00")
    return TestClient(create_app(settings, store))


def as_user(client: TestClient, user: str) -> TestClient:
    client.cookies.clear()
    assert client.post("/api/session", json={"username": user, "password": PASSWORD}).status_code == 200
    return client


@pytest.mark.parametrize("user", ["biendich", "bientap", "pheduyet"])
def test_bulletin_roles_do_not_read_bookings_or_speakers(client: TestClient, user: str) -> None:
    as_user(client, user)
    for path in READS:
        assert client.get(path).status_code == 403, (user, path)
    calendar = client.get("/lich")
    if user == "biendich":
        assert calendar.status_code == 403 and client.get("/api/zones/thon-1/programme").status_code == 403
    else:
        assert calendar.status_code == 200 and "/lich-phat" not in calendar.text


def test_operations_roles_read_them_officials_their_communes_only(client: TestClient) -> None:
    for user in ("quantri", "quansat"):
        as_user(client, user)
        assert all(client.get(path).status_code == 200 for path in READS)
        assert {d["zone"] for d in client.get("/api/devices").json()} == {"thon-1", "thon-9"}
        assert any("thon-9" in b["zones"] for b in client.get("/api/bookings").json())
    as_user(client, "canbo")  # xa-a only
    assert {d["zone"] for d in client.get("/api/devices").json()} == {"thon-1"}
    assert not any("thon-9" in b["zones"] for b in client.get("/api/bookings").json())
    assert "/lich-phat" in client.get("/lich").text

"""Every role against every action over the JSON API: allowed and denied exactly as designed."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from broadcaster.app.workflow import Actor, Role, create_bulletin
from broadcaster.config import Settings
from broadcaster.store.engine import open_store
from broadcaster.store.models import User
from broadcaster.store.passwords import hash_password
from broadcaster.web.app import create_app
from tests.helpers import approved_bulletin, zone_with_devices

PASSWORD = "mat-khau-an-toan"
USERS = {
    "admin": ("admin", [], []),
    "editor": ("editor", [], []),
    "editor2": ("editor", [], []),
    "approver": ("approver", [], []),
    "translator": ("translator", [], ["rad"]),
    "official_a": ("official", ["xa-a"], []),
    "observer": ("observer", [], []),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[TestClient, dict[str, int]]:
    tmp: Path = tmp_path_factory.mktemp("web")
    settings = Settings(data_dir=tmp / "data")
    store = open_store(settings.database_url)
    with store.session() as s:
        for name, (role, communes, languages) in USERS.items():
            s.add(User(username=name, role=role, password_hash=hash_password(PASSWORD), communes=communes, languages=languages))
        s.add(User(username="locked", role="observer", password_hash=hash_password(PASSWORD)))
    zone_with_devices(store, "thon-a", "xa-a", [time(7, 0)], ["loa-a"])
    zone_with_devices(store, "thon-b", "xa-b", [time(7, 0)], ["loa-b"])
    approved = approved_bulletin(store, settings)
    with store.session() as s:
        draft = create_bulletin(
            s, Actor("editor", Role.EDITOR), "Bản nháp", None, "vi", "Câu.", [{"text": "Câu.", "source": None}]
        ).id
    return TestClient(create_app(settings, store)), {"approved": approved, "draft": draft}


def sign_in(client: TestClient, user: str) -> str:
    client.cookies.clear()
    response = client.post("/api/session", json={"username": user, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return str(response.json()["csrf"])


def call(client: TestClient, csrf: str, method: str, path: str, body: object = None) -> int:
    return client.request(method, path, json=body, headers={"X-CSRF-Token": csrf}).status_code


def test_unauthenticated_calls_get_401(world: tuple[TestClient, dict[str, int]]) -> None:
    client, ids = world
    client.cookies.clear()
    for method, path in [
        ("GET", "/api/bulletins"),
        ("POST", f"/api/bulletins/{ids['draft']}/submit"),
        ("GET", "/api/audit"),
        ("POST", "/api/bookings"),
        ("GET", "/api/devices"),
    ]:
        assert client.request(method, path).status_code == 401, path
    assert client.get("/", follow_redirects=False).headers["location"].startswith("/dang-nhap")


def test_wrong_password_and_rate_limit(world: tuple[TestClient, dict[str, int]]) -> None:
    client, _ = world
    for _ in range(5):
        assert client.post("/api/session", json={"username": "locked", "password": "sai"}).status_code == 401
    assert client.post("/api/session", json={"username": "locked", "password": PASSWORD}).status_code == 403


def test_csrf_is_required_for_every_change(world: tuple[TestClient, dict[str, int]]) -> None:
    client, ids = world
    sign_in(client, "editor")
    assert client.put(f"/api/bulletins/{ids['draft']}/script", json={"sentences": ["x"]}).status_code == 403
    assert client.post(f"/ban-tin/{ids['draft']}/sua", data={"sentence": "x"}).status_code == 403  # a form without its token
    assert client.post(f"/ban-tin/{ids['draft']}/sua", data={"sentence": "x", "csrf": "forged"}).status_code == 403


EDIT = ("PUT", "/api/bulletins/{draft}/script", {"sentences": ["Câu đã sửa."]})
MATRIX = {
    # action: (method, path, body) and the roles allowed
    "edit": (EDIT, {"admin", "editor", "editor2"}),
    "view_audit": (("GET", "/api/audit", None), {"admin", "official_a"}),
    "book_own_commune": (
        ("POST", "/api/bookings", {"bulletin": "{approved}", "zones": ["thon-a"], "slot": "07:00"}),
        {"admin", "official_a"},
    ),
    "book_other_commune": (
        ("POST", "/api/bookings", {"bulletin": "{approved}", "zones": ["thon-b"], "slot": "07:00"}),
        {"admin"},
    ),
    "withdraw_draft": (
        ("POST", "/api/bulletins/{draft}/withdraw", {"comment": "thử rút bản tin"}),
        {"admin", "editor", "editor2", "approver"},
    ),
}


@pytest.mark.parametrize("user", sorted(USERS))
@pytest.mark.parametrize("action", sorted(MATRIX))
def test_permission_matrix(world: tuple[TestClient, dict[str, int]], user: str, action: str) -> None:
    client, ids = world
    (method, path, body), allowed = MATRIX[action]
    with client:
        csrf = sign_in(client, user)
        if action == "withdraw_draft":  # a fresh draft each time, so every role meets the same state
            from broadcaster.app.workflow import create_bulletin as make

            store = client.app.state.store  # type: ignore[attr-defined]
            with store.session() as s:
                ids = {
                    **ids,
                    "draft": make(s, Actor("editor", Role.EDITOR), "Nháp", None, "vi", "C.", [{"text": "C.", "source": None}]).id,
                }
        if isinstance(body, dict) and body.get("bulletin") == "{approved}":
            # a day of its own per user: bookings are checked (a past slot, the same bulletin twice in a slot)
            day = date.today() + timedelta(days=2 + sorted(USERS).index(user))
            body = {**body, "bulletin": ids["approved"], "starts_on": day.isoformat()}
        status = call(client, csrf, method, path.format(**ids), body)
    if user in allowed:
        assert status == 200, f"{user} should be allowed to {action} (got {status})"
    else:
        assert status == 403, f"{user} must be refused {action} (got {status})"


def test_four_eyes_over_the_api(world: tuple[TestClient, dict[str, int]]) -> None:
    client, _ = world
    store = client.app.state.store  # type: ignore[attr-defined]
    with store.session() as s:
        bulletin = create_bulletin(
            s, Actor("approver", Role.EDITOR), "Tự duyệt?", None, "vi", "C.", [{"text": "C.", "source": None}]
        ).id
    csrf = sign_in(client, "editor")
    assert call(client, csrf, "POST", f"/api/bulletins/{bulletin}/render") == 200
    assert call(client, csrf, "POST", f"/api/bulletins/{bulletin}/submit") == 200
    seen = {"bundle": client.get(f"/api/bulletins/{bulletin}").json()["bundle"]}
    assert call(client, csrf, "POST", f"/api/bulletins/{bulletin}/approve", seen) == 403  # an editor may not approve
    csrf = sign_in(client, "approver")
    assert call(client, csrf, "POST", f"/api/bulletins/{bulletin}/approve", seen) == 403  # approver edited this version
    csrf = sign_in(client, "editor2")
    assert (
        call(
            client,
            csrf,
            "PUT",
            f"/api/bulletins/{bulletin}/script",
            {"sentences": ["Người dân được miễn học phí từ ngày 1 tháng 9."]},
        )
        == 200
    )
    assert call(client, csrf, "POST", f"/api/bulletins/{bulletin}/render") == 200
    csrf = sign_in(client, "approver")
    assert call(client, csrf, "POST", f"/api/bulletins/{bulletin}/approve", seen) == 409  # not the version now current
    assert call(client, csrf, "POST", f"/api/bulletins/{bulletin}/approve") == 422  # which version? say it
    view = client.get(f"/api/bulletins/{bulletin}").json()
    assert view["state"] == "in_review" and view["approved_media"] is None
    assert call(client, csrf, "POST", f"/api/bulletins/{bulletin}/approve", {"bundle": view["bundle"]}) == 200
    view = client.get(f"/api/bulletins/{bulletin}").json()
    assert view["state"] == "approved" and view["approved_media"] == view["delivery_media"] is not None


def test_an_edit_between_reading_and_approving_is_refused_in_the_console(world: tuple[TestClient, dict[str, int]]) -> None:
    client, _ = world
    store = client.app.state.store  # type: ignore[attr-defined]
    with store.session() as s:
        bulletin = create_bulletin(
            s, Actor("editor", Role.EDITOR), "Đọc rồi duyệt", None, "vi", "A.", [{"text": "A.", "source": None}]
        ).id
    csrf = sign_in(client, "editor")
    assert call(client, csrf, "POST", f"/api/bulletins/{bulletin}/render") == 200
    assert call(client, csrf, "POST", f"/api/bulletins/{bulletin}/submit") == 200
    csrf = sign_in(client, "approver")
    page = client.get(f"/ban-tin/{bulletin}").text
    seen = page.split('name="bundle" value="', 1)[1][:64]  # what the approver's page carries
    editor_csrf = sign_in(client, "editor2")  # an edit and a new rendering land while the approver listens
    assert call(client, editor_csrf, "PUT", f"/api/bulletins/{bulletin}/script", {"sentences": ["B."]}) == 200
    assert call(client, editor_csrf, "POST", f"/api/bulletins/{bulletin}/render") == 200
    csrf = sign_in(client, "approver")
    response = client.post(f"/ban-tin/{bulletin}/duyet", data={"csrf": csrf, "bundle": seen}, follow_redirects=False)
    assert response.status_code == 409 and "đã thay đổi sau khi bạn mở trang" in response.text
    assert client.get(f"/api/bulletins/{bulletin}").json()["state"] == "in_review"


def test_translator_only_in_their_language(world: tuple[TestClient, dict[str, int]]) -> None:
    client, ids = world
    csrf = sign_in(client, "translator")
    assert (
        call(client, csrf, "PUT", f"/api/bulletins/{ids['approved']}/script", {"language": "rad", "sentences": ["Klei mblang."]})
        == 200
    )
    assert call(client, csrf, "PUT", f"/api/bulletins/{ids['approved']}/script", {"language": "jra", "sentences": ["x"]}) == 403
    assert call(client, csrf, "PUT", f"/api/bulletins/{ids['approved']}/script", {"sentences": ["x"]}) == 403


def test_openapi_lists_the_actions(world: tuple[TestClient, dict[str, int]]) -> None:
    client, _ = world
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/bulletins/{bulletin_id}/approve", "/api/bookings", "/api/emergency", "/api/audit"} <= set(paths)

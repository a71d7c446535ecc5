"""Console/API hardening (issue 13 items 4 and 7): body limits, Origin checks, headers, docs, sign-in."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from starlette.requests import Request

from broadcaster.config import Settings
from broadcaster.store.engine import open_store
from broadcaster.store.models import AuditEvent, User
from broadcaster.store.passwords import DUMMY_HASH, hash_password
from broadcaster.web import app as web_app
from broadcaster.web import identity
from broadcaster.web.app import create_app
from broadcaster.web.guard import client_address
from broadcaster.web.session import SignInLimiter

PASSWORD = "mat-khau-an-toan"
MIB = 1 << 20


def build(tmp: Path, **settings: Any) -> tuple[TestClient, Any]:
    config = Settings(data_dir=tmp / "data", **settings)
    store = open_store(config.database_url)
    with store.session() as s:
        s.add(User(username="bientap", role="editor", password_hash=hash_password(PASSWORD)))
    app = create_app(config, store)
    return TestClient(app), app


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[TestClient, Any]:
    return build(tmp_path_factory.mktemp("hardening"))


def asgi_post(app: Any, path: str, headers: list[tuple[bytes, bytes]], chunks: int, chunk: bytes) -> tuple[int, int]:
    """POST straight through ASGI with a streamed body; returns (status, chunks the app pulled)."""
    pulled = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": chunk, "more_body": pulled < chunks}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver"), *headers],
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
    }
    asyncio.run(app(scope, receive, send))
    return next(m["status"] for m in sent if m["type"] == "http.response.start"), pulled


def test_a_300_mib_sign_in_is_refused_before_its_body_is_read(world: tuple[TestClient, Any]) -> None:
    _client, app = world
    form = [(b"content-type", b"application/x-www-form-urlencoded")]
    status, pulled = asgi_post(app, "/dang-nhap", [*form, (b"content-length", str(300 * MIB).encode())], 300, b"a" * MIB)
    assert (status, pulled) == (413, 0)  # declared size: refused without reading a byte
    status, pulled = asgi_post(app, "/dang-nhap", form, 300, b"a" * MIB)  # streamed, no Content-Length
    assert status == 413 and pulled <= 2  # cut at the 1 MiB limit: at most one chunk past it was read
    status, pulled = asgi_post(app, "/api/session", [(b"content-type", b"application/json")], 300, b" " * MIB)
    assert status == 413 and pulled <= 2


def test_uploads_have_their_own_larger_limit(tmp_path: Path) -> None:
    client, app = build(tmp_path, max_request_bytes=64 * 1024, max_upload_bytes=256 * 1024)
    multipart = [(b"content-type", b"multipart/form-data; boundary=x")]
    assert asgi_post(app, "/dich/1/rad/ghi-am", [*multipart, (b"content-length", str(300 * 1024).encode())], 1, b"")[0] == 413
    form = [(b"content-type", b"application/x-www-form-urlencoded"), (b"content-length", str(100 * 1024).encode())]
    assert asgi_post(app, "/dang-nhap", form, 1, b"")[0] == 413  # 100 KiB: too big for a form, fine as an upload
    assert client.post("/dang-nhap", data={"username": "bientap", "password": "sai"}).status_code == 401  # small: read


def test_cross_site_posts_are_refused_login_included(world: tuple[TestClient, Any]) -> None:
    client, _ = world
    creds = {"username": "bientap", "password": PASSWORD}
    foreign = client.post("/dang-nhap", data=creds, headers={"Origin": "http://evil.example"}, follow_redirects=False)
    assert foreign.status_code == 403 and "loa_session" not in foreign.headers.get("set-cookie", "")
    referer = client.post("/dang-nhap", data=creds, headers={"Referer": "http://evil.example/x"}, follow_redirects=False)
    assert referer.status_code == 403
    assert client.post("/api/session", json=creds, headers={"Origin": "null"}).status_code == 403
    ours = client.post("/dang-nhap", data=creds, headers={"Origin": "http://testserver"}, follow_redirects=False)
    assert ours.status_code == 303 and "loa_session" in ours.headers["set-cookie"]
    assert client.post("/api/session", json=creds).status_code == 200  # a script without Origin (curl) still signs in


def test_every_response_carries_the_security_headers(world: tuple[TestClient, Any]) -> None:
    client, _ = world
    client.cookies.clear()
    for response in (
        client.get("/dang-nhap"),
        client.get("/static/style.css"),
        client.get("/api/bulletins"),  # 401
        client.get("/khong-co-trang-nay"),  # 404
        client.post("/dang-nhap", data={"username": "x", "password": "y"}, headers={"Origin": "http://evil.example"}),
    ):
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp.split(";")[1]
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "same-origin"


def test_templates_have_no_inline_script() -> None:
    """The CSP allows scripts from /static only: an inline script or handler would silently stop working."""
    import re

    templates = Path(web_app.__file__).parent / "templates"
    for page in templates.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), page.name
        assert not re.search(r"\son[a-z]+\s*=", html), page.name


def test_api_docs_are_not_served_and_the_schema_needs_a_session(world: tuple[TestClient, Any]) -> None:
    client, _ = world
    client.cookies.clear()
    assert client.get("/api/docs").status_code in (401, 404)
    assert client.get("/api/redoc").status_code in (401, 404)
    assert client.get("/api/openapi.json").status_code == 401
    assert client.post("/api/session", json={"username": "bientap", "password": PASSWORD}).status_code == 200
    assert "/api/bulletins" in client.get("/api/openapi.json").json()["paths"]
    assert client.get("/docs").status_code == 404 and "cdn" not in client.get("/api/openapi.json").text.lower()


def test_unknown_users_are_verified_against_a_dummy_hash(world: tuple[TestClient, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    client, _ = world
    checked: list[str] = []
    real = identity.verify_password

    def spy(stored: str, password: str) -> bool:
        checked.append(stored)
        return real(stored, password)

    monkeypatch.setattr(identity, "verify_password", spy)
    assert client.post("/api/session", json={"username": "khong-ai-ca", "password": PASSWORD}).status_code == 401
    assert checked == [DUMMY_HASH]  # the same argon2 work as for a real user: no timing difference to measure
    assert client.post("/api/session", json={"username": "bientap", "password": "sai-mat-khau"}).status_code == 401
    assert len(checked) == 2 and checked[1] != DUMMY_HASH


def test_x_forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy(tmp_path: Path) -> None:
    def request(peer: str, xff: str) -> Request:
        return Request({"type": "http", "headers": [(b"x-forwarded-for", xff.encode())], "client": (peer, 1)})

    assert client_address(request("127.0.0.1", "203.0.113.9"), []) == "127.0.0.1"  # default: nobody is trusted
    assert client_address(request("10.0.0.2", "203.0.113.9"), ["10.0.0.0/8"]) == "203.0.113.9"
    assert client_address(request("10.0.0.2", "198.51.100.1, 203.0.113.9, 10.0.0.3"), ["10.0.0.0/8"]) == "203.0.113.9"
    assert client_address(request("192.0.2.5", "203.0.113.9"), ["10.0.0.0/8"]) == "192.0.2.5"  # not a proxy of ours
    assert client_address(request("10.0.0.2", "not-an-address"), ["10.0.0.0/8"]) == "10.0.0.2"
    client, app = build(tmp_path)
    for n in range(5):  # a fresh X-Forwarded-For each time does not reset the limit
        headers = {"X-Forwarded-For": f"198.51.100.{n}"}
        assert client.post("/api/session", json={"username": "bientap", "password": "sai"}, headers=headers).status_code == 401
    blocked = client.post(
        "/api/session", json={"username": "bientap", "password": PASSWORD}, headers={"X-Forwarded-For": "1.2.3.4"}
    )
    assert blocked.status_code in (403, 429)
    with app.state.store.session() as s:
        addresses = {e.address for e in s.scalars(select(AuditEvent))}
    assert not addresses & {"1.2.3.4", "198.51.100.0"}


def test_the_sign_in_limiter_keeps_bounded_memory() -> None:
    limiter = SignInLimiter(attempts=5, window_s=300, max_keys=1000)
    for n in range(50_000):  # a spray of distinct usernames, each tried once
        limiter.failed(f"user{n}" + "x" * 500, "203.0.113.9", now=1000.0 + n * 0.001)
    assert len(limiter.failures) <= 1000
    assert all(len(user) <= 64 for user, _ in limiter.failures)
    for _ in range(5):
        limiter.failed("bientap", "10.0.0.5", now=2000.0)
    assert limiter.blocked("bientap", "10.0.0.5", now=2001.0)
    assert not limiter.blocked("bientap", "10.0.0.5", now=2000.0 + 301)  # the window passed
    limiter.failed("other", "10.0.0.6", now=5000.0)
    limiter._expire(5000.0)
    assert set(limiter.failures) == {("other", "10.0.0.6"), ("\x00address", "10.0.0.6")}  # older ones are gone


@given(users=st.lists(st.text(min_size=1, max_size=80), min_size=20, max_size=60, unique_by=lambda u: u[:64].lower()))
@settings(max_examples=60, deadline=None)
def test_one_address_trying_many_usernames_is_limited_too(users: list[str]) -> None:
    """Issue 22 #12: the limit counted per username, so spraying one password over many accounts
    from one address was never stopped. Now 20 failures from an address block it whatever the
    usernames (a success clears only its own user's count), other addresses unaffected."""
    limiter = SignInLimiter(attempts=5, window_s=300)
    for n, user in enumerate(users[:20]):
        assert not limiter.blocked(user, "203.0.113.7", now=1000.0 + n)
        limiter.failed(user, "203.0.113.7", now=1000.0 + n)
    limiter.succeeded(users[0], "203.0.113.7")
    assert limiter.blocked("bientap", "203.0.113.7", now=1030.0)  # a user it never tried
    assert not limiter.blocked("bientap", "198.51.100.4", now=1030.0)
    assert not limiter.blocked("bientap", "203.0.113.7", now=1020.0 + 301)  # the window passed


def test_spraying_the_sign_in_form_from_one_address_is_refused(tmp_path: Path) -> None:
    client, _app = build(tmp_path)
    for n in range(20):
        assert client.post("/api/session", json={"username": f"ai-do-{n}", "password": "123456"}).status_code == 401
    refused = client.post("/api/session", json={"username": "bientap", "password": PASSWORD})
    assert refused.status_code in (403, 429)


def test_sign_out_and_password_reset_revoke_sessions_on_the_server(tmp_path: Path) -> None:
    from broadcaster.web.session import revoke_user

    client, app = build(tmp_path)
    creds = {"username": "bientap", "password": PASSWORD}
    csrf = client.post("/api/session", json=creds).json()["csrf"]
    stolen = client.cookies.get("loa_session")
    assert client.get("/api/bulletins").status_code == 200
    assert client.post("/dang-xuat", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    client.cookies.set("loa_session", stolen)  # a copy kept by someone else (or the browser back button)
    assert client.get("/api/bulletins").status_code == 401
    assert client.get("/", follow_redirects=False).headers["location"].startswith("/dang-nhap")

    client.cookies.clear()
    csrf = client.post("/api/session", json=creds).json()["csrf"]
    assert client.delete("/api/session", headers={"X-CSRF-Token": csrf}).status_code == 200
    assert client.get("/api/bulletins").status_code == 401

    client.post("/api/session", json=creds)
    other = TestClient(app)
    other.post("/api/session", json=creds)
    with app.state.store.session() as s:
        revoke_user(s, "bientap")  # what a password reset or lock does
    assert client.get("/api/bulletins").status_code == 401 and other.get("/api/bulletins").status_code == 401
    client.post("/api/session", json=creds)  # signing in again afterwards works
    assert client.get("/api/bulletins").status_code == 200


def test_rendering_from_the_console_does_not_block_other_requests(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A slow render (here: 1.5 s) runs in the threadpool; a sign-in page is served meanwhile."""
    import time

    import httpx

    from broadcaster.app import bulletin_audio

    client, app = build(tmp_path)
    csrf = client.post("/api/session", json={"username": "bientap", "password": PASSWORD}).json()["csrf"]
    cookie = client.cookies.get("loa_session")
    monkeypatch.setattr(
        bulletin_audio, "render_audio", lambda *a, **k: time.sleep(1.5) or (_ for _ in ()).throw(LookupError("x"))
    )

    async def both() -> float:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver", cookies={"loa_session": cookie}) as ac:
            started = time.perf_counter()
            slow = asyncio.create_task(ac.post("/ban-tin/1/thu-am", data={"csrf": csrf}))
            await asyncio.sleep(0.2)
            assert (await ac.get("/dang-nhap")).status_code == 200
            quick = time.perf_counter() - started
            await slow
            return quick

    assert asyncio.run(both()) < 1.0

"""'Your session expired' is said only to someone who had a session; a first visit sees the plain sign-in."""

from __future__ import annotations

import time
from pathlib import Path

from fastapi.testclient import TestClient

from broadcaster.web.app import create_app
from broadcaster.web.session import COOKIE, MAX_AGE_S, SessionCodec, load_secret
from tests.web.world import PASSWORD, build

EXPIRED = "Phiên làm việc đã hết hạn"


def test_first_visit_gets_plain_sign_in_and_a_revoked_session_is_told_it_expired(tmp_path: Path) -> None:
    settings, store, _approved, _draft = build(tmp_path)
    client = TestClient(create_app(settings, store))
    first = client.get("/", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"].startswith("/dang-nhap")
    assert "het-phien" not in first.headers["location"]
    assert EXPIRED not in client.get("/").text
    # a signed-in session that was signed out (revoked) and then replayed
    csrf = client.post("/api/session", json={"username": "canbo", "password": PASSWORD}).json()["csrf"]
    cookie = client.cookies.get(COOKIE)
    assert cookie and client.get("/loa").status_code == 200
    client.post("/dang-xuat", data={"csrf": csrf}, follow_redirects=False)
    client.cookies.set(COOKIE, cookie)
    replayed = client.get("/loa", follow_redirects=False)
    assert replayed.status_code == 303 and "het-phien=1" in replayed.headers["location"]
    assert EXPIRED in client.get(replayed.headers["location"]).text
    # a cookie that no longer reads (expired, or from an older key) says the same
    client.cookies.clear()
    client.cookies.set(COOKIE, "bm90LWEtc2Vzc2lvbg.deadbeef")
    assert "het-phien=1" in client.get("/", follow_redirects=False).headers["location"]


def test_a_session_that_ran_out_is_still_told_so(tmp_path: Path) -> None:
    settings, store, _approved, _draft = build(tmp_path)
    client = TestClient(create_app(settings, store))
    signed = client.post("/api/session", json={"username": "canbo", "password": PASSWORD})
    max_age = int(signed.headers["set-cookie"].lower().split("max-age=")[1].split(";")[0])
    assert max_age > MAX_AGE_S, "the browser keeps the cookie past the session, so its expiry can be told"
    codec = SessionCodec(load_secret(settings.data_dir / "keys" / "session.key"))
    old, _session = codec.issue("canbo", now=time.time() - MAX_AGE_S - 60)
    client.cookies.clear()
    client.cookies.set(COOKIE, old)
    ran_out = client.get("/loa", follow_redirects=False)
    assert ran_out.status_code == 303 and "het-phien=1" in ran_out.headers["location"]
    # a form sent without any cookie was being worked on: told so, and keep.js restores the text
    client.cookies.clear()
    posted = client.post("/dieu-khien", data={"target": "zone:thon-1", "action": "stop"}, follow_redirects=False)
    assert posted.status_code == 303 and "het-phien=1" in posted.headers["location"]

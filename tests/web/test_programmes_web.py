"""Document → bulletin from the console and the JSON API (TestClient; the browser test is separate)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from broadcaster.app.documents import ingest
from broadcaster.config import Settings
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import Bulletin, User
from broadcaster.store.passwords import hash_password
from broadcaster.web.app import create_app
from scripts.ingest import LocalFetcher
from tests.conftest import CORPUS

PASSWORD = "mat-khau-an-toan"


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[TestClient, Store, list[int]]]:
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings.database_url)
    with store.session() as s:
        for name, role in (("bientap", "editor"), ("pheduyet", "approver"), ("canbo", "official")):
            s.add(User(username=name, role=role, password_hash=hash_password(PASSWORD), communes=["xa-a"]))
        result = ingest(
            s,
            [str(CORPUS / "dev" / "nd-162-2026-nd-cp.txt"), str(CORPUS / "dev" / "qd-96-2025-qd-ubnd-quangninh.txt")],
            LocalFetcher(),
        )
        ids = [row.id for row in result.stored]
    with TestClient(create_app(settings, store)) as client:
        yield client, store, ids


def sign_in(client: TestClient, user: str) -> str:
    client.cookies.clear()
    response = client.post("/api/session", json={"username": user, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return str(response.json()["csrf"])


def test_document_page_shows_structure_and_draft_and_creates_the_bulletin(site: tuple[TestClient, Store, list[int]]) -> None:
    client, store, ids = site
    csrf = sign_in(client, "bientap")
    inbox = client.get("/").text
    assert inbox.count("Tạo bản tin</button>") == 2
    assert f'href="/van-ban/{ids[1]}"' in inbox
    page = client.get(f"/van-ban/{ids[1]}").text
    for fact in ("96/2025/QĐ-UBND", "Quyết định", "Ủy ban nhân dân tỉnh Quảng Ninh", "19/11/2025", "30/11/2025"):
        assert fact in page, fact
    assert "Thay thế văn bản số 29/2020/QĐ-UBND" in page
    assert "Điều 1." in page and "Kịch bản dự thảo" in page and "Kính thưa bà con" in page
    response = client.post(f"/van-ban/{ids[1]}/tao-ban-tin", data={"csrf": csrf}, follow_redirects=False)
    assert response.status_code == 303
    match = re.match(r"/ban-tin/(\d+)\?ok=", response.headers["location"])
    assert match
    bulletin_id = int(match.group(1))
    editor = client.get(response.headers["location"]).text
    assert "Kính thưa bà con" in editor and "<audio" in editor and "Bản nháp" in editor
    # the document now says it has a bulletin; a second click does not make another
    page = client.get(f"/van-ban/{ids[1]}").text
    assert "Văn bản này đã có bản tin" in page and f'href="/ban-tin/{bulletin_id}"' in page
    again = client.post(f"/van-ban/{ids[1]}/tao-ban-tin", data={"csrf": csrf})
    assert again.status_code == 409 and f"đã có bản tin #{bulletin_id}" in again.text
    assert client.get("/").text.count("Tạo bản tin</button>") == 1
    with store.session() as s:
        assert len(s.scalars(select(Bulletin)).all()) == 1
    missing = client.post(f"/van-ban/{ids[1]}/tao-ban-tin", data={"csrf": "wrong"})
    assert missing.status_code == 403


def test_api_creates_a_bulletin_from_a_document_once(site: tuple[TestClient, Store, list[int]]) -> None:
    client, store, ids = site
    csrf = sign_in(client, "canbo")
    assert client.post(f"/api/documents/{ids[0]}/bulletin", headers={"X-CSRF-Token": csrf}).status_code == 403
    csrf = sign_in(client, "bientap")
    assert client.post(f"/api/documents/{ids[0]}/bulletin").status_code == 403  # no CSRF header
    made = client.post(f"/api/documents/{ids[0]}/bulletin", headers={"X-CSRF-Token": csrf})
    assert made.status_code == 201, made.text
    bulletin_id = made.json()["bulletin"]
    assert made.json()["state"] == "draft"
    detail = client.get(f"/api/bulletins/{bulletin_id}").json()
    assert detail["scripts"]["vi"]["author"] == "bientap" and len(detail["media"]) == 1
    duplicate = client.post(f"/api/documents/{ids[0]}/bulletin", headers={"X-CSRF-Token": csrf})
    assert duplicate.status_code == 409 and duplicate.json()["bulletins"] == [bulletin_id]
    doc = client.get(f"/api/documents/{ids[0]}").json()
    assert doc["number"] == "162/2026/NĐ-CP" and doc["bulletins"][0]["id"] == bulletin_id
    assert doc["relations"] and doc["articles"] and doc["script"]
    assert doc["type"] == "Nghị định" and doc["issuer"] == "Chính phủ" and doc["issued_on"].startswith("2026-")  # as draft --json
    assert client.post("/api/documents/9999/bulletin", headers={"X-CSRF-Token": csrf}).status_code == 404
    assert client.get("/van-ban/9999").status_code == 404


def test_programme_page_creates_each_kind_and_keeps_bad_input(site: tuple[TestClient, Store, list[int]]) -> None:
    from tests.app.test_programmes import tone_wav

    client, store, _ = site
    csrf = sign_in(client, "bientap")
    page = client.get("/chuong-trinh/moi").text
    assert 'href="/chuong-trinh/moi"' in page and "Thông báo (máy đọc)" in page and "/static/recorder.js" in page
    text = "Chiều nay từ 14 giờ đến 16 giờ, thôn 1 tạm ngừng cấp điện để sửa đường dây."
    made = client.post(
        "/chuong-trinh/thong-bao", data={"csrf": csrf, "title": "Lịch cắt điện", "text": text}, follow_redirects=False
    )
    assert made.status_code == 303 and made.headers["location"].startswith("/ban-tin/")
    editor = client.get(made.headers["location"]).text
    assert text in editor and "<audio" in editor
    bad = client.post(
        "/chuong-trinh/tiep-song", data={"csrf": csrf, "title": "VOV", "url": "file:///etc/passwd", "minutes": "30"}
    )
    assert bad.status_code == 400 and "http:// hoặc https://" in bad.text and 'value="file:///etc/passwd"' in bad.text
    bad = client.post("/chuong-trinh/tiep-song", data={"csrf": csrf, "url": "https://radio.example/live", "minutes": "-3"})
    assert bad.status_code == 400 and "lớn hơn 0" in bad.text
    bad = client.post("/chuong-trinh/thong-bao", data={"csrf": csrf, "title": "Giữ lại tiêu đề", "text": " "})
    assert bad.status_code == 400 and "Thông báo trống" in bad.text and 'value="Giữ lại tiêu đề"' in bad.text
    files = {"audio": ("van-ban.pdf", b"%PDF-1.4 " + b"x" * 5000, "application/pdf")}
    bad = client.post("/chuong-trinh/tep-am-thanh", data={"csrf": csrf, "title": "PDF"}, files=files)
    assert bad.status_code == 400 and "không dùng được" in bad.text
    files = {"audio": ("nhac.wav", tone_wav(), "audio/wav")}
    made = client.post("/chuong-trinh/tep-am-thanh", data={"csrf": csrf, "title": "Nhạc"}, files=files, follow_redirects=False)
    assert made.status_code == 303
    made = client.post(
        "/chuong-trinh/tiep-song",
        data={"csrf": csrf, "title": "VOV1", "url": "https://radio.example/vov1", "minutes": "45"},
        follow_redirects=False,
    )
    assert made.status_code == 303
    with store.session() as s:
        rows = {b.kind: b for b in s.scalars(select(Bulletin))}
    assert set(rows) == {"notice", "audio", "relay"} and rows["relay"].stream_duration_ms == 45 * 60_000
    relay_page = client.get(made.headers["location"]).text
    assert "https://radio.example/vov1" in relay_page and "45.0 phút" in relay_page
    assert "Tạo âm thanh" not in relay_page  # nothing to speak: the stream is what plays
    csrf = sign_in(client, "pheduyet")  # approvers do not create programmes
    denied = client.post("/chuong-trinh/thong-bao", data={"csrf": csrf, "title": "x", "text": "Câu."})
    assert denied.status_code == 403


def test_programme_api(site: tuple[TestClient, Store, list[int]]) -> None:
    from tests.app.test_programmes import tone_wav

    client, store, _ = site
    csrf = sign_in(client, "bientap")
    headers = {"X-CSRF-Token": csrf}
    relay = client.post("/api/programmes/relay", json={"url": "http://radio.example/live", "minutes": 10}, headers=headers)
    assert relay.status_code == 201 and relay.json()["state"] == "draft"
    bad = client.post("/api/programmes/relay", json={"url": "ftp://radio.example/live", "minutes": 10}, headers=headers)
    assert bad.status_code == 400 and "http:// hoặc https://" in bad.json()["error"]
    bad = client.post("/api/programmes/notice", json={"title": "x", "text": ""}, headers=headers)
    assert bad.status_code == 400 and "Thông báo trống" in bad.json()["error"]
    audio = client.post(
        "/api/programmes/audio", data={"title": "Nhạc"}, files={"audio": ("a.wav", tone_wav(), "audio/wav")}, headers=headers
    )
    assert audio.status_code == 201
    bulletin = client.get(f"/api/bulletins/{audio.json()['bulletin']}").json()
    assert len(bulletin["media"]) == 1 and bulletin["media"][0]["codec"] == "mp3"
    with store.session() as s:
        assert len(s.scalars(select(Bulletin)).all()) == 2

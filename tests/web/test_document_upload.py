"""Issue 23 point 7: an editor adds a legal document from the console (the CLI's ingest, limits and sandbox)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from broadcaster.app.messages import is_vietnamese
from broadcaster.store.models import Document, IngestFailure
from broadcaster.web.app import create_app
from tests.conftest import CORPUS
from tests.web.world import CHROMIUM, FLAGS, PASSWORD, build, serve, sign_in

PDF = next(iter(sorted((CORPUS / "pdf").glob("*.pdf"))))
TXT = CORPUS / "dev" / "ct-06-ct-ubnd-quangtri.txt"


def documents(store: object) -> int:
    with store.session() as s:  # type: ignore[attr-defined]
        return int(s.scalar(select(func.count()).select_from(Document)) or 0)


def signed_in(client: TestClient, user: str) -> str:
    page = client.post("/dang-nhap", data={"username": user, "password": PASSWORD}, follow_redirects=False)
    assert page.status_code == 303
    form = client.get("/chuong-trinh/moi").text
    return form.split('name="csrf" value="', 1)[1].split('"', 1)[0]


def test_pdf_and_text_are_stored_and_bad_files_get_a_vietnamese_reason(tmp_path: Path) -> None:
    settings, store, _approved, _draft = build(tmp_path)
    client = TestClient(create_app(settings, store))
    csrf = signed_in(client, "bientap")
    before = documents(store)
    for path, mime in ((PDF, "application/pdf"), (TXT, "text/plain")):
        done = client.post(
            "/van-ban/tai-len",
            data={"csrf": csrf},
            files={"document": (path.name, path.read_bytes(), mime)},
            follow_redirects=False,
        )
        assert done.status_code == 303, done.text
        assert done.headers["location"].startswith("/van-ban/")
    assert documents(store) == before + 2
    again = client.post("/van-ban/tai-len", data={"csrf": csrf}, files={"document": (TXT.name, TXT.read_bytes(), "text/plain")})
    assert "đã có trong hệ thống" in again.text and documents(store) == before + 2  # the same document once
    bad = [
        ("hong.pdf", b"%PDF-1.4 not really a pdf", "không đọc được tệp pdf"),
        ("anh.png", b"\x89PNG\r\n\x1a\n", "chỉ nhận tệp pdf, word"),
        ("thu.txt", "Kính gửi bà con, mai họp thôn.".encode(), "không tìm thấy số hiệu văn bản"),
        ("rong.txt", b"", "hãy chọn một tệp"),
    ]
    for name, data, said in bad:
        refused = client.post(
            "/van-ban/tai-len", data={"csrf": csrf}, files={"document": (name, data, "application/octet-stream")}
        )
        assert refused.status_code == 400, (name, refused.text[:300])
        error = refused.text.split('role="alert">', 1)[1].split("</div>", 1)[0]
        assert said in error.lower() and is_vietnamese(error), (name, error)
    assert documents(store) == before + 2  # nothing lost, nothing half-stored
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(IngestFailure)) == 3  # recorded like the CLI's
    # a role that cannot edit may not add documents
    csrf = signed_in(client, "canbo")
    refused = client.post("/van-ban/tai-len", data={"csrf": csrf}, files={"document": (TXT.name, TXT.read_bytes(), "text/plain")})
    assert refused.status_code == 403


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run")
@pytest.mark.parametrize("width", [390, 1366])
def test_an_editor_uploads_a_pdf_in_the_browser(tmp_path: Path, width: int) -> None:
    from playwright.sync_api import expect, sync_playwright

    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    with serve(tmp_path) as w, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": width, "height": 900}, locale="vi-VN")
        sign_in(page, w.base, "bientap")
        started, taps = time.monotonic(), 0
        page.goto(f"{w.base}/chuong-trinh/moi")
        page.set_input_files("#document-file", str(bad))
        page.click("#van-ban button")
        taps += 2
        expect(page.locator(".error")).to_contain_text("Không đọc được tệp PDF")
        page.set_input_files("#document-file", str(PDF))
        page.click("#van-ban button")
        taps += 2
        page.wait_for_url("**/van-ban/*")
        expect(page.locator("body")).to_contain_text("Đã thêm văn bản")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        print(f"editor uploads a PDF (after a broken one) @{width}px: {taps} taps, {time.monotonic() - started:.1f} s")
        browser.close()

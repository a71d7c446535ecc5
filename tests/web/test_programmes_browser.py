"""In real headless Chromium, as an editor: a newly ingested document becomes a bulletin in the
editor with its drafted script, and a typed announcement is created from "Tạo chương trình"."""

from __future__ import annotations

import re
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from sqlalchemy import select

from broadcaster.app.documents import ingest
from broadcaster.config import Settings
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import Bulletin, User
from broadcaster.store.passwords import hash_password
from broadcaster.web.app import create_app
from devices.background import free_port
from scripts.draft import draft
from scripts.ingest import LocalFetcher
from scripts.legal import parse
from tests.conftest import CORPUS, ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PASSWORD = "mat-khau-an-toan"
SOURCE = CORPUS / "dev" / "qd-96-2025-qd-ubnd-quangninh.txt"
RENDER_MS = 180_000  # speaking a whole bulletin on a busy two-core machine


@pytest.fixture
def console(tmp_path: Path) -> Iterator[tuple[str, Store, int]]:
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings.database_url)
    with store.session() as s:
        s.add(User(username="bientap", role="editor", display_name="Nguyễn Văn Biên", password_hash=hash_password(PASSWORD)))
        document_id = ingest(s, [str(SOURCE)], LocalFetcher()).stored[0].id
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings, store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", store, document_id
    server.should_exit = True
    thread.join(10)


@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run")
def test_editor_creates_a_bulletin_from_a_new_document_and_a_notice(console: tuple[str, Store, int]) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, store, document_id = console
    drafted = draft(parse(SOURCE.read_text(encoding="utf-8")))
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        page.goto(f"{base}/dang-nhap?next=/")
        page.fill("#username", "bientap")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        expect(page.locator("h1")).to_have_text("Hộp việc")

        # the new document: its page shows the parsed structure and the drafted script beside it
        page.click(f"a[href='/van-ban/{document_id}']")
        expect(page.locator("h1")).to_contain_text("96/2025/QĐ-UBND")
        expect(page.locator("table.facts")).to_contain_text("30/11/2025")
        expect(page.locator("body")).to_contain_text("Thay thế văn bản số 29/2020/QĐ-UBND")
        expect(page.locator(".card").nth(1)).to_contain_text(drafted.sentences[1].text)
        page.screenshot(path=str(ARTIFACTS / "programmes-1-document.png"), full_page=False)
        page.click("button:has-text('Tạo bản tin')")
        expect(page).to_have_url(re.compile(r"/ban-tin/\d+"), timeout=RENDER_MS)
        expect(page.locator(".ok")).to_contain_text("Đã soạn bản tin")
        texts = page.locator("textarea[name=sentence]")
        expect(texts).to_have_count(len(drafted.sentences) + 1)  # plus the empty "add a sentence" box
        expect(texts.nth(1)).to_have_value(drafted.sentences[1].text)
        expect(page.locator("audio")).to_have_count(1)
        expect(page.locator(".source")).to_contain_text("phòng cháy, chữa cháy rừng")
        page.screenshot(path=str(ARTIFACTS / "programmes-2-editor.png"), full_page=False)

        # back on the document: it says it has a bulletin, and the inbox no longer offers to create one
        page.goto(f"{base}/van-ban/{document_id}")
        expect(page.locator("#da-co-ban-tin")).to_contain_text("đã có bản tin")
        page.goto(f"{base}/")
        expect(page.locator("button:has-text('Tạo bản tin')")).to_have_count(0)

        # a typed announcement from "Tạo chương trình"
        page.click("header a:has-text('Tạo chương trình')")
        page.fill("#relay-url", "https://radio.example.vn/live")
        page.fill("#relay-minutes", "-5")
        page.click("button:has-text('Tạo tiếp sóng')")
        expect(page.locator(".error")).to_contain_text("lớn hơn 0")
        expect(page.locator("#relay-url")).to_have_value("https://radio.example.vn/live")
        page.fill("#notice-title", "Lịch tiêm phòng gia súc")
        notice = "Sáng thứ Bảy, xã tổ chức tiêm phòng cho đàn gia súc. Đề nghị bà con đưa vật nuôi đến nhà văn hóa thôn."
        page.fill("#notice-text", notice)
        page.click("button:has-text('Tạo thông báo')")
        expect(page).to_have_url(re.compile(r"/ban-tin/\d+"), timeout=RENDER_MS)
        expect(page.locator("h1")).to_contain_text("Lịch tiêm phòng gia súc")
        expect(page.locator("textarea[name=sentence]").first).to_have_value(
            "Sáng thứ Bảy, xã tổ chức tiêm phòng cho đàn gia súc."
        )
        expect(page.locator("audio")).to_have_count(1)
        page.screenshot(path=str(ARTIFACTS / "programmes-3-notice.png"), full_page=False)
        browser.close()
    with store.session() as s:
        kinds = sorted(b.kind for b in s.scalars(select(Bulletin)))
    assert kinds == ["document", "notice"]


@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run")
def test_browser_recording_becomes_a_bulletin(console: tuple[str, Store, int]) -> None:
    """Chromium's fake microphone (a beeping tone) recorded with MediaRecorder, posted by recorder.js."""
    from playwright.sync_api import expect, sync_playwright

    base, store, _ = console
    fake_mic = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS + fake_mic)
        context = browser.new_context(locale="vi-VN")
        context.grant_permissions(["microphone"], origin=base)
        page = context.new_page()
        page.goto(f"{base}/dang-nhap?next=/chuong-trinh/moi")
        page.fill("#username", "bientap")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        page.fill("#rec-title", "Lời nhắn của trưởng thôn")
        page.click("#rec")
        expect(page.locator("#recstate")).to_have_text("Đang ghi âm…")
        page.wait_for_timeout(2500)
        page.click("#rec")
        # heard before it is sent: a preview of the recording, then "Gửi bản ghi"
        expect(page.locator("#recstate")).to_contain_text("Nghe lại bản ghi")
        expect(page.locator("#rec-preview")).to_be_visible()
        assert page.evaluate("document.getElementById('rec-preview').src").startswith("blob:")
        page.click("#rec-send")
        expect(page).to_have_url(re.compile(r"/ban-tin/\d+"), timeout=60_000)
        expect(page.locator("h1")).to_contain_text("Lời nhắn của trưởng thôn")
        expect(page.locator("audio")).to_have_count(1)
        browser.close()
    with store.session() as s:
        bulletin = s.scalars(select(Bulletin)).one()
    assert bulletin.kind == "recording"


@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run")
def test_a_refused_microphone_is_said_and_nothing_is_sent(console: tuple[str, Store, int]) -> None:
    """The microphone refused (no permission granted, no auto-accepting prompt): the page says what
    to do in Vietnamese instead of doing nothing, and no bulletin is made."""
    from playwright.sync_api import expect, sync_playwright

    base, store, _ = console
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[*FLAGS, "--use-fake-device-for-media-stream"])
        page = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844}).new_page()
        page.goto(f"{base}/dang-nhap?next=/chuong-trinh/moi")
        page.fill("#username", "bientap")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        page.fill("#rec-title", "Lời nhắn")
        page.click("#rec")
        expect(page.locator("#recstate")).to_contain_text("chưa cho phép dùng micrô")
        expect(page.locator("#recstate")).to_have_attribute("role", "alert")
        expect(page.locator("#rec-preview")).to_be_hidden()
        assert page.locator("#rec").inner_text() == "Ghi âm"
        browser.close()
    with store.session() as s:
        assert s.scalars(select(Bulletin)).first() is None

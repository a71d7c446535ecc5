"""The console in real headless Chromium: draft → edit → review → approve → book → calendar → audit."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
import uvicorn

from broadcaster.app.documents import ingest
from broadcaster.app.workflow import Actor, Role, create_bulletin
from broadcaster.config import Settings
from broadcaster.store.engine import open_store
from broadcaster.store.models import User
from broadcaster.store.passwords import hash_password
from broadcaster.web.app import create_app
from devices.background import free_port
from scripts.draft import draft
from scripts.ingest import LocalFetcher
from tests.conftest import CORPUS, ROOT
from tests.helpers import zone_with_devices

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PASSWORD = "mat-khau-an-toan"


@pytest.fixture
def console(tmp_path: Path) -> Iterator[tuple[str, int]]:
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings.database_url)
    with store.session() as s:
        for name, role, communes, display in (
            ("bientap", "editor", [], "Nguyễn Văn Biên"),
            ("pheduyet", "approver", [], "Trần Thị Duyệt"),
            ("canbo", "official", ["xa-a"], "Lò Văn Xã"),
        ):
            s.add(User(username=name, role=role, display_name=display, password_hash=hash_password(PASSWORD), communes=communes))
    zone_with_devices(
        store, "thon-1", "xa-a", [__import__("datetime").time(7, 0), __import__("datetime").time(17, 30)], ["loa-1"], minutes=15
    )
    with store.session() as s:
        result = ingest(s, [str(CORPUS / "dev" / "nd-162-2026-nd-cp.txt")], LocalFetcher())
        document_id, parsed = next(iter(result.parsed.items()))
        script = draft(parsed)
        bulletin = create_bulletin(
            s, Actor("bientap", Role.EDITOR), parsed.full_title, document_id, "vi", script.text, script.sentence_dicts()
        )
        bulletin_id = bulletin.id
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings, store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", bulletin_id
    server.should_exit = True
    thread.join(10)


@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run")
def test_editorial_flow_in_the_browser(console: tuple[str, int]) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, bulletin = console
    ARTIFACTS.mkdir(exist_ok=True)
    monday = date.today() + timedelta(days=7 - date.today().weekday())
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")

        def sign_in(user: str) -> None:
            page.goto(f"{base}/dang-nhap")
            page.fill("#username", user)
            page.fill("#password", PASSWORD)
            page.click("button[type=submit]")
            expect(page.locator("header .who")).to_contain_text(user == "bientap" and "Nguyễn Văn Biên" or "")

        def sign_out() -> None:
            page.click("header form button")
            expect(page).to_have_url(f"{base}/dang-nhap")

        sign_in("bientap")
        expect(page.locator("h1")).to_have_text("Hộp việc")
        page.click(f"a[href='/ban-tin/{bulletin}']")
        expect(page.locator(".source")).to_contain_text("162/2026/NĐ-CP")
        expect(page.locator(".cite").first).to_contain_text("Câu mẫu")
        page.screenshot(path=str(ARTIFACTS / "1-editor.png"), full_page=False)
        first = page.locator("textarea[name=sentence]").first
        first.fill("Kính thưa bà con, sau đây là bản tin pháp luật của xã.")
        page.click("text=Lưu chỉnh sửa")
        expect(page.locator(".ok")).to_contain_text("Đã lưu phiên bản 2")
        page.click("button:has-text('Tạo âm thanh')")
        expect(page.locator(".ok")).to_contain_text("Đã tạo âm thanh")
        expect(page.locator("audio")).to_have_count(1)
        page.click("button:has-text('Gửi duyệt')")
        expect(page.locator("h1 .badge")).to_have_text("Chờ duyệt")
        expect(page.locator("button:has-text('Phê duyệt')")).to_have_count(0)  # an editor is not shown approval
        page.goto(f"{base}/")
        sign_out()

        sign_in("pheduyet")
        page.goto(f"{base}/ban-tin/{bulletin}")
        page.click("button:has-text('Phê duyệt')")
        expect(page.locator("h1 .badge")).to_have_text("Đã duyệt")
        page.screenshot(path=str(ARTIFACTS / "2-approved.png"))
        sign_out()

        sign_in("canbo")
        page.goto(f"{base}/ban-tin/{bulletin}/dat-lich")
        page.check("input[name=zones][value=thon-1]")
        page.fill("#starts_on", monday.isoformat())
        page.select_option("#slot", "17:30")
        page.select_option("#repeat", "weekly")
        page.check("#weekdays label:has-text('Thứ Hai') input")
        page.check("#weekdays label:has-text('Thứ Năm') input")
        page.click("button:has-text('Đặt lịch')")
        expect(page.locator(".ok")).to_contain_text("Đã đặt lịch phát")
        items = page.locator(".week .item")
        expect(items).to_have_count(2)
        expect(items.first).to_contain_text("17:30")
        expect(items.first).to_contain_text("Nghị định")
        page.screenshot(path=str(ARTIFACTS / "3-calendar.png"), full_page=True)
        page.goto(f"{base}/nhat-ky")
        # an official reads the part of the log that concerns their commune, without IP addresses
        expect(page.locator("table")).to_contain_text("Đặt lịch phát")
        expect(page.locator("table")).not_to_contain_text("Sửa kịch bản")
        expect(page.locator("th", has_text="Địa chỉ IP")).to_have_count(0)
        page.screenshot(path=str(ARTIFACTS / "4-audit.png"))
        browser.close()
    assert all((ARTIFACTS / f).stat().st_size > 10_000 for f in ("1-editor.png", "3-calendar.png"))

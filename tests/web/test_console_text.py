"""Small console text and touch targets a user trial found: the menu button, citations without an
article, zone boxes as large as the weekday boxes, weekday boxes only for a weekly booking."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from broadcaster.app.workflow import current_scripts
from broadcaster.store.models import ScriptVersion
from broadcaster.web.app import create_app
from tests.web.world import CHROMIUM, FLAGS, PASSWORD, build, serve, sign_in


def test_menu_button_and_a_citation_without_an_article(tmp_path: Path) -> None:
    settings, store, approved, _draft = build(tmp_path)
    with store.session() as s:  # the first sentence quotes the document's header (no article, clause or point)
        script = current_scripts(s, approved)["vi"]
        row = s.get(ScriptVersion, script.id)
        assert row is not None
        quote = "Quảng Trị, ngày 12 tháng 3 năm 2026"
        row.sentences = [{**row.sentences[0], "source": {"article": None, "clause": None, "point": None, "quote": quote}}]
    client = TestClient(create_app(settings, store))
    client.post("/api/session", json={"username": "quantri", "password": PASSWORD})
    html = client.get(f"/ban-tin/{approved}").text
    assert "☰ Danh mục" in html and "Menu" not in html
    cite = re.search(r'<div class="cite">(.*?)</div>', html)
    assert cite is not None and cite.group(1) == f"Phần đầu văn bản: “{quote}”", cite and cite.group(1)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run")
def test_booking_form_on_a_phone(tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with serve(tmp_path) as w, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN", has_touch=True, is_mobile=True)
        sign_in(page, w.base, "canbo")
        page.goto(f"{w.base}/ban-tin/{w.approved}/dat-lich")
        zones = page.locator(".zone-boxes label")
        assert zones.count() >= 1
        for i in range(zones.count()):
            label, box = zones.nth(i).bounding_box(), zones.nth(i).locator("input").bounding_box()
            assert label and box and label["height"] >= 44 and box["width"] >= 20, (label, box)
        zones.first.tap()  # a tap on the zone's name ticks it
        expect(zones.first.locator("input")).to_be_checked()
        expect(page.locator("#repeat")).to_have_value("once")
        expect(page.locator("#weekdays")).to_be_hidden()
        page.select_option("#repeat", "weekly")
        expect(page.locator("#weekdays")).to_be_visible()
        page.locator("#weekdays label", has_text="Thứ Bảy").tap()
        page.select_option("#repeat", "daily")
        expect(page.locator("#weekdays")).to_be_visible()  # a ticked day is never hidden from the user
        page.locator("#weekdays label", has_text="Thứ Bảy").tap()
        page.select_option("#repeat", "monthly")
        expect(page.locator("#weekdays")).to_be_hidden()
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        page.goto(f"{w.base}/ban-tin/{w.approved}/dat-lich")
        page.click(".menu-button")
        expect(page.locator("header nav")).to_be_visible()
        browser.close()

"""Issue 23, items met: communes are records with display names chosen from a list; zones are
editable; a failed zone form keeps what was typed and speaks of no "Dòng 1"; slots in quiet
hours are warned about."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from broadcaster.app.messages import is_vietnamese
from broadcaster.store.models import Commune, User, ZoneRow
from broadcaster.web.app import create_app
from tests.web.world import CHROMIUM, FLAGS, PASSWORD, build, serve, sign_in


def admin(client: TestClient) -> str:
    client.post("/dang-nhap", data={"username": "quantri", "password": PASSWORD})
    return client.get("/quan-tri").text.split('name="csrf" value="', 1)[1].split('"', 1)[0]


def test_communes_are_chosen_from_a_list_and_zone_forms_keep_what_was_typed(tmp_path: Path) -> None:
    settings, store, _approved, _draft = build(tmp_path)
    client = TestClient(create_app(settings, store))
    csrf = admin(client)
    added = client.post("/quan-tri/xa", data={"csrf": csrf, "ten": "Tân Lập"}, follow_redirects=False)
    assert added.status_code == 303 and "tan-lap" in unquote(added.headers["location"])
    with store.session() as s:
        assert s.get(Commune, "tan-lap").name == "Tân Lập"  # type: ignore[union-attr]
    page = client.get("/quan-tri").text
    assert '<option value="tan-lap">Tân Lập</option>' in page  # offered in the user form's list
    # an official's commune: chosen from the list; typed by its name it is the same commune…
    user = {"csrf": csrf, "username": "canbo2", "password": "mat-khau-rat-dai", "role": "official"}
    ok = client.post("/quan-tri/nguoi-dung", data={**user, "communes": ["tan lap"]}, follow_redirects=False)
    assert ok.status_code == 303
    with store.session() as s:
        assert s.scalars(select(User).where(User.username == "canbo2")).one().communes == ["tan-lap"]
    # …and a commune that does not exist is refused, not stored as free text
    refused = client.post("/quan-tri/nguoi-dung", data={**user, "username": "canbo3", "communes": ["Tân Lộc"]})
    assert refused.status_code == 400 and "Không có xã “Tân Lộc”" in refused.text
    with store.session() as s:
        assert s.scalars(select(User).where(User.username == "canbo3")).first() is None

    # a zone: a failed form keeps what was typed and says no "Dòng 1"
    zone = {
        "csrf": csrf,
        "ma_vung": "thon-moi",
        "ten": "Thôn Mới",
        "xa": "tan-lap",
        "khung_gio": "06:30/15;25:00/15",
        "gio_yen_tinh": "21:30-05:30",
        "ngon_ngu": "vi,hnj",
    }
    bad = client.post("/quan-tri/vung", data=zone)
    assert bad.status_code == 400
    box = bad.text.split('id="problems"', 1)[1].split("</div>", 1)[0]
    assert "25:00" in box and "Dòng" not in box and is_vietnamese(box)
    form = bad.text.split('id="vung-form"', 1)[1].split("</form>", 1)[0]
    assert 'value="Thôn Mới"' in form and 'value="06:30/15;25:00/15"' in form and 'value="vi,hnj"' in form
    assert '<option value="tan-lap" selected>' in form
    # saved with a slot inside the quiet hours: saved, and said
    saved = client.post("/quan-tri/vung", data={**zone, "khung_gio": "06:30/15;22:00/15"}, follow_redirects=False)
    assert saved.status_code == 303
    said = unquote(saved.headers["location"])
    assert "22:00" in said and "giờ yên tĩnh" in said and "06:30" not in said.split("Lưu ý", 1)[1]
    # zones are editable: "Sửa" fills the form with the zone
    edit = client.get("/quan-tri?vung=thon-moi").text.split('id="vung-form"', 1)[1].split("</form>", 1)[0]
    assert "Sửa vùng thon-moi" in edit and 'value="06:30/15;22:00/15"' in edit
    client.post("/quan-tri/vung", data={**zone, "khung_gio": "06:30/15", "ten": "Thôn Mới Sửa"})
    with store.session() as s:
        row = s.get(ZoneRow, "thon-moi")
        assert row is not None and row.name == "Thôn Mới Sửa" and row.slots == [{"start": "06:30", "minutes": 15.0}]
    # the statistics name the commune as people say it
    stats = client.get("/thong-ke?xa=tan-lap").text
    assert "<h1>Thống kê xã Tân Lập</h1>" in stats and '<option value="tan-lap" selected>Tân Lập</option>' in stats
    # an unknown commune in the zone form is refused too
    other = client.post("/quan-tri/vung", data={**zone, "ma_vung": "thon-x", "xa": "Tân Lộc"})
    assert other.status_code == 400 and "Tân Lộc" in other.text


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run")
@pytest.mark.parametrize("width", [390, 1366])
def test_admin_adds_a_commune_and_an_official_of_it_in_the_browser(tmp_path: Path, width: int) -> None:
    from playwright.sync_api import expect, sync_playwright

    with serve(tmp_path) as w, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": width, "height": 900}, locale="vi-VN")
        sign_in(page, w.base, "quantri")
        started, taps = time.monotonic(), 0
        page.goto(f"{w.base}/quan-tri")
        page.fill("#x-ten", "Tân Lập")
        page.click("#xa-form button")
        taps += 2
        expect(page.locator("#communes")).to_contain_text("Tân Lập")
        page.fill("#nu-username", "canbo-tl")
        page.select_option("#nu-role", "official")
        page.select_option("#nu-communes", "tan-lap")
        page.fill("#nu-password", "mat-khau-rat-dai")
        page.click("form[action='/quan-tri/nguoi-dung'] button")
        taps += 5
        expect(page.locator("#users")).to_contain_text("canbo-tl")
        # edit a zone: "Sửa", change its name, save
        page.click("#zones a[href*='vung=thon-1']")
        page.fill("#z-ten", "Thôn Một")
        page.click("#vung-form button")
        taps += 3
        expect(page.locator("#zones")).to_contain_text("Thôn Một")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        print(
            f"admin adds a commune, an official of it, edits a zone @{width}px: {taps} taps, {time.monotonic() - started:.1f} s"
        )
        browser.close()
    with w.store.session() as s:
        assert s.scalars(select(User).where(User.username == "canbo-tl")).one().communes == ["tan-lap"]

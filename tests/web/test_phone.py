"""Phones first: every page each role can open fits a 390 px screen, the week is a day list."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from broadcaster.app.workflow import Role
from broadcaster.web.ui import menu_for
from tests.conftest import ROOT
from tests.web.world import CHROMIUM, FLAGS, PASSWORD, USERS, World, serve, sign_in

ARTIFACTS = ROOT / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run"),
]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with serve(tmp_path_factory.mktemp("phone")) as w:
        yield w


def pages_of(role: Role, w: World) -> list[str]:
    extra = {
        Role.ADMIN: [f"/ban-tin/{w.approved}", f"/ban-tin/{w.approved}/dat-lich", f"/dich/{w.approved}/rad", "/khong-co"],
        Role.EDITOR: [f"/ban-tin/{w.draft}", "/nhat-ky"],
        Role.APPROVER: [f"/ban-tin/{w.approved}"],
        Role.TRANSLATOR: [f"/dich/{w.approved}/rad", "/nhat-ky"],
        Role.OFFICIAL: [f"/ban-tin/{w.approved}/dat-lich", "/lich?zone=thon-9"],
        Role.OBSERVER: ["/khan-cap"],
    }[role]
    return [href for href, _ in menu_for(role)] + extra


def test_every_page_fits_a_phone_for_every_role(world: World) -> None:
    from playwright.sync_api import sync_playwright

    widths: dict[str, int] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN", is_mobile=True, has_touch=True)
        for user, (role, *_rest) in USERS.items():
            sign_in(page, world.base, user)
            for path in pages_of(Role(role), world):
                page.goto(world.base + path)
                scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
                widths[f"{user} {path}"] = scroll
                assert scroll <= inner, f"{path} as {user} is {scroll} px wide on a {inner} px screen"
                # the header stays compact: under a tenth of the screen until the menu is opened
                assert page.locator("header").count() == 1, f"{path} as {user} is not a console page"
                assert page.locator("header").bounding_box()["height"] < 84, path  # type: ignore[index]
        # the menu opens with one tap and its links are large enough to touch
        sign_in(page, world.base, "canbo")
        page.goto(world.base + "/lich")
        assert not page.locator("header nav").is_visible()
        page.click(".menu-button")
        link = page.locator("header nav a", has_text="Thiết bị loa")
        assert link.is_visible() and link.bounding_box()["height"] >= 40  # type: ignore[index]
        # the week is a list of days, one under the other
        boxes = [page.locator(".week .day").nth(i).bounding_box() for i in range(2)]
        assert boxes[0]["x"] == boxes[1]["x"] and boxes[1]["y"] > boxes[0]["y"]  # type: ignore[index]
        ARTIFACTS.mkdir(exist_ok=True)  # copied into docs/screenshots for the README
        page.click(".menu-button")
        page.screenshot(path=str(ARTIFACTS / "phone-calendar.png"), full_page=False)
        browser.close()
    assert len(widths) >= 30


def test_times_are_local_and_csv_has_a_bom(world: World) -> None:
    from fastapi.testclient import TestClient

    from broadcaster.web.app import create_app
    from tests.web.world import PASSWORD

    client = TestClient(create_app(world.settings, world.store))
    client.post("/dang-nhap", data={"username": "quantri", "password": PASSWORD})
    csv = client.get("/nhat-ky.csv").content
    assert csv.startswith("\ufeff".encode())
    assert "quantri" in csv.decode("utf-8-sig")
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    with world.store.session() as s:
        from broadcaster.store.models import DeviceRow

        seen = s.get(DeviceRow, "loa-1").last_seen  # type: ignore[union-attr]
    local = seen.replace(tzinfo=seen.tzinfo or UTC).astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).strftime("%d/%m %H:%M")
    assert local in client.get("/loa").text  # the zone's wall clock, not UTC
    _ = datetime


def test_an_expired_session_keeps_the_unsaved_edit(world: World) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN")
        sign_in(page, world.base, "bientap")
        page.goto(f"{world.base}/ban-tin/{world.draft}")
        page.context.clear_cookies()  # the session expires while the editor types
        page.locator("textarea[name=sentence]").first.fill("Câu sửa dở chưa kịp lưu.")
        page.click("text=Lưu chỉnh sửa")
        expect(page.locator(".flag")).to_contain_text("Phiên làm việc đã hết hạn")
        page.fill("#username", "bientap")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        expect(page).to_have_url(f"{world.base}/ban-tin/{world.draft}")
        expect(page.locator(".restored")).to_be_visible()
        expect(page.locator("textarea[name=sentence]").first).to_have_value("Câu sửa dở chưa kịp lưu.")
        page.click("text=Lưu chỉnh sửa")
        expect(page.locator(".ok")).to_contain_text("Đã lưu phiên bản 2")
        browser.close()

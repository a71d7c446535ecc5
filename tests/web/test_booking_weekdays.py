"""Weekdays in the booking form are seven boxes (Thứ Hai … Chủ Nhật) mapped to a weekly rule."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from broadcaster.app.messages import is_vietnamese
from broadcaster.store.models import BookingRow
from broadcaster.web.app import create_app
from tests.web.world import CHROMIUM, FLAGS, PASSWORD, build, serve, sign_in

DAY = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date() + timedelta(days=2)
NAMES = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def test_api_takes_a_list_or_text_and_refuses_an_empty_or_bad_week(tmp_path: Path) -> None:
    settings, store, approved, _draft = build(tmp_path)
    client = TestClient(create_app(settings, store))
    token = client.post("/api/session", json={"username": "canbo", "password": PASSWORD}).json()["csrf"]
    h = {"X-CSRF-Token": token}
    ask = {"bulletin": approved, "zones": ["thon-1"], "starts_on": DAY.isoformat(), "slot": "07:00", "repeat": "weekly"}
    for weekdays, code in (([], "schedule.no_weekdays"), ("", "schedule.no_weekdays"), (["MO", "XX"], "schedule.bad_weekdays")):
        refused = client.post("/api/bookings", json={**ask, "weekdays": weekdays}, headers=h)
        assert refused.status_code == 400 and refused.json()["code"] == code, refused.json()
        assert is_vietnamese(refused.json()["error"])
    ticked_once = client.post("/api/bookings", json={**ask, "repeat": "once", "weekdays": ["SA"]}, headers=h)
    assert ticked_once.json()["code"] == "schedule.weekdays_not_weekly", "ticked days are never dropped unseen"
    made = client.post("/api/bookings", json={**ask, "weekdays": ["SU", "MO", "MO"]}, headers=h)
    assert made.status_code == 200 and made.json()["rule"] == "FREQ=WEEKLY;BYDAY=MO,SU"
    with store.session() as s:
        assert s.query(BookingRow).filter(BookingRow.rule == "FREQ=WEEKLY;BYDAY=MO,SU").count() == 1


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run")
def test_weekday_boxes_on_a_phone(tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with serve(tmp_path) as w, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN", has_touch=True, is_mobile=True)
        sign_in(page, w.base, "canbo")

        def fill(repeat: str, days: list[str]) -> None:
            page.goto(f"{w.base}/ban-tin/{w.approved}/dat-lich")
            page.check("input[name=zones][value=thon-1]")
            page.fill("#starts_on", DAY.isoformat())
            page.select_option("#slot", "07:00")
            page.select_option("#repeat", "weekly")  # the weekday boxes show only for a weekly booking
            for name in days:  # a tap on the day's name, not on the small box
                page.locator("#weekdays label", has_text=name).tap()
            page.select_option("#repeat", repeat)

        fill("weekly", [])
        labels = page.locator("#weekdays label")
        expect(labels).to_have_text(NAMES)
        for i in range(7):
            box = labels.nth(i).bounding_box()
            assert box is not None and box["height"] >= 44 and box["width"] >= 120, (NAMES[i], box)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        page.click("button:has-text('Đặt lịch')")
        expect(page.locator("#problems li[data-code='schedule.no_weekdays']")).to_contain_text("ít nhất một thứ")

        fill("once", ["Thứ Bảy"])
        page.click("button:has-text('Đặt lịch')")
        expect(page.locator("#problems li[data-code='schedule.weekdays_not_weekly']")).to_contain_text("Hằng tuần")
        expect(page.locator("#weekdays input[value=SA]")).to_be_checked()  # kept on the form
        assert is_vietnamese(page.locator("#problems li").inner_text())

        fill("weekly", ["Thứ Hai", "Thứ Năm"])
        page.click("button:has-text('Đặt lịch')")
        expect(page.locator(".ok")).to_contain_text("Đã đặt lịch phát")
        with w.store.session() as s:
            row = s.query(BookingRow).filter(BookingRow.rule.like("FREQ=WEEKLY%")).one()
            assert row.rule == "FREQ=WEEKLY;BYDAY=MO,TH" and row.slot == "07:00"
            booking = row.id

        page.goto(f"{w.base}/lich-phat/{booking}/sua")
        expect(page.locator("#repeat")).to_have_value("weekly")
        checked = page.locator("#weekdays input:checked")
        expect(checked).to_have_count(2)
        page.locator("#weekdays label", has_text="Chủ Nhật").tap()
        page.click("button:has-text('Lưu thay đổi')")
        expect(page.locator(".ok")).to_contain_text(f"Đã sửa lịch phát #{booking}")
        with w.store.session() as s:
            assert s.get(BookingRow, booking).rule == "FREQ=WEEKLY;BYDAY=MO,TH,SU"  # type: ignore[union-attr]
        browser.close()

"""Issue 23, items met, in Chromium at 390 and 1366 px: rebooting or silencing one speaker asks
first, and an official edits their own zone's amplifier timetable on the speakers page."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from broadcaster.store.models import ServiceTask, ZoneRow
from tests.web.world import CHROMIUM, FLAGS, serve, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run"),
]


@pytest.mark.parametrize("width", [390, 1366])
def test_one_speaker_reboot_asks_and_an_official_sets_the_timetable(tmp_path: Path, width: int) -> None:
    from playwright.sync_api import expect, sync_playwright

    with serve(tmp_path) as w, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": width, "height": 900}, locale="vi-VN")
        sign_in(page, w.base, "canbo")
        started, taps = time.monotonic(), 0
        page.goto(f"{w.base}/loa")
        page.select_option("#target", "device:loa-1")
        asked: list[str] = []
        page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
        page.click("#control button[value=reboot]")
        taps += 2
        assert asked and asked[0].startswith("Khởi động lại Loa loa-1")
        with w.store.session() as s:
            assert s.query(ServiceTask).count() == 0  # dismissed: nothing sent
        page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
        page.click("#control button[value=power-off]")
        assert "Tắt ampli của Loa loa-1" in asked[1]
        page.once("dialog", lambda d: d.accept())
        page.click("#control button[value=reboot]")
        page.wait_for_load_state()
        taps += 2
        with w.store.session() as s:
            assert s.query(ServiceTask).count() == 1
        print(f"official reboots one speaker, asked first @{width}px: {taps} taps, {time.monotonic() - started:.1f} s")

        started, taps = time.monotonic(), 0
        page.goto(f"{w.base}/loa")
        page.click("#tt-thon-1 summary")
        page.fill("#tt-power-thon-1", "05:30-21:30")
        page.fill("#tt-volume-thon-1", "05:30=60; 06:00=85")
        page.click("#tt-thon-1 button[value=save]")
        page.wait_for_load_state()
        taps += 4
        expect(page.locator(".ok")).to_contain_text("Đã lưu lịch ampli")
        assert page.locator("#tt-thon-9").count() == 0  # another commune's zone is not offered
        print(f"official sets own zone's amplifier timetable @{width}px: {taps} taps, {time.monotonic() - started:.1f} s")
        browser.close()
    with w.store.session() as s:
        zone = s.get(ZoneRow, "thon-1")
        assert zone is not None and zone.timetable and zone.timetable["power"]

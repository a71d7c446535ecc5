"""Issue 23 points 2, 5 and 6 in Chromium at a phone's and a desk's width.

An editor edits the approved, booked bulletin (the approved one keeps playing and the editor is
told), a translator posts the Ê Đê text and a recording (rendered on save), the approver reads
and hears each language's track with the zones that get it, returns the bulletin with a reason,
and the editor sees that reason on the bulletin and on their landing page.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from broadcaster.store.models import Bulletin
from tests.app.test_programmes import tone_wav
from tests.web.world import CHROMIUM, FLAGS, serve, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run"),
]
SHOTS = Path(os.environ.get("CONSOLE_SHOTS", "/work/notes/shots"))


class Walk:
    """Counts taps (clicks, typed fields, chosen files) and seconds of one journey."""

    def __init__(self, page: object) -> None:
        self.page, self.taps, self.started = page, 0, time.monotonic()

    def click(self, selector: str) -> None:
        self.taps += 1
        self.page.click(selector)  # type: ignore[attr-defined]
        self.page.wait_for_load_state()  # type: ignore[attr-defined]

    def fill(self, selector: str, text: str) -> None:
        self.taps += 1
        self.page.fill(selector, text)  # type: ignore[attr-defined]

    def files(self, selector: str, path: str) -> None:
        self.taps += 1
        self.page.set_input_files(selector, path)  # type: ignore[attr-defined]

    def report(self, name: str, width: int) -> str:
        line = f"{name} @{width}px: {self.taps} taps, {time.monotonic() - self.started:.1f} s"
        print(line)
        return line


@pytest.mark.parametrize("width", [390, 1366])
def test_edit_translate_review_return_in_the_browser(tmp_path: Path, width: int) -> None:
    from playwright.sync_api import expect, sync_playwright

    wav = tmp_path / "ede.wav"
    wav.write_bytes(tone_wav(3.0))
    with serve(tmp_path) as w, sync_playwright() as p:
        bid = w.approved
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": width, "height": 844 if width < 500 else 900}, locale="vi-VN")

        # the editor edits the approved, booked bulletin
        sign_in(page, w.base, "bientap")
        walk = Walk(page)
        page.goto(f"{w.base}/ban-tin/{bid}")
        walk.fill("textarea[name=sentence] >> nth=0", "Xã tiêm chủng cho trẻ em vào sáng chủ nhật tại trạm y tế.")
        walk.click("form[action$='/sua'] button")
        expect(page.locator(".flash, body")).to_contain_text("phiên bản đã duyệt vẫn phát theo lịch")
        expect(page.locator("h1 .badge")).to_have_text("Chờ duyệt")
        expect(page.locator("#dang-phat")).to_contain_text("Phiên bản đã duyệt vẫn phát theo lịch")
        walk.click("form[action$='/thu-am'] button")
        edit = walk.report("editor edits an approved bulletin", width)
        page.goto(f"{w.base}/lich?zone=thon-1")
        expect(page.locator("main, body").first).to_contain_text("Thông báo lịch tiêm chủng")  # still on the calendar
        page.goto(f"{w.base}/hom-nay")
        expect(page.locator("body")).to_contain_text("Thông báo lịch tiêm chủng")  # and on the Today page
        if width == 390:
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.goto(f"{w.base}/ban-tin/{bid}")
            page.screenshot(path=str(SHOTS / "b-edited-approved-390.png"), full_page=True)

        # the translator posts the Ê Đê text and a recording: rendered on save for the zone that speaks it
        sign_in(page, w.base, "biendich")
        walk = Walk(page)
        page.goto(f"{w.base}/dich/{bid}/rad")
        walk.fill("textarea[name=text] >> nth=0", "Klei mblang kơ klei tiêm.")
        walk.click("form[action$='/rad'] button")
        walk.files("#upload input[type=file]", str(wav))
        walk.click("#upload button")
        expect(page.locator("body")).to_contain_text("Đã nhận bản ghi âm")
        translate = walk.report("translator posts text and recording", width)

        # the approver reads and hears each language's track, then returns it with a reason
        sign_in(page, w.base, "pheduyet")
        walk = Walk(page)
        page.goto(f"{w.base}/cho-duyet/{bid}")
        tracks = page.locator("#ngon-ngu li[data-mix]")
        expect(tracks).to_have_count(2)
        expect(page.locator("#ngon-ngu li[data-mix='vi+rad']")).to_contain_text("Thon 1")
        expect(page.locator("#ngon-ngu li[data-mix='vi']")).not_to_contain_text("Thon 1")
        expect(page.locator("#ngon-ngu .translation")).to_contain_text("Klei mblang kơ klei tiêm.")
        assert page.locator("#ngon-ngu audio").count() == 2
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        if width == 1366:
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / "b-review-languages-1366.png"), full_page=True)
        walk.fill("input[name=comment]", "Sai ngày tiêm: phải là thứ bảy")
        walk.click("form[action$='/tra-lai'] button")
        review = walk.report("approver reviews languages and returns", width)

        # the editor is told why
        sign_in(page, w.base, "bientap")
        expect(page.locator("#bi-tra-lai")).to_contain_text("Sai ngày tiêm: phải là thứ bảy")
        page.goto(f"{w.base}/ban-tin/{bid}")
        expect(page.locator("#tra-lai")).to_contain_text("Sai ngày tiêm: phải là thứ bảy")
        expect(page.locator("#dang-phat")).to_be_visible()  # the approved version still plays
        browser.close()
    with w.store.session() as s:
        assert s.get(Bulletin, bid).state == "rejected"  # type: ignore[union-attr]
    (tmp_path / "walk.txt").write_text("\n".join([edit, translate, review]))

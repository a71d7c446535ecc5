"""Issue 23, items met, in Chromium at 390 and 1366 px: back-and-resubmit makes no duplicate, a
second tab does not silently overwrite, validation bubbles speak Vietnamese, tap targets are
at least 44 px."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from broadcaster.app.workflow import current_scripts
from broadcaster.store.models import Bulletin
from tests.web.world import CHROMIUM, FLAGS, serve, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run"),
]
SMALL = """() => [...document.querySelectorAll('main a, main button, main input:not([type=hidden]), main select, header nav a')]
  .filter(e => e.offsetParent !== null && !e.closest('.cite, p.muted'))
  .filter(e => !['checkbox', 'radio'].includes(e.type))
  .map(e => [e.tagName + ' ' + (e.textContent || e.name || '').trim().slice(0, 30), e.getBoundingClientRect().height])
  .filter(([, h]) => h < 44)"""


@pytest.mark.parametrize("width", [390, 1366])
def test_resubmit_second_tab_validation_and_tap_targets(tmp_path: Path, width: int) -> None:
    from playwright.sync_api import expect, sync_playwright

    with serve(tmp_path) as w, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
        page = context.new_page()
        sign_in(page, w.base, "bientap")
        with w.store.session() as s:
            before = s.query(Bulletin).count()

        # a validation bubble in Vietnamese (Chromium would say it in its own language)
        page.goto(f"{w.base}/chuong-trinh/moi")
        page.fill("#relay-url", "radio.example.vn")
        page.click("#tiep-song button")
        assert page.eval_on_selector("#relay-url", "e => e.validationMessage") == (
            "Hãy nhập địa chỉ đầy đủ, bắt đầu bằng http:// hoặc https://."
        )

        # a notice sent, then Back and sent again: one bulletin
        started, taps = time.monotonic(), 0
        page.fill("#notice-title", "Họp thôn")
        page.fill("#notice-text", "Tối nay họp thôn lúc bảy giờ tại nhà văn hóa. Liên hệ 0912.345.678.")
        page.click("#thong-bao button")
        page.wait_for_load_state()
        taps += 3
        first = page.url.split("?", 1)[0]
        page.go_back()
        page.wait_for_load_state()
        page.click("#thong-bao button")
        page.wait_for_load_state()
        taps += 2
        assert page.url.split("?", 1)[0] == first
        expect(page.locator(".ok")).to_contain_text("không tạo thêm bản sao")
        with w.store.session() as s:
            assert s.query(Bulletin).count() == before + 1
        print(f"notice sent, Back, sent again @{width}px: {taps} taps, {time.monotonic() - started:.1f} s")
        assert page.evaluate(SMALL) == [], page.evaluate(SMALL)  # the bulletin page

        # two tabs on one bulletin: the second save is refused, nothing lost
        bid = w.draft
        other = context.new_page()
        page.goto(f"{w.base}/ban-tin/{bid}")
        other.goto(f"{w.base}/ban-tin/{bid}")
        page.fill("textarea[name=sentence] >> nth=0", "Bản sửa ở thẻ thứ nhất.")
        page.click("form[action$='/sua'] button")
        page.wait_for_load_state()
        other.fill("textarea[name=sentence] >> nth=0", "Bản sửa ở thẻ thứ hai.")
        other.click("form[action$='/sua'] button")
        other.wait_for_load_state()
        expect(other.locator("body")).to_contain_text("sau khi bạn mở trang")
        with w.store.session() as s:
            script = current_scripts(s, bid)["vi"]
            assert script.text == "Bản sửa ở thẻ thứ nhất." and script.version == 2

        for path in ("/hom-nay", "/chuong-trinh/moi", "/lich", "/"):
            page.goto(f"{w.base}{path}")
            assert page.evaluate(SMALL) == [], (path, page.evaluate(SMALL))
        browser.close()

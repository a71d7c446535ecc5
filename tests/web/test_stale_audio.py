"""Issue 23 point 8: audio of an older version is never submitted, and the editor page says so."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from broadcaster.app import bulletin_audio
from broadcaster.app.approval import current_bundle
from broadcaster.store.models import Bulletin
from tests.web.world import CHROMIUM, FLAGS, serve, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run"),
]


@pytest.mark.parametrize("width", [390, 1366])
def test_old_audio_is_flagged_and_never_submitted(tmp_path: Path, width: int) -> None:
    from playwright.sync_api import expect, sync_playwright

    with serve(tmp_path) as w, sync_playwright() as p:
        bid = w.draft
        from tests.helpers import EDITOR

        old = bulletin_audio.render_audio(w.store, w.settings, EDITOR, bid).sha256
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": width, "height": 900}, locale="vi-VN")
        sign_in(page, w.base, "bientap")
        started, taps = time.monotonic(), 0
        page.goto(f"{w.base}/ban-tin/{bid}")
        expect(page.locator("#am-thanh-cu")).to_have_count(0)  # audio of the saved script: no warning
        page.fill("textarea[name=sentence] >> nth=0", "Mùa khô, bà con không đốt nương gần rừng.")
        page.click("form[action$='/sua'] button")
        taps += 2
        expect(page.locator("#am-thanh-cu")).to_contain_text("phiên bản cũ")
        # an unsaved edit, then "Gửi duyệt": the page asks first; dismissed, nothing is sent
        page.fill("textarea[name=sentence] >> nth=0", "Một câu chưa lưu.")
        said: list[str] = []
        page.once("dialog", lambda d: (said.append(d.message), d.dismiss()))
        page.click("#gui-duyet button")
        taps += 2
        assert said and "chưa lưu" in said[0]
        with w.store.session() as s:
            assert s.get(Bulletin, bid).state == "draft"  # type: ignore[union-attr]
        page.once("dialog", lambda d: d.accept())
        page.click("#gui-duyet button")
        page.wait_for_load_state()
        taps += 2
        expect(page.locator("body")).to_contain_text("Đã tạo âm thanh mới cho phiên bản đã lưu và gửi duyệt")
        print(f"editor edits and submits with old audio @{width}px: {taps} taps, {time.monotonic() - started:.1f} s")
        browser.close()
    with w.store.session() as s:
        assert s.get(Bulletin, bid).state == "in_review"  # type: ignore[union-attr]
        bundle = current_bundle(s, bid)
        assert bundle.media is not None and bundle.media.sha256 != old  # what the approver hears is the saved text

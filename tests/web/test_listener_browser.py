"""Issue 19, in a real browser: every kind of sentence a listener trips on, typed over a drafted sentence, gets its
warning beside that sentence and no other; a suggestion added with one click comes with its citation and spoken form."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.web.test_assist import drafted_bulletin
from tests.web.world import CHROMIUM, FLAGS, serve, sign_in

# One made-up sentence for each thing the issue lists, with the code the console must show beside it
TRIPS = [
    ("Đối với các hộ nuôi cá lồng trên sông.", "no_main_clause"),  # a condition with no main clause
    ("Tăng cường kiểm tra, giám sát việc nuôi cá lồng.", "agency_work"),  # a bare agency order
    ("Nhóm 3: 1.200.000 đồng/người.", "unlabelled_amount"),  # an amount without its label
    ("Phạt tiền từ 500.000 đồng đến 1.000.000 đồng.", "unlabelled_amount"),  # a fine without its offence
    ("Hộ nuôi cá lồng được hỗ trợ 2 triệu đồng[2].", "stray_mark"),  # a footnote mark
    ("Hộ nuôi cá lồng được miễn phí thẩm định c.", "stray_mark"),  # a stray list letter
    ("Quyết định này quy định chi tiết một số điều và Luật sửa đổi.", "cut"),  # a cut title
    ("Hộ nuôi cá lồng được hỗ trợ theo quy định tại khoản 2 Điều 5 Quyết định này.", "reference"),  # read out
]


@contextmanager
def _editing_a_drafted_bulletin(tmp_path: Path) -> Iterator[Any]:
    """An editor's page of a freshly drafted bulletin, in headless Chromium."""
    from playwright.sync_api import sync_playwright

    with serve(tmp_path) as w, sync_playwright() as p:
        bulletin = drafted_bulletin(w.store, w.settings)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="vi-VN")
        sign_in(page, w.base, "bientap")
        page.goto(f"{w.base}/ban-tin/{bulletin}")
        try:
            yield page
        finally:
            browser.close()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run")
def test_each_kind_of_trip_is_shown_beside_the_sentence_the_editor_typed(tmp_path: Path) -> None:
    from playwright.sync_api import expect

    with _editing_a_drafted_bulletin(tmp_path) as page:
        areas = page.locator("#kich-ban textarea[name=sentence]")
        boxes = page.locator("#kich-ban .sentence .listener")
        assert areas.count() > 3
        expect(page.locator("#kich-ban .listener li")).to_have_count(0)  # the drafted script trips on nothing
        target, other = areas.nth(2), boxes.nth(3)
        for sentence, code in TRIPS:
            target.fill(sentence)
            box = target.locator("xpath=..").locator(".listener")
            expect(box).to_have_attribute("data-checked", sentence)  # checked as typed, before any save
            beside = box.locator("li")
            assert code in [beside.nth(i).get_attribute("data-code") for i in range(beside.count())], sentence
            expect(other.locator("li")).to_have_count(0)  # beside that sentence, not another
        target.fill("Hộ nuôi cá lồng được hỗ trợ 2.000.000 đồng mỗi lồng.")
        expect(target.locator("xpath=..").locator(".listener li")).to_have_count(0)  # mended: the warning goes


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run")
def test_a_suggestion_is_added_with_its_citation_and_spoken_form(tmp_path: Path) -> None:
    from playwright.sync_api import expect

    with _editing_a_drafted_bulletin(tmp_path) as page:
        offered = page.locator("#goi-y .suggestion")
        assert offered.count() >= 2
        pick = offered.nth(1)  # not only the first: any suggestion is added whole
        text = pick.locator(".text").inner_text()
        cite = pick.locator(".cite").inner_text()
        spoken = pick.locator(".spoken").inner_text()
        citation = pick.get_attribute("data-citation") or "?"
        assert spoken.startswith("Đọc: ") and spoken != f"Đọc: {text}" or not any(ch.isdigit() for ch in text)
        pick.get_by_role("button", name="Thêm vào kịch bản").click()
        expect(page.locator("[role=status]")).to_contain_text(f"Đã thêm câu ({citation})")
        areas = page.locator("#kich-ban textarea[name=sentence]")
        values = [areas.nth(i).input_value() for i in range(areas.count())]
        assert text in values, values
        added = areas.nth(values.index(text)).locator("xpath=..")
        label, quote = cite.split(": “", 1)
        assert label[0].isupper() and any(w in label for w in ("Điều", "khoản", "Mục", "Phụ lục")), cite
        expect(added.locator(".cite")).to_contain_text(f"{label}: “{quote.rstrip('.…”')}")  # the same citation and quote
        expect(added.locator(".spoken")).to_have_text(spoken)  # and the same spoken form
        expect(added.locator(".listener li")).to_have_count(0)

"""Issue 12: approving a bulletin with draft warnings needs an acknowledgement of each, enforced by the server."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from broadcaster.app import programmes
from broadcaster.app.documents import IngestResult, _store_document
from broadcaster.app.messages import is_vietnamese
from broadcaster.app.workflow import Actor, Role, submit
from broadcaster.config import Settings
from broadcaster.store.engine import Store
from broadcaster.store.models import AuditEvent, Bulletin
from broadcaster.web.app import create_app
from tests.conftest import CORPUS
from tests.web.world import CHROMIUM, FLAGS, PASSWORD, build, serve, sign_in

EDITOR = Actor("bientap", Role.EDITOR)
CODES = ["no_issue_date", "not_recommended"]


def doubtful_bulletin(store: Store, settings: Settings) -> int:
    """A real circular whose date line a scan lost: the drafter doubts the date and the value to residents."""
    text = (CORPUS / "dev" / "tt-15-2024-tt-bldtbxh.txt").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^.*, ngày \d+ tháng \d+ năm \d+.*\n", "", text, count=1)
    result = IngestResult()
    with store.session() as s:
        _store_document(s, "scan.txt", text, result)
    [document] = result.stored
    bulletin_id = programmes.bulletin_from_document(store, settings, EDITOR, document.id)  # drafted and rendered
    with store.session() as s:
        bulletin = s.get(Bulletin, bulletin_id)
        assert bulletin is not None
        submit(s, bulletin, EDITOR)
    return bulletin_id


def test_the_api_refuses_an_approval_until_every_warning_is_acknowledged(tmp_path: Path) -> None:
    settings, store, _approved, _draft = build(tmp_path)
    bulletin = doubtful_bulletin(store, settings)
    client = TestClient(create_app(settings, store))
    token = client.post("/api/session", json={"username": "pheduyet", "password": PASSWORD}).json()["csrf"]
    h = {"X-CSRF-Token": token}
    view = client.get(f"/api/bulletins/{bulletin}").json()
    assert [w["code"] for w in view["warnings"]] == CODES  # what `draft --json` says of the same text
    for acknowledged in ([], ["not_recommended"], ["no_issue_date", "something_else"]):
        refused = client.post(
            f"/api/bulletins/{bulletin}/approve", json={"bundle": view["bundle"], "acknowledged": acknowledged}, headers=h
        )
        assert refused.status_code == 409, refused.text
        body = refused.json()
        assert body["code"] == "workflow.warnings_unacknowledged" and is_vietnamese(body["error"]), body
        assert "không thấy ngày ban hành" in body["error"] or acknowledged == ["no_issue_date", "something_else"]
    assert client.get(f"/api/bulletins/{bulletin}").json()["state"] == "in_review"
    review = client.get(f"/cho-duyet/{bulletin}").text
    fieldset = review.split('class="warnings-ack"', 1)[1].split("</fieldset>", 1)[0]
    assert fieldset.count("ngày ban hành") == 1, fieldset  # the warning once, not its name and then its message
    assert "<strong>Không tìm thấy ngày ban hành</strong>: kiểm tra dòng" in fieldset, fieldset
    assert "người duyệt phải xác nhận từng mục" in client.get(f"/ban-tin/{bulletin}").text
    ok = client.post(f"/api/bulletins/{bulletin}/approve", json={"bundle": view["bundle"], "acknowledged": CODES}, headers=h)
    assert ok.status_code == 200, ok.text
    page = client.get(f"/ban-tin/{bulletin}").text  # after approval: who acknowledged, not what someone still must do
    assert "người duyệt phải xác nhận" not in page and "pheduyet đã xác nhận từng mục khi duyệt lúc" in page, page
    with store.session() as s:
        event = s.query(AuditEvent).filter_by(action="bulletin.approved", subject=f"bulletin:{bulletin}").one()
        assert event.actor == "pheduyet"
        assert [w["code"] for w in event.detail["acknowledged_warnings"]] == CODES
        assert all(w["message"] for w in event.detail["acknowledged_warnings"])


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run")
def test_the_approver_ticks_each_warning_in_the_browser(tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with serve(tmp_path) as w, sync_playwright() as p:
        bulletin = doubtful_bulletin(w.store, w.settings)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN")
        sign_in(page, w.base, "pheduyet")
        page.goto(f"{w.base}/cho-duyet/{bulletin}")
        boxes = page.locator("#duyet input[name=ack]")
        expect(boxes).to_have_count(2)
        expect(page.locator("#duyet fieldset")).to_contain_text("Không tìm thấy ngày ban hành")
        expect(page.locator("#duyet fieldset")).to_contain_text("Không khuyến nghị phát")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert all((boxes.nth(i).locator("xpath=..").bounding_box() or {}).get("height", 0) >= 44 for i in range(2))
        # the page will not send an unticked form; with that check removed, the server refuses it
        page.evaluate("document.querySelectorAll('#duyet input[name=ack]').forEach(b => b.removeAttribute('required'))")
        boxes.first.check()
        page.click("#duyet button")
        expect(page.locator("body")).to_contain_text("chưa được xác nhận")
        assert is_vietnamese(page.locator("main").inner_text() if page.locator("main").count() else page.inner_text("body"))
        with w.store.session() as s:
            assert s.get(Bulletin, bulletin).state == "in_review"  # type: ignore[union-attr]

        page.goto(f"{w.base}/ban-tin/{bulletin}")
        expect(page.locator("#canh-bao li")).to_have_count(2)
        for i in range(2):
            page.locator("#duyet input[name=ack]").nth(i).check()
        page.click("#duyet button")
        expect(page.locator("h1 .badge")).to_have_text("Đã duyệt")
        browser.close()
    with w.store.session() as s:
        event = s.query(AuditEvent).filter_by(action="bulletin.approved", subject=f"bulletin:{bulletin}").one()
        assert sorted(w["code"] for w in event.detail["acknowledged_warnings"]) == CODES

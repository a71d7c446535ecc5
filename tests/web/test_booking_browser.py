"""Issue 14.1 in real headless Chromium, on a phone and a laptop: each refusal explained in Vietnamese."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import uvicorn

from broadcaster.app.messages import is_vietnamese
from broadcaster.config import Settings
from broadcaster.store.engine import open_store
from broadcaster.store.models import BookingRow, User, ZoneRow
from broadcaster.store.passwords import hash_password
from broadcaster.web.app import create_app
from devices.background import free_port
from tests.conftest import ROOT
from tests.helpers import approved_bulletin

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PASSWORD = "mat-khau-an-toan"
TODAY = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
TOMORROW = TODAY + timedelta(days=1)


def zone(s: object, zone_id: str, slots: list[tuple[str, float]], quiet: list[dict[str, str]], limit: int = 10) -> None:
    s.merge(  # type: ignore[attr-defined]
        ZoneRow(
            id=zone_id,
            name=zone_id.replace("-", " ").title(),
            commune="xa-a",
            timezone="Asia/Ho_Chi_Minh",
            slots=[{"start": t, "minutes": m} for t, m in slots],
            quiet=quiet,
            languages=["vi"],
            max_plays_per_day=limit,
        )
    )


@pytest.fixture
def console(tmp_path: Path) -> Iterator[tuple[str, int]]:
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings.database_url)
    a, b = approved_bulletin(store, settings, "Bản tin A"), approved_bulletin(store, settings, "Bản tin B")
    with store.session() as s:
        s.add(
            User(
                username="canbo",
                role="official",
                display_name="Lò Văn Xã",
                password_hash=hash_password(PASSWORD),
                communes=["xa-a"],
            )
        )
        zone(s, "thon-1", [("07:00", 15), ("17:30", 15), ("22:00", 15)], [{"start": "21:30", "end": "05:30"}])
        zone(s, "thon-2", [("07:00", 0.1)], [])  # six seconds: one short notice fits, not two
        zone(s, "thon-3", [("07:00", 15), ("17:30", 15)], [], limit=1)
        zone(s, "thon-som", [("00:00", 15)], [])
        s.flush()
        for zone_id, bulletin in (("thon-2", b), ("thon-3", b), ("thon-1", a)):
            s.add(
                BookingRow(bulletin_id=bulletin, zones=[zone_id], starts_on=TOMORROW, slot="07:00", rule="", created_by="canbo")
            )
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings, store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", a
    server.should_exit = True
    thread.join(10)


CASES: list[tuple[str, str, date, str, dict[str, str]]] = [
    ("booking.past_date", "thon-1", TODAY - timedelta(days=1), "17:30", {}),
    ("booking.slot_gone", "thon-som", TODAY, "00:00", {}),
    ("slot.quiet", "thon-1", TOMORROW, "22:00", {}),
    ("booking.not_a_slot", "thon-2", TOMORROW, "17:30", {}),
    ("slot.overrun", "thon-2", TOMORROW, "07:00", {}),
    ("zone.daily_limit", "thon-3", TOMORROW, "17:30", {}),
    ("booking.duplicate", "thon-1", TOMORROW, "07:00", {}),
    ("schedule.no_weekdays", "thon-1", TOMORROW, "17:30", {"repeat": "weekly", "weekdays": ""}),
    ("rrule.too_frequent", "thon-1", TOMORROW, "17:30", {"rule": "FREQ=SECONDLY"}),  # a crafted form
]


@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run")
@pytest.mark.parametrize("viewport", [(390, 844), (1366, 768)], ids=["phone", "laptop"])
def test_each_refusal_is_explained_in_vietnamese(console: tuple[str, int], viewport: tuple[int, int]) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, bulletin = console
    width, height = viewport
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": width, "height": height}, locale="vi-VN")
        page.goto(f"{base}/dang-nhap")
        page.fill("#username", "canbo")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        expect(page.locator("header .who")).to_contain_text("Lò Văn Xã")

        def attempt(zone_id: str, day: date, slot: str, extra: dict[str, str], priority: str = "normal") -> None:
            page.goto(f"{base}/ban-tin/{bulletin}/dat-lich")
            page.check(f"input[name=zones][value={zone_id}]")
            page.fill("#starts_on", day.isoformat())
            page.select_option("#slot", slot)
            page.select_option("#priority", priority)
            if "repeat" in extra:
                page.select_option("#repeat", extra["repeat"])
                for day in filter(None, extra["weekdays"].split(",")):
                    page.check(f"#weekdays input[value={day}]")
            if "rule" in extra:
                page.evaluate(
                    "r => { const i = document.createElement('input'); i.type = 'hidden'; i.name = 'rule'; i.value = r;"
                    " document.querySelector('form.card').appendChild(i); }",
                    extra["rule"],
                )
            page.click("button:has-text('Đặt lịch')")

        for code, zone_id, day, slot, extra in CASES:
            attempt(zone_id, day, slot, extra)
            problem = page.locator(f"#problems li[data-code='{code}']")
            expect(problem).to_be_visible()
            text = problem.inner_text()
            assert is_vietnamese(text), (code, text)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, code
        page.screenshot(path=str(artifacts / f"booking-refused-{width}.png"), full_page=True)
        # an override only where the rules allow: a priority booking says what it displaces, then asks
        attempt("thon-2", TOMORROW, "07:00", {}, priority="priority")
        expect(page.locator("#problems li[data-code='booking.displaces']")).to_contain_text("đẩy 1 buổi phát thường")
        page.check("#confirm")
        page.click("button:has-text('Đặt lịch')")
        expect(page.locator(".ok")).to_contain_text("Đã đặt lịch phát")
        # list and cancel (a reason is asked for)
        page.goto(f"{base}/lich-phat")
        rows = page.locator("tbody tr")
        expect(rows).to_have_count(4)
        first = rows.first
        first.locator("input[name=reason]").fill("Trùng lịch họp thôn")
        first.locator("button:has-text('Hủy lịch')").click()
        expect(page.locator(".ok")).to_contain_text("Đã hủy lịch phát")
        expect(page.locator("tbody tr")).to_have_count(3)
        browser.close()

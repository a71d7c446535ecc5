"""Issue 23 #1 in Chromium at 390 and 1366 px, against a real service, Mosquitto and simulated speakers:
an official types a warning, then records one on the phone; each plays now on both speakers of the
zone, and the command page follows by itself until both have played ("đã nhận" and "đã phát" apart).
The taps and seconds of each journey are printed (pytest -s) for the report."""

from __future__ import annotations

import re
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn

from broadcaster.config import Settings
from broadcaster.service.core import Service
from broadcaster.store.engine import Store
from broadcaster.web.app import create_app
from devices.background import free_port
from devices.protocol import Topics
from devices.sim.simulator import Fleet, SimulatedDevice
from tests.web.world import CHROMIUM, FLAGS, PASSWORD, build

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SHOTS = Path("/work/notes/shots")
FAKE_MIC = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]
WIDTHS = (390, 1366)


@dataclass
class Commune:
    base: str
    store: Store
    service: Service


@pytest.fixture
def commune(tmp_path: Path, mosquitto_url: str) -> Iterator[Commune]:
    prefix = f"loa/em-{time.time_ns()}"
    _settings, store, _approved, _draft = build(tmp_path)
    settings = Settings(
        data_dir=tmp_path / "data",
        topic_prefix=prefix,
        server_client_id=f"srv-{prefix}",
        media_port=free_port(),
        task_poll_s=0.2,
    )
    service = Service(settings, store, mosquitto_url).start()
    runner = threading.Thread(target=service.run_forever, kwargs={"handle_signals": False}, daemon=True)
    runner.start()
    fleet = Fleet(
        [SimulatedDevice("loa-1", "thon-1"), SimulatedDevice("loa-2", "thon-1")],
        mosquitto_url,
        {service.signer.key_id: service.signer.public_b64()},
        tmp_path / "fleet",
        Topics(prefix),
    ).start()
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings, store), host="127.0.0.1", port=port, log_level="warning"))
    web = threading.Thread(target=server.run, daemon=True)
    web.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield Commune(f"http://127.0.0.1:{port}", store, service)
    finally:
        server.should_exit = True
        web.join(10)
        fleet.stop()
        service.stop()
        runner.join(10)


def _follow_until_played(page: object, expect: object) -> None:
    """The command page, never reloaded, shows both speakers played."""
    status = page.locator("#task-status")  # type: ignore[attr-defined]
    expect(status.locator("#settled")).to_be_visible(timeout=60_000)  # type: ignore[operator]
    items = status.locator("li")
    expect(items).to_have_count(2)  # type: ignore[operator]
    for i in range(2):
        expect(items.nth(i)).to_have_attribute("data-played", "completed")  # type: ignore[operator]
        expect(items.nth(i)).to_contain_text("đã phát")  # type: ignore[operator]
    expect(status.locator("#played")).to_have_text("2")  # type: ignore[operator]


@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run")
def test_typed_and_recorded_warnings_play_now_and_the_page_follows(commune: Commune) -> None:
    from playwright.sync_api import expect, sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    journeys: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS + FAKE_MIC)
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 844 if width < 500 else 768}, locale="vi-VN")
            context.grant_permissions(["microphone"], origin=commune.base)
            page = context.new_page()
            page.goto(f"{commune.base}/dang-nhap?next=/khan-cap")
            page.fill("#username", "canbo")
            page.fill("#password", PASSWORD)
            page.click("button[type=submit]")
            expect(page.locator("h1")).to_have_text("Phát khẩn cấp")
            # the zone first: without one, nothing is sent and nothing is asked twice
            page.fill("#em-text", "Thử.")
            page.click("#em-speak")
            expect(page.locator("#em-zone-missing")).to_be_visible()
            assert page.url.endswith("/khan-cap")

            # typed: zone, reason, text, hear it, play now
            page.goto(f"{commune.base}/khan-cap")
            started, taps = time.monotonic(), 0
            page.check("input[name=zones][value=thon-1]")
            taps += 1
            page.fill("#reason", "Lũ quét sắp tới")
            taps += 1
            page.fill("#em-text", "Nước sông đang lên nhanh. Bà con thôn một di chuyển ngay lên nhà văn hóa xã.")
            taps += 1
            page.click("#em-speak")
            taps += 1
            expect(page.locator("#confirm-note")).to_contain_text("Thon 1", timeout=60_000)
            expect(page.locator("#em-preview")).to_have_count(1)
            page.screenshot(path=str(SHOTS / f"emergency-typed-confirm-{width}.png"), full_page=True)
            page.click("#em-fire")
            taps += 1
            expect(page).to_have_url(re.compile(r"/lenh/\d+$"))
            _follow_until_played(page, expect)
            journeys.append(f"emergency typed @{width}px: {taps} taps, {time.monotonic() - started:.1f} s to both played")
            page.screenshot(path=str(SHOTS / f"emergency-typed-played-{width}.png"), full_page=True)

            # recorded on the phone: zone, reason, record, stop, play now
            page.goto(f"{commune.base}/khan-cap")
            started, taps = time.monotonic(), 0
            page.check("input[name=zones][value=thon-1]")
            taps += 1
            page.fill("#reason", "Cháy rừng gần thôn")
            taps += 1
            page.click("#em-rec")
            taps += 1
            expect(page.locator("#em-recstate")).to_have_text("Đang ghi âm…")
            page.wait_for_timeout(3000)
            page.click("#em-rec")
            taps += 1
            expect(page.locator("#confirm-note")).to_be_visible(timeout=60_000)
            expect(page.locator("#em-preview")).to_have_count(1)
            page.click("#em-fire")
            taps += 1
            expect(page).to_have_url(re.compile(r"/lenh/\d+$"))
            _follow_until_played(page, expect)
            journeys.append(
                f"emergency recorded @{width}px: {taps} taps (3 s speaking), {time.monotonic() - started:.1f} s to both played"
            )

            page.goto(f"{commune.base}/hom-nay")
            expect(page.locator("#played .emergency").first).to_have_text("Khẩn cấp")
            assert page.locator("#played .emergency").count() >= 4 * (WIDTHS.index(width) + 1)
            page.screenshot(path=str(SHOTS / f"today-emergency-{width}.png"), full_page=True)
            context.close()
        browser.close()
    print("\n" + "\n".join(journeys))

"""The product as people use it, against a real `broadcaster up` (console + service in one process).

In Debian Chromium: an editor turns a newly ingested document into a bulletin, edits, renders and
submits it; another user approves; the commune official books it into the zone's slot; simulated
speakers on Mosquitto play it at the slot and the console shows the proof of play. Then a typed
announcement goes the same way and is fired as an emergency from the console, whose task page
counts the speakers' acknowledgements.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import paho.mqtt.client as mqtt
import pytest

from broadcaster.app import directory
from broadcaster.app.documents import ingest
from broadcaster.app.workflow import Actor, Role
from broadcaster.config import Settings
from broadcaster.store.engine import open_store
from broadcaster.store.keys import load_or_create
from devices.background import free_port
from devices.protocol import Topics
from devices.sim.simulator import Fleet, SimulatedDevice
from scripts.ingest import LocalFetcher
from tests.conftest import CORPUS, ROOT, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PASSWORD = "mat-khau-an-toan"
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
INSTALLER = Actor("installer", Role.ADMIN)
ARTIFACTS = ROOT / "test-artifacts"


def _up(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/dang-nhap", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run")
def test_document_to_speaker_through_the_console(tmp_path: Path, mosquitto_url: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    prefix = f"e2e/{os.getpid()}-{time.time_ns()}"
    data = tmp_path / "data"
    settings = Settings(data_dir=data)
    store = open_store(settings.database_url)
    # The slot is a whole minute, far enough ahead for the people below to do their part first.
    slot = (datetime.now(TZ) + timedelta(seconds=100)).replace(second=0, microsecond=0) + timedelta(minutes=1)
    with store.session() as s:
        for name, role, display in (
            ("bientap", Role.EDITOR, "Nguyễn Văn Biên"),
            ("pheduyet", Role.APPROVER, "Trần Thị Duyệt"),
            ("canbo", Role.OFFICIAL, "Lò Văn Xã"),
        ):
            directory.create_user(s, INSTALLER, name, role, PASSWORD, display, ["xa-a"])
        directory.save_zone(
            s, INSTALLER, directory.ZoneSpec("thon-1", "xa-a", "Thôn 1", slots=(slot.strftime("%H:%M"),), quiet=())
        )
        for device in ("loa-1", "loa-2"):
            directory.add_device(s, INSTALLER, device, "thon-1")
        document = ingest(s, [str(CORPUS / "dev" / "nd-162-2026-nd-cp.txt")], LocalFetcher()).stored[0].id
    store.close()

    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("BROADCASTER_")},
        "BROADCASTER_DATA_DIR": str(data),
        "BROADCASTER_MQTT_URL": mosquitto_url,
        "BROADCASTER_TOPIC_PREFIX": prefix,
        "BROADCASTER_SERVER_CLIENT_ID": f"srv-{prefix}",
        "BROADCASTER_MEDIA_PORT": str(free_port()),
        "BROADCASTER_TASK_POLL_S": "0.2",
    }
    log = tmp_path / "up.log"  # a file, not a pipe: an unread pipe fills up and blocks the verbose service
    with log.open("w") as out:
        up = subprocess.Popen(
            [sys.executable, "-m", "broadcaster.cli", "-v", "up", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
    plays: Counter[str] = Counter()
    watcher = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
    watcher.on_message = lambda _c, _u, msg: plays.update([json.loads(msg.payload)["bulletin"]])
    watcher.connect("127.0.0.1", 1883)
    watcher.subscribe(f"{prefix}/dev/+/played", 1)
    watcher.loop_start()
    try:
        assert wait_for(lambda: _up(port), 90), log.read_text(errors="replace")[-3000:]
        signer = load_or_create(settings.key_file, settings.key_id)  # the service made it at start
        fleet = Fleet(
            [SimulatedDevice("loa-1", "thon-1"), SimulatedDevice("loa-2", "thon-1")],
            mosquitto_url,
            {signer.key_id: signer.public_b64()},
            tmp_path / "fleet",
            Topics(prefix),
        )
        base = f"http://127.0.0.1:{port}"
        ARTIFACTS.mkdir(exist_ok=True)
        with fleet, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page(viewport={"width": 1366, "height": 768}, locale="vi-VN")

            def sign_in(user: str) -> None:
                page.context.clear_cookies()
                page.goto(f"{base}/dang-nhap")
                page.fill("#username", user)
                page.fill("#password", PASSWORD)
                page.click("button[type=submit]")
                expect(page.locator("#username")).to_have_count(0)

            sign_in("bientap")
            page.goto(f"{base}/")
            page.click(f"a[href='/van-ban/{document}']")
            expect(page.locator("body")).to_contain_text("162/2026/NĐ-CP")
            page.click("button:has-text('Tạo bản tin')")
            expect(page).to_have_url(__import__("re").compile(r"/ban-tin/\d+"))
            bulletin = int(page.url.split("/ban-tin/")[1].split("?")[0].split("/")[0])
            page.locator("textarea[name=sentence]").first.fill("Kính thưa bà con, sau đây là bản tin pháp luật của xã.")
            page.click("text=Lưu chỉnh sửa")
            page.click("button:has-text('Tạo âm thanh')")
            expect(page.locator("audio")).to_have_count(1)
            page.click("button:has-text('Gửi duyệt')")
            expect(page.locator("h1 .badge")).to_have_text("Chờ duyệt")

            sign_in("pheduyet")
            page.goto(f"{base}/ban-tin/{bulletin}")
            page.click("button:has-text('Phê duyệt')")
            expect(page.locator("h1 .badge")).to_have_text("Đã duyệt")

            sign_in("canbo")
            page.goto(f"{base}/ban-tin/{bulletin}/dat-lich")
            page.check("input[name=zones][value=thon-1]")
            slot_field = page.locator("#slot")
            if slot_field.evaluate("e => e.tagName") == "SELECT":
                slot_field.select_option(slot.strftime("%H:%M"))
            else:
                slot_field.fill(slot.strftime("%H:%M"))
            page.click("button:has-text('Đặt lịch')")
            expect(page.locator(".ok")).to_contain_text("Đã đặt lịch")
            assert datetime.now(TZ) < slot, "the people were slower than the slot: raise its lead"

            # The service plans and pushes; the speakers play at the slot and report.
            until_slot = (slot - datetime.now(TZ)).total_seconds()
            assert wait_for(lambda: plays[str(bulletin)] == 2, until_slot + 45), plays

            def reported() -> bool:  # the service stores reports in batches: reload until they are in
                page.goto(f"{base}/hom-nay")
                return "loa-2" in page.locator("#played").inner_text() and "loa-1" in page.locator("#played").inner_text()

            assert wait_for(reported, 15)
            page.screenshot(path=str(ARTIFACTS / "today-played.png"))
            expect(page.locator("#planned")).to_contain_text("Đã phát")

            # A typed announcement, approved by another user, fired as an emergency from the console.
            sign_in("bientap")
            page.goto(f"{base}/chuong-trinh/moi")
            page.fill("#notice-title", "Thông báo cắt điện")
            page.fill("#notice-text", "Ngày mai thôn Một cắt điện từ bảy giờ sáng đến mười một giờ trưa để sửa đường dây.")
            page.click("button:has-text('Tạo thông báo')")
            expect(page).to_have_url(__import__("re").compile(r"/ban-tin/\d+"))
            notice = int(page.url.split("/ban-tin/")[1].split("?")[0].split("/")[0])
            if page.locator("audio").count() == 0:
                page.click("button:has-text('Tạo âm thanh')")
            page.click("button:has-text('Gửi duyệt')")
            sign_in("pheduyet")
            page.goto(f"{base}/ban-tin/{notice}")
            page.click("button:has-text('Phê duyệt')")
            expect(page.locator("h1 .badge")).to_have_text("Đã duyệt")
            sign_in("canbo")
            page.goto(f"{base}/khan-cap")
            page.select_option("#bulletin", str(notice))
            page.check("input[name=zones][value=thon-1]")
            page.fill("#reason", "Cắt điện đột xuất để sửa đường dây")
            page.click("button:has-text('Tiếp tục')")
            page.click("button:has-text('Phát ngay')")
            expect(page).to_have_url(__import__("re").compile(r"/lenh/\d+"))
            played = page.locator("#task-status #played")  # the page follows by itself: received, then played
            assert wait_for(lambda: played.count() == 1 and played.inner_text() == "2", 45), page.locator(
                "#task-status"
            ).inner_text()
            page.screenshot(path=str(ARTIFACTS / "emergency-acked.png"))
            assert wait_for(lambda: plays[str(notice)] == 2, 20), plays
            browser.close()
        assert up.poll() is None, "broadcaster up kept running"
    finally:
        up.terminate()
        up.wait(timeout=30)
        err = log.read_text(errors="replace")
        print("\n".join(line for line in err.splitlines() if "refused" in line or "ERROR" in line))
        watcher.loop_stop()
        watcher.disconnect()
    assert "Traceback" not in err, err
    assert all(count == 2 for count in plays.values()), plays

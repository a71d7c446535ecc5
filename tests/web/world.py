"""A small commune world served by a real uvicorn for the console's browser tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

import uvicorn

from broadcaster.app.planning import book
from broadcaster.app.workflow import Actor, Role, create_bulletin
from broadcaster.config import Settings
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import DeviceRow, PlayReport, User
from broadcaster.store.passwords import hash_password
from broadcaster.web.app import create_app
from devices.background import free_port
from tests.helpers import ADMIN, approved_bulletin, zone_with_devices

PASSWORD = "mat-khau-an-toan"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
USERS = {
    "quantri": ("admin", [], [], "Quản Trị Viên"),
    "bientap": ("editor", [], [], "Nguyễn Văn Biên"),
    "pheduyet": ("approver", [], [], "Trần Thị Duyệt"),
    "biendich": ("translator", [], ["rad"], "Y Bih Niê"),
    "canbo": ("official", ["xa-a"], [], "Lò Văn Xã"),
    "quansat": ("observer", [], [], "Hà Quan Sát"),
}


@dataclass
class World:
    base: str
    store: Store
    settings: Settings
    approved: int
    draft: int


def build(tmp: Path) -> tuple[Settings, Store, int, int]:
    settings = Settings(data_dir=tmp / "data")
    store = open_store(settings.database_url)
    with store.session() as s:
        for name, (role, communes, languages, display) in USERS.items():
            s.add(
                User(
                    username=name,
                    role=role,
                    display_name=display,
                    password_hash=hash_password(PASSWORD),
                    communes=communes,
                    languages=languages,
                )
            )
    zone_with_devices(store, "thon-1", "xa-a", [clock(7, 0), clock(17, 30)], ["loa-1", "loa-2"], minutes=15)
    zone_with_devices(store, "thon-9", "xa-b", [clock(7, 0)], ["loa-9"], minutes=15)
    approved = approved_bulletin(store, settings, "Thông báo lịch tiêm chủng cho trẻ em toàn xã")
    now = datetime.now(UTC)
    local_today = now.astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    # today's play, in the commune's day even just after its midnight (the UTC date lags by 7 hours)
    midnight = datetime.combine(local_today, datetime.min.time(), ZoneInfo("Asia/Ho_Chi_Minh")).astimezone(UTC)
    played = max(now - timedelta(minutes=30), midnight + timedelta(seconds=1))
    with store.session() as s:
        from broadcaster.store.models import ZoneRow

        zone = s.get(ZoneRow, "thon-1")
        assert zone is not None
        zone.languages = ["vi", "rad"]
        draft = create_bulletin(
            s,
            Actor("bientap", Role.EDITOR),
            "Bản nháp về phòng chống cháy rừng mùa khô",
            None,
            "vi",
            "Câu.",
            [{"text": "Câu.", "source": None}],
        ).id
        # the commune's own date: between 00:00 and 07:00 there the UTC date is still yesterday
        book(s, ADMIN, approved, ["thon-1"], local_today, "FREQ=DAILY", slot="17:30")
        device = s.get(DeviceRow, "loa-1")
        assert device is not None
        device.online, device.last_seen = True, now
        s.add(
            PlayReport(
                device_id="loa-1",
                item_id="it-1",
                bulletin_id=str(approved),
                sha256="0" * 64,
                started=played,
                ended=played + timedelta(minutes=1),
                volume=70,
            )
        )
    return settings, store, approved, draft


@contextmanager
def serve(tmp: Path) -> Iterator[World]:
    settings, store, approved, draft = build(tmp)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings, store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield World(f"http://127.0.0.1:{port}", store, settings, approved, draft)
    finally:
        server.should_exit = True
        thread.join(10)


def sign_in(page: object, base: str, user: str) -> None:
    """Sign in through the form (a Playwright page)."""
    page.context.clear_cookies()  # type: ignore[attr-defined]
    page.goto(f"{base}/dang-nhap")  # type: ignore[attr-defined]
    page.fill("#username", user)  # type: ignore[attr-defined]
    page.fill("#password", PASSWORD)  # type: ignore[attr-defined]
    page.click("button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]

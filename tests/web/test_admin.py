"""Administration: users, zones, devices, and all-or-nothing CSV/XLSX import with line numbers."""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from broadcaster.store.engine import Store
from broadcaster.store.models import AuditEvent, DeviceRow, User, ZoneRow
from broadcaster.store.passwords import verify_password
from broadcaster.web.app import create_app
from tests.web.world import CHROMIUM, FLAGS, PASSWORD, build, serve, sign_in


def xlsx(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)  # type: ignore[union-attr]
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def fleet(bad: bool) -> list[list[object]]:
    rows: list[list[object]] = [["ma_loa", "vung", "ten"]]
    for n in range(200):
        rows.append([f"loa-x{n:03d}", "thon-1" if n % 2 else "thon-9", f"Loa số {n}"])
    if bad:
        rows[56] = ["loa x055", "thon-1", "Loa có dấu cách"]  # line 57 (the header is line 1): a bad id
        rows[120] = ["loa-x119", "thon-khong-co", "Loa vùng sai"]  # line 121: an unknown zone
    return rows


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Store]]:
    tmp: Path = tmp_path_factory.mktemp("admin")
    settings, store, _approved, _draft = build(tmp)
    client = TestClient(create_app(settings, store))
    yield client, store


def csrf(client: TestClient, user: str = "quantri") -> str:
    client.cookies.clear()
    return str(client.post("/api/session", json={"username": user, "password": PASSWORD}).json()["csrf"])


def count(store: Store) -> int:
    with store.session() as s:
        return s.query(DeviceRow).count()


def test_only_admins_administer(world: tuple[TestClient, Store]) -> None:
    client, _ = world
    for user in ("bientap", "canbo", "quansat"):
        token = csrf(client, user)
        assert client.get("/quan-tri").status_code == 403
        assert client.post("/quan-tri/nguoi-dung", data={"csrf": token, "username": "x", "password": "y" * 12}).status_code == 403
        assert client.get("/quan-tri/xuat/loa.csv").status_code == 403


def test_device_import_is_all_or_nothing(world: tuple[TestClient, Store]) -> None:
    client, store = world
    before = count(store)
    token = csrf(client)
    files = {"file": ("loa.xlsx", xlsx(fleet(bad=True)), "application/octet-stream")}
    refused = client.post("/quan-tri/nhap/loa", data={"csrf": token}, files=files)
    assert refused.status_code == 400
    lines = re.findall(r"Dòng (\d+):", refused.text)
    assert lines == ["57", "121"], lines
    assert "loa x055" in refused.text and "thon-khong-co" in refused.text
    assert count(store) == before  # nothing imported
    files = {"file": ("loa.xlsx", xlsx(fleet(bad=False)), "application/octet-stream")}
    ok = client.post("/quan-tri/nhap/loa", data={"csrf": token}, files=files, follow_redirects=False)
    assert ok.status_code == 303 and count(store) == before + 200
    with store.session() as s:
        assert s.get(DeviceRow, "loa-x199").zone_id == "thon-1"  # type: ignore[union-attr]
        assert s.query(AuditEvent).filter_by(action="import.loa").count() == 1
    exported = client.get("/quan-tri/xuat/loa.csv").content
    assert exported.startswith(b"\xef\xbb\xbf") and "Loa số 199" in exported.decode("utf-8-sig")
    again = client.post(
        "/quan-tri/nhap/loa", data={"csrf": token}, files={"file": ("loa.csv", exported, "text/csv")}, follow_redirects=False
    )
    assert (
        again.status_code == 303 and "c%E1%BA%ADp%20nh%E1%BA%ADt%200" in again.headers["location"]
    )  # round trip: nothing changes
    dup = b"ma_loa,vung\nloa-d1,thon-1\nloa-d1,thon-9\n,thon-1\n"
    refused = client.post("/quan-tri/nhap/loa", data={"csrf": token}, files={"file": ("d.csv", dup, "text/csv")})
    assert re.findall(r"Dòng (\d+):", refused.text) == ["3", "4"] and "trùng với dòng 2" in refused.text
    junk = client.post("/quan-tri/nhap/loa", data={"csrf": token}, files={"file": ("d.xlsx", b"not a zip", "x")})
    assert junk.status_code == 400 and "Không đọc được tệp Excel" in junk.text


def test_zones_users_and_devices(world: tuple[TestClient, Store]) -> None:
    client, store = world
    token = csrf(client)
    bad = client.post(
        "/quan-tri/vung", data={"csrf": token, "ma_vung": "thon-5", "xa": "xa-a", "khung_gio": "25:00/15", "ho_thanh_thi": "-3"}
    )
    assert bad.status_code == 400 and "25:00/15" in bad.text and "Số hộ thành thị" in bad.text
    data = {
        "csrf": token,
        "ma_vung": "thon-5",
        "ten": "Thôn 5",
        "xa": "xa-a",
        "khung_gio": "06:30/10;17:30",
        "gio_yen_tinh": "22:00-05:00",
        "ngon_ngu": "vi,rad",
        "toi_da_luot_ngay": "4",
        "ho_thanh_thi": "120",
        "ho_nong_thon": "480",
    }
    assert client.post("/quan-tri/vung", data=data, follow_redirects=False).status_code == 303
    with store.session() as s:
        zone = s.get(ZoneRow, "thon-5")
        assert zone is not None and zone.slots == [{"start": "06:30", "minutes": 10.0}, {"start": "17:30", "minutes": 15.0}]
        assert (zone.max_plays_per_day, zone.households_urban, zone.households_rural, zone.quiet) == (
            4,
            120,
            480,
            [{"start": "22:00", "end": "05:00"}],
        )
    zones_csv = client.get("/quan-tri/xuat/vung.csv").content.decode("utf-8-sig")
    assert "thon-5,Thôn 5,xa-a,Asia/Ho_Chi_Minh,06:30/10;17:30/15,22:00-05:00" in zones_csv
    # devices: add, move, retire
    assert (
        client.post(
            "/quan-tri/loa", data={"csrf": token, "ma_loa": "loa-m", "vung": "thon-1", "action": "save"}, follow_redirects=False
        ).status_code
        == 303
    )
    client.post("/quan-tri/loa", data={"csrf": token, "ma_loa": "loa-m", "vung": "thon-5", "action": "save"})
    with store.session() as s:
        assert s.get(DeviceRow, "loa-m").zone_id == "thon-5"  # type: ignore[union-attr]
    client.post("/quan-tri/loa", data={"csrf": token, "ma_loa": "loa-m", "action": "retire"})
    with store.session() as s:
        assert s.get(DeviceRow, "loa-m") is None
    # users: create, change role and communes, reset password, disable
    weak = client.post("/quan-tri/nguoi-dung", data={"csrf": token, "username": "canbo2", "password": "ngan", "role": "official"})
    assert weak.status_code == 400 and "ít nhất 10" in weak.text
    new = {
        "csrf": token,
        "username": "canbo2",
        "display_name": "Cán bộ 2",
        "role": "official",
        "communes": "xa-b",
        "password": "mat-khau-moi-dai",
    }
    assert client.post("/quan-tri/nguoi-dung", data=new, follow_redirects=False).status_code == 303
    client.post(
        "/quan-tri/nguoi-dung/canbo2", data={"csrf": token, "action": "save", "role": "official", "communes": "xa-a, xa-b"}
    )
    reset = client.post("/quan-tri/nguoi-dung/canbo2", data={"csrf": token, "action": "reset"})
    password = re.search(r'<code id="new-password">([^<]+)</code>', reset.text)[1]  # type: ignore[index]
    with store.session() as s:
        user = s.query(User).filter_by(username="canbo2").one()
        assert user.communes == ["xa-a", "xa-b"] and verify_password(user.password_hash, password)
    client.post("/quan-tri/nguoi-dung/canbo2", data={"csrf": token, "action": "disable"})
    client.cookies.clear()
    assert client.post("/api/session", json={"username": "canbo2", "password": password}).status_code == 401
    token = csrf(client)
    selfish = client.post("/quan-tri/nguoi-dung/quantri", data={"csrf": token, "action": "disable"})
    assert selfish.status_code == 409


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run")
def test_admin_imports_200_devices_in_the_browser(tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    bad, good = tmp_path / "loa-loi.xlsx", tmp_path / "loa.xlsx"
    bad.write_bytes(xlsx(fleet(bad=True)))
    good.write_bytes(xlsx(fleet(bad=False)))
    with serve(tmp_path / "w") as w, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for viewport in ({"width": 1366, "height": 768}, {"width": 390, "height": 844}):
            page = browser.new_page(viewport=viewport, locale="vi-VN")
            sign_in(page, w.base, "quantri")
            page.goto(f"{w.base}/quan-tri")
            page.set_input_files("#file-loa", str(bad))
            page.locator("form[action='/quan-tri/nhap/loa'] button").click()
            problems = page.locator("#problems li")
            expect(problems).to_have_count(2)
            expect(problems.nth(0)).to_contain_text("Dòng 57")
            expect(problems.nth(1)).to_contain_text("Dòng 121")
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            page.set_input_files("#file-loa", str(good))
            page.locator("form[action='/quan-tri/nhap/loa'] button").click()
            expect(page.locator(".ok")).to_contain_text(
                "Đã nhập 200 thiết bị loa mới" if viewport["width"] > 1000 else "Đã nhập 0 thiết bị loa mới, cập nhật 0"
            )
            page.close()
        browser.close()
        assert count(w.store) == 203


def test_bookings_import_uses_the_booking_checks(world: tuple[TestClient, Store]) -> None:
    from broadcaster.store.models import BookingRow

    client, store = world
    token = csrf(client)
    with store.session() as s:
        before = s.query(BookingRow).count()
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    today = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    monday = today + timedelta(days=7 + (7 - today.weekday()) % 7)  # a Monday one to two weeks ahead
    good = f"ban_tin,vung,tu_ngay,den_ngay,khung_gio,lap_lai,loai\n1,thon-1,{monday},,07:00,FREQ=WEEKLY;BYDAY=MO,normal\n"
    bad = good + f"2,thon-1,{monday},,07:00,,normal\n1,thon-x,{monday},,07:00,,normal\n1,thon-1,ngay-mai,,07:00,,normal\n"
    refused = client.post("/quan-tri/nhap/lich", data={"csrf": token}, files={"file": ("lich.csv", bad.encode(), "text/csv")})
    assert refused.status_code == 400
    assert re.findall(r"Dòng (\d+):", refused.text) == ["3", "4", "5"], refused.text
    assert "bản nháp" in refused.text and "thon-x" in refused.text and "01/12/2026 hoặc 2026-12-01" in refused.text
    with store.session() as s:
        assert s.query(BookingRow).count() == before  # the good first row was not kept either
    ok = client.post(
        "/quan-tri/nhap/lich",
        data={"csrf": token},
        files={"file": ("lich.csv", good.encode(), "text/csv")},
        follow_redirects=False,
    )
    assert ok.status_code == 303
    with store.session() as s:
        assert s.query(BookingRow).count() == before + 1
    assert "FREQ=WEEKLY;BYDAY=MO" in client.get("/quan-tri/xuat/lich.csv").content.decode("utf-8-sig")

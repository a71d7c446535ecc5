"""Statistics after a simulated day: planned vs played, coverage, uptime with a device that went
offline, an interrupted play, residents reached against the targets, CSV/XLSX, zone edits later."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from broadcaster.app.planning import book, build_planner
from broadcaster.app.statistics import Period, record_due, statistics, uptime
from broadcaster.service.report_rows import store_reports
from broadcaster.service.reports import Report
from broadcaster.store.engine import Store
from broadcaster.store.models import DeviceRow, DeviceSample, PlannedPlay, PlayReport, ZoneRow
from broadcaster.web.app import create_app
from tests.conftest import ROOT
from tests.helpers import ADMIN
from tests.web.world import CHROMIUM, FLAGS, PASSWORD, build, serve, sign_in

ARTIFACTS = ROOT / "test-artifacts"
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DAY = datetime.now(TZ).date() - timedelta(days=1)


def at(hour: float) -> datetime:
    return (datetime.combine(DAY, time(0), TZ) + timedelta(hours=hour)).astimezone(UTC)


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def simulate_day(store: Store, approved: int) -> None:
    """Yesterday: a daily 07:00 booking in two zones; loa-1 plays, loa-9 is cut short, loa-2 is offline from noon."""
    with store.session() as s:
        for zone_id, urban, rural in (("thon-1", 100, 300), ("thon-9", 0, 200)):
            zone = s.get(ZoneRow, zone_id)
            assert zone is not None
            zone.households_urban, zone.households_rural = urban, rural
        book(s, ADMIN, approved, ["thon-1", "thon-9"], DAY, "FREQ=DAILY", slot="07:00")
    with store.session() as s:
        plan = build_planner(s, DAY, 1).plan()
        assert record_due(s, plan, datetime.now(UTC)) == 2
        assert record_due(s, plan, datetime.now(UTC)) == 0  # kept once
        items = {i.zone: i for i in plan.items}
    reports = []
    for device, zone, outcome, played_ms in (("loa-1", "thon-1", "completed", 6000), ("loa-9", "thon-9", "interrupted", 400)):
        item = items[zone]
        reports.append(
            Report(
                "played",
                device,
                {
                    "item": item.id,
                    "bulletin": str(approved),
                    "sha256": "a" * 64,
                    "started": iso(item.starts_at),
                    "ended": iso(item.starts_at + timedelta(milliseconds=played_ms)),
                    "volume": 70,
                    "priority": "normal",
                    "outcome": outcome,
                    "played_ms": played_ms,
                },
            )
        )
    reports.append(Report("telemetry", "loa-1", {"at": None, "volume": 70, "free_bytes": 1000}))
    with store.session() as s:
        store_reports(s, reports)  # the service's own path
    with store.session() as s:
        assert s.query(DeviceSample).filter_by(device_id="loa-1", kind="telemetry").count() == 1  # telemetry kept
        s.query(DeviceSample).delete()
        for device, until in (("loa-1", 24.0), ("loa-2", 12.0), ("loa-9", 24.0)):
            s.add(DeviceSample(device_id=device, at=at(0), kind="state", online=True, body={}))
            hour = 1 / 6
            while hour < until:
                s.add(DeviceSample(device_id=device, at=at(hour), kind="telemetry", online=True, body={}))
                hour += 1 / 6
            if until < 24:
                s.add(DeviceSample(device_id=device, at=at(until), kind="state", online=False, body={}))
        row = s.get(DeviceRow, "loa-2")
        assert row is not None
        row.online, row.last_seen = False, at(12)


def test_uptime_of_samples() -> None:
    start, end = at(0), at(24)
    assert uptime([], start, end, before=False) == 0.0
    half = [(at(h / 6), True) for h in range(0, 72)] + [(at(12), False)]  # said offline at noon (LWT)
    assert uptime(half, start, end) == pytest.approx(0.5, abs=0.01)
    steady = [(at(h / 6), True) for h in range(0, 144)]
    assert uptime(steady, start, end) == pytest.approx(1.0, abs=0.01)
    silent = [(at(0), True)]  # no LWT and nothing more: online only for the stale allowance
    assert uptime(silent, start, end) == pytest.approx(15 / (24 * 60), abs=0.001)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Store]]:
    tmp: Path = tmp_path_factory.mktemp("stats")
    settings, store, approved, _draft = build(tmp)
    simulate_day(store, approved)
    yield TestClient(create_app(settings, store)), store


def test_statistics_of_the_simulated_day(world: tuple[TestClient, Store]) -> None:
    _client, store = world
    with store.session() as s:
        stats = statistics(s, None, Period(DAY, DAY))
    zones = {z["id"]: z for z in stats.zones}
    assert (zones["thon-1"]["speakers"], zones["thon-1"]["played"], zones["thon-1"]["coverage"]) == (2, 1, 0.5)
    assert zones["thon-9"]["coverage"] == 1.0
    speakers = {d["id"]: d for d in stats.speakers}
    assert speakers["loa-1"]["uptime"] == pytest.approx(1.0, abs=0.02)
    assert speakers["loa-2"]["uptime"] == pytest.approx(0.5, abs=0.02)
    assert not speakers["loa-2"]["online"] and speakers["loa-2"]["offline_since"] is not None
    (bulletin,) = stats.bulletins
    assert (bulletin["planned"], bulletin["played"], bulletin["device_plays"]) == (2, 2, 2)
    assert bulletin["interrupted"] == 1 and bulletin["interrupted_s"] == pytest.approx(0.4)
    urban, rural = stats.reach["urban"], stats.reach["rural"]
    assert urban["share"] == pytest.approx(0.5) and not urban["targets"][2027]["met"]
    assert rural["share"] == pytest.approx(0.7) and rural["targets"][2027]["met"] and rural["targets"][2030]["met"]


def test_later_zone_changes_do_not_rewrite_what_happened(world: tuple[TestClient, Store], tmp_path: Path) -> None:
    settings, store, approved, _ = build(tmp_path)
    simulate_day(store, approved)
    with store.session() as s:
        before = statistics(s, ["xa-a"], Period(DAY, DAY))
        s.get(ZoneRow, "thon-1").slots = [{"start": "09:00", "minutes": 5}]  # type: ignore[union-attr]
        s.get(DeviceRow, "loa-1").zone_id = "thon-9"  # type: ignore[union-attr]
    with store.session() as s:
        after = statistics(s, ["xa-a"], Period(DAY, DAY))
        assert s.query(PlannedPlay).count() == 2 and s.query(PlayReport).filter_by(zone_id="thon-1").count() == 1
    assert after.zones == before.zones and after.bulletins == before.bulletins


def test_statistics_pages_and_exports(world: tuple[TestClient, Store]) -> None:
    client, _store = world
    client.post("/dang-nhap", data={"username": "canbo", "password": PASSWORD})
    query = f"tu={DAY}&den={DAY}"
    page = client.get(f"/thong-ke?{query}")
    assert page.status_code == 200 and "Thon 1" in page.text and "Thon 9" not in page.text
    assert "<svg" in page.text and "50,0%" in page.text
    assert client.get(f"/thong-ke?xa=xa-b&{query}").status_code == 403  # another commune
    csv = client.get(f"/thong-ke.csv?{query}").content
    assert csv.startswith(b"\xef\xbb\xbf")
    text = csv.decode("utf-8-sig")
    assert "Độ phủ (%)" in text and "Thời gian hoạt động (%)" in text and "Nông thôn" in text
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(client.get(f"/thong-ke.xlsx?{query}").content))
    assert book.sheetnames == ["Bản tin", "Độ phủ theo vùng", "Thời gian hoạt động loa", "Người dân được tiếp cận"]
    assert [c.value for c in book["Độ phủ theo vùng"][2]][:5] == ["xa-a", "Thon 1", 2, 1, 50.0]
    client.post("/dang-nhap", data={"username": "quansat", "password": PASSWORD})
    province = client.get(f"/thong-ke?{query}").text
    assert "toàn tỉnh" in province and "Thon 9" in province
    bad = client.get("/thong-ke?tu=2026-13-01")
    assert bad.status_code == 400 and "không phải ngày hợp lệ" in bad.text
    client.post("/dang-nhap", data={"username": "bientap", "password": PASSWORD})
    assert client.get("/thong-ke").status_code == 403


def test_uptime_counts_from_installation_and_coverage_counts_each_speaker_and_play(tmp_path: Path) -> None:
    """Issue 23 points 4 and 9: a speaker installed at noon and online since is ~100%, not ~50%;
    a zone where one of three speakers missed one of two plays is 5/6, not 100%; a commune
    without urban households is 'không áp dụng' for the urban target, and chart and table agree."""
    import re

    from tests.helpers import zone_with_devices

    settings, store, approved, _draft = build(tmp_path)
    zone_with_devices(store, "thon-3", "xa-b", [time(7, 0), time(17, 30)], ["loa-x", "loa-y", "loa-z"], minutes=15)
    with store.session() as s:
        s.get(ZoneRow, "thon-3").households_rural = 90  # type: ignore[union-attr]
        book(s, ADMIN, approved, ["thon-3"], DAY, "FREQ=DAILY", slot="07:00")
        book(s, ADMIN, approved, ["thon-3"], DAY, "FREQ=DAILY", slot="17:30")
    with store.session() as s:
        plan = build_planner(s, DAY, 1).plan()
        record_due(s, plan, datetime.now(UTC))
        items = sorted((i for i in plan.items if i.zone == "thon-3"), key=lambda i: i.starts_at)
        assert len(items) == 2
        for device, played in (("loa-x", items), ("loa-y", items), ("loa-z", items[:1])):
            for item in played:
                s.add(
                    PlayReport(
                        device_id=device,
                        item_id=item.id,
                        bulletin_id=str(approved),
                        sha256="a" * 64,
                        zone_id="thon-3",
                        started=item.starts_at,
                        ended=item.starts_at + timedelta(seconds=5),
                        played_ms=5000,
                    )
                )
        s.query(DeviceSample).delete()
        for device in ("loa-x", "loa-y", "loa-z"):  # installed at noon, heard every ten minutes since
            hour = 12.0
            while hour < 24:
                s.add(DeviceSample(device_id=device, at=at(hour), kind="telemetry", online=True, body={}))
                hour += 1 / 6
    with store.session() as s:
        stats = statistics(s, ["xa-b"], Period(DAY, DAY))
    zone = next(z for z in stats.zones if z["id"] == "thon-3")
    assert zone["coverage"] == pytest.approx(5 / 6)
    uptimes = {d["id"]: d["uptime"] for d in stats.speakers}
    assert uptimes["loa-x"] == pytest.approx(1.0, abs=0.02)
    assert uptimes["loa-9"] is None  # never heard of: not installed in this period, not 0%
    assert not stats.reach["urban"]["applies"]
    client = TestClient(create_app(settings, store))
    client.post("/dang-nhap", data={"username": "quansat", "password": PASSWORD})
    page = client.get(f"/thong-ke?xa=xa-b&tu={DAY}&den={DAY}").text
    urban = page.split('id="reach-urban"', 1)[1].split("</span>", 1)[0]
    assert "Không áp dụng" in urban and "chưa đạt" not in urban and "0,0%" not in urban
    assert "83,3%" in page.split('id="coverage"', 1)[1]
    table = page.split('id="uptime"', 1)[1]
    chart = page.split("Thời gian hoạt động của loa", 1)[1].split('id="uptime"', 1)[0]
    for device in ("loa-x", "loa-y"):
        in_table = re.search(rf"<strong>{device}</strong>.*?data-label=\"Hoạt động\">([^<]+)<", table, re.S)
        assert in_table is not None and in_table.group(1).strip().startswith(("99,", "100,"))
        assert in_table.group(1).strip() in chart  # the chart says what the table says
    assert all(float(size) >= 17 for size in re.findall(r'font-size="([0-9.]+)"', page))


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run")
def test_screenshots_of_dashboard_and_statistics(tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with serve(tmp_path) as w:
        simulate_day(w.store, w.approved)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page(viewport={"width": 1366, "height": 768}, locale="vi-VN")
            sign_in(page, w.base, "quantri")
            page.goto(f"{w.base}/hom-nay")
            expect(page.locator("#offline")).to_contain_text("loa-2")
            ARTIFACTS.mkdir(exist_ok=True)  # copied into docs/screenshots for the README
            page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
            page.goto(f"{w.base}/thong-ke?tu={DAY}&den={DAY}")
            expect(page.locator("#coverage")).to_contain_text("50,0%")
            expect(page.locator("#uptime")).to_contain_text("loa-2")
            page.screenshot(path=str(ARTIFACTS / "statistics.png"), full_page=True)
            browser.close()
    _ = date

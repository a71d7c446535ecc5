"""Amplifier power and a zone's timetable from the console, the API and the CLI reach simulated
speakers on a real broker, are acknowledged per device and audited; bad input is refused in Vietnamese."""

from __future__ import annotations

import shutil
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from broadcaster.app.tasks import task_view
from broadcaster.config import Settings
from broadcaster.service.core import Service
from broadcaster.store.models import AuditEvent, ZoneRow
from broadcaster.web.app import create_app
from devices.background import free_port
from devices.programme import ProgrammeEntry
from devices.protocol import Topics, iso
from devices.sim.simulator import Fleet, SimulatedDevice
from tests.conftest import wait_for
from tests.web.world import CHROMIUM, FLAGS, PASSWORD, build, serve, sign_in


def later(hours: int) -> str:
    """A wall-clock time in Hanoi some hours from now: a window that does not include now."""
    return (datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")) + timedelta(hours=hours)).strftime("%H:%M")


@pytest.mark.slow
def test_power_and_timetable_reach_speakers_acknowledged_and_audited(tmp_path: Path, mosquitto_url: str) -> None:
    prefix = f"loa/power-{int(time.time() * 1000)}"
    _settings, store, _approved, _draft = build(tmp_path)
    settings = Settings(data_dir=tmp_path / "data", topic_prefix=prefix, server_client_id=f"srv-{prefix}", media_port=free_port())
    client = TestClient(create_app(settings, store))
    service = Service(settings, store, mosquitto_url).start()
    fleet = Fleet(
        [SimulatedDevice("loa-1", "thon-1"), SimulatedDevice("loa-2", "thon-1")],
        mosquitto_url,
        {service.signer.key_id: service.signer.public_b64()},
        tmp_path / "fleet",
        Topics(prefix),
    ).start()

    def acked(task_id: int) -> int:
        with store.session() as s:
            return int(task_view(s, task_id)["acked"])

    try:
        csrf = client.post("/api/session", json={"username": "canbo", "password": PASSWORD}).json()["csrf"]
        page = client.get("/loa").text
        assert "Tắt ampli" in page and "Bật ampli" in page
        # the console: switch the whole zone off (confirmed: the first post only asks)
        sent = client.post(
            "/dieu-khien",
            data={"csrf": csrf, "target": "zone:thon-1", "action": "power-off", "confirm": "yes"},
            follow_redirects=False,
        )
        assert sent.status_code == 303
        off = int(sent.headers["location"].rsplit("/", 1)[1])
        service.commands.process_tasks()
        assert wait_for(lambda: acked(off) == 2, 40), acked(off)
        assert all(a.amplifier is False and a.player.amplifier is False for a in fleet.agents)  # type: ignore[attr-defined]
        # the API: one speaker back on; a power command without on/off is refused in Vietnamese
        on = client.post(
            "/api/devices/control", json={"action": "power", "devices": ["loa-2"], "on": True}, headers={"X-CSRF-Token": csrf}
        )
        assert on.status_code == 200, on.text
        service.commands.process_tasks()
        assert wait_for(lambda: acked(on.json()["id"]) == 1, 40)
        assert [a.amplifier for a in fleet.agents] == [False, True]
        shown = client.get(f"/lenh/{on.json()['id']}").text
        assert "Bật ampli — " in shown and "loa-2: đã xác nhận" in shown
        vague = client.post("/api/devices/control", json={"action": "power", "zones": ["thon-1"]}, headers={"X-CSRF-Token": csrf})
        assert vague.status_code == 409 and vague.json()["code"] == "control.power"
        # the state the speakers publish reaches the console
        cells = ('<td data-label="Ampli">Tắt</td>', '<td data-label="Ampli">Bật</td>')
        assert wait_for(lambda: all(cell in client.get("/loa").text for cell in cells), 40)

        # a timetable set through the API travels in the signed programme and is applied at once:
        # the window is later today, so now the amplifier is off; the volume step holds through midnight
        body = {"power": [{"on": later(2), "off": later(3)}], "volume": [{"at": "00:00", "volume": 42}]}
        put = client.put("/api/zones/thon-1/timetable", json=body, headers={"X-CSRF-Token": csrf})
        assert put.status_code == 200, put.text
        assert put.json()["timetable"]["volume"] == [{"at": "00:00", "volume": 42}]
        assert service.watch_changes()  # the audited change re-plans and pushes
        assert wait_for(lambda: all(a.timetable is not None for a in fleet.agents), 40)
        assert wait_for(lambda: all(not a.amplifier and a.volume == 42 for a in fleet.agents), 40)
        bad = client.put(
            "/api/zones/thon-1/timetable", json={"power": [{"on": "05:30", "off": "05:30"}]}, headers={"X-CSRF-Token": csrf}
        )
        assert bad.status_code == 400 and bad.json()["code"] == "timetable.same_on_off"
        assert "trùng nhau" in bad.json()["error"]
        other = client.put("/api/zones/thon-9/timetable", json=body, headers={"X-CSRF-Token": csrf})
        assert other.status_code == 403

        # an item due while off is reported by the speaker and audited by the service, not dropped
        agent = fleet.agents[0]
        media = {"url": "http://127.0.0.1:1/x.mp3", "sha256": "b" * 64, "bytes": 10, "duration_ms": 1000, "codec": "mp3"}
        entry = {"id": "it-missed", "starts_at": iso(time.time()), "duration_ms": 1000, "priority": "normal", "bulletin": "1"}
        agent._missed(ProgrammeEntry.from_dict({**entry, "media": media}), "amplifier_off", time.time())

        def audited(action: str) -> list[AuditEvent]:
            with store.session() as s:
                return list(s.query(AuditEvent).filter(AuditEvent.action == action))

        # (only this item's: a slot of build()'s bookings that passed hours ago is reported missed as "late" too)
        assert wait_for(lambda: len([e for e in audited("device.missed") if e.subject == "item:it-missed"]) == 1, 40)
        missed = next(e for e in audited("device.missed") if e.subject == "item:it-missed")
        assert missed.subject == "item:it-missed" and (missed.detail or {})["reason"] == "amplifier_off"
        with store.session() as s:
            actions = {e.action for e in s.query(AuditEvent).filter(AuditEvent.actor == "canbo")}
        assert {"task.device_command", "command.power", "zone.timetable"} <= actions
    finally:
        fleet.stop()
        service.stop()


def test_cli_power_and_timetable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from broadcaster.cli import main
    from broadcaster.store.models import ServiceTask

    settings, store, _approved, _draft = build(tmp_path)
    config = tmp_path / "loa.toml"
    config.write_text(f'data_dir = "{settings.data_dir.as_posix()}"\n', encoding="utf-8")
    cli = ["--config", str(config)]
    assert main([*cli, "control", "power", "--zones", "thon-1", "--off", "--as", "canbo"]) == 0
    with store.session() as s:
        task = s.get(ServiceTask, 1)
        assert task is not None and task.payload["type"] == "power" and task.payload["body"] == {"on": False}
    assert main([*cli, "control", "power", "--zones", "thon-1", "--as", "canbo"]) == 2
    assert "Hãy chọn bật hoặc tắt ampli" in capsys.readouterr().err
    ok = main([*cli, "zone", "timetable", "thon-1", "--power", "05:30-21:30", "--volume", "05:30=60; 06:00=85", "--as", "canbo"])
    assert ok == 0 and "bật 05:30 đến 21:30; âm lượng 60 từ 05:30, 85 từ 06:00" in capsys.readouterr().out
    with store.session() as s:
        zone = s.get(ZoneRow, "thon-1")
        assert zone is not None and zone.timetable == {
            "power": [{"on": "05:30", "off": "21:30"}],
            "volume": [{"at": "05:30", "volume": 60}, {"at": "06:00", "volume": 85}],
        }
    assert main([*cli, "zone", "timetable", "thon-1", "--volume", "06:00=80", "--as", "canbo"]) == 0  # power kept
    assert "bật 05:30 đến 21:30; âm lượng 80 từ 06:00" in capsys.readouterr().out
    assert main([*cli, "zone", "timetable", "thon-1", "--volume", "06:00=185", "--as", "canbo"]) == 2
    assert "Âm lượng trong lịch phải từ 0 đến 100" in capsys.readouterr().err
    assert main([*cli, "zone", "timetable", "thon-1", "--power", "5h30 đến 21h", "--as", "canbo"]) == 2
    assert "không phải khoảng bật ampli hợp lệ" in capsys.readouterr().err
    assert main([*cli, "zone", "timetable", "thon-1", "--clear", "--as", "canbo"]) == 0
    with store.session() as s:
        zone = s.get(ZoneRow, "thon-1")
        assert zone is not None and zone.timetable is None
        assert s.query(AuditEvent).filter(AuditEvent.action == "zone.timetable").count() == 3


def test_admin_timetable_form_refuses_in_vietnamese_and_keeps_what_was_typed(tmp_path: Path) -> None:
    settings, store, _approved, _draft = build(tmp_path)
    client = TestClient(create_app(settings, store))
    token = client.post("/api/session", json={"username": "quantri", "password": PASSWORD}).json()["csrf"]
    form = {"csrf": token, "vung": "thon-1", "bat_tat": "05:30-21:30", "am_luong": "05:30=60; 06:00=85; 06:00=90"}
    refused = client.post("/quan-tri/vung/lich-ampli", data=form)
    assert refused.status_code == 400
    assert "Có hai mốc âm lượng cùng lúc 06:00" in refused.text and "06:00=90" in refused.text
    saved = client.post("/quan-tri/vung/lich-ampli", data={**form, "am_luong": "05:30=60; 06:00=85"})
    assert saved.status_code == 200 and "Đã lưu lịch ampli và âm lượng của vùng thon-1" in saved.text
    assert "bật 05:30-21:30" in saved.text
    with store.session() as s:
        assert s.query(AuditEvent).filter(AuditEvent.action == "zone.timetable", AuditEvent.actor == "quantri").count() == 1


def test_admin_timetable_form_shows_each_zones_timetable_and_an_empty_field_never_wipes(tmp_path: Path) -> None:
    settings, store, _approved, _draft = build(tmp_path)
    client = TestClient(create_app(settings, store))
    token = client.post("/api/session", json={"username": "quantri", "password": PASSWORD}).json()["csrf"]
    saved = client.post("/quan-tri/vung/thon-1/lich-ampli", data={"csrf": token, "bat_tat": "05:30-11:00; 16:00-21:30"})
    assert saved.status_code == 200 and "bật 05:30 đến 11:00, 16:00 đến 21:30" in saved.text
    assert "ngoài giờ bật ampli" not in saved.text  # both slots, 07:00 and 17:30, are inside the windows
    page = client.get("/quan-tri").text
    form = page[page.index('id="tt-thon-1"') : page.index("</details>", page.index('id="tt-thon-1"'))]
    assert 'value="05:30-11:00; 16:00-21:30"' in form and "Xóa lịch" in form
    other = page[page.index('id="tt-thon-9"') : page.index("</details>", page.index('id="tt-thon-9"'))]
    assert 'name="bat_tat" placeholder="05:30-21:30" value=""' in other  # another zone shows its own (none)
    # only the volume typed: the power windows stay, and the admin is told so
    volume = client.post("/quan-tri/vung/thon-1/lich-ampli", data={"csrf": token, "bat_tat": "", "am_luong": "06:00=80"})
    assert "giữ nguyên giờ bật ampli đã có" in volume.text and "âm lượng 80 từ 06:00" in volume.text
    with store.session() as s:
        zone = s.get(ZoneRow, "thon-1")
        assert zone is not None and zone.timetable == {
            "power": [{"on": "05:30", "off": "11:00"}, {"on": "16:00", "off": "21:30"}],
            "volume": [{"at": "06:00", "volume": 80}],
        }
    # a window across midnight is said plainly; overlapping windows are refused and nothing changes
    night = client.post("/quan-tri/vung/thon-1/lich-ampli", data={"csrf": token, "bat_tat": "21:30-05:30"})
    assert "bật 21:30 đến 05:30 sáng hôm sau" in night.text
    assert "Lưu ý: khung giờ 07:00, 17:30 của vùng thon-1 (lịch phát #" in night.text  # saved, with a warning
    assert "nằm ngoài giờ bật ampli" in night.text
    both = client.post("/quan-tri/vung/thon-1/lich-ampli", data={"csrf": token, "bat_tat": "05:00-10:00; 08:00-12:00"})
    assert both.status_code == 400
    assert "Hai khoảng bật ampli 05:00-10:00 và 08:00-12:00 chồng lên nhau" in both.text and "05:00-12:00" in both.text
    assert 'value="05:00-10:00; 08:00-12:00"' in both.text  # what was typed is kept
    cleared = client.post("/quan-tri/vung/thon-1/lich-ampli", data={"csrf": token, "action": "clear"})
    assert "Đã bỏ lịch ampli và âm lượng của vùng thon-1" in cleared.text
    with store.session() as s:
        zone = s.get(ZoneRow, "thon-1")
        assert zone is not None and zone.timetable is None


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run")
def test_timetable_form_on_a_phone(tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with serve(tmp_path) as w, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN")
        sign_in(page, w.base, "quantri")
        page.goto(f"{w.base}/quan-tri")
        page.locator("#tt-thon-1 summary").click()
        form = page.locator("#tt-thon-1 form")
        form.locator("input[name=bat_tat]").fill("05:30-25:00")
        form.locator("input[name=am_luong]").fill("05:30=60; 06:00=85")
        form.locator("button[value=save]").click()
        expect(page.locator(".error")).to_contain_text("“25:00” không phải giờ hợp lệ")
        expect(page.locator("#tt-thon-1 input[name=bat_tat]")).to_have_value("05:30-25:00")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        page.locator("#tt-thon-1 input[name=bat_tat]").fill("05:30-21:30")
        page.locator("#tt-thon-1 button[value=save]").click()
        expect(page.locator(".ok")).to_contain_text("Đã lưu lịch ampli và âm lượng của vùng thon-1")
        expect(page.locator("#zones")).to_contain_text("bật 05:30-21:30")
        page.locator("#tt-thon-1 summary").click()  # the form shows the zone's timetable again
        expect(page.locator("#tt-thon-1 input[name=bat_tat]")).to_have_value("05:30-21:30")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        browser.close()
    with w.store.session() as s:
        zone = s.get(ZoneRow, "thon-1")
        assert zone is not None and zone.timetable is not None and zone.timetable["power"] == [{"on": "05:30", "off": "21:30"}]


def test_a_refused_command_is_explained_in_vietnamese_on_its_task_page(tmp_path: Path) -> None:
    from broadcaster.app import tasks
    from broadcaster.app.control import request_control
    from broadcaster.app.workflow import Actor
    from broadcaster.store.models import CommandAck, CommandRow, User

    settings, store, _approved, _draft = build(tmp_path)
    client = TestClient(create_app(settings, store))
    client.post("/api/session", json={"username": "canbo", "password": PASSWORD})
    with store.session() as s:
        user = s.query(User).filter_by(username="canbo").one()
        task = request_control(s, Actor.of(user, ""), "power", [], ["loa-1"], None, False)
        s.add(
            CommandRow(
                id="c" * 32,
                kind="power",
                target="dev/loa-1",
                body={},
                expires_at=datetime.now(ZoneInfo("UTC")) + timedelta(minutes=10),
            )
        )
        s.flush()
        s.add(CommandAck(command_id="c" * 32, device_id="loa-1", status="rejected", reason="expired"))
        tasks.finish(s, task, {"commands": ["c" * 32]})
    shown = client.get(f"/lenh/{task}").text
    assert "Tắt ampli — " in shown and "loa-1: từ chối — Thiết bị báo: lệnh đã hết hạn." in shown


def test_overlapping_windows_are_refused_naming_the_window_they_make() -> None:
    from broadcaster.app.timetables import TimetableRefused, checked, from_text

    zone = ZoneRow(id="z", commune="x", timezone="Asia/Ho_Chi_Minh")
    for typed, merged in [
        ("05:00-10:00; 08:00-12:00", "05:00-12:00"),
        ("21:30-05:30; 05:00-06:00", "21:30-06:00"),
        ("21:00-06:00; 05:00-22:00", "00:00-23:59"),
    ]:
        with pytest.raises(TimetableRefused) as refused:
            checked(zone, from_text(typed, ""))
        assert refused.value.code == "timetable.overlap" and refused.value.params["merged"] == merged
    assert checked(zone, from_text("21:30-05:30; 05:30-11:00", "")) is not None  # touching is not overlapping


def test_booking_into_a_slot_while_the_amplifier_is_off_is_saved_with_a_vietnamese_warning(tmp_path: Path) -> None:
    settings, store, approved, _draft = build(tmp_path)
    with store.session() as s:
        zone = s.get(ZoneRow, "thon-1")
        assert zone is not None
        zone.timetable = {"power": [{"on": "16:00", "off": "21:30"}], "volume": []}  # off at 07:00, on at 17:30
    client = TestClient(create_app(settings, store))
    token = client.post("/api/session", json={"username": "canbo", "password": PASSWORD}).json()["csrf"]
    today = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    h = {"X-CSRF-Token": token}
    ask = {"bulletin": approved, "zones": ["thon-1"], "starts_on": (today + timedelta(days=2)).isoformat(), "slot": "07:00"}
    morning = client.post("/api/bookings", json=ask, headers=h)
    assert morning.status_code == 200, morning.text
    assert morning.json()["warnings"] == [
        "Lưu ý: ampli của vùng thon-1 tắt lúc 07:00 theo lịch bật/tắt ampli; "
        "bản tin thường vào giờ đó sẽ không phát (được báo là “không phát”)."
    ]
    form = {"csrf": token, "zones": "thon-1", "starts_on": (today + timedelta(days=3)).isoformat(), "slot": "07:00"}
    shown = client.post(f"/ban-tin/{approved}/dat-lich", data=form)
    assert shown.status_code == 200 and "Đã đặt lịch phát. Lưu ý: ampli của vùng thon-1 tắt lúc 07:00" in shown.text
    with store.session() as s:
        zone = s.get(ZoneRow, "thon-1")
        assert zone is not None
        zone.timetable = {"power": [{"on": "05:00", "off": "22:00"}], "volume": []}
    on = client.post("/api/bookings", json={**ask, "starts_on": (today + timedelta(days=4)).isoformat()}, headers=h)
    assert on.status_code == 200 and on.json()["warnings"] == [], on.text


def test_editing_a_booking_while_the_amplifier_is_off_at_its_slot_gives_the_same_warning_as_booking(tmp_path: Path) -> None:
    settings, store, approved, _draft = build(tmp_path)

    def timetable(power: list[dict[str, str]]) -> None:
        with store.session() as s:
            zone = s.get(ZoneRow, "thon-1")
            assert zone is not None
            zone.timetable = {"power": power, "volume": []}

    client = TestClient(create_app(settings, store))
    token = client.post("/api/session", json={"username": "canbo", "password": PASSWORD}).json()["csrf"]
    today = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    h = {"X-CSRF-Token": token}
    warning = (
        "Lưu ý: ampli của vùng thon-1 tắt lúc 07:00 theo lịch bật/tắt ampli; "
        "bản tin thường vào giờ đó sẽ không phát (được báo là “không phát”)."
    )
    timetable([{"on": "05:00", "off": "22:00"}])
    ask = {"bulletin": approved, "zones": ["thon-1"], "starts_on": (today + timedelta(days=2)).isoformat(), "slot": "07:00"}
    booked = client.post("/api/bookings", json=ask, headers=h)
    assert booked.status_code == 200 and booked.json()["warnings"] == [], booked.text
    booking = booked.json()["id"]
    timetable([{"on": "16:00", "off": "21:30"}])  # now off at 07:00
    moved = client.put(f"/api/bookings/{booking}", json={**ask, "starts_on": (today + timedelta(days=3)).isoformat()}, headers=h)
    assert moved.status_code == 200, moved.text
    assert moved.json()["warnings"] == [warning]
    form = {"csrf": token, "zones": "thon-1", "starts_on": (today + timedelta(days=4)).isoformat(), "slot": "07:00"}
    shown = client.post(f"/lich-phat/{booking}/sua", data=form)
    assert shown.status_code == 200 and f"Đã sửa lịch phát #{booking}. {warning}" in shown.text
    timetable([{"on": "05:00", "off": "22:00"}])
    quiet = client.post(f"/lich-phat/{booking}/sua", data=form)
    assert quiet.status_code == 200 and f"Đã sửa lịch phát #{booking}" in quiet.text and "Lưu ý: ampli" not in quiet.text
    again = client.put(f"/api/bookings/{booking}", json=ask, headers=h)
    assert again.status_code == 200 and again.json()["warnings"] == [], again.text

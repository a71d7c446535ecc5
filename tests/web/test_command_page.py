"""The command page names the command and its target, and says what became of offline speakers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from broadcaster.app.control import request_control
from broadcaster.app.tasks import finish
from broadcaster.app.workflow import Actor, Role
from broadcaster.store.models import CommandAck, CommandRow, DeviceRow, ServiceTask, ZoneRow
from broadcaster.web.app import create_app
from tests.web.world import PASSWORD, build


def test_zone_power_off_names_target_and_offline_speakers(tmp_path: Path) -> None:
    settings, store, _approved, _draft = build(tmp_path)
    now = datetime.now(UTC)
    with store.session() as s:
        zone = s.get(ZoneRow, "thon-1")
        assert zone is not None
        zone.name = "Thôn 1"
        for device_id, name, online in (("loa-1", "Loa nhà văn hoá", True), ("loa-2", "Loa chợ", False)):
            device = s.get(DeviceRow, device_id)
            assert device is not None
            device.name, device.online = name, online
        task = request_control(s, Actor("canbo", Role.OFFICIAL, communes=("xa-a",)), "power", ["thon-1"], [], None, False)
        s.add(
            CommandRow(
                id="c-1",
                kind="power",
                target="zone/thon-1",
                body={},
                expires_at=now + timedelta(minutes=10),
            )
        )
        s.flush()
        s.add(CommandAck(command_id="c-1", device_id="loa-1", status="ok"))
        finish(s, task, {"commands": ["c-1"]})
    client = TestClient(create_app(settings, store))
    assert client.post("/api/session", json={"username": "canbo", "password": PASSWORD}).status_code == 200
    html = client.get(f"/lenh/{task}").text
    assert "Tắt ampli — cả vùng Thôn 1" in html
    assert "Loa nhà văn hoá" in html and "Loa chợ" in html
    assert 'Loa chợ <small class="muted">(loa-2)</small>: mất kết nối — sẽ gửi lại khi loa kết nối' in html
    assert "đang chờ" not in html
    assert 'data-settled="no"' in html and "/static/task.js" in html  # still valid: the page follows the resends
    with store.session() as s:
        command = s.get(CommandRow, "c-1")
        assert command is not None
        command.expires_at = now - timedelta(seconds=1)
    html = client.get(f"/lenh/{task}").text
    assert 'Loa chợ <small class="muted">(loa-2)</small>: hết hạn, loa không nhận được' in html
    assert "mất kết nối — sẽ gửi lại" not in html
    assert 'data-settled="yes"' in html and "/static/task.js" not in html  # nothing left to wait for
    api = client.get(f"/api/tasks/{task}").json()
    assert api["target_names"] == [{"kind": "zone", "id": "thon-1", "name": "Thôn 1"}]
    assert {d["id"]: d["status"] for d in api["speakers"]} == {"loa-1": "acked", "loa-2": "expired"}


def test_control_list_shows_names_and_zone_wide_power_off_asks_first(tmp_path: Path) -> None:
    settings, store, _approved, _draft = build(tmp_path)
    with store.session() as s:
        zone = s.get(ZoneRow, "thon-1")
        assert zone is not None
        zone.name = "Thôn 1"
        device = s.get(DeviceRow, "loa-2")
        assert device is not None
        device.name, device.online = "Loa chợ", False
    client = TestClient(create_app(settings, store))
    csrf = client.post("/api/session", json={"username": "canbo", "password": PASSWORD}).json()["csrf"]
    listing = client.get("/loa").text
    assert '<option value="zone:thon-1">Cả vùng Thôn 1 (thon-1)</option>' in listing
    assert '<option value="device:loa-2">Loa Loa chợ (loa-2) — Thôn 1, mất kết nối</option>' in listing
    assert "Cả vùng thon-1<" not in listing and "Loa loa-2<" not in listing

    def queued() -> int:
        with store.session() as s:
            return len(s.scalars(select(ServiceTask)).all())

    for action, label in (("power-off", "Tắt ampli"), ("reboot", "Khởi động lại")):
        asked = client.post("/dieu-khien", data={"csrf": csrf, "target": "zone:thon-1", "action": action}, follow_redirects=False)
        assert asked.status_code == 200 and queued() == 0
        assert (
            f"Xác nhận lần hai:</strong> {label} <strong>cả vùng Thôn 1</strong> — 2 loa, trong đó 1 loa đang mất kết nối"
            in asked.text
        )
        assert 'name="confirm" value="yes"' in asked.text
    done = client.post(
        "/dieu-khien",
        data={"csrf": csrf, "target": "zone:thon-1", "action": "power-off", "confirm": "yes"},
        follow_redirects=False,
    )
    assert done.status_code == 303 and queued() == 1
    # one speaker, or a harmless action, needs no second step
    one = client.post("/dieu-khien", data={"csrf": csrf, "target": "device:loa-1", "action": "power-off"}, follow_redirects=False)
    assert one.status_code == 303 and queued() == 2
    # asking about another commune's zone is refused before anything is shown
    other = client.post("/dieu-khien", data={"csrf": csrf, "target": "zone:thon-9", "action": "reboot"}, follow_redirects=False)
    assert other.status_code == 403 and "Xác nhận lần hai" not in other.text and queued() == 2

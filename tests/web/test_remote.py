"""Volume, stop and restart from the console and the API reach simulated speakers and are acknowledged."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from broadcaster.app.tasks import task_view
from broadcaster.config import Settings
from broadcaster.service.core import Service
from broadcaster.store.models import AuditEvent
from broadcaster.web.app import create_app
from devices.background import free_port
from devices.protocol import Topics
from devices.sim.simulator import Fleet, SimulatedDevice
from tests.conftest import wait_for
from tests.web.world import PASSWORD, build

pytestmark = pytest.mark.slow


def test_console_volume_and_stop_are_acknowledged(tmp_path: Path, mosquitto_url: str) -> None:
    prefix = f"loa/remote-{int(time.time() * 1000)}"
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
    try:
        csrf = client.post("/api/session", json={"username": "canbo", "password": PASSWORD}).json()["csrf"]
        assert "Đặt âm lượng" in client.get("/loa").text
        sent = client.post(
            "/dieu-khien",
            data={"csrf": csrf, "target": "zone:thon-1", "action": "volume", "volume": "35"},
            follow_redirects=False,
        )
        assert sent.status_code == 303 and sent.headers["location"].startswith("/lenh/")
        task = int(sent.headers["location"].rsplit("/", 1)[1])
        service.commands.process_tasks()

        def acked(task_id: int) -> int:
            with store.session() as s:
                return int(task_view(s, task_id)["acked"])

        assert wait_for(lambda: acked(task) == 2, 15), acked(task)
        assert all(agent.volume == 35 for agent in fleet.agents)
        # the API: stop one speaker; another commune's zone is refused
        stop = client.post("/api/devices/control", json={"action": "stop", "devices": ["loa-2"]}, headers={"X-CSRF-Token": csrf})
        assert stop.status_code == 200, stop.text
        service.commands.process_tasks()
        assert wait_for(lambda: acked(stop.json()["id"]) == 1, 15)
        other = client.post(
            "/api/devices/control", json={"action": "volume", "zones": ["thon-9"], "volume": 10}, headers={"X-CSRF-Token": csrf}
        )
        assert other.status_code == 403 and other.json()["code"] == "perm.commune"
        loud = client.post(
            "/api/devices/control", json={"action": "volume", "zones": ["thon-1"], "volume": 140}, headers={"X-CSRF-Token": csrf}
        )
        assert loud.status_code == 422
        with store.session() as s:
            actions = {e.action for e in s.query(AuditEvent).filter(AuditEvent.actor == "canbo")}
        assert {"task.device_command", "task.stop", "command.volume", "command.stop"} <= actions
        csrf = client.post("/api/session", json={"username": "bientap", "password": PASSWORD}).json()["csrf"]
        refused = client.post(
            "/api/devices/control", json={"action": "stop", "zones": ["thon-1"]}, headers={"X-CSRF-Token": csrf}
        )
        assert refused.status_code == 403
    finally:
        fleet.stop()
        service.stop()


def test_cli_queues_control_and_refuses_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from broadcaster.cli import main
    from broadcaster.store.models import ServiceTask

    settings, store, _approved, _draft = build(tmp_path)
    config = tmp_path / "loa.toml"
    config.write_text(f'data_dir = "{settings.data_dir.as_posix()}"\n', encoding="utf-8")
    assert main(["--config", str(config), "control", "volume", "--zones", "thon-1", "--volume", "55", "--as", "canbo"]) == 0
    assert "lệnh #1" in capsys.readouterr().out
    with store.session() as s:
        task = s.get(ServiceTask, 1)
        assert task is not None and task.payload["body"] == {"volume": 55} and task.payload["zones"] == ["thon-1"]
    assert main(["--config", str(config), "control", "volume", "--zones", "thon-1", "--volume", "200", "--as", "canbo"]) == 2
    assert "Âm lượng phải từ 0 đến 100" in capsys.readouterr().err
    assert main(["--config", str(config), "control", "stop", "--zones", "thon-9", "--as", "canbo"]) == 2
    assert "xã của mình" in capsys.readouterr().err


def test_a_task_page_is_seen_by_who_asked_admins_and_officials_of_its_communes(tmp_path: Path) -> None:
    """A command's page names speakers and what was sent: not for another commune's official,
    nor for an editor who did not ask (console and API)."""
    from broadcaster.store.models import User, ZoneRow
    from broadcaster.store.passwords import hash_password

    settings, store, _approved, _draft = build(tmp_path)
    with store.session() as s:
        s.add(
            ZoneRow(id="thon-b", name="Thôn B", commune="xa-b", timezone="Asia/Ho_Chi_Minh", slots=[], quiet=[], languages=["vi"])
        )
        s.add(User(username="canbo-b", role="official", communes=["xa-b"], password_hash=hash_password(PASSWORD)))
        s.add(User(username="canbo-a2", role="official", communes=["xa-a"], password_hash=hash_password(PASSWORD)))
    client = TestClient(create_app(settings, store))
    csrf = client.post("/api/session", json={"username": "canbo", "password": PASSWORD}).json()["csrf"]
    sent = client.post("/api/devices/control", json={"action": "stop", "zones": ["thon-1"]}, headers={"X-CSRF-Token": csrf})
    assert sent.status_code == 200, sent.text
    task = sent.json()["id"]
    assert client.get(f"/lenh/{task}").status_code == 200  # who asked
    for user, allowed in (("canbo-b", False), ("bientap", False), ("canbo-a2", True), ("quantri", True), ("quansat", True)):
        other = TestClient(create_app(settings, store))
        assert other.post("/api/session", json={"username": user, "password": PASSWORD}).status_code == 200
        page, api = other.get(f"/lenh/{task}"), other.get(f"/api/tasks/{task}")
        assert (page.status_code, api.status_code) == ((200, 200) if allowed else (403, 403)), (user, page.status_code, api.text)
        if not allowed:
            assert "không xem được" in page.text and "loa-1" not in page.text

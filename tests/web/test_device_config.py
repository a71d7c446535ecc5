"""Device credentials from the console: the admin downloads device.toml once, a real agent runs on it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from fastapi.testclient import TestClient

from broadcaster.service.core import Service
from broadcaster.store.engine import Store
from broadcaster.store.models import AuditEvent, DeviceRow
from broadcaster.web.app import create_app
from devices.background import free_port
from devices.sim.mosquitto import MosquittoProcess
from tests.conftest import wait_for
from tests.helpers import ADMIN
from tests.web.world import CHROMIUM, FLAGS, PASSWORD, build, serve, sign_in


def _connects(port: int, user: str, password: str) -> bool:
    """Whether the broker accepts these credentials (CONNACK success), bounded in time."""
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=user)
    client.username_pw_set(user, password)
    answer: list[bool] = []
    client.on_connect = lambda _c, _u, _f, reason, _p: answer.append(not reason.is_failure)
    client.connect("127.0.0.1", port, 5)
    client.loop_start()
    try:
        wait_for(lambda: bool(answer), 5)
    finally:
        client.loop_stop()
        client.disconnect()
    return answer == [True]


def _online(store: Store, device: str) -> bool:
    with store.session() as s:
        row = s.get(DeviceRow, device)
        return bool(row and row.online)


def test_only_an_admin_issues_credentials_and_without_a_broker_url_it_says_so(tmp_path: Path) -> None:
    settings, store, _approved, _draft = build(tmp_path)
    client = TestClient(create_app(settings, store))
    for user in ("pheduyet", "bientap", "canbo"):
        client.cookies.clear()
        token = client.post("/api/session", json={"username": user, "password": PASSWORD}).json()["csrf"]
        refused = client.post("/quan-tri/loa/loa-1/cau-hinh", data={"csrf": token})
        assert refused.status_code == 403, user
    client.cookies.clear()
    token = client.post("/api/session", json={"username": "quantri", "password": PASSWORD}).json()["csrf"]
    unset = client.post("/quan-tri/loa/loa-1/cau-hinh", data={"csrf": token})
    assert unset.status_code == 409 and "device_broker_url" in unset.text and "Cấu hình không hợp lệ" in unset.text
    settings.device_broker_url = "mqtt://10.0.0.5:1883"
    assert client.post("/quan-tri/loa/loa-khong-co/cau-hinh", data={"csrf": token}).status_code == 404
    with store.session() as s:
        assert all(d.mqtt_password_hash is None for d in s.query(DeviceRow)), "nothing issued by a refusal"
        assert not s.query(AuditEvent).filter(AuditEvent.action.like("device.credentials%")).count()
    settings.media_port = 0  # the media server takes any free port: no address to pin downloads to
    issued = client.post("/quan-tri/loa/loa-9/cau-hinh", data={"csrf": token})
    config = tomllib.loads(issued.text)
    assert issued.headers["cache-control"] == "no-store" and "media_base" not in config
    assert config["broker"].startswith("mqtt://loa-9:") and config["broker"].endswith("@10.0.0.5:1883")
    assert config["data_dir"] == "/var/lib/loa-agent", "the agent keeps its state there, not in its working folder"


def test_after_the_download_the_page_shows_the_issued_state_in_local_time_and_next_steps(tmp_path: Path) -> None:
    settings, store, _approved, _draft = build(tmp_path)
    settings.device_broker_url = "mqtt://10.0.0.5:1883"
    client = TestClient(create_app(settings, store))
    token = client.post("/api/session", json={"username": "quantri", "password": PASSWORD}).json()["csrf"]
    before = client.get("/quan-tri/loa/loa-9/da-cap").text
    assert 'id="issued"' not in before and "chưa cấp" in before
    issued = client.post("/quan-tri/loa/loa-9/cau-hinh", data={"csrf": token})
    password = tomllib.loads(issued.text)["broker"].split("@")[0].rsplit(":", 1)[1]
    with store.session() as s:
        device = s.get(DeviceRow, "loa-9")
        assert device is not None
        device.credentials_issued = datetime(2026, 1, 5, 23, 30, tzinfo=UTC)  # 06:30 on the 6th in Vietnam
    after = client.get("/quan-tri/loa/loa-9/da-cap")
    assert after.status_code == 200
    assert "Đã cấp mật khẩu cho loa-9 — tiếp theo: 1) chạy <code>broadcaster devices export-acl" in after.text
    assert "2) nạp lại Mosquitto; 3) chép tệp loa-9.toml lên loa" in after.text
    assert "cấp lúc 06:30 06/01/2026" in after.text and "05/01/2026" not in after.text
    assert password not in after.text and str(after.url).endswith("/quan-tri/loa/loa-9/da-cap")
    assert 'data-download-then="/quan-tri/loa/loa-9/da-cap"' in after.text
    assert client.get("/quan-tri/loa/loa-khong-co/da-cap").status_code == 404


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is installed by .ci/run")
def test_downloaded_config_runs_a_real_agent_that_takes_a_signed_command(tmp_path: Path, broker_folder: Path) -> None:
    from playwright.sync_api import sync_playwright

    broker_port = free_port()
    with serve(tmp_path / "w") as w, sync_playwright() as p:
        w.settings.device_broker_url = f"mqtt://127.0.0.1:{broker_port}"
        w.settings.media_port = free_port()
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN", accept_downloads=True)
        page.on("dialog", lambda d: d.accept())
        sign_in(page, w.base, "quantri")
        configs = []
        for _ in range(2):  # issue, then rotate
            page.goto(f"{w.base}/quan-tri")
            with page.expect_download() as download:
                page.locator("button[data-device='loa-1']").click()
            saved = tmp_path / f"loa-1-{len(configs)}.toml"
            download.value.save_as(saved)
            assert download.value.suggested_filename == "loa-1.toml"
            configs.append(saved)
            # without a reload by hand, the page says what happened and what to do next
            page.wait_for_url("**/quan-tri/loa/loa-1/da-cap", timeout=10_000)
            assert "Đã cấp mật khẩu cho loa-1" in page.locator("#issued").inner_text()
            assert "cấp lúc" in page.locator("#devices").inner_text()
        browser.close()

        first, second = (tomllib.loads(c.read_text()) for c in configs)
        password = second["broker"].split("@")[0].rsplit(":", 1)[1]
        assert first["broker"] != second["broker"], "rotation gives a new password"
        assert second["device_id"] == "loa-1" and second["zones"] == ["thon-1"]
        assert second["broker"].endswith(f"@127.0.0.1:{broker_port}")
        assert second["media_base"] == f"http://127.0.0.1:{w.settings.media_port}/media/"
        with w.store.session() as s:
            device = s.get(DeviceRow, "loa-1")
            assert device is not None and device.mqtt_password_hash and device.mqtt_password_hash.startswith("$7$")
            assert password not in device.mqtt_password_hash
            actions = [e.action for e in s.query(AuditEvent).filter(AuditEvent.subject == "device:loa-1").order_by(AuditEvent.id)]
            assert actions[-2:] == ["device.credentials_issued", "device.credentials_rotated"]

        # the broker files come from the stored hashes: loa-1 keeps the console's password
        env = {**os.environ, "BROADCASTER_DATA_DIR": str(w.settings.data_dir), "PYTHONPATH": os.getcwd()}
        out = broker_folder
        export = [sys.executable, "-m", "broadcaster.cli", "devices", "export-acl", "--out", str(out)]
        subprocess.run([*export, "--port", str(broker_port), "--host", "127.0.0.1"], env=env, check=True, capture_output=True)
        assert not (out / "agents" / "loa-1.toml").exists(), "no second copy of a password already issued"
        server_url = (out / "server.env").read_text().splitlines()[0].split("=", 1)[1]
        with MosquittoProcess(out / "mosquitto.conf", broker_port):
            old = first["broker"].split("@")[0].rsplit(":", 1)[1]
            assert not _connects(broker_port, "loa-1", old), "the rotated-out password is refused"
            # on a speaker the agent keeps state in /var/lib/loa-agent; here, in the test's folder
            run_config = tmp_path / "agent.toml"
            run_config.write_text(
                configs[1].read_text().replace('"/var/lib/loa-agent"', json.dumps(str(tmp_path / "agent-data"))), encoding="utf-8"
            )
            log = (tmp_path / "agent.log").open("wb")
            agent = subprocess.Popen(
                [sys.executable, "-m", "broadcaster.cli", "agent", "--config", str(run_config)],
                cwd=tmp_path,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                with w.store.session() as s:
                    s.get(DeviceRow, "loa-1").online = False  # type: ignore[union-attr]
                with Service(w.settings, w.store, server_url) as service:
                    assert wait_for(lambda: _online(w.store, "loa-1"), 30), (tmp_path / "agent.log").read_text()
                    [command] = service.commands.fire_emergency(ADMIN, w.approved, ["thon-1"])
                    assert wait_for(lambda: service.commands.command_status(command).get("loa-1") == "acked", 20), (
                        tmp_path / "agent.log"
                    ).read_text(errors="replace")
            finally:
                agent.terminate()
                agent.wait(10)
                log.close()

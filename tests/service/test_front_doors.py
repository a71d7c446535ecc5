"""One service, many front doors: `serve` and `run` as two processes, plus CLI commands beside them.

Only the service holds the broker session and the media port; the console and the CLI queue
tasks in the store. An emergency asked from the CLI and from the console API is delivered once
to every speaker, with no port clash and no client-id takeover.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx
import paho.mqtt.client as mqtt
import pytest

from broadcaster.config import Settings
from broadcaster.store.engine import open_store
from broadcaster.store.keys import load_or_create
from broadcaster.store.models import User
from broadcaster.store.passwords import hash_password
from devices.background import free_port
from devices.protocol import Topics
from devices.sim.simulator import Fleet, SimulatedDevice
from tests.conftest import ROOT, wait_for
from tests.helpers import approved_bulletin, zone_with_devices

pytestmark = pytest.mark.slow


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "broadcaster.cli", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )


def _start(env: dict[str, str], log: Path, *args: str) -> subprocess.Popen[str]:
    """Output goes to a file: a pipe nobody reads until the end fills up (64 KiB) and then
    blocks the process on its next log line, which looked like a service ignoring acks."""
    with log.open("w") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "broadcaster.cli", *args], env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, text=True
        )


def _tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:]


def test_serve_and_run_apart_with_cli_and_console_emergencies(tmp_path: Path, mosquitto_url: str) -> None:
    prefix = f"doors/{os.getpid()}-{time.time_ns()}"
    data = tmp_path / "data"
    base = {k: v for k, v in os.environ.items() if not k.startswith("BROADCASTER_")}
    env = {
        **base,
        "BROADCASTER_DATA_DIR": str(data),
        "BROADCASTER_MQTT_URL": mosquitto_url,
        "BROADCASTER_TOPIC_PREFIX": prefix,
        "BROADCASTER_SERVER_CLIENT_ID": f"srv-{prefix}",
        "BROADCASTER_MEDIA_PORT": str(free_port()),
        "BROADCASTER_TASK_POLL_S": "0.2",
    }
    settings = Settings(data_dir=data)
    store = open_store(settings.database_url)
    bulletin = approved_bulletin(store, settings, "Thông báo khẩn")
    zone_with_devices(store, "ban-1", "xa-a", [], ["loa-1", "loa-2"])
    with store.session() as s:
        s.add(User(username="canbo", role="official", communes=["xa-a"], password_hash=hash_password("mat-khau-dai")))

    # Asked while the service is down: kept, and the operator is told so.
    queued = _cli(env, "emergency", str(bulletin), "--zones", "ban-1", "--reason", "lũ quét sắp tới", "--as", "canbo")
    assert queued.returncode == 0, queued.stderr
    assert "chưa chạy" in queued.stdout and "lệnh #1" in queued.stdout

    signer = load_or_create(settings.key_file, settings.key_id)
    plays: Counter[str] = Counter()
    watcher = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)
    watcher.on_message = lambda _c, _u, msg: plays.update([f"{msg.topic.split('/')[-2]}:{json.loads(msg.payload)['item']}"])
    watcher.connect("127.0.0.1", 1883)
    watcher.subscribe(f"{prefix}/dev/+/played", 1)
    watcher.loop_start()
    port = free_port()
    fleet = Fleet(
        [SimulatedDevice("loa-1", "ban-1"), SimulatedDevice("loa-2", "ban-1")],
        mosquitto_url,
        {signer.key_id: signer.public_b64()},
        tmp_path / "fleet",
        Topics(prefix),
    )
    run_log, serve_log = tmp_path / "run.log", tmp_path / "serve.log"
    run = _start(env, run_log, "run")
    serve = _start(env, serve_log, "serve", "--port", str(port))
    try:
        with fleet:
            # The task kept while the service was down is carried out when it starts.
            assert wait_for(lambda: len(plays) == 2, 90), (plays, run.poll(), _tail(run_log))
            cli = _cli(
                env,
                "emergency",
                str(bulletin),
                "--zones",
                "ban-1",
                "--reason",
                "lũ quét sắp tới",
                "--as",
                "canbo",
                "--wait",
                "90",
            )  # returns once acked
            assert cli.returncode == 0, cli.stderr
            assert "2/2 loa đã xác nhận" in cli.stdout, (cli.stdout, _tail(run_log))
            assert wait_for(lambda: len(plays) == 4, 60), plays

            # The console's API: the same queue, the task reports the speakers' acks.
            assert wait_for(lambda: _up(port), 20), _tail(serve_log)
            with httpx.Client(base_url=f"http://127.0.0.1:{port}") as web:
                signed = web.post("/api/session", json={"username": "canbo", "password": "mat-khau-dai"})
                assert signed.status_code == 200, signed.text
                csrf = signed.json()["csrf"]
                fired = web.post(
                    "/api/emergency",
                    json={"bulletin": bulletin, "zones": ["ban-1"], "reason": "sơ tán ngay"},
                    headers={"X-CSRF-Token": csrf},
                )
                assert fired.status_code == 200, fired.text
                task = fired.json()["id"]
                assert wait_for(lambda: web.get(f"/api/tasks/{task}").json()["acked"] == 2, 90), _tail(run_log)
                view = web.get(f"/api/tasks/{task}").json()
                assert view["state"] == "done" and view["service_running"] is True
            assert wait_for(lambda: len(plays) == 6, 60), plays
            time.sleep(1.5)  # retries of acked commands must not replay anything
            assert all(count == 1 for count in plays.values()), plays
            assert run.poll() is None and serve.poll() is None, "both processes keep running: no port clash, no takeover"
    finally:
        for proc in (serve, run):
            proc.terminate()
        for proc in (serve, run):
            proc.wait(timeout=20)
        watcher.loop_stop()
        watcher.disconnect()
    for log in (serve_log, run_log):
        output = log.read_text(errors="replace")
        assert "Traceback" not in output, output[-3000:]
        assert "Address already in use" not in output


def _up(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/dang-nhap", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False

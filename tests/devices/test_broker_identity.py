"""Issue 13 #7 (broker part): generated configs start as root, pin client ids to usernames,
keep secrets owner-only, and no output shows a broker password."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from broadcaster.config import Settings
from broadcaster.service.core import Service
from broadcaster.store.engine import open_store
from devices.background import free_port
from devices.broker import BrokerError
from devices.mosquitto import MosquittoProcess
from devices.mqtt import connect, make_client
from tests.broadcaster.helpers import zone_with_devices

pytestmark = pytest.mark.slow


def _export(tmp_path: Path, port: int) -> tuple[Settings, Path]:
    settings = Settings(data_dir=tmp_path / "data", media_port=free_port())
    store = open_store(settings.database_url)
    zone_with_devices(store, "thon-i", "xa-a", [], ["loa-i1", "loa-i2"])
    out = tmp_path / "broker"
    env = {**os.environ, "BROADCASTER_DATA_DIR": str(settings.data_dir)}
    command = [sys.executable, "-m", "broadcaster.cli", "devices", "export-acl", "--out", str(out), "--port", str(port)]
    subprocess.run([*command, "--host", "127.0.0.1"], capture_output=True, text=True, env=env, check=True, timeout=120)
    return settings, out


def test_export_writes_secrets_owner_only_and_the_conf_starts_as_is(tmp_path: Path) -> None:
    port = free_port()
    settings, out = _export(tmp_path, port)
    secret_files = [out / "passwd", out / "acl", out / "server.env", *sorted((out / "agents").glob("*.toml"))]
    assert len(secret_files) == 5
    db = Path(settings.database_url.removeprefix("sqlite:///"))
    for path in [*secret_files, db]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    server_url = (out / "server.env").read_text().strip().split("=", 1)[1]
    device_password = (out / "agents" / "loa-i1.toml").read_text().split("loa-i1:", 1)[1].split("@", 1)[0]
    with MosquittoProcess(out / "mosquitto.conf", port) as broker:  # the exported conf, untouched
        with Service(settings, open_store(settings.database_url), server_url) as service:
            assert service.dispatcher is not None
            thief = make_client("loa-server")  # a device's credentials asking for the service's client id
            thief.username_pw_set("loa-i1", device_password)
            connect(thief, broker.url)
            try:
                time.sleep(1.5)
                assert service.dispatcher.client.is_connected() and service.dispatcher.connects == 1, "not kicked off"
            finally:
                thief.disconnect()
                thief.loop_stop()


def test_broker_passwords_never_printed(tmp_path: Path) -> None:
    url = f"mqtt://loa-i1:S3cretPw-xyz@127.0.0.1:{free_port()}"
    client = make_client("x")
    with pytest.raises(BrokerError) as caught:
        connect(client, url, timeout_s=2)
    assert "S3cretPw-xyz" not in str(caught.value) and "loa-i1:***@" in str(caught.value)
    env = {**os.environ, "BROADCASTER_DATA_DIR": str(tmp_path / "data"), "BROADCASTER_MEDIA_PORT": str(free_port())}
    run = subprocess.run(
        [sys.executable, "-m", "broadcaster.cli", "run", "--mqtt", url], capture_output=True, text=True, env=env, timeout=120
    )
    assert run.returncode != 0 and "***" in run.stdout + run.stderr
    assert "S3cretPw-xyz" not in run.stdout + run.stderr

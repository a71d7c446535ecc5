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
from devices.mqtt import connect, make_client
from devices.sim.mosquitto import MosquittoProcess
from tests.conftest import wait_for
from tests.helpers import zone_with_devices

pytestmark = pytest.mark.slow


def _export(tmp_path: Path, port: int, out: Path, *extra: str) -> tuple[Settings, Path]:
    settings = Settings(data_dir=tmp_path / "data", media_port=free_port())
    store = open_store(settings.database_url)
    if not _devices(store):
        zone_with_devices(store, "thon-i", "xa-a", [], ["loa-i1", "loa-i2"])
    env = {**os.environ, "BROADCASTER_DATA_DIR": str(settings.data_dir)}
    command = [sys.executable, "-m", "broadcaster.cli", "devices", "export-acl", "--out", str(out), "--port", str(port)]
    subprocess.run([*command, "--host", "127.0.0.1", *extra], capture_output=True, text=True, env=env, check=True, timeout=120)
    return settings, out


def _devices(store) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from broadcaster.store.models import DeviceRow

    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(DeviceRow)) or 0)


def env_value(path: Path, key: str) -> str:
    return next(line.split("=", 1)[1] for line in path.read_text().splitlines() if line.startswith(f"{key}="))


def test_export_writes_secrets_owner_only_and_the_conf_starts_as_is(tmp_path: Path, broker_folder: Path) -> None:
    port = free_port()
    settings, out = _export(tmp_path, port, broker_folder)
    secret_files = [out / "passwd", out / "acl", out / "server.env", *sorted((out / "agents").glob("*.toml"))]
    assert len(secret_files) == 5
    db = Path(settings.database_url.removeprefix("sqlite:///"))
    for path in [*secret_files, db]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    server_url = env_value(out / "server.env", "BROADCASTER_MQTT_URL")
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


def test_re_export_keeps_running_services_each_worker_has_its_identity_and_a_second_instance_refuses(
    tmp_path: Path, broker_folder: Path
) -> None:
    """Issue 22 #7/#8: re-running export-acl (as the console's next steps say) must not change
    a running service's password; every worker gets its own account; a second instance with one
    identity refuses to start, in Vietnamese; shared_group on SQLite starts; no `user root`."""
    import signal

    from broadcaster.app.tasks import IdentityInUse

    port = free_port()
    settings, out = _export(tmp_path, port, broker_folder, "--workers", "2")
    conf = (out / "mosquitto.conf").read_text()
    assert "user root" not in conf
    assert env_value(out / "workers" / "loa-server-2.env", "BROADCASTER_SERVER_CLIENT_ID") == "loa-server-2"
    passwd_before = dict(line.split(":", 1) for line in (out / "passwd").read_text().splitlines())
    server_env, worker_env = (out / "server.env").read_text(), (out / "workers" / "loa-server-2.env").read_text()
    with MosquittoProcess(out / "mosquitto.conf", port) as broker:
        with Service(
            settings, open_store(settings.database_url), env_value(out / "server.env", "BROADCASTER_MQTT_URL")
        ) as service:
            assert service.dispatcher is not None
            _export(tmp_path, port, out, "--workers", "3")  # again, with one worker more
            passwd_after = dict(line.split(":", 1) for line in (out / "passwd").read_text().splitlines())
            assert passwd_after["loa-server"] == passwd_before["loa-server"]
            assert passwd_after["loa-server-2"] == passwd_before["loa-server-2"] and "loa-server-3" in passwd_after
            assert (out / "server.env").read_text() == server_env and (
                out / "workers" / "loa-server-2.env"
            ).read_text() == worker_env
            assert broker.process is not None
            broker.process.send_signal(signal.SIGHUP)  # Mosquitto reloads passwd and acl
            time.sleep(2.0)
            assert service.dispatcher.client.is_connected() and service.dispatcher.connects == 1, (
                "the running service was refused"
            )
            service.beat_identity()  # what its run loop does every 5 s (the test drives no loop)
            twin = settings.model_copy(update={"media_port": free_port()})
            with pytest.raises(IdentityInUse, match="danh tính broker 'loa-server'"):
                Service(twin, open_store(settings.database_url), env_value(out / "server.env", "BROADCASTER_MQTT_URL")).start()
            third = settings.model_copy(
                update={"server_client_id": "loa-server-3", "shared_group": "workers", "media_port": free_port()}
            )
            url = env_value(out / "workers" / "loa-server-3.env", "BROADCASTER_MQTT_URL")
            with Service(third, open_store(settings.database_url), url) as worker:  # its own account; SQLite lock file
                assert worker.dispatcher is not None and wait_for(lambda: worker.dispatcher.client.is_connected(), 10)
                time.sleep(1.0)
                assert service.dispatcher.connects == 1 and worker.dispatcher.connects == 1  # nobody kicked off

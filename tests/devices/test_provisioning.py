"""Provisioning (export-acl → a real Mosquitto → an agent config), command retries, planned vs played."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from broadcaster.app.planning import book
from broadcaster.cli.devices import load_agent_config, planned_vs_played
from broadcaster.config import Settings
from broadcaster.service.core import Service
from broadcaster.store.engine import open_store
from devices.background import free_port
from devices.protocol import Topics
from devices.sim.mosquitto import MosquittoProcess
from devices.sim.simulator import Fleet, SimulatedDevice
from tests.conftest import wait_for
from tests.helpers import ADMIN, approved_bulletin, zone_with_devices

pytestmark = pytest.mark.slow
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def test_exported_credentials_and_acls_run_a_real_fleet(tmp_path: Path, broker_folder: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", media_port=free_port())
    store = open_store(settings.database_url)
    bulletin = approved_bulletin(store, settings)
    now = datetime.now(TZ).replace(microsecond=0)
    slot = (now + timedelta(seconds=6)).time()
    zone_with_devices(store, "thon-7", "xa-a", [slot], ["loa-71", "loa-72"], minutes=0.5)
    with store.session() as s:
        book(s, ADMIN, bulletin, ["thon-7"], now.date(), slot=slot.isoformat())
    port = free_port()
    out = broker_folder
    env = {**os.environ, "BROADCASTER_DATA_DIR": str(settings.data_dir)}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "broadcaster.cli",
            "devices",
            "export-acl",
            "--out",
            str(out),
            "--port",
            str(port),
            "--host",
            "127.0.0.1",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "2 loa" in proc.stdout
    conf = out / "mosquitto.conf"
    server_url = (out / "server.env").read_text().splitlines()[0].split("=", 1)[1]
    configs = [load_agent_config(out / "agents" / f"{d}.toml") for d in ("loa-71", "loa-72")]
    assert all(c["broker"] != configs[0]["broker"] or c is configs[0] for c in configs), "one password per device"
    with MosquittoProcess(conf, port):
        with Service(settings, store, server_url) as service:
            fleet = Fleet(
                [SimulatedDevice("loa-71", "thon-7"), SimulatedDevice("loa-72", "thon-7")],
                f"mqtt://127.0.0.1:{port}",
                dict(configs[0]["trusted_keys"]),
                tmp_path / "fleet",
                Topics(settings.topic_prefix),  # type: ignore[arg-type]
                device_urls={str(c["device_id"]): str(c["broker"]) for c in configs},
            )
            fleet.start()
            try:
                service.replan_and_push()
                assert wait_for(lambda: sum(len(a.played) for a in fleet.agents) == 2, 15)
                assert wait_for(lambda: all(r["played"] for r in planned_vs_played(settings, "thon-7", now.date())), 5)
            finally:
                fleet.stop()


def test_emergency_retried_until_an_offline_device_acks(tmp_path: Path, mosquitto_url: str) -> None:
    prefix = f"loa/retry-{time.time_ns()}"
    settings = Settings(data_dir=tmp_path / "data", media_port=free_port(), topic_prefix=prefix, server_client_id=f"srv-{prefix}")
    store = open_store(settings.database_url)
    bulletin = approved_bulletin(store, settings, "Cảnh báo cháy rừng")
    zone_with_devices(store, "ban-9", "xa-a", [datetime.now(TZ).time()], ["loa-91", "loa-92"])
    keys_dir = tmp_path / "fleet"
    with Service(settings, store, mosquitto_url) as service:
        keys = {service.signer.key_id: service.signer.public_b64()}
        online = Fleet([SimulatedDevice("loa-91", "ban-9")], mosquitto_url, keys, keys_dir, Topics(prefix)).start()
        try:
            [command] = service.commands.fire_emergency(ADMIN, bulletin, ["ban-9"])
            assert wait_for(lambda: service.commands.command_status(command) == {"loa-91": "acked", "loa-92": "waiting"}, 10)
            late = Fleet([SimulatedDevice("loa-92", "ban-9")], mosquitto_url, keys, keys_dir, Topics(prefix)).start()
            try:
                time.sleep(1.0)
                assert service.commands.retry_commands() == 1
                assert wait_for(lambda: set(service.commands.command_status(command).values()) == {"acked"}, 10)
                assert wait_for(lambda: bool(late.agents[0].played), 10), "the late speaker plays the retried emergency"
            finally:
                late.stop()
            assert online.agents[0].played, "the online speaker played at once"
        finally:
            online.stop()

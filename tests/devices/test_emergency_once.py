"""Issue 13 #8: an emergency arrives as a zone `play` and in the schedule; each speaker plays it once."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from broadcaster.config import Settings
from broadcaster.service.core import Service
from broadcaster.store.engine import open_store
from broadcaster.store.models import PlayReport
from devices.background import free_port
from devices.protocol import Topics
from devices.sim.simulator import Fleet, SimulatedDevice
from tests.conftest import wait_for
from tests.helpers import ADMIN, approved_bulletin, zone_with_devices

pytestmark = pytest.mark.slow
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def test_emergency_to_two_zones_plays_once_per_speaker(tmp_path: Path, mosquitto_url: str) -> None:
    prefix = f"loa/once-{time.time_ns()}"
    settings = Settings(data_dir=tmp_path / "data", media_port=free_port(), topic_prefix=prefix, server_client_id=f"srv-{prefix}")
    store = open_store(settings.database_url)
    bulletin = approved_bulletin(store, settings, "Cảnh báo lũ")
    for zone, device in (("ban-1", "loa-1"), ("ban-2", "loa-2")):
        zone_with_devices(store, zone, "xa-a", [datetime.now(TZ).time()], [device])
    with Service(settings, store, mosquitto_url) as service:
        keys = {service.signer.key_id: service.signer.public_b64()}
        fleet = Fleet(
            [SimulatedDevice("loa-1", "ban-1"), SimulatedDevice("loa-2", "ban-2")],
            mosquitto_url,
            keys,
            tmp_path / "f",
            Topics(prefix),
        ).start()
        try:
            service.commands.fire_emergency(ADMIN, bulletin, ["ban-1", "ban-2"])
            assert wait_for(lambda: all(a.played for a in fleet.agents), 15)
            time.sleep(4.0)  # time enough for a second play of the same emergency
            assert [len(a.played) for a in fleet.agents] == [1, 1]
            assert all(any(i.priority == "emergency" for i in a.programme.values()) for a in fleet.agents), "in the schedule too"
        finally:
            fleet.stop()
    with store.session() as s:
        assert sorted(r.device_id for r in s.scalars(select(PlayReport))) == ["loa-1", "loa-2"]

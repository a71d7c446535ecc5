"""The long-running service against a real Mosquitto: restarts lose and repeat nothing."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from broadcaster.app.planning import book
from broadcaster.app.workflow import Actor, PermissionDenied, Role
from broadcaster.config import Settings
from broadcaster.service.core import Service
from broadcaster.store.engine import open_store
from broadcaster.store.models import PlayReport, ProgrammePush
from devices.background import free_port
from devices.protocol import Topics
from devices.sim.simulator import Fleet, SimulatedDevice
from tests.conftest import wait_for
from tests.helpers import ADMIN, approved_bulletin, zone_with_devices

pytestmark = pytest.mark.slow
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def plays(store) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return sorted((r.device_id, r.item_id) for r in s.scalars(select(PlayReport)))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    prefix = f"loa/test-{int(time.time() * 1000)}"
    return Settings(data_dir=tmp_path / "data", topic_prefix=prefix, server_client_id=f"srv-{prefix}", media_port=free_port())


def test_restart_mid_day_loses_and_repeats_nothing(settings: Settings, mosquitto_url: str, tmp_path: Path) -> None:
    store = open_store(settings.database_url)
    bulletin = approved_bulletin(store, settings)
    now = datetime.now(TZ).replace(microsecond=0)
    slots = [(now + timedelta(seconds=s)).time() for s in (4, 9, 16)]
    devices = ["loa-a", "loa-b", "loa-c"]
    zone_with_devices(store, "thon-1", "xa-a", slots, devices, minutes=0.5)
    with store.session() as s:
        for slot in slots:
            book(s, ADMIN, bulletin, ["thon-1"], now.date(), slot=slot.isoformat())
    fleet_devices = [SimulatedDevice(d, "thon-1") for d in devices]
    first = Service(settings, store, mosquitto_url).start()
    fleet = Fleet(
        fleet_devices,
        mosquitto_url,
        {first.signer.key_id: first.signer.public_b64()},
        tmp_path / "fleet",
        Topics(settings.topic_prefix),
    ).start()
    try:
        assert first.replan_and_push() == 3
        assert wait_for(lambda: len(plays(store)) == 3, 15), plays(store)
        first.stop()  # down while the second slot plays
        time.sleep(max(0.0, (datetime.combine(now.date(), slots[1], TZ) - datetime.now(TZ)).total_seconds()) + 2.0)
        second = Service(settings, store, mosquitto_url).start()
        try:
            assert second.replan_and_push() == 0, "an unchanged programme is not pushed again"
            assert wait_for(lambda: len(plays(store)) == 9, 20), plays(store)
            time.sleep(1.0)
            reports = plays(store)
            assert len(reports) == len(set(reports)) == 9
            assert all(a.played == {i for d, i in reports if d == a.device_id} for a in fleet.agents)
            assert sum(len(a.played) for a in fleet.agents) == 9
        finally:
            second.stop()
    finally:
        fleet.stop()
    with store.session() as s:
        assert all(p.acked_at is not None for p in s.scalars(select(ProgrammePush)))


def test_withdraw_removes_future_plays_everywhere(settings: Settings, mosquitto_url: str, tmp_path: Path) -> None:
    store = open_store(settings.database_url)
    bulletin = approved_bulletin(store, settings)
    now = datetime.now(TZ).replace(microsecond=0)
    slot = (now + timedelta(seconds=8)).time()
    zone_with_devices(store, "thon-2", "xa-a", [slot], ["loa-x"], minutes=0.5)
    with store.session() as s:
        book(s, ADMIN, bulletin, ["thon-2"], now.date(), slot=slot.isoformat(), rule="FREQ=DAILY")
    service = Service(settings, store, mosquitto_url).start()
    fleet = Fleet(
        [SimulatedDevice("loa-x", "thon-2")],
        mosquitto_url,
        {service.signer.key_id: service.signer.public_b64()},
        tmp_path / "fleet",
        Topics(settings.topic_prefix),
    ).start()
    try:
        service.replan_and_push()
        assert wait_for(lambda: len(fleet.agents[0].programme) >= 3, 5)
        assert service.commands.withdraw_everywhere(ADMIN, bulletin, "văn bản bị thay thế") == 1
        assert wait_for(lambda: len(fleet.agents[0].programme) == 0, 5)
        time.sleep(max(0.0, (datetime.combine(now.date(), slot, TZ) - datetime.now(TZ)).total_seconds()) + 1.5)
        assert plays(store) == []
    finally:
        fleet.stop()
        service.stop()


def test_official_books_only_in_own_commune(settings: Settings) -> None:
    store = open_store(settings.database_url)
    bulletin = approved_bulletin(store, settings)
    zone_with_devices(store, "ban-b", "xa-b", [datetime.now(UTC).time()], [])
    official_a = Actor("canbo-a", Role.OFFICIAL, ("xa-a",))
    with pytest.raises(PermissionDenied, match="own communes"), store.session() as s:
        book(s, official_a, bulletin, ["ban-b"], datetime.now(TZ).date())

"""A simulated province: a provincial Mosquitto bridged to two commune brokers, two service
workers sharing the reports on PostgreSQL, a few hundred light speakers. An emergency fired by
the leader reaches every speaker and every ack is stored, whichever worker received it."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from broadcaster.app.directory import create_user
from broadcaster.app.workflow import Role
from broadcaster.config import Settings
from broadcaster.service.core import Service
from broadcaster.store.engine import open_store
from broadcaster.store.keys import load_or_create
from broadcaster.store.models import CommandAck
from devices.mediaserver import MediaServer
from devices.protocol import Topics
from devices.sim.light import LightFleet
from tests.conftest import postgres_schema_url, wait_for
from tests.helpers import ADMIN, approved_bulletin, zone_with_devices
from tests.scale.test_bridges import province  # noqa: F401  # the fixture: three bridged Mosquittos

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
PER_COMMUNE = 150
ZONE = "z-tinh"


def test_an_emergency_reaches_a_province_through_two_workers(province: dict[str, Any], tmp_path: Path) -> None:  # noqa: F811
    url, prefix, loop = postgres_schema_url(), province["prefix"], province["loop"]
    store = open_store(url)
    media = MediaServer(tmp_path / "data" / "media").start()

    def settings(worker: str) -> Settings:
        return Settings(
            data_dir=tmp_path / "data",
            database_url=url,
            topic_prefix=prefix,
            server_client_id=f"{prefix}-{worker}",
            shared_group="loa-service",
            media_base_url=media.base_url,
        )

    signer = load_or_create(settings("a").key_file, "k1")
    bulletin = approved_bulletin(store, Settings(data_dir=tmp_path / "data"))
    devices = {c: [f"{c}-{i:03d}" for i in range(PER_COMMUNE)] for c in province["communes"]}
    everyone = sorted(d for ds in devices.values() for d in ds)
    zone_with_devices(store, ZONE, "xa-a", [], everyone)
    with store.session() as s:
        create_user(s, ADMIN, ADMIN.username, Role.ADMIN, "mat-khau-dai-du")
    keys = {signer.key_id: signer.public_b64()}
    fleets = [
        LightFleet([(d, ZONE) for d in devices[c]], broker.url, keys, Topics(prefix))
        for c, broker in province["communes"].items()
    ]
    workers: list[Service] = []
    try:
        for fleet in fleets:
            loop.run(fleet.start, timeout=90)
        workers = [Service(settings(w), store, province["top"].url).start() for w in ("a", "b")]
        leaders = [w for w in workers if w.leading]
        assert len(leaders) == 1
        fired = time.time()
        (command,) = leaders[0].commands.fire_emergency(ADMIN, bulletin, [ZONE])
        signed = time.time()

        def received() -> list[float | None]:
            return [t for f in fleets for t in f.received(command)]

        assert wait_for(lambda: all(t is not None for t in received()), 60), "the emergency did not reach every speaker"

        def acks() -> int:
            with store.session() as s:
                return int(s.scalar(select(func.count()).select_from(CommandAck).where(CommandAck.command_id == command)) or 0)

        assert wait_for(lambda: acks() == len(everyone), 60), acks()
        stored = time.time()
        assert all(w.dispatcher is not None and w.dispatcher.received > 0 for w in workers), "one worker got every report"
        with store.session() as s:
            assert set(s.scalars(select(CommandAck.device_id).where(CommandAck.command_id == command))) == set(everyone)
        arrivals = sorted(t - fired for t in received() if t is not None)
        print(
            f"\nprovince: {len(everyone)} speakers on 2 commune brokers, 2 workers;"
            f" fire+re-plan {signed - fired:.2f} s, received p50 {arrivals[len(arrivals) // 2]:.2f} s"
            f" / last {arrivals[-1]:.2f} s, every ack stored {stored - fired:.2f} s;"
            f" reports per worker {[w.dispatcher.received for w in workers if w.dispatcher]}"
        )
    finally:
        for worker in workers:
            worker.stop()
        for fleet in fleets:
            loop.run(fleet.stop, timeout=40)
        media.stop()
        store.close()

"""Issue 13 #1: no message from a device can cut the service off from the others."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from broadcaster.app.planning import book
from broadcaster.config import Settings
from broadcaster.service.core import Service
from broadcaster.store.engine import open_store
from broadcaster.store.models import AuditEvent, ProgrammePush
from devices import wire
from devices.acl import DeviceAccount, write_broker_config
from devices.background import free_port
from devices.errors import MessageError
from devices.mqtt import connect, make_client
from devices.protocol import Topics
from devices.sim.mosquitto import MosquittoProcess
from devices.sim.simulator import Fleet, SimulatedDevice
from tests.conftest import wait_for
from tests.devices.test_delivery import RUN_AS
from tests.helpers import ADMIN, approved_bulletin, zone_with_devices

TZ = ZoneInfo("Asia/Ho_Chi_Minh")

HOSTILE = [
    (b"[]", "malformed"),
    (b'{"id": "x", "status": "ok", "seq": 1e999}', "malformed"),
    (b"[" * 100_000, "too_large"),
    (b"[" * 10_000, "too_deep"),
    (b'{"a":' * 50 + b"1" + b"}" * 50, "too_deep"),
    (b'{"id": 5, "status": "ok"}', "bad_field"),
    (b'{"id": "x", "status": ["ok"]}', "bad_field"),
    (b'{"id": "' + b"x" * 20_000 + b'", "status": "ok"}', "too_large"),
    (b'{"id": "\xff\xfe", "status": "ok"}', "not_utf8"),
    (b'{"id": "x", "status": "ok", "n": NaN}', "malformed"),
    (b'{"id": "x", "status": "ok", "n": ' + b"9" * 5000 + b"}", "malformed"),
    (b"", "malformed"),
    (b"null", "malformed"),
    (b'{"id": "x", "status": "ok", "device": "someone-else"}', "wrong_device"),
]


@pytest.mark.parametrize(("payload", "reason"), HOSTILE)
def test_hostile_ack_is_refused_with_a_reason(payload: bytes, reason: str) -> None:
    with pytest.raises(MessageError) as caught:
        wire.report("ack", "loa-a1", payload)
    assert caught.value.reason == reason


def test_reports_are_reduced_to_known_fields() -> None:
    state = wire.report("state", "d", b'{"device": "d", "online": true, "volume": 40, "junk": "' + b"x" * 900 + b'"}')
    assert state["online"] is True and state["volume"] == 40 and "junk" not in state
    with pytest.raises(MessageError, match="volume"):
        wire.report(
            "played",
            "d",
            b'{"item": "i1", "sha256": "' + b"a" * 64 + b'", "started": "2026-01-01T00:00:00Z",'
            b' "ended": "2026-01-01T00:00:01Z", "outcome": "completed", "played_ms": 1, "volume": true}',
        )


def _raw(url: str, client_id: str, user: str, password: str, topic: str, payload: bytes) -> None:
    client = make_client(client_id)
    client.username_pw_set(user, password)
    connect(client, url)
    client.publish(topic, payload, qos=1).wait_for_publish(5)
    client.disconnect()
    client.loop_stop()


@pytest.mark.slow
def test_two_byte_ack_from_one_speaker_does_not_cut_off_the_others(tmp_path: Path) -> None:
    """The exact finding: `[]` on loa-a1's ack topic with its own credentials, also redelivered
    to the service's persistent session on restart; delivery to loa-b1 goes on."""
    prefix = "loa/v1"
    settings = Settings(data_dir=tmp_path / "data", media_port=free_port(), topic_prefix=prefix)
    store = open_store(settings.database_url)
    bulletin = approved_bulletin(store, settings)
    now = datetime.now(TZ).replace(microsecond=0)
    slot = (now + timedelta(minutes=30)).time()
    zone_with_devices(store, "thon-a", "xa-a", [slot], ["loa-a1", "loa-b1"], minutes=1)
    with store.session() as s:
        book(s, ADMIN, bulletin, ["thon-a"], now.date(), slot=slot.isoformat())
    port = free_port()
    accounts = [DeviceAccount("loa-a1", ("thon-a",), "pw-a1-secret"), DeviceAccount("loa-b1", ("thon-a",), "pw-b1-secret")]
    conf = write_broker_config(
        tmp_path / "broker", accounts, Topics(prefix), "loa-server", "srv-secret", port=port, run_as=RUN_AS, allow_root=True
    )
    url = f"mqtt://127.0.0.1:{port}"
    server_url = f"mqtt://loa-server:srv-secret@127.0.0.1:{port}"
    ack_topic = Topics(prefix).ack("loa-a1")
    with MosquittoProcess(conf, port):
        first = Service(settings, store, server_url).start()
        keys = {first.signer.key_id: first.signer.public_b64()}
        fleet = Fleet(
            [SimulatedDevice("loa-b1", "thon-a")],
            url,
            keys,
            tmp_path / "fleet",
            Topics(prefix),
            device_urls={"loa-b1": f"mqtt://loa-b1:pw-b1-secret@127.0.0.1:{port}"},
        ).start()
        try:
            _raw(url, "dev-loa-a1", "loa-a1", "pw-a1-secret", ack_topic, b"[]")
            assert wait_for(lambda: first.dispatcher is not None and first.dispatcher.rejected >= 1, 5)
            assert first.replan_and_push() == 2
            assert wait_for(lambda: _acked(store) == {"loa-b1"}, 10), "loa-b1 still gets and acks its programme"
            first.stop()
            _raw(url, "dev-loa-a1", "loa-a1", "pw-a1-secret", ack_topic, b"[]")  # queued for the persistent session
            with Service(settings, store, server_url) as second:
                assert wait_for(lambda: second.dispatcher is not None and second.dispatcher.rejected >= 1, 5)
                assert second.replan_and_push(force=True) == 2
                assert wait_for(lambda: _acked(store) == {"loa-b1"}, 10)
        finally:
            fleet.stop()
    with store.session() as s:
        rejected = [e for e in s.scalars(select(AuditEvent)) if e.action == "device.rejected"]
    assert len(rejected) == 2 and {e.detail["reason"] for e in rejected} == {"malformed"}
    assert all(e.actor == "device:loa-a1" for e in rejected)


def _acked(store) -> set[str]:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return {p.device_id for p in s.scalars(select(ProgrammePush)) if p.acked_at is not None}


@pytest.mark.slow
def test_push_recorded_only_when_published_and_unacked_programmes_follow_a_new_broker(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", media_port=free_port())
    store = open_store(settings.database_url)
    bulletin = approved_bulletin(store, settings)
    now = datetime.now(TZ).replace(microsecond=0)
    slot = (now + timedelta(minutes=30)).time()
    zone_with_devices(store, "thon-m", "xa-a", [slot], ["loa-m1"], minutes=1)
    with store.session() as s:
        book(s, ADMIN, bulletin, ["thon-m"], now.date(), slot=slot.isoformat())
    old_port, new_port = free_port(), free_port()
    old = MosquittoProcess(_open_conf(tmp_path / "old", old_port), old_port)
    with old:
        service = Service(settings, store, old.url).start()
        try:
            old.stop()  # the broker goes down before the push: nothing may be recorded as pushed
            assert wait_for(lambda: service.dispatcher is not None and not service.dispatcher.client.is_connected(), 5)
            assert service.replan_and_push() == 0
            with store.session() as s:
                assert s.scalars(select(ProgrammePush)).first() is None
            old.start()
            assert wait_for(lambda: service.dispatcher is not None and service.dispatcher.connects == 2, 20)
            assert service.replan_and_push() == 1, "pushed once the broker is back"
            assert service.replan_and_push() == 0, "unacked, but within its backoff"
        finally:
            service.stop()
    new = MosquittoProcess(_open_conf(tmp_path / "new", new_port), new_port)
    with new, Service(settings, store, new.url) as moved:
        fleet = Fleet(
            [SimulatedDevice("loa-m1", "thon-m")],
            new.url,
            {moved.signer.key_id: moved.signer.public_b64()},
            tmp_path / "f",
            Topics(),
        ).start()
        try:
            assert moved.replan_and_push() == 1, "the unchanged but never acked programme goes to the new broker"
            assert wait_for(lambda: _acked(store) == {"loa-m1"}, 10)
            assert wait_for(lambda: len(fleet.agents[0].programme) == 1, 5)
            assert moved.replan_and_push() == 0
        finally:
            fleet.stop()


def _open_conf(folder: Path, port: int) -> Path:
    folder.mkdir(parents=True)
    conf = folder / "mosquitto.conf"
    conf.write_text(f"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\n")
    return conf

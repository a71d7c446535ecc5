"""What the service does for a whole province at once: the emergency first, then the bookkeeping."""

from __future__ import annotations

import json
import threading
import time
from datetime import date
from datetime import time as clock_time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from broadcaster.app.planning import book
from broadcaster.config import Settings
from broadcaster.service import pushes as service_module
from broadcaster.service.core import Service
from broadcaster.service.reports import Report
from broadcaster.store.engine import open_store
from broadcaster.store.models import BookingRow, CommandAck, CommandRow, ProgrammePush
from devices.background import free_port
from devices.mqtt import connect, make_client
from devices.protocol import Topics, iso
from tests.conftest import wait_for
from tests.helpers import ADMIN, approved_bulletin, zone_with_devices

DEVICES = [f"loa-{i}" for i in range(5)]


def _settings(tmp_path: Path) -> Settings:
    prefix = f"loa/fanout-{time.time_ns()}"
    return Settings(data_dir=tmp_path / "data", media_port=free_port(), topic_prefix=prefix, server_client_id=f"srv-{prefix}")


def _pushes(service: Service) -> dict[str, ProgrammePush]:
    with service.store.session() as s:
        return {p.device_id: p for p in s.scalars(select(ProgrammePush))}


def test_the_emergency_is_out_and_acked_before_the_replan_that_puts_it_in_every_programme(
    tmp_path: Path, mosquitto_url: str
) -> None:
    settings = _settings(tmp_path)
    topics = Topics(settings.topic_prefix)
    store = open_store(settings.database_url)
    bulletin = approved_bulletin(store, settings, "Cảnh báo lũ")
    zone_with_devices(store, "ban-1", "xa-a", [clock_time(7, 0)], DEVICES)
    heard: list[dict[str, Any]] = []

    def speakers_ack(client: Any, _userdata: Any, msg: Any) -> None:  # the zone's speakers, as the broker sees them
        heard.append(json.loads(msg.payload))
        for device in DEVICES:
            ack = {"id": heard[-1]["id"], "device": device, "status": "ok", "reason": None, "at": iso(time.time())}
            client.publish(topics.ack(device), json.dumps(ack), qos=1)

    listener = make_client(f"listener-{time.time_ns()}")
    listener.on_message = speakers_ack
    subscribed = threading.Event()
    listener.on_connect = lambda c, *_: c.subscribe(topics.zone_cmd("ban-1"), 1)
    listener.on_subscribe = lambda *_: subscribed.set()
    connect(listener, mosquitto_url)
    assert subscribed.wait(10), "the broker did not grant the listener's subscription"
    with Service(settings, store, mosquitto_url) as service:
        try:
            assert service.replan_and_push() == len(DEVICES)
            before = {d: p.items for d, p in _pushes(service).items()}
            replans: list[tuple[int, int]] = []  # as each re-plan began: zone commands heard, their acks stored
            replan = service.replan_and_push

            def watched(*args: Any, **kwargs: Any) -> int:
                with store.session() as s:
                    acks = int(s.scalar(select(func.count()).select_from(CommandAck)) or 0)
                replans.append((len(heard), acks))
                return replan(*args, **kwargs)

            service.replan_and_push = watched  # type: ignore[method-assign]
            [command] = service.commands.fire_emergency(ADMIN, bulletin, ["ban-1"])
            assert replans == [], "fire_emergency re-planned before returning"
            assert wait_for(lambda: [m["id"] for m in heard] == [command], 10)
            assert wait_for(lambda: not service.follow_up.pending, 30)
            assert replans[:1] == [(1, len(DEVICES))], replans
            after = _pushes(service)
            assert all(after[d].items == before[d] + 1 for d in DEVICES), "every programme holds the emergency"
        finally:
            listener.disconnect()
            listener.loop_stop()


def test_an_unchanged_programme_is_not_sent_again_while_its_acks_are_being_stored(
    tmp_path: Path, mosquitto_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report writer may commit the acks of a push while a re-plan is under way: the re-plan's
    read of the pushes can predate that commit, and it must not take the devices for unacked."""
    settings = _settings(tmp_path)
    store = open_store(settings.database_url)
    bulletin = approved_bulletin(store, settings)
    zone_with_devices(store, "ban-2", "xa-a", [clock_time(7, 0)], DEVICES)
    with store.session() as s:
        book(s, ADMIN, bulletin, ["ban-2"], date.today(), rule="FREQ=DAILY", slot="07:00")
    with Service(settings, store, mosquitto_url) as service:
        assert service.replan_and_push() == len(DEVICES)
        acks = [
            Report("ack", d, {"id": p.message_id, "status": "ok", "reason": None, "at": iso(time.time())})
            for d, p in _pushes(service).items()
        ]
        read_pushes = service_module.timetables_of  # called once the re-plan has read the pushes

        def acks_stored_meanwhile(zone: Any) -> Any:
            if acks:
                with store.session() as s:
                    service.reports.apply(s, list(acks))  # as the report writer stores them
                acks.clear()
            return read_pushes(zone)

        monkeypatch.setattr(service_module, "timetables_of", acks_stored_meanwhile)
        assert service.replan_and_push() == 0
        monkeypatch.undo()
        assert not acks and all(p.acked_at is not None for p in _pushes(service).values())
        assert service.replan_and_push() == 0


def test_an_unacked_emergency_is_resent_before_the_resync_that_follows_a_lost_session(tmp_path: Path, mosquitto_url: str) -> None:
    """Devices refuse a command whose sequence number is below one they took on the same topic:
    an emergency lost with a crashed broker must go out again before the zone's `sync`."""
    settings = _settings(tmp_path)
    store = open_store(settings.database_url)
    bulletin = approved_bulletin(store, settings, "Cảnh báo bão")
    zone_with_devices(store, "ban-3", "xa-a", [clock_time(7, 0)], DEVICES)
    with Service(settings, store, mosquitto_url) as service:
        assert service.dispatcher is not None
        [emergency] = service.commands.fire_emergency(ADMIN, bulletin, ["ban-3"])
        sent: list[tuple[str, int]] = []
        resend = service.dispatcher.resend

        def recorded(topic: str, payload: bytes) -> None:
            message = json.loads(payload)
            sent.append((message["type"] if message["id"] != emergency else "emergency", int(message["seq"])))
            resend(topic, payload)

        service.dispatcher.resend = recorded  # type: ignore[method-assign]
        service._resync_since = time.time() - 60  # as on_reconnect sets it when the broker forgot us
        service.commands.retry_commands()
        assert [kind for kind, _seq in sent] == ["emergency", "sync"]
        assert sent[0][1] < sent[1][1]


def test_an_emergency_whose_command_could_not_be_recorded_leaves_no_booking_and_sends_nothing(
    tmp_path: Path, mosquitto_url: str
) -> None:
    """The booking, the signed command and their audit are one transaction, committed before the
    publish: a booking left without its command would put the emergency into every programme at
    the next re-plan though it was never fired nor audited."""
    settings = _settings(tmp_path)
    store = open_store(settings.database_url)
    bulletin = approved_bulletin(store, settings, "Cảnh báo sạt lở")
    zone_with_devices(store, "ban-4", "xa-a", [clock_time(7, 0)], DEVICES)
    with Service(settings, store, mosquitto_url) as service:
        assert service.dispatcher is not None
        sent: list[str] = []
        service.dispatcher.resend = lambda topic, payload: sent.append(topic)  # type: ignore[method-assign]

        def broken(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("the store refused the command")

        service.commands._record_command = broken  # type: ignore[method-assign]
        with pytest.raises(RuntimeError):
            service.commands.fire_emergency(ADMIN, bulletin, ["ban-4"])
        with store.session() as s:
            assert s.scalar(select(func.count()).select_from(BookingRow).where(BookingRow.priority == "emergency")) == 0
            assert s.scalar(select(func.count()).select_from(CommandRow)) == 0
        assert sent == []
        assert not service.follow_up.pending

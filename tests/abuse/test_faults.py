"""Faults on the delivery path (issue 13, abuse suite): a broker killed during an emergency, a
device clock 10 minutes behind, 30% of a device link's traffic delayed or cut. Each asserts that
no approved play is lost or duplicated and nothing unapproved plays. Bounded in time."""

from __future__ import annotations

import json
import random
import socket
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from broadcaster.app.approval import approved_media
from broadcaster.app.planning import book, media_ref
from broadcaster.config import Settings
from broadcaster.service.core import Service
from broadcaster.store.engine import open_store
from broadcaster.store.models import AuditEvent, PlayReport
from devices.agent import Agent
from devices.background import free_port
from devices.programme import MediaRef, programme_entry
from devices.protocol import MessageType, Signer, Topics, Verifier, public_key
from devices.sim.mosquitto import MosquittoProcess
from devices.sim.simulator import Fleet, SimulatedDevice
from tests.conftest import wait_for
from tests.helpers import ADMIN, approved_bulletin, zone_with_devices

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def _open_broker(folder: Path, port: int) -> MosquittoProcess:
    folder.mkdir(parents=True)
    conf = folder / "mosquitto.conf"
    conf.write_text(f"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\n")
    return MosquittoProcess(conf, port)


def _plays(store) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return sorted((r.device_id, r.item_id) for r in s.scalars(select(PlayReport)))


@pytest.mark.slow
def test_broker_killed_during_an_emergency_loses_and_repeats_nothing(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", media_port=free_port())
    store = open_store(settings.database_url)
    bulletin = approved_bulletin(store, settings, "Cảnh báo bão")
    devices = ["loa-k1", "loa-k2", "loa-k3"]
    zone_with_devices(store, "ban-k", "xa-a", [datetime.now(TZ).time()], devices)
    port = free_port()
    broker = _open_broker(tmp_path / "broker", port).start()
    service = Service(settings, store, broker.url).start()
    fleet = Fleet(
        [SimulatedDevice(d, "ban-k") for d in devices],
        broker.url,
        {service.signer.key_id: service.signer.public_b64()},
        tmp_path / "fleet",
        Topics(),
    ).start()
    try:
        assert service.dispatcher is not None
        # every speaker is on the broker before the emergency (a loaded CI machine connects slowly)
        assert wait_for(lambda: all(t.client.is_connected() for t in fleet.transports), 30)
        [command] = service.commands.fire_emergency(ADMIN, bulletin, ["ban-k"])
        assert broker.process is not None
        broker.process.kill()  # SIGKILL: whatever was in flight is gone
        broker.process.wait(10)
        broker.process = None
        time.sleep(1.0)
        broker.start()
        assert wait_for(lambda: service.dispatcher is not None and service.dispatcher.client.is_connected(), 20)
        deadline = time.monotonic() + 90  # reconnect backoff on a loaded CI machine
        while time.monotonic() < deadline and len(_plays(store)) < 3:
            service.commands.retry_commands()
            service.replan_and_push()
            time.sleep(1.0)
        time.sleep(3.0)  # room for a duplicate to show up
        reports = _plays(store)
        assert sorted(d for d, _ in reports) == devices, reports
        assert all(len(a.played) == 1 for a in fleet.agents), [a.played for a in fleet.agents]
        assert set(service.commands.command_status(command).values()) == {"acked"}
    finally:
        fleet.stop()
        service.stop()
        broker.stop()


@pytest.mark.slow
def test_proofs_of_play_sent_while_the_broker_had_forgotten_the_service_are_asked_for_again(tmp_path: Path) -> None:
    """The service is away while the broker restarts empty (no persistence): the devices play
    on schedule and report to a broker where nobody listens. Back, the service learns its
    session is gone and asks every zone for its proofs of play since it left."""
    settings = Settings(data_dir=tmp_path / "data", media_port=free_port())
    store = open_store(settings.database_url)
    bulletin = approved_bulletin(store, settings, "Lịch tiêm chủng")
    devices = ["loa-r1", "loa-r2"]
    zone_with_devices(store, "ban-r", "xa-a", [], devices)
    port = free_port()
    broker = _open_broker(tmp_path / "broker", port).start()
    service = Service(settings, store, broker.url).start()
    fleet = Fleet(
        [SimulatedDevice(d, "ban-r") for d in devices],
        broker.url,
        {service.signer.key_id: service.signer.public_b64()},
        tmp_path / "fleet",
    ).start()
    try:
        dispatcher = service.dispatcher
        assert dispatcher is not None
        assert wait_for(lambda: all(t.client.is_connected() for t in fleet.transports), 30)
        with store.session() as s:
            media = approved_media(s, bulletin)
            assert media is not None
            ref = media_ref(media, service.media_base_url)
        starts = time.time() + 6.0
        entry = programme_entry("r-item", starts, "normal", str(bulletin), "Lịch tiêm chủng", media=ref).to_dict()
        pushed = [dispatcher.push_programme(d, "ban-r", [entry]) for d in devices]
        assert wait_for(lambda: all(dispatcher.acked(m, d) for m, d in zip(pushed, devices)), 20)
        dispatcher.client.disconnect()  # the service goes away; the broker would keep its session...
        dispatcher.client.loop_stop()
        assert broker.process is not None
        broker.process.kill()  # ...but it is killed and comes back empty
        broker.process.wait(10)
        broker.process = None
        broker.start()
        assert wait_for(lambda: all("r-item" in a.played for a in fleet.agents), 40), "the devices play on their own"
        assert wait_for(lambda: all(not a.outbox for a in fleet.agents), 20), "and their reports went to the broker"
        time.sleep(1.0)
        assert _plays(store) == []  # nobody was listening: lost, so far
        dispatcher.client.reconnect()
        dispatcher.client.loop_start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(_plays(store)) < len(devices):
            service.commands.retry_commands()
            time.sleep(0.5)
        assert _plays(store) == [(d, "r-item") for d in devices]
        with store.session() as s:
            assert s.scalar(select(AuditEvent).where(AuditEvent.action == "service.resync")) is not None
    finally:
        fleet.stop()
        service.stop()
        broker.stop()


def test_a_device_clock_ten_minutes_behind_plays_on_time_once(tmp_path: Path) -> None:
    signer = Signer.generate("k1")
    sent: list[tuple[str, bytes]] = []
    skew = -600.0
    agent = Agent(
        "d1",
        ("z1",),
        Verifier({signer.key_id: public_key(signer.public_b64())}, frozenset({"dev/d1", "zone/z1"})),
        tmp_path,
        lambda t, p, r: sent.append((t, p)),
        executor=None,  # type: ignore[arg-type]
    )
    media = tmp_path / "a.mp3"
    media.write_bytes(b"x")
    ref = MediaRef("http://127.0.0.1:1/a.mp3", "c" * 64, 1, 500, "mp3")
    agent.ready[ref.sha256] = media
    topics = Topics()
    starts = time.time() + 1.5
    body = {"device": "d1", "zone": "z1", "items": [programme_entry("on-time", starts, "normal", "1", "t", media=ref).to_dict()]}
    agent.handle(topics.schedule("d1"), signer.encode(MessageType.SCHEDULE, "dev/d1", body, 3600), time.time() + skew)
    deadline = time.monotonic() + 4.0
    while time.monotonic() < deadline:
        agent.tick(time.time() + skew)
        time.sleep(0.05)
    played = [json.loads(p) for t, p in sent if t.endswith("/played")]
    assert [p["item"] for p in played] == ["on-time"], "played once, not 10 minutes late"
    started = datetime.fromisoformat(played[0]["started"].replace("Z", "+00:00")).timestamp()
    assert abs(started - starts) < 1.0, "reported in server time"


def test_a_device_clock_ten_minutes_ahead_is_told_by_the_server_and_plays_on_time_once(
    tmp_path: Path, mosquitto_url: str
) -> None:
    """Ahead is the direction a device cannot learn from signed messages alone: its acks show it."""
    from concurrent.futures import ThreadPoolExecutor

    from devices.dispatcher import Dispatcher
    from devices.mqtt import MqttTransport

    ahead = 600.0
    signer = Signer.generate("k1")
    topics = Topics(f"ahead/{time.time_ns()}")
    dispatcher = Dispatcher(signer, mosquitto_url, topics, client_id=f"srv-ahead-{time.time_ns()}").start()
    media = tmp_path / "a.mp3"
    media.write_bytes(b"x")
    ref = MediaRef("http://127.0.0.1:1/a.mp3", "c" * 64, 1, 500, "mp3")
    agent = Agent(
        "d1",
        ("z1",),
        Verifier({signer.key_id: public_key(signer.public_b64())}, frozenset({"dev/d1", "zone/z1"})),
        tmp_path / "agent",
        lambda *_: None,
        ThreadPoolExecutor(1),
        topics=topics,
    )
    agent.ready[ref.sha256] = media
    played: list[dict[str, object]] = []
    dispatcher.on_played = lambda _device, body: played.append(body)
    transport = MqttTransport(agent, mosquitto_url, clock=lambda: time.time() + ahead).start()
    try:
        starts = time.time() + 4.0
        item = programme_entry("on-time", starts, "normal", "1", "t", media=ref).to_dict()
        dispatcher.push_programme("d1", "z1", [item])
        assert wait_for(lambda: agent.clock_offset < -(ahead - 5), 15), agent.clock_offset  # corrected from its ack
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not played:
            agent.tick(time.time() + ahead)  # the device's own clock, still ten minutes ahead
            time.sleep(0.05)
        assert [p["item"] for p in played] == ["on-time"], "played, not written off as long past"
        started = datetime.fromisoformat(str(played[0]["started"]).replace("Z", "+00:00")).timestamp()
        assert abs(started - starts) < 1.0, "on time, in server time"
        assert agent.rejections == []
    finally:
        transport.stop()
        dispatcher.stop()


class LossyProxy:
    """TCP on loopback where 30% of chunks are held back 0.2–1 s and 2% cut the connection."""

    def __init__(self, target: int, loss: float = 0.3, cut: float = 0.02, seed: int = 13) -> None:
        self.target, self.loss, self.cut = target, loss, cut
        self.random = random.Random(seed)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.stopped = threading.Event()
        self.cuts = 0
        self.delayed = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        self.listener.settimeout(0.2)
        while not self.stopped.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:  # the listener was closed by stop()
                return
            upstream = socket.create_connection(("127.0.0.1", self.target))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while not self.stopped.is_set() and (chunk := src.recv(4096)):
                roll = self.random.random()
                if roll < self.cut:
                    self.cuts += 1
                    break
                if roll < self.loss:
                    self.delayed += 1
                    time.sleep(self.random.uniform(0.2, 1.0))
                dst.sendall(chunk)
        except OSError:
            pass
        for sock in (src, dst):
            try:
                sock.close()
            except OSError:
                pass

    def stop(self) -> None:
        self.stopped.set()
        self.listener.close()


@pytest.mark.slow
def test_thirty_percent_loss_on_a_device_link_loses_and_repeats_nothing(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", media_port=free_port())
    store = open_store(settings.database_url)
    bulletin = approved_bulletin(store, settings, "Lịch tiêm phòng")
    other = approved_bulletin(store, settings, "Chưa duyệt")
    now = datetime.now(TZ).replace(microsecond=0)
    slot = (now + timedelta(seconds=8)).time()
    zone_with_devices(store, "thon-l", "xa-a", [slot], ["loa-l1"], minutes=0.5)
    with store.session() as s:
        book(s, ADMIN, bulletin, ["thon-l"], now.date(), slot=slot.isoformat())
    port = free_port()
    with _open_broker(tmp_path / "broker", port) as broker:
        proxy = LossyProxy(port)
        service = Service(settings, store, broker.url).start()
        fleet = Fleet(
            [SimulatedDevice("loa-l1", "thon-l")],
            f"mqtt://127.0.0.1:{proxy.port}",
            {service.signer.key_id: service.signer.public_b64()},
            tmp_path / "fleet",
            Topics(),
        ).start()
        try:
            service.replan_and_push()
            [command] = service.commands.fire_emergency(ADMIN, bulletin, ["thon-l"])
            deadline = time.monotonic() + 40
            while time.monotonic() < deadline and len(_plays(store)) < 2:
                service.commands.retry_commands()
                service.replan_and_push()
                time.sleep(1.0)
            time.sleep(2.0)
            reports = _plays(store)
            assert len(reports) == len(set(reports)) == 2, reports  # the emergency and the booked slot, once each
            with store.session() as s:
                assert {r.bulletin_id for r in s.scalars(select(PlayReport))} == {str(bulletin)}, "nothing else played"
            assert str(other) != str(bulletin) and proxy.delayed > 0
            assert service.commands.command_status(command) == {"loa-l1": "acked"}
        finally:
            fleet.stop()
            service.stop()
            proxy.stop()


@pytest.mark.slow
def test_a_cap_emergency_retried_after_the_broker_failed_plays_once(tmp_path: Path) -> None:
    """Issue 22 #4: the task failed (broker down), its recorded command was re-sent when the broker
    came back, and the re-import the README recommends fired a second emergency. One emergency
    per alert: the retry re-sends the same commands (same booking, same item), and once every
    speaker acked them the alert counts as delivered."""
    from broadcaster.app.cap_import import CapState, import_alert
    from broadcaster.store.models import BookingRow, CapRecord
    from tests.schedules.test_cap_and_outputs import cap

    settings = Settings(data_dir=tmp_path / "data", media_port=free_port())
    store = open_store(settings.database_url)
    devices = ["loa-c1", "loa-c2"]
    zone_with_devices(store, "ban-c", "xa-a", [], devices)
    expires = (datetime.now(TZ) + timedelta(hours=6)).isoformat(timespec="seconds")
    alert = cap("lu-retry", expires=expires)
    broker = _open_broker(tmp_path / "broker", free_port()).start()
    service = Service(settings, store, broker.url).start()
    fleet = Fleet(
        [SimulatedDevice(d, "ban-c") for d in devices],
        broker.url,
        {service.signer.key_id: service.signer.public_b64()},
        tmp_path / "fleet",
    ).start()

    def record() -> CapRecord:
        with store.session() as s:
            row = s.get(CapRecord, "kttv@nchmf.gov.vn,lu-retry")
            assert row is not None
            s.expunge(row)
            return row

    try:
        assert wait_for(lambda: all(t.client.is_connected() for t in fleet.transports), 30)
        broker.stop()  # the broker is down when the emergency comes
        assert wait_for(lambda: service.dispatcher is not None and not service.dispatcher.client.is_connected(), 10)
        assert "khẩn cấp" in import_alert(store, settings, alert, [])
        service.commands.process_tasks()  # publishing fails: the task fails, its command is recorded
        first = record()
        broker.start()
        assert wait_for(lambda: service.dispatcher is not None and service.dispatcher.client.is_connected(), 30)
        assert wait_for(lambda: all(t.client.is_connected() for t in fleet.transports), 60)
        # the operator re-imports the failed alert, as the README says, while the command is re-sent
        assert "khẩn cấp" in import_alert(store, settings, alert, [])
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(_plays(store)) < len(devices):
            service.commands.retry_commands()  # the failed task's command, recorded before the failure
            service.commands.process_tasks()  # the retry the import queued
            time.sleep(0.5)
        assert sorted(d for d, _ in _plays(store)) == devices
        for _ in range(10):  # room for a second emergency to show up
            service.commands.retry_commands()
            time.sleep(0.5)
        assert all(len(a.played) == 1 for a in fleet.agents), [a.played for a in fleet.agents]
        assert sorted(d for d, _ in _plays(store)) == devices, _plays(store)
        with store.session() as s:
            assert s.query(BookingRow).count() == 1  # one emergency for the alert
        assert "đã được nhận" in import_alert(store, settings, alert, [])  # a third import does nothing
        assert record().state == CapState.DELIVERED and first.bulletin_id == record().bulletin_id
    finally:
        fleet.stop()
        service.stop()
        broker.stop()


@pytest.mark.slow
@pytest.mark.parametrize("service_restarts", [False, True], ids=["reconnect", "service-restart"])
def test_a_broker_that_lost_its_store_gets_every_retained_programme_again(tmp_path: Path, service_restarts: bool) -> None:
    """Issue 22 #6: programmes acked and unchanged were never published again after the broker
    restarted without persistence; a speaker connecting later got nothing. On a connection where
    the broker holds no session of ours (a reconnect, or a start), every device's current
    programme is published again, retained."""
    settings = Settings(data_dir=tmp_path / "data", media_port=free_port())
    store = open_store(settings.database_url)
    bulletin = approved_bulletin(store, settings, "Lịch tiêm chủng")
    devices = ["loa-s1", "loa-s2"]
    zone_with_devices(store, "ban-s", "xa-a", [datetime.now(TZ).replace(hour=7, minute=0).time()], devices)
    with store.session() as s:
        book(s, ADMIN, bulletin, ["ban-s"], datetime.now(TZ).date(), "FREQ=DAILY")
    broker = _open_broker(tmp_path / "broker", free_port()).start()
    service = Service(settings, store, broker.url).start()
    keys = {service.signer.key_id: service.signer.public_b64()}

    def items(fleet: Fleet) -> list[int]:
        return [len(a.programme) for a in fleet.agents]

    try:
        fleet = Fleet([SimulatedDevice(d, "ban-s") for d in devices], broker.url, keys, tmp_path / "fleet").start()
        try:
            assert wait_for(lambda: all(t.client.is_connected() for t in fleet.transports), 30)
            assert service.replan_and_push() == len(devices)
            assert wait_for(lambda: all(n > 0 for n in items(fleet)), 20)
            assert wait_for(lambda: _acked(store) == set(devices), 20)
        finally:
            fleet.stop()
        expected = items(fleet)
        if service_restarts:
            service.stop()
        broker.stop()  # persistence false: sessions and retained programmes are gone
        broker.start()
        if service_restarts:
            service = Service(settings, store, broker.url).start()
        else:
            assert wait_for(lambda: service.dispatcher is not None and service.dispatcher.connects >= 2, 30)
        assert service.replan_and_push() == len(devices), "every programme again, though acked and unchanged"
        assert service.replan_and_push() == 0, "once"
        late = Fleet([SimulatedDevice(d, "ban-s") for d in devices], broker.url, keys, tmp_path / "late").start()
        try:  # speakers with empty storage connect only now: the broker hands them the retained programme
            assert wait_for(lambda: items(late) == expected, 20), items(late)
        finally:
            late.stop()
    finally:
        service.stop()
        broker.stop()


def _acked(store) -> set[str]:  # type: ignore[no-untyped-def]
    from broadcaster.store.models import ProgrammePush

    with store.session() as s:
        return {p.device_id for p in s.scalars(select(ProgrammePush)) if p.acked_at is not None}

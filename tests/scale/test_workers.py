"""Two `broadcaster run` workers share device reports through a Mosquitto shared subscription.

First what Mosquitto 2 does when a member of a shared group dies (the design rests on it),
then the real thing: a worker SIGKILLed while it holds proofs of play of an emergency loses
none of them, every speaker plays once, and the lead passes to the survivor.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from broadcaster.app import tasks
from broadcaster.app.directory import create_user
from broadcaster.app.workflow import Role
from broadcaster.config import Settings
from broadcaster.service.core import Service
from broadcaster.store.engine import Store, open_store
from broadcaster.store.keys import load_or_create
from broadcaster.store.models import CommandRow, PlayReport, ProgrammePush
from devices.background import free_port
from devices.bridges import broker_config
from devices.mediaserver import MediaServer
from devices.mqtt import connect, make_client
from devices.players import NullPlayer
from devices.protocol import Topics
from devices.sim.mosquitto import MosquittoProcess
from devices.sim.simulator import Fleet, SimulatedDevice
from tests.conftest import ROOT, postgres_schema_url, wait_for
from tests.helpers import ADMIN, approved_bulletin, zone_with_devices

pytestmark = pytest.mark.slow
SPEAKERS = 24
ZONE = "thon-chung"


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[MosquittoProcess]:
    port = free_port()
    conf = tmp_path / "mosquitto.conf"
    conf.write_text(broker_config(port))
    with MosquittoProcess(conf, port) as process:
        yield process


def _member(url: str, client_id: str, group_filter: str, got: list[str]) -> subprocess.Popen[str]:
    """A group member in a process of its own that receives and never PUBACKs (holds everything).

    It says ready once the broker has granted its subscription (SUBACK), not when it asked:
    a message published between the two goes to the other members only."""
    script = (
        "import sys, time\n"
        "from devices.mqtt import connect, make_client\n"
        f"c = make_client({client_id!r}, clean=False)\n"
        "c.manual_ack_set(True)\n"
        "c.on_message = lambda cl, u, m: print(m.payload.decode(), flush=True)\n"
        f"c.on_connect = lambda cl, u, f, r, p: cl.subscribe({group_filter!r}, 1)\n"
        "c.on_subscribe = lambda cl, u, mid, codes, p: print('ready', flush=True)\n"
        f"connect(c, {url!r})\n"
        "time.sleep(120)\n"
    )
    member = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert member.stdout is not None and member.stdout.readline().strip() == "ready"
    threading.Thread(target=lambda: got.extend(line.strip() for line in member.stdout or ()), daemon=True).start()
    return member


def test_mosquitto_keeps_a_dead_members_share_in_its_session(broker: MosquittoProcess) -> None:
    """Why the leader drains a dead worker's session: Mosquitto gives its in-flight messages to
    nobody else, and keeps queueing its turn of new ones, until a client with its id connects."""
    group_filter = f"$share/g-{uuid.uuid4().hex[:6]}/t/#"
    survivor: list[str] = []
    live = make_client(f"live-{uuid.uuid4().hex[:6]}", clean=False)
    live.on_message = lambda c, u, m: survivor.append(m.payload.decode())
    subscribed = threading.Event()
    live.on_connect = lambda c, u, f, r, p: c.subscribe(group_filter, 1)
    live.on_subscribe = lambda c, u, mid, codes, p: subscribed.set()
    connect(live, broker.url)
    assert subscribed.wait(10)
    dead_id = f"dead-{uuid.uuid4().hex[:6]}"
    in_member: list[str] = []
    member = _member(broker.url, dead_id, group_filter, in_member)
    publisher = make_client(f"pub-{uuid.uuid4().hex[:6]}")
    connect(publisher, broker.url)
    try:
        for i in range(20):
            publisher.publish(f"t/{i}", f"m{i}", qos=1).wait_for_publish(5)
        assert wait_for(lambda: len(survivor) + len(in_member) == 20, 10), (survivor, in_member)
        assert survivor and in_member  # the group shares the messages
        member.kill()  # holding its share, unacknowledged
        member.wait(10)
        held, before = set(in_member), len(survivor)
        for i in range(20, 40):
            publisher.publish(f"t/{i}", f"m{i}", qos=1).wait_for_publish(5)
        time.sleep(1.5)
        after = len(survivor) - before
        assert 0 < after < 20, "the dead member's turn was not kept for it"
        assert not held & set(survivor), "its in-flight messages went to the group"

        returned: list[str] = []
        again = make_client(dead_id, clean=False)  # the same id: the broker hands the session over
        again.on_message = lambda c, u, m: returned.append(m.payload.decode())
        connect(again, broker.url)
        assert wait_for(lambda: len(returned) == len(held) + 20 - after, 10), returned
        assert held <= set(returned)
        assert set(returned) | set(survivor) == {f"m{i}" for i in range(40)}
        again.disconnect()
        again.loop_stop()
    finally:
        if member.poll() is None:
            member.kill()
            member.wait(10)
        for client in (live, publisher):
            client.disconnect()
            client.loop_stop()


class CountingPlayer(NullPlayer):
    """Counts what a speaker really played (not what it reported)."""

    def __init__(self, plays: list[str], device: str) -> None:
        super().__init__()
        self.plays, self.device = plays, device

    def play(self, path: Path, duration_s: float, volume: int) -> float:
        self.plays.append(self.device)
        return super().play(path, duration_s, volume)


WORKER = """
import sys, threading, time
from broadcaster.app.directory import create_user
from broadcaster.config import Settings
from broadcaster.service.core import Service
from broadcaster.store.engine import Store
settings = Settings.model_validate_json(sys.argv[1])
service = Service(settings, Store(sys.argv[2]), sys.argv[3]).start()
threading.Thread(target=service.run_forever, kwargs={"handle_signals": False}, daemon=True).start()
print("leader" if service.leading else "follower", flush=True)
assert sys.stdin.readline().strip() == "hold"
service.reports.every_s = service.reports.idle_s = 600.0  # store nothing more: PUBACK nothing more
service.reports.max_rows = 10**6
base = service.reports_received
print("holding", flush=True)
while service.reports_received == base:
    time.sleep(0.01)
print("holds a proof of play", flush=True)
time.sleep(120)
"""


def _line(worker: subprocess.Popen[str], timeout_s: float = 60.0) -> str:
    """The worker's next line, or a failure (never a hang) if it does not come."""
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(worker.stdout.readline() if worker.stdout else ""), daemon=True)
    reader.start()
    reader.join(timeout_s)
    if not got:
        pytest.fail(f"the worker said nothing for {timeout_s:.0f} s")
    return got[0].strip()


def _plays(store: Store, bulletin: int) -> list[str]:
    with store.session() as s:
        return list(s.scalars(select(PlayReport.device_id).where(PlayReport.bulletin_id == str(bulletin))))


def test_a_worker_killed_during_an_emergency_loses_nothing(broker: MosquittoProcess, tmp_path: Path) -> None:
    url = postgres_schema_url()
    store = open_store(url)
    prefix = f"loa/workers-{uuid.uuid4().hex[:8]}"
    media = MediaServer(tmp_path / "data" / "media").start()  # the shared media server (nginx in production)

    def settings(worker: str) -> Settings:
        return Settings(
            data_dir=tmp_path / "data",
            database_url=url,
            topic_prefix=prefix,
            server_client_id=f"{prefix}-{worker}",
            shared_group="loa-service",
            adopt_after_s=1.0,
            media_base_url=media.base_url,
            task_poll_s=0.2,
            command_retry_s=2,
        )

    signer = load_or_create(settings("a").key_file, "k1")  # one key for every worker
    bulletin = approved_bulletin(store, Settings(data_dir=tmp_path / "data"))
    devices = [f"loa-{i:02d}" for i in range(SPEAKERS)]
    zone_with_devices(store, ZONE, "xa-a", [], devices)
    with store.session() as s:
        create_user(s, ADMIN, ADMIN.username, Role.ADMIN, "mat-khau-dai-du")
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER, settings("a").model_dump_json(), url, broker.url],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert worker.stdin is not None and worker.stdout is not None
    survivor = Service(settings("b"), store, broker.url)
    keys = {signer.key_id: signer.public_b64()}
    fleet = Fleet([SimulatedDevice(d, ZONE) for d in devices], broker.url, keys, tmp_path / "fleet", Topics(prefix))
    played: list[str] = []
    try:
        assert _line(worker) == "leader"
        survivor.start()
        runner = threading.Thread(target=survivor.run_forever, kwargs={"handle_signals": False}, daemon=True)
        runner.start()
        assert not survivor.leading
        fleet.start()
        for agent in fleet.agents:
            agent.player = CountingPlayer(played, agent.device_id)

        def programmes_acked() -> bool:
            with store.session() as s:
                return s.scalar(select(func.count()).where(ProgrammePush.acked_at.is_not(None))) == SPEAKERS

        with store.session() as s:
            pushes = [(p.device_id, p.acked_at) for p in s.scalars(select(ProgrammePush))]
        assert wait_for(programmes_acked, 30), pushes
        assert survivor.dispatcher is not None and survivor.dispatcher.received > 0  # its share of the acks

        worker.stdin.write("hold\n")
        worker.stdin.flush()
        assert _line(worker) == "holding"
        with store.session() as s:
            tasks.request_emergency(s, ADMIN, bulletin, [ZONE], reason="sơ tán ngay")
        assert _line(worker) == "holds a proof of play"
        worker.kill()  # SIGKILL while the emergency is being delivered and reported
        worker.wait(10)

        assert wait_for(lambda: survivor.leading, 15), "the lead did not pass to the surviving worker"
        assert wait_for(lambda: len(_plays(store, bulletin)) == SPEAKERS, 45), sorted(_plays(store, bulletin))
        assert sorted(_plays(store, bulletin)) == devices  # every proof of play stored, once
        assert wait_for(lambda: survivor.drained > 0, 20), "the dead worker's session was not drained"
        with store.session() as s:
            commands = list(s.scalars(select(CommandRow).where(CommandRow.kind == "play")))
            assert commands and all(tasks.acked_devices(s, c.id) == set(devices) for c in commands)
        time.sleep(1.0)
        assert sorted(played) == devices  # every speaker played once
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait(10)
        fleet.stop()
        if survivor.runner:
            survivor.runner.stop()
        survivor.stop()
        media.stop()
        store.close()


def test_a_drain_never_takes_the_leaders_own_account(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A broker from `devices export-acl` names clients after their account: connecting as
    another worker with our credentials would take over our own session, so it is not tried."""
    settings = Settings(data_dir=tmp_path / "data", shared_group="loa-service", server_client_id="loa-server-1")
    service = Service(settings, open_store(settings.database_url), "mqtt://loa-server-1:secret@127.0.0.1:9")
    service._drain("loa-server-2")
    assert "give each worker its own account" in caplog.text
    assert service.drained == 0

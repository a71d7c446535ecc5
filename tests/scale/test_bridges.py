"""Three Mosquittos on loopback: a provincial broker bridged to two commune brokers.

An emergency published at the province reaches speakers on every commune broker; a bridge
cut and restored loses no programme and no command (retained programmes resync, QoS 1
commands wait in the bridge's session at the province).
"""

from __future__ import annotations

import asyncio
import os
import pwd
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from devices.background import BackgroundLoop, free_port
from devices.bridges import Bridge, broker_config
from devices.dispatcher import Dispatcher
from devices.mqtt import connect, make_client
from devices.protocol import MessageType, Signer, Topics, iso
from devices.sim.light import LightFleet
from devices.sim.mosquitto import MosquittoProcess
from tests.conftest import wait_for

pytestmark = pytest.mark.slow
ZONE = "z-tinh"


class TcpProxy:
    """A link that can be cut: forwards 127.0.0.1:port to the upstream port until `cut()`."""

    def __init__(self, loop: BackgroundLoop, upstream: int) -> None:
        self.loop, self.upstream, self.port = loop, upstream, free_port()
        self.server: asyncio.Server | None = None
        self.writers: set[asyncio.StreamWriter] = set()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream)
        self.writers |= {writer, up_writer}
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))

    def restore(self) -> None:
        async def start() -> asyncio.Server:
            return await asyncio.start_server(self._handle, "127.0.0.1", self.port)

        self.server = self.loop.run(start)

    def cut(self) -> None:
        async def close() -> None:
            if self.server is not None:
                self.server.close()
            for writer in list(self.writers):
                writer.transport.abort()
            self.writers.clear()

        self.loop.run(close)


@pytest.fixture
def province(tmp_path: Path) -> Iterator[dict[str, Any]]:
    prefix = f"loa/bridge-{uuid.uuid4().hex[:8]}"
    loop = BackgroundLoop("bridge-test")
    brokers: list[MosquittoProcess] = []

    def broker(name: str, bridges: tuple[Bridge, ...] = ()) -> MosquittoProcess:
        port = free_port()
        conf = tmp_path / f"{name}.conf"
        conf.write_text(broker_config(port, bridges))
        brokers.append(MosquittoProcess(conf, port).start())
        return brokers[-1]

    try:
        top = broker("province")
        links = {c: TcpProxy(loop, top.port) for c in ("xa-a", "xa-b")}
        for link in links.values():
            link.restore()
        communes = {c: broker(c, (Bridge(f"{c}-{prefix[-8:]}", f"127.0.0.1:{link.port}", prefix),)) for c, link in links.items()}
        yield {"prefix": prefix, "loop": loop, "top": top, "links": links, "communes": communes}
    finally:
        for b in brokers:
            b.stop()
        loop.close()


def test_province_reaches_every_commune_and_a_cut_bridge_loses_nothing(province: dict[str, Any]) -> None:
    topics, loop = Topics(province["prefix"]), province["loop"]
    signer = Signer.generate()
    acks: dict[str, set[str]] = {}
    lock = threading.Lock()

    def on_ack(device: str, body: dict[str, Any]) -> None:
        if body["status"] == "ok":
            with lock:
                acks.setdefault(body["id"], set()).add(device)

    def acked(message_id: str, devices: set[str]) -> bool:
        with lock:
            return acks.get(message_id, set()) >= devices

    service = Dispatcher(signer, province["top"].url, topics, client_id=f"srv-{uuid.uuid4().hex[:6]}", on_ack=on_ack).start()
    keys = {signer.key_id: signer.public_b64()}
    fleets = {
        c: LightFleet([(f"{c}-{i}", ZONE) for i in range(8)], broker.url, keys, topics)
        for c, broker in province["communes"].items()
    }
    for fleet in fleets.values():
        loop.run(fleet.start, timeout=60)
    everyone = {s.device for f in fleets.values() for s in f.speakers}
    on_b = {s.device for s in fleets["xa-b"].speakers}
    try:
        first = {d: service.push_programme(d, ZONE, []) for d in sorted(everyone)}
        assert wait_for(lambda: all(acked(m, {d}) for d, m in first.items()), 30), "programmes did not cross the bridges"

        item = {"id": "em-1", "starts_at": iso(time.time()), "duration_ms": 60000, "priority": "emergency"}
        emergency = service.command(MessageType.PLAY, {"item": item}, zone=ZONE)
        assert wait_for(lambda: acked(emergency, everyone), 20), "the emergency did not reach every commune"
        for fleet in fleets.values():
            assert all(t is not None for t in fleet.received(emergency))

        province["links"]["xa-b"].cut()
        time.sleep(0.5)
        second = {d: service.push_programme(d, ZONE, [{"v": 2}]) for d in sorted(everyone)}
        third = {d: service.push_programme(d, ZONE, [{"v": 3}]) for d in sorted(on_b)}  # changed again while cut
        item2 = {**item, "id": "em-2", "starts_at": iso(time.time())}
        during = service.command(MessageType.PLAY, {"item": item2}, zone=ZONE)
        assert wait_for(lambda: acked(during, everyone - on_b), 20)
        time.sleep(1.0)
        assert not any(fleets["xa-b"].received(during)), "the cut bridge still carried traffic"

        province["links"]["xa-b"].restore()
        assert wait_for(lambda: acked(during, on_b), 30), "the command sent during the cut was lost"
        assert wait_for(lambda: all(acked(third[d], {d}) for d in on_b), 30), "the latest programme did not resync"
        assert all(acked(second[d], {d}) for d in everyone - on_b)
        assert all(s.schedule_at is not None for s in fleets["xa-b"].speakers)
    finally:
        for fleet in fleets.values():
            loop.run(fleet.stop, timeout=40)
        service.stop()


def test_a_generated_broker_runs_as_the_invoking_user_never_as_root(tmp_path: Path) -> None:
    port = free_port()
    conf = tmp_path / "broker.conf"
    conf.write_text(broker_config(port, (Bridge("b", "127.0.0.1:1"),)))
    assert not [line for line in conf.read_text().splitlines() if line.startswith("user ")]
    with MosquittoProcess(conf, port) as broker:
        assert broker.process is not None
        status = Path(f"/proc/{broker.process.pid}/status").read_text()
        uid = int(next(line for line in status.splitlines() if line.startswith("Uid:")).split()[2])  # effective
        assert uid == (pwd.getpwnam("mosquitto").pw_uid if os.geteuid() == 0 else os.geteuid())
        got: list[bytes] = []
        client = make_client(f"uid-{port}")
        connect(client, broker.url)
        client.on_message = lambda c, u, m: got.append(m.payload)
        client.subscribe("t", 1)
        client.publish("t", b"served", qos=1, retain=True)
        assert wait_for(lambda: got == [b"served"], 5), "the broker started but does not serve"
        client.disconnect()
        client.loop_stop()

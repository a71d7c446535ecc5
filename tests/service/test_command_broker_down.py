"""A device command while the broker is down (issue 22 #7): no English traceback, the task is
not marked failed, and the speakers carry it out once the broker is back."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest

from broadcaster.app import tasks
from broadcaster.app.cap_import import CAP_APPROVER  # a system actor: no user row needed
from broadcaster.config import Settings
from broadcaster.service.core import Service
from broadcaster.store.engine import open_store
from broadcaster.store.models import ServiceTask
from devices.background import free_port
from devices.protocol import Topics
from devices.sim.mosquitto import MosquittoProcess
from devices.sim.simulator import Fleet, SimulatedDevice
from tests.conftest import wait_for
from tests.helpers import zone_with_devices


def test_a_device_command_while_the_broker_is_down_is_sent_later_and_not_failed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(data_dir=tmp_path / "data", media_port=free_port())
    store = open_store(settings.database_url)
    zone_with_devices(store, "thon-c", "xa-a", [], ["loa-c1"])
    port = free_port()
    (tmp_path / "broker").mkdir()
    conf = tmp_path / "broker" / "mosquitto.conf"
    conf.write_text(f"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\n")
    broker = MosquittoProcess(conf, port).start()
    service = Service(settings, store, broker.url).start()
    fleet = Fleet(
        [SimulatedDevice("loa-c1", "thon-c")],
        broker.url,
        {service.signer.key_id: service.signer.public_b64()},
        tmp_path / "f",
        Topics(),
    ).start()
    try:
        assert wait_for(lambda: fleet.transports[0].client.is_connected(), 20)
        broker.stop()
        assert service.dispatcher is not None
        assert wait_for(lambda: not service.dispatcher.client.is_connected(), 20)  # type: ignore[union-attr]
        with store.session() as s:
            task_id = tasks.enqueue(
                s, CAP_APPROVER, tasks.TaskKind.DEVICE_COMMAND, type="volume", body={"volume": 37}, devices=["loa-c1"]
            ).id
        caplog.clear()
        real_resend = service.dispatcher.resend

        def refused(topic: str, payload: bytes) -> None:  # what paho says once the broker refused or dropped us
            raise OSError(f"publish to {topic} failed: The client is not currently connected.")

        service.dispatcher.resend = refused  # type: ignore[method-assign]
        with caplog.at_level(logging.WARNING):
            service.commands.process_tasks()
            service.dispatcher.resend = real_resend  # type: ignore[method-assign]
            assert service.commands.retry_commands() == 0  # nothing to do while the broker is away, and no error
        assert not any(r.exc_info for r in caplog.records), "no traceback"
        assert any("sẽ tự gửi lại" in r.getMessage() for r in caplog.records), [r.getMessage() for r in caplog.records]
        with store.session() as s:
            task = s.get(ServiceTask, task_id)
            assert task is not None and task.state == tasks.TaskState.DONE, (task.state, task.error)
        broker.start()
        assert wait_for(lambda: service.dispatcher is not None and service.dispatcher.client.is_connected(), 30)
        assert wait_for(lambda: fleet.transports[0].client.is_connected(), 30)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and fleet.agents[0].volume != 37:
            service.commands.retry_commands()
            time.sleep(0.5)
        assert fleet.agents[0].volume == 37  # carried out, later
        with store.session() as s:
            assert s.get(ServiceTask, task_id).state == tasks.TaskState.DONE  # type: ignore[union-attr]
    finally:
        fleet.stop()
        service.stop()
        broker.stop()

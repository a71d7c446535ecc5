"""A queued task runs only if its requester still has the right (issue 22 #11).

Tasks wait while the service is down. An official demoted, moved to another commune or
disabled before the service starts must not still switch amplifiers off or fire an emergency:
at execution the service re-checks the requester's current role and communes; a task that
fails the check is refused, audited, and nothing is sent.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from broadcaster.app import tasks
from broadcaster.app.control import request_control
from broadcaster.app.workflow import Actor
from broadcaster.config import Settings
from broadcaster.service.core import Service
from broadcaster.store.models import AuditEvent, CommandRow, ServiceTask, User
from devices.background import free_port
from tests.web.world import build


def _demote(user: User) -> None:
    user.role = "editor"


def _move(user: User) -> None:
    user.communes = ["xa-b"]


def _disable(user: User) -> None:
    user.active = False


@pytest.mark.parametrize("lose_right", [_demote, _move, _disable, None], ids=["demoted", "moved", "disabled", "kept"])
def test_amplifier_off_queued_by_an_official_who_lost_the_right_is_refused(
    tmp_path: Path, mosquitto_url: str, lose_right: Callable[[User], None] | None
) -> None:
    _settings, store, approved, _draft = build(tmp_path)
    with store.session() as s:
        official = Actor.of(s.scalars(select(User).where(User.username == "canbo")).one(), "10.0.0.5")
        off = request_control(s, official, "power", ["thon-1"], [], None, on=False)
        fire = tasks.request_emergency(s, official, approved, ["thon-1"], reason="lũ quét sắp tới").id
    with store.session() as s:  # while the service is down
        user = s.scalars(select(User).where(User.username == "canbo")).one()
        if lose_right is not None:
            lose_right(user)
    prefix = f"loa/rights-{int(time.time() * 1000)}"
    settings = Settings(data_dir=tmp_path / "data", topic_prefix=prefix, server_client_id=f"srv-{prefix}", media_port=free_port())
    with Service(settings, store, mosquitto_url) as service:
        service.commands.process_tasks()
    with store.session() as s:
        states = {t.id: (t.state, t.error) for t in s.scalars(select(ServiceTask))}
        sent = s.query(CommandRow).count()
        refused = [e.subject for e in s.scalars(select(AuditEvent).where(AuditEvent.action == "task.refused"))]
    if lose_right is None:
        assert states[off][0] == states[fire][0] == "done" and sent == 2
        assert refused == []
        return
    assert sent == 0  # no power-off, no emergency reached the broker
    assert all(state == "failed" and "refused" in error for state, error in states.values()), states
    assert sorted(refused) == sorted([f"task:{off}", f"task:{fire}"])

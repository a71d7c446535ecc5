"""One planner leader among workers: PostgreSQL advisory lock, or a file lock beside SQLite.
A worker killed with SIGKILL frees the lead for another at once."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from broadcaster.service.leader import Leader, LeaderError
from broadcaster.store.engine import Store, open_store
from tests.conftest import ROOT, store_url, wait_for

pytestmark = pytest.mark.slow


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return store_url(request.param, tmp_path)


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    store = open_store(url)
    yield store
    store.close()


def test_one_leader_at_a_time(store: Store) -> None:
    name = f"planner-{uuid.uuid4().hex[:6]}"  # PostgreSQL locks are per database: no clash with other tests
    first, second = Leader(store, name), Leader(store, name)
    assert first.try_acquire()
    assert first.try_acquire()  # still leader
    assert not second.try_acquire()
    first.release()
    assert second.try_acquire()
    assert not first.try_acquire()
    second.release()


def test_a_killed_leader_hands_over(store: Store, url: str) -> None:
    name = f"planner-{uuid.uuid4().hex[:6]}"
    script = (
        "import sys, time\n"
        "from broadcaster.store.engine import Store\n"
        "from broadcaster.service.leader import Leader\n"
        f"leader = Leader(Store({url!r}), {name!r})\n"
        "print('leader' if leader.try_acquire() else 'follower', flush=True)\n"
        "time.sleep(60)\n"
    )
    worker = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "leader"
        standby = Leader(store, name)
        assert not standby.try_acquire()
        worker.kill()
        worker.wait(10)
        assert wait_for(standby.try_acquire, 10), "the lead was not handed over after the leader died"
        standby.release()
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait(10)


def test_an_in_memory_store_refuses_to_be_shared() -> None:
    store = Store("sqlite://")
    with pytest.raises(LeaderError, match="single worker"):
        Leader(store).try_acquire()

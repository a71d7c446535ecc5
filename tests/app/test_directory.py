"""Which communes a zone target lies in: the one answer every permission check on zones uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadcaster.app.directory import UnknownZone, add_device, communes_of
from broadcaster.app.tasks import request_emergency
from broadcaster.app.workflow import Action, Actor, PermissionDenied, Role, WorkflowError, require
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import ZoneRow
from schedules.model import ScheduleValueError

OFFICIAL = Actor("canbo", Role.OFFICIAL, communes=("Xã Tân Lập",))
ADMIN = Actor("quantri", Role.ADMIN)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    with store.session() as s:
        s.add_all(
            [
                ZoneRow(id="thon-1", name="Thôn 1", commune="Xã Tân Lập"),
                ZoneRow(id="thon-2", name="Thôn 2", commune="Xã Tân Lập"),
                ZoneRow(id="ban-pa", name="Bản Pá", commune="Xã Mường Lạn"),
                ZoneRow(id="cum-loa", name="Cụm loa chợ", commune=""),
            ]
        )
    return store


def test_several_zones_give_each_commune_once(store: Store) -> None:
    with store.session() as s:
        assert communes_of(s, ["thon-1", "thon-2"]) == {"Xã Tân Lập"}
        assert communes_of(s, ["thon-1", "ban-pa", "thon-2"]) == {"Xã Tân Lập", "Xã Mường Lạn"}
        assert communes_of(s, []) == set()


def test_an_unknown_zone_is_named(store: Store) -> None:
    with store.session() as s, pytest.raises(UnknownZone, match="no zone thon-x") as raised:
        communes_of(s, ["thon-1", "thon-x"])
    assert raised.value.zone_id == "thon-x"
    assert isinstance(raised.value, LookupError)  # the console answers 404


def test_an_unknown_zone_is_nobodys_commune_when_not_strict(store: Store) -> None:
    """A task page may name a zone deleted since: it counts as no commune, so officials are refused."""
    with store.session() as s:
        assert communes_of(s, ["thon-1", "thon-x"], strict=False) == {"Xã Tân Lập", ""}


def test_a_zone_without_commune_is_no_officials(store: Store) -> None:
    with store.session() as s:
        communes = communes_of(s, ["cum-loa"])
    assert communes == {""}
    with pytest.raises(PermissionDenied):
        for commune in communes:
            require(OFFICIAL, Action.MANAGE_DEVICES, commune=commune)


def test_callers_keep_their_own_error_for_an_unknown_zone(store: Store) -> None:
    """The CLI reports WorkflowError and ScheduleValueError in one line; a bare LookupError would be a traceback."""
    with store.session() as s:
        with pytest.raises(WorkflowError, match="no zone thon-x"):
            request_emergency(s, ADMIN, 1, ["thon-1", "thon-x"], reason="lũ quét sắp tới")
        with pytest.raises(ScheduleValueError, match="unknown zone thon-x"):
            add_device(s, ADMIN, "loa-1", "thon-x")
        with pytest.raises(PermissionDenied, match="Xã Mường Lạn"):
            request_emergency(s, OFFICIAL, 1, ["thon-1", "ban-pa"], reason="lũ quét sắp tới")

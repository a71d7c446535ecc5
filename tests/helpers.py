"""Approved bulletins with real (short) audio made the product's way, zones and devices, for service-level tests."""

from __future__ import annotations

from datetime import time

from broadcaster.app.programmes import approved_notice
from broadcaster.app.workflow import Actor, Role
from broadcaster.config import Settings
from broadcaster.store.engine import Store
from broadcaster.store.models import Bulletin, DeviceRow, ZoneRow

EDITOR = Actor("bientap", Role.EDITOR)
APPROVER = Actor("pheduyet", Role.APPROVER)
ADMIN = Actor("quantri", Role.ADMIN)


def approved_bulletin(store: Store, settings: Settings, title: str = "Bản tin thử", text: str = "Câu thử.") -> int:
    """A short typed notice, rendered by the Vietnamese voice and approved by a second person."""
    return approved_notice(store, settings, EDITOR, APPROVER, title, text)


def zone_with_devices(
    store: Store, zone: str, commune: str, slot_times: list[time], devices: list[str], minutes: float = 1.0
) -> None:
    with store.session() as s:
        s.merge(
            ZoneRow(
                id=zone,
                name=zone.replace("-", " ").title(),
                commune=commune,
                timezone="Asia/Ho_Chi_Minh",
                slots=[{"start": t.isoformat(), "minutes": minutes} for t in slot_times],
                quiet=[],
                languages=["vi"],
            )
        )
        for d in devices:
            s.merge(DeviceRow(id=d, zone_id=zone, name=d))


def bulletin_state(store: Store, bulletin_id: int) -> str:
    with store.session() as s:
        row = s.get(Bulletin, bulletin_id)
        assert row is not None
        return row.state

"""A province in the store for the benchmarks: one approved bulletin with real audio, a zone,
its devices and a daily booking, so every device has a programme to be pushed."""

from __future__ import annotations

from datetime import UTC, datetime

from broadcaster.app.planning import book
from broadcaster.app.programmes import approved_notice
from broadcaster.app.workflow import Actor, Role
from broadcaster.config import Settings
from broadcaster.store.engine import Store
from broadcaster.store.models import DeviceRow, ZoneRow

EDITOR = Actor("bientap", Role.EDITOR)
APPROVER = Actor("pheduyet", Role.APPROVER)
ADMIN = Actor("quantri", Role.ADMIN)
# read aloud, about the eight seconds of audio the fan-out figures were first measured with
NOTICE = "Xã thông báo lịch tiêm phòng gia súc. Đề nghị bà con đến đúng giờ."


def seed_zone(store: Store, settings: Settings, zone: str, devices: list[str]) -> int:
    """Returns the bulletin id; its audio is rendered into `settings.media_dir` as the console would."""
    with store.session() as s:
        s.add(
            ZoneRow(
                id=zone,
                name=zone,
                commune="Tỉnh thử",
                slots=[{"start": "07:00", "minutes": 5.0}, {"start": "17:30", "minutes": 5.0}],
                quiet=[],
                languages=["vi"],
            )
        )
        s.flush()
        s.add_all(DeviceRow(id=d, zone_id=zone, name=d) for d in devices)
    bulletin_id = approved_notice(store, settings, EDITOR, APPROVER, "Bản tin đo tải", NOTICE)
    with store.session() as s:
        book(s, ADMIN, bulletin_id, [zone], datetime.now(UTC).date(), rule="FREQ=DAILY", slot="17:30")
    return bulletin_id

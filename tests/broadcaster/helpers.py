"""Approved bulletins with real (short) audio, zones and devices, for service-level tests."""

from __future__ import annotations

from datetime import time

from broadcaster.models import Bulletin, DeviceRow, MediaAsset, ZoneRow
from broadcaster.store import Store
from broadcaster.workflow import Actor, Role, approve, create_bulletin, current_scripts, scripts_sha, submit
from media.encode import CODECS, encode
from media.master import chime
from media.store import MediaStore

EDITOR = Actor("bientap", Role.EDITOR)
APPROVER = Actor("pheduyet", Role.APPROVER)
ADMIN = Actor("quantri", Role.ADMIN)


def approved_bulletin(store: Store, media: MediaStore, title: str = "Bản tin thử", seconds: float = 1.5) -> int:
    data = encode(chime(24000, seconds), CODECS["mp3"], {"title": title})
    stored = media.put(data, "mp3", int(seconds * 1000), "mp3")
    with store.session() as s:
        bulletin = create_bulletin(s, EDITOR, title, None, "vi", "Câu thử.", [{"text": "Câu thử.", "source": None}])
        script = current_scripts(s, bulletin.id)["vi"]
        s.add(
            MediaAsset(
                sha256=stored.sha256,
                bulletin_id=bulletin.id,
                language="vi",
                script_sha256=script.sha256,
                scripts_sha256=scripts_sha({"vi": script}),
                codec="mp3",
                extension="mp3",
                bytes=stored.bytes,
                duration_ms=stored.duration_ms,
            )
        )
        s.flush()
        submit(s, bulletin, EDITOR)
        approve(s, bulletin, APPROVER)
        return bulletin.id


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

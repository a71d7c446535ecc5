"""A province in the store for the benchmarks: one approved bulletin with real audio, a zone,
its devices and a daily booking, so every device has a programme to be pushed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from broadcaster.models import DeviceRow, MediaAsset, ZoneRow
from broadcaster.scheduling import book
from broadcaster.store import Store
from broadcaster.workflow import Actor, Role, approve, create_bulletin, current_scripts, scripts_sha, submit
from media.encode import CODECS, encode
from media.master import chime
from media.store import MediaStore

EDITOR = Actor("bientap", Role.EDITOR)
APPROVER = Actor("pheduyet", Role.APPROVER)
ADMIN = Actor("quantri", Role.ADMIN)


def seed_zone(store: Store, media_dir: Path, zone: str, devices: list[str], seconds: float = 8.0) -> int:
    """Returns the bulletin id; its audio is a real MP3 in `media_dir`."""
    stored = MediaStore(media_dir).put(encode(chime(24000, seconds), CODECS["mp3"]), "mp3", int(seconds * 1000), "mp3")
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
        bulletin = create_bulletin(s, EDITOR, "Bản tin đo tải", None, "vi", "Câu thử.", [{"text": "Câu thử.", "source": None}])
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
        book(s, ADMIN, bulletin.id, [zone], datetime.now(UTC).date(), rule="FREQ=DAILY", slot="17:30")
        return bulletin.id

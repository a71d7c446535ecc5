"""`broadcaster demo`: one real legal document from a local RSS feed to simulated speakers.

Every stage is the product's own code path; only the feed, the broker (when none is given)
and the speakers are local.
"""

from __future__ import annotations

import json
import logging
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from broadcaster.config import Settings
from broadcaster.keys import load_or_create
from broadcaster.models import BookingRow, Bulletin, DeviceRow, PlayReport, User, ZoneRow
from broadcaster.pipeline import ingest, render
from broadcaster.store import open_store
from broadcaster.workflow import Actor, Role, approve, assert_playable, audit, create_bulletin, submit
from devices.broker import EmbeddedBroker
from devices.dispatcher import Dispatcher
from devices.mediaserver import MediaServer
from devices.protocol import MediaRef, Topics, parse_iso
from devices.simulator import Fleet, SimulatedDevice
from media.master import MasterSettings
from media.store import MediaStore
from schedules.model import Booking, Priority, Slot, Zone
from schedules.planner import plan
from schedules.playlist import Track, m3u
from scripts.draft import draft
from scripts.ingest import LocalFetcher
from tts.registry import default_registry

log = logging.getLogger(__name__)
SAMPLES = Path(__file__).parent / "samples"


@dataclass
class DemoResult:
    report: dict[str, Any]
    out: Path
    all_played: bool


@dataclass
class Timings:
    values: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.values[name] = round(self.values.get(name, 0.0) + time.perf_counter() - start, 3)


def _seed_users(session: Any, commune: str) -> dict[str, Actor]:
    people = {
        "bientap": (Role.EDITOR, "Biên tập viên"),
        "pheduyet": (Role.APPROVER, "Người phê duyệt"),
        "canbo-xa": (Role.OFFICIAL, "Cán bộ văn hóa xã"),
    }
    actors = {}
    for username, (role, name) in people.items():
        if session.query(User).filter_by(username=username).first() is None:
            session.add(User(username=username, display_name=name, role=role.value, communes=[commune]))
        actors[username] = Actor(username, role, (commune,), (), "127.0.0.1")
    return actors


def run_demo(
    out: Path,
    devices: int = 5,
    lead_s: float = 5.0,
    mqtt_url: str | None = None,
    settings: Settings | None = None,
    play_timeout_s: float = 60.0,
) -> DemoResult:
    """Run the whole pipeline once; raises the stage's own error when a stage fails."""
    timings = Timings()
    state_dir = out / "state"
    if state_dir.exists():
        shutil.rmtree(state_dir)  # the demo's own scratch state, never user data
    out.mkdir(parents=True, exist_ok=True)
    settings = settings or Settings(data_dir=state_dir)
    store = open_store(settings.database_url)
    media = MediaStore(settings.media_dir)
    commune, zone_id = "xa-demo", "thon-1"
    with ExitStack() as stack:
        with timings.stage("ingest"), store.session() as session:
            result = ingest(session, [str(SAMPLES / "feed.xml")], LocalFetcher())
            if result.failures:
                raise RuntimeError(f"demo sample failed to ingest: {result.failures}")
            document_id, parsed = next(iter(result.parsed.items()))
        with timings.stage("draft"):
            script = draft(parsed, settings.dialect)
        with store.session() as session:
            actors = _seed_users(session, commune)
            bulletin = create_bulletin(
                session, actors["bientap"], parsed.full_title, document_id, "vi", script.text, script.sentence_dicts()
            )
            submit(session, bulletin, actors["bientap"])
            bulletin_id = bulletin.id
        stage_times: dict[str, float] = {}
        with store.session() as session:
            from broadcaster.workflow import current_scripts

            version = current_scripts(session, bulletin_id)["vi"]
            rendered = render(
                session,
                version,
                default_registry(settings.cache_dir),
                media,
                parsed.full_title,
                parsed.number,
                MasterSettings(target_lufs=settings.target_lufs),
                settings.dialect,
                stage_times,
            )
        timings.values.update({k: round(v, 3) for k, v in stage_times.items()})
        with timings.stage("approve"), store.session() as session:
            approve(session, _bulletin(session, bulletin_id), actors["pheduyet"])
        duration_s = rendered.asset.duration_ms / 1000
        with timings.stage("schedule"), store.session() as session:
            now = datetime.now(UTC)
            start = (now + timedelta(seconds=lead_s)).astimezone(Zone(zone_id, "", "").tz).replace(microsecond=0)
            zone = Zone(zone_id, "Thôn 1", commune, slots=(Slot(start.time(), timedelta(minutes=15)),), quiet=())
            session.merge(
                ZoneRow(
                    id=zone.id,
                    name=zone.name,
                    commune=commune,
                    timezone=zone.timezone,
                    slots=[{"start": start.strftime("%H:%M:%S"), "minutes": 15}],
                    quiet=[],
                    languages=["vi"],
                )
            )
            booking_row = BookingRow(
                bulletin_id=bulletin_id,
                zones=[zone.id],
                priority="normal",
                starts_on=start.date(),
                slot=start.strftime("%H:%M"),
                created_by="canbo-xa",
            )
            session.add(booking_row)
            session.flush()
            audit(session, actors["canbo-xa"], "booking.created", f"booking:{booking_row.id}", bulletin=bulletin_id)
            booking = Booking(
                str(booking_row.id),
                str(bulletin_id),
                (zone.id,),
                duration_s,
                start.date(),
                Priority.NORMAL,
                slot=start.time(),
                title=parsed.full_title,
            )
            programme = plan([zone], [booking], start.date(), 1)
            if programme.rejections:
                raise RuntimeError(f"demo booking rejected: {programme.rejections[0].reason}")
            item = programme.items[0]
        with timings.stage("deliver"):
            url = mqtt_url
            if not url:
                url = stack.enter_context(EmbeddedBroker()).url
            server = stack.enter_context(MediaServer(settings.media_dir, settings.media_host))  # an ephemeral port
            ref = MediaRef(
                server.base_url + rendered.asset.sha256 + ".mp3",
                rendered.asset.sha256,
                rendered.asset.bytes,
                rendered.asset.duration_ms,
                "mp3",
            )
            topics = Topics(f"{settings.topic_prefix}/demo-{int(time.time() * 1000)}")
            signer = load_or_create(settings.key_file, settings.key_id)
            played: dict[str, dict[str, Any]] = {}
            done = threading.Event()
            lock = threading.Lock()

            def on_played(device: str, body: dict[str, Any]) -> None:
                with lock:
                    played[device] = {**body, "received_at": time.time()}
                    if len(played) >= devices:
                        done.set()

            dispatcher = stack.enter_context(_started(Dispatcher(signer, url, topics, on_played=on_played)))
            fleet_devices = [SimulatedDevice(f"loa-{i + 1:04d}", zone.id) for i in range(devices)]
            with store.session() as session:
                for d in fleet_devices:
                    session.merge(DeviceRow(id=d.id, zone_id=zone.id, name=f"Loa {d.id}"))
                bulletin = _bulletin(session, bulletin_id)
                assert_playable(session, bulletin)
                bulletin.state = "scheduled"
                audit(session, "system", "bulletin.scheduled", f"bulletin:{bulletin_id}", item=item.id)
            stack.enter_context(Fleet(fleet_devices, url, {signer.key_id: signer.public_b64()}, state_dir / "devices", topics))
            entry = {
                "id": item.id,
                "starts_at": item.starts_at.isoformat().replace("+00:00", "Z"),
                "duration_ms": ref.duration_ms,
                "priority": item.priority.name.lower(),
                "bulletin": str(bulletin_id),
                "title": item.title,
                "media": ref.to_dict(),
            }
            for d in fleet_devices:
                dispatcher.push_programme(d.id, zone.id, [entry])
        with timings.stage("play"):
            wait = max(0.0, item.starts_at.timestamp() - time.time()) + play_timeout_s
            done.wait(wait)
        if played:
            last = max(b["received_at"] for b in played.values())
            timings.values["play_after_slot"] = round(last - item.starts_at.timestamp(), 3)
    with store.session() as session:
        for device, body in played.items():
            session.merge(
                PlayReport(
                    device_id=device,
                    item_id=body["item"],
                    bulletin_id=str(bulletin_id),
                    sha256=body["sha256"],
                    started=datetime.fromtimestamp(parse_iso(body["started"]), UTC),
                    ended=datetime.fromtimestamp(parse_iso(body["ended"]), UTC),
                    volume=body["volume"],
                )
            )
    store.close()
    return _write_outputs(out, parsed, script, rendered, fleet_devices, played, timings, item, url)


def _bulletin(session: Any, bulletin_id: int) -> Bulletin:
    bulletin = session.get(Bulletin, bulletin_id)
    if bulletin is None:
        raise RuntimeError(f"bulletin {bulletin_id} vanished")
    return bulletin


@contextmanager
def _started(dispatcher: Dispatcher) -> Iterator[Dispatcher]:
    dispatcher.start()
    try:
        yield dispatcher
    finally:
        dispatcher.stop()


def _write_outputs(
    out: Path,
    parsed: Any,
    script: Any,
    rendered: Any,
    fleet: list[SimulatedDevice],
    played: dict[str, dict[str, Any]],
    timings: Timings,
    item: Any,
    url: str,
) -> DemoResult:
    (out / "bulletin.mp3").write_bytes(rendered.mp3)
    lines = [f"# {parsed.full_title}", "", "## Kịch bản (viết)", ""]
    for s in script.sentences:
        cite = "mẫu" if s.source is None else s.source.label
        lines.append(f"- {s.text}  [{cite}]")
    lines += ["", "## Lời đọc (dạng nói)", "", *rendered.spoken, ""]
    (out / "script.txt").write_text("\n".join(lines), encoding="utf-8")
    (out / "playlist.m3u").write_text(
        m3u([Track("bulletin.mp3", parsed.full_title, rendered.asset.duration_ms / 1000, parsed.issuer)])
    )
    devices = [
        {
            "id": d.id,
            "played": d.id in played and played[d.id]["sha256"] == rendered.asset.sha256,
            "sha256": played.get(d.id, {}).get("sha256"),
        }
        for d in fleet
    ]
    report = {
        "document": {"number": parsed.number, "title": parsed.full_title},
        "bulletin": {
            "sha256": rendered.asset.sha256,
            "duration_s": round(rendered.asset.duration_ms / 1000, 2),
            "bytes": rendered.asset.bytes,
            "loudness_lufs": round(rendered.loudness_lufs, 2),
            "true_peak_dbtp": round(rendered.true_peak_dbtp, 2),
            "est_duration_s": script.est_duration_s,
        },
        "schedule": {"item": item.id, "starts_at": item.starts_at.isoformat()},
        "broker": url,
        "devices": devices,
        "timings_s": timings.values,
    }
    (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return DemoResult(report, out, all(d["played"] for d in devices))

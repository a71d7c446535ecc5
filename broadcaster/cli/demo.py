"""`broadcaster demo`: one real legal document from a local RSS feed to simulated speakers.

It runs the product's own path and nothing else: the people, the commune's zone and speakers
are created with the administration functions; the document is ingested from a feed; the editor
turns it into a bulletin (draft + render) and submits it; another user approves it; the commune
official books it into the zone's slot; the running service plans, signs and pushes the
programme; speakers download, verify, play and report, and the service stores the proof of play.
Only the feed, the broker (embedded when none is given) and the speakers are local stand-ins.
"""

from __future__ import annotations

import argparse
import json
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from broadcaster.app import bookings, directory, programmes
from broadcaster.app.documents import ingest
from broadcaster.app.planning import aware, build_planner
from broadcaster.app.workflow import Actor, Role, current_scripts
from broadcaster.config import Settings
from broadcaster.service.core import Service
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import Bulletin, Document, MediaAsset, PlayReport
from devices.protocol import Topics
from devices.sim.simulator import Fleet, SimulatedDevice
from media.store import MediaStore
from schedules.playlist import Track, m3u
from scripts.draft import Source
from scripts.ingest import LocalFetcher
from scripts.spoken import normalize

SAMPLES = Path(__file__).parent.parent / "samples"
COMMUNE, ZONE = "xa-demo", "thon-1"
# Whoever installs the system is its first administrator; the demo acts as that person once.
INSTALLER = Actor("demo-installer", Role.ADMIN, address="demo")
PEOPLE = {
    "bientap": (Role.EDITOR, "Biên tập viên"),
    "pheduyet": (Role.APPROVER, "Người phê duyệt"),
    "canbo-xa": (Role.OFFICIAL, "Cán bộ văn hóa xã"),
}


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


def _people(store: Store) -> dict[str, Actor]:
    with store.session() as session:
        for username, (role, name) in PEOPLE.items():
            directory.create_user(session, INSTALLER, username, role, f"demo-{username}-2026", name, [COMMUNE])
    return {username: Actor(username, role, (COMMUNE,), (), "127.0.0.1") for username, (role, _name) in PEOPLE.items()}


def run_demo(
    out: Path,
    devices: int = 5,
    lead_s: float = 5.0,
    mqtt_url: str | None = None,
    settings: Settings | None = None,
    play_timeout_s: float = 60.0,
) -> DemoResult:
    """Run the whole product path once; raises the stage's own error when a stage fails."""
    timings = Timings()
    state_dir = out / "state"
    if state_dir.exists():
        shutil.rmtree(state_dir)  # the demo's own scratch state, never user data
    out.mkdir(parents=True, exist_ok=True)
    settings = settings or Settings(
        data_dir=state_dir,
        media_port=0,
        task_poll_s=0.2,
        # a fresh topic space: a shared broker may hold retained programmes of earlier demos
        topic_prefix=f"loa/demo-{int(time.time() * 1000)}",
        server_client_id=f"loa-demo-{int(time.time() * 1000)}",
    )
    store = open_store(settings.database_url)
    with ExitStack() as stack:
        stack.callback(store.close)
        people = _people(store)
        bulletin_id = _approved_sample(store, settings, people, timings)

        service = stack.enter_context(Service(settings, store, mqtt_url))
        topics, signer = Topics(settings.topic_prefix), service.signer
        asked = datetime.now(UTC)  # the booking is checked as of when its slot was chosen, seconds ahead
        start = (asked + timedelta(seconds=lead_s + 1)).astimezone(_tz(settings)).replace(microsecond=0)
        with timings.stage("schedule"), store.session() as session:
            directory.save_zone(
                session,
                people["canbo-xa"],
                directory.ZoneSpec(ZONE, COMMUNE, "Thôn 1", slots=(start.strftime("%H:%M:%S"),), quiet=()),
            )
            for i in range(devices):
                directory.add_device(session, people["canbo-xa"], f"loa-{i + 1:04d}", ZONE, f"Loa {i + 1}")
            ask = bookings.Ask(bulletin_id, (ZONE,), start.date(), slot=start.strftime("%H:%M:%S"))
            bookings.create(session, people["canbo-xa"], ask, asked, settings.timezone)
        fleet_devices = [SimulatedDevice(f"loa-{i + 1:04d}", ZONE) for i in range(devices)]
        stack.enter_context(
            Fleet(fleet_devices, service.mqtt_url or "", {signer.key_id: signer.public_b64()}, state_dir / "devices", topics)
        )
        clock = threading.Thread(target=service.run_forever, kwargs={"handle_signals": False}, name="service", daemon=True)
        clock.start()
        stack.callback(lambda: service.runner.stop() if service.runner else None)
        with timings.stage("play"):
            deadline = time.monotonic() + lead_s + play_timeout_s
            while time.monotonic() < deadline and len(_reports(store, bulletin_id)) < devices:
                time.sleep(0.1)
        reports = _reports(store, bulletin_id)
        if reports:
            last = max(aware(r.started) or start for r in reports)
            timings.values["play_after_slot"] = round((last - start).total_seconds(), 3)
        return _write_outputs(out, store, settings, bulletin_id, [d.id for d in fleet_devices], reports, timings, service)
    raise AssertionError("unreachable")  # ExitStack never swallows exceptions here


def _approved_sample(store: Store, settings: Settings, people: dict[str, Actor], timings: Timings) -> int:
    """The sample feed's first document ingested, drafted, rendered and approved: its bulletin."""
    with timings.stage("ingest"), store.session() as session:
        result = ingest(session, [str(SAMPLES / "feed.xml")], LocalFetcher())
    if result.failures:
        raise RuntimeError(f"demo sample failed to ingest: {result.failures}")
    document_id = next(iter(result.parsed))
    with timings.stage("draft_and_render"):
        bulletin_id = programmes.bulletin_from_document(store, settings, people["bientap"], document_id)
    with timings.stage("approve"):
        programmes.submit_and_approve(store, bulletin_id, people["bientap"], people["pheduyet"])
    return bulletin_id


def _tz(settings: Settings) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(settings.timezone)


def _bulletin(session: Any, bulletin_id: int) -> Bulletin:
    bulletin = session.get(Bulletin, bulletin_id)
    if bulletin is None:
        raise RuntimeError(f"bulletin {bulletin_id} vanished")
    return bulletin


def _reports(store: Store, bulletin_id: int) -> list[PlayReport]:
    with store.session() as session:
        return list(session.scalars(select(PlayReport).where(PlayReport.bulletin_id == str(bulletin_id))))


def _write_outputs(
    out: Path,
    store: Store,
    settings: Settings,
    bulletin_id: int,
    fleet: list[str],
    reports: list[PlayReport],
    timings: Timings,
    service: Service,
) -> DemoResult:
    with store.session() as session:
        bulletin = _bulletin(session, bulletin_id)
        script = current_scripts(session, bulletin_id)["vi"]
        asset = session.scalars(
            select(MediaAsset).where(MediaAsset.bulletin_id == bulletin_id, MediaAsset.codec == "mp3")
        ).first()
        if asset is None:
            raise RuntimeError("the bulletin has no rendered audio")
        items = build_planner(session, datetime.now(_tz(settings)).date(), 1).zone_items(ZONE)
        title, state, sentences = bulletin.title, bulletin.state, list(script.sentences)
        document = session.get(Document, bulletin.document_id) if bulletin.document_id else None
        document_info = {"number": document.number, "title": document.title} if document else {}
    media = MediaStore(settings.media_dir)
    (out / "bulletin.mp3").write_bytes(media.path(f"{asset.sha256}.{asset.extension}").read_bytes())
    lines = [f"# {title}", "", "## Kịch bản (viết)", ""]
    for s in sentences:
        cite = s.get("source")
        lines.append(f"- {s['text']}  [{Source(**cite).label if cite else 'mẫu'}]")
    lines += ["", "## Lời đọc (dạng nói)", "", *(normalize(s["text"], settings.dialect) for s in sentences), ""]
    (out / "script.txt").write_text("\n".join(lines), encoding="utf-8")
    (out / "playlist.m3u").write_text(m3u([Track("bulletin.mp3", title, asset.duration_ms / 1000, "")]))
    played = {r.device_id: r for r in reports}
    devices = [
        {"id": d, "played": d in played and played[d].sha256 == asset.sha256, "sha256": played[d].sha256 if d in played else None}
        for d in fleet
    ]
    report = {
        "document": document_info,
        "bulletin": {
            "id": bulletin_id,
            "title": title,
            "state": state,
            "sha256": asset.sha256,
            "duration_s": round(asset.duration_ms / 1000, 2),
            "bytes": asset.bytes,
            "loudness_lufs": round(asset.loudness_lufs or 0.0, 2),
            "true_peak_dbtp": round(asset.true_peak_dbtp or 0.0, 2),
        },
        "schedule": [{"item": i.id, "starts_at": i.starts_at.isoformat()} for i in items],
        "broker": service.mqtt_url,
        "devices": devices,
        "timings_s": timings.values,
    }
    (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return DemoResult(report, out, bool(devices) and all(d["played"] for d in devices))


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    if args.devices < 1 or args.devices > 5000:
        raise ValueError("--devices must be between 1 and 5000")
    result = run_demo(Path(args.out), args.devices, args.lead, args.mqtt or settings.mqtt_url or None)
    report = result.report
    played = sum(1 for d in report["devices"] if d["played"])
    print(f"Văn bản: {report['document'].get('number', '?')} — {report['document'].get('title', '')}")
    print(
        f"Bản tin: {report['bulletin']['duration_s']} s, {report['bulletin']['bytes']} byte, "
        f"{report['bulletin']['loudness_lufs']} LUFS, sha256 {report['bulletin']['sha256'][:16]}…"
    )
    print("Thời gian từng bước (giây):")
    for stage, seconds in report["timings_s"].items():
        print(f"  {stage:<16} {seconds:8.3f}")
    print(f"Loa đã phát: {played}/{len(report['devices'])} (broker {report['broker']})")
    print(f"Kết quả: {result.out}/report.json, bulletin.mp3, script.txt, playlist.m3u")
    return 0 if result.all_played else 1

"""Document → bulletin as a product action, from the library, the service job and the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from broadcaster.app import bulletin_audio, bulletins, programmes, relays
from broadcaster.app.approval import approved_media
from broadcaster.app.documents import ingest
from broadcaster.app.workflow import Actor, PermissionDenied, Role, WorkflowError, current_scripts
from broadcaster.cli import main
from broadcaster.config import Settings
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import Approval, AuditEvent, Bulletin, Document, MediaAsset
from scripts.draft import draft
from scripts.ingest import LocalFetcher
from scripts.legal import parse
from tests.conftest import CORPUS

EDITOR = Actor("bientap", Role.EDITOR)


@pytest.fixture
def world(tmp_path: Path) -> tuple[Settings, Store, list[int]]:
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings.database_url)
    with store.session() as s:
        result = ingest(
            s,
            [str(CORPUS / "dev" / "nd-162-2026-nd-cp.txt"), str(CORPUS / "dev" / "qd-96-2025-qd-ubnd-quangninh.txt")],
            LocalFetcher(),
        )
        ids = [row.id for row in result.stored]
    assert len(ids) == 2
    return settings, store, ids


def test_document_becomes_a_rendered_draft_bulletin_with_the_drafted_script(world: tuple[Settings, Store, list[int]]) -> None:
    settings, store, ids = world
    bulletin_id = programmes.bulletin_from_document(store, settings, EDITOR, ids[0])
    text = (CORPUS / "dev" / "nd-162-2026-nd-cp.txt").read_text(encoding="utf-8")
    expected = draft(parse(text), settings.dialect)
    with store.session() as s:
        bulletin = s.get(Bulletin, bulletin_id)
        assert bulletin is not None and bulletin.state == "draft" and bulletin.document_id == ids[0]
        assert bulletin.title == parse(text).full_title
        script = current_scripts(s, bulletin_id)["vi"]
        assert [x["text"] for x in script.sentences] == [x.text for x in expected.sentences]
        assert script.author == "bientap"
        media = s.scalars(select(MediaAsset).where(MediaAsset.bulletin_id == bulletin_id)).all()
        assert len(media) == 1 and media[0].script_sha256 == script.sha256 and media[0].duration_ms > 30_000
        assert (settings.media_dir / f"{media[0].sha256}.mp3").stat().st_size == media[0].bytes
        actions = [e.action for e in s.scalars(select(AuditEvent).where(AuditEvent.actor == "bientap"))]
    assert "bulletin.created" in actions and "document.drafted" in actions


def test_no_accidental_duplicate_but_an_explicit_second_one(world: tuple[Settings, Store, list[int]]) -> None:
    settings, store, ids = world
    first = programmes.bulletin_from_document(store, settings, EDITOR, ids[1], render=False)
    with pytest.raises(programmes.AlreadyDrafted) as caught:
        programmes.bulletin_from_document(store, settings, EDITOR, ids[1], render=False)
    assert caught.value.bulletin_ids == [first] and f"#{first}" in str(caught.value)
    second = programmes.bulletin_from_document(store, settings, EDITOR, ids[1], again=True, render=False)
    assert second != first
    assert [b["id"] for b in programmes.document_bulletins(store)[ids[1]]] == [second, first]


def test_who_may_draft_and_what_does_not_exist(world: tuple[Settings, Store, list[int]]) -> None:
    settings, store, ids = world
    with pytest.raises(PermissionDenied):
        programmes.bulletin_from_document(store, settings, Actor("duyet", Role.APPROVER), ids[0])
    with pytest.raises(LookupError):
        programmes.bulletin_from_document(store, settings, EDITOR, 9999)
    with store.session() as s:
        assert s.scalars(select(Bulletin)).first() is None


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Công báo (thử)</title><link>https://congbao.chinhphu.vn/</link>
<description>thử</description>
<item><title>Chỉ thị 06</title><link>ct-06-ct-ubnd-quangtri.txt</link><guid>ct-06</guid></item>
</channel></rss>
"""


def test_auto_draft_sends_documents_from_feeds_to_review_once_and_never_approves(
    world: tuple[Settings, Store, list[int]], tmp_path: Path
) -> None:
    settings, store, ids = world  # both ingested by hand
    (tmp_path / "ct-06-ct-ubnd-quangtri.txt").write_bytes((CORPUS / "dev" / "ct-06-ct-ubnd-quangtri.txt").read_bytes())
    (tmp_path / "feed.xml").write_text(FEED, encoding="utf-8")
    with store.session() as s:
        fed = [row.id for row in ingest(s, [str(tmp_path / "feed.xml")], LocalFetcher()).stored]
        assert {d.id: d.feed for d in s.scalars(select(Document))} == {ids[0]: "", ids[1]: "", fed[0]: str(tmp_path / "feed.xml")}
    assert len(fed) == 1
    assert programmes.auto_draft_new(store, settings) == []  # off by default
    settings.auto_draft = True
    made = programmes.auto_draft_new(store, settings)
    assert len(made) == 1
    with store.session() as s:
        bulletin = s.get(Bulletin, made[0])
        assert bulletin is not None and bulletin.document_id == fed[0] and bulletin.state == "in_review"
        assert s.scalars(select(Approval)).first() is None
        assert s.scalars(select(MediaAsset).where(MediaAsset.bulletin_id == made[0])).first() is not None
        assert s.scalars(select(Bulletin).where(Bulletin.document_id.in_(ids))).first() is None, "left undrafted by hand"
    assert programmes.auto_draft_new(store, settings) == []  # tried once, and never the ones ingested by hand
    manual = programmes.bulletin_from_document(store, settings, EDITOR, ids[0], render=False)  # drafting by hand as before
    with store.session() as s:
        bulletin = s.get(Bulletin, manual)
        assert bulletin is not None and bulletin.document_id == ids[0] and bulletin.state == "draft"


def test_what_the_service_polls_counts_as_from_a_feed_even_a_configured_document_url(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings.database_url)
    source = str(CORPUS / "dev" / "nd-16-2025-nd-cp.txt")
    with store.session() as s:
        ingest(s, [source], LocalFetcher(), polled=True)
        assert [d.feed for d in s.scalars(select(Document))] == [source]


def test_service_runs_auto_draft_only_when_the_setting_is_on(tmp_path: Path) -> None:
    from broadcaster.service.core import Service

    on = Settings(data_dir=tmp_path / "a", auto_draft=True)
    off = Settings(data_dir=tmp_path / "b")
    assert "auto-draft" in [j.name for j in Service(on, open_store(on.database_url)).jobs()]
    assert "auto-draft" not in [j.name for j in Service(off, open_store(off.database_url)).jobs()]


def test_cli_bulletin_new_from_a_document(
    world: tuple[Settings, Store, list[int]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings, store, ids = world
    monkeypatch.setenv("BROADCASTER_DATA_DIR", str(settings.data_dir))
    assert main(["bulletin", "new", "--document", str(ids[0])]) == 0
    out = capsys.readouterr().out
    with store.session() as s:
        bulletin = s.scalars(select(Bulletin)).one()
    assert out.strip() == f"bản tin #{bulletin.id} (bản nháp)"
    assert main(["bulletin", "new", "--document", str(ids[0])]) == 2
    assert f"đã có bản tin #{bulletin.id}" in capsys.readouterr().err
    assert main(["bulletin", "new", "--document", "424242"]) == 2
    assert "Không có văn bản số 424242" in capsys.readouterr().err


# -- the programmes a commune airs ------------------------------------------------------------
APPROVER = Actor("pheduyet", Role.APPROVER)
OFFICIAL = Actor("canbo", Role.OFFICIAL, ("xa-a",))


def tone_wav(seconds: float = 3.0, amplitude: float = 0.05, rate: int = 16000) -> bytes:
    """A quiet 440 Hz tone as WAV: mastering must bring it up to the house loudness."""
    import io
    import wave

    import numpy as np

    t = np.arange(int(seconds * rate)) / rate
    samples = (amplitude * np.sin(2 * np.pi * 440 * t) * 32767).astype("<i2")
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
    return out.getvalue()


def webm_recording() -> bytes:
    """What a browser's MediaRecorder sends: Opus in WebM."""
    import subprocess

    from media.encode import ffmpeg_path

    done = subprocess.run(
        [ffmpeg_path(), "-loglevel", "error", "-f", "wav", "-i", "pipe:0", "-c:a", "libopus", "-f", "webm", "pipe:1"],
        input=tone_wav(2.5, 0.3),
        capture_output=True,
        check=True,
        timeout=60,
    )
    return done.stdout


def approve_book_and_deliver(store: Store, bulletin_id: int) -> dict[str, Any]:
    """submit → approve (another user) → book → the service's planned entry for the speaker."""
    from datetime import UTC, date, datetime, time, timedelta

    from broadcaster.app.approval import approve
    from broadcaster.app.planning import book, build_planner, device_programmes
    from broadcaster.app.workflow import submit
    from tests.helpers import zone_with_devices

    zone_with_devices(store, "thon-1", "xa-a", [time(7, 0)], ["loa-1"], minutes=60)
    tomorrow = date.today() + timedelta(days=1)
    with store.session() as s:
        bulletin = s.get(Bulletin, bulletin_id)
        assert bulletin is not None
        with pytest.raises(PermissionDenied):
            approve(s, bulletin, Actor(current_scripts(s, bulletin_id)["vi"].author, Role.APPROVER))
    with store.session() as s:
        bulletin = s.get(Bulletin, bulletin_id)
        assert bulletin is not None
        submit(s, bulletin, EDITOR)
        approve(s, bulletin, APPROVER)
        book(s, OFFICIAL, bulletin_id, ["thon-1"], tomorrow, slot="07:00")
    with store.session() as s:
        planner = build_planner(s, tomorrow, 1)
        programmes_ = device_programmes(s, planner.plan(), "http://media.test/", datetime.now(UTC))
    zone, entries = programmes_["loa-1"]
    assert zone == "thon-1" and len(entries) == 1
    return entries[0]


def bulletin_media(store: Store, bulletin_id: int) -> MediaAsset:
    with store.session() as s:
        return s.scalars(select(MediaAsset).where(MediaAsset.bulletin_id == bulletin_id)).one()


def test_typed_notice_is_spoken_approved_and_delivered(world: tuple[Settings, Store, list[int]]) -> None:
    settings, store, _ = world
    text = "Kính thưa bà con. Sáng mai 7 giờ, xã tổ chức tiêm phòng cho đàn gia súc tại nhà văn hóa thôn 1. Đề nghị bà con đến đúng giờ."
    bulletin_id = programmes.notice(store, settings, EDITOR, "Lịch tiêm phòng gia súc", text)
    with store.session() as s:
        bulletin = s.get(Bulletin, bulletin_id)
        assert bulletin is not None and bulletin.kind == "notice" and bulletin.title == "Lịch tiêm phòng gia súc"
        assert [x["text"] for x in current_scripts(s, bulletin_id)["vi"].sentences] == [
            "Kính thưa bà con.",
            "Sáng mai 7 giờ, xã tổ chức tiêm phòng cho đàn gia súc tại nhà văn hóa thôn 1.",
            "Đề nghị bà con đến đúng giờ.",
        ]
    media = bulletin_media(store, bulletin_id)
    assert media.duration_ms > 5000 and abs((media.loudness_lufs or 0) - settings.target_lufs) < 1.5
    from media.decode import decode
    from media.master import measure

    delivered = measure(decode((settings.media_dir / f"{media.sha256}.{media.extension}").read_bytes()))
    assert abs((media.loudness_lufs or 0) - delivered.integrated_lufs) < 0.05  # measured as delivered (issue 22 #14)
    entry = approve_book_and_deliver(store, bulletin_id)
    assert entry["media"]["sha256"] == media.sha256 and "stream" not in entry


def test_uploaded_audio_is_mastered_to_house_loudness_and_delivered(world: tuple[Settings, Store, list[int]]) -> None:
    from media.decode import decode
    from media.master import measure

    settings, store, _ = world
    quiet = tone_wav(3.0, 0.02)
    assert measure(decode(quiet)).integrated_lufs < -30
    bulletin_id = programmes.uploaded_audio(store, settings, EDITOR, "Bài hát tuyên truyền", quiet)
    media = bulletin_media(store, bulletin_id)
    stored = (settings.media_dir / f"{media.sha256}.mp3").read_bytes()
    assert __import__("hashlib").sha256(stored).hexdigest() == media.sha256
    assert abs(measure(decode(stored)).integrated_lufs - settings.target_lufs) < 1.5
    assert 2800 < media.duration_ms < 3300
    entry = approve_book_and_deliver(store, bulletin_id)
    assert entry["media"]["sha256"] == media.sha256 and entry["duration_ms"] == media.duration_ms
    again = programmes.uploaded_audio(store, settings, EDITOR, "Bài hát tuyên truyền", quiet)  # the same file, a new programme
    assert again != bulletin_id and bulletin_media(store, again).sha256 == media.sha256
    with store.session() as s:
        assert approved_media(s, bulletin_id) is not None, "the first programme keeps its approved audio"


def test_browser_recording_webm_becomes_a_bulletin(world: tuple[Settings, Store, list[int]]) -> None:
    settings, store, _ = world
    bulletin_id = programmes.uploaded_audio(store, settings, EDITOR, "", webm_recording(), kind="recording")
    with store.session() as s:
        bulletin = s.get(Bulletin, bulletin_id)
        assert bulletin is not None and bulletin.kind == "recording" and bulletin.title == "Bản ghi âm"
    media = bulletin_media(store, bulletin_id)
    entry = approve_book_and_deliver(store, bulletin_id)
    assert entry["media"]["sha256"] == media.sha256


def test_relay_entry_carries_the_approved_stream_and_window(world: tuple[Settings, Store, list[int]]) -> None:
    from broadcaster.app.approval import assert_playable, bundle_sha

    settings, store, _ = world
    url = "https://radio.example.vn/vov1/live.mp3"
    bulletin_id = relays.relay(store, settings, EDITOR, "Tiếp sóng VOV1", url, 30)
    with store.session() as s:
        assert s.scalars(select(MediaAsset)).first() is None  # a relay has no audio
        before = bundle_sha(s, bulletin_id)
    entry = approve_book_and_deliver(store, bulletin_id)
    assert entry["stream"] == {"url": url, "duration_ms": 30 * 60_000}
    assert entry["duration_ms"] == 30 * 60_000 and "media" not in entry
    # the approval binds the URL and the window: a changed stream is never delivered until approved
    from broadcaster.app.planning import stream_of

    with store.session() as s:
        bulletin = s.get(Bulletin, bulletin_id)
        assert bulletin is not None
        bulletin.stream_url = "https://evil.example/other.mp3"
        s.flush()
        assert bundle_sha(s, bulletin_id) != before
        assert_playable(s, bulletin)
        assert stream_of(bulletin, s) == {"url": url, "duration_ms": 30 * 60_000}
        s.rollback()
    with pytest.raises(WorkflowError):
        bulletin_audio.render_audio(store, settings, EDITOR, bulletin_id)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda st, se: programmes.notice(st, se, EDITOR, "Tiêu đề", "   "), "Thông báo trống"),
        (lambda st, se: programmes.notice(st, se, EDITOR, "Họp", "Họp lúc 7 giờ @ nhà văn hóa."), "chưa đọc được"),
        (lambda st, se: programmes.uploaded_audio(st, se, EDITOR, "x", b"%PDF-1.4 " + b"x" * 4000), "không dùng được"),
        (lambda st, se: programmes.uploaded_audio(st, se, EDITOR, "x", b""), "không dùng được"),
        (lambda st, se: relays.relay(st, se, EDITOR, "x", "file:///etc/passwd", 10), "http:// hoặc https://"),
        (lambda st, se: relays.relay(st, se, EDITOR, "x", "rtsp://radio.example/live", 10), "http:// hoặc https://"),
        (lambda st, se: relays.relay(st, se, EDITOR, "x", "https://", 10), "http:// hoặc https://"),
        (lambda st, se: relays.relay(st, se, EDITOR, "x", "https://radio.example/live", -5), "lớn hơn 0"),
        (lambda st, se: relays.relay(st, se, EDITOR, "x", "https://radio.example/live", 0), "lớn hơn 0"),
        (lambda st, se: relays.relay(st, se, EDITOR, "x", "https://radio.example/live", float("nan")), "lớn hơn 0"),
        (lambda st, se: relays.relay(st, se, EDITOR, "x", "https://radio.example/live", 100_000), "tối đa"),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_nothing_is_stored(
    world: tuple[Settings, Store, list[int]], make: Any, message: str
) -> None:
    from broadcaster.app.messages import is_vietnamese

    settings, store, _ = world
    with pytest.raises(programmes.ProgrammeError) as caught:
        make(store, settings)
    assert message in str(caught.value) and is_vietnamese(str(caught.value))
    with store.session() as s:
        assert s.scalars(select(Bulletin)).first() is None
        assert s.scalars(select(MediaAsset)).first() is None
    assert not list(settings.media_dir.glob("*")) if settings.media_dir.exists() else True


def test_cli_creates_each_kind(
    world: tuple[Settings, Store, list[int]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    settings, store, _ = world
    monkeypatch.setenv("BROADCASTER_DATA_DIR", str(settings.data_dir))
    audio = tmp_path / "nhac.wav"
    audio.write_bytes(tone_wav())
    assert main(["bulletin", "new", "--notice", "Chiều nay mất điện từ 14 giờ.", "--title", "Lịch cắt điện"]) == 0
    assert main(["bulletin", "new", "--audio", str(audio)]) == 0
    assert main(["bulletin", "new", "--relay", "http://radio.example/live", "--minutes", "15"]) == 0
    lines = capsys.readouterr().out.split("\n")
    assert [line.split(" (")[1] for line in lines if line] == ["bản nháp)"] * 3
    with store.session() as s:
        kinds = {b.kind: b for b in s.scalars(select(Bulletin))}
    assert set(kinds) == {"notice", "audio", "relay"} and kinds["audio"].title == "nhac"
    assert kinds["relay"].stream_duration_ms == 15 * 60_000
    assert main(["bulletin", "new", "--relay", "file:///etc/passwd", "--minutes", "5"]) == 2
    assert main(["bulletin", "new", "--relay", "http://radio.example/live"]) == 2
    assert main(["bulletin", "new", "--notice", ""]) == 2
    err = capsys.readouterr().err
    assert "http:// hoặc https://" in err and "--minutes" in err and "Thông báo trống" in err
    with store.session() as s:
        assert len(s.scalars(select(Bulletin)).all()) == 3


@pytest.mark.slow
def test_relay_reaches_speakers_through_the_service_and_is_proven(tmp_path: Path, mosquitto_url: str) -> None:
    """Approved relay → booked slot and an emergency → the service pushes over Mosquitto → the
    simulated speakers play the stream window and report the URL's hash."""
    import hashlib
    import time as clock
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from broadcaster.app.approval import approve
    from broadcaster.app.planning import book
    from broadcaster.app.workflow import submit
    from broadcaster.service.core import Service
    from broadcaster.store.models import PlayReport
    from devices.background import free_port
    from devices.protocol import Topics
    from devices.sim.simulator import Fleet, SimulatedDevice
    from tests.conftest import wait_for
    from tests.helpers import ADMIN, zone_with_devices

    prefix = f"loa/test-relay-{int(clock.time() * 1000)}"
    settings = Settings(data_dir=tmp_path / "data", topic_prefix=prefix, server_client_id=f"srv-{prefix}", media_port=free_port())
    store = open_store(settings.database_url)
    url = "http://radio.example.vn/vov1/live"
    bulletin_id = relays.relay(store, settings, EDITOR, "Tiếp sóng VOV1", url, 0.05)  # a three-second window
    with store.session() as s:
        bulletin = s.get(Bulletin, bulletin_id)
        assert bulletin is not None
        submit(s, bulletin, EDITOR)
        approve(s, bulletin, APPROVER)
    tz = ZoneInfo("Asia/Ho_Chi_Minh")
    slot = (datetime.now(tz) + timedelta(seconds=5)).replace(microsecond=0)
    zone_with_devices(store, "thon-1", "xa-a", [slot.time()], ["loa-a", "loa-b"], minutes=0.5)
    with store.session() as s:
        book(s, OFFICIAL, bulletin_id, ["thon-1"], slot.date(), slot=slot.time().isoformat())

    def reports() -> list[PlayReport]:
        with store.session() as s:
            return list(s.scalars(select(PlayReport)))

    service = Service(settings, store, mosquitto_url).start()
    fleet = Fleet(
        [SimulatedDevice(d, "thon-1") for d in ("loa-a", "loa-b")],
        mosquitto_url,
        {service.signer.key_id: service.signer.public_b64()},
        tmp_path / "fleet",
        Topics(settings.topic_prefix),
    ).start()
    try:
        assert service.replan_and_push() == 2
        assert wait_for(lambda: len(reports()) == 2, 30), reports()
        service.commands.fire_emergency(ADMIN, bulletin_id, ["thon-1"])
        assert wait_for(lambda: len(reports()) == 4, 30), reports()
        clock.sleep(0.5)
    finally:
        fleet.stop()
        service.stop()
    rows = reports()
    assert {r.sha256 for r in rows} == {hashlib.sha256(url.encode()).hexdigest()}
    assert {r.bulletin_id for r in rows} == {str(bulletin_id)}
    assert all(2.0 < (r.ended - r.started).total_seconds() <= 3.1 for r in rows)  # the window, not an audio length


def test_a_document_bulletin_is_approved_by_a_second_person_who_read_its_warnings(
    world: tuple[Settings, Store, list[int]],
) -> None:
    """What `broadcaster demo` does after drafting: the editor submits, the approver acknowledges and signs."""
    settings, store, ids = world
    approver = Actor("pheduyet", Role.APPROVER)
    bulletin_id = programmes.bulletin_from_document(store, settings, EDITOR, ids[0])
    with store.session() as s:  # as the drafter says of a doubtful scan (tests/web/test_approval_warnings.py)
        bulletins.get_bulletin(s, bulletin_id).draft_warnings = [{"code": "not_recommended", "message": "?"}]
    programmes.submit_and_approve(store, bulletin_id, EDITOR, approver)
    with store.session() as s:
        assert bulletins.get_bulletin(s, bulletin_id).state == "approved"
        assert approved_media(s, bulletin_id) is not None
        events = list(s.scalars(select(AuditEvent).where(AuditEvent.subject == f"bulletin:{bulletin_id}")))
    steps = [(e.action, e.actor) for e in events]
    [approval] = [e for e in events if e.action == "bulletin.approved"]
    assert ("bulletin.in_review", "bientap") in steps and ("bulletin.approved", "pheduyet") in steps
    assert [w["code"] for w in approval.detail["acknowledged_warnings"]] == ["not_recommended"]


def test_an_approved_notice_is_rendered_by_the_voice_and_ready_to_book(world: tuple[Settings, Store, list[int]]) -> None:
    settings, store, _ = world
    bulletin_id = programmes.approved_notice(
        store, settings, EDITOR, Actor("pheduyet", Role.APPROVER), "Lịch tiêm phòng", "Xã thông báo lịch tiêm phòng."
    )
    with store.session() as s:
        bulletin = bulletins.get_bulletin(s, bulletin_id)
        assert (bulletin.kind, bulletin.state, bulletin.title) == ("notice", "approved", "Lịch tiêm phòng")
        media = approved_media(s, bulletin_id)
        assert media is not None and media.loudness_lufs is not None and media.duration_ms > 1000
        assert (settings.media_dir / f"{media.sha256}.mp3").stat().st_size == media.bytes
    with pytest.raises(PermissionDenied):  # four eyes: whoever wrote it cannot also sign it
        programmes.approved_notice(store, settings, EDITOR, Actor("bientap", Role.ADMIN), "Tự duyệt", "Câu thử.")

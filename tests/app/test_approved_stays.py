"""Issue 23 points 2 and 5: an approved bulletin stays on air while its next version is reviewed,
and each zone gets the languages it speaks.

Through the real renderer (espeak-ng), the planner and the functions that build the devices'
programmes, the Today page's view and the calendar week.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from broadcaster.app import bulletin_audio, bulletins, operations
from broadcaster.app.approval import approve, current_bundle
from broadcaster.app.planning import book, build_planner, device_programmes
from broadcaster.app.workflow import Actor, Role
from broadcaster.config import Settings
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import Approval, Bulletin, ZoneRow
from broadcaster.web.today import today_view
from tests.app.test_programmes import tone_wav
from tests.helpers import ADMIN, APPROVER, EDITOR, approved_bulletin, zone_with_devices

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
TRANSLATOR = Actor("dich", Role.TRANSLATOR, languages=("hnj", "rad"))


@pytest.fixture
def world(tmp_path: Path) -> tuple[Settings, Store]:
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings.database_url)
    zone_with_devices(store, "thon-viet", "xa-a", [time(23, 50)], ["loa-v"], minutes=15)
    zone_with_devices(store, "ban-mong", "xa-a", [time(23, 50)], ["loa-m"], minutes=15)
    with store.session() as s:
        zone = s.get(ZoneRow, "ban-mong")
        assert zone is not None
        zone.languages = ["vi", "hnj"]
    return settings, store


def today() -> datetime:
    return datetime.now(UTC)


def delivered(store: Store) -> dict[str, set[str]]:
    """Per device, the media sha256 its programme names for the commune's today."""
    day = today().astimezone(TZ).date()
    with store.session() as s:
        plan = build_planner(s, day, 2).plan()
        programmes = device_programmes(s, plan, "http://media.test/", today())
    return {device: {e["media"]["sha256"] for e in entries} for device, (_zone, entries) in programmes.items()}


def booked(store: Store, settings: Settings) -> int:
    bid = approved_bulletin(store, settings, "Lịch tiêm chủng", "Xã tiêm chủng cho trẻ em vào sáng thứ bảy.")
    with store.session() as s:
        book(s, ADMIN, bid, ["thon-viet", "ban-mong"], today().astimezone(TZ).date(), "FREQ=DAILY", slot="23:50")
    return bid


def state(store: Store, bid: int) -> str:
    with store.session() as s:
        bulletin = s.get(Bulletin, bid)
        assert bulletin is not None
        return bulletin.state


def test_editing_an_approved_booked_bulletin_keeps_its_plays_until_the_new_version_is_approved(
    world: tuple[Settings, Store],
) -> None:
    settings, store = world
    bid = booked(store, settings)
    before = delivered(store)
    old = before["loa-v"]
    assert len(old) == 1 and state(store, bid) == "scheduled"

    bulletins.save_script(store, EDITOR, bid, ["Xã tiêm chủng cho trẻ em vào sáng chủ nhật."])
    assert state(store, bid) == "in_review"
    assert "phiên bản đã duyệt vẫn phát theo lịch" in bulletins.on_air_notice(store, bid)  # the editor is told
    new = bulletin_audio.render_audio(store, settings, EDITOR, bid).sha256
    assert {new} != old
    assert delivered(store) == before  # device programmes: the approved audio, both zones
    # the calendar and the Today page still show the booked plays
    week = operations.week(store, "thon-viet", today().astimezone(TZ).date())
    assert any(item.bulletin_id == str(bid) for day in week["days"] for item, _at in day["plays"])
    view = today_view(store, ADMIN, "Asia/Ho_Chi_Minh", now=today())
    assert any(p["item"].bulletin_id == str(bid) for p in view["planned"])

    with store.session() as s:
        approve(s, s.get(Bulletin, bid), APPROVER, seen=current_bundle(s, bid).sha256)
    assert state(store, bid) == "scheduled"
    assert delivered(store)["loa-v"] == {new}  # the new version took over the booking
    assert bulletins.on_air_notice(store, bid) == ""


def test_a_returned_new_version_leaves_the_approved_one_on_air_and_a_withdrawal_stops_it(
    world: tuple[Settings, Store],
) -> None:
    from broadcaster.app.workflow import reject, submit, withdraw

    settings, store = world
    bid = booked(store, settings)
    before = delivered(store)
    bulletins.save_script(store, EDITOR, bid, ["Câu mới chưa duyệt."])
    bulletin_audio.render_audio(store, settings, EDITOR, bid)
    with store.session() as s:
        bulletin = s.get(Bulletin, bid)
        reject(s, bulletin, APPROVER, "Sai ngày tiêm")
    assert delivered(store) == before
    bulletins.save_script(store, EDITOR, bid, ["Câu mới lần hai."])
    with store.session() as s:
        submit(s, s.get(Bulletin, bid), EDITOR)
    assert delivered(store) == before
    with store.session() as s:
        withdraw(s, s.get(Bulletin, bid), EDITOR, "Không còn đúng")
    assert delivered(store) == {"loa-v": set(), "loa-m": set()}


def test_each_zone_gets_its_own_languages_and_the_approval_binds_every_track(world: tuple[Settings, Store]) -> None:
    settings, store = world
    bid = booked(store, settings)
    vi_only = delivered(store)["loa-v"]
    assert delivered(store)["loa-m"] == vi_only  # no H'Mông yet: Vietnamese for everyone

    line = "Xã tiêm chủng cho trẻ em vào sáng thứ bảy."
    bulletins.save_translation(store, TRANSLATOR, bid, "hnj", [(line, "Lub zos txhaj tshuaj rau menyuam.")], settings)
    assert state(store, bid) == "in_review"  # a language a booked zone speaks: a new version to review
    bulletin_audio.upload_recording(store, settings, TRANSLATOR, bid, "hnj", tone_wav(3.0))  # rendered on upload
    with store.session() as s:
        bundle = current_bundle(s, bid)
        assert set(bundle.mixes) == {"vi", "vi+hnj"}  # what the approver hears, per zone
        mixed = bundle.mixes["vi+hnj"]
        assert mixed.duration_ms > bundle.mixes["vi"].duration_ms + 2500
        approve(s, s.get(Bulletin, bid), APPROVER, seen=bundle.sha256)
    with store.session() as s:
        approval = s.scalars(select(Approval).where(Approval.bulletin_id == bid).order_by(Approval.id.desc())).first()
        assert approval is not None and approval.media is not None and approval.scripts is not None
        assert set(approval.media) == {"vi", "vi+hnj"} and set(approval.scripts) == {"vi", "hnj"}
    now = delivered(store)
    assert now["loa-v"] == vi_only  # the Vietnamese-only thôn never gets the H'Mông track
    assert now["loa-m"] == {approval.media["vi+hnj"]}


def test_a_translation_nobody_booked_speaks_neither_returns_to_review_nor_drops_plays(world: tuple[Settings, Store]) -> None:
    """Issue 22 point 5 and 23 point 5: Ê Đê is spoken in a zone of another commune, not where it is booked."""
    settings, store = world
    zone_with_devices(store, "buon-ede", "xa-b", [time(7, 0)], ["loa-e"])
    with store.session() as s:
        zone = s.get(ZoneRow, "buon-ede")
        assert zone is not None
        zone.languages = ["vi", "rad"]
    bid = booked(store, settings)
    before = delivered(store)
    line = "Xã tiêm chủng cho trẻ em vào sáng thứ bảy."
    bulletins.save_translation(store, TRANSLATOR, bid, "rad", [(line, "Klei mblang.")], settings)
    assert state(store, bid) == "scheduled"
    bulletin_audio.upload_recording(store, settings, TRANSLATOR, bid, "rad", tone_wav(2.0))
    assert state(store, bid) == "scheduled"
    after = delivered(store)
    assert after["loa-v"] == before["loa-v"] and after["loa-m"] == before["loa-m"]
    assert after["loa-v"]  # still booked and delivered


def test_an_emergency_gives_each_zone_its_own_languages(tmp_path: Path, mosquitto_url: str) -> None:
    import time as clock

    from broadcaster.service.core import Service
    from broadcaster.store.models import CommandRow
    from devices.background import free_port

    prefix = f"loa/zones-{clock.time_ns()}"
    settings = Settings(data_dir=tmp_path / "data", media_port=free_port(), topic_prefix=prefix, server_client_id=f"srv-{prefix}")
    store = open_store(settings.database_url)
    zone_with_devices(store, "thon-viet", "xa-a", [time(7, 0)], ["loa-v"])
    zone_with_devices(store, "ban-mong", "xa-a", [time(7, 0)], ["loa-m"])
    with store.session() as s:
        s.get(ZoneRow, "ban-mong").languages = ["vi", "hnj"]  # type: ignore[union-attr]
    bid = approved_bulletin(store, settings, "Cảnh báo lũ", "Nước sông đang lên, bà con di chuyển lên cao.")
    line = "Nước sông đang lên, bà con di chuyển lên cao."
    bulletins.save_translation(store, TRANSLATOR, bid, "hnj", [(line, "Dej nce, nej khiav mus siab.")], settings)
    bulletin_audio.upload_recording(store, settings, TRANSLATOR, bid, "hnj", tone_wav(2.0))
    with store.session() as s:
        bundle = current_bundle(s, bid)
        approve(s, s.get(Bulletin, bid), APPROVER, seen=bundle.sha256)
        mixes = {key: m.sha256 for key, m in bundle.mixes.items()}
    with Service(settings, store, mosquitto_url) as service:
        service.commands.fire_emergency(ADMIN, bid, ["thon-viet", "ban-mong"])
    with store.session() as s:
        import json

        bodies = {c.target: json.loads(c.body["payload"])["body"] for c in s.scalars(select(CommandRow))}
    sent = {target: body["item"]["media"]["sha256"] for target, body in bodies.items()}
    assert sent == {"zone/thon-viet": mixes["vi"], "zone/ban-mong": mixes["vi+hnj"]}, (sent, mixes)


def returns_to_review(store: Store, bid: int) -> list[dict[str, object]]:
    """The audit details of every time the bulletin went back to review."""
    from broadcaster.store.models import AuditEvent

    with store.session() as s:
        events = s.scalars(
            select(AuditEvent).where(AuditEvent.subject == f"bulletin:{bid}", AuditEvent.action == "bulletin.in_review")
        )
        return [dict(e.detail or {}) for e in events]


def approved_with_hmong(store: Store, settings: Settings) -> int:
    """Booked in both zones, its H'Mông translation recorded and approved with it."""
    bid = booked(store, settings)
    line = "Xã tiêm chủng cho trẻ em vào sáng thứ bảy."
    bulletins.save_translation(store, TRANSLATOR, bid, "hnj", [(line, "Lub zos txhaj tshuaj rau menyuam.")], settings)
    bulletin_audio.upload_recording(store, settings, TRANSLATOR, bid, "hnj", tone_wav(3.0))
    with store.session() as s:
        approve(s, s.get(Bulletin, bid), APPROVER, seen=current_bundle(s, bid).sha256)
    assert state(store, bid) == "scheduled"
    return bid


def test_new_audio_goes_back_to_review_by_one_rule_whether_re_rendered_or_recorded(world: tuple[Settings, Store]) -> None:
    """A re-rendering and a new recording of an approved bulletin's script take the same rule
    (approval.review_new_audio): back to review, audited as new audio naming the new file; the
    approved version plays on meanwhile."""
    settings, store = world
    rendered = approved_with_hmong(store, settings)
    recorded = approved_with_hmong(store, settings)
    before = delivered(store)
    seen = [len(returns_to_review(store, bid)) for bid in (rendered, recorded)]

    louder = Settings(data_dir=settings.data_dir, target_lufs=settings.target_lufs + 4)
    new_render = bulletin_audio.render_audio(store, louder, EDITOR, rendered).sha256
    new_recording = bulletin_audio.upload_recording(store, settings, TRANSLATOR, recorded, "hnj", tone_wav(2.0)).sha256

    for bid, new, already in ((rendered, new_render, seen[0]), (recorded, new_recording, seen[1])):
        assert state(store, bid) == "in_review"
        assert returns_to_review(store, bid)[already:] == [{"reason": "new audio", "media": new}]
    assert delivered(store) == before


def test_audio_no_booked_zone_hears_anew_leaves_the_approval_alone_on_both_paths(world: tuple[Settings, Store]) -> None:
    """The same bytes re-rendered, and a recording in a language only an unbooked zone speaks."""
    settings, store = world
    zone_with_devices(store, "buon-ede", "xa-b", [time(7, 0)], ["loa-e"])
    with store.session() as s:
        zone = s.get(ZoneRow, "buon-ede")
        assert zone is not None
        zone.languages = ["vi", "rad"]
    bid = approved_with_hmong(store, settings)
    line = "Xã tiêm chủng cho trẻ em vào sáng thứ bảy."
    bulletins.save_translation(store, TRANSLATOR, bid, "rad", [(line, "Klei mblang.")], settings)
    seen = len(returns_to_review(store, bid))
    bulletin_audio.upload_recording(store, settings, TRANSLATOR, bid, "rad", tone_wav(2.0))
    bulletin_audio.render_audio(store, settings, EDITOR, bid)
    assert state(store, bid) == "scheduled"
    assert len(returns_to_review(store, bid)) == seen

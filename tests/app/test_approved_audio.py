"""The four-eyes bypass of issue 13: edit to unapproved text, render, edit back, submit, approve.

The speaker must get the audio the approver signed, never the rendering of the text nobody
approved. Checked through the real renderer (espeak-ng) and the functions that build the
devices' programmes (planner + device_programmes), i.e. what the dispatcher publishes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from broadcaster.app import bulletin_audio, bulletins
from broadcaster.app.approval import approve, approved_media, current_bundle, scripts_sha
from broadcaster.app.planning import book, build_planner, device_programmes
from broadcaster.app.workflow import Actor, Role, WorkflowError, create_bulletin, current_scripts, edit_script, submit
from broadcaster.config import Settings
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import Bulletin, MediaAsset
from tests.helpers import zone_with_devices

EDITOR = Actor("bientap", Role.EDITOR)
APPROVER = Actor("pheduyet", Role.APPROVER)
OFFICIAL = Actor("canbo", Role.OFFICIAL, ("xa-a",))
HARMLESS = "Kính thưa bà con, xã tổ chức tiêm phòng vào sáng thứ bảy."
UNAPPROVED = "Kính thưa bà con, mọi người không cần tiêm phòng nữa."
DAY = date(2026, 12, 7)


@pytest.fixture
def world(tmp_path: Path) -> tuple[Settings, Store]:
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings.database_url)
    zone_with_devices(store, "thon-a", "xa-a", [time(7, 0)], ["loa-a1", "loa-a2"])
    return settings, store


def delivered(store: Store) -> set[str]:
    """The media sha256 every device's programme names for that day."""
    with store.session() as s:
        plan = build_planner(s, DAY, 1).plan()
        programmes = device_programmes(s, plan, "http://media.test/", datetime(2026, 12, 6, 20, 0, tzinfo=UTC))
    return {entry["media"]["sha256"] for _zone, entries in programmes.values() for entry in entries}


def attack(store: Store, settings: Settings, render_harmless_first: bool) -> tuple[int, str]:
    """Returns the bulletin and the sha256 of the unapproved rendering."""
    with store.session() as s:
        bid = create_bulletin(s, EDITOR, "Tiêm phòng", None, "vi", HARMLESS, [{"text": HARMLESS, "source": None}]).id
    if render_harmless_first:
        bulletin_audio.render_audio(store, settings, EDITOR, bid)
    bulletins.save_script(store, EDITOR, bid, [UNAPPROVED])
    bad = bulletin_audio.render_audio(store, settings, EDITOR, bid).sha256
    bulletins.save_script(store, EDITOR, bid, [HARMLESS])
    with store.session() as s:
        submit(s, s.get(Bulletin, bid), EDITOR)
    return bid, bad


def test_the_unapproved_rendering_cannot_be_approved(world: tuple[Settings, Store]) -> None:
    settings, store = world
    bid, bad = attack(store, settings, render_harmless_first=False)
    with store.session() as s:
        with pytest.raises(WorkflowError, match="render it first"):
            approve(s, s.get(Bulletin, bid), APPROVER, seen=current_bundle(s, bid).sha256)
    good = bulletin_audio.render_audio(store, settings, EDITOR, bid).sha256
    assert good != bad
    with store.session() as s:
        bundle = current_bundle(s, bid)
        assert bundle.media is not None and bundle.media.sha256 == good  # what the approver hears
        approve(s, s.get(Bulletin, bid), APPROVER, seen=bundle.sha256)
    with store.session() as s:
        book(s, OFFICIAL, bid, ["thon-a"], DAY, slot="07:00")
    assert delivered(store) == {good}


def test_the_speaker_plays_the_approved_audio_not_the_latest(world: tuple[Settings, Store]) -> None:
    settings, store = world
    bid, bad = attack(store, settings, render_harmless_first=True)
    with store.session() as s:
        bundle = current_bundle(s, bid)
        assert bundle.media is not None and bundle.media.sha256 != bad
        approve(s, s.get(Bulletin, bid), APPROVER, seen=bundle.sha256)
        good = bundle.media.sha256
        newest = max(s.query(MediaAsset).filter(MediaAsset.bulletin_id == bid), key=lambda m: m.created_at)
        assert newest.sha256 == bad  # "latest media" would have delivered the unapproved audio
    with store.session() as s:
        book(s, OFFICIAL, bid, ["thon-a"], DAY, slot="07:00")
        assert approved_media(s, bid).sha256 == good  # type: ignore[union-attr]
    assert delivered(store) == {good}


def test_a_rerendering_that_changes_the_audio_is_a_new_version_in_review(world: tuple[Settings, Store]) -> None:
    settings, store = world
    bid, _bad = attack(store, settings, render_harmless_first=True)
    with store.session() as s:
        approve(s, s.get(Bulletin, bid), APPROVER, seen=current_bundle(s, bid).sha256)
        approved = approved_media(s, bid).sha256  # type: ignore[union-attr]
    with store.session() as s:
        book(s, OFFICIAL, bid, ["thon-a"], DAY, slot="07:00")
    assert delivered(store) == {approved}
    assert bulletin_audio.render_audio(store, settings, EDITOR, bid).sha256 == approved  # same bytes: still approved
    with store.session() as s:
        assert s.get(Bulletin, bid).state in ("approved", "scheduled")  # type: ignore[union-attr]
    louder = Settings(data_dir=settings.data_dir, target_lufs=settings.target_lufs + 4)
    new = bulletin_audio.render_audio(store, louder, EDITOR, bid).sha256
    assert new != approved
    with store.session() as s:
        assert s.get(Bulletin, bid).state == "in_review"  # type: ignore[union-attr]
        assert approved_media(s, bid).sha256 == approved  # type: ignore[union-attr]
    assert delivered(store) == {approved}  # the approved version plays on until the new one is approved
    with store.session() as s:
        approve(s, s.get(Bulletin, bid), APPROVER, seen=current_bundle(s, bid).sha256)
    with store.session() as s:
        assert s.get(Bulletin, bid).state == "scheduled"  # type: ignore[union-attr]
    assert delivered(store) == {new}  # …which then takes over the booking


def test_a_translation_edited_and_edited_back_does_not_carry_its_audio(world: tuple[Settings, Store]) -> None:
    """The rendering records every language's script, not only the Vietnamese one."""
    _settings, store = world
    sentences = [{"text": HARMLESS, "source": None}]
    with store.session() as s:
        b = create_bulletin(s, EDITOR, "Tiêm phòng", None, "vi", HARMLESS, sentences)
        translator = Actor("dich", Role.TRANSLATOR, languages=("rad",))
        good_rad = [{"text": "Klei mblang.", "source": {"vi": HARMLESS}}]
        edit_script(s, b, translator, "rad", "Klei mblang.", good_rad)
        edit_script(s, b, translator, "rad", "Klei jhat.", [{"text": "Klei jhat.", "source": {"vi": HARMLESS}}])
        scripts = current_scripts(s, b.id)
        s.add(
            MediaAsset(
                sha256="b" * 64,
                bulletin_id=b.id,
                language="vi",
                script_sha256=scripts["vi"].sha256,  # the Vietnamese script is the approved one…
                scripts_sha256=scripts_sha(scripts),  # …but the rad track is not
                codec="mp3",
                extension="mp3",
                bytes=1,
                duration_ms=1,
            )
        )
        edit_script(s, b, translator, "rad", "Klei mblang.", good_rad)
        submit(s, b, EDITOR)
        with pytest.raises(WorkflowError, match="render it first"):
            approve(s, b, APPROVER)


def test_the_same_audio_in_a_second_bulletin_neither_unbinds_the_first_nor_blocks_the_second(
    world: tuple[Settings, Store],
) -> None:
    """A commune repeats last week's notice word for word: the renderer makes the very same bytes."""
    settings, store = world

    def new_bulletin() -> int:
        with store.session() as s:
            return create_bulletin(s, EDITOR, "Tiêm phòng", None, "vi", HARMLESS, [{"text": HARMLESS, "source": None}]).id

    def approve_rendered(bid: int) -> str:
        sha = bulletin_audio.render_audio(store, settings, EDITOR, bid).sha256
        with store.session() as s:
            submit(s, s.get(Bulletin, bid), EDITOR)
            approve(s, s.get(Bulletin, bid), APPROVER, seen=current_bundle(s, bid).sha256)
        return sha

    first = new_bulletin()
    sha = approve_rendered(first)
    with store.session() as s:
        book(s, OFFICIAL, first, ["thon-a"], DAY, slot="07:00")
    second = new_bulletin()
    assert approve_rendered(second) == sha  # identical bytes, stored once in the media store
    with store.session() as s:
        assert s.get(Bulletin, first).state == "scheduled"  # type: ignore[union-attr]
        assert approved_media(s, first).sha256 == sha  # type: ignore[union-attr]
        assert approved_media(s, second).sha256 == sha  # type: ignore[union-attr]
        assert {m.bulletin_id for m in s.query(MediaAsset).filter(MediaAsset.sha256 == sha)} == {first, second}
    assert delivered(store) == {sha}

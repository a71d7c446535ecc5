from __future__ import annotations

import pytest
from sqlalchemy import select

from broadcaster.app.approval import approve, approved_media, assert_playable, current_bundle, scripts_sha
from broadcaster.app.workflow import (
    Actor,
    PermissionDenied,
    Role,
    State,
    WorkflowError,
    create_bulletin,
    current_scripts,
    edit_script,
    submit,
    withdraw,
)
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import AuditEvent, Bulletin, MediaAsset

EDITOR = Actor("bientap", Role.EDITOR, address="10.0.0.5")
EDITOR2 = Actor("bientap2", Role.EDITOR)
APPROVER = Actor("pheduyet", Role.APPROVER)
OFFICIAL = Actor("canbo", Role.OFFICIAL, ("xa-a",))
SENTENCES = [{"text": "Câu một.", "source": None}]


@pytest.fixture
def store(tmp_path) -> Store:  # type: ignore[no-untyped-def]
    return open_store(f"sqlite:///{tmp_path / 'wf.db'}")


def rendering(s, bulletin_id: int, fill: str) -> MediaAsset:  # type: ignore[no-untyped-def]
    """A rendering of the bulletin's current scripts, as pipeline.render records it."""
    scripts = current_scripts(s, bulletin_id)
    asset = MediaAsset(
        sha256=fill * 64,
        bulletin_id=bulletin_id,
        language="vi",
        script_sha256=scripts["vi"].sha256,
        scripts_sha256=scripts_sha(scripts),
        codec="mp3",
        extension="mp3",
        bytes=1,
        duration_ms=1,
    )
    s.add(asset)
    s.flush()
    return asset


def new_bulletin(store: Store) -> int:
    with store.session() as s:
        b = create_bulletin(s, EDITOR, "Bản tin", None, "vi", "Câu một.", SENTENCES)
        rendering(s, b.id, "a")
        submit(s, b, EDITOR)
        return b.id


def test_four_eyes(store: Store) -> None:
    bid = new_bulletin(store)
    with store.session() as s:
        b = s.get(Bulletin, bid)
        with pytest.raises(PermissionDenied):
            approve(s, b, Actor("bientap", Role.ADMIN))  # even an admin may not approve their own edit
        with pytest.raises(PermissionDenied):
            approve(s, b, OFFICIAL)
        approve(s, b, APPROVER)
        assert b.state == State.APPROVED
        assert_playable(s, b)


def test_any_edit_is_a_new_version_in_review_while_the_approved_one_plays(store: Store) -> None:
    bid = new_bulletin(store)
    with store.session() as s:
        b = s.get(Bulletin, bid)
        approve(s, b, APPROVER)
        edit_script(s, b, EDITOR2, "vi", "Câu một, đã sửa.", [{"text": "Câu một, đã sửa.", "source": None}])
        assert b.state == State.IN_REVIEW
        assert current_scripts(s, bid)["vi"].version == 2
        assert_playable(s, b)  # the approved version keeps playing…
        assert approved_media(s, bid).sha256 == "a" * 64  # type: ignore[union-attr]
        rendering(s, bid, "c")  # …not the new version's audio
        assert approved_media(s, bid).sha256 == "a" * 64  # type: ignore[union-attr]
        approve(s, b, APPROVER)
        assert approved_media(s, bid).sha256 == "c" * 64  # type: ignore[union-attr]
        withdraw(s, b, EDITOR, "sai thông tin")
        with pytest.raises(WorkflowError, match="only approved"):
            assert_playable(s, b)
        assert approved_media(s, bid) is None


def test_a_later_rendering_is_never_delivered_in_place_of_the_approved_one(store: Store) -> None:
    bid = new_bulletin(store)
    with store.session() as s:
        b = s.get(Bulletin, bid)
        approve(s, b, APPROVER)
        assert approved_media(s, bid).sha256 == "a" * 64  # type: ignore[union-attr]
        rendering(s, bid, "f")  # a newer rendering of the same scripts, nobody approved it
        assert_playable(s, b)
        assert approved_media(s, bid).sha256 == "a" * 64  # type: ignore[union-attr]


def test_approval_needs_audio_of_the_current_scripts(store: Store) -> None:
    with store.session() as s:
        b = create_bulletin(s, EDITOR, "Bản tin", None, "vi", "Câu một.", SENTENCES)
        submit(s, b, EDITOR)
        with pytest.raises(WorkflowError, match="render it first"):
            approve(s, b, APPROVER)
        edit_script(s, b, EDITOR, "vi", "Câu xấu.", [{"text": "Câu xấu.", "source": None}])
        rendering(s, b.id, "b")  # audio of a text nobody will approve
        edit_script(s, b, EDITOR, "vi", "Câu một.", SENTENCES)
        with pytest.raises(WorkflowError, match="render it first"):
            approve(s, b, APPROVER)
        assert approved_media(s, b.id) is None


def test_approving_a_bundle_other_than_the_one_seen_is_refused(store: Store) -> None:
    bid = new_bulletin(store)
    with store.session() as s:
        seen = current_bundle(s, bid).sha256
        b = s.get(Bulletin, bid)
        edit_script(s, b, EDITOR2, "vi", "Câu một, đã sửa.", [{"text": "Câu một, đã sửa.", "source": None}])
        rendering(s, bid, "c")
        with pytest.raises(WorkflowError, match="changed after you opened it"):
            approve(s, b, APPROVER, seen=seen)
        assert b.state == State.IN_REVIEW
        approve(s, b, APPROVER, seen=current_bundle(s, bid).sha256)
        assert approved_media(s, bid).sha256 == "c" * 64  # type: ignore[union-attr]


def test_unapproved_and_withdrawn_never_play(store: Store) -> None:
    bid = new_bulletin(store)
    with store.session() as s:
        b = s.get(Bulletin, bid)
        with pytest.raises(WorkflowError):
            assert_playable(s, b)
        withdraw(s, b, APPROVER, "văn bản bị thay thế")
        with pytest.raises(WorkflowError):
            approve(s, b, APPROVER)


def test_every_change_is_audited(store: Store) -> None:
    bid = new_bulletin(store)
    with store.session() as s:
        approve(s, s.get(Bulletin, bid), APPROVER)
    with store.session() as s:
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        assert [e.action for e in events] == ["bulletin.created", "bulletin.in_review", "bulletin.approved"]
        assert events[0].address == "10.0.0.5" and events[2].actor == "pheduyet"

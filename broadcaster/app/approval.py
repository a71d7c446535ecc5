"""Four-eyes approval bound to exact versions: the bundle an approver signs (every language's script
and the audio of each language mix, or a relay's stream), the approval itself, and what it lets play
(decided in `app.airing`, read here through a session).

New audio a zone would hear goes back to review here, in one rule (`review_new_audio`), whoever
made it: a re-rendering or a translator's recording.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.app import airing
from broadcaster.app.airing import PLAYABLE, ApprovalLike, BookingLike, BulletinLike, MediaLike, State, ZoneLike, mix_languages
from broadcaster.app.airing import relay_stream as _stream
from broadcaster.app.roles import Action, Actor, PermissionDenied, WorkflowError, require
from broadcaster.app.workflow import audit, current_scripts, spoken_languages, transition
from broadcaster.store.models import Approval, BookingRow, Bulletin, MediaAsset, ScriptVersion, ZoneRow


class WarningsNotAcknowledged(WorkflowError):
    """The approver did not tick every draft warning; `codes` are the ones left."""

    code = "workflow.warnings_unacknowledged"

    def __init__(self, bulletin_id: int, codes: list[str]) -> None:
        super().__init__(
            f"bulletin {bulletin_id} has draft warnings nobody acknowledged: {', '.join(codes)}",
            bulletin=bulletin_id,
            count=len(codes),
            warnings=",".join(codes),
        )
        self.codes = codes


def scripts_sha(scripts: Mapping[str, ScriptVersion]) -> str:
    """The exact set of script versions, every language, a rendering was made from."""
    return hashlib.sha256("\n".join(sorted(f"{lang}:{s.sha256}" for lang, s in scripts.items())).encode()).hexdigest()


def mix_key(languages: Collection[str]) -> str:
    """A zone's language mix, Vietnamese first: "vi", "vi+hmn". One rendering per mix."""
    ordered = [*(["vi"] if "vi" in languages else []), *[lang for lang in languages if lang != "vi"]]
    return "+".join(dict.fromkeys(ordered)) or "vi"


def _bundle_hash(scripts: Mapping[str, ScriptVersion], media: Mapping[str, str] | str, stream: str) -> str:
    """Every language's script, every mix's audio (a vi-only bundle hashes as it did before mixes), the stream."""
    tracks = {"vi": media} if isinstance(media, str) else dict(media)
    parts = sorted(f"script:{lang}:{s.sha256}" for lang, s in scripts.items())
    if stream:  # a relay: the approval binds the stream URL and window
        parts.append(f"stream:{stream}")
    parts.append(f"media:{tracks.get('vi', '')}")
    parts.extend(sorted(f"media:{key}:{sha}" for key, sha in tracks.items() if key != "vi"))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _renderings(session: Session, bulletin_id: int, scripts: Mapping[str, ScriptVersion]) -> dict[str, MediaAsset]:
    """The newest deliverable audio per language mix, rendered from exactly these scripts of its languages."""
    out: dict[str, MediaAsset] = {}
    for media in session.scalars(
        select(MediaAsset)
        .where(MediaAsset.bulletin_id == bulletin_id, MediaAsset.codec == "mp3")
        .order_by(MediaAsset.created_at.desc(), MediaAsset.sha256)
    ):
        key = media.language or "vi"
        languages = mix_languages(key)
        if key in out or any(lang not in scripts for lang in languages):
            continue
        if media.scripts_sha256 == scripts_sha({lang: scripts[lang] for lang in languages}):
            out[key] = media
    return out


@dataclass(frozen=True, slots=True)
class Bundle:
    """What an approver is shown and signs: the current scripts and the audio rendered from them."""

    sha256: str
    scripts: dict[str, ScriptVersion]
    media: MediaAsset | None  # the Vietnamese rendering, which every zone can be given
    stream: str = ""
    mixes: dict[str, MediaAsset] = field(default_factory=dict)  # every mix rendered: "vi", "vi+hmn", …


def current_bundle(session: Session, bulletin_id: int) -> Bundle:
    """The bundle an approval given now would bind (the newest rendering of each mix of the current scripts)."""
    scripts = current_scripts(session, bulletin_id)
    mixes = _renderings(session, bulletin_id, scripts)
    # the Vietnamese rendering, which any zone may be given (else the smallest mix, e.g. an alert's vi+rad)
    media = mixes.get("vi") or min(mixes.values(), key=lambda m: (len(mix_languages(m.language)), m.language), default=None)
    stream = _stream(session.get(Bulletin, bulletin_id))
    sha = _bundle_hash(scripts, {k: m.sha256 for k, m in mixes.items()}, stream)
    return Bundle(sha, scripts, media, stream, mixes)


def bundle_sha(session: Session, bulletin_id: int) -> str:
    """The hash an approval given now would bind: every script version, the audio or the stream."""
    return current_bundle(session, bulletin_id).sha256


def approve(
    session: Session, bulletin: Bulletin, actor: Actor, seen: str | None = None, acknowledged: Collection[str] = ()
) -> Approval:
    """Four eyes on the exact bundle: scripts of every language plus the audio that will be played.

    The approver may not be the last editor of any current script version. `seen` is the bundle
    hash the approver read and listened to; when it is given and the bundle changed since (an
    edit or a rendering landed in between), the approval is refused. Every draft warning's code
    must be in `acknowledged` (the approver ticked it); the audit event records what was.

    :raises PermissionDenied: for a role that may not approve, or the bulletin's own editor.
    :raises WorkflowError: without rendered audio of the current scripts, or when `seen` is stale.
    :raises WarningsNotAcknowledged: when a draft warning was not acknowledged.
    """
    require(actor, Action.APPROVE)
    bundle = current_bundle(session, bulletin.id)
    _check_approvable(bulletin, actor, bundle, seen)
    warnings = bulletin.draft_warnings or []
    left = sorted({w["code"] for w in warnings} - set(acknowledged))
    if left:
        raise WarningsNotAcknowledged(bulletin.id, left)
    bound: dict[str, Any] = {"media": bundle.media.sha256} if bundle.media is not None else {"stream": bundle.stream}
    if warnings:
        bound["acknowledged_warnings"] = warnings
    if len(bundle.mixes) > 1:
        bound["mixes"] = {key: m.sha256 for key, m in bundle.mixes.items()}
    booked = session.scalars(
        select(BookingRow.id).where(BookingRow.bulletin_id == bulletin.id, BookingRow.withdrawn.is_(False))
    ).first()
    transition(session, bulletin, actor, State.APPROVED, (State.IN_REVIEW,), bundle=bundle.sha256, **bound)
    approval = Approval(
        bulletin_id=bulletin.id,
        approver=actor.username,
        bundle_sha256=bundle.sha256,
        media={key: m.sha256 for key, m in bundle.mixes.items()},
        scripts={lang: s.sha256 for lang, s in bundle.scripts.items()},
        stream=bundle.stream or None,
    )
    session.add(approval)
    session.flush()
    bulletin.approval_id = approval.id  # this version takes over the bookings
    if booked is not None:
        bulletin.state = State.SCHEDULED.value
    return approval


def _check_approvable(bulletin: Bulletin, actor: Actor, bundle: Bundle, seen: str | None) -> None:
    """:raises PermissionDenied, WorkflowError: as `approve` says, warnings aside."""
    editors = {s.author for s in bundle.scripts.values()}
    if actor.username in editors:
        raise PermissionDenied(
            f"{actor.username} edited this version; another approver must sign it off", "workflow.self_approval"
        )
    if State(bulletin.state) is not State.IN_REVIEW:
        raise WorkflowError(
            f"bulletin {bulletin.id} is {bulletin.state}; cannot go to {State.APPROVED.value}",
            "workflow.bad_transition",
            bulletin=bulletin.id,
            state=bulletin.state,
            target=State.APPROVED.value,
        )
    if bundle.media is None and not bundle.stream:
        raise WorkflowError(
            f"bulletin {bulletin.id} has no audio of its current scripts: render it first, "
            "an approval binds the exact audio that will be played",
            "workflow.not_rendered",
            bulletin=bulletin.id,
        )
    if seen is not None and seen != bundle.sha256:
        raise WorkflowError(
            f"bulletin {bulletin.id} changed after you opened it (you saw {seen[:12]}, it is now "
            f"{bundle.sha256[:12]}): reload the page, read and listen again, then approve",
            "workflow.stale_bundle",
            bulletin=bulletin.id,
        )


class SessionRows:
    """The store as `airing.Rows`, read through an ORM session (whose identity map keeps what is read twice)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def zones(self) -> list[ZoneLike]:
        return list(self.session.scalars(select(ZoneRow)))

    def live_bookings(self) -> list[BookingLike]:
        return list(self.session.scalars(select(BookingRow).where(BookingRow.withdrawn.is_(False))))

    def bulletin(self, bulletin_id: int) -> Bulletin | None:
        return self.session.get(Bulletin, bulletin_id)

    def approval(self, approval_id: int) -> Approval | None:
        return self.session.get(Approval, approval_id)

    def media(self, sha256: str, bulletin_id: int) -> MediaAsset | None:
        return self.session.get(MediaAsset, (sha256, bulletin_id))

    def legacy_approved(self, bulletin: BulletinLike) -> tuple[ApprovalLike, dict[str, MediaLike]]:
        """An approval given before approvals recorded their audio binds the current scripts."""
        session = self.session
        approval = session.scalars(
            select(Approval).where(Approval.bulletin_id == bulletin.id).order_by(Approval.id.desc())
        ).first()
        if approval is not None:
            scripts = current_scripts(session, bulletin.id)
            stream = _stream(bulletin)
            if stream and _bundle_hash(scripts, "", stream) == approval.bundle_sha256:
                return approval, {}
            for media in session.scalars(
                select(MediaAsset).where(MediaAsset.bulletin_id == bulletin.id, MediaAsset.codec == "mp3")
            ):
                if _bundle_hash(scripts, media.sha256, stream) == approval.bundle_sha256:
                    return approval, {"vi": media}
        raise WorkflowError(
            f"bulletin {bulletin.id} changed after approval: it must be approved again",
            "workflow.changed_after_approval",
            bulletin=bulletin.id,
        )


def on_air(session: Session, bulletin: Bulletin) -> Approval | None:
    """The approval whose audio plays while the bulletin is not withdrawn, also when a newer version is in review."""
    return cast(Approval | None, airing.approval_on_air(SessionRows(session), bulletin))


def changed_since_approval(session: Session, bulletin: Bulletin) -> bool:
    """A newer version than the one on air exists (in review, draft or returned)."""
    approval = on_air(session, bulletin)
    return approval is not None and State(bulletin.state) not in PLAYABLE


def assert_playable(session: Session, bulletin: Bulletin) -> Approval:
    """Nothing reaches a speaker unless the exact current bundle was approved.

    :raises WorkflowError: when the bulletin is unapproved, withdrawn, or changed since approval.
    """
    return cast(Approval, airing.approved(SessionRows(session), bulletin)[0])


def approved_media(session: Session, bulletin_id: int, languages: Collection[str] = ("vi",)) -> MediaAsset | None:
    """The audio file the approver signed off for a zone speaking `languages`, or None when nothing may play.

    A zone gets the approved mix of the most of its languages (never a language it does not
    speak; Vietnamese at least). Delivery (programmes, emergencies, playlists, the podcast)
    takes its media from here only, never "the latest rendering": a rendering nobody
    approved is never delivered.
    """
    return cast(MediaAsset | None, airing.approved_media(SessionRows(session), bulletin_id, languages))


def approved_stream(session: Session, bulletin: Bulletin) -> str:
    """The relay stream ("url:duration_ms") the approval on air bound, "" when none."""
    return airing.approved_stream(SessionRows(session), bulletin)


def review_new_audio(session: Session, actor: Actor, bulletin: Bulletin, audio: Mapping[str, str]) -> bool:
    """New audio a zone of its bookings would hear makes an approved bulletin a new version for review;
    the approved one plays on until that is approved. The one rule for every path that makes audio:
    a rendering (`audio` maps each language mix to its file's hash) and a translator's recording
    (its language to the recording's hash). Audio the approval already bound changes nothing.
    Returns whether the bulletin went back to review.
    """
    if State(bulletin.state) not in (State.APPROVED, State.SCHEDULED):
        return False
    spoken = spoken_languages(session, bulletin.id)
    approval = on_air(session, bulletin)
    if approval is not None and approval.media is not None:
        approved = set(approval.media.values())
    else:
        legacy = approved_media(session, bulletin.id)
        approved = {legacy.sha256} if legacy is not None else set()
    new = [sha for key, sha in audio.items() if set(mix_languages(key)) <= spoken and sha not in approved]
    if not new:
        return False
    bulletin.state = State.IN_REVIEW.value
    audit(session, actor, "bulletin.in_review", f"bulletin:{bulletin.id}", reason="new audio", media=new[0])
    return True

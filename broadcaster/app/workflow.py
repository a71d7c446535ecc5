"""Editorial workflow: states, roles, four-eyes approval bound to exact versions, audit log.

Permissions are decided here, in one place, for the CLI, the console and the API alike.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.app import airing
from broadcaster.app.airing import PLAYABLE, ApprovalLike, BookingLike, BulletinLike, MediaLike, State, ZoneLike, mix_languages
from broadcaster.app.airing import relay_stream as _stream
from broadcaster.app.roles import PERMISSIONS, Action, Actor, PermissionDenied, Role, WorkflowError, require
from broadcaster.store.models import Approval, AuditEvent, BookingRow, Bulletin, MediaAsset, ScriptVersion, ZoneRow, utcnow


class ReasonRequired(WorkflowError):
    """An emergency or a withdrawal without a reason of at least `MIN_REASON_CHARS` characters."""

    code = "workflow.reason_required"


MIN_REASON_CHARS = 5


def reason_of(text: object, what: str) -> str:
    """The reason a person gives for an emergency or a withdrawal, its spaces collapsed.

    Every front door (the console, the API, the CLI) asks through here, so none skips the rule.

    :raises ReasonRequired: when it is shorter than `MIN_REASON_CHARS` characters.
    """
    reason = " ".join(str(text or "").split())
    if len(reason) < MIN_REASON_CHARS:
        raise ReasonRequired(f"{what} needs a reason of at least five characters", minimum=MIN_REASON_CHARS)
    return reason


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


def audit(session: Session, actor: Actor | str, action: str, subject: str, **detail: Any) -> AuditEvent:
    name = actor.username if isinstance(actor, Actor) else actor
    address = actor.address if isinstance(actor, Actor) else ""
    event = AuditEvent(at=utcnow(), actor=name, action=action, subject=subject, detail=detail, address=address)
    session.add(event)
    return event


def _transition(
    session: Session, bulletin: Bulletin, actor: Actor, to: State, allowed_from: tuple[State, ...], **detail: Any
) -> None:
    current = State(bulletin.state)
    if current not in allowed_from:
        raise WorkflowError(
            f"bulletin {bulletin.id} is {current.value}; cannot go to {to.value}",
            "workflow.bad_transition",
            bulletin=bulletin.id,
            state=current.value,
            target=to.value,
        )
    bulletin.state = to.value
    bulletin.updated_at = utcnow()
    audit(session, actor, f"bulletin.{to.value}", f"bulletin:{bulletin.id}", previous=current.value, **detail)


def script_sha(sentences: list[dict[str, Any]], language: str) -> str:
    return hashlib.sha256(json.dumps([language, sentences], sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def create_bulletin(
    session: Session, actor: Actor, title: str, document_id: int | None, language: str, text: str, sentences: list[dict[str, Any]]
) -> Bulletin:
    require(actor, Action.EDIT)
    bulletin = Bulletin(title=title, document_id=document_id, state=State.DRAFT.value)
    session.add(bulletin)
    session.flush()
    session.add(
        ScriptVersion(
            bulletin_id=bulletin.id,
            language=language,
            version=1,
            text=text,
            sentences=sentences,
            sha256=script_sha(sentences, language),
            author=actor.username,
        )
    )
    audit(session, actor, "bulletin.created", f"bulletin:{bulletin.id}", language=language, document_id=document_id)
    return bulletin


def current_scripts(session: Session, bulletin_id: int) -> dict[str, ScriptVersion]:
    rows = session.scalars(
        select(ScriptVersion).where(ScriptVersion.bulletin_id == bulletin_id).order_by(ScriptVersion.version)
    ).all()
    return {row.language: row for row in rows}


def edit_script(
    session: Session, bulletin: Bulletin, actor: Actor, language: str, text: str, sentences: list[dict[str, Any]]
) -> ScriptVersion:
    """A new version of one language's script; an approved bulletin goes back to review."""
    if language == "vi":
        require(actor, Action.EDIT)
    elif actor.role is not Role.EDITOR:
        require(actor, Action.TRANSLATE, language=language)
    if State(bulletin.state) in (State.WITHDRAWN, State.DONE):
        raise WorkflowError(
            f"bulletin {bulletin.id} is {bulletin.state}; it cannot be edited",
            "workflow.not_editable",
            bulletin=bulletin.id,
            state=bulletin.state,
        )
    previous = current_scripts(session, bulletin.id).get(language)
    version = ScriptVersion(
        bulletin_id=bulletin.id,
        language=language,
        version=(previous.version + 1) if previous else 1,
        text=text,
        sentences=sentences,
        sha256=script_sha(sentences, language),
        author=actor.username,
    )
    session.add(version)
    unheard = language != "vi" and language not in spoken_languages(session, bulletin.id)
    if State(bulletin.state) is State.REJECTED:
        bulletin.state = State.DRAFT.value
    elif State(bulletin.state) in (State.APPROVED, State.SCHEDULED) and not unheard:
        # a new version in review; the approved one keeps its bookings until this one is approved
        bulletin.state = State.IN_REVIEW.value
    detail: dict[str, Any] = {"language": language, "version": version.version}
    if unheard:
        detail["unheard"] = True  # no zone of its bookings speaks it: what plays is unchanged
    audit(session, actor, "script.edited", f"bulletin:{bulletin.id}", **detail)
    return version


def spoken_languages(session: Session, bulletin_id: int) -> set[str]:
    """The languages the zones of a bulletin's live bookings speak (every zone's when it is not booked)."""
    zones: set[str] = set()
    for row in session.scalars(select(BookingRow).where(BookingRow.bulletin_id == bulletin_id, BookingRow.withdrawn.is_(False))):
        zones.update(row.zones or [])
    query = select(ZoneRow) if not zones else select(ZoneRow).where(ZoneRow.id.in_(zones))
    return {"vi"} | {lang for zone in session.scalars(query) for lang in (zone.languages or [])}


def submit(session: Session, bulletin: Bulletin, actor: Actor) -> None:
    require(actor, Action.SUBMIT)
    _transition(session, bulletin, actor, State.IN_REVIEW, (State.DRAFT, State.REJECTED))


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
    _transition(session, bulletin, actor, State.APPROVED, (State.IN_REVIEW,), bundle=bundle.sha256, **bound)
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


def reject(session: Session, bulletin: Bulletin, actor: Actor, comment: str) -> None:
    require(actor, Action.REJECT)
    _transition(session, bulletin, actor, State.REJECTED, (State.IN_REVIEW,), comment=comment)


def withdraw(session: Session, bulletin: Bulletin, actor: Actor, reason: str) -> None:
    """:raises ReasonRequired: for a reason shorter than five characters (the console, the API and the CLI alike)."""
    require(actor, Action.WITHDRAW)
    reason = reason_of(reason, "a withdrawal")
    _transition(session, bulletin, actor, State.WITHDRAWN, tuple(s for s in State if s is not State.WITHDRAWN), reason=reason)
    bulletin.approval_id = None


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


__all__ = [  # who may do what lives in app.roles, what plays in app.airing; these names are read here too
    "PERMISSIONS",
    "PLAYABLE",
    "Action",
    "Actor",
    "PermissionDenied",
    "Role",
    "State",
    "WorkflowError",
    "mix_languages",
    "require",
]

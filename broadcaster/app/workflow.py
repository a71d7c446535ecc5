"""Editorial workflow: a bulletin's states and their transitions, its script versions, reasons, audit log.

Permissions are decided here, in one place, for the CLI, the console and the API alike. The
four-eyes approval and what it binds are in `app.approval`.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.app.airing import PLAYABLE, State, mix_languages
from broadcaster.app.roles import PERMISSIONS, Action, Actor, PermissionDenied, Role, WorkflowError, require
from broadcaster.errors import NotFound
from broadcaster.store.models import AuditEvent, BookingRow, Bulletin, ScriptVersion, ZoneRow, utcnow


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


def get_bulletin(session: Session, bulletin_id: int) -> Bulletin:
    """:raises NotFound: when there is no such bulletin."""
    bulletin = session.get(Bulletin, bulletin_id)
    if bulletin is None:
        raise NotFound(f"no bulletin {bulletin_id}")
    return bulletin


def audit(session: Session, actor: Actor | str, action: str, subject: str, **detail: Any) -> AuditEvent:
    name = actor.username if isinstance(actor, Actor) else actor
    address = actor.address if isinstance(actor, Actor) else ""
    event = AuditEvent(at=utcnow(), actor=name, action=action, subject=subject, detail=detail, address=address)
    session.add(event)
    return event


def transition(
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
    transition(session, bulletin, actor, State.IN_REVIEW, (State.DRAFT, State.REJECTED))


def reject(session: Session, bulletin: Bulletin, actor: Actor, comment: str) -> None:
    require(actor, Action.REJECT)
    transition(session, bulletin, actor, State.REJECTED, (State.IN_REVIEW,), comment=comment)


def withdraw(session: Session, bulletin: Bulletin, actor: Actor, reason: str) -> None:
    """:raises ReasonRequired: for a reason shorter than five characters (the console, the API and the CLI alike)."""
    require(actor, Action.WITHDRAW)
    reason = reason_of(reason, "a withdrawal")
    transition(session, bulletin, actor, State.WITHDRAWN, tuple(s for s in State if s is not State.WITHDRAWN), reason=reason)
    bulletin.approval_id = None


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

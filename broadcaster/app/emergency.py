"""Emergency messages: an official types or records a warning and it plays now.

The four-eyes rule cannot wait for a flood. An official of the commune (or an admin) with the
`emergency_message` right writes or records the warning; it is rendered (the Vietnamese voice)
or mastered to the house loudness like any programme, shown and played back to its author, and
on their confirmation approved *by them*, marked "to review after", audited, the approvers told,
and queued for the service like any emergency (signed `play` commands to every speaker of the
zones). An approver later reviews it (`review`), which the audit log records.

Nothing is stored before the zones and the reason pass: a missing zone is refused before any
confirmation is asked.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.app import programmes, tasks
from broadcaster.app.approval import current_bundle
from broadcaster.app.workflow import (
    Action,
    Actor,
    PermissionDenied,
    Role,
    State,
    WorkflowError,
    audit,
    current_scripts,
    reason_of,
    require,
)
from broadcaster.config import Settings
from broadcaster.errors import NotFound
from broadcaster.store.engine import Store
from broadcaster.store.models import Approval, AuditEvent, BookingRow, Bulletin, DeviceRow, PlayReport, ServiceTask
from schedules.model import ProgrammeItem

KINDS = ("emergency", "emergency_rec", "live")


def check_request(session: Session, actor: Actor, zones: list[str], reason: object) -> str:
    """The zones (at least one, known, in the actor's communes) and the reason; returns the reason.

    :raises WorkflowError: no zone, an unknown zone, or a reason under five characters.
    :raises PermissionDenied: a role without the right, or a zone of another commune.
    """
    require(actor, Action.EMERGENCY_MESSAGE)
    communes = tasks.emergency_communes(session, zones)
    for commune in sorted(communes):
        require(actor, Action.EMERGENCY_MESSAGE, commune=commune)
        require(actor, Action.EMERGENCY, commune=commune)
    return reason_of(reason, "an emergency")


def author(actor: Actor) -> Actor:
    """The official writes this one bulletin: the emergency right, checked by the caller, stands
    in for the editor's (the audit log still names the official)."""
    return Actor(actor.username, Role.EDITOR, actor.communes, actor.languages, actor.address)


def compose(
    store: Store, settings: Settings, actor: Actor, zones: list[str], reason: object, *, text: str = "", audio: bytes = b""
) -> int:
    """Step one: a draft emergency bulletin from typed text (spoken by the voice) or a recording
    (mastered), for its author to hear before confirming. Returns the bulletin id.

    :raises WorkflowError, PermissionDenied: see `check_request`; neither text nor audio given.
    :raises programmes.ProgrammeError: text the voice cannot say, audio that is not usable.
    """
    with store.session() as session:
        reason = check_request(session, actor, zones, reason)
    title = f"Khẩn cấp: {reason}"[: programmes.MAX_TITLE_CHARS]
    if audio:
        bulletin_id = programmes.audio_bulletin(store, settings, author(actor), title, audio, "emergency_rec")
    elif " ".join(text.split()):
        bulletin_id = programmes.notice(store, settings, author(actor), title, text, kind="emergency")
    else:
        raise WorkflowError("an emergency message needs a text or a recording", "emergency.no_content")
    with store.session() as session:
        audit(session, actor, "emergency.composed", f"bulletin:{bulletin_id}", zones=zones, reason=reason)
    return bulletin_id


def confirm(store: Store, actor: Actor, bulletin_id: int, zones: list[str], reason: object) -> int:
    """Step two: the author approves what they heard, it is marked to review after, the approvers
    are told, and the play is queued for the service. Returns the task id.

    :raises PermissionDenied: someone else's emergency message.
    :raises WorkflowError: not an emergency draft, or see `check_request`.
    """
    with store.session() as session:
        reason = check_request(session, actor, zones, reason)
        bulletin = session.get(Bulletin, bulletin_id)
        if bulletin is None or bulletin.kind not in KINDS:
            raise WorkflowError(f"no emergency message {bulletin_id}", "not_found")
        authors = {s.author for s in current_scripts(session, bulletin_id).values()}
        if authors != {actor.username}:
            raise PermissionDenied(f"{actor.username} did not write emergency message {bulletin_id}", "emergency.not_yours")
        if State(bulletin.state) is State.DRAFT:
            approve_on_own_word(session, actor, bulletin, zones, reason)
        session.flush()
        return tasks.request_emergency(session, actor, bulletin_id, zones, reason=reason).id


def approve_on_own_word(session: Session, actor: Actor, bulletin: Bulletin, zones: list[str], reason: str) -> None:
    """What its author heard or says is approved by them, to review after; the approvers are told.

    :raises WorkflowError: nothing to play (no audio of the current scripts, no stream).
    """
    bundle = current_bundle(session, bulletin.id)
    if bundle.media is None and not bundle.stream:
        raise WorkflowError(
            f"bulletin {bulletin.id} has no audio of its current scripts", "workflow.not_rendered", bulletin=bulletin.id
        )
    bulletin.state = State.APPROVED.value
    session.add(Approval(bulletin_id=bulletin.id, approver=actor.username, bundle_sha256=bundle.sha256))
    bound = {"media": bundle.media.sha256} if bundle.media is not None else {"stream": bundle.stream}
    audit(
        session,
        actor,
        "bulletin.approved",
        f"bulletin:{bulletin.id}",
        previous=State.DRAFT.value,
        bundle=bundle.sha256,
        emergency=True,
        review_after=True,
        reason=reason,
        **bound,
    )
    from broadcaster.app import notifications

    notifications.notify_role(
        session,
        Role.APPROVER,
        "emergency",
        f"Tin khẩn cấp #{bulletin.id} đã phát ngay, cần xem lại",
        f"{actor.username} đã phát “{bulletin.title}” tới {', '.join(zones)}. Lý do: {reason}.",
        f"/khan-cap/xem-lai#b{bulletin.id}",
    )


def awaiting_review(store: Store) -> list[dict[str, Any]]:
    """Emergency messages played on their author's word that no approver has reviewed yet."""
    with store.session() as session:
        reviewed = set(session.scalars(select(AuditEvent.subject).where(AuditEvent.action == "emergency.reviewed")))
        rows = session.scalars(
            select(Bulletin).where(Bulletin.kind.in_(KINDS), Bulletin.state != State.DRAFT.value).order_by(Bulletin.id.desc())
        )
        out = []
        for b in rows:
            if f"bulletin:{b.id}" in reviewed:
                continue
            approval = session.scalars(select(Approval).where(Approval.bulletin_id == b.id).order_by(Approval.id)).first()
            media = current_bundle(session, b.id).media
            out.append(
                {
                    "id": b.id,
                    "title": b.title,
                    "author": approval.approver if approval else "",
                    "at": approval.at if approval else b.created_at,
                    "text": " ".join(s.text for s in current_scripts(session, b.id).values()),
                    "media": f"{media.sha256}.{media.extension}" if media else "",
                }
            )
        return out


def review(store: Store, actor: Actor, bulletin_id: int, note: str = "") -> None:
    """An approver has read and heard an emergency message after it played.

    :raises PermissionDenied: a role that may not approve, or the message's own author.
    """
    require(actor, Action.APPROVE)
    with store.session() as session:
        bulletin = session.get(Bulletin, bulletin_id)
        if bulletin is None or bulletin.kind not in KINDS:
            raise WorkflowError(f"no emergency message {bulletin_id}", "not_found")
        authors = {s.author for s in current_scripts(session, bulletin_id).values()}
        if actor.username in authors:
            raise PermissionDenied(
                f"{actor.username} wrote this emergency message; another person reviews it", "workflow.self_approval"
            )
        audit(session, actor, "emergency.reviewed", f"bulletin:{bulletin_id}", note=" ".join(note.split()))


def speakers(session: Session, task_id: int) -> list[dict[str, Any]]:
    """Per target speaker of an emergency task: received (acked) and played (a proof of play of
    this very item, with how it went), or why not (offline, rejected, expired)."""
    task = session.get(ServiceTask, task_id)
    if task is None:
        raise NotFound(f"no task {task_id}")
    commands = list((task.result or {}).get("commands", []))
    rows = tasks.speaker_progress(session, commands)
    booking = session.get(BookingRow, (task.payload or {}).get("booking") or 0)
    items: set[str] = set()
    if booking is not None and booking.fire_at is not None:
        fire_at = booking.fire_at if booking.fire_at.tzinfo else booking.fire_at.replace(tzinfo=UTC)
        items = {ProgrammeItem.make_id(zone, str(booking.id), fire_at) for zone in booking.zones}
    reports = {r.device_id: r for r in session.scalars(select(PlayReport).where(PlayReport.item_id.in_(items)))} if items else {}
    known = {r["id"] for r in rows}
    for zone in (task.payload or {}).get("zones") or []:  # before the service sent anything: still name the speakers
        for device in session.scalars(select(DeviceRow).where(DeviceRow.zone_id == zone)):
            if device.id not in known:
                status = "waiting" if device.online else "offline"
                rows.append({"id": device.id, "name": device.name or device.id, "status": status, "reason": ""})
    for row in rows:
        report = reports.get(row["id"])
        row["played"] = report.outcome if report is not None else ""
        row["played_s"] = round(report.played_ms / 1000) if report is not None else 0
    return sorted(rows, key=lambda r: (r["name"], r["id"]))


def settled(task_state: str, rows: list[dict[str, Any]]) -> bool:
    """Nothing left to wait for: every speaker played (or reported why not) or is named offline."""
    if task_state == tasks.TaskState.FAILED:
        return True
    if task_state != tasks.TaskState.DONE:
        return False
    return all(r["played"] or r["status"] in ("offline", "rejected", "expired") for r in rows)

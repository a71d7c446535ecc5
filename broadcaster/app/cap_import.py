"""CAP 1.2 alerts from a national warning system become approved bulletins and bookings.

An alert from a warning authority is already authorised by its sender: the gateway records
that as the approval (a system approver distinct from the system editor, so four eyes still
hold), and the audit log names the sender. Exercises and tests are recorded, never played.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.app import bookings, tasks
from broadcaster.app.approval import approve, approved_media
from broadcaster.app.planning import booking_tz
from broadcaster.app.rendering import Track, render
from broadcaster.app.workflow import (
    Actor,
    Role,
    State,
    WorkflowError,
    audit,
    create_bulletin,
    current_scripts,
    edit_script,
    submit,
    withdraw,
)
from broadcaster.config import Settings
from broadcaster.store.engine import Store
from broadcaster.store.models import Bulletin, CapRecord, ServiceTask, ZoneRow
from media.errors import MediaError
from media.master import MasterSettings
from media.store import MediaStore
from schedules.cap import CapAlert, booking_for, parse_cap
from schedules.model import Booking, Priority
from tts.base import TTSError
from tts.registry import NoVoice, Registry, default_registry

log = logging.getLogger(__name__)
CAP_EDITOR = Actor("cap-import", Role.EDITOR, address="cap")
CAP_APPROVER = Actor("cap-gateway", Role.ADMIN, address="cap")


def _sentences(alert: CapAlert, language: str) -> list[dict[str, object]]:
    info = alert.info(language)
    if info is None:
        return []
    parts = [info.headline, info.description, info.instruction]
    return [
        {"text": p.strip(), "source": {"article": None, "clause": None, "point": None, "quote": p.strip()}}
        for p in parts
        if p.strip()
    ]


class CapState:
    """Where an alert stands; only `pending` (and `failed`) alerts are processed again on re-import."""

    PENDING = "pending"  # received, not yet handed to the speakers
    DELIVERED = "delivered"  # booked, or its emergency task carried out
    FAILED = "failed"  # the emergency task failed (broker down): re-import retries
    RECORDED = "recorded"  # Exercise/Test/System/Draft or not Public: kept, never played
    REVIEW = "review"  # no Vietnamese text: a draft bulletin waits for the editors' translation
    EXPIRED = "expired"  # <expires> already past when it arrived: never played
    CANCELLED = "cancelled"  # a later Update or Cancel replaced it


def refresh(session: Session, record: CapRecord) -> str:
    """A pending emergency becomes delivered or failed as its service task settles."""
    if record.state == CapState.PENDING and record.task_id is not None:
        task = session.get(ServiceTask, record.task_id)
        if task is not None and task.state == tasks.TaskState.DONE:
            record.state = CapState.DELIVERED
        elif task is not None and task.state == tasks.TaskState.FAILED:
            # its commands were recorded before the broker failed and re-sent when it returned:
            # acked by every speaker, the alert was delivered late, not lost
            commands = list((task.payload or {}).get("commands") or [])
            progress = tasks.command_progress(session, commands) if commands else {}
            if progress and all(v == "acked" for v in progress.values()):
                record.state, record.detail = CapState.DELIVERED, f"delivered after: {task.error or ''}"
            else:
                record.state, record.detail = CapState.FAILED, task.error or ""
    return record.state


def _languages(session: Session, zones: list[str]) -> list[str]:
    """The zones' languages, Vietnamese first: which <info> blocks become tracks."""
    found = ["vi"]
    for zone in session.scalars(select(ZoneRow).where(ZoneRow.id.in_(zones))):
        found += [x for x in (zone.languages or []) if x not in found]
    return found


def import_alert(store: Store, settings: Settings, data: bytes, zones: list[str], now: datetime | None = None) -> str:
    """Import one CAP document; returns what happened, in Vietnamese, for the operator.

    An alert is pending until it is handed over: a failure on the way (rendering, a failed
    emergency task while the broker was down) leaves it pending or failed, and importing the
    same document again retries it instead of answering "already received". Delivery goes
    through the service's task queue (an emergency, a stop) or the store (bookings,
    withdrawals, which the service re-plans on its own): nothing here opens a broker session.
    """
    alert = parse_cap(data)
    now = now or datetime.now(UTC)
    answer, previous_task, all_zones = _receive(store, alert, data)
    if answer is not None:
        return answer
    if not alert.public:
        _settle(store, alert.key, CapState.RECORDED)
        return f"cảnh báo {alert.identifier} có trạng thái {alert.status}: đã ghi nhận, không phát ra loa công cộng"
    targets = zones or all_zones
    withdrawn = _replace_references(store, alert, targets)
    if alert.msg_type == "Cancel":
        _settle(store, alert.key, CapState.DELIVERED)
        return f"đã hủy cảnh báo: rút {withdrawn} bản tin khỏi mọi lịch phát và dừng phát"
    if alert.expires is not None and alert.expires <= now:
        _settle(store, alert.key, CapState.EXPIRED)
        return f"cảnh báo {alert.identifier} đã hết hạn lúc {alert.expires:%H:%M %d/%m/%Y}: không phát"
    with store.session() as session:
        languages = _languages(session, targets)
        zone_tz = booking_tz(session, targets, now, settings.timezone)
    if alert.info("vi") is None:
        bulletin_id = _for_translation(store, alert)
        _settle(store, alert.key, CapState.REVIEW, bulletin_id)
        return (
            f"cảnh báo {alert.identifier} không có nội dung tiếng Việt: đã tạo bản nháp #{bulletin_id} "
            "để biên tập viên dịch và duyệt; chưa phát"
        )
    bulletin_id, duration_s = _approved_bulletin(store, settings, alert, languages)
    planned = booking_for(alert, str(bulletin_id), tuple(targets), duration_s, now, tz=zone_tz)
    with store.session() as session:
        record = session.get(CapRecord, alert.key)
        assert record is not None
        record.bulletin_id = bulletin_id
        if planned.priority is Priority.EMERGENCY:
            return _emergency(session, record, alert, bulletin_id, targets, planned, previous_task)
        ask = bookings.Ask(
            bulletin_id,
            tuple(targets),
            planned.starts_on,
            rule=planned.rule,
            until=planned.until,
            priority=planned.priority.name.lower(),
            confirm=True,  # the warning authority's alert may bump normal plays, as a confirmed priority booking
            until_at=planned.until_at,
        )
        bookings.create(session, CAP_APPROVER, ask, now, settings.timezone)
        record.state = CapState.DELIVERED
    return f"cảnh báo {alert.identifier} ({planned.priority.name.lower()}): đã đặt vào các khung giờ tới khi hết hạn"


def _receive(store: Store, alert: CapAlert, data: bytes) -> tuple[str | None, int | None, list[str]]:
    """Record a new alert, or ready a pending or failed one for a retry: the answer when there is
    nothing more to do, the failed emergency's task (whose commands a retry re-sends), every zone."""
    previous_task: int | None = None  # a failed emergency's task, whose commands a retry re-sends
    with store.session() as session:
        record = session.get(CapRecord, alert.key)
        if record is not None:
            state = refresh(session, record)
            if state == CapState.PENDING and record.task_id is not None:
                return f"cảnh báo {alert.identifier} đang chờ dịch vụ phát (lệnh #{record.task_id})", None, []
            if state not in (CapState.PENDING, CapState.FAILED):
                return f"cảnh báo {alert.identifier} đã được nhận trước đó ({state}); không làm gì thêm", None, []
            audit(session, CAP_APPROVER, "cap.retried", f"cap:{alert.key}", previous=state)
            previous_task = record.task_id
            record.state, record.task_id = CapState.PENDING, None
        else:
            session.add(
                CapRecord(
                    key=alert.key,
                    status=alert.status,
                    msg_type=alert.msg_type,
                    state=CapState.PENDING,
                    expires_at=alert.expires,
                    document=data.decode("utf-8", "replace"),
                )
            )
            audit(
                session,
                CAP_APPROVER,
                "cap.received",
                f"cap:{alert.key}",
                status=alert.status,
                msg_type=alert.msg_type,
                sender=alert.sender,
                references=list(alert.references),
            )
        all_zones = [z.id for z in session.scalars(select(ZoneRow))]
    return None, previous_task, all_zones


def _approved_bulletin(store: Store, settings: Settings, alert: CapAlert, languages: list[str]) -> tuple[int, float]:
    """The bulletin and its duration in seconds: a retry reuses the one approved the first time."""
    with store.session() as session:
        earlier = session.get(CapRecord, alert.key)
        reuse = earlier.bulletin_id if earlier is not None else None
        media = approved_media(session, reuse) if reuse is not None else None
    if reuse is not None and media is not None:
        bulletin_id, duration_s = reuse, media.duration_ms / 1000
    else:
        bulletin_id, duration_s = _bulletin(store, settings, alert, languages)
    return bulletin_id, duration_s


def _emergency(
    session: Session,
    record: CapRecord,
    alert: CapAlert,
    bulletin_id: int,
    targets: list[str],
    planned: Booking,
    previous_task: int | None,
) -> str:
    """Hand an emergency alert to the service's task queue; a retry re-sends the failed task's commands."""
    task = tasks.request_emergency(
        session,
        CAP_APPROVER,
        bulletin_id,
        targets,
        min(planned.repeat, 10),
        int(planned.gap.total_seconds()),
        reason=f"CAP {alert.identifier}",
    )
    failed = session.get(ServiceTask, previous_task) if previous_task is not None else None
    if failed is not None:  # a retry fires the same booking and re-sends its commands: one emergency
        kept = {k: v for k, v in (failed.payload or {}).items() if k in ("booking", "commands")}
        task.payload = {**(task.payload or {}), **kept}
    record.task_id = task.id  # pending until the service carries the task out
    return f"cảnh báo khẩn cấp {alert.identifier}: lệnh #{task.id} phát ngay tới {len(targets)} vùng"


def _settle(store: Store, key: str, state: str, bulletin_id: int | None = None) -> None:
    with store.session() as session:
        record = session.get(CapRecord, key)
        if record is not None:
            record.state = state
            record.bulletin_id = bulletin_id or record.bulletin_id


def _replace_references(store: Store, alert: CapAlert, targets: list[str]) -> int:
    """Update and Cancel: withdraw every referenced alert still live, however long the chain listed.

    Each referenced bulletin is withdrawn once (an earlier Update may have withdrawn it already),
    and on Cancel the speakers are told to stop it. Returns how many were withdrawn now.
    """
    count = 0
    with store.session() as session:
        for ref in alert.references:
            record = session.get(CapRecord, ref)
            if record is None:
                continue
            record.state = CapState.CANCELLED
            bulletin = session.get(Bulletin, record.bulletin_id) if record.bulletin_id else None
            if bulletin is None or bulletin.state == State.WITHDRAWN:
                continue
            withdraw(session, bulletin, CAP_APPROVER, f"CAP {alert.msg_type} {alert.identifier}")
            count += 1
            if alert.msg_type == "Cancel":
                tasks.enqueue(session, CAP_APPROVER, tasks.TaskKind.STOP, zones=targets, body={"bulletin": str(bulletin.id)})
    return count


def _for_translation(store: Store, alert: CapAlert) -> int:
    """An Actual alert without Vietnamese text: a draft bulletin in its own language for the editors.

    Never rejected (the warning matters) and never spoken in a foreign language on a commune's
    speakers: an editor writes the Vietnamese script, then the usual four-eyes approval applies.
    """
    info = alert.infos[0]
    language = info.language.split("-")[0].lower() or "en"
    with store.session() as session:
        sentences = _sentences(alert, info.language.split("-")[0])
        bulletin = create_bulletin(
            session,
            CAP_EDITOR,
            f"[CAP cần dịch] {info.headline or info.event}",
            None,
            language,
            " ".join(str(s["text"]) for s in sentences),
            sentences,
        )
        bulletin.flagged = "Cảnh báo CAP không có tiếng Việt: cần dịch trước khi duyệt"
        audit(
            session,
            CAP_APPROVER,
            "cap.needs_translation",
            f"bulletin:{bulletin.id}",
            identifier=alert.identifier,
            languages=[i.language for i in alert.infos],
        )
        return bulletin.id


def _bulletin(store: Store, settings: Settings, alert: CapAlert, languages: list[str]) -> tuple[int, float]:
    """The approved bulletin of an alert with Vietnamese text; other <info> blocks become tracks
    for the zones' languages, and blocks in languages no zone speaks are kept in the record only."""
    registry = default_registry(settings.cache_dir, settings.voices_dir, settings.online_tts)
    first = alert.info("vi")
    assert first is not None
    language = "vi"
    with store.session() as session:
        sentences = _sentences(alert, language)
        bulletin = create_bulletin(
            session,
            CAP_EDITOR,
            first.headline or first.event,
            None,
            language,
            " ".join(str(s["text"]) for s in sentences),
            sentences,
        )
        tracks = _other_tracks(session, alert, bulletin, registry, languages)
        script = current_scripts(session, bulletin.id)[language]

        def rendered_with(extra: list[Track]) -> Any:
            return render(
                session,
                script,
                registry,
                MediaStore(settings.media_dir),
                bulletin.title,
                alert.identifier,
                MasterSettings(target_lufs=settings.target_lufs),
                settings.dialect,
                extra_tracks=extra,
            )

        try:
            rendered = rendered_with(tracks)
        except (TTSError, MediaError, ValueError) as exc:
            if not tracks:
                raise
            log.warning("CAP %s: the other languages' tracks could not be mixed in (%s); Vietnamese only", alert.identifier, exc)
            rendered = rendered_with([])
        rendered.asset.script_sha256 = script.sha256
        session.flush()
        submit(session, bulletin, CAP_EDITOR)
        approve(session, bulletin, CAP_APPROVER)
        audit(session, CAP_APPROVER, "cap.approved", f"bulletin:{bulletin.id}", sender=alert.sender, identifier=alert.identifier)
        return bulletin.id, rendered.asset.duration_ms / 1000


def _other_tracks(session: Session, alert: CapAlert, bulletin: Bulletin, registry: Registry, languages: list[str]) -> list[Track]:
    """A track for each <info> block in a language the zones speak other than Vietnamese, its script
    stored with the bulletin; one that cannot be spoken is left out (logged)."""
    language = "vi"
    tracks: list[Track] = []
    for info in alert.infos:
        other = info.language.split("-")[0].lower()
        if other == language or other not in languages:
            continue
        texts = [str(s["text"]) for s in _sentences(alert, other)]
        try:
            # a second-language track never costs the alert (issue 22 #13): a language without
            # a voice or without a profile ("en" listed by a zone) is kept in the record, unspoken
            track = Track(other, tuple(registry.synthesize(t, other)[0] for t in texts))
            with session.begin_nested():
                edit_script(session, bulletin, CAP_EDITOR, other, " ".join(texts), _sentences(alert, other))
            tracks.append(track)
        except (NoVoice, TTSError, MediaError, WorkflowError, ValueError) as exc:
            log.warning("CAP %s: the %s text is not spoken: %s", alert.identifier, other, exc)
    return tracks

"""CAP 1.2 alerts from a national warning system become approved bulletins and bookings.

An alert from a warning authority is already authorised by its sender: the gateway records
that as the approval (a system approver distinct from the system editor, so four eyes still
hold), and the audit log names the sender. Exercises and tests are recorded, never played.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy import select

from broadcaster.config import Settings
from broadcaster.models import CapRecord, ZoneRow
from broadcaster.pipeline import Track, render
from broadcaster.scheduling import book
from broadcaster.store import Store
from broadcaster.workflow import Actor, Role, approve, audit, create_bulletin, current_scripts, edit_script, submit
from media.master import MasterSettings
from media.store import MediaStore
from schedules.cap import CapAlert, booking_for, parse_cap
from schedules.model import Priority
from tts.registry import NoVoice, default_registry

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


def import_alert(store: Store, settings: Settings, data: bytes, zones: list[str], mqtt_url: str | None = None) -> str:
    """Import one CAP document; returns what happened, in Vietnamese, for the operator."""
    from broadcaster.service import Service

    alert = parse_cap(data)
    with store.session() as session:
        if session.get(CapRecord, alert.key) is not None:
            return f"cảnh báo {alert.identifier} đã được nhận trước đó; không làm gì thêm"
        session.add(CapRecord(key=alert.key, status=alert.status, msg_type=alert.msg_type))
        audit(
            session,
            CAP_APPROVER,
            "cap.received",
            f"cap:{alert.key}",
            status=alert.status,
            msg_type=alert.msg_type,
            sender=alert.sender,
        )
        all_zones = [z.id for z in session.scalars(select(ZoneRow))]
        referenced = [
            r.bulletin_id for ref in alert.references if (r := session.get(CapRecord, ref)) is not None and r.bulletin_id
        ]
    if not alert.public:
        return f"cảnh báo {alert.identifier} có trạng thái {alert.status}: đã ghi nhận, không phát ra loa công cộng"
    targets = zones or all_zones
    with Service(settings, store, mqtt_url) as service:
        for bulletin_id in referenced:
            service.withdraw_everywhere(CAP_APPROVER, bulletin_id, f"CAP {alert.msg_type} {alert.identifier}")
            if alert.msg_type == "Cancel":
                from devices.protocol import MessageType

                assert service.dispatcher is not None
                for zone in targets:
                    service.dispatcher.command(MessageType.STOP, {"bulletin": str(bulletin_id)}, zone=zone)
        if alert.msg_type == "Cancel":
            return f"đã hủy cảnh báo: rút {len(referenced)} bản tin khỏi mọi lịch phát và dừng phát"
        bulletin_id, duration_s = _bulletin(store, settings, alert)
        with store.session() as session:
            record = session.get(CapRecord, alert.key)
            assert record is not None
            record.bulletin_id = bulletin_id
        now = datetime.now(UTC)
        planned = booking_for(alert, str(bulletin_id), tuple(targets), duration_s, now)
        if planned.priority is Priority.EMERGENCY:
            service.fire_emergency(CAP_APPROVER, bulletin_id, targets, planned.repeat, int(planned.gap.total_seconds()))
            return f"cảnh báo khẩn cấp {alert.identifier}: đã phát ngay tới {len(targets)} vùng"
        with store.session() as session:
            book(
                session,
                CAP_APPROVER,
                bulletin_id,
                targets,
                planned.starts_on,
                planned.rule,
                planned.until,
                priority=planned.priority.name.lower(),
                until_at=planned.until_at,
            )
        service.replan_and_push()
    return f"cảnh báo {alert.identifier} ({planned.priority.name.lower()}): đã đặt vào các khung giờ tới khi hết hạn"


def _bulletin(store: Store, settings: Settings, alert: CapAlert) -> tuple[int, float]:
    registry = default_registry(settings.cache_dir, settings.voices_dir, settings.online_tts)
    first = alert.info("vi") or alert.infos[0]
    language = "vi" if alert.info("vi") else first.language.split("-")[0].lower()
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
        tracks = []
        for info in alert.infos:
            other = info.language.split("-")[0].lower()
            if other == language:
                continue
            texts = [str(s["text"]) for s in _sentences(alert, other)]
            try:
                tracks.append(Track(other, tuple(registry.synthesize(t, other)[0] for t in texts)))
                edit_script(session, bulletin, CAP_EDITOR, other, " ".join(texts), _sentences(alert, other))
            except (NoVoice, ValueError) as exc:
                log.warning("CAP %s: the %s text is not spoken: %s", alert.identifier, other, exc)
        script = current_scripts(session, bulletin.id)[language]
        rendered = render(
            session,
            script,
            registry,
            MediaStore(settings.media_dir),
            bulletin.title,
            alert.identifier,
            MasterSettings(target_lufs=settings.target_lufs),
            settings.dialect,
            extra_tracks=tracks,
        )
        rendered.asset.script_sha256 = script.sha256
        session.flush()
        submit(session, bulletin, CAP_EDITOR)
        approve(session, bulletin, CAP_APPROVER)
        audit(session, CAP_APPROVER, "cap.approved", f"bulletin:{bulletin.id}", sender=alert.sender, identifier=alert.identifier)
        return bulletin.id, rendered.asset.duration_ms / 1000

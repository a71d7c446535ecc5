"""CAP 1.2 export of the emergencies we fired, for upstream systems (`broadcaster cap export`, the API).

An emergency is exported as an Alert; one that came from an imported CAP alert keeps that
alert's content (categories, event, urgency, severity, certainty, instruction, every
language) rather than generic values and a folded description. An emergency cancelled or
withdrawn afterwards is exported once more, as a Cancel that references the Alert
(`sender,identifier,sent`), keeping the content, so upstream systems stop relaying it
(issue 22 #13). Every document validates against the CAP 1.2 XSD (tests/schedules).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.app.planning import aware
from broadcaster.app.workflow import current_scripts
from broadcaster.store.models import AuditEvent, BookingRow, Bulletin, CapRecord, ZoneRow
from schedules.cap import CapError, parse_cap
from schedules.cap_export import OutgoingEmergency, OutgoingInfo, infos_of, to_cap

SENDER = "loa-phap-luat@localhost"  # `broadcaster cap export --sender` names the commune


def _infos(session: Session, bulletin: Bulletin) -> tuple[OutgoingInfo, ...]:
    """The imported alert's content when the bulletin came from one, else our scripts."""
    record = session.scalars(
        select(CapRecord).where(CapRecord.bulletin_id == bulletin.id).order_by(CapRecord.received_at)
    ).first()
    if record is not None and record.document:
        try:
            infos = infos_of(parse_cap(record.document.encode("utf-8")))
        except CapError:
            infos = ()
        if infos:
            return infos
    scripts = current_scripts(session, bulletin.id)
    return tuple(
        OutgoingInfo(language, bulletin.title, script.text)
        for language, script in sorted(scripts.items(), key=lambda kv: (kv[0] != "vi", kv[0]))
    )


def _withdrawn_at(session: Session, row: BookingRow, bulletin: Bulletin) -> datetime | None:
    """When the emergency stopped: its booking cancelled or its bulletin withdrawn (the audit's time)."""
    if not row.withdrawn and bulletin.state != "withdrawn":
        return None
    event = session.scalars(
        select(AuditEvent)
        .where(
            ((AuditEvent.subject == f"booking:{row.id}") & (AuditEvent.action == "booking.cancelled"))
            | ((AuditEvent.subject == f"bulletin:{bulletin.id}") & (AuditEvent.action == "bulletin.withdrawn"))
        )
        .order_by(AuditEvent.id)
    ).first()
    return aware(event.at) if event is not None else None


def emergency_alerts(session: Session, sender: str = SENDER, since: datetime | None = None) -> list[tuple[int, bytes]]:
    """(booking id, CAP Alert) for every emergency fired since `since`, oldest first."""
    return [(b, xml) for b, xml, cancel in cap_documents(session, sender, since) if not cancel]


def cancelled_alerts(session: Session, sender: str = SENDER, since: datetime | None = None) -> list[tuple[int, bytes]]:
    """(booking id, CAP Cancel) for every emergency withdrawn (since `since`), oldest first."""
    return [(b, xml) for b, xml, cancel in cap_documents(session, sender, since) if cancel]


def cap_documents(session: Session, sender: str = SENDER, since: datetime | None = None) -> list[tuple[int, bytes, bool]]:
    """(booking id, CAP document, is a Cancel) for every emergency fired — and, after it, the
    Cancel of one withdrawn since — oldest first."""
    query = select(BookingRow).where(BookingRow.priority == "emergency", BookingRow.fire_at.is_not(None)).order_by(BookingRow.id)
    zone_names = {z.id: f"{z.name}, {z.commune}" for z in session.scalars(select(ZoneRow))}
    out: list[tuple[int, bytes, bool]] = []
    for row in session.scalars(query):
        fired = aware(row.fire_at)
        bulletin = session.get(Bulletin, row.bulletin_id)
        if fired is None or bulletin is None:
            continue
        alert = OutgoingEmergency(
            identifier=f"loa-emergency-{row.id}",
            sender=sender,
            sent=fired,
            areas=tuple(zone_names.get(z, z) for z in row.zones),
            infos=_infos(session, bulletin),
            expires=aware(row.until_at),
            sender_name="Đài truyền thanh cơ sở",
        )
        if since is None or fired >= since:
            out.append((row.id, to_cap(alert), False))
        stopped = _withdrawn_at(session, row, bulletin)
        if stopped is not None:
            stopped = max(stopped, fired + timedelta(seconds=1))  # a Cancel is never sent before its Alert
            if since is None or stopped >= since:
                cancel = OutgoingEmergency(
                    identifier=f"loa-emergency-{row.id}-cancel",
                    sender=sender,
                    sent=stopped,
                    areas=alert.areas,
                    infos=alert.infos,
                    expires=alert.expires,
                    sender_name=alert.sender_name,
                    references=(alert.reference,),
                    msg_type="Cancel",
                )
                out.append((row.id, to_cap(cancel), True))
    return out

"""CAP 1.2 export of the emergencies we fired, for upstream systems (`broadcaster cap export`, the API)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.app.planning import aware
from broadcaster.app.workflow import current_scripts
from broadcaster.store.models import BookingRow, Bulletin, ZoneRow
from schedules.cap_export import OutgoingEmergency, OutgoingInfo, to_cap

SENDER = "loa-phap-luat@localhost"  # `broadcaster cap export --sender` names the commune


def emergency_alerts(session: Session, sender: str = SENDER, since: datetime | None = None) -> list[tuple[int, bytes]]:
    """(booking id, CAP document) for every emergency fired, oldest first."""
    query = select(BookingRow).where(BookingRow.priority == "emergency", BookingRow.fire_at.is_not(None)).order_by(BookingRow.id)
    zone_names = {z.id: f"{z.name}, {z.commune}" for z in session.scalars(select(ZoneRow))}
    out = []
    for row in session.scalars(query):
        fired = aware(row.fire_at)
        if fired is None or (since is not None and fired < since):
            continue
        bulletin = session.get(Bulletin, row.bulletin_id)
        if bulletin is None:
            continue
        scripts = current_scripts(session, bulletin.id)
        infos = tuple(
            OutgoingInfo(language, bulletin.title, script.text)
            for language, script in sorted(scripts.items(), key=lambda kv: (kv[0] != "vi", kv[0]))
        )
        alert = OutgoingEmergency(
            identifier=f"loa-emergency-{row.id}",
            sender=sender,
            sent=fired,
            areas=tuple(zone_names.get(z, z) for z in row.zones),
            infos=infos,
            expires=aware(row.until_at),
            sender_name="Đài truyền thanh cơ sở",
        )
        out.append((row.id, to_cap(alert)))
    return out

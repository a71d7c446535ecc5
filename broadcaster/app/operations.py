"""What a person sees of the zones: the ones they may see, a zone's week, its speakers, and who
may read the speakers and the calendars at all."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from broadcaster.app.planning import aware, build_planner, zone_of
from broadcaster.app.workflow import Actor, PermissionDenied, Role
from broadcaster.errors import NotFound
from broadcaster.store.engine import Store
from broadcaster.store.models import DeviceRow, ZoneRow


def week(store: Store, zone_id: str, start: date) -> dict[str, Any]:
    """A zone's week: slots, quiet hours, planned items and what could not be planned, by local day."""
    with store.session() as session:
        row = session.get(ZoneRow, zone_id)
        if row is None:
            raise NotFound(f"no zone {zone_id}")
        zone = zone_of(row)
        planner = build_planner(session, start, 7)
        items = planner.zone_items(zone_id)
        rejections = [r for r in planner.plan().rejections if r.zone == zone_id]
    tz = ZoneInfo(zone.timezone)
    days = []
    for offset in range(7):
        day = start + timedelta(days=offset)
        days.append(
            {
                "date": day,
                "plays": [(i, i.starts_at.astimezone(tz)) for i in items if i.starts_at.astimezone(tz).date() == day],
                "rejections": [r for r in rejections if r.day == day],
            }
        )
    return {"zone": zone, "days": days}


def zones_for(store: Store, actor: Actor) -> list[ZoneRow]:
    with store.session() as session:
        rows = list(session.scalars(select(ZoneRow).order_by(ZoneRow.commune, ZoneRow.id)))
    if actor.role is Role.OFFICIAL:
        rows = [z for z in rows if z.commune in actor.communes]
    return rows


# Who reads the speakers and the bookings (issue 22 #12): those who run them (admins, officials
# in their communes) and observers. Editors, approvers and translators work on bulletins: the
# calendar tells editors and approvers what plays when; the bookings list (who booked what,
# where) and the speakers of every commune are not theirs to read.
READS_OPERATIONS = frozenset({Role.ADMIN, Role.OFFICIAL, Role.OBSERVER})


def require_operations(actor: Actor, what: str) -> None:
    """:raises PermissionDenied: for a role that does not run or observe the speakers."""
    if actor.role not in READS_OPERATIONS:
        raise PermissionDenied(f"{actor.username} ({actor.role.value}) may not read {what}", "perm.page")


def require_calendar(actor: Actor) -> None:
    """:raises PermissionDenied: translators (their work is the text, not when it plays)."""
    if actor.role is Role.TRANSLATOR:
        raise PermissionDenied(f"{actor.username} (translator) may not read the calendars", "perm.page")


def devices(store: Store, actor: Actor) -> list[dict[str, Any]]:
    require_operations(actor, "the speakers")
    visible = {z.id: z for z in zones_for(store, actor)}
    with store.session() as session:
        out = []
        for d in session.scalars(select(DeviceRow).order_by(DeviceRow.id)):
            if d.zone_id not in visible:
                continue
            state = d.state or {}
            out.append(
                {
                    "id": d.id,
                    "name": d.name or d.id,
                    "zone": d.zone_id,
                    "zone_name": visible[d.zone_id].name or d.zone_id,
                    "online": d.online,
                    "last_seen": aware(d.last_seen),
                    "volume": state.get("volume"),
                    "amplifier_on": state.get("amplifier_on"),
                    "last_play": state.get("last_play_at"),
                    "firmware": state.get("firmware"),
                }
            )
        return out

"""Users, zones and devices: created and changed only here, each permission-checked and audited.

The CLI, the console's administration pages, the demo and imports all call these functions, so
the rules (who may, what is valid) live in one place and every change leaves an audit event.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from broadcaster.app.planning import zone_of
from broadcaster.app.workflow import Action, Actor, Role, WorkflowError, audit, require
from broadcaster.errors import NotFound
from broadcaster.store.models import DeviceRow, User, ZoneRow
from broadcaster.store.passwords import hash_password
from schedules.model import ScheduleValueError

MIN_PASSWORD = 8


class UnknownZone(NotFound):
    """A zone id that names no stored zone; front doors say 404, callers may re-raise their own error."""

    def __init__(self, zone_id: str) -> None:
        super().__init__(f"no zone {zone_id}", "schedule.unknown_zones", zones=zone_id)
        self.zone_id = zone_id


@dataclass(frozen=True, slots=True)
class ZoneSpec:
    """A zone as an operator describes it: slot start times "HH:MM", quiet spans "HH:MM-HH:MM"."""

    id: str
    commune: str
    name: str = ""
    slots: tuple[str, ...] = ("07:00", "17:30")
    slot_minutes: float = 15
    quiet: tuple[str, ...] = ("21:30-05:30",)
    languages: tuple[str, ...] = ("vi",)
    timezone: str = "Asia/Ho_Chi_Minh"
    max_plays_per_day: int = 10


def create_user(
    session: Session,
    actor: Actor,
    username: str,
    role: Role,
    password: str,
    display_name: str = "",
    communes: list[str] | None = None,
    languages: list[str] | None = None,
) -> User:
    """:raises WorkflowError: for a taken username or a short password."""
    require(actor, Action.MANAGE_USERS)
    username = " ".join(username.split()).lower()  # sign-in is case- and space-insensitive
    if not username:
        raise WorkflowError("a user needs a name", "user.no_name")
    if len(password) < MIN_PASSWORD:
        raise WorkflowError(
            f"the password must have at least {MIN_PASSWORD} characters", "user.short_password", minimum=MIN_PASSWORD
        )
    if session.scalars(select(User).where(func.lower(User.username) == username)).first() is not None:
        raise WorkflowError(f"user {username} exists", "user.exists", user=username)
    user = User(
        username=username,
        display_name=display_name or username,
        role=role.value,
        password_hash=hash_password(password),
        communes=list(communes or []),
        languages=list(languages or []),
    )
    session.add(user)
    audit(session, actor, "user.created", f"user:{username}", role=role.value, communes=user.communes)
    return user


def save_zone(session: Session, actor: Actor, spec: ZoneSpec) -> ZoneRow:
    """Create or change a zone; its slot and quiet-hour times are validated before anything is stored.

    :raises PermissionDenied: an official outside the zone's commune.
    :raises ScheduleValueError: for a bad time, span or time zone.
    """
    require(actor, Action.MANAGE_DEVICES, commune=spec.commune)
    quiet = []
    for span in filter(None, (q.strip() for q in spec.quiet)):
        start, dash, end = span.partition("-")
        if not dash:
            raise ScheduleValueError(f"quiet hours {span!r} must be HH:MM-HH:MM", "zone.bad_quiet", value=span)
        quiet.append({"start": start.strip(), "end": end.strip()})
    row = ZoneRow(
        id=spec.id,
        name=spec.name or spec.id,
        commune=spec.commune,
        timezone=spec.timezone,
        slots=[{"start": s.strip(), "minutes": spec.slot_minutes} for s in spec.slots if s.strip()],
        quiet=quiet,
        languages=list(spec.languages),
        max_plays_per_day=spec.max_plays_per_day,
    )
    zone_of(row)  # raises on a bad time before the row is stored
    existing = session.get(ZoneRow, spec.id)
    if existing is not None:
        require(actor, Action.MANAGE_DEVICES, commune=existing.commune)
    stored = session.merge(row)
    audit(session, actor, "zone.saved", f"zone:{spec.id}", commune=spec.commune, slots=list(spec.slots), quiet=quiet)
    return stored


def communes_of(session: Session, zone_ids: Iterable[str], strict: bool = True) -> set[str]:
    """The communes the zones lie in: what every permission check on a zone target asks.

    A zone stored without a commune counts as "", which is no official's commune. With
    `strict=False` an unknown zone (one deleted since a task named it) counts as "" too.

    :raises UnknownZone: for the first unknown zone, when `strict`.
    """
    communes: set[str] = set()
    for zone_id in zone_ids:
        zone = session.get(ZoneRow, zone_id)
        if zone is None and strict:
            raise UnknownZone(zone_id)
        communes.add(zone.commune if zone is not None else "")
    return communes


def add_device(session: Session, actor: Actor, device_id: str, zone_id: str, name: str = "") -> DeviceRow:
    """Register a speaker in a zone (or move it there).

    :raises ScheduleValueError: for an unknown zone.
    :raises PermissionDenied: an official outside the zone's commune.
    """
    try:
        (commune,) = communes_of(session, [zone_id])
    except UnknownZone as exc:
        raise ScheduleValueError(f"unknown zone {zone_id}", "schedule.unknown_zones", zones=zone_id) from exc
    require(actor, Action.MANAGE_DEVICES, commune=commune)
    device = session.get(DeviceRow, device_id)
    if device is None:
        device = DeviceRow(id=device_id, zone_id=zone_id, name=name or device_id)
        session.add(device)
    else:
        device.zone_id, device.name = zone_id, name or device.name
    audit(session, actor, "device.saved", f"device:{device_id}", zone=zone_id)
    return device

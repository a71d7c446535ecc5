"""A zone's amplifier and volume timetable: checked, stored on the zone, audited, sent in programmes.

Every front door (the zone admin page, the JSON API, `broadcaster zone timetable`) goes through
`set_timetable`; the change is audited, so the service re-plans and the next programme of every
device of the zone carries the timetable (docs/protocol.md, *Amplifier*). The zone's own time
zone is added when the programme is built, so moving a zone to another time zone moves it too.
"""

from __future__ import annotations

import re
from datetime import time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.app.workflow import Action, Actor, audit, require
from broadcaster.errors import AppError, NotFound
from broadcaster.store.engine import Store
from broadcaster.store.models import BookingRow, ZoneRow
from devices.timetable import Timetable, TimetableError


class TimetableRefused(AppError, ValueError):
    """A timetable a person typed that cannot be sent; `code`/`params` for the error catalogue."""


_WINDOW = re.compile(r"^\s*(\S+?)\s*[-–]\s*(\S+?)\s*$")
_STEP = re.compile(r"^\s*(\S+?)\s*=\s*(\S+?)\s*$")


def _parts(text: str) -> list[str]:
    return [p for p in re.split(r"[;,\n]", text or "") if p.strip()]


def from_text(power: str, volume: str) -> dict[str, Any]:
    """The form's text — `05:30-21:30; 17:00-19:00` and `05:30=60; 06:00=85` — as a timetable body.

    :raises TimetableRefused: for a part that is not `HH:MM-HH:MM` or `HH:MM=volume`.
    """
    windows, steps = [], []
    for part in _parts(power):
        match = _WINDOW.match(part)
        if match is None:
            raise TimetableRefused(f"{part.strip()!r} is not a window HH:MM-HH:MM", "timetable.bad_window", value=part.strip())
        windows.append({"on": match[1], "off": match[2]})
    for part in _parts(volume):
        match = _STEP.match(part)
        if match is None or not match[2].isdigit():
            raise TimetableRefused(f"{part.strip()!r} is not a step HH:MM=volume", "timetable.bad_step", value=part.strip())
        steps.append({"at": match[1], "volume": int(match[2])})
    return {"power": windows, "volume": steps}


def to_text(timetable: dict[str, Any] | None) -> tuple[str, str]:
    """What the form shows for a stored timetable."""
    if not timetable:
        return "", ""
    power = "; ".join(f"{w['on']}-{w['off']}" for w in timetable.get("power", []))
    volume = "; ".join(f"{s['at']}={s['volume']}" for s in timetable.get("volume", []))
    return power, volume


def _merged(first: tuple[time, time], second: tuple[time, time]) -> str:
    """The one window two overlapping ones make, measured round the daily clock (for the error)."""
    day = 24 * 60
    (a, b), (c, d) = ((on.hour * 60 + on.minute, off.hour * 60 + off.minute) for on, off in (first, second))
    length1, length2 = (b - a) % day, (d - c) % day
    if (c - a) % day <= length1:
        start, length = a, max(length1, (c - a) % day + length2)
    else:
        start, length = c, max(length2, (a - c) % day + length1)
    if length >= day:
        return "00:00-23:59"
    end = (start + length) % day
    return f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}"


def checked(zone: ZoneRow, body: dict[str, Any]) -> dict[str, Any] | None:
    """The timetable to store (None: none), checked exactly as a device will check it.

    :raises TimetableRefused: naming what a device would refuse.
    """
    if not isinstance(body, dict):
        raise TimetableRefused("a timetable must be an object", "timetable.malformed")
    if not body.get("power") and not body.get("volume"):
        return None
    try:
        parsed = Timetable.from_dict({"power": [], "volume": [], **body, "timezone": zone.timezone})
    except TimetableError as exc:
        raise TimetableRefused(str(exc), exc.code, **exc.params) from exc
    overlap = parsed.overlap()
    if overlap is not None:  # a device merges them (on while any covers the time); a person should see it
        first, second = (f"{on:%H:%M}-{off:%H:%M}" for on, off in overlap)
        raise TimetableRefused(
            f"power windows {first} and {second} overlap",
            "timetable.overlap",
            first=first,
            second=second,
            merged=_merged(*overlap),
        )
    stored = parsed.to_dict()
    del stored["timezone"]
    return stored


def set_timetable(session: Session, actor: Actor, zone_id: str, body: dict[str, Any]) -> dict[str, Any] | None:
    """Check, store and audit a zone's timetable; an empty one removes it. Returns what was stored.

    :raises LookupError: for an unknown zone.
    :raises PermissionDenied: outside the actor's communes or role.
    :raises TimetableRefused: for a timetable a device would refuse.
    """
    zone = session.get(ZoneRow, zone_id)
    if zone is None:
        raise NotFound(f"no zone {zone_id}")
    require(actor, Action.MANAGE_DEVICES, commune=zone.commune)
    zone.timetable = checked(zone, body)
    audit(session, actor, "zone.timetable", f"zone:{zone_id}", timetable=zone.timetable)
    return zone.timetable


def edit(session: Session, actor: Actor, zone_id: str, power: str, volume: str) -> tuple[dict[str, Any] | None, list[str]]:
    """What a person typed in the form or on the command line: a part left empty keeps the zone's
    current windows or steps (an empty field never wipes silently; clearing is its own action).

    Returns what was stored and the parts kept ("power", "volume").
    :raises: as `set_timetable`.
    """
    body = from_text(power, volume)
    zone = session.get(ZoneRow, zone_id)
    current = (zone.timetable if zone is not None else None) or {}
    kept = [part for part in ("power", "volume") if not body[part] and current.get(part)]
    for part in kept:
        body[part] = current[part]
    return set_timetable(session, actor, zone_id, body), kept


def edit_or_clear(
    session: Session, actor: Actor, zone_id: str, power: str, volume: str, clear: bool
) -> tuple[dict[str, Any] | None, list[str]]:
    """`edit`, or remove the zone's timetable when the person chose to clear it (the console's "Xóa lịch",
    the command line's --clear), which keeps no part.

    :raises: as `set_timetable`.
    """
    if clear:
        return set_timetable(session, actor, zone_id, {"power": [], "volume": []}), []
    return edit(session, actor, zone_id, power, volume)


def save_typed(
    store: Store, actor: Actor, zone_id: str, power: str, volume: str, clear: bool
) -> tuple[dict[str, Any] | None, list[str], str]:
    """`edit_or_clear` in a transaction of its own, with the `off_warning` of what it saved: the console's forms.

    :raises TimetableRefused: nothing is saved.
    """
    with store.session() as session:
        stored, kept = edit_or_clear(session, actor, zone_id, power, volume, clear)
        return stored, kept, off_warning(session, zone_id)


def _window(on: str, off: str) -> str:
    if off > on:
        return f"{on} đến {off}"
    return f"{on} đến {off} {'sáng hôm sau' if off < '12:00' else 'hôm sau'}"


def describe(timetable: dict[str, Any] | None) -> str:
    """The timetable in a sentence, saying plainly when a window ends the next day."""
    if not timetable:
        return "không có lịch bật/tắt ampli và âm lượng"
    said = []
    if timetable.get("power"):
        said.append("bật " + ", ".join(_window(w["on"], w["off"]) for w in timetable["power"]))
    if timetable.get("volume"):
        said.append("âm lượng " + ", ".join(f"{s['volume']} từ {s['at']}" for s in timetable["volume"]))
    return "; ".join(said)


def _on_at(power: list[dict[str, str]], clock: str) -> bool:
    """Whether any window covers a wall-clock time ("HH:MM"; a window may cross midnight)."""
    return any(w["on"] <= clock < w["off"] if w["on"] < w["off"] else not w["off"] <= clock < w["on"] for w in power)


def off_slots(zone: ZoneRow, timetable: dict[str, Any] | None = None) -> list[str]:
    """The zone's slots that fall while its amplifier is off (none without power windows)."""
    power = (timetable if timetable is not None else zone.timetable or {}).get("power") or []
    starts = [str(s["start"])[:5] for s in zone.slots or []]  # stored as "HH:MM" or "HH:MM:SS"
    return [start for start in starts if power and not _on_at(power, start)]


def off_warning(session: Session, zone_id: str) -> str:
    """A warning naming the zone's slots and live bookings outside the amplifier's on hours ("" if none)."""
    zone = session.get(ZoneRow, zone_id)
    slots = off_slots(zone) if zone is not None else []
    if zone is None or not slots:
        return ""
    first = str(zone.slots[0]["start"])[:5] if zone.slots else ""
    live = session.scalars(select(BookingRow).where(BookingRow.withdrawn.is_(False)).order_by(BookingRow.id))
    booked = [b.id for b in live if zone.id in (b.zones or []) and (b.slot or first)[:5] in slots]
    named = f" (lịch phát {', '.join(f'#{i}' for i in booked)})" if booked else ""
    return (
        f"Lưu ý: khung giờ {', '.join(slots)} của vùng {zone.id}{named} nằm ngoài giờ bật ampli; "
        "bản tin thường vào giờ đó sẽ không phát (chỉ bản tin khẩn cấp tự bật ampli)."
    )


def for_device(zone: ZoneRow | None) -> dict[str, Any] | None:
    """The timetable as it travels in a programme: with the zone's time zone."""
    if zone is None or not zone.timetable:
        return None
    return {"timezone": zone.timezone, "power": [], "volume": [], **zone.timetable}

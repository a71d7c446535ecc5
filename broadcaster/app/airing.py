"""What goes on air, decided once for every reader of the store.

The rules that turn stored rows into what a zone plays: which approval is on air, the audio it
bound for a zone's languages, a relay's stream, and the planner of zones and live bookings. They
read rows through `Rows`: an ORM session (`broadcaster.app.approval.SessionRows`) everywhere in
the product, and `broadcaster.store.lite` for `broadcaster plan`, which answers without importing
SQLAlchemy (issue 21). So this module imports neither SQLAlchemy nor the models.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Protocol

from broadcaster.app.roles import WorkflowError
from schedules.model import Booking, Priority, QuietHours, ScheduleValueError, Slot, Zone
from schedules.planner import Planner, skipped


class State(enum.StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    ON_AIR = "on_air"
    DONE = "done"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


PLAYABLE = (State.APPROVED, State.SCHEDULED, State.ON_AIR)


class ZoneLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def commune(self) -> str: ...
    @property
    def timezone(self) -> str: ...
    @property
    def slots(self) -> list[Any]: ...
    @property
    def quiet(self) -> list[Any]: ...
    @property
    def languages(self) -> list[Any]: ...
    @property
    def max_plays_per_day(self) -> int: ...


class BookingLike(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def bulletin_id(self) -> int: ...
    @property
    def zones(self) -> list[Any]: ...
    @property
    def priority(self) -> str: ...
    @property
    def rule(self) -> str: ...
    @property
    def starts_on(self) -> date: ...
    @property
    def until(self) -> date | None: ...
    @property
    def slot(self) -> str | None: ...
    @property
    def repeat(self) -> int: ...
    @property
    def gap_s(self) -> int: ...
    @property
    def fire_at(self) -> datetime | None: ...
    @property
    def until_at(self) -> datetime | None: ...
    @property
    def created_at(self) -> datetime: ...


class BulletinLike(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def state(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def stream_url(self) -> str | None: ...
    @property
    def stream_duration_ms(self) -> int | None: ...
    @property
    def approval_id(self) -> int | None: ...


class ApprovalLike(Protocol):
    @property
    def media(self) -> dict[str, Any] | None: ...
    @property
    def stream(self) -> str | None: ...


class MediaLike(Protocol):
    @property
    def language(self) -> str: ...
    @property
    def duration_ms(self) -> int: ...


class Rows(Protocol):
    """The rows the rules read, however the store is opened."""

    def zones(self) -> Sequence[ZoneLike]: ...
    def live_bookings(self) -> Sequence[BookingLike]: ...
    def bulletin(self, bulletin_id: int) -> BulletinLike | None: ...
    def approval(self, approval_id: int) -> ApprovalLike | None: ...
    def media(self, sha256: str, bulletin_id: int) -> MediaLike | None: ...
    def legacy_approved(self, bulletin: BulletinLike) -> tuple[ApprovalLike, dict[str, MediaLike]]:
        """An approval given before approvals recorded their audio, and the audio it binds.

        :raises WorkflowError: when the bulletin changed after that approval."""
        ...


def mix_languages(key: str) -> list[str]:
    return key.split("+") if key else ["vi"]


def relay_stream(bulletin: BulletinLike | None) -> str:
    """A relay's stream URL and window, which its approval binds instead of audio."""
    if bulletin is None or not bulletin.stream_url:
        return ""
    return f"{bulletin.stream_url}:{bulletin.stream_duration_ms}"


def approval_on_air(rows: Rows, bulletin: BulletinLike) -> ApprovalLike | None:
    """The approval whose audio plays while the bulletin is not withdrawn, also when a newer version is in review."""
    if State(bulletin.state) in (State.WITHDRAWN, State.DONE):
        return None
    if bulletin.approval_id is not None:
        return rows.approval(bulletin.approval_id)
    return None


def approved(rows: Rows, bulletin: BulletinLike) -> tuple[ApprovalLike, dict[str, MediaLike]]:
    """The approval on air and the audio it bound per language mix (empty for a relay, which binds its stream).

    :raises WorkflowError: when the bulletin is unapproved, withdrawn, or changed since approval.
    """
    approval = approval_on_air(rows, bulletin)
    if approval is not None and approval.media is not None:
        bound = {key: rows.media(sha, bulletin.id) for key, sha in approval.media.items()}
        found = {key: m for key, m in bound.items() if m is not None}
        if found or approval.stream:
            return approval, found
    if State(bulletin.state) not in PLAYABLE:
        raise WorkflowError(
            f"bulletin {bulletin.id} is {bulletin.state}: only approved bulletins may be delivered",
            "workflow.not_playable",
            bulletin=bulletin.id,
            state=bulletin.state,
        )
    return rows.legacy_approved(bulletin)


def fitting_mix(mixes: Mapping[str, MediaLike], languages: Collection[str]) -> MediaLike | None:
    """The approved mix of the most of a zone's languages (never one it does not speak; Vietnamese at least)."""
    spoken = set(languages) | {"vi"}
    fitting = [m for key, m in mixes.items() if set(mix_languages(key)) <= spoken]
    if not fitting:  # only a mix with a language the zone does not speak (an alert rendered as one file)
        return min(mixes.values(), key=lambda m: (len(mix_languages(m.language)), m.language), default=None)
    return max(fitting, key=lambda m: (len(mix_languages(m.language)), m.language))


def approved_media(rows: Rows, bulletin_id: int, languages: Collection[str] = ("vi",)) -> MediaLike | None:
    """The audio the approver signed off for a zone speaking `languages`, or None when nothing may play."""
    bulletin = rows.bulletin(bulletin_id)
    if bulletin is None:
        return None
    try:
        mixes = approved(rows, bulletin)[1]
    except WorkflowError:
        return None
    return fitting_mix(mixes, languages)


def approved_stream(rows: Rows, bulletin: BulletinLike) -> str:
    """The relay stream ("url:duration_ms") the approval on air bound, "" when none."""
    try:
        approval = approved(rows, bulletin)[0]
    except WorkflowError:
        return ""
    return approval.stream if approval.stream is not None else relay_stream(bulletin)


def stream_of(bulletin: BulletinLike, rows: Rows | None = None) -> dict[str, Any] | None:
    """The `stream` object of a relay's (or live microphone's) programme entry (docs/protocol.md);
    None for a bulletin with audio.

    With rows, a relay's stream is the one the approval on air bound (a relay edited since
    keeps playing what was approved until the new version is)."""
    if bulletin.kind not in ("relay", "live"):
        return None
    if rows is not None and bulletin.kind == "relay":
        url, _, duration = approved_stream(rows, bulletin).rpartition(":")
        return {"url": url, "duration_ms": int(duration)} if url and duration.isdigit() and int(duration) > 0 else None
    if not bulletin.stream_url or not bulletin.stream_duration_ms:
        return None
    return {"url": bulletin.stream_url, "duration_ms": int(bulletin.stream_duration_ms)}


def booked_duration_ms(
    rows: Rows, bulletin: BulletinLike, zones: Sequence[str], languages: Mapping[str, tuple[str, ...]]
) -> int | None:
    """How long a booking of the approved bulletin lasts in the longest of its zones' language mixes
    (a relay: its approved window); None when nothing of it may play."""
    stream = stream_of(bulletin, rows)
    if stream is not None:
        return int(stream["duration_ms"])
    durations = [
        media.duration_ms
        for zone in (zones or ["?"])
        if (media := approved_media(rows, bulletin.id, languages.get(zone, ("vi",)))) is not None
    ]
    return max(durations) if durations else None


def hhmm(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError as exc:
        raise ScheduleValueError(f"{text!r} is not a time of day (HH:MM)", "schedule.not_a_time", value=text) from exc


def zone_of(row: ZoneLike) -> Zone:
    slots = tuple(Slot(hhmm(s["start"]), timedelta(minutes=float(s.get("minutes", 15)))) for s in row.slots or [])
    quiet = tuple(QuietHours(hhmm(q["start"]), hhmm(q["end"])) for q in row.quiet or [])
    return Zone(row.id, row.name, row.commune, row.timezone, slots, quiet, tuple(row.languages or ["vi"]), row.max_plays_per_day)


def aware(moment: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes even for timezone-aware columns; the store keeps UTC."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def booking_of(row: BookingLike, duration_s: float, title: str) -> Booking:
    return Booking(
        id=str(row.id),
        bulletin_id=str(row.bulletin_id),
        zones=tuple(row.zones),
        duration_s=duration_s,
        starts_on=row.starts_on,
        priority=Priority.parse(row.priority),
        rule=row.rule or "",
        until=row.until,
        slot=hhmm(row.slot) if row.slot else None,
        repeat=row.repeat,
        gap=timedelta(seconds=row.gap_s),
        at=aware(row.fire_at),
        until_at=aware(row.until_at),
        title=title,
        created_at=row.created_at.replace(tzinfo=None) if row.created_at else datetime(1970, 1, 1),
    )


def plan_rows(rows: Rows, first: date, days: int) -> Planner:
    """Every zone and every live booking of a bulletin with an approval on air."""
    zone_rows = rows.zones()
    planner = Planner([zone_of(z) for z in zone_rows], first, days)
    languages = {z.id: tuple(z.languages or ["vi"]) for z in zone_rows}
    bookings = []
    for row in rows.live_bookings():
        bulletin = rows.bulletin(row.bulletin_id)
        if bulletin is None:
            continue
        try:
            approved(rows, bulletin)
        except WorkflowError:
            continue  # unapproved or withdrawn: never planned
        duration_ms = booked_duration_ms(rows, bulletin, row.zones or [], languages)
        if duration_ms is None:
            continue
        try:
            bookings.append(booking_of(row, duration_ms / 1000, bulletin.title))
        except ScheduleValueError as exc:  # a row stored before the checks: reported, never fatal
            for zone in row.zones or []:
                planner.report(str(row.id), skipped(str(row.id), str(zone), first, exc))
    planner.add(*bookings)
    return planner

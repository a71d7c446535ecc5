"""The trade's words as data: zones with slots and quiet hours, bookings, programme items."""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo


class ScheduleError(Exception):
    """Base of the `schedules` package's errors."""


class ScheduleValueError(ScheduleError):
    """A booking or zone setting is invalid; the message says which and why (in English, for logs).

    `code` and `params` let the console and the CLI say it in Vietnamese
    (`schedules.messages.vietnamese`); the English message never reaches a user.
    """

    def __init__(self, message: str, code: str = "schedule.invalid", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


class Priority(enum.IntEnum):
    """National classes for commune bulletins; a lower value plays first.

    Like Rivendell's hard-start grace time: emergency plays at once (grace 0), priority
    goes to the head of its slot, normal waits its turn.
    """

    EMERGENCY = 0
    PRIORITY = 1
    NORMAL = 2

    @classmethod
    def parse(cls, name: str) -> Priority:
        try:
            return cls[name.upper()]
        except KeyError:
            raise ScheduleValueError(
                f"unknown priority {name!r}: use normal, priority or emergency", "schedule.bad_priority", value=name
            ) from None


@dataclass(frozen=True, slots=True)
class Slot:
    start: time
    length: timedelta = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class QuietHours:
    start: time
    end: time

    def contains(self, moment: time) -> bool:
        if self.start <= self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end  # crosses midnight (22:00–05:00)


@dataclass(frozen=True, slots=True)
class Zone:
    id: str
    name: str
    commune: str
    timezone: str = "Asia/Ho_Chi_Minh"
    slots: tuple[Slot, ...] = (Slot(time(7, 0)), Slot(time(17, 30)))
    quiet: tuple[QuietHours, ...] = (QuietHours(time(21, 30), time(5, 30)),)
    languages: tuple[str, ...] = ("vi",)
    max_plays_per_day: int = 10

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def is_quiet(self, local: datetime) -> bool:
        return any(q.contains(local.time()) for q in self.quiet)


@dataclass(frozen=True, slots=True)
class Booking:
    """An approved bulletin booked into zones.

    `rule` is an RFC 5545 RRULE expanded in the zone's local time ("" plays once on
    `starts_on`); `slot` picks the slot start, None means the first slot of the day.
    """

    id: str
    bulletin_id: str
    zones: tuple[str, ...]
    duration_s: float
    starts_on: date
    priority: Priority = Priority.NORMAL
    rule: str = ""
    until: date | None = None
    slot: time | None = None
    repeat: int = 1
    gap: timedelta = timedelta(0)
    at: datetime | None = None  # emergencies: the instant (UTC) they were fired
    until_at: datetime | None = None  # no play starts at or after this instant (CAP `expires`)
    title: str = ""
    created_at: datetime = field(default_factory=lambda: datetime(1970, 1, 1))


@dataclass(frozen=True, slots=True)
class ProgrammeItem:
    """One planned play in one zone, instants in UTC."""

    id: str
    zone: str
    booking: str
    bulletin_id: str
    starts_at: datetime
    duration_s: float
    priority: Priority
    title: str = ""

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(seconds=self.duration_s)

    @staticmethod
    def make_id(zone: str, booking: str, starts_at: datetime) -> str:
        raw = f"{zone}|{booking}|{starts_at.isoformat()}"
        return hashlib.sha256(raw.encode()).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Rejection:
    """A play that could not be planned, with the reason told to the official.

    `reason` is English for the log; `code` and `params` say it in Vietnamese
    (`schedules.messages`).
    """

    booking: str
    zone: str
    day: date
    reason: str
    code: str = "schedule.invalid"
    params: dict[str, object] = field(default_factory=dict, compare=False)

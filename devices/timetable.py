"""A zone's daily amplifier and volume timetable, as it travels in a signed programme.

`{"timezone": "Asia/Ho_Chi_Minh", "power": [{"on": "05:30", "off": "21:30"}],
"volume": [{"at": "05:30", "volume": 60}, {"at": "06:00", "volume": 85}]}`

Times are wall-clock times in the zone's own time zone, expanded day by day in local time (so a
daylight-saving change moves nothing a listener notices). A power window whose `off` is earlier
than its `on` crosses midnight. Volume steps hold until the next step, through midnight.

The device applies a timetable *transition* once: a manual command (power or volume) holds
until the next transition, as a thermostat's manual override does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from devices.protocol import ProtocolError, Rejection

MAX_WINDOWS = 4
MAX_STEPS = 24
_HHMM = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


class TimetableError(ProtocolError):
    """A timetable that cannot be applied; `code` and `params` name it for the error catalogue."""

    def __init__(self, code: str, detail: str, **params: Any) -> None:
        super().__init__(Rejection.MALFORMED, detail)
        self.code = f"timetable.{code}"
        self.params = params


def _clock(value: object) -> time:
    if not isinstance(value, str) or not _HHMM.fullmatch(value):
        raise TimetableError("bad_time", f"{str(value)[:20]!r} is not a time of day HH:MM", value=str(value)[:20])
    return time(int(value[:2]), int(value[3:]))


def _minutes(window: tuple[time, time]) -> list[tuple[int, int]]:
    """A window as minute ranges of one day: one crossing midnight is two."""
    on, off = (t.hour * 60 + t.minute for t in window)
    return [(on, off)] if on < off else [(on, 24 * 60), (0, off)]


@dataclass(frozen=True, slots=True)
class Timetable:
    timezone: str
    power: tuple[tuple[time, time], ...] = ()  # (on, off) windows
    volume: tuple[tuple[time, int], ...] = ()  # (at, volume) steps, sorted

    @classmethod
    def from_dict(cls, data: object) -> Timetable:
        """:raises TimetableError: (MALFORMED) naming what is wrong."""
        if not isinstance(data, dict):
            raise TimetableError("malformed", "a timetable must be an object")
        zone = data.get("timezone")
        try:
            ZoneInfo(str(zone))
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise TimetableError("bad_timezone", f"unknown time zone {str(zone)[:64]}", value=str(zone)[:64]) from exc
        windows, steps = data.get("power", []), data.get("volume", [])
        if not isinstance(windows, list) or not isinstance(steps, list):
            raise TimetableError("malformed", "power and volume must be lists")
        if len(windows) > MAX_WINDOWS or len(steps) > MAX_STEPS:
            raise TimetableError("too_many", "too many windows or steps", windows=MAX_WINDOWS, steps=MAX_STEPS)
        power = []
        for window in windows:
            if not isinstance(window, dict):
                raise TimetableError("malformed", "a power window must be an object")
            on, off = _clock(window.get("on")), _clock(window.get("off"))
            if on == off:
                raise TimetableError("same_on_off", f"a window switches on and off at {on:%H:%M}", value=f"{on:%H:%M}")
            power.append((on, off))
        volume: dict[time, int] = {}
        for step in steps:
            if not isinstance(step, dict):
                raise TimetableError("malformed", "a volume step must be an object")
            at, level = _clock(step.get("at")), step.get("volume")
            if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= 100:
                raise TimetableError("bad_volume", "the volume must be 0–100")
            if at in volume:
                raise TimetableError("duplicate_step", f"two volume steps at {at:%H:%M}", value=f"{at:%H:%M}")
            volume[at] = level
        return cls(str(zone), tuple(power), tuple(sorted(volume.items())))

    def to_dict(self) -> dict[str, Any]:
        return {
            "timezone": self.timezone,
            "power": [{"on": f"{on:%H:%M}", "off": f"{off:%H:%M}"} for on, off in self.power],
            "volume": [{"at": f"{at:%H:%M}", "volume": level} for at, level in self.volume],
        }

    def _moment(self, day: date, clock: time, later_than: time | None = None) -> float:
        """Epoch seconds of a local wall-clock time; an `off` before its `on` is the next day."""
        if later_than is not None and clock <= later_than:
            day += timedelta(days=1)
        return datetime.combine(day, clock, tzinfo=ZoneInfo(self.timezone)).timestamp()

    def _days(self, now: float) -> list[date]:
        today = datetime.fromtimestamp(now, ZoneInfo(self.timezone)).date()
        return [today - timedelta(days=1), today, today + timedelta(days=1)]

    def _power_changes(self, now: float) -> list[tuple[float, bool]]:
        """On/off instants around `now`, overlapping or touching windows merged into one.

        A server refuses overlapping windows (`overlap`), but an older one may have sent some: the
        amplifier is on whenever any window covers the time, never switched off inside another window.
        """
        spans = sorted(
            (self._moment(day, on), self._moment(day, off, later_than=on)) for day in self._days(now) for on, off in self.power
        )
        merged: list[list[float]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return [change for start, end in merged for change in ((start, True), (end, False))]

    def overlap(self) -> tuple[tuple[time, time], tuple[time, time]] | None:
        """The first two power windows that overlap on the daily clock (a window may cross midnight)."""
        for i, first in enumerate(self.power):
            for second in self.power[i + 1 :]:
                if any(a < d and c < b for a, b in _minutes(first) for c, d in _minutes(second)):
                    return first, second
        return None

    def _volume_changes(self, now: float) -> list[tuple[float, int]]:
        return [(self._moment(day, at), level) for day in self._days(now) for at, level in self.volume]

    def power_at(self, now: float) -> tuple[float, bool] | None:
        """The latest power transition at or before `now` (instant, on), or None without windows."""
        past = [c for c in self._power_changes(now) if c[0] <= now]
        return max(past) if past else None

    def volume_at(self, now: float) -> tuple[float, int] | None:
        """The latest volume step at or before `now` (instant, volume), or None without steps."""
        past = [c for c in self._volume_changes(now) if c[0] <= now]
        return max(past, key=lambda c: c[0]) if past else None

    def next_change(self, now: float) -> float:
        """When the next transition of either kind is due (inf when there is none)."""
        future = [c[0] for c in self._power_changes(now) if c[0] > now]
        future += [c[0] for c in self._volume_changes(now) if c[0] > now]
        return min(future, default=float("inf"))

"""RFC 5545 recurrence rules for bookings, parsed and bounded before anything expands them.

dateutil's rrule looks for the next match period by period up to the year 9999, so a rule
that never matches (`BYMONTH=2;BYMONTHDAY=30`) costs seconds on every expansion and
`FREQ=SECONDLY` from an old start costs minutes; one such booking stalled every plan of every
zone. A booking only needs local dates, so this module accepts the subset officials use —
daily or rarer, by weekday, day of month and month — refuses the rest with a reason, and
expands it day by day inside a bounded window: the cost follows the days asked for, never
the rule. `tests/schedules/test_recurrence.py` checks it against dateutil on random rules.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from schedules.model import ScheduleValueError

FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
TOO_FREQUENT = ("SECONDLY", "MINUTELY", "HOURLY")
NOT_SUPPORTED = ("BYSETPOS", "BYYEARDAY", "BYWEEKNO", "BYHOUR", "BYMINUTE", "BYSECOND", "BYEASTER", "DTSTART", "RDATE", "EXDATE")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MAX_COUNT = 1000  # plays one booking may name with COUNT
MAX_INTERVAL = 1000
MAX_RULE_CHARS = 300
FIRST_PLAY_WITHIN_DAYS = 2 * 366  # a rule whose first play is further away is a mistake
EARLIEST_START = date(2000, 1, 1)  # before any zone existed; older starts are refused
MAX_WINDOW_DAYS = 800  # the longest window a caller may expand at once
_PART = re.compile(r"^([A-Z]+)=([A-Z0-9,+\-]+)$")
_NTH_DAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
_UNTIL = re.compile(r"^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$")


def _bad(rule: str, reason: str, code: str = "rrule.invalid", **params: object) -> ScheduleValueError:
    return ScheduleValueError(f"invalid RRULE {rule!r}: {reason}", code, rule=rule, **params)


@dataclass(frozen=True, slots=True)
class Recurrence:
    """A parsed rule; weekdays are 0 (Monday) to 6, `nth` holds (weekday, n) pairs like 1MO or -1FR."""

    freq: str
    interval: int = 1
    count: int | None = None
    until: date | None = None
    weekdays: frozenset[int] = frozenset()
    nth: frozenset[tuple[int, int]] = frozenset()
    monthdays: frozenset[int] = frozenset()
    months: frozenset[int] = frozenset()
    wkst: int = 0


def _ints(rule: str, key: str, value: str, low: int, high: int, signed: bool = False) -> frozenset[int]:
    out = set()
    for piece in value.split(","):
        try:
            n = int(piece)
        except ValueError:
            raise _bad(rule, f"{key} must list numbers, not {piece!r}") from None
        if not (low <= abs(n) <= high) or (n < 0 and not signed):
            raise _bad(rule, f"{key} value {n} is out of range")
        out.add(n)
    return frozenset(out)


def parse_rule(text: str) -> Recurrence:
    """:raises ScheduleValueError: with code rrule.invalid, rrule.too_frequent or rrule.unsupported."""
    rule = text.strip()
    if len(rule) > MAX_RULE_CHARS or "\n" in rule or "\r" in rule:
        raise _bad(text[:60], "one RRULE line of at most 300 characters")
    if rule.upper().startswith("RRULE:"):
        rule = rule[6:]
    parts = _parts(text, rule)
    freq = _frequency(text, parts)
    if "COUNT" in parts and "UNTIL" in parts:
        raise _bad(text, "COUNT and UNTIL exclude each other (RFC 5545)")
    interval = min(_ints(text, "INTERVAL", parts.get("INTERVAL", "1"), 1, MAX_INTERVAL))
    count = min(_ints(text, "COUNT", parts["COUNT"], 1, MAX_COUNT)) if "COUNT" in parts else None
    until = _until(text, parts["UNTIL"]) if "UNTIL" in parts else None
    weekdays, nth = _by_day(text, parts.get("BYDAY", ""), freq, "BYMONTH" in parts)
    wkst = parts.get("WKST", "MO")
    if wkst not in WEEKDAYS:
        raise _bad(text, f"WKST {wkst!r} is not a weekday")
    return Recurrence(
        freq=freq,
        interval=interval,
        count=count,
        until=until,
        weekdays=weekdays,
        nth=nth,
        monthdays=_ints(text, "BYMONTHDAY", parts["BYMONTHDAY"], 1, 31, signed=True) if "BYMONTHDAY" in parts else frozenset(),
        months=_ints(text, "BYMONTH", parts["BYMONTH"], 1, 12) if "BYMONTH" in parts else frozenset(),
        wkst=WEEKDAYS.index(wkst),
    )


def _parts(text: str, rule: str) -> dict[str, str]:
    """The rule's KEY=VALUE parts, upper-cased; a key given twice is refused."""
    parts: dict[str, str] = {}
    for chunk in filter(None, rule.upper().split(";")):
        match = _PART.match(chunk.strip())
        if match is None:
            raise _bad(text, f"{chunk!r} is not KEY=VALUE")
        key, value = match.groups()
        if key in parts:
            raise _bad(text, f"{key} is given twice")
        parts[key] = value
    return parts


def _frequency(text: str, parts: dict[str, str]) -> str:
    """FREQ, taken out of `parts`: at most daily, and the rest of the parts ones bookings support."""
    freq = parts.pop("FREQ", "")
    if freq in TOO_FREQUENT:
        raise _bad(text, "a booking repeats at most daily", "rrule.too_frequent", freq=freq)
    if freq not in FREQUENCIES:
        raise _bad(text, f"FREQ must be one of {', '.join(FREQUENCIES)}", freq=freq or "-")
    unsupported = [k for k in parts if k in NOT_SUPPORTED]
    if unsupported:
        raise _bad(text, f"{unsupported[0]} is not supported in bookings", "rrule.unsupported", part=unsupported[0])
    unknown = [k for k in parts if k not in ("INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "WKST")]
    if unknown:
        raise _bad(text, f"unknown part {unknown[0]}")
    return freq


def _until(text: str, value: str) -> date:
    m = _UNTIL.match(value)
    try:
        until = date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    except ValueError:
        until = None
    if until is None:
        raise _bad(text, "UNTIL must be a date like 20261231")
    return until


def _by_day(text: str, value: str, freq: str, by_month: bool) -> tuple[frozenset[int], frozenset[tuple[int, int]]]:
    """BYDAY as (plain weekdays, (weekday, n) for "the n-th weekday"); the two do not mix."""
    weekdays, nth = set(), set()
    for piece in filter(None, value.split(",")):
        m = _NTH_DAY.match(piece)
        if m is None:
            raise _bad(text, f"BYDAY {piece!r} is not a weekday (MO…SU, or 1MO, -1FR)")
        day = WEEKDAYS.index(m.group(2))
        if m.group(1) is None:
            weekdays.add(day)
            continue
        n = int(m.group(1))
        limit = 5 if freq == "MONTHLY" or (freq == "YEARLY" and by_month) else 53
        if freq in ("DAILY", "WEEKLY") or n == 0 or abs(n) > limit:
            raise _bad(text, f"BYDAY {piece!r}: a numbered weekday needs FREQ=MONTHLY or YEARLY and 1..{limit}")
        nth.add((day, n))
    if weekdays and nth:
        raise _bad(text, "BYDAY mixes plain and numbered weekdays")
    return frozenset(weekdays), frozenset(nth)


def _with_defaults(rec: Recurrence, start: date) -> Recurrence:
    """RFC 5545 (as dateutil): what the start date implies when no BYxxx narrows the rule."""
    if rec.weekdays or rec.nth or rec.monthdays:
        return rec
    if rec.freq == "WEEKLY":
        return _replace(rec, weekdays=frozenset({start.weekday()}))
    if rec.freq == "MONTHLY":
        return _replace(rec, monthdays=frozenset({start.day}))
    if rec.freq == "YEARLY":
        return _replace(rec, monthdays=frozenset({start.day}), months=rec.months or frozenset({start.month}))
    return rec


def _replace(rec: Recurrence, **changes: object) -> Recurrence:
    from dataclasses import replace

    return replace(rec, **changes)  # type: ignore[arg-type]


def _in_period(rec: Recurrence, start: date, day: date) -> bool:
    if rec.interval == 1:
        return True
    if rec.freq == "DAILY":
        return (day - start).days % rec.interval == 0
    if rec.freq == "WEEKLY":

        def week(d: date) -> date:
            return d - timedelta(days=(d.weekday() - rec.wkst) % 7)

        return ((week(day) - week(start)).days // 7) % rec.interval == 0
    if rec.freq == "MONTHLY":
        return ((day.year * 12 + day.month) - (start.year * 12 + start.month)) % rec.interval == 0
    return (day.year - start.year) % rec.interval == 0


def _matches(rec: Recurrence, start: date, day: date) -> bool:
    if rec.months and day.month not in rec.months:
        return False
    month_len = calendar.monthrange(day.year, day.month)[1]
    if rec.monthdays and day.day not in rec.monthdays and day.day - month_len - 1 not in rec.monthdays:
        return False
    if rec.weekdays and day.weekday() not in rec.weekdays:
        return False
    if rec.nth:
        in_month = rec.freq == "MONTHLY" or bool(rec.months)
        if in_month:
            forward, backward = (day.day - 1) // 7 + 1, -((month_len - day.day) // 7 + 1)
        else:
            yday, year_len = day.timetuple().tm_yday, 366 if calendar.isleap(day.year) else 365
            forward, backward = (yday - 1) // 7 + 1, -((year_len - yday) // 7 + 1)
        if (day.weekday(), forward) not in rec.nth and (day.weekday(), backward) not in rec.nth:
            return False
    return _in_period(rec, start, day)


def expand(rec: Recurrence, start: date, first: date, last: date) -> list[date]:
    """The dates within [first, last] on which a rule starting on `start` plays.

    :raises ScheduleValueError: for a window longer than MAX_WINDOW_DAYS or a start before 2000.
    """
    if (last - first).days > MAX_WINDOW_DAYS:
        raise ScheduleValueError(
            f"a plan covers at most {MAX_WINDOW_DAYS} days", "schedule.window_too_long", days=MAX_WINDOW_DAYS
        )
    if start < EARLIEST_START:
        raise ScheduleValueError(f"the booking starts on {start}, before {EARLIEST_START}", "booking.too_old", day=start)
    rec = _with_defaults(rec, start)
    end = min(last, rec.until) if rec.until else last
    walk_from = start if rec.count is not None else max(first, start)
    out, seen, day = [], 0, walk_from
    while day <= end:
        if _matches(rec, start, day):
            seen += 1
            if rec.count is not None and seen > rec.count:
                break
            if day >= first:
                out.append(day)
        day += timedelta(days=1)
    return out


def first_play(rec: Recurrence, start: date) -> date | None:
    """The first date the rule plays within FIRST_PLAY_WITHIN_DAYS of its start, or None."""
    days = expand(_replace(rec, count=min(rec.count or 1, 1)), start, start, start + timedelta(days=FIRST_PLAY_WITHIN_DAYS))
    return days[0] if days else None


def check_rule(text: str, start: date) -> Recurrence:
    """Parse a booking's rule and make sure it plays at least once soon after its start.

    :raises ScheduleValueError: rrule.* codes, or rrule.never for a rule that never plays.
    """
    rec = parse_rule(text)
    if first_play(rec, start) is None:
        raise _bad(
            text,
            f"it does not play within {FIRST_PLAY_WITHIN_DAYS // 366} years of {start}",
            "rrule.never",
            day=start,
            years=FIRST_PLAY_WITHIN_DAYS // 366,
        )
    return rec

"""Booking rules parsed and bounded (issue 13.3), and expanded exactly as dateutil would."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from dateutil.rrule import rrulestr
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from schedules.messages import vietnamese
from schedules.model import ScheduleValueError
from schedules.recurrence import MAX_WINDOW_DAYS, check_rule, expand, parse_rule

START = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("rule", "code"),
    [
        ("FREQ=BOGUS", "rrule.invalid"),
        ("FREQ=SOMETIMES", "rrule.invalid"),
        ("", "rrule.invalid"),
        ("FREQ=SECONDLY", "rrule.too_frequent"),
        ("FREQ=MINUTELY;INTERVAL=5", "rrule.too_frequent"),
        ("FREQ=HOURLY", "rrule.too_frequent"),
        ("FREQ=DAILY;BYHOUR=7,8,9", "rrule.unsupported"),
        ("FREQ=YEARLY;BYSETPOS=1", "rrule.unsupported"),
        ("DTSTART:19000101T000000\nRRULE:FREQ=DAILY", "rrule.invalid"),
        ("FREQ=DAILY;COUNT=100000", "rrule.invalid"),
        ("FREQ=DAILY;COUNT=3;UNTIL=20270101", "rrule.invalid"),
        ("FREQ=WEEKLY;BYDAY=XX", "rrule.invalid"),
        ("FREQ=WEEKLY;BYDAY=1MO", "rrule.invalid"),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "rrule.invalid"),
        ("FREQ=DAILY;UNTIL=2027", "rrule.invalid"),
        ("FREQ=DAILY;FREQ=WEEKLY", "rrule.invalid"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "rrule.never"),  # dateutil scans to the year 9999 for this
        ("FREQ=MONTHLY;BYDAY=5MO;BYMONTHDAY=1", "rrule.never"),
        ("FREQ=DAILY;UNTIL=20261130", "rrule.never"),
    ],
)
def test_rules_that_could_break_scheduling_are_refused_with_a_reason(rule: str, code: str) -> None:
    with pytest.raises(ScheduleValueError) as caught:
        check_rule(rule, START)
    assert caught.value.code == code
    said = vietnamese(caught.value)
    assert "Quy tắc lặp lại" in said and "{" not in said


def test_the_usual_rules_pass() -> None:
    for rule in (
        "FREQ=DAILY",
        "RRULE:FREQ=WEEKLY;BYDAY=MO,TH",
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        "FREQ=MONTHLY;BYDAY=1MO",
        "freq=daily;interval=2",
    ):
        check_rule(rule, START)


def test_expansion_is_bounded_by_the_window_not_the_rule() -> None:
    rec = parse_rule("FREQ=DAILY")
    assert len(expand(rec, date(2000, 1, 1), START, START + timedelta(days=30))) == 31
    with pytest.raises(ScheduleValueError) as caught:
        expand(rec, START, START, START + timedelta(days=MAX_WINDOW_DAYS + 1))
    assert caught.value.code == "schedule.window_too_long"
    with pytest.raises(ScheduleValueError) as old:
        expand(rec, date(1900, 1, 1), START, START)
    assert old.value.code == "booking.too_old"


DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@st.composite
def rules(draw: st.DrawFn) -> str:
    freq = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]))
    parts = [f"FREQ={freq}"]
    if draw(st.booleans()):
        parts.append(f"INTERVAL={draw(st.integers(1, 4))}")
    if draw(st.booleans()):
        if freq in ("MONTHLY", "YEARLY") and draw(st.booleans()):
            limit = 4  # valid within a month (and a year)
            nth = draw(
                st.lists(st.tuples(st.sampled_from(DAYS), st.integers(-limit, limit).filter(bool)), min_size=1, max_size=3)
            )
            parts.append("BYDAY=" + ",".join(f"{n}{d}" for d, n in nth))
        else:
            parts.append("BYDAY=" + ",".join(draw(st.lists(st.sampled_from(DAYS), min_size=1, max_size=4, unique=True))))
    if draw(st.booleans()):
        days = draw(st.lists(st.integers(-31, 31).filter(bool), min_size=1, max_size=3, unique=True))
        parts.append("BYMONTHDAY=" + ",".join(map(str, days)))
    if draw(st.booleans()):
        parts.append("BYMONTH=" + ",".join(map(str, draw(st.lists(st.integers(1, 12), min_size=1, max_size=4, unique=True)))))
    if draw(st.booleans()):
        parts.append(f"WKST={draw(st.sampled_from(DAYS))}")
    end = draw(st.sampled_from(["", "count", "until"]))
    if end == "count":
        parts.append(f"COUNT={draw(st.integers(1, 40))}")
    elif end == "until":
        parts.append(f"UNTIL={(START + timedelta(days=draw(st.integers(0, 500)))):%Y%m%d}")
    return ";".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rules(), st.integers(0, 60), st.integers(0, 200))
def test_expansion_matches_dateutil(rule: str, start_offset: int, window_offset: int) -> None:
    start = START + timedelta(days=start_offset)
    try:
        rec = check_rule(rule, start)
    except ScheduleValueError as exc:
        assume(exc.code != "rrule.never")  # dateutil would scan to 9999 for a rule that never plays
        raise
    first = start + timedelta(days=window_offset)
    last = first + timedelta(days=120)
    ours = expand(rec, start, first, last)
    reference = rrulestr(rule, dtstart=datetime.combine(start, datetime.min.time()))
    theirs = [
        d.date()
        for d in reference.between(
            datetime.combine(first, datetime.min.time()), datetime.combine(last, datetime.max.time()), inc=True
        )
    ]
    assert ours == theirs

"""`broadcaster book` and `broadcaster booking list|cancel|edit`: the bookings of the console, from the shell (audited).

Booking, editing and cancelling take one path: the same checks as the console, in one
transaction; a refusal prints every problem in Vietnamese, saves nothing and exits 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from broadcaster.app.workflow import Actor
    from broadcaster.config import Settings
    from schedules.model import ScheduleValueError


def print_refusal(exc: ScheduleValueError) -> int:
    """Every problem of a refused booking, in Vietnamese, on stderr; the exit status 2."""
    from schedules.messages import vietnamese

    for problem in getattr(exc, "problems", [exc]):
        print(f"Lỗi: {vietnamese(problem)}", file=sys.stderr)
    return 2


def cmd_list(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.app.bookings import listing
    from broadcaster.app.wording import priority_name, rule_text
    from broadcaster.cli.common import actor
    from broadcaster.store.engine import open_store

    store = open_store(settings.database_url)
    who = actor(store, args.as_user)
    with store.session() as session:
        rows = listing(session, who, args.zone, args.all)
    print(f"{'#':>4}  {'bản tin':<30} {'vùng':<16} {'từ ngày':<10} {'giờ':<5} {'lặp lại':<28} loại")
    for r in rows:
        mark = " (đã hủy)" if r["cancelled"] else ""
        print(
            f"{r['id']:>4}  {r['title'][:30]:<30} {','.join(r['zones'])[:16]:<16} {r['starts_on']:<10} "
            f"{(r['slot'] or '-'):<5} {rule_text(r['rule'] or '')[:28]:<28} {priority_name(r['priority'])}{mark}"
        )
    return 0


def _change(settings: Settings, as_user: str | None, change: Callable[[Session, Actor, datetime], str]) -> int:
    """Run one booking change as the user, in one transaction; print what was done or every refusal."""
    from broadcaster.cli.common import actor
    from broadcaster.store.engine import open_store
    from schedules.model import ScheduleValueError

    store = open_store(settings.database_url)
    who = actor(store, as_user)
    now = datetime.now(ZoneInfo(settings.timezone))
    try:
        with store.session() as session:
            done = change(session, who, now)
    except ScheduleValueError as exc:
        return print_refusal(exc)
    print(done)
    return 0


def cmd_book(args: argparse.Namespace, settings: Settings) -> int:
    """Book with every check of the console; problems are printed in Vietnamese, nothing is saved."""

    from broadcaster.app.bookings import Ask, create
    from broadcaster.app.planning import local_today, recurrence
    from broadcaster.cli.common import date_option

    def book(session: Session, who: Actor, now: datetime) -> str:
        rule = recurrence(args.daily, args.weekly, args.monthly, args.rule)
        ask = Ask(
            args.bulletin,
            tuple(args.zones.split(",")),
            date_option(args.start, local_today(session, args.zones.split(","), now, settings.timezone)),
            args.slot,
            rule,
            date_option(args.until, None),
            args.priority,
            args.confirm,
            args.repeat,
            int(args.gap * 60),
        )
        booking_id = create(session, who, ask, now, settings.timezone).id
        return f"đã đặt lịch #{booking_id}: bản tin {args.bulletin} → {args.zones} ({rule or 'một lần'})"

    return _change(settings, args.as_user, book)


def cmd_cancel(args: argparse.Namespace, settings: Settings) -> int:

    from broadcaster.app.bookings import cancel

    def cancelled(session: Session, who: Actor, _now: datetime) -> str:
        cancel(session, who, args.id, args.reason)
        return f"đã hủy lịch phát #{args.id}"

    return _change(settings, args.as_user, cancelled)


def cmd_edit(args: argparse.Namespace, settings: Settings) -> int:
    """Change a booking; what the options leave out stays as the booking has it."""

    from broadcaster.app.bookings import Ask, edit
    from broadcaster.app.planning import recurrence
    from broadcaster.cli.common import date_option
    from broadcaster.store.models import BookingRow
    from schedules.model import ScheduleValueError

    def edited(session: Session, who: Actor, now: datetime) -> str:
        row = session.get(BookingRow, args.id)
        if row is None:
            raise ScheduleValueError(f"no booking {args.id}", "booking.not_found", booking=args.id)
        changed_rule = args.daily or args.weekly or args.monthly or args.rule or args.once
        rule = "" if args.once else recurrence(args.daily, args.weekly, args.monthly, args.rule) if changed_rule else row.rule
        ask = Ask(
            row.bulletin_id,
            tuple(args.zones.split(",")) if args.zones else tuple(row.zones),
            date_option(args.start, row.starts_on),
            args.slot or row.slot,
            rule,
            date_option(args.until, row.until),
            args.priority or row.priority,
            args.confirm,
        )
        edit(session, who, args.id, ask, now, settings.timezone)
        return f"đã sửa lịch phát #{args.id}"

    return _change(settings, args.as_user, edited)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    bk = sub.add_parser("book", help="book an approved bulletin into zones")
    bk.add_argument("bulletin", type=int)
    bk.add_argument("--zones", required=True)
    bk.add_argument("--start")
    bk.add_argument("--until")
    bk.add_argument("--slot", help="HH:MM (default: the zone's first slot)")
    when = bk.add_mutually_exclusive_group()
    when.add_argument("--daily", action="store_true")
    when.add_argument("--weekly", help="weekdays, e.g. MO,TH")
    when.add_argument("--monthly", action="store_true")
    when.add_argument("--rule", help="an RFC 5545 RRULE")
    bk.add_argument("--priority", choices=("normal", "priority"), default="normal")
    bk.add_argument("--repeat", type=int, default=1)
    bk.add_argument("--gap", type=float, default=0, help="minutes between repeats")
    bk.add_argument("--confirm", action="store_true", help="a priority booking may displace the normal plays it names")
    bk.add_argument("--as", dest="as_user")
    bk.set_defaults(func=cmd_book)
    group = sub.add_parser("booking", aliases=["bookings"], help="list, cancel and edit bookings").add_subparsers(
        dest="booking_cmd", required=True
    )
    ls = group.add_parser("list")
    ls.add_argument("--zone")
    ls.add_argument("--all", action="store_true", help="cancelled ones too")
    ls.add_argument("--as", dest="as_user")
    ls.set_defaults(func=cmd_list)
    ca = group.add_parser("cancel")
    ca.add_argument("id", type=int)
    ca.add_argument("--reason", required=True)
    ca.add_argument("--as", dest="as_user")
    ca.set_defaults(func=cmd_cancel)
    ed = group.add_parser("edit")
    ed.add_argument("id", type=int)
    ed.add_argument("--zones")
    ed.add_argument("--start")
    ed.add_argument("--until")
    ed.add_argument("--slot")
    when = ed.add_mutually_exclusive_group()
    when.add_argument("--once", action="store_true")
    when.add_argument("--daily", action="store_true")
    when.add_argument("--weekly")
    when.add_argument("--monthly", action="store_true")
    when.add_argument("--rule")
    ed.add_argument("--priority", choices=("normal", "priority"))
    ed.add_argument("--confirm", action="store_true")
    ed.add_argument("--as", dest="as_user")
    ed.set_defaults(func=cmd_edit)

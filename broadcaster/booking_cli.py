"""`broadcaster booking list|cancel|edit`: the bookings of the console, from the shell (audited)."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from zoneinfo import ZoneInfo

from broadcaster.config import Settings
from broadcaster.store import open_store
from schedules.messages import vietnamese
from schedules.model import ScheduleValueError


def print_refusal(exc: ScheduleValueError) -> int:
    """Every problem of a refused booking, in Vietnamese, on stderr; the exit status 2."""
    for problem in getattr(exc, "problems", [exc]):
        print(f"Lỗi: {vietnamese(problem)}", file=sys.stderr)
    return 2


def cmd_list(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.bookings import listing
    from broadcaster.commands import actor

    store = open_store(settings.database_url)
    who = actor(store, args.as_user)
    with store.session() as session:
        rows = listing(session, who, args.zone, args.all)
    print(f"{'#':>4}  {'bản tin':<30} {'vùng':<16} {'từ ngày':<10} {'giờ':<5} {'lặp lại':<28} loại")
    for r in rows:
        mark = " (đã hủy)" if r["cancelled"] else ""
        print(
            f"{r['id']:>4}  {r['title'][:30]:<30} {','.join(r['zones'])[:16]:<16} {r['starts_on']:<10} "
            f"{(r['slot'] or '-'):<5} {(r['rule'] or 'một lần')[:28]:<28} {r['priority']}{mark}"
        )
    return 0


def cmd_cancel(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.bookings import cancel
    from broadcaster.commands import actor

    store = open_store(settings.database_url)
    who = actor(store, args.as_user)
    try:
        with store.session() as session:
            cancel(session, who, args.id, args.reason)
    except ScheduleValueError as exc:
        return print_refusal(exc)
    print(f"đã hủy lịch phát #{args.id}")
    return 0


def cmd_edit(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.bookings import Ask, edit
    from broadcaster.commands import actor
    from broadcaster.models import BookingRow
    from broadcaster.scheduling import recurrence

    store = open_store(settings.database_url)
    who = actor(store, args.as_user)
    now = datetime.now(ZoneInfo(settings.timezone))
    try:
        with store.session() as session:
            row = session.get(BookingRow, args.id)
            if row is None:
                raise ScheduleValueError(f"no booking {args.id}", "booking.not_found", booking=args.id)
            changed_rule = args.daily or args.weekly or args.monthly or args.rule or args.once
            rule = "" if args.once else recurrence(args.daily, args.weekly, args.monthly, args.rule) if changed_rule else row.rule
            ask = Ask(
                row.bulletin_id,
                tuple(args.zones.split(",")) if args.zones else tuple(row.zones),
                _day(args.start) or row.starts_on,
                args.slot or row.slot,
                rule,
                _day(args.until) or row.until,
                args.priority or row.priority,
                args.confirm,
            )
            edit(session, who, args.id, ask, now, settings.timezone)
    except ScheduleValueError as exc:
        return print_refusal(exc)
    print(f"đã sửa lịch phát #{args.id}")
    return 0


def cmd_cap_export(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from broadcaster.cap_outbound import SENDER, emergency_alerts

    store = open_store(settings.database_url)
    since = _day(args.since)
    moment = datetime.combine(since, datetime.min.time(), tzinfo=ZoneInfo(settings.timezone)) if since else None
    sender = args.sender or SENDER
    with store.session() as session:
        alerts = emergency_alerts(session, sender, moment)
    if args.out:
        folder = Path(args.out)
        folder.mkdir(parents=True, exist_ok=True)
        for booking_id, xml in alerts:
            (folder / f"loa-emergency-{booking_id}.xml").write_bytes(xml)
        print(f"đã xuất {len(alerts)} cảnh báo CAP vào {folder}")
    else:
        for _, xml in alerts:
            sys.stdout.write(xml.decode("utf-8") + "\n")
    return 0


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ScheduleValueError(f"{text!r} is not a date", "schedule.not_a_date", value=text) from None


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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

"""Store-backed commands: zones, devices, bookings, programmes, playlists, emergencies, CAP, the service."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from broadcaster.config import Settings
from broadcaster.models import Bulletin, DeviceRow, User, ZoneRow
from broadcaster.scheduling import book, build_planner, latest_media, recurrence
from broadcaster.store import Store, open_store
from broadcaster.workflow import Actor, Role, WorkflowError
from schedules.model import ScheduleValueError

CLI_ADMIN = Actor("cli", Role.ADMIN, address="local")


def actor(store: Store, username: str | None) -> Actor:
    """The user a command acts as; without --as, the local shell user is an administrator."""
    if not username:
        return CLI_ADMIN
    with store.session() as session:
        user = session.scalars(select(User).where(User.username == username)).first()
        if user is None or not user.active:
            raise WorkflowError(f"no active user {username!r}")
        return Actor.of(user, "local")


def _date(text: str | None, default: date) -> date:
    try:
        return date.fromisoformat(text) if text else default
    except ValueError as exc:
        raise ScheduleValueError(f"{text!r} is not a date (YYYY-MM-DD)") from exc


def cmd_zone_add(args: argparse.Namespace, settings: Settings) -> int:
    store = open_store(settings.database_url)
    slots = [{"start": s.strip(), "minutes": args.slot_minutes} for s in args.slots.split(",") if s.strip()]
    quiet = []
    for span in filter(None, (q.strip() for q in (args.quiet or "").split(","))):
        start, _, end = span.partition("-")
        quiet.append({"start": start, "end": end})
    with store.session() as session:
        session.merge(
            ZoneRow(
                id=args.id,
                name=args.name or args.id,
                commune=args.commune,
                timezone=args.timezone,
                slots=slots,
                quiet=quiet,
                languages=args.languages.split(","),
                max_plays_per_day=args.max_plays,
            )
        )
    from broadcaster.scheduling import zone_of

    with store.session() as session:
        row = session.get(ZoneRow, args.id)
        assert row is not None
        zone_of(row)  # validates the slot and quiet-hour times
    print(f"vùng {args.id}: khung giờ {args.slots}, giờ yên tĩnh {args.quiet or 'không'}, ngôn ngữ {args.languages}")
    return 0


def cmd_device_add(args: argparse.Namespace, settings: Settings) -> int:
    store = open_store(settings.database_url)
    with store.session() as session:
        if session.get(ZoneRow, args.zone) is None:
            raise ScheduleValueError(f"unknown zone {args.zone}")
        session.merge(DeviceRow(id=args.id, zone_id=args.zone, name=args.name or args.id))
    print(f"loa {args.id} thuộc vùng {args.zone}")
    return 0


def cmd_book(args: argparse.Namespace, settings: Settings) -> int:
    store = open_store(settings.database_url)
    who = actor(store, args.as_user)
    rule = recurrence(args.daily, args.weekly, args.monthly, args.rule)
    today = datetime.now(ZoneInfo(settings.timezone)).date()
    with store.session() as session:
        row = book(
            session,
            who,
            args.bulletin,
            args.zones.split(","),
            _date(args.start, today),
            rule,
            _date(args.until, today) if args.until else None,
            args.slot,
            args.priority,
            args.repeat,
            int(args.gap * 60),
        )
        booking_id = row.id
    print(f"đã đặt lịch #{booking_id}: bản tin {args.bulletin} → {args.zones} ({rule or 'một lần'})")
    with store.session() as session:
        planner = build_planner(session, _date(args.start, today), 31)
        for rejection in planner.plan().rejections:
            if rejection.booking == str(booking_id):
                print(f"  không phát được ngày {rejection.day}: {rejection.reason}", file=sys.stderr)
    return 0


def cmd_plan(args: argparse.Namespace, settings: Settings) -> int:
    store = open_store(settings.database_url)
    tz = ZoneInfo(settings.timezone)
    with store.session() as session:
        zone = session.get(ZoneRow, args.zone)
        if zone is None:
            raise ScheduleValueError(f"unknown zone {args.zone}")
        tz = ZoneInfo(zone.timezone)
        planner = build_planner(session, _date(args.start, datetime.now(tz).date()), args.days)
        items = planner.zone_items(args.zone)
        rejections = [r for r in planner.plan().rejections if r.zone == args.zone]
    print(f"Chương trình phát của {zone.name} ({args.days} ngày, giờ địa phương)")
    print(f"{'ngày':<11} {'giờ':<9} {'dài':>6}  {'loại':<10} bản tin")
    for item in items:
        local = item.starts_at.astimezone(tz)
        print(f"{local:%Y-%m-%d} {local:%H:%M:%S} {item.duration_s:5.0f}s  {item.priority.name.lower():<10} {item.title[:70]}")
    for r in rejections:
        print(f"không xếp được: đặt lịch #{r.booking} ngày {r.day}: {r.reason}")
    return 0


def cmd_playlist(args: argparse.Namespace, settings: Settings) -> int:
    from schedules.playlist import Track, m3u, xspf

    store = open_store(settings.database_url)
    base = settings.media_base_url or f"http://{settings.media_host}:{settings.media_port}/media/"
    with store.session() as session:
        zones = [
            z.id for z in session.scalars(select(ZoneRow).where((ZoneRow.id == args.station) | (ZoneRow.commune == args.station)))
        ]
        if not zones:
            raise ScheduleValueError(f"no zone or commune named {args.station}")
        planner = build_planner(session, datetime.now(ZoneInfo(settings.timezone)).date(), args.days)
        tracks = []
        for item in sorted((i for z in zones for i in planner.zone_items(z)), key=lambda i: i.starts_at):
            media = latest_media(session, int(item.bulletin_id))
            if media is not None:
                tracks.append(Track(f"{base}{media.sha256}.{media.extension}", item.title, media.duration_ms / 1000))
    text = m3u(tracks) if args.format == "m3u" else xspf(tracks, f"Chương trình {args.station}")
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_podcast(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.models import BookingRow
    from schedules.podcast import Episode, feed

    store = open_store(settings.database_url)
    base = settings.media_base_url or f"http://{settings.media_host}:{settings.media_port}/media/"
    with store.session() as session:
        zones = {z.id for z in session.scalars(select(ZoneRow).where(ZoneRow.commune == args.commune))}
        episodes = {}
        for booking in session.scalars(select(BookingRow).where(BookingRow.withdrawn.is_(False))):
            bulletin = session.get(Bulletin, booking.bulletin_id)
            media = latest_media(session, booking.bulletin_id)
            if not zones.intersection(booking.zones) or bulletin is None or media is None or bulletin.state == "withdrawn":
                continue
            episodes[bulletin.id] = Episode(
                f"bulletin-{bulletin.id}-{media.sha256[:12]}",
                bulletin.title,
                f"{base}{media.sha256}.{media.extension}",
                media.bytes,
                media.duration_ms / 1000,
                media.created_at.replace(tzinfo=media.created_at.tzinfo or UTC),
            )
    sys.stdout.write(
        feed(f"Bản tin pháp luật — {args.commune}", base, "Nghe lại các bản tin của loa truyền thanh xã", list(episodes.values()))
    )
    return 0


def cmd_emergency(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.service import Service

    store = open_store(settings.database_url)
    who = actor(store, args.as_user)
    with Service(settings, store, args.mqtt) as service:
        ids = service.fire_emergency(who, args.bulletin, args.zones.split(","), args.repeat, int(args.gap * 60))
    print(f"đã phát khẩn cấp bản tin {args.bulletin} tới {args.zones} ({len(ids)} lệnh)")
    return 0


def cmd_withdraw(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.service import Service

    store = open_store(settings.database_url)
    who = actor(store, args.as_user)
    with Service(settings, store, args.mqtt) as service:
        pushed = service.withdraw_everywhere(who, args.bulletin, args.reason)
    print(f"đã rút bản tin {args.bulletin}; cập nhật chương trình của {pushed} loa")
    return 0


def cmd_cap_import(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.cap_import import import_alert

    store = open_store(settings.database_url)
    message = import_alert(store, settings, Path(args.file).read_bytes(), args.zones.split(",") if args.zones else [], args.mqtt)
    print(message)
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from broadcaster.web.app import create_app

    store = open_store(settings.database_url)
    with store.session() as session:
        admins = session.scalars(select(User).where(User.role == "admin")).first()
    if admins is None:
        print("Chưa có tài khoản quản trị. Tạo tài khoản đầu tiên bằng:\n  broadcaster user add admin --role admin")
    service = None

    def service_factory():  # type: ignore[no-untyped-def]
        nonlocal service
        if service is None:
            from broadcaster.service import Service

            service = Service(settings, store).start()
        return service

    app = create_app(settings, store, service_factory)
    print(f"Bảng điều khiển: http://{args.host}:{args.port}/  (API: /api/docs)")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.service import Service

    store = open_store(settings.database_url)
    with Service(settings, store, args.mqtt) as service:
        print(f"dịch vụ đang chạy: broker {service.mqtt_url}, media {service.media_base_url} (Ctrl+C để dừng)")
        service.run_forever()
    print("đã dừng")
    return 0


def cmd_user_add(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.security import hash_password

    store = open_store(settings.database_url)
    role = Role(args.role)
    password = args.password or _ask_password()
    with store.session() as session:
        if session.scalars(select(User).where(User.username == args.username)).first() is not None:
            raise WorkflowError(f"user {args.username} exists")
        session.add(
            User(
                username=args.username,
                display_name=args.name or args.username,
                role=role.value,
                password_hash=hash_password(password),
                communes=[c for c in (args.communes or "").split(",") if c],
                languages=[x for x in (args.languages or "").split(",") if x],
            )
        )
    print(f"đã tạo người dùng {args.username} ({role.value})")
    return 0


def _ask_password() -> str:
    import getpass

    first = getpass.getpass("Mật khẩu: ")
    if len(first) < 8:
        raise ValueError("the password must have at least 8 characters")
    if getpass.getpass("Nhập lại: ") != first:
        raise ValueError("the passwords differ")
    return first


def register(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """Add the commands; returns the `device` group for the device commands to join."""
    zone = sub.add_parser("zone", help="zones (thôn, bản, tổ dân phố)").add_subparsers(dest="zone_cmd", required=True)
    za = zone.add_parser("add")
    za.add_argument("id")
    za.add_argument("--name")
    za.add_argument("--commune", required=True)
    za.add_argument("--slots", default="07:00,17:30")
    za.add_argument("--slot-minutes", type=float, default=15)
    za.add_argument("--quiet", default="21:30-05:30")
    za.add_argument("--languages", default="vi")
    za.add_argument("--timezone", default="Asia/Ho_Chi_Minh")
    za.add_argument("--max-plays", type=int, default=10)
    za.set_defaults(func=cmd_zone_add)

    dev = sub.add_parser("device", aliases=["devices"], help="speaker devices").add_subparsers(dest="device_cmd", required=True)
    da = dev.add_parser("add")
    da.add_argument("id")
    da.add_argument("--zone", required=True)
    da.add_argument("--name")
    da.set_defaults(func=cmd_device_add)

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
    bk.add_argument("--as", dest="as_user")
    bk.set_defaults(func=cmd_book)

    pl = sub.add_parser("plan", help="a zone's programme as a table")
    pl.add_argument("--zone", required=True)
    pl.add_argument("--days", type=int, default=7)
    pl.add_argument("--start")
    pl.set_defaults(func=cmd_plan)

    pls = sub.add_parser("playlist", help="a radio station's playlist")
    pls.add_argument("--station", required=True, help="zone id or commune")
    pls.add_argument("--format", choices=("m3u", "xspf"), default="m3u")
    pls.add_argument("--days", type=int, default=1)
    pls.add_argument("--out")
    pls.set_defaults(func=cmd_playlist)

    pod = sub.add_parser("podcast", help="a commune's podcast RSS feed")
    pod.add_argument("--commune", required=True)
    pod.set_defaults(func=cmd_podcast)

    em = sub.add_parser("emergency", help="play a bulletin now on every speaker of the zones")
    em.add_argument("bulletin", type=int)
    em.add_argument("--zones", required=True)
    em.add_argument("--repeat", type=int, default=1)
    em.add_argument("--gap", type=float, default=0)
    em.add_argument("--mqtt")
    em.add_argument("--as", dest="as_user")
    em.set_defaults(func=cmd_emergency)

    wd = sub.add_parser("withdraw", help="withdraw a bulletin from every future play")
    wd.add_argument("bulletin", type=int)
    wd.add_argument("--reason", required=True)
    wd.add_argument("--mqtt")
    wd.add_argument("--as", dest="as_user")
    wd.set_defaults(func=cmd_withdraw)

    cap = sub.add_parser("cap", help="CAP 1.2 alerts").add_subparsers(dest="cap_cmd", required=True)
    ci = cap.add_parser("import")
    ci.add_argument("file")
    ci.add_argument("--zones", help="zones to alert (default: every zone)")
    ci.add_argument("--mqtt")
    ci.set_defaults(func=cmd_cap_import)

    serve = sub.add_parser("serve", help="the web console and JSON API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=cmd_serve)

    run = sub.add_parser("run", help="the long-running service")
    run.add_argument("--mqtt")
    run.set_defaults(func=cmd_run)

    user = sub.add_parser("user", help="users").add_subparsers(dest="user_cmd", required=True)
    ua = user.add_parser("add")
    ua.add_argument("username")
    ua.add_argument("--role", required=True, choices=[r.value for r in Role])
    ua.add_argument("--name")
    ua.add_argument("--password", help="omit to be asked")
    ua.add_argument("--communes")
    ua.add_argument("--languages")
    ua.set_defaults(func=cmd_user_add)
    return dev

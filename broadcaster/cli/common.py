"""Store-backed commands: zones, devices, bookings, programmes, playlists, emergencies, CAP, the service."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import select

from broadcaster.app.planning import aware, build_planner
from broadcaster.app.workflow import Actor, Role, WorkflowError, approved_media
from broadcaster.config import Settings
from broadcaster.store.engine import Store, open_store
from broadcaster.store.models import Bulletin, User, ZoneRow
from schedules.model import ScheduleValueError

Day = TypeVar("Day", bound=date | None)
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


def date_option(text: str | None, default: Day) -> date | Day:
    """A YYYY-MM-DD option, or `default` when it was not given."""
    try:
        return date.fromisoformat(text) if text else default
    except ValueError as exc:
        raise ScheduleValueError(f"{text!r} is not a date (YYYY-MM-DD)", "schedule.not_a_date", value=text) from exc


def cmd_zone_add(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.app.directory import ZoneSpec, save_zone

    store = open_store(settings.database_url)
    spec = ZoneSpec(
        id=args.id,
        commune=args.commune,
        name=args.name or args.id,
        slots=tuple(args.slots.split(",")),
        slot_minutes=args.slot_minutes,
        quiet=tuple((args.quiet or "").split(",")),
        languages=tuple(args.languages.split(",")),
        timezone=args.timezone,
        max_plays_per_day=args.max_plays,
    )
    with store.session() as session:
        save_zone(session, actor(store, args.as_user), spec)
    print(f"vùng {args.id}: khung giờ {args.slots}, giờ yên tĩnh {args.quiet or 'không'}, ngôn ngữ {args.languages}")
    return 0


def cmd_device_add(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.app.directory import add_device

    store = open_store(settings.database_url)
    with store.session() as session:
        add_device(session, actor(store, args.as_user), args.id, args.zone, args.name or args.id)
    print(f"loa {args.id} thuộc vùng {args.zone}")
    return 0


def cmd_plan(args: argparse.Namespace, settings: Settings) -> int:
    store = open_store(settings.database_url)
    tz = ZoneInfo(settings.timezone)
    with store.session() as session:
        zone = session.get(ZoneRow, args.zone)
        if zone is None:
            raise ScheduleValueError(f"unknown zone {args.zone}")
        tz = ZoneInfo(zone.timezone)
        planner = build_planner(session, date_option(args.start, datetime.now(tz).date()), args.days)
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
    base = settings.public_media_base
    with store.session() as session:
        zones = [
            z.id for z in session.scalars(select(ZoneRow).where((ZoneRow.id == args.station) | (ZoneRow.commune == args.station)))
        ]
        if not zones:
            raise ScheduleValueError(f"no zone or commune named {args.station}")
        planner = build_planner(session, datetime.now(ZoneInfo(settings.timezone)).date(), args.days)
        tracks = []
        for item in sorted((i for z in zones for i in planner.zone_items(z)), key=lambda i: i.starts_at):
            media = approved_media(session, int(item.bulletin_id))
            if media is not None:
                tracks.append(Track(f"{base}{media.sha256}.{media.extension}", item.title, media.duration_ms / 1000))
    text = m3u(tracks) if args.format == "m3u" else xspf(tracks, f"Chương trình {args.station}")
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_podcast(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.store.models import BookingRow
    from schedules.podcast import Channel, Episode, feed

    store = open_store(settings.database_url)
    base = settings.public_media_base
    with store.session() as session:
        zones = {z.id for z in session.scalars(select(ZoneRow).where(ZoneRow.commune == args.commune))}
        episodes = {}
        for booking in session.scalars(select(BookingRow).where(BookingRow.withdrawn.is_(False))):
            bulletin = session.get(Bulletin, booking.bulletin_id)
            media = approved_media(session, booking.bulletin_id)
            if not zones.intersection(booking.zones) or bulletin is None or media is None or bulletin.state == "withdrawn":
                continue
            expires = aware(booking.until_at)
            if expires is not None and expires <= datetime.now(UTC):
                continue  # an expired alert is not offered for listening again
            episodes[bulletin.id] = Episode(
                f"bulletin-{bulletin.id}-{media.sha256[:12]}",
                bulletin.title,
                f"{base}{media.sha256}.{media.extension}",
                media.bytes,
                media.duration_ms / 1000,
                media.created_at.replace(tzinfo=media.created_at.tzinfo or UTC),
            )
    site = base.removesuffix("media/")  # the media server answers its root with a short page and the cover
    channel = Channel(
        f"Bản tin pháp luật — {args.commune}",
        site,
        "Nghe lại các bản tin của loa truyền thanh xã",
        self_url=args.self_url or f"{site}podcast/{args.commune}.xml",
        image_url=f"{site}cover.png",
    )
    sys.stdout.write(feed(channel, list(episodes.values())))
    return 0


def _queued(store: Store, task_id: int, wait_s: float) -> int:
    """Tell the operator what became of a queued task: carried out (with acks) or kept for later."""
    from broadcaster.app import tasks

    with store.session() as session:
        alive = tasks.service_alive(session) is not None
    if not alive:
        print(
            f"Dịch vụ phát chưa chạy: lệnh #{task_id} đã được lưu và sẽ được thực hiện khi "
            "`broadcaster run` (hoặc `broadcaster up`) chạy lại."
        )
        return 0
    view = tasks.wait(store, task_id, wait_s)
    if view["state"] == "failed":
        raise WorkflowError(f"task {task_id} failed: {view['error']}")
    if view["state"] != "done":
        print(f"lệnh #{task_id} đang chờ dịch vụ phát xử lý ({view['state']})")
        return 0
    print(f"lệnh #{task_id}: {view['acked']}/{view['targets']} loa đã xác nhận")
    return 0


def cmd_emergency(args: argparse.Namespace, settings: Settings) -> int:
    """Queue an emergency for the running service (never a broker session of its own)."""
    from broadcaster.app import tasks

    store = open_store(settings.database_url)
    who = actor(store, args.as_user)
    with store.session() as session:
        task_id = tasks.request_emergency(session, who, args.bulletin, args.zones.split(","), args.repeat, int(args.gap * 60)).id
    print(f"phát khẩn cấp bản tin {args.bulletin} tới {args.zones}: lệnh #{task_id}")
    return _queued(store, task_id, args.wait)


def cmd_withdraw(args: argparse.Namespace, settings: Settings) -> int:
    """Withdraw in the store; the running service re-plans and re-pushes every affected speaker."""
    from broadcaster.app.workflow import withdraw

    store = open_store(settings.database_url)
    who = actor(store, args.as_user)
    with store.session() as session:
        bulletin = session.get(Bulletin, args.bulletin)
        if bulletin is None:
            raise WorkflowError(f"no bulletin {args.bulletin}")
        withdraw(session, bulletin, who, args.reason)
    print(f"đã rút bản tin {args.bulletin}; dịch vụ phát sẽ cập nhật chương trình của mọi loa")
    return 0


def cmd_cap_import(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.app.cap_import import import_alert

    store = open_store(settings.database_url)
    message = import_alert(store, settings, Path(args.file).read_bytes(), args.zones.split(",") if args.zones else [])
    print(message)
    return 0


def _first_admin_hint(store: Store) -> None:
    with store.session() as session:
        admins = session.scalars(select(User).where(User.role == "admin")).first()
    if admins is None:
        print("Chưa có tài khoản quản trị. Tạo tài khoản đầu tiên bằng:\n  broadcaster user add admin --role admin")


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    """The console and API alone (the service runs elsewhere: `broadcaster run`)."""
    import uvicorn

    from broadcaster.web.app import create_app

    store = open_store(settings.database_url)
    _first_admin_hint(store)
    app = create_app(settings, store)
    print(f"Bảng điều khiển: http://{args.host}:{args.port}/  (API: /api/docs)")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", proxy_headers=False)  # XFF: trusted_proxies
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.service.core import Service
    from devices.broker import mask_url

    store = open_store(settings.database_url)
    with Service(settings, store, args.mqtt) as service:
        print(f"dịch vụ đang chạy: broker {mask_url(service.mqtt_url or '')}, media {service.media_base_url} (Ctrl+C để dừng)")
        service.run_forever()
    print("đã dừng")
    return 0


def cmd_up(args: argparse.Namespace, settings: Settings) -> int:
    """Console + service in one process: what a commune installs. The service owns the broker
    session, the media port and the clock; the console talks to it only through the store."""
    import threading

    import uvicorn

    from broadcaster.service.core import Service
    from broadcaster.web.app import create_app
    from devices.broker import mask_url

    store = open_store(settings.database_url)
    _first_admin_hint(store)
    with Service(settings, store, args.mqtt) as service:
        clock = threading.Thread(target=service.run_forever, kwargs={"handle_signals": False}, name="service", daemon=True)
        clock.start()
        print(
            f"Bảng điều khiển: http://{args.host}:{args.port}/ — dịch vụ phát: broker {mask_url(service.mqtt_url or '')}, "
            f"media {service.media_base_url} (Ctrl+C để dừng)"
        )
        try:
            uvicorn.run(create_app(settings, store), host=args.host, port=args.port, log_level="warning", proxy_headers=False)
        finally:
            if service.runner is not None:
                service.runner.stop()
            clock.join(timeout=10)
    print("đã dừng")
    return 0


def cmd_user_add(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.app.directory import create_user

    store = open_store(settings.database_url)
    role = Role(args.role)
    password = args.password or _ask_password()
    with store.session() as session:
        create_user(
            session,
            CLI_ADMIN,
            args.username,
            role,
            password,
            args.name or "",
            [c for c in (args.communes or "").split(",") if c],
            [x for x in (args.languages or "").split(",") if x],
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
    za.add_argument("--as", dest="as_user")
    za.set_defaults(func=cmd_zone_add)
    from broadcaster.cli.control import register_zone

    register_zone(zone)

    dev = sub.add_parser("device", aliases=["devices"], help="speaker devices").add_subparsers(dest="device_cmd", required=True)
    da = dev.add_parser("add")
    da.add_argument("id")
    da.add_argument("--zone", required=True)
    da.add_argument("--name")
    da.add_argument("--as", dest="as_user")
    da.set_defaults(func=cmd_device_add)

    from broadcaster.cli.bookings import register as register_booking

    register_booking(sub)

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
    pod.add_argument("--self-url", help="where the feed is published (atom:link rel=self); default: beside the media")
    pod.set_defaults(func=cmd_podcast)

    em = sub.add_parser("emergency", help="play a bulletin now on every speaker of the zones")
    em.add_argument("bulletin", type=int)
    em.add_argument("--zones", required=True)
    em.add_argument("--repeat", type=int, default=1)
    em.add_argument("--gap", type=float, default=0)
    em.add_argument("--wait", type=float, default=30, help="seconds to wait for the speakers' acks")
    em.add_argument("--as", dest="as_user")
    em.set_defaults(func=cmd_emergency)

    wd = sub.add_parser("withdraw", help="withdraw a bulletin from every future play")
    wd.add_argument("bulletin", type=int)
    wd.add_argument("--reason", required=True)
    wd.add_argument("--as", dest="as_user")
    wd.set_defaults(func=cmd_withdraw)

    cap = sub.add_parser("cap", help="CAP 1.2 alerts").add_subparsers(dest="cap_cmd", required=True)
    ci = cap.add_parser("import")
    ci.add_argument("file")
    ci.add_argument("--zones", help="zones to alert (default: every zone)")
    ci.set_defaults(func=cmd_cap_import)
    from broadcaster.cli.bookings import cmd_cap_export

    ce = cap.add_parser("export", help="our emergencies as CAP 1.2 alerts, for upstream systems")
    ce.add_argument("--out", help="a directory: one .xml per emergency (default: print them)")
    ce.add_argument("--since", help="YYYY-MM-DD")
    ce.add_argument("--sender", help="the CAP <sender>, e.g. the commune's address")
    ce.set_defaults(func=cmd_cap_export)

    serve = sub.add_parser("serve", help="the web console and JSON API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=cmd_serve)

    run = sub.add_parser("run", help="the long-running service (broker session, media server, clock)")
    run.add_argument("--mqtt")
    run.set_defaults(func=cmd_run)

    up = sub.add_parser("up", help="console + service in one process (a commune's install)")
    up.add_argument("--host", default="127.0.0.1")
    up.add_argument("--port", type=int, default=8000)
    up.add_argument("--mqtt")
    up.set_defaults(func=cmd_up)

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

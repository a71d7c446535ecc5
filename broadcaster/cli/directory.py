"""`broadcaster zone add`, `device add`, `user add`: the directory of zones, speakers and people."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from broadcaster.config import Settings


# the values of broadcaster.app.workflow.Role, written out so that `--help` imports no store (a test keeps them equal)
ROLES = ("admin", "editor", "approver", "translator", "official", "observer")


def cmd_zone_add(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.app.directory import ZoneSpec, save_zone
    from broadcaster.cli.common import actor
    from broadcaster.store.engine import open_store

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
    from broadcaster.cli.common import actor
    from broadcaster.store.engine import open_store

    store = open_store(settings.database_url)
    with store.session() as session:
        add_device(session, actor(store, args.as_user), args.id, args.zone, args.name or args.id)
    print(f"loa {args.id} thuộc vùng {args.zone}")
    return 0


def cmd_user_add(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.app.directory import create_user
    from broadcaster.app.workflow import Role
    from broadcaster.cli.common import CLI_ADMIN
    from broadcaster.store.engine import open_store

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
    """Typed twice at a terminal; with no terminal (a script, a pipe) `--password` is the way, said in Vietnamese."""
    import getpass

    from broadcaster.app.directory import MIN_PASSWORD
    from broadcaster.app.workflow import WorkflowError

    try:
        first = getpass.getpass("Mật khẩu: ")
        if len(first) < MIN_PASSWORD:
            raise WorkflowError("the password is too short", "user.short_password", minimum=MIN_PASSWORD)
        again = getpass.getpass("Nhập lại: ")
    except EOFError:
        raise WorkflowError("no password was typed: pass --password", "user.no_password") from None
    if again != first:
        raise WorkflowError("the passwords differ", "user.passwords_differ")
    return first


def register(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """`zone` (with its timetable) and `device add`; returns the `device` group for the device commands to join."""
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
    return dev


def register_user(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    user = sub.add_parser("user", help="users").add_subparsers(dest="user_cmd", required=True)
    ua = user.add_parser("add")
    ua.add_argument("username")
    ua.add_argument("--role", required=True, choices=ROLES)
    ua.add_argument("--name")
    ua.add_argument("--password", help="omit to be asked")
    ua.add_argument("--communes")
    ua.add_argument("--languages")
    ua.set_defaults(func=cmd_user_add)

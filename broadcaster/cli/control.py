"""`broadcaster control`: volume, amplifier power, stop or restart speakers through the service's
queue (as the console); `broadcaster zone timetable`: a zone's amplifier and volume timetable."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from broadcaster.config import Settings


# broadcaster.app.control.ACTIONS, written out so that `--help` imports no web app (a test keeps them equal)
ACTIONS = ("volume", "power", "stop", "reboot")


def cmd_control(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.app.control import request_control
    from broadcaster.cli.common import actor, queued
    from broadcaster.store.engine import open_store

    store = open_store(settings.database_url)
    who = actor(store, args.as_user)
    zones = [z for z in (args.zones or "").split(",") if z]
    devices = [d for d in (args.devices or "").split(",") if d]
    with store.session() as session:
        task_id = request_control(session, who, args.action, zones, devices, args.volume, args.on)
    print(f"lệnh {args.action} tới {', '.join(zones + devices)}: lệnh #{task_id}")
    return queued(store, task_id, args.wait)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    control = sub.add_parser("control", help="volume, stop or restart speakers (acknowledged, audited)")
    control.add_argument("action", choices=ACTIONS)
    control.add_argument("--zones")
    control.add_argument("--devices")
    control.add_argument("--volume", type=int)
    power = control.add_mutually_exclusive_group()
    power.add_argument("--on", dest="on", action="store_true", default=None, help="power: switch the amplifier on")
    power.add_argument("--off", dest="on", action="store_false", help="power: switch the amplifier off")
    control.add_argument("--as", dest="as_user")
    control.add_argument("--wait", type=float, default=0, help="seconds to wait for the speakers' acks")
    control.set_defaults(func=cmd_control)


def cmd_zone_timetable(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.app.timetables import describe, edit_or_clear
    from broadcaster.cli.common import actor
    from broadcaster.store.engine import open_store

    store = open_store(settings.database_url)
    who = actor(store, args.as_user)
    with store.session() as session:  # an option left out keeps that part of the zone's timetable
        stored, kept = edit_or_clear(session, who, args.zone, args.power or "", args.volume or "", clear=args.clear)
    print(f"vùng {args.zone}: {describe(stored)}")
    if kept:
        note = {"power": "giờ bật ampli", "volume": "mốc âm lượng"}
        print(f"giữ nguyên {' và '.join(note[k] for k in kept)} đã có (--clear để bỏ lịch)")
    print("lịch được gửi tới loa trong chương trình phát tiếp theo")
    return 0


def register_zone(zone: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    tt = zone.add_parser("timetable", help="a zone's daily amplifier on/off windows and volume steps (audited)")
    tt.add_argument("zone")
    tt.add_argument("--power", help="windows in the zone's local time, e.g. '05:30-21:30; 17:00-19:00'")
    tt.add_argument("--volume", help="steps, e.g. '05:30=60; 06:00=85'")
    tt.add_argument("--clear", action="store_true", help="remove the timetable")
    tt.add_argument("--as", dest="as_user")
    tt.set_defaults(func=cmd_zone_timetable)

"""`broadcaster control`: volume, stop or restart speakers through the service's queue (as the console)."""

from __future__ import annotations

import argparse

from broadcaster.commands import _queued, actor
from broadcaster.config import Settings
from broadcaster.store import open_store
from broadcaster.web.remote import ACTIONS, request_control


def cmd_control(args: argparse.Namespace, settings: Settings) -> int:
    store = open_store(settings.database_url)
    who = actor(store, args.as_user)
    zones = [z for z in (args.zones or "").split(",") if z]
    devices = [d for d in (args.devices or "").split(",") if d]
    with store.session() as session:
        task_id = request_control(session, who, args.action, zones, devices, args.volume)
    print(f"lệnh {args.action} tới {', '.join(zones + devices)}: lệnh #{task_id}")
    return _queued(store, task_id, args.wait)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    control = sub.add_parser("control", help="volume, stop or restart speakers (acknowledged, audited)")
    control.add_argument("action", choices=ACTIONS)
    control.add_argument("--zones")
    control.add_argument("--devices")
    control.add_argument("--volume", type=int)
    control.add_argument("--as", dest="as_user")
    control.add_argument("--wait", type=float, default=0, help="seconds to wait for the speakers' acks")
    control.set_defaults(func=cmd_control)

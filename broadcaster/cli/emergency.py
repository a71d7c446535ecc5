"""`broadcaster emergency`, `withdraw`, `cap import|export`: alerts in and out, through the service's queue."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from broadcaster.config import Settings


def cmd_emergency(args: argparse.Namespace, settings: Settings) -> int:
    """Queue an emergency for the running service (never a broker session of its own)."""
    from broadcaster.app import tasks
    from broadcaster.cli.common import actor, queued
    from broadcaster.store.engine import open_store

    store = open_store(settings.database_url)
    who = actor(store, args.as_user)
    with store.session() as session:
        zones = args.zones.split(",")
        task_id = tasks.request_emergency(
            session, who, args.bulletin, zones, args.repeat, int(args.gap * 60), reason=args.reason
        ).id
    print(f"phát khẩn cấp bản tin {args.bulletin} tới {args.zones}: lệnh #{task_id}")
    return queued(store, task_id, args.wait)


def cmd_withdraw(args: argparse.Namespace, settings: Settings) -> int:
    """Withdraw in the store; the running service re-plans and re-pushes every affected speaker."""
    from broadcaster.app.workflow import WorkflowError, withdraw
    from broadcaster.cli.common import actor
    from broadcaster.store.engine import open_store
    from broadcaster.store.models import Bulletin

    store = open_store(settings.database_url)
    who = actor(store, args.as_user)
    with store.session() as session:
        bulletin = session.get(Bulletin, args.bulletin)
        if bulletin is None:
            raise WorkflowError(f"no bulletin {args.bulletin}", "workflow.no_bulletin", bulletin=args.bulletin)
        withdraw(session, bulletin, who, args.reason)
    print(f"đã rút bản tin {args.bulletin}; dịch vụ phát sẽ cập nhật chương trình của mọi loa")
    return 0


def cmd_cap_import(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.app.cap_import import import_alert
    from broadcaster.store.engine import open_store

    store = open_store(settings.database_url)
    message = import_alert(store, settings, Path(args.file).read_bytes(), args.zones.split(",") if args.zones else [])
    print(message)
    return 0


def cmd_cap_export(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.app.cap_export import SENDER, cap_documents
    from broadcaster.cli.common import date_option
    from broadcaster.store.engine import open_store

    store = open_store(settings.database_url)
    since = date_option(args.since, None)
    moment = datetime.combine(since, datetime.min.time(), tzinfo=ZoneInfo(settings.timezone)) if since else None
    sender = args.sender or SENDER
    with store.session() as session:
        alerts = cap_documents(session, sender, moment)  # withdrawn emergencies also as a Cancel
    if args.out:
        folder = Path(args.out)
        folder.mkdir(parents=True, exist_ok=True)
        for booking_id, xml, cancel in alerts:
            (folder / f"loa-emergency-{booking_id}{'-cancel' if cancel else ''}.xml").write_bytes(xml)
        print(f"đã xuất {len(alerts)} cảnh báo CAP vào {folder}")
    else:
        for _, xml, _ in alerts:
            sys.stdout.write(xml.decode("utf-8") + "\n")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    em = sub.add_parser("emergency", help="play a bulletin now on every speaker of the zones")
    em.add_argument("bulletin", type=int)
    em.add_argument("--zones", required=True)
    em.add_argument("--repeat", type=int, default=1)
    em.add_argument("--gap", type=float, default=0)
    em.add_argument("--reason", required=True, help="why it must play now (at least 5 characters; audited)")
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

    ce = cap.add_parser("export", help="our emergencies as CAP 1.2 alerts, for upstream systems")
    ce.add_argument("--out", help="a directory: one .xml per emergency (default: print them)")
    ce.add_argument("--since", help="YYYY-MM-DD")
    ce.add_argument("--sender", help="the CAP <sender>, e.g. the commune's address")
    ce.set_defaults(func=cmd_cap_export)

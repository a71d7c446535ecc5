"""The `broadcaster` command line. Errors are reported in one line, never as a traceback."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from broadcaster import config as config_module
from broadcaster.app.workflow import WorkflowError
from broadcaster.config import ConfigError, Settings
from broadcaster.store.engine import StoreError
from devices.broker import BrokerError
from media.errors import MediaError
from schedules.model import ScheduleError
from scripts.errors import ScriptsError
from tts.base import TTSError

EXPECTED_ERRORS = (
    SQLAlchemyError,  # the database is down or busy: said in one line, nothing half-stored
    ScriptsError,
    BrokerError,
    ConfigError,
    StoreError,
    WorkflowError,
    TTSError,
    MediaError,
    ScheduleError,
    OSError,
    ValueError,
)

Command = Callable[[argparse.Namespace, Settings], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="broadcaster", description="Bản tin pháp luật cho loa truyền thanh cơ sở")
    parser.add_argument("--config", dest="settings_file", type=Path, help="TOML settings file (default: $BROADCASTER_CONFIG)")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo", help="run the whole pipeline on the bundled sample")
    demo.add_argument("--devices", type=int, default=5)
    demo.add_argument("--lead", type=float, default=5.0, help="seconds until the slot starts")
    demo.add_argument("--mqtt", help="mqtt://HOST:PORT (default: an embedded broker)")
    demo.add_argument("--out", default="demo-out")
    from broadcaster.cli.demo import cmd_demo

    demo.set_defaults(func=cmd_demo)

    from broadcaster.cli import bookings, bulletins, control, devices, directory, emergency, schedule, service, stages

    stages.register(sub)
    device_group = directory.register(sub)
    bookings.register(sub)
    schedule.register(sub)
    emergency.register(sub)
    service.register(sub)
    directory.register_user(sub)
    devices.register(sub, device_group)
    control.register(sub)
    bulletins.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = config_module.load(args.settings_file)
        return int(args.func(args, settings))
    except EXPECTED_ERRORS as exc:
        from broadcaster.app.messages import for_cli

        print(f"Lỗi: {for_cli(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

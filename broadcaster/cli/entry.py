"""The `broadcaster` command line. Errors are reported in one line, never as a traceback."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from broadcaster.config import Settings
    from broadcaster.config_source import StoreSettings


def expected_errors() -> tuple[type[BaseException], ...]:
    """What a command may raise that is said in one line, not a traceback. Imported when an error
    is raised, not at start: `broadcaster --help` imports neither the store nor the stages."""
    from sqlalchemy.exc import SQLAlchemyError

    from broadcaster.app.tasks import IdentityInUse
    from broadcaster.app.workflow import WorkflowError
    from broadcaster.config import ConfigError
    from broadcaster.errors import AppError
    from broadcaster.store.engine import StoreError
    from devices.broker import BrokerError
    from media.errors import MediaError
    from schedules.model import ScheduleError
    from scripts.errors import ScriptsError
    from tts.base import TTSError

    return (
        AppError,  # every refusal of broadcaster (workflow, config, store, bookings, …)
        SQLAlchemyError,  # the database is down or busy: said in one line, nothing half-stored
        ScriptsError,
        BrokerError,
        ConfigError,
        StoreError,
        WorkflowError,
        IdentityInUse,
        TTSError,
        MediaError,
        ScheduleError,
        OSError,
        ValueError,
    )


Command = Callable[[argparse.Namespace, "Settings"], int]


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from broadcaster.cli import demo  # the service, the fleet, the stages: imported when the demo runs

    return demo.cmd_demo(args, settings)


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


def _settings(args: argparse.Namespace) -> Settings | StoreSettings:
    """Every setting validated, or for a command that only reads the store (`store_only`) where it
    is, without pydantic when that is certain (broadcaster.config_source)."""
    if getattr(args, "store_only", False):
        from broadcaster.config_source import store_settings

        found = store_settings(args.settings_file)
        if found is not None:
            return found
    from broadcaster import config

    return config.load(args.settings_file)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args, _settings(args)))
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if not isinstance(exc, expected_errors()):
            raise
        from broadcaster.app.messages import for_cli

        print(f"Lỗi: {for_cli(exc)}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

"""The `broadcaster` command line. Errors are reported in one line, never as a traceback."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, cast

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


class _Skipped:
    """A command's parser that is not built: every call on it does nothing."""

    def __getattr__(self, name: str) -> Callable[..., _Skipped]:
        return self._nothing

    def _nothing(self, *args: object, **kwargs: object) -> _Skipped:
        return self


class _Only:
    """Subparsers that build only the command typed. The other thirty-odd commands' parsers were
    a third of `broadcaster plan`'s time once the store was read without SQLAlchemy (issue 21)."""

    def __init__(self, sub: argparse._SubParsersAction, command: str) -> None:  # type: ignore[type-arg]
        self.sub, self.command, self.found = sub, command, False

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser | _Skipped:
        if name != self.command:
            return _Skipped()
        self.found = True
        return self.sub.add_parser(name, **kwargs)


class _Narrowed(argparse.ArgumentParser):
    """A parser of one command, which leaves every mistake to the parser of every command to say."""

    def error(self, message: str) -> NoReturn:
        raise _Retry(message)


class _Retry(Exception):
    pass


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Every command's parser or, given a `command`, only that one's (`_Narrowed`; every command's
    when none has that name)."""
    kind = argparse.ArgumentParser if command is None else _Narrowed
    parser = kind(prog="broadcaster", description="Bản tin pháp luật cho loa truyền thanh cơ sở")
    parser.add_argument("--config", dest="settings_file", type=Path, help="TOML settings file (default: $BROADCASTER_CONFIG)")
    parser.add_argument("-v", "--verbose", action="store_true")
    every = parser.add_subparsers(dest="command", required=True)
    only = _Only(every, command) if command is not None else None
    sub = cast("argparse._SubParsersAction[argparse.ArgumentParser]", only or every)

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
    return parser if only is None or only.found else build_parser()


def _command(argv: Sequence[str]) -> str | None:
    """The command named on the line (`broadcaster -v plan …` → "plan"); None for the top-level help.
    A guess only narrows the parser: a name no command has gets every command's parser."""
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help"):
            return None
        if word == "--config":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


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


def _parse(words: list[str]) -> argparse.Namespace:
    """The command's own parser reads the line; help and errors are said as every command's parser says them."""
    command = _command(words)
    if command is not None:
        try:
            return build_parser(command).parse_args(words)
        except _Retry:
            pass
    return build_parser().parse_args(words)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else list(argv))
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

"""Where settings come from, read without pydantic: the TOML file, then BROADCASTER_* variables.

`broadcaster.config.load` validates every setting on top of this (pydantic, a fifth of a second
of a CLI start). A command that needs only where the store is (`broadcaster plan`, issue 21)
asks `store_settings`: the same file and variables with the same precedence and defaults,
every name checked against the settings `Settings` declares (read from config.py's text, as
store.revision reads the migrations' head), and the two values it uses checked for their type.
Whatever it is unsure of, it leaves to `config.load`, which says what is wrong.
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from broadcaster.errors import AppError

PREFIX = "BROADCASTER_"
CONFIG_ENV = PREFIX + "CONFIG"
DATA_DIR = Path("data")
CONFIG_PY = Path(__file__).with_name("config.py")


class ConfigError(AppError):
    """The configuration is invalid; the message names the setting.

    `code` and `params` let the console and CLI say it in Vietnamese (broadcaster.app.messages).
    """

    def __init__(self, message: str, settings: list[str] | None = None, code: str | None = None, **params: object) -> None:
        super().__init__(message, code or "config.invalid", settings=", ".join(settings or []) or "?", detail=message, **params)


def sqlite_url(data_dir: Path) -> str:
    """The store when no database_url is set: a SQLite file in the data directory."""
    return f"sqlite:///{(data_dir / 'broadcaster.db').as_posix()}"


def gather(path: Path | None, env: Mapping[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """The raw values by setting name (defaults < TOML file < environment) and where each came from.

    :raises ConfigError: for a file that cannot be read.
    """
    values: dict[str, Any] = {}
    origin: dict[str, str] = {}
    path = path or (Path(env[CONFIG_ENV]) if env.get(CONFIG_ENV) else None)
    if path is not None:
        try:
            values.update(tomllib.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config {path}: {exc}", code="config.unreadable", path=str(path)) from exc
        origin.update({key: f" in {path}" for key in values})
    for key, raw in env.items():
        if key.startswith(PREFIX) and key != CONFIG_ENV:
            name = key[len(PREFIX) :].lower()
            values[name] = raw
            origin[name] = f" ({key})"
    return values, origin


@functools.cache
def setting_names() -> frozenset[str]:
    """The settings `config.Settings` declares, one `name: type = Field(` line each; empty when unsure."""
    source = CONFIG_PY.read_text(encoding="utf-8")
    body = source.partition("\nclass Settings(BaseModel):")[2].partition("\n    @")[0]
    return frozenset(re.findall(r"^    (\w+): [^\n=]+= Field\(", body, re.M))


@dataclass(frozen=True, slots=True)
class StoreSettings:
    """What a command that only reads the store needs of the settings."""

    database_url: str


def store_settings(path: Path | None = None, env: Mapping[str, str] = os.environ) -> StoreSettings | None:
    """Where the store is, as `config.load` would say; None when only `config.load` can tell (an
    unknown setting, a value of the wrong type).

    :raises ConfigError: for a file that cannot be read.
    """
    values, _ = gather(path, env)
    names = setting_names()
    if not names or not set(values) <= names:
        return None
    url, data_dir = values.get("database_url", ""), values.get("data_dir", str(DATA_DIR))
    if not isinstance(url, str) or not isinstance(data_dir, str):
        return None
    return StoreSettings(url or sqlite_url(Path(data_dir)))

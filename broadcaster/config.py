"""Typed settings from an optional TOML file, overridden by BROADCASTER_* environment variables."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PREFIX = "BROADCASTER_"


class ConfigError(Exception):
    """The configuration is invalid; the message names the setting."""


@dataclass
class Settings:
    data_dir: Path = Path("data")
    database_url: str = ""
    mqtt_url: str = ""  # empty: start the embedded broker
    topic_prefix: str = "loa/v1"
    media_host: str = "127.0.0.1"
    media_port: int = 8081  # stable, so media URLs in pushed programmes survive restarts
    media_base_url: str = ""  # public URL of /media/ when a CDN or another server serves it
    timezone: str = "Asia/Ho_Chi_Minh"
    key_id: str = "k1"
    dialect: str = "north"
    target_lufs: float = -16.0
    online_tts: bool = False  # allow gTTS (needs the internet)
    programme_days: int = 3
    replan_every_s: int = 60
    feed_every_s: int = 900
    command_retry_s: int = 20
    http_host: str = "127.0.0.1"
    http_port: int = 8000
    feeds: list[str] = field(default_factory=list)
    server_client_id: str = "loa-server"
    extra: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir)
        if not self.database_url:
            self.database_url = f"sqlite:///{(self.data_dir / 'broadcaster.db').as_posix()}"
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ConfigError(f"timezone {self.timezone!r} is not a known IANA zone") from exc
        if self.dialect not in ("north", "south"):
            raise ConfigError(f"dialect must be north or south, not {self.dialect!r}")

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    @property
    def voices_dir(self) -> Path:
        return self.data_dir / "voices"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    @property
    def key_file(self) -> Path:
        return self.data_dir / "keys" / f"server-{self.key_id}.pem"


def _coerce(value: str, kind: object) -> object:
    if kind in (bool, "bool"):
        return value.strip().lower() in ("1", "true", "yes", "on")
    if kind in (int, "int"):
        return int(value)
    if kind in (float, "float"):
        return float(value)
    return value


def load(path: Path | None = None, env: Mapping[str, str] = os.environ) -> Settings:
    """Read settings: defaults < TOML file < environment.

    :raises ConfigError: for an unreadable file, an unknown key or a bad value.
    """
    values: dict[str, object] = {}
    path = path or (Path(env[PREFIX + "CONFIG"]) if PREFIX + "CONFIG" in env else None)
    if path is not None:
        try:
            values.update(tomllib.loads(path.read_text()))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config {path}: {exc}") from exc
    names = {f.name: f.type for f in dataclasses.fields(Settings) if f.name != "extra"}
    unknown = sorted(set(values) - set(names))
    extra = {k: values.pop(k) for k in unknown}
    for name, kind in names.items():
        if PREFIX + name.upper() in env:
            try:
                values[name] = _coerce(env[PREFIX + name.upper()], kind)
            except ValueError as exc:
                raise ConfigError(f"{PREFIX}{name.upper()}: {exc}") from exc
    return Settings(**values, extra=extra)  # type: ignore[arg-type]

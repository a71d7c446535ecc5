"""Typed settings from an optional TOML file, overridden by BROADCASTER_* environment variables.

Settings are validated when they are loaded: an unknown key (`mqtt_ulr`), a value of the wrong
type or an impossible value is refused with the setting's name and where it came from, so a typo
never silently falls back to a default. `docs/settings.md` lists every setting; a test keeps it
in step with `Settings`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from broadcaster.config_source import CONFIG_ENV as CONFIG_ENV
from broadcaster.config_source import DATA_DIR, PREFIX, ConfigError, gather, sqlite_url
from scripts.limits import LinkPolicy

Port = Annotated[int, Field(ge=0, le=65535)]
Seconds = Annotated[int, Field(ge=1)]


class Settings(BaseModel):
    """Every setting of the application. Field descriptions become `docs/settings.md`."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=False)

    data_dir: Path = Field(DATA_DIR, description="Media, keys, cache and the SQLite file")
    database_url: str = Field("", description="SQLAlchemy URL; empty: SQLite in data_dir")
    mqtt_url: str = Field("", description="mqtt://[user:pass@]host:port of the broker; empty: an embedded broker")
    device_broker_url: str = Field(
        "", description="mqtt://host:port the speakers connect to (agent configs); empty: mqtt_url's host and port"
    )
    topic_prefix: str = Field("loa/v1", min_length=1, description="MQTT topic prefix of the device protocol")
    media_host: str = Field("127.0.0.1", description="Address the service's media server listens on")
    media_port: Port = Field(8081, description="Port of the media server (stable, so pushed URLs survive restarts); 0: any")
    media_base_url: str = Field("", description="Public URL of /media/ when a CDN or another server serves data/media")
    podcast_owner: str = Field("Ủy ban nhân dân xã", min_length=1, description="itunes:owner name of the podcast feeds")
    podcast_email: str = Field(
        "", description="itunes:owner email of the podcast feeds (directories require one; `podcast` warns while empty)"
    )
    timezone: str = Field("Asia/Ho_Chi_Minh", description="IANA time zone of the communes (zones may override)")
    key_id: str = Field("k1", min_length=1, description="Id of the server's Ed25519 signing key")
    dialect: Literal["north", "south"] = Field("north", description="Spoken-form dialect: north or south")
    target_lufs: float = Field(-16.0, ge=-40.0, le=-5.0, description="Integrated loudness of mastered audio")
    online_tts: bool = Field(False, description="Allow gTTS (needs the internet)")
    programme_days: int = Field(3, ge=1, le=31, description="Days of programme pushed to each speaker")
    replan_every_s: Seconds = Field(60, description="Seconds between full re-plans by the service")
    feed_every_s: Seconds = Field(900, description="Seconds between feed polls")
    command_retry_s: Seconds = Field(20, description="Seconds between re-sends of unacknowledged commands")
    task_poll_s: float = Field(0.5, gt=0, le=60, description="Seconds between checks of the service's task queue")
    http_host: str = Field("127.0.0.1", description="Address the web console listens on")
    http_port: Port = Field(8000, description="Port of the web console")
    feeds: list[str] = Field(default_factory=list, description="RSS/Atom feed URLs polled by the service (env: comma-separated)")
    feed_hosts: list[str] = Field(
        default_factory=list, description="Hosts a feed's document links may point to (empty: any public host)"
    )
    relay_allow_private: bool = Field(
        False, description="Let relayed stream URLs point to loopback/private/link-local addresses (tests, intranet radio)"
    )
    feed_allow_private: bool = Field(False, description="Let feed links reach loopback/private addresses (an intranet feed)")
    auto_draft: bool = Field(False, description="The service drafts and renders new feed documents into review (never approves)")
    server_client_id: str = Field("loa-server", min_length=1, description="MQTT client id of the service (persistent session)")
    shared_group: str = Field(
        "",
        description="Workers with the same group share device reports ($share/<group>/…), each with its own "
        "server_client_id; one leads (re-plan, pushes, retries, tasks). Empty: a single worker",
    )
    adopt_after_s: float = Field(
        10.0, gt=0, le=3600, description="Seconds a worker may be gone before the leader drains its broker session"
    )
    cookie_secure: bool = Field(False, description="Mark session cookies Secure even behind a plain-HTTP proxy")
    trusted_proxies: list[str] = Field(
        default_factory=list, description="Addresses whose X-Forwarded-For is believed (env: comma-separated); none by default"
    )
    max_request_bytes: int = Field(1 << 20, ge=1024, description="Largest request body the console/API reads (forms, JSON)")
    max_upload_bytes: int = Field(50 << 20, ge=1024, description="Largest file upload (multipart: recordings, audio, documents)")
    smtp_host: str = Field("", description="SMTP server notifications are e-mailed through; empty: no e-mail")
    smtp_port: Port = Field(25, description="Port of the SMTP server")
    smtp_from: str = Field("loa@localhost", description="Sender address of notification e-mails")
    notify_every_s: Seconds = Field(30, description="Seconds between the service's notification scans and e-mails")
    max_recording_s: int = Field(
        900, ge=10, le=4 * 3600, description="Longest recording or uploaded audio, probed before decoding"
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"{value!r} is not a known IANA time zone") from exc
        return value

    @field_validator("podcast_email")
    @classmethod
    def _email(cls, value: str) -> str:
        if value and not re.fullmatch(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+", value):
            raise ValueError(f"{value!r} is not an email address")
        return value

    @field_validator("mqtt_url", "device_broker_url")
    @classmethod
    def _mqtt_scheme(cls, value: str) -> str:
        if value and not value.startswith(("mqtt://", "mqtts://")):
            raise ValueError("must start with mqtt:// or mqtts://")
        return value

    @field_validator("shared_group")
    @classmethod
    def _group_name(cls, value: str) -> str:
        if any(c in value for c in "/+#$ "):
            raise ValueError("a shared-subscription group is one MQTT topic level: no /, +, #, $ or spaces")
        return value

    @field_validator("feeds", "feed_hosts", "trusted_proxies", mode="before")
    @classmethod
    def _feed_list(cls, value: Any) -> Any:
        return _list(value)

    @model_validator(mode="after")
    def _default_database(self) -> Settings:
        if not self.database_url:  # set directly: assignment would re-run this validator
            self.__dict__["database_url"] = sqlite_url(self.data_dir)
        return self

    def link_policy(self) -> LinkPolicy:
        """What feed links may be followed (scripts.limits), from these settings."""
        return LinkPolicy(frozenset(h.lower() for h in self.feed_hosts), self.feed_allow_private)

    @property
    def public_media_base(self) -> str:
        """Where speakers download media: media_base_url, or the service's own media server."""
        return self.media_base_url or f"http://{self.media_host}:{self.media_port}/media/"

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


def _list(value: Any) -> Any:
    """A list from the environment: a JSON array or comma-separated items."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text.startswith("["):
        return json.loads(text)
    return [part.strip() for part in text.split(",") if part.strip()]


def _explain(exc: ValidationError, origin: dict[str, str]) -> tuple[str, list[str]]:
    problems, names = [], []
    for error in exc.errors():
        name = str(error["loc"][0]) if error["loc"] else "?"
        where = origin.get(name, "")
        names.append(f"{name}{where}")
        if error["type"] == "extra_forbidden":
            problems.append(f"unknown setting {name!r}{where} (see docs/settings.md)")
        else:
            problems.append(f"setting {name!r}{where}: {error['msg']}")
    return "; ".join(problems), names


def load(path: Path | None = None, env: Mapping[str, str] = os.environ) -> Settings:
    """Read settings: defaults < TOML file < environment.

    :raises ConfigError: for an unreadable file, an unknown key or a bad value, naming the key.
    """
    values, origin = gather(path, env)
    for key in env:
        if key.startswith(PREFIX) and key != CONFIG_ENV and key[len(PREFIX) :].lower() not in Settings.model_fields:
            raise ConfigError(f"unknown setting {key} in the environment (see docs/settings.md)", [key])
    try:
        return Settings(**values)
    except ValidationError as exc:
        raise ConfigError(*_explain(exc, origin)) from exc
    except json.JSONDecodeError as exc:
        raise ConfigError(f"a list setting is neither JSON nor comma-separated: {exc}", code="config.bad_list") from exc


def settings_table() -> str:
    """The Markdown table of every setting, for docs/settings.md."""
    rows = ["| setting | environment | default | meaning |", "|---|---|---|---|"]
    for name, info in Settings.model_fields.items():
        default = info.get_default(call_default_factory=True)
        shown = "" if default in ("", []) else str(default)
        rows.append(f"| `{name}` | `{PREFIX}{name.upper()}` | {f'`{shown}`' if shown else '—'} | {info.description} |")
    return "\n".join(rows) + "\n"

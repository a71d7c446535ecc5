"""A programme entry: what a `schedule` body's `items` and a `play` body's `item` carry.

The server builds entries (`programme_entry`) and the device reads them (`ProgrammeEntry.from_dict`)
with the same types, so both sides agree on every field and its precision. Reading is strict:
media names become file names on the device, so anything a device could not play safely is
refused as `malformed` (docs/protocol.md).
"""

from __future__ import annotations

import enum
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from devices.protocol import ProtocolError, Rejection, iso, parse_iso


class Priority(enum.StrEnum):
    """Priority classes of a programme entry; an emergency plays first and interrupts."""

    NORMAL = "normal"
    PRIORITY = "priority"
    EMERGENCY = "emergency"


_SHA256 = re.compile(r"[0-9a-f]{64}")
_CODEC = re.compile(r"[a-z0-9]{1,8}")


def _match(pattern: re.Pattern[str], text: str, name: str) -> str:
    """Media names become file names on the device: nothing but the expected characters."""
    if not pattern.fullmatch(text):
        raise ProtocolError(Rejection.MALFORMED, f"{name} {text[:70]!r} is not valid")
    return text


def _url(text: str) -> str:
    if not text.startswith(("http://", "https://")):
        raise ProtocolError(Rejection.MALFORMED, f"URL must be http(s): {text[:80]}")
    return text


def _field(data: dict[str, Any], key: str, kind: type, limit: int = 2048) -> Any:
    value = data.get(key)
    if kind is int and (isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**53):
        raise ProtocolError(Rejection.MALFORMED, f"{key} must be a positive integer")
    if kind is str and (not isinstance(value, str) or len(value) > limit):
        raise ProtocolError(Rejection.MALFORMED, f"{key} must be a string of at most {limit} characters")
    return value


@dataclass(frozen=True, slots=True)
class MediaRef:
    """The audio file an entry plays: downloaded ahead from `url` and kept only if it is `bytes`
    long and hashes to `sha256`, which also names it in the device's cache (`{sha256}.{codec}`)."""

    url: str
    sha256: str
    bytes: int
    duration_ms: int
    codec: str

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "sha256": self.sha256, "bytes": self.bytes, "duration_ms": self.duration_ms, "codec": self.codec}

    @classmethod
    def from_dict(cls, data: object) -> MediaRef:
        """:raises ProtocolError: MALFORMED for a missing or ill-typed field."""
        if not isinstance(data, dict):
            raise ProtocolError(Rejection.MALFORMED, "media must be an object")
        return cls(
            _url(_field(data, "url", str)),
            _match(_SHA256, _field(data, "sha256", str, 64), "sha256"),
            _field(data, "bytes", int),
            _field(data, "duration_ms", int),
            _match(_CODEC, _field(data, "codec", str, 16), "codec"),
        )


MAX_STREAM_MS = 24 * 3600 * 1000


@dataclass(frozen=True, slots=True)
class StreamRef:
    """A live stream a relay entry plays for `duration_ms` instead of a media file (docs/protocol.md)."""

    url: str
    duration_ms: int

    def __post_init__(self) -> None:
        if not isinstance(self.url, str) or not self.url.startswith(("http://", "https://")) or len(self.url) > 2000:
            raise ProtocolError(Rejection.MALFORMED, "stream url must be http(s)")
        if (
            not isinstance(self.duration_ms, int)
            or isinstance(self.duration_ms, bool)
            or not 0 < self.duration_ms <= MAX_STREAM_MS
        ):
            raise ProtocolError(Rejection.MALFORMED, "stream duration_ms must be a positive integer up to a day")

    @property
    def sha256(self) -> str:
        """What a proof of play of the stream carries in `sha256`: the hash of the URL."""
        return hashlib.sha256(self.url.encode()).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "duration_ms": self.duration_ms}

    @classmethod
    def from_dict(cls, data: object) -> StreamRef:
        if not isinstance(data, dict):
            raise ProtocolError(Rejection.MALFORMED, "stream must be an object")
        return cls(_url(_field(data, "url", str)), _field(data, "duration_ms", int))


@dataclass(frozen=True, slots=True)
class ProgrammeEntry:
    """One signed programme entry, in a `schedule` body's `items` or a `play` body's `item`.

    The one type for building (server) and reading (agent) entries: exactly one of `media`
    (a file, verified by sha256) and `stream` (a live relay). `starts_at` is epoch seconds and
    travels as ISO 8601 UTC with milliseconds.
    """

    id: str
    starts_at: float
    duration_ms: int
    priority: Priority
    bulletin: str = ""
    title: str = ""
    media: MediaRef | None = None
    stream: StreamRef | None = None

    @property
    def duration_s(self) -> float:
        return self.duration_ms / 1000

    @property
    def source(self) -> str:
        """What the player plays: the media's sha256 (a cached file) or the stream's URL."""
        return self.media.sha256 if self.media else self.stream.url if self.stream else ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "starts_at": iso(self.starts_at),
            "duration_ms": self.duration_ms,
            "priority": self.priority.value,
            "bulletin": self.bulletin,
            "title": self.title,
        }
        if self.media is not None:
            out["media"] = self.media.to_dict()
        if self.stream is not None:
            out["stream"] = self.stream.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: object) -> ProgrammeEntry:
        """:raises ProtocolError: MALFORMED for anything a device could not play safely."""
        if not isinstance(data, dict):
            raise ProtocolError(Rejection.MALFORMED, "an entry must be an object")
        try:
            priority = Priority(data.get("priority", "normal"))
            starts_at = parse_iso(_field(data, "starts_at", str, 40))
        except ValueError as exc:
            raise ProtocolError(Rejection.MALFORMED, f"entry {str(data.get('id'))[:40]}: {exc}") from exc
        media = MediaRef.from_dict(data["media"]) if "media" in data else None
        stream = StreamRef.from_dict(data["stream"]) if "stream" in data else None
        if (media is None) == (stream is None):
            raise ProtocolError(Rejection.MALFORMED, "an entry has exactly one of media and stream")
        return cls(
            _field(data, "id", str, 64),
            starts_at,
            _field(data, "duration_ms", int),
            priority,
            str(_field(data, "bulletin", str, 64) if "bulletin" in data else ""),
            str(_field(data, "title", str, 500) if "title" in data else ""),
            media,
            stream,
        )


def programme_entry(
    item_id: str,
    starts_at: float | datetime,
    priority: Priority | str,
    bulletin: str,
    title: str,
    media: MediaRef | None = None,
    stream: StreamRef | None = None,
) -> ProgrammeEntry:
    """Build a programme entry: the one place the server makes them (schedules, emergencies,
    the demo and the benches), so every entry has the same fields and precision."""
    moment = starts_at.timestamp() if isinstance(starts_at, datetime) else starts_at
    length = media.duration_ms if media else stream.duration_ms if stream else 0
    return ProgrammeEntry(item_id, round(moment, 3), length, Priority(priority), bulletin, title, media, stream)

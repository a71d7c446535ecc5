"""Bounded JSON for everything that arrives over MQTT, and validation of device reports.

A message is refused before `json.loads` when it is too big or nested too deeply (100,000
nested `[` would otherwise raise `RecursionError` inside paho's network thread), and after it
when it holds non-finite numbers or huge integers (`{"seq": 1e999}`), or is not UTF-8 — as
bytes, or after decoding: a `\ud800` escape decodes to a lone surrogate that no UTF-8 encoder
(the database driver, a log file, an ack) accepts (`not_utf8`, issue 22 #1).
Device reports (ack, played, state, telemetry) are then checked field by field and reduced
to the known fields with their types, so the handlers never see anything else.
"""

from __future__ import annotations

import json
import math
import re
from datetime import datetime
from typing import Any

from devices.errors import MessageError

MAX_REPORT_BYTES = 16 * 1024  # a device report is a few hundred bytes
MAX_SERVER_BYTES = 2 * 1024 * 1024  # a programme of a few thousand items
MAX_DEPTH = 12
MAX_INT_DIGITS = 20

_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(rb"[\[\]{}]")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_NAME = re.compile(r"[\w.:\-]{1,64}")


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:20]} is out of range")
    return value


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"an integer of {len(text)} digits")
    return int(text)


def loads(payload: bytes, max_bytes: int = MAX_REPORT_BYTES, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON within limits.

    :raises MessageError: `too_large`, `too_deep`, `not_utf8` or `malformed`.
    """
    if len(payload) > max_bytes:
        raise MessageError("too_large", f"{len(payload)} bytes > {max_bytes}")
    if payload.count(b"[") + payload.count(b"{") > max_depth:  # else it cannot nest too deep (an ack: one)
        depth = 0
        for bracket in _BRACKETS.finditer(_STRINGS.sub(b'""', payload)):
            depth += 1 if bracket.group() in (b"[", b"{") else -1
            if depth > max_depth:
                raise MessageError("too_deep", f"nested deeper than {max_depth}")
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MessageError("not_utf8", str(exc)) from exc
    try:
        value = json.loads(text, parse_constant=_no_constant, parse_float=_finite, parse_int=_bounded_int)
    except (ValueError, RecursionError) as exc:
        raise MessageError("malformed", str(exc)[:200]) from exc
    if _SURROGATE_ESCAPE.search(payload) and _has_surrogate(value):  # only an escape can make one
        raise MessageError("not_utf8", "a string holds a lone surrogate (\\uD800–\\uDFFF escape)")
    return value


_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _has_surrogate(value: Any) -> bool:
    """Whether any string in the decoded JSON (keys included) cannot be encoded as UTF-8."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _text(body: dict[str, Any], key: str, limit: int = 64, required: bool = True, default: str = "") -> str:
    value = body.get(key)
    if key not in body and not required:  # absent; a null is not a string
        return default
    if not isinstance(value, str):
        raise MessageError("bad_field", f"{key} must be a string")
    if len(value) > limit:
        raise MessageError("bad_field", f"{key} is longer than {limit}")
    return value


def _int(body: dict[str, Any], key: str, low: int, high: int, default: int | None = None) -> int:
    value = body.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise MessageError("bad_field", f"{key} must be an integer in {low}..{high}")
    return value


_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
_ACK_ID = re.compile(r"([0-9a-f]{32})?")
ACK_REASONS = frozenset(
    {
        "duplicate",
        "malformed",
        "unknown_key",
        "bad_signature",
        "wrong_target",
        "wrong_topic",
        "expired",
        "replayed",
        "stale_sequence",
        "media_checksum",
        "media_size",
    }
)
MISSED_REASONS = ("amplifier_off", "media_unavailable", "late")
FAILED_REASONS = ("player_timeout", "player_error")


def _instant(body: dict[str, Any], key: str, required: bool = True) -> str | None:
    """An RFC 3339 date-time with seconds and an offset (the schemas' pattern), that parses."""
    if key not in body and not required:
        return None
    text = _text(body, key, 40)
    try:
        if not _INSTANT.fullmatch(text):
            raise ValueError(text)
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise MessageError("bad_field", f"{key} is not an ISO 8601 instant (2026-11-24T00:00:00.000Z)") from exc
    return text


def _choice(body: dict[str, Any], key: str, allowed: tuple[str, ...] | frozenset[str], default: str | None = None) -> str:
    value = body.get(key, default)
    if value not in allowed:
        raise MessageError("bad_field", f"{key} must be one of {', '.join(sorted(str(a) for a in allowed))}")
    return str(value)


def _bool(body: dict[str, Any], key: str) -> bool:
    value = body.get(key)
    if not isinstance(value, bool):
        raise MessageError("bad_field", f"{key} must be true or false")
    return value


def report(kind: str, device: str, payload: bytes) -> dict[str, Any]:
    """The validated, reduced body of a device report: what `devices/schemas/{kind}.json`
    allows, field by field (unknown fields are dropped, not refused).

    :raises MessageError: with the reason to record (the message is then dropped, not retried).
    """
    body = loads(payload)
    if not isinstance(body, dict):
        raise MessageError("malformed", f"a {kind} report must be a JSON object, not {type(body).__name__}")
    if "device" in body and body["device"] != device:  # the topic names the device; the field is optional
        raise MessageError("wrong_device", "device field differs from the topic")
    if kind == "ack":
        return _ack(body)
    if kind == "played":
        return _played(body)
    if kind in ("state", "telemetry"):
        return _status(kind, body)
    raise MessageError("unknown_topic", kind[:32])


def _ack(body: dict[str, Any]) -> dict[str, Any]:
    message_id = _text(body, "id", 32)
    if not _ACK_ID.fullmatch(message_id):
        raise MessageError("bad_field", "id must be 32 hex digits, or empty for a message without one")
    status = _choice(body, "status", ("ok", "rejected"))
    if "reason" not in body:
        raise MessageError("bad_field", "reason is required (null when there is none)")
    reason = body["reason"]
    if reason is not None and reason not in ACK_REASONS:
        raise MessageError("bad_field", "reason is not one of the documented rejections")
    return {"id": message_id, "status": status, "reason": reason, "at": _instant(body, "at")}


def _played(body: dict[str, Any]) -> dict[str, Any]:
    item = _text(body, "item")
    stream = _text(body, "stream", 2000, required=False) if "stream" in body else None
    if stream is not None and not stream.startswith(("http://", "https://")):
        raise MessageError("bad_field", "stream must be an http(s) URL")
    sha = _text(body, "sha256")
    if not _NAME.fullmatch(item) or not _SHA256.fullmatch(sha):
        raise MessageError("bad_field", "item must be an id and sha256 64 hex digits (of the stream URL for a relay)")
    started, ended = _instant(body, "started"), _instant(body, "ended")
    outcome = _choice(
        body, "outcome", ("completed", "interrupted", "missed", "failed")
    )  # required: a report must say how it went
    played: dict[str, Any] = {
        "item": item,
        "bulletin": _text(body, "bulletin", 32, required=False),
        "sha256": sha,
        "started": started,
        "ended": ended,
        "volume": _int(body, "volume", 0, 100),
        "priority": _choice(body, "priority", ("normal", "priority", "emergency"), "normal"),
        "outcome": outcome,
        "played_ms": _int(body, "played_ms", 0, 86_400_000),
    }
    if "reason" in body:
        played["reason"] = _choice(body, "reason", FAILED_REASONS if outcome == "failed" else MISSED_REASONS)
    return played


def _status(kind: str, body: dict[str, Any]) -> dict[str, Any]:
    """A retained `state` (online, firmware) or a `telemetry` heartbeat: what the device says it is doing."""
    out: dict[str, Any] = {"at": _instant(body, "at", required=kind == "telemetry")}
    if kind == "state":
        out["online"] = _bool(body, "online")
        out["firmware"] = _text(body, "firmware", 64, required=False)
    if "volume" in body:
        out["volume"] = _int(body, "volume", 0, 100)
    if "amplifier_on" in body:
        out["amplifier_on"] = _bool(body, "amplifier_on")
    if body.get("playing") is not None:
        out["playing"] = _text(body, "playing")
    for key in ("free_bytes", "cached_media", "programme_items", "rejections", "outbox", "signal_dbm"):
        if key in body:
            out[key] = _int(body, key, -200 if key == "signal_dbm" else 0, 2**53)
    if "clock_skew_s" in body:
        skew = body["clock_skew_s"]
        if isinstance(skew, bool) or not isinstance(skew, (int, float)):
            raise MessageError("bad_field", "clock_skew_s must be a number")
        out["clock_skew_s"] = skew
    return out

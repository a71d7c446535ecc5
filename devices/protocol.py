"""The speaker protocol: topics, signed envelopes and their verification.

Every server message is an envelope `{v, id, type, target, issued_at, expires_at, seq, body,
key_id, sig}`; `sig` is Ed25519 over the canonical JSON of the other fields (sorted keys, no
spaces, UTF-8). Everything the protocol needs is in the payload, so MQTT 3.1.1 suffices.

Replay protection: a device remembers the ids it accepted and, per topic, the highest
sequence number; MQTT orders messages only within a topic, so a single counter across
topics would reject legitimate messages that overtook each other.
"""

from __future__ import annotations

import base64
import enum
import json
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

VERSION = 1
DEFAULT_PREFIX = "loa/v1"


class MessageType(enum.StrEnum):
    SCHEDULE = "schedule"
    PLAY = "play"
    STOP = "stop"
    VOLUME = "volume"
    SYNC = "sync"
    REBOOT = "reboot"


class Rejection(enum.StrEnum):
    MALFORMED = "malformed"
    UNKNOWN_KEY = "unknown_key"
    BAD_SIGNATURE = "bad_signature"
    EXPIRED = "expired"
    REPLAYED = "replayed"
    STALE_SEQUENCE = "stale_sequence"
    WRONG_TARGET = "wrong_target"
    MEDIA_CHECKSUM = "media_checksum"


class ProtocolError(Exception):
    """A message was refused; `reason` is what the device acks."""

    def __init__(self, reason: Rejection, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Topics:
    prefix: str = DEFAULT_PREFIX

    def schedule(self, device: str) -> str:
        return f"{self.prefix}/dev/{device}/schedule"

    def device_cmd(self, device: str) -> str:
        return f"{self.prefix}/dev/{device}/cmd"

    def zone_cmd(self, zone: str) -> str:
        return f"{self.prefix}/zone/{zone}/cmd"

    def ack(self, device: str) -> str:
        return f"{self.prefix}/dev/{device}/ack"

    def played(self, device: str) -> str:
        return f"{self.prefix}/dev/{device}/played"

    def state(self, device: str) -> str:
        return f"{self.prefix}/dev/{device}/state"

    def telemetry(self, device: str) -> str:
        return f"{self.prefix}/dev/{device}/telemetry"

    def from_devices(self, kind: str) -> str:
        return f"{self.prefix}/dev/+/{kind}"

    def device_of(self, topic: str) -> str:
        parts = topic[len(self.prefix) + 1 :].split("/")
        return parts[1] if len(parts) >= 3 and parts[0] == "dev" else ""


def canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def iso(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_iso(text: str) -> float:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


@dataclass
class Signer:
    """The server's signing key; `seq` never goes back, even across restarts (it is time-based)."""

    key: Ed25519PrivateKey
    key_id: str
    _seq: int = 0

    @classmethod
    def generate(cls, key_id: str = "k1") -> Signer:
        return cls(Ed25519PrivateKey.generate(), key_id)

    @classmethod
    def from_pem(cls, pem: bytes, key_id: str) -> Signer:
        key = serialization.load_pem_private_key(pem, password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError("the signing key must be Ed25519")
        return cls(key, key_id)

    def private_pem(self) -> bytes:
        return self.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())

    def public_b64(self) -> str:
        raw = self.key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return _b64(raw)

    def next_seq(self, now: float) -> int:
        self._seq = max(self._seq + 1, int(now * 1000))
        return self._seq

    def envelope(
        self, kind: MessageType, target: str, body: dict[str, Any], ttl_s: float, now: float | None = None
    ) -> dict[str, Any]:
        now = time.time() if now is None else now
        message: dict[str, Any] = {
            "v": VERSION,
            "id": uuid.uuid4().hex,
            "type": kind.value,
            "target": target,
            "issued_at": iso(now),
            "expires_at": iso(now + ttl_s),
            "seq": self.next_seq(now),
            "body": body,
            "key_id": self.key_id,
        }
        message["sig"] = _b64(self.key.sign(canonical(message)))
        return message

    def encode(self, kind: MessageType, target: str, body: dict[str, Any], ttl_s: float, now: float | None = None) -> bytes:
        return canonical(self.envelope(kind, target, body, ttl_s, now))


def public_key(b64: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(_unb64(b64))


REQUIRED = ("v", "id", "type", "target", "issued_at", "expires_at", "seq", "body", "key_id", "sig")


@dataclass
class Verifier:
    """A device's view: trusted keys by id (several during a rotation) and replay memory."""

    trusted: dict[str, Ed25519PublicKey]
    targets: frozenset[str]
    last_seq: dict[str, int] = field(default_factory=dict)
    seen: OrderedDict[str, None] = field(default_factory=OrderedDict)
    memory: int = 4096

    def verify(self, topic: str, payload: bytes, now: float) -> dict[str, Any]:
        """Return the accepted envelope.

        :raises ProtocolError: with the reason to ack when the message is refused.
        """
        try:
            message = json.loads(payload)
            if not isinstance(message, dict) or any(k not in message for k in REQUIRED):
                raise ValueError("missing fields")
            seq = int(message["seq"])
            expires = parse_iso(str(message["expires_at"]))
        except (ValueError, TypeError) as exc:
            raise ProtocolError(Rejection.MALFORMED, str(exc)) from exc
        key = self.trusted.get(str(message["key_id"]))
        if key is None:
            raise ProtocolError(Rejection.UNKNOWN_KEY, str(message["key_id"]))
        unsigned = {k: v for k, v in message.items() if k != "sig"}
        try:
            key.verify(_unb64(str(message["sig"])), canonical(unsigned))
        except (InvalidSignature, ValueError) as exc:
            raise ProtocolError(Rejection.BAD_SIGNATURE) from exc
        if message["target"] not in self.targets:
            raise ProtocolError(Rejection.WRONG_TARGET, str(message["target"]))
        if expires < now:
            raise ProtocolError(Rejection.EXPIRED, str(message["expires_at"]))
        if message["id"] in self.seen:
            raise ProtocolError(Rejection.REPLAYED, str(message["id"]))
        if seq <= self.last_seq.get(topic, -1):
            raise ProtocolError(Rejection.STALE_SEQUENCE, f"{seq} ≤ {self.last_seq[topic]}")
        self.last_seq[topic] = seq
        self.seen[str(message["id"])] = None
        while len(self.seen) > self.memory:
            self.seen.popitem(last=False)
        return message


@dataclass(frozen=True, slots=True)
class MediaRef:
    url: str
    sha256: str
    bytes: int
    duration_ms: int
    codec: str

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "sha256": self.sha256, "bytes": self.bytes, "duration_ms": self.duration_ms, "codec": self.codec}

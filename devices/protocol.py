"""The speaker protocol: topics, signed envelopes and their verification.

Every server message is an envelope `{v, id, type, target, topic, issued_at, expires_at, seq,
body, key_id, sig}`; `sig` is Ed25519 over the canonical JSON of the other fields (keys sorted
recursively, no spaces, UTF-8). The signed `topic` (relative to the prefix) ties a message to
the one topic it may arrive on, so an old signed schedule cannot be replayed as a command.
Everything the protocol needs is in the payload, so MQTT 3.1.1 suffices.

Replay protection: a device remembers the ids it accepted (until they expire) and, per topic,
the highest sequence number, and keeps both across restarts; MQTT orders messages only within
a topic, so a single counter across topics would reject legitimate messages that overtook
each other.

What a message's body carries — programme entries, their media and streams — is read and built
in `devices/programme.py`.
"""

from __future__ import annotations

import base64
import enum
import json
import re
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from devices import wire
from devices.errors import DeviceError, MessageError

VERSION = 1
DEFAULT_PREFIX = "loa/v1"


class MessageType(enum.StrEnum):
    SCHEDULE = "schedule"
    PLAY = "play"
    STOP = "stop"
    VOLUME = "volume"
    SYNC = "sync"
    REBOOT = "reboot"
    POWER = "power"


class Rejection(enum.StrEnum):
    MALFORMED = "malformed"
    UNKNOWN_KEY = "unknown_key"
    BAD_SIGNATURE = "bad_signature"
    EXPIRED = "expired"
    REPLAYED = "replayed"
    STALE_SEQUENCE = "stale_sequence"
    WRONG_TARGET = "wrong_target"
    WRONG_TOPIC = "wrong_topic"
    MEDIA_CHECKSUM = "media_checksum"
    MEDIA_SIZE = "media_size"


class ProtocolError(DeviceError):
    """A message was refused; `reason` is what the device acks."""

    def __init__(self, reason: Rejection, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Topics:
    """The protocol's topics under one prefix (docs/protocol.md, *Topics*): a device's own are
    `dev/{device}/{kind}`, a zone's commands `zone/{zone}/cmd`."""

    prefix: str = DEFAULT_PREFIX

    def _device(self, device: str, kind: str) -> str:
        return f"{self.prefix}/dev/{device}/{kind}"

    # server → device
    def schedule(self, device: str) -> str:
        """The device's whole signed programme, retained."""
        return self._device(device, "schedule")

    def device_cmd(self, device: str) -> str:
        return self._device(device, "cmd")

    def zone_cmd(self, zone: str) -> str:
        """Commands for every device of a zone (an emergency's fan-out)."""
        return f"{self.prefix}/zone/{zone}/cmd"

    # device → server
    def ack(self, device: str) -> str:
        return self._device(device, "ack")

    def played(self, device: str) -> str:
        """Proof of play."""
        return self._device(device, "played")

    def state(self, device: str) -> str:
        """Online or not (retained; the will says offline), volume, amplifier, firmware."""
        return self._device(device, "state")

    def telemetry(self, device: str) -> str:
        """The heartbeat."""
        return self._device(device, "telemetry")

    def worker(self, client_id: str) -> str:
        """Presence of a service worker (retained, with a will); devices never use it. A client
        id may hold `/`, `+` or `#`: the topic level replaces them, the payload names the worker."""
        level = client_id if client_id == "+" else re.sub(r"[/+#]", "_", client_id)
        return f"{self.prefix}/server/{level}"

    def from_devices(self, kind: str) -> str:
        """One kind of report from every device (a subscription)."""
        return self._device("+", kind)

    def device_of(self, topic: str) -> str:
        parts = topic[len(self.prefix) + 1 :].split("/")
        return parts[1] if len(parts) >= 3 and parts[0] == "dev" else ""


def target_of(device: str | None = None, zone: str | None = None) -> str:
    """A message's `target`: `dev/{device}` or `zone/{zone}`.

    :raises ValueError: unless exactly one of device and zone is given.
    """
    if (device is None) == (zone is None):
        raise ValueError("give exactly one of device or zone")
    return f"dev/{device}" if device is not None else f"zone/{zone}"


def topic_of(kind: MessageType | str, target: str) -> str:
    """The topic, relative to the prefix, on which a message of this type for this target travels."""
    return f"{target}/schedule" if kind == MessageType.SCHEDULE else f"{target}/cmd"


def canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


# stands in a body for a field given already encoded (`Signer.signed`); random, so no text can be it
_FRAGMENT = f"fragment-{uuid.uuid4().hex}:"


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

    def _unsigned(self, kind: MessageType, target: str, body: dict[str, Any], ttl_s: float, now: float | None) -> dict[str, Any]:
        now = time.time() if now is None else now
        return {
            "v": VERSION,
            "id": uuid.uuid4().hex,
            "type": kind.value,
            "target": target,
            "topic": topic_of(kind, target),
            "issued_at": iso(now),
            "expires_at": iso(now + ttl_s),
            "seq": self.next_seq(now),
            "body": body,
            "key_id": self.key_id,
        }

    def envelope(
        self, kind: MessageType, target: str, body: dict[str, Any], ttl_s: float, now: float | None = None
    ) -> dict[str, Any]:
        message = self._unsigned(kind, target, body, ttl_s, now)
        message["sig"] = _b64(self.key.sign(canonical(message)))
        return message

    def encode(self, kind: MessageType, target: str, body: dict[str, Any], ttl_s: float, now: float | None = None) -> bytes:
        return canonical(self.envelope(kind, target, body, ttl_s, now))

    def signed(
        self,
        kind: MessageType,
        target: str,
        body: dict[str, Any],
        ttl_s: float,
        now: float | None = None,
        fragments: dict[str, bytes] | None = None,
    ) -> tuple[str, bytes]:
        """(id, payload): the signed envelope as its canonical JSON, encoded once.

        `fragments` are body fields given already as `canonical(value)`: a zone's programme
        items are encoded once for all the zone's devices, not once per device. The payload is
        byte for byte `canonical` of the whole envelope, so devices verify it as any other.
        """
        fragments = fragments or {}
        message = self._unsigned(kind, target, {**body, **{key: _FRAGMENT + key for key in fragments}}, ttl_s, now)
        message_id, seq = message["id"], message["seq"]
        data = canonical(message)
        for key, raw in fragments.items():
            data = data.replace(canonical(_FRAGMENT + key), raw, 1)
        sig = _b64(self.key.sign(data))
        # "sig" sorts right after "seq", which follows the body: the last `,"seq":N` is the envelope's
        marker = b',"seq":%d' % seq
        at = data.rindex(marker) + len(marker)
        return message_id, b'%s,"sig":"%s"%s' % (data[:at], sig.encode(), data[at:])


def public_key(b64: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(_unb64(b64))


REQUIRED = ("v", "id", "type", "target", "topic", "issued_at", "expires_at", "seq", "body", "key_id", "sig")
TYPES = frozenset(t.value for t in MessageType)


@dataclass
class Verifier:
    """A device's view: trusted keys by id (several during a rotation) and replay memory.

    `seen` maps accepted ids to their expiry: an expired message is refused anyway, so an id
    is forgotten once it expired. `snapshot()`/`remember()` carry both across restarts.
    """

    trusted: dict[str, Ed25519PublicKey]
    targets: frozenset[str]
    last_seq: dict[str, int] = field(default_factory=dict)
    seen: OrderedDict[str, float] = field(default_factory=OrderedDict)
    memory: int = 4096

    def verify(self, topic: str, payload: bytes, now: float) -> dict[str, Any]:
        """Return the accepted envelope.

        :raises ProtocolError: with the reason to ack when the message is refused.
        """
        try:
            message = wire.loads(payload, wire.MAX_SERVER_BYTES, wire.MAX_DEPTH)
            if not isinstance(message, dict) or any(k not in message for k in REQUIRED):
                raise ValueError("not an envelope with every field")
            if message["type"] not in TYPES or not isinstance(message["body"], dict):
                raise ValueError(f"unknown type {str(message['type'])[:20]}")
            seq = int(message["seq"])
            expires = parse_iso(str(message["expires_at"]))
            message_id, signed_topic = str(message["id"]), str(message["topic"])
        except (MessageError, ValueError, TypeError, OverflowError) as exc:
            raise ProtocolError(Rejection.MALFORMED, str(exc)[:200]) from exc
        key = self.trusted.get(str(message["key_id"]))
        if key is None:
            raise ProtocolError(Rejection.UNKNOWN_KEY, str(message["key_id"])[:64])
        unsigned = {k: v for k, v in message.items() if k != "sig"}
        try:
            key.verify(_unb64(str(message["sig"])), canonical(unsigned))
        except (InvalidSignature, ValueError) as exc:
            raise ProtocolError(Rejection.BAD_SIGNATURE) from exc
        if message["target"] not in self.targets:
            raise ProtocolError(Rejection.WRONG_TARGET, str(message["target"]))
        if signed_topic != topic_of(message["type"], str(message["target"])) or not topic.endswith("/" + signed_topic):
            raise ProtocolError(Rejection.WRONG_TOPIC, f"signed for {signed_topic}, arrived on {topic}")
        if expires < now:
            raise ProtocolError(Rejection.EXPIRED, str(message["expires_at"]))
        if message_id in self.seen:
            raise ProtocolError(Rejection.REPLAYED, message_id)
        if seq <= self.last_seq.get(topic, -1):
            raise ProtocolError(Rejection.STALE_SEQUENCE, f"{seq} ≤ {self.last_seq[topic]}")
        self.last_seq[topic] = seq
        self.seen[message_id] = expires
        self._forget(now)
        return message

    def _forget(self, now: float) -> None:
        while self.seen and (len(self.seen) > self.memory or next(iter(self.seen.values())) < now):
            self.seen.popitem(last=False)

    def snapshot(self) -> dict[str, Any]:
        """What must survive a restart, as JSON-able data."""
        return {"last_seq": dict(self.last_seq), "seen": list(self.seen.items())}

    def remember(self, state: dict[str, Any], now: float) -> None:
        self.last_seq.update({str(k): int(v) for k, v in dict(state.get("last_seq", {})).items()})
        for message_id, expires in state.get("seen", []):
            self.seen[str(message_id)] = float(expires)
        self._forget(now)

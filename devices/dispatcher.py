"""Server side of delivery: sign and publish programmes and commands; collect acks, plays, state."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import paho.mqtt.client as mqtt

from devices.mqtt import connect, make_client
from devices.protocol import MessageType, Signer, Topics

log = logging.getLogger(__name__)

Handler = Callable[[str, dict[str, Any]], None]


@dataclass
class Dispatcher:
    signer: Signer
    url: str
    topics: Topics = field(default_factory=Topics)
    client_id: str = "loa-server"
    on_ack: Handler | None = None
    on_played: Handler | None = None
    on_state: Handler | None = None
    sent: dict[str, dict[str, Any]] = field(default_factory=dict)
    clean: bool = True

    def __post_init__(self) -> None:
        self.client = make_client(self.client_id, clean=self.clean)
        self.client.on_connect = self._on_connect
        self.client.on_message = self._on_message
        self.client.max_inflight_messages_set(1000)
        self.client.max_queued_messages_set(0)
        self._lock = threading.Lock()

    def start(self) -> Dispatcher:
        connect(self.client, self.url)
        return self

    def stop(self) -> None:
        self.flush(10)
        self.client.disconnect()
        self.client.loop_stop()

    def _on_connect(self, client: mqtt.Client, userdata: object, flags: object, reason: mqtt.ReasonCode, props: object) -> None:
        client.subscribe([(self.topics.from_devices(kind), 1) for kind in ("ack", "played", "state", "telemetry")])

    def _on_message(self, client: mqtt.Client, userdata: object, msg: mqtt.MQTTMessage) -> None:
        device = self.topics.device_of(msg.topic)
        try:
            body = json.loads(msg.payload)
        except ValueError:
            log.warning("unreadable message from %s on %s", device, msg.topic)
            return
        kind = msg.topic.rsplit("/", 1)[-1]
        if kind == "ack":
            with self._lock:
                if (entry := self.sent.get(str(body.get("id")))) is not None:
                    entry.setdefault("acks", {})[device] = body
        handler = {"ack": self.on_ack, "played": self.on_played, "state": self.on_state}.get(kind)
        if handler:
            handler(device, body)

    def _publish(self, topic: str, payload: bytes, retain: bool) -> None:
        """Queue a QoS 1 publish; paho sends it with up to 1,000 in flight, so a fleet-wide push
        is not a round trip per device. Acks from devices confirm delivery end to end."""
        info = self.client.publish(topic, payload, qos=1, retain=retain)
        if info.rc != mqtt.MQTT_ERR_SUCCESS:
            raise OSError(f"publish to {topic} failed: {mqtt.error_string(info.rc)}")
        self._last = info

    def flush(self, timeout_s: float = 30.0) -> None:
        """Wait until everything queued so far reached the broker."""
        last = getattr(self, "_last", None)
        if last is not None:
            last.wait_for_publish(timeout_s)

    def programme(self, device: str, zone: str, items: list[dict[str, Any]], ttl_s: float = 3 * 86400) -> tuple[str, bytes]:
        """Sign a device's whole programme; returns (message id, payload) to record, then publish."""
        body = {"device": device, "zone": zone, "items": items}
        message = self.signer.envelope(MessageType.SCHEDULE, f"dev/{device}", body, ttl_s)
        with self._lock:
            self.sent[message["id"]] = {"type": "schedule", "target": device, "at": time.time()}
        return str(message["id"]), json.dumps(message, ensure_ascii=False).encode()

    def publish_programme(self, device: str, payload: bytes) -> None:
        """Retained, so a device that connects later (or reconnects) gets the latest programme."""
        self._publish(self.topics.schedule(device), payload, retain=True)

    def push_programme(self, device: str, zone: str, items: list[dict[str, Any]], ttl_s: float = 3 * 86400) -> str:
        message_id, payload = self.programme(device, zone, items, ttl_s)
        self.publish_programme(device, payload)
        return message_id

    def command_message(
        self, kind: MessageType, body: dict[str, Any], device: str | None = None, zone: str | None = None, ttl_s: float = 600
    ) -> tuple[str, str, bytes]:
        """Sign a command for one device or a whole zone; returns (id, topic, payload)."""
        if (device is None) == (zone is None):
            raise ValueError("give exactly one of device or zone")
        target = f"dev/{device}" if device else f"zone/{zone}"
        topic = self.topics.device_cmd(device) if device else self.topics.zone_cmd(zone or "")
        message = self.signer.envelope(kind, target, body, ttl_s)
        with self._lock:
            self.sent[message["id"]] = {"type": kind.value, "target": target, "at": time.time()}
        return str(message["id"]), topic, json.dumps(message, ensure_ascii=False).encode()

    def resend(self, topic: str, payload: bytes) -> None:
        """The very same signed message again: devices that did it ack a duplicate, never redo it."""
        self._publish(topic, payload, retain=False)

    def command(
        self, kind: MessageType, body: dict[str, Any], device: str | None = None, zone: str | None = None, ttl_s: float = 600
    ) -> str:
        """Send a command to one device or to a whole zone (emergency fan-out)."""
        message_id, topic, payload = self.command_message(kind, body, device, zone, ttl_s)
        self._publish(topic, payload, retain=False)
        return message_id

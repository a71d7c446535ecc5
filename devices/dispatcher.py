"""Server side of delivery: sign and publish programmes and commands; collect acks, plays, state."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import paho.mqtt.client as mqtt

from devices import wire
from devices.broker import BrokerError
from devices.errors import MessageError
from devices.mqtt import Subscriptions, connect, make_client
from devices.protocol import MessageType, Signer, Topics, parse_iso, target_of

log = logging.getLogger(__name__)

Handler = Callable[[str, dict[str, Any]], None]
Rejected = Callable[[str, str, str, str], None]  # device, kind, reason, detail
REPORTS = ("ack", "played", "state", "telemetry")
_current = threading.local()  # the dispatcher and message a paho network thread is handling


@dataclass
class Dispatcher:
    signer: Signer
    url: str
    topics: Topics = field(default_factory=Topics)
    client_id: str = "loa-server"
    on_ack: Handler | None = None
    on_played: Handler | None = None
    on_state: Handler | None = None
    on_telemetry: Handler | None = None
    on_rejected: Rejected | None = None
    # on every reconnect: did the broker keep our session? (False: reports sent meanwhile may be gone)
    on_reconnect: Callable[[bool], None] | None = None
    # the messages still awaiting acks (id → type, target, expiry, acks): a device's superseded
    # programme and an expired message leave it, and it never holds more than `max_sent` (#21)
    sent: OrderedDict[str, dict[str, Any]] = field(default_factory=OrderedDict)
    max_sent: int = 200_000
    ack_grace_s: float = 300.0  # acks of an expired message still count this long (a late device)
    clock: Callable[[], float] = time.time
    clean: bool = True
    clock_tolerance_s: float = 2.0  # a device clock ahead by more than this is corrected
    deferred_acks: bool = False  # PUBACK a report only once its handler's `defer_ack()` callback ran
    # several workers share the reports through `$share/<group>/…`; each announces itself
    # (retained, with a will) on `server/<client id>` and hears the others through `on_peer`
    shared_group: str = ""
    on_peer: Callable[[str, bool], None] | None = None
    drain_only: bool = False  # a client that drains a dead worker's session: no subscriptions, no presence

    def __post_init__(self) -> None:
        self.client = make_client(self.client_id, clean=self.clean)
        self.client.on_connect = self._on_connect
        self.client.on_message = self._on_message
        self.client.on_disconnect = self._on_disconnect
        self.subscriptions = Subscriptions(self.client, self.url)
        # no cap on QoS 1 in flight: with one, paho scans all in flight on each PUBACK (a 10,000-device push went quadratic)
        self.client.max_inflight_messages_set(0)
        self.client.max_queued_messages_set(0)
        if self.deferred_acks:
            self.client.manual_ack_set(True)
        if self.shared_group and not self.drain_only:
            offline = json.dumps({"worker": self.client_id, "online": False}).encode()
            self.client.will_set(self.topics.worker(self.client_id), offline, qos=1, retain=True)
        self._deferred: Callable[[], None] | None = None
        self._programme_of: dict[str, str] = {}  # device → id of its latest programme in `sent`
        self._sweep_at = 1024
        self.evicted = 0  # entries dropped from `sent` by the size cap before they expired
        self._lock = threading.Lock()
        self.connects = 0
        self.rejected = 0
        self._clock_told: dict[str, float] = {}  # device → monotonic time before which no clock correction is sent again
        self.lost_at: float | None = None  # when the connection last dropped (wall clock), until the next one
        self.session_present: bool | None = None
        self.last_report = time.monotonic()  # when the last report arrived (a drain ends when they stop)
        self.received = 0

    def start(self, timeout_s: float = 10.0) -> Dispatcher:
        """Connect; return once the broker confirmed the subscriptions (a report sent before the
        SUBACK reaches no subscriber). :raises BrokerError: down, refused, or a subscription refused."""
        connect(self.client, self.url)
        try:
            if not self.drain_only:
                self.subscriptions.check(timeout_s)
        except BrokerError:
            self.stop()  # a worker's "online" (retained) was published on connect: it says offline, or none drains its share
            raise
        return self

    def stop(self) -> None:
        self.flush(10)
        if self.shared_group and not self.drain_only and self.client.is_connected():
            # a normal DISCONNECT sends no will: say it ourselves, so the leader drains our share
            offline = json.dumps({"worker": self.client_id, "online": False}).encode()
            self.client.publish(self.topics.worker(self.client_id), offline, qos=1, retain=True).wait_for_publish(5)
        self.client.disconnect()
        self.client.loop_stop()

    def report_filters(self) -> list[str]:
        """The topic filters of device reports, through the shared subscription if there is one."""
        share = f"$share/{self.shared_group}/" if self.shared_group else ""
        return [share + self.topics.from_devices(kind) for kind in REPORTS]

    def _on_connect(self, client: mqtt.Client, userdata: object, flags: object, reason: mqtt.ReasonCode, props: object) -> None:
        if reason.is_failure:
            return
        self.session_present = bool(getattr(flags, "session_present", False))
        if not self.drain_only:
            filters = self.report_filters() + ([self.topics.worker("+")] if self.shared_group else [])
            self.subscriptions.send(filters)
            if self.shared_group:
                online = json.dumps({"worker": self.client_id, "online": True}).encode()
                client.publish(self.topics.worker(self.client_id), online, qos=1, retain=True)
        self.connects += 1
        if self.connects > 1 and self.on_reconnect:
            self._guard("reconnect", "", self.on_reconnect, bool(getattr(flags, "session_present", False)))

    def _on_disconnect(self, client: mqtt.Client, userdata: object, flags: object, reason: object, props: object) -> None:
        if self.lost_at is None:
            self.lost_at = time.time()

    def _on_message(self, client: mqtt.Client, userdata: object, msg: mqtt.MQTTMessage) -> None:
        """Every message is acknowledged to the broker exactly once, on every path: here, or by
        the callback a handler took with `defer_ack` (once stored). A message left unacked holds
        one of the broker's in-flight slots for good; ~20 of them (worker presence, issue 22 #2)
        and the broker sends this session nothing more."""
        _current.handling, self._deferred = (self, msg), None
        try:
            if msg.topic.startswith(self.topics.worker("")):
                self._peer(msg)
            else:
                self.last_report = time.monotonic()
                self.received += 1
                self._handle(msg)
        except Exception:  # the callback boundary: paho's network thread must survive any message
            log.exception("handling a message on %s failed", msg.topic)
        finally:
            _current.handling = None
            deferred, self._deferred = self._deferred, None
            if self.deferred_acks and deferred is None:
                self._puback(msg)

    def _puback(self, msg: mqtt.MQTTMessage) -> None:
        if msg.qos > 0:
            self.client.ack(msg.mid, msg.qos)

    def _peer(self, msg: mqtt.MQTTMessage) -> None:
        try:
            body = json.loads(msg.payload)
            worker, online = str(body["worker"]), bool(body["online"])
        except (ValueError, KeyError, TypeError):
            log.warning("ignored a malformed worker presence on %s", msg.topic)
            return
        if worker != self.client_id and self.on_peer is not None:
            self._guard("presence", "", self.on_peer, worker, online)

    def defer_ack(self) -> Callable[[], None] | None:
        """Called by a handler that stores its report later (in a batch): the broker's PUBACK
        waits for the returned callback, so a report held in memory when the service is killed
        is delivered again to its persistent session on restart. None without `deferred_acks`."""
        handling = getattr(_current, "handling", None)
        if not self.deferred_acks or handling is None or handling[0] is not self:
            return None
        msg = handling[1]
        if self._deferred is not None:
            return self._deferred  # asked twice for one message: still one PUBACK
        done = threading.Event()

        def puback() -> None:
            if not done.is_set():  # exactly once, whoever calls it first (the writer or a failure)
                done.set()
                self._puback(msg)

        self._deferred = puback
        return puback

    def _handle(self, msg: mqtt.MQTTMessage) -> None:
        """Never raises: an exception here would kill paho's network thread and, unacked, the
        message would come back on every restart (issue 13 #1). What cannot be handled is
        recorded with its reason and acknowledged to the broker."""
        device = self.topics.device_of(msg.topic)
        kind = msg.topic.rsplit("/", 1)[-1]
        try:
            body = wire.report(kind, device, bytes(msg.payload))
        except MessageError as exc:
            self._reject(device, kind, exc.reason, str(exc))
            return
        if kind == "ack":
            with self._lock:
                entry = self.sent.get(body["id"])
                if entry is not None and "resent_of" in entry:  # the ack of a copy counts for the original
                    body = {**body, "id": entry["resent_of"]}
                    entry = self.sent.get(body["id"])
                if entry is not None and entry["expires"] + self.ack_grace_s >= self.clock():
                    entry.setdefault("acks", {})[device] = body
            ahead = self._check_clock(device, body)
            if ahead and body["status"] == "rejected" and body["reason"] == "expired" and entry is not None:
                self._resend_expired(device, body["id"], entry, ahead)
        handler = {"ack": self.on_ack, "played": self.on_played, "state": self.on_state, "telemetry": self.on_telemetry}.get(kind)
        if handler:
            self._guard(kind, device, handler, device, body)

    def _resend_expired(self, device: str, message_id: str, entry: dict[str, Any], ahead: float) -> None:
        """A command still valid by our clock that a device refused as `expired` because its clock
        is ahead is signed again for that device alone, valid for as much longer as the device
        is ahead (after the `sync {clock_ahead_s}` that corrects it, on the same topic), once
        per device. Its ack is recorded as the original's."""
        now = self.clock()
        if "body" not in entry or now >= entry["expires"] or device in entry.setdefault("resent_to", set()):
            return
        entry["resent_to"].add(device)
        copy_id, topic, payload = self.command_message(
            MessageType(entry["type"]), entry["body"], device=device, ttl_s=entry["expires"] - now + ahead + 120
        )
        with self._lock:
            if copy_id in self.sent:
                self.sent[copy_id]["resent_of"] = message_id
        log.warning("%s refused %s as expired (clock %.1f s ahead): sent again as %s", device, message_id, ahead, copy_id)
        try:
            self._publish(topic, payload, retain=False)
        except OSError as exc:
            log.warning("could not send %s again to %s: %s", message_id, device, exc)

    def _check_clock(self, device: str, ack: dict[str, Any]) -> float:
        """A device clock that is ahead plays everything early (or thinks a bulletin long past).
        An ack is stamped when the device sends it and received after that, so `at` minus the
        time it arrived is a lower bound of how far ahead the device is; beyond the tolerance
        the device is told, signed, at most once a minute (`sync {clock_ahead_s}`)."""
        try:
            ahead = parse_iso(str(ack["at"])) - self.clock()
        except (KeyError, TypeError, ValueError, OverflowError):
            return 0.0
        if ahead <= self.clock_tolerance_s or ahead > 86400:
            return 0.0
        with self._lock:
            if time.monotonic() < self._clock_told.get(device, 0.0):
                return ahead
            self._clock_told[device] = time.monotonic() + 60.0
        log.warning("%s clock is at least %.1f s ahead; telling it", device, ahead)
        try:
            # valid for longer than the device is ahead, or its own clock would find it expired
            self.command(MessageType.SYNC, {"clock_ahead_s": round(ahead, 3)}, device=device, ttl_s=ahead + 120)
        except OSError as exc:  # off the broker: the next ack tries again
            log.warning("could not tell %s its clock is ahead: %s", device, exc)
        return ahead

    def _guard(self, kind: str, device: str, call: Callable[..., None], *args: Any) -> None:
        try:
            call(*args)
        except Exception as exc:  # the callback boundary: a failing store must not stop delivery to every device
            log.exception("handling %s from %s failed", kind, device or "the broker")
            if self._deferred is not None:
                self._deferred()  # the handler took the PUBACK and failed: it is acknowledged now, once
            if device:
                self._reject(device, kind, "internal_error", f"{type(exc).__name__}: {str(exc)[:200]}")

    def _reject(self, device: str, kind: str, reason: str, detail: str) -> None:
        self.rejected += 1
        log.warning("rejected %s from %s: %s", kind, device, detail)
        if self.on_rejected is None:
            return
        try:
            self.on_rejected(device, kind, reason, detail)
        except Exception:  # recording the rejection failed too (store down): the log line above is all we have
            log.exception("could not record the rejected %s from %s", kind, device)

    def acks_of(self, message_ids: list[str]) -> int:
        """How many device acks (of any status) this client received for these messages."""
        with self._lock:
            return sum(len((self.sent.get(m) or {}).get("acks", {})) for m in message_ids)

    def acked(self, message_id: str, device: str) -> bool:
        """Whether the device acked this message `ok` (also when the ack beat the push's record)."""
        with self._lock:
            ack = (self.sent.get(message_id) or {}).get("acks", {}).get(device)
        return bool(ack and ack.get("status") == "ok")

    def _publish(self, topic: str, payload: bytes, retain: bool) -> None:
        """Queue a QoS 1 publish; paho sends it at once, without waiting for earlier PUBACKs, so a
        fleet-wide push is not a round trip per device. Acks from devices confirm delivery end to end."""
        info = self.client.publish(topic, payload, qos=1, retain=retain)
        if info.rc != mqtt.MQTT_ERR_SUCCESS:
            raise OSError(f"publish to {topic} failed: {mqtt.error_string(info.rc)}")
        self._last = info

    def flush(self, timeout_s: float = 30.0) -> None:
        """Wait until everything queued so far reached the broker."""
        last = getattr(self, "_last", None)
        if last is not None:
            last.wait_for_publish(timeout_s)

    def programme(
        self,
        device: str,
        zone: str,
        items: list[dict[str, Any]],
        ttl_s: float = 3 * 86400,
        timetable: dict[str, Any] | None = None,
        items_json: bytes | None = None,
    ) -> tuple[str, bytes]:
        """Sign a device's whole programme (with its zone's timetable, if any); returns
        (message id, payload) to record, then publish. `items_json`, `canonical(items)` made
        once for every device of a zone, spares encoding the same items per device."""
        body: dict[str, Any] = {"device": device, "zone": zone}
        if timetable is not None:
            body["timetable"] = timetable
        fragments = {"items": items_json} if items_json is not None else None
        if fragments is None:
            body["items"] = items
        message_id, payload = self.signer.signed(
            MessageType.SCHEDULE, target_of(device), body, ttl_s, now=self.clock(), fragments=fragments
        )
        with self._lock:
            # the device's previous programme is superseded: its ack is no longer awaited
            self.sent.pop(self._programme_of.get(device, ""), None)
            self._programme_of[device] = message_id
            self._remember(message_id, {"type": "schedule", "target": device}, ttl_s)
        return message_id, payload

    def publish_programme(self, device: str, payload: bytes) -> None:
        """Retained, so a device that connects later (or reconnects) gets the latest programme."""
        self._publish(self.topics.schedule(device), payload, retain=True)

    def publish_programmes(self, outgoing: list[tuple[str, bytes]], timeout_s: float | None = None) -> set[str]:
        """Publish retained programmes and return the devices whose programme the broker
        confirmed (PUBACK) within the timeout (10 s and 1 ms a programme unless given); only
        those count as pushed."""
        if not self.client.is_connected():
            return set()
        timeout_s = 10.0 + len(outgoing) / 1000 if timeout_s is None else timeout_s
        infos: list[tuple[str, mqtt.MQTTMessageInfo]] = []
        for device, payload in outgoing:
            info = self.client.publish(self.topics.schedule(device), payload, qos=1, retain=True)
            if info.rc == mqtt.MQTT_ERR_SUCCESS:
                infos.append((device, info))
        deadline = time.monotonic() + timeout_s
        published = set()
        for device, info in infos:
            try:
                info.wait_for_publish(max(0.0, deadline - time.monotonic()))
                if info.is_published():
                    published.add(device)
            except (RuntimeError, ValueError):  # paho: the message was dropped or the client disconnected
                continue
        return published

    def push_programme(self, device: str, zone: str, items: list[dict[str, Any]], ttl_s: float = 3 * 86400) -> str:
        message_id, payload = self.programme(device, zone, items, ttl_s)
        self.publish_programme(device, payload)
        return message_id

    def command_message(
        self, kind: MessageType, body: dict[str, Any], device: str | None = None, zone: str | None = None, ttl_s: float = 600
    ) -> tuple[str, str, bytes]:
        """Sign a command for one device or a whole zone; returns (id, topic, payload)."""
        target = target_of(device, zone)
        topic = self.topics.device_cmd(device) if device else self.topics.zone_cmd(zone or "")
        message_id, payload = self.signer.signed(kind, target, body, ttl_s, now=self.clock())
        with self._lock:
            # the body is kept to sign the command again for a device whose clock was ahead
            self._remember(message_id, {"type": kind.value, "target": target, "body": body}, ttl_s)
        return message_id, topic, payload

    def _remember(self, message_id: str, entry: dict[str, Any], ttl_s: float) -> None:
        """Record a sent message (under `_lock`). Expired entries (past their grace) are swept
        whenever `sent` doubled since the last sweep, so recording stays O(1) amortised; beyond
        `max_sent` the oldest go first."""
        now = self.clock()
        self.sent[message_id] = {**entry, "at": now, "expires": now + ttl_s}
        if len(self.sent) >= self._sweep_at:
            for old in [m for m, e in self.sent.items() if e["expires"] + self.ack_grace_s < now]:
                self._forget(old)
            self._sweep_at = max(1024, 2 * len(self.sent))
        while len(self.sent) > self.max_sent:
            self._forget(next(iter(self.sent)))
            self.evicted += 1

    def _forget(self, message_id: str) -> None:
        entry = self.sent.pop(message_id)
        if entry["type"] == "schedule" and self._programme_of.get(entry["target"]) == message_id:
            del self._programme_of[entry["target"]]

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

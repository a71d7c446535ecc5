"""paho-mqtt glue: connect with readable errors, and the transport that feeds an `Agent`."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import paho.mqtt.client as mqtt

from devices.agent import Agent
from devices.broker import BrokerError, mask_url, parse_mqtt_url
from devices.protocol import DEFAULT_PREFIX, iso

log = logging.getLogger(__name__)


NOT_AUTHORIZED = {4, 5, 134, 135}  # MQTT 3.1.1 CONNACK 4 and 5; MQTT 5 reason codes 0x86 and 0x87


def make_client(client_id: str, clean: bool = True) -> mqtt.Client:
    return mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=client_id, protocol=mqtt.MQTTv311, clean_session=clean)


def device_client_id(device: str, prefix: str) -> str:
    """`dev-{device}`, and under a topic prefix other than the default `dev-{device}@{prefix}`:
    two deployments (or two tests) sharing an open broker must not take each other's persistent
    session — the broker closes the older connection and hands the session, with the other's
    subscriptions, to the newer. A broker set up by `export-acl` replaces it by the username."""
    return f"dev-{device}" if prefix == DEFAULT_PREFIX else f"dev-{device}@{prefix}"


def connect(client: mqtt.Client, url: str, keepalive: int = 30, timeout_s: float = 10.0) -> None:
    """Connect and wait for the CONNACK.

    :raises BrokerError: with a readable reason when the broker is down or refuses us.
    """
    host, port, user, password = parse_mqtt_url(url)
    if user:
        client.username_pw_set(user, password)
    connected = threading.Event()
    refused: list[str] = []
    denied: list[bool] = []  # the broker refused this client's name or password
    previous: Any = client.on_connect

    def on_connect(c: mqtt.Client, userdata: object, flags: object, reason: mqtt.ReasonCode, props: object) -> None:
        if reason.is_failure:
            refused.append(str(reason))
            denied.append(reason.value in NOT_AUTHORIZED)
        connected.set()
        if previous:
            previous(c, userdata, flags, reason, props)

    client.on_connect = on_connect
    try:
        client.connect(host, port, keepalive)
    except OSError as exc:
        raise BrokerError(
            f"cannot reach the MQTT broker at {mask_url(url)}: {exc.strerror or exc}", "broker.unreachable", url=mask_url(url)
        ) from exc
    client.loop_start()
    if not connected.wait(timeout_s) or refused:
        client.loop_stop()
        reason = refused[0] if refused else "no answer"
        code = "broker.no_answer" if not refused else "broker.not_authorized" if denied[0] else "broker.refused"
        raise BrokerError(f"the MQTT broker at {mask_url(url)} refused the connection: {reason}", code, url=mask_url(url))
    if previous:
        client.on_connect = previous


class Subscriptions:
    """What a client subscribes to on every (re)connect, and the broker's answer to the first
    SUBSCRIBE. A message published to a topic before its SUBACK reaches no subscriber and the
    broker drops it, so a client's `start()` waits for that answer (`check`). `needed` says which
    filters the client cannot work without (a device: its own topics, not a zone's)."""

    def __init__(self, client: mqtt.Client, url: str, needed: Callable[[str], bool] = lambda _f: True) -> None:
        self.client, self.url, self.needed = client, url, needed
        self.confirmed = threading.Event()
        self.refused: list[str] = []
        self._pending: tuple[int | None, list[str]] | None = None  # the SUBSCRIBE's packet id and its filters
        client.on_subscribe = self._on_subscribe

    def send(self, filters: list[str]) -> None:
        """Subscribe to `filters` at QoS 1 (from `on_connect`)."""
        _, mid = self.client.subscribe([(f, 1) for f in filters])
        self._pending = (mid, filters)

    def _on_subscribe(self, client: mqtt.Client, userdata: object, mid: int, codes: list[mqtt.ReasonCode], props: object) -> None:
        if self._pending is None or mid != self._pending[0]:
            return
        self.refused = [f for f, code in zip(self._pending[1], codes, strict=False) if code.is_failure]
        if self.refused and (self.confirmed.is_set() or not any(self.needed(f) for f in self.refused)):
            # at start a refusal the client cannot work without is raised by `check`; later, or a zone's, it is told here
            log.warning("the broker refused the subscription to %s", ", ".join(self.refused))
        self.confirmed.set()

    def check(self, timeout_s: float = 10.0) -> None:
        """Return once the broker has confirmed the subscriptions the client needs.

        :raises BrokerError: no SUBACK in time (broker.no_suback), or a needed filter refused, as
            by an ACL that denies it (broker.subscription_refused). The caller closes the client.
        """
        where = mask_url(self.url)
        if not self.confirmed.wait(timeout_s):
            raise BrokerError(f"the MQTT broker at {where} did not confirm the subscriptions", "broker.no_suback", url=where)
        if refused := [f for f in self.refused if self.needed(f)]:
            topics = ", ".join(refused)
            raise BrokerError(
                f"the MQTT broker at {where} refused the subscription to {topics}",
                "broker.subscription_refused",
                url=where,
                topics=topics,
            )


class MqttTransport:
    """One agent on one paho client; resubscribes and flushes its outbox on every reconnect."""

    def __init__(
        self,
        agent: Agent,
        url: str,
        clock: Callable[[], float] = time.time,
        username: str | None = None,
        password: str | None = None,
    ) -> None:
        self.agent, self.url, self.clock = agent, url, clock
        self.client = make_client(device_client_id(agent.device_id, agent.topics.prefix), clean=False)
        if username:
            self.client.username_pw_set(username, password)
        self.client.will_set(
            agent.topics.state(agent.device_id),
            json.dumps({"device": agent.device_id, "online": False}).encode(),
            qos=1,
            retain=True,
        )
        self.client.on_connect = self._on_connect
        self.client.on_message = self._on_message
        own = f"{agent.topics.prefix}/dev/{agent.device_id}/"
        self.subscriptions = Subscriptions(self.client, url, needed=lambda f: f.startswith(own))  # a zone's refused: still works
        self.client.reconnect_delay_set(1, 5)
        agent.publish = self._publish
        self._subscribed = frozenset(agent.subscriptions())

    def _publish(self, topic: str, payload: bytes, retain: bool) -> None:
        if not self.client.is_connected():
            # paho would queue it in memory only; the agent's outbox survives a reboot
            raise OSError("not connected to the broker")
        info = self.client.publish(topic, payload, qos=1, retain=retain)
        if info.rc != mqtt.MQTT_ERR_SUCCESS:
            raise OSError(f"not connected ({mqtt.error_string(info.rc)})")

    def _on_connect(self, client: mqtt.Client, userdata: object, flags: object, reason: mqtt.ReasonCode, props: object) -> None:
        if reason.is_failure:
            return
        self.subscriptions.send(self.agent.subscriptions())
        self.agent.publish_state(self.clock())
        self.agent.flush()

    def _on_message(self, client: mqtt.Client, userdata: object, msg: mqtt.MQTTMessage) -> None:
        if msg.topic not in self._subscribed:
            log.debug("%s ignores %s: not one of its topics", self.agent.device_id, msg.topic)
            return
        try:
            self.agent.handle(msg.topic, bytes(msg.payload), self.clock())
        except Exception:  # the callback boundary: paho's network thread must survive any message
            log.exception("%s could not handle a message on %s", self.agent.device_id, msg.topic)

    def start(self, timeout_s: float = 10.0) -> MqttTransport:
        """Connect, and return once the broker has confirmed the subscriptions: a command sent
        before the SUBACK would reach no subscriber and be dropped.

        :raises BrokerError: the broker is down, refuses us, or refuses a subscription.
        """
        connect(self.client, self.url)
        try:
            self.subscriptions.check(timeout_s)
        except BrokerError:
            self.stop()  # says offline (retained) itself: its "online" was published on connect, and a clean disconnect sends no will
            raise
        return self

    def open(self) -> None:
        """Connect without a network thread: a `Swarm` drives this client's socket."""
        host, port, user, password = parse_mqtt_url(self.url)
        if user:
            self.client.username_pw_set(user, password)
        try:
            self.client.connect(host, port, keepalive=60)
        except OSError as exc:
            raise BrokerError(
                f"cannot reach the MQTT broker at {mask_url(self.url)}: {exc.strerror or exc}",
                "broker.unreachable",
                url=mask_url(self.url),
            ) from exc

    def say_offline(self) -> mqtt.MQTTMessageInfo:
        """Publish, retained, that this device goes offline: a clean disconnect sends no will,
        so a device shut down normally says it itself before it disconnects."""
        body = json.dumps({"device": self.agent.device_id, "online": False, "at": iso(self.clock())}).encode()
        return self.client.publish(self.agent.topics.state(self.agent.device_id), body, qos=1, retain=True)

    def stop(self) -> None:
        if self.client.is_connected():
            try:
                self.say_offline().wait_for_publish(5)
            except (RuntimeError, ValueError):  # the connection dropped meanwhile: the will says it
                pass
        self.client.disconnect()
        self.client.loop_stop()

"""The embedded MQTT broker (amqtt), used when no broker URL is configured."""

from __future__ import annotations

import logging
from typing import Any, Self
from urllib.parse import urlparse

from devices.background import BackgroundService, free_port
from devices.errors import DeviceError

log = logging.getLogger(__name__)


class BrokerError(DeviceError):
    """The broker could not be started or reached."""


class EmbeddedBroker(BackgroundService[Any]):
    """amqtt on a loopback port (MQTT 3.1.1 only: the protocol needs nothing newer)."""

    thread_name = "amqtt-broker"

    def __init__(self, host: str = "127.0.0.1", port: int | None = None) -> None:
        super().__init__()
        self.host, self.port = host, port or free_port(host)

    @property
    def url(self) -> str:
        return f"mqtt://{self.host}:{self.port}"

    def start(self) -> Self:
        """:raises BrokerError: the port is taken or amqtt failed to start."""
        for name in ("amqtt", "transitions"):
            logging.getLogger(name).setLevel(logging.WARNING)
        try:
            super().start()
        except Exception as exc:  # amqtt raises BrokerException or OSError
            raise BrokerError(
                f"embedded broker could not start on {self.url}: {exc}", "broker.not_started", where=self.url
            ) from exc
        log.info("embedded MQTT broker on %s", self.url)
        return self

    async def _serve(self) -> Any:
        from amqtt.broker import Broker

        config = {
            "listeners": {"default": {"type": "tcp", "bind": f"{self.host}:{self.port}", "max_connections": 0}},
            "plugins": {"amqtt.plugins.authentication.AnonymousAuthPlugin": {"allow_anonymous": True}},
        }
        broker = Broker(config)
        await broker.start()
        return broker

    async def _shutdown(self, running: Any) -> None:
        await running.shutdown()


def parse_mqtt_url(url: str) -> tuple[str, int, str | None, str | None]:
    """`mqtt://user:pass@host:port` → (host, port, user, password).

    :raises BrokerError: for a URL that is not mqtt://.
    """
    parsed = urlparse(url)
    if parsed.scheme not in ("mqtt", "tcp") or not parsed.hostname:
        raise BrokerError(f"not an MQTT URL: {mask_url(url)!r} (expected mqtt://HOST:PORT)", "broker.bad_url", url=mask_url(url))
    return parsed.hostname, parsed.port or 1883, parsed.username, parsed.password


def mask_url(url: str) -> str:
    """A broker URL fit for logs and pages: the password replaced by ***."""
    scheme, sep, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not sep or not at or ":" not in credentials:
        return url
    return f"{scheme}://{credentials.split(':', 1)[0]}:***@{host}"

"""Run an asyncio service (broker, media server) in a daemon thread with its own loop."""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from collections.abc import Awaitable, Callable
from typing import Any


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class BackgroundLoop:
    """Owns a thread running an event loop; `start` awaits the service's start coroutine."""

    def __init__(self, name: str) -> None:
        self.loop = asyncio.new_event_loop()
        self.loop.set_exception_handler(self._report)
        self.thread = threading.Thread(target=self.loop.run_forever, name=name, daemon=True)
        self.thread.start()

    @staticmethod
    def _report(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        """Errors inside a service's connection handlers (e.g. amqtt's own races): one line, not a traceback."""
        logging.getLogger(__name__).info("background task error: %s %s", context.get("message"), context.get("exception", ""))

    def run(self, factory: Callable[[], Awaitable[Any]], timeout: float = 15.0) -> Any:
        return asyncio.run_coroutine_threadsafe(factory(), self.loop).result(timeout)  # type: ignore[arg-type]

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)

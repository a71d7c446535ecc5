"""Services in the background of a process: asyncio ones (the embedded broker, the media server)
on a loop thread of their own, and child processes (Mosquitto, nginx) that serve a port."""

from __future__ import annotations

import asyncio
import logging
import socket
import subprocess
import threading
from collections.abc import Awaitable, Callable
from typing import Any, Generic, Self, TypeVar

log = logging.getLogger(__name__)

Running = TypeVar("Running")


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def listening(port: int, host: str = "127.0.0.1") -> bool:
    """Whether something accepts connections on the port (a child server is up)."""
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex((host, port)) == 0


def end_process(process: subprocess.Popen[bytes], grace_s: float = 10.0) -> None:
    """Ask a child to terminate; kill it if it has not within `grace_s`."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(grace_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


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
        log.info("background task error: %s %s", context.get("message"), context.get("exception", ""))

    def run(self, factory: Callable[[], Awaitable[Any]], timeout: float = 15.0) -> Any:
        return asyncio.run_coroutine_threadsafe(factory(), self.loop).result(timeout)  # type: ignore[arg-type]

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


class BackgroundService(Generic[Running]):
    """An asyncio service on a `BackgroundLoop` of its own: `start` runs `_serve` there and keeps
    what it returns, `stop` hands that to `_shutdown` and ends the thread; `with` does both."""

    thread_name = "background-service"

    def __init__(self) -> None:
        self._loop: BackgroundLoop | None = None
        self._running: Running | None = None

    async def _serve(self) -> Running:
        raise NotImplementedError

    async def _shutdown(self, running: Running) -> None:
        raise NotImplementedError

    def start(self) -> Self:
        """:raises Exception: what `_serve` raised; the loop thread is ended first."""
        loop = BackgroundLoop(self.thread_name)
        try:
            self._running = loop.run(self._serve)
        except BaseException:
            loop.close()
            raise
        self._loop = loop
        return self

    def stop(self) -> None:
        if self._loop is not None and self._running is not None:
            running = self._running
            try:
                self._loop.run(lambda: self._shutdown(running), timeout=10)
            except Exception as exc:  # shutdown errors must not hide the caller's result
                log.warning("%s shutdown: %s", self.thread_name, exc)
            self._loop.close()
        self._loop, self._running = None, None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

"""The re-plan that follows an emergency: in a thread of its own, once the emergency's acks have settled.

The programmes that follow an emergency hold its item (so a device that missed the command plays
it from its schedule, once): every programme of its zones changes, and re-planning, re-signing
and re-publishing them all costs far more than the emergency. The follow-up waits until the
devices the commands went to have acked them and the acks are stored — or, once acks came,
until none came for a while (offline devices, or acks taken by other workers) — so it takes
neither the broker's nor the report writer's time from the emergency. Several emergencies in a
row share one re-plan.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from devices.dispatcher import Dispatcher

log = logging.getLogger(__name__)


class FollowUp:
    """Asked by the service after each emergency; re-plans through `replan` when the acks settle."""

    QUIET_S = 0.5  # an emergency's acks have stopped coming after this long without a report
    MAX_S = 10.0  # the re-plan waits for them at most this long

    def __init__(
        self,
        replan: Callable[[], int],
        dispatcher: Callable[[], Dispatcher | None],
        reports_waiting: Callable[[], bool],
        stopping: threading.Event,
    ) -> None:
        self._replan = replan
        self._dispatcher = dispatcher
        self._reports_waiting = reports_waiting
        self._stopping = stopping
        self._thread: threading.Thread | None = None
        self._wanted = False
        self._lock = threading.Lock()
        self.began: float | None = None  # when the last follow-up re-plan began (wall clock)
        self._awaited_commands: list[str] = []  # the emergencies the follow-up waits for,
        self._awaited_devices = 0  # and how many devices they went to

    def ask(self, commands: list[str], devices: int) -> None:
        """Re-plan once `commands`, sent to `devices` devices, have been acked (or the acks stopped)."""
        with self._lock:
            self._wanted = True
            self._awaited_commands.extend(commands)
            self._awaited_devices += devices
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="replan-after-emergency", daemon=True)
                self._thread.start()

    @property
    def pending(self) -> bool:
        """Whether a re-plan after an emergency is waiting or running."""
        return self._thread is not None

    def join(self, timeout_s: float) -> None:
        """Wait for a re-plan under way (the service is stopping: one not begun is left to the next start)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout_s)

    def _loop(self) -> None:
        while True:
            with self._lock:
                if not self._wanted or self._stopping.is_set():
                    self._thread = None
                    return
                self._wanted = False
            self._await_settled()
            if self._stopping.is_set():
                continue
            self.began = time.time()
            try:
                self._replan()
            except Exception:  # the periodic re-plan tries again; this thread must end cleanly
                log.exception("the re-plan after an emergency failed; the next periodic re-plan will push")

    def _await_settled(self) -> None:
        deadline = time.monotonic() + self.MAX_S
        while not self._stopping.is_set() and time.monotonic() < deadline:
            with self._lock:
                commands, devices = list(self._awaited_commands), self._awaited_devices
            dispatcher = self._dispatcher()
            acked = dispatcher.acks_of(commands) if dispatcher is not None else 0
            quiet = dispatcher is not None and time.monotonic() - dispatcher.last_report >= self.QUIET_S
            if (acked >= devices or (acked and quiet)) and not self._reports_waiting():
                break
            self._stopping.wait(0.05)
        with self._lock:
            self._awaited_commands, self._awaited_devices = [], 0

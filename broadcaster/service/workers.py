"""Several `broadcaster run` workers on one broker: reports shared, none left behind.

Workers subscribe to device reports through `$share/<group>/…` (Mosquitto 2, also for MQTT
3.1.1 clients), each with its own client id and a persistent session, and PUBACK a report
only once it is stored. What Mosquitto 2.0 does when a member dies (measured, see
docs/scaling.md and tests/scale/test_workers.py):

- reports in flight to it (delivered, not yet PUBACKed) stay in its session, and are sent
  again only to a client that connects with its id — never to the rest of the group;
- while it is away the group keeps choosing it in turn: about 1/N of everything devices send
  afterwards is queued in its session too;
- a clean session would instead throw both away.

So every worker announces itself on `server/<client id>` (retained, with a will saying
"offline" when its connection dies), and the leader drains the session of a worker that has
been gone for `adopt_after_s`: it connects with that client id, stores what the broker hands
over (PUBACK after store, as usual), unsubscribes the session from the group so nothing more
is queued there, and disconnects. A worker that restarts with its id subscribes again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from devices.broker import BrokerError
from devices.dispatcher import Dispatcher

log = logging.getLogger(__name__)


class Peers:
    """The other workers' presence, as their retained `server/<id>` messages say."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._gone: dict[str, float] = {}  # worker → monotonic time it was seen offline
        self._drained: set[str] = set()  # drained (or being drained) since it went away

    def seen(self, worker: str, online: bool) -> None:
        with self._lock:
            if online:
                self._gone.pop(worker, None)
                self._drained.discard(worker)
            else:
                self._gone.setdefault(worker, time.monotonic())

    def due(self, after_s: float, now: float | None = None) -> list[str]:
        """Workers gone for at least `after_s` whose session was not drained yet; marked as drained."""
        now = time.monotonic() if now is None else now
        with self._lock:
            ready = sorted(w for w, since in self._gone.items() if now - since >= after_s and w not in self._drained)
            self._drained.update(ready)
            return ready

    def gone(self, worker: str) -> bool:
        with self._lock:
            return worker in self._gone


def drain(
    dispatcher: Dispatcher,
    flush: Callable[[float], bool],
    still_gone: Callable[[], bool],
    quiet_s: float = 1.0,
    timeout_s: float = 60.0,
) -> int:
    """Take over a dead worker's session with `dispatcher` (its client id, `drain_only`), store
    what the broker hands over, leave the group, disconnect; returns the reports received.

    `flush(timeout)` waits until every report received so far is stored (and so PUBACKed).
    If the worker comes back meanwhile (`still_gone()` false, or the broker hands the session
    back to it), the drain stops: the worker gets what is left.
    """
    deadline = time.monotonic() + timeout_s
    try:
        dispatcher.start()
    except BrokerError as exc:
        log.warning("could not drain %s: %s", dispatcher.client_id, exc)
        return 0
    try:
        if not dispatcher.session_present:
            return 0  # the broker held no session for it: nothing was queued
        left = threading.Event()
        dispatcher.client.on_unsubscribe = lambda *_: left.set()

        def settled() -> bool:
            """Nothing new for `quiet_s` and all of it stored; False if we must give up."""
            while time.monotonic() < deadline and dispatcher.lost_at is None and still_gone():
                if time.monotonic() - dispatcher.last_report >= quiet_s and flush(max(0.0, deadline - time.monotonic())):
                    return True
                time.sleep(0.1)
            return False

        if not settled():
            return dispatcher.received
        dispatcher.client.unsubscribe(dispatcher.report_filters())
        if left.wait(max(0.0, deadline - time.monotonic())):
            settled()  # what the broker sent before it took the unsubscription
        log.info("drained %d reports from the session of worker %s", dispatcher.received, dispatcher.client_id)
        return dispatcher.received
    finally:
        dispatcher.stop()

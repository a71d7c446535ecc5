"""The clock of the service: recurring jobs with the `schedule` library, stopped gracefully."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

import schedule

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Job:
    name: str
    action: Callable[[], object]
    every_s: float | None = None
    daily_at: str | None = None  # "HH:MM" in the service's local time


class Runner:
    """Runs jobs until `stop()`; a failing job is logged and retried at its next turn."""

    def __init__(self, jobs: list[Job]) -> None:
        self.scheduler = schedule.Scheduler()
        self.stopped = threading.Event()
        for job in jobs:
            task = (
                self.scheduler.every(job.every_s).seconds  # type: ignore[arg-type]  # a float works: it becomes a timedelta
                if job.every_s
                else self.scheduler.every().day.at(job.daily_at or "00:05")
            )
            task.do(self._guarded, job)

    @staticmethod
    def _guarded(job: Job) -> None:
        try:
            job.action()
        except Exception:  # a job's failure must not stop the service; it is logged with its traceback
            log.exception("job %s failed; it will run again at its next turn", job.name)

    def run_all_now(self) -> None:
        self.scheduler.run_all()

    def run(self, tick_s: float = 0.5) -> None:
        while not self.stopped.is_set():
            self.scheduler.run_pending()
            idle = self.scheduler.idle_seconds
            self.stopped.wait(min(tick_s, idle) if idle is not None and idle > 0 else tick_s)

    def stop(self) -> None:
        self.stopped.set()

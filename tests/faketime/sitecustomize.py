"""Loaded by every Python process of `make test-future` (its folder is put first on PYTHONPATH).

libfaketime 0.9.10 (Debian 12) fakes the wall clock well, but with the monotonic clock faked too
every timed wait (`Event.wait`, `Lock.acquire(timeout=)`, `queue.get(timeout=)`) sleeps a year,
and with it real (`FAKETIME_DONT_FAKE_MONOTONIC=1`, what the Makefile sets) `time.sleep` fails
with EINVAL: Python sleeps with clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME), whose deadline
libfaketime shifts by the fake offset. So, only under faketime, `time.sleep` waits in `select`,
which takes a relative timeout and is left alone.

Chromium under libfaketime loads no page (every `goto` times out), so the Playwright driver and
the browser it starts keep real time, as Mosquitto and PostgreSQL do: the console's server side,
where the product's dates are computed, runs a year ahead. Nothing else of Python is changed.
"""

from __future__ import annotations

import os

if os.environ.get("FAKETIME") and "faketime" in os.environ.get("LD_PRELOAD", ""):
    import select
    import time

    _monotonic = time.monotonic

    def _sleep(seconds: float) -> None:
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        deadline = _monotonic() + seconds
        while True:
            left = deadline - _monotonic()
            if left <= 0:
                return
            select.select([], [], [], left)

    time.sleep = _sleep

    import asyncio

    _create_subprocess_exec = asyncio.create_subprocess_exec

    async def _real_time_browser(program: str, *args: object, env: dict[str, str] | None = None, **kwargs: object) -> object:
        if env is not None and "playwright" in str(program):
            env = {k: v for k, v in env.items() if k not in ("LD_PRELOAD", "FAKETIME", "FAKETIME_SHARED")}
        return await _create_subprocess_exec(program, *args, env=env, **kwargs)  # type: ignore[arg-type]

    asyncio.create_subprocess_exec = _real_time_browser  # type: ignore[assignment]

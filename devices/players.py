"""What plays the audio and switches the amplifier on a speaker: pluggable, one method per action.

A real speaker plays through a command (`mpg123`, `ffplay`, `mpv`) and switches its amplifier
through a GPIO line or a relay; the simulator plays into nothing. The agent only ever talks to
the `Player` protocol.
"""

from __future__ import annotations

import logging
import subprocess
import threading
import time
from pathlib import Path
from typing import Protocol

from devices.background import end_process

log = logging.getLogger(__name__)


class PlayerFailed(Exception):
    """The player did not play what it was given: it hung past its time (`player_timeout`, then
    killed) or exited with an error (`player_error`). `ended` is when it stopped, so the agent
    reports what was really heard."""

    def __init__(self, ended: float, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.ended, self.reason = ended, reason


def timeout_for(duration_s: float) -> float:
    """How long a player may take for `duration_s` of audio before it is judged hung: the length
    plus a margin for start-up and decoding (10 s, or a fifth of the length if more)."""
    return duration_s + max(10.0, 0.2 * duration_s)


class Player(Protocol):
    def play(self, path: Path, duration_s: float, volume: int) -> float:
        """Play the file; return the instant it ended."""

    def stream(self, url: str, duration_s: float, volume: int) -> float:
        """Play a live stream for the booked window at most; return the instant it ended."""

    def stop(self) -> None: ...

    def power(self, on: bool) -> None:
        """Switch the amplifier (a GPIO line or relay on a real speaker). The default does
        nothing: a speaker without a switchable amplifier still reports the state it was told."""
        return None


class NullPlayer(Player):
    """Plays into nothing; with `realtime` it takes as long as the audio (simulation).
    `amplifier` is what the last `power` call set, for tests and the simulator."""

    def __init__(self, realtime: bool = False) -> None:
        self.realtime = realtime
        self.amplifier = True
        self._stop = threading.Event()

    @property
    def instant(self) -> bool:
        """Returns at once (a simulation not in real time): no heartbeat is needed while it plays."""
        return not self.realtime

    def play(self, path: Path, duration_s: float, volume: int) -> float:
        started = time.time()
        self._stop.clear()
        if self.realtime:
            self._stop.wait(duration_s)
            return time.time()
        return started + duration_s

    def stream(self, url: str, duration_s: float, volume: int) -> float:
        return self.play(Path(), duration_s, volume)  # a simulated speaker just waits out the window

    def stop(self) -> None:
        self._stop.set()

    def power(self, on: bool) -> None:
        self.amplifier = on


class CommandPlayer(Player):
    """Plays through a command such as `mpg123 -q {path}` or `ffplay -nodisp -autoexit {path}`;
    switches the amplifier through `amplifier`, e.g. `gpioset gpiochip0 17={on}` ({on} is 1 or 0)."""

    def __init__(self, command: list[str], amplifier: list[str] | None = None) -> None:
        self.command = command
        self.amplifier = amplifier or []
        self._process: subprocess.Popen[bytes] | None = None
        self._stopped = False

    def play(self, path: Path, duration_s: float, volume: int) -> float:
        """Play the file and wait for the player, at most `timeout_for(duration_s)`.

        :raises PlayerFailed: the player hung (killed after the timeout) or exited with an error;
            a player we stopped (`stop`) is not a failure.
        """
        args = [a.replace("{path}", str(path)).replace("{volume}", str(volume)) for a in self.command]
        return self._run(args, timeout_for(duration_s), stream=False)

    def stream(self, url: str, duration_s: float, volume: int) -> float:
        """The same command given the URL ({path}), e.g. `mpv --no-video {path}` or `ffplay -nodisp {path}`,
        stopped when the booked window ends (or earlier if the stream ends).

        :raises PlayerFailed: the player exited with an error before the window ended.
        """
        args = [a.replace("{path}", url).replace("{volume}", str(volume)) for a in self.command]
        return self._run(args, duration_s, stream=True)

    def _run(self, args: list[str], limit_s: float, stream: bool) -> float:
        self._stopped = False
        self._process = process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
        try:
            code = process.wait(timeout=limit_s)
        except subprocess.TimeoutExpired:
            end_process(process, grace_s=5)
            if stream:
                return time.time()  # the booked window is over: that is how a relay ends
            raise PlayerFailed(time.time(), "player_timeout", f"{args[0]} still playing after {limit_s:.0f} s") from None
        if code != 0 and not self._stopped:
            raise PlayerFailed(time.time(), "player_error", f"{args[0]} exited with {code}")
        return time.time()

    def stop(self) -> None:
        if self._process and self._process.poll() is None:
            self._stopped = True
            self._process.terminate()

    def power(self, on: bool) -> None:
        """Run the amplifier command; a failure is logged (the state still reports what was asked)."""
        if not self.amplifier:
            return
        args = [a.replace("{on}", "1" if on else "0") for a in self.amplifier]
        try:
            subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10, check=True)  # noqa: S603
        except (OSError, subprocess.SubprocessError) as exc:
            log.error("amplifier command %s failed: %s", args[0], exc)

"""Run a Mosquitto of our own (generated config, free port): ACL tests, restarts, benchmarks."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

from devices.background import end_process, listening
from devices.broker import BrokerError


class MosquittoProcess:
    def __init__(self, conf: Path, port: int) -> None:
        self.conf, self.port = conf, port
        self.process: subprocess.Popen[bytes] | None = None
        binary = shutil.which("mosquitto") or "/usr/sbin/mosquitto"
        if not Path(binary).exists():
            raise BrokerError("mosquitto is not installed (apt-get install mosquitto)", "broker.no_mosquitto")
        self.binary = binary

    @property
    def url(self) -> str:
        return f"mqtt://127.0.0.1:{self.port}"

    def start(self, timeout_s: float = 10.0) -> MosquittoProcess:
        # The log goes to a file: a pipe nobody reads fills up and freezes the broker.
        self.log = self.conf.with_suffix(".log")
        with self.log.open("ab") as log:
            self.process = subprocess.Popen([self.binary, "-c", str(self.conf)], stdout=log, stderr=log)
        deadline = time.monotonic() + timeout_s
        while not listening(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                err = self.log.read_text(errors="replace")
                raise BrokerError(
                    f"mosquitto did not start on {self.port}: {err.strip()[-300:]}", "broker.not_started", where=self.port
                )
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        if self.process:
            end_process(self.process)
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def __enter__(self) -> MosquittoProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

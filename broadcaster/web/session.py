"""Signed session cookies, CSRF tokens and a sign-in rate limit."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from pathlib import Path

from broadcaster.keys import write_private

COOKIE = "loa_session"
MAX_AGE_S = 12 * 3600


def load_secret(path: Path) -> bytes:
    if path.exists():
        return path.read_bytes()
    secret = secrets.token_bytes(32)
    write_private(path, secret)
    return secret


@dataclass(frozen=True, slots=True)
class Session:
    username: str
    csrf: str
    expires: float


class SessionCodec:
    def __init__(self, secret: bytes) -> None:
        self.secret = secret

    def _mac(self, data: bytes) -> str:
        return base64.urlsafe_b64encode(hmac.new(self.secret, data, hashlib.sha256).digest()).decode().rstrip("=")

    def issue(self, username: str, now: float | None = None) -> tuple[str, Session]:
        session = Session(username, secrets.token_urlsafe(24), (now or time.time()) + MAX_AGE_S)
        data = base64.urlsafe_b64encode(json.dumps([session.username, session.csrf, session.expires]).encode())
        return f"{data.decode()}.{self._mac(data)}", session

    def read(self, cookie: str | None, now: float | None = None) -> Session | None:
        if not cookie or "." not in cookie:
            return None
        data, _, mac = cookie.rpartition(".")
        if not hmac.compare_digest(mac, self._mac(data.encode())):
            return None
        try:
            username, csrf, expires = json.loads(base64.urlsafe_b64decode(data.encode()))
        except (ValueError, TypeError):
            return None
        if float(expires) < (now or time.time()):
            return None
        return Session(str(username), str(csrf), float(expires))


class SignInLimiter:
    """At most `attempts` failed sign-ins per user and address in `window_s`."""

    def __init__(self, attempts: int = 5, window_s: float = 300.0) -> None:
        self.attempts, self.window_s = attempts, window_s
        self.failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self.lock = threading.Lock()

    def blocked(self, username: str, address: str, now: float | None = None) -> bool:
        now = now or time.time()
        with self.lock:
            recent = self.failures[(username.lower(), address)]
            while recent and recent[0] < now - self.window_s:
                recent.popleft()
            return len(recent) >= self.attempts

    def failed(self, username: str, address: str, now: float | None = None) -> None:
        with self.lock:
            self.failures[(username.lower(), address)].append(now or time.time())

    def succeeded(self, username: str, address: str) -> None:
        with self.lock:
            self.failures.pop((username.lower(), address), None)

"""Signed session cookies, CSRF tokens and a sign-in rate limit."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from broadcaster.store.keys import write_private

COOKIE = "loa_session"
MAX_AGE_S = 12 * 3600
# the browser keeps the cookie a week past the session (worthless by then: the signed expiry decides)
# so the console can tell "your session expired" from a first visit, which gets the plain sign-in
COOKIE_KEEP_S = MAX_AGE_S + 7 * 24 * 3600


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


def session_key(session: Session) -> str:
    """The revocation key of one session (its CSRF token is random per sign-in; stored hashed)."""
    return "session:" + hashlib.sha256(session.csrf.encode()).hexdigest()


def is_revoked(db: Any, session: Session) -> bool:
    """Signed out, or issued before the user's password changed (or the user was revoked)."""
    from broadcaster.store.models import RevokedSession

    if db.get(RevokedSession, session_key(session)) is not None:
        return True
    everything = db.get(RevokedSession, f"user:{session.username}")
    if everything is None:
        return False
    at = everything.at if everything.at.tzinfo else everything.at.replace(tzinfo=UTC)
    return session.expires - MAX_AGE_S <= at.timestamp()


def revoke(db: Any, session: Session) -> None:
    from broadcaster.store.models import RevokedSession

    db.merge(RevokedSession(key=session_key(session)))


def revoke_user(db: Any, username: str) -> None:
    """Every session of this user issued until now stops working (password change, reset, lock)."""
    from broadcaster.store.models import RevokedSession

    db.merge(RevokedSession(key=f"user:{username}", at=datetime.now(UTC)))


class SignInLimiter:
    """At most `attempts` failed sign-ins per user and address, and `per_address` per address
    whatever the usernames, in `window_s`, in bounded memory (a success clears only its user's).

    Keys are (username, address) — usernames are typed by anyone, so entries expire after the
    window and at most `max_keys` are kept (the oldest are dropped first); a username is cut
    to 64 characters before it becomes a key.
    """

    def __init__(self, attempts: int = 5, window_s: float = 300.0, max_keys: int = 10_000, per_address: int = 20) -> None:
        self.attempts, self.window_s, self.max_keys = attempts, window_s, max_keys
        # failures from one address whatever the username: trying one password on many accounts
        # (spraying) never met the per-user limit
        self.per_address = per_address
        self.failures: OrderedDict[tuple[str, str], deque[float]] = OrderedDict()
        self.lock = threading.Lock()

    @staticmethod
    def _key(username: str, address: str) -> tuple[str, str]:
        return username[:64].lower(), address[:64]

    def _expire(self, now: float) -> None:
        """Drop keys whose newest failure left the window (oldest first), then any over the cap."""
        horizon = now - self.window_s
        for key in [k for k, times in self.failures.items() if not times or times[-1] < horizon]:
            del self.failures[key]
        while len(self.failures) > self.max_keys:
            self.failures.popitem(last=False)

    def _recent(self, key: tuple[str, str], now: float) -> int:
        recent = self.failures.get(key)
        if recent is None:
            return 0
        while recent and recent[0] < now - self.window_s:
            recent.popleft()
        return len(recent)

    def blocked(self, username: str, address: str, now: float | None = None) -> bool:
        """Too many failures for this user from this address, or from this address at all."""
        now = now or time.time()
        with self.lock:
            return (
                self._recent(self._key(username, address), now) >= self.attempts
                or self._recent(("\x00address", address[:64]), now) >= self.per_address
            )

    def failed(self, username: str, address: str, now: float | None = None) -> None:
        now = now or time.time()
        with self.lock:
            for key, cap in ((self._key(username, address), self.attempts), (("\x00address", address[:64]), self.per_address)):
                times = self.failures.pop(key, None) or deque(maxlen=cap)
                times.append(now)
                self.failures[key] = times  # most recent last
            if len(self.failures) > self.max_keys or len(self.failures) % 256 == 0:
                self._expire(now)

    def succeeded(self, username: str, address: str) -> None:
        with self.lock:
            self.failures.pop(self._key(username, address), None)

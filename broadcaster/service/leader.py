"""One planner among several `broadcaster run` workers.

Device traffic (acks, proofs of play, state) can be shared by any number of workers, but
re-planning, pushing programmes and retrying commands must happen in one of them, or the
same programme would be signed and pushed twice. The leader holds:

- on PostgreSQL, a session-level advisory lock (`pg_try_advisory_lock`) on a connection of
  its own: if the worker dies, PostgreSQL ends its session and the lock is free at once;
- on SQLite (one machine by nature), an exclusive `flock` on a file beside the database.

Workers that are not leader call `try_acquire()` on every tick and take over when it is free.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import re
from pathlib import Path
from typing import IO, Any

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from broadcaster.errors import AppError
from broadcaster.store.engine import Store

log = logging.getLogger(__name__)


class LeaderError(AppError):
    """The leader lock cannot be used with this database; the message says what to do."""

    code = "leader.unsupported"


def _lock_key(name: str) -> int:
    """A stable signed 64-bit key for the advisory lock."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


class Leader:
    def __init__(self, store: Store, name: str = "loa-planner") -> None:
        self.store, self.name, self.key = store, name, _lock_key(name)
        self.dialect = store.engine.dialect.name
        self._connection: Any = None
        self._file: IO[bytes] | None = None
        if self.dialect not in ("postgresql", "sqlite"):
            raise LeaderError(f"no leader lock for {self.dialect}: use PostgreSQL, or SQLite with a single worker")

    @property
    def held(self) -> bool:
        return self._connection is not None or self._file is not None

    def try_acquire(self) -> bool:
        """True if this worker is (still) the leader; never blocks."""
        if self.held:
            return self._alive()
        if self.dialect == "postgresql":
            connection = self.store.engine.connect()
            try:
                got = bool(connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": self.key}).scalar())
                connection.commit()
            except SQLAlchemyError as exc:
                connection.close()
                log.warning("leader lock unavailable: %s", exc)
                return False
            if got:
                self._connection = connection
            else:
                connection.close()
            return got
        handle = Path(self._lock_path()).open("ab")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._file = handle
        return True

    def _lock_path(self) -> str:
        database = self.store.engine.url.database or ""
        if not database or database == ":memory:":
            raise LeaderError("an in-memory SQLite store cannot be shared: run a single worker")
        # the name holds the topic prefix (`loa-planner:loa/v1`): its `/` would be a directory
        safe = re.sub(r"[^\w.-]", "_", self.name)
        return f"{os.path.abspath(database)}.{safe}.lock"

    def _alive(self) -> bool:
        """The lock is as alive as the connection that holds it."""
        if self._connection is None:
            return True
        try:
            self._connection.execute(text("SELECT 1"))
            self._connection.commit()
            return True
        except SQLAlchemyError:
            log.warning("lost the leader connection: another worker may take over")
            self._drop()
            return False

    def _drop(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except SQLAlchemyError:
                pass
            self._connection = None
        if self._file is not None:
            self._file.close()  # closing the descriptor releases the flock
            self._file = None

    def release(self) -> None:
        if self._connection is not None:
            try:
                self._connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self.key})
                self._connection.commit()
            except SQLAlchemyError:
                pass
        self._drop()

"""The store read without SQLAlchemy: the rows `broadcaster plan` needs, from a SQLite file at head.

Importing SQLAlchemy alone costs a commune's CLI about a quarter of a second, the ORM and the
models as much again (issue 21). A command that only reads what `app.airing` decides from can
read these rows here, in one read transaction, and hand them to the same rules as the ORM does.
Anything this reader does not know it leaves to the usual path by raising `NeedsFullRead`: a
store that is not SQLite, not there yet or not at the scripts' head (Alembic migrates it there),
an approval given before approvals recorded their audio. The records name the columns they read
and their types; `tests/store/test_lite.py` holds them to the models, and the plan read here to
the one read through the ORM.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from broadcaster.store.revision import head_revision


class NeedsFullRead(Exception):
    """This reader cannot answer: open the store the usual way (SQLAlchemy, Alembic)."""


@dataclass(frozen=True, slots=True)
class ZoneRecord:
    id: str
    name: str
    commune: str
    timezone: str
    slots: list[Any]
    quiet: list[Any]
    languages: list[Any]
    max_plays_per_day: int


@dataclass(frozen=True, slots=True)
class BookingRecord:
    id: int
    bulletin_id: int
    zones: list[Any]
    priority: str
    rule: str
    starts_on: date
    until: date | None
    slot: str | None
    repeat: int
    gap_s: int
    fire_at: datetime | None
    until_at: datetime | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class BulletinRecord:
    id: int
    title: str
    state: str
    kind: str
    stream_url: str | None
    stream_duration_ms: int | None
    approval_id: int | None


@dataclass(frozen=True, slots=True)
class ApprovalRecord:
    id: int
    media: dict[str, Any] | None
    stream: str | None


@dataclass(frozen=True, slots=True)
class MediaRecord:
    sha256: str
    bulletin_id: int
    language: str
    duration_ms: int


TABLES: dict[type, str] = {
    ZoneRecord: "zones",
    BookingRecord: "bookings",
    BulletinRecord: "bulletins",
    ApprovalRecord: "approvals",
    MediaRecord: "media_assets",
}
Record = TypeVar("Record")


def _instant(text: str) -> datetime:
    """SQLAlchemy keeps a DateTime in SQLite as ISO text without an offset, and reads it back naive."""
    return datetime.fromisoformat(text).replace(tzinfo=None)


def _json(text: str) -> Any:
    return json.loads(text)


def _reader(annotation: str) -> Callable[[Any], Any] | None:
    """How a column's stored value becomes the field's, as SQLAlchemy's SQLite types read it."""
    kind = annotation.split(" | ")[0]
    if kind.startswith(("list", "dict")):
        return _json
    readers: dict[str, Callable[[Any], Any]] = {"datetime": _instant, "date": date.fromisoformat, "bool": bool}
    return readers.get(kind)


class SqliteRows:
    """`app.airing.Rows` over one read transaction of a SQLite store."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._cache: dict[tuple[type, tuple[Any, ...]], Any] = {}

    def _select(self, record: type[Record], where: str = "", params: tuple[Any, ...] = ()) -> list[Record]:
        names = [f.name for f in fields(record)]  # type: ignore[arg-type]
        readers = [_reader(str(f.type)) for f in fields(record)]  # type: ignore[arg-type]
        # names and clauses are this module's own; values are bound parameters
        sql = f"SELECT {', '.join(names)} FROM {TABLES[record]} {where} ORDER BY rowid"  # noqa: S608
        return [
            record(*(value if value is None or read is None else read(value) for value, read in zip(row, readers, strict=True)))
            for row in self.connection.execute(sql, params)
        ]

    def _get(self, record: type[Record], where: str, key: tuple[Any, ...]) -> Record | None:
        if (record, key) not in self._cache:
            found = self._select(record, f"WHERE {where}", key)
            self._cache[record, key] = found[0] if found else None
        return self._cache[record, key]  # type: ignore[no-any-return]

    def zones(self) -> list[ZoneRecord]:
        return self._select(ZoneRecord)

    def live_bookings(self) -> list[BookingRecord]:
        return self._select(BookingRecord, "WHERE withdrawn IS 0")

    def bulletin(self, bulletin_id: int) -> BulletinRecord | None:
        return self._get(BulletinRecord, "id = ?", (bulletin_id,))

    def approval(self, approval_id: int) -> ApprovalRecord | None:
        return self._get(ApprovalRecord, "id = ?", (approval_id,))

    def media(self, sha256: str, bulletin_id: int) -> MediaRecord | None:
        return self._get(MediaRecord, "sha256 = ? AND bulletin_id = ?", (sha256, bulletin_id))

    def legacy_approved(self, bulletin: Any) -> Any:
        raise NeedsFullRead(f"bulletin {bulletin.id}: an approval that did not record its audio")


def sqlite_path(url: str) -> Path:
    """The file of a `sqlite:///` URL, as `store.engine.Store` opens it.

    :raises NeedsFullRead: for any other database or a URL with options."""
    if not url.startswith("sqlite:///") or "?" in url:
        raise NeedsFullRead(f"not a plain SQLite file: {url.split('://')[0]}")
    path = Path(url.removeprefix("sqlite:///"))
    if str(path) in ("", ":memory:") or not path.is_file():
        raise NeedsFullRead("no store file yet")
    return path


@contextmanager
def open_rows(url: str) -> Iterator[SqliteRows]:
    """Rows of a SQLite store at the scripts' head, read in one transaction (a snapshot under WAL).

    :raises NeedsFullRead: when the usual path must open the store, and for any SQLite error in
        the read, which the usual path then meets and reports as every command does.
    """
    path = sqlite_path(url)
    head = head_revision()
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise NeedsFullRead(str(exc)) from exc
    try:
        connection.execute("BEGIN")
        revision = [r[0] for r in connection.execute("SELECT version_num FROM alembic_version")]
        if head is None or revision != [head]:
            raise NeedsFullRead(f"store at revision {revision}, scripts at {head}")
        yield SqliteRows(connection)
    except sqlite3.Error as exc:
        raise NeedsFullRead(str(exc)) from exc
    finally:
        connection.close()

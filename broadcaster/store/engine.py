"""Open the store: an engine, migrations to head (Alembic), and sessions."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config

from broadcaster.errors import AppError
from broadcaster.store.revision import MIGRATIONS, head_revision


class StoreError(AppError):
    """The database cannot be opened or migrated."""

    code = "store.unavailable"


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def _private_file(path: Path) -> None:
    """The SQLite file holds password hashes: owner-only (its -wal/-shm files inherit the mode)."""
    if str(path) in ("", ":memory:"):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        # only to create it: closing a descriptor of a database this process already has open
        # drops SQLite's POSIX locks on it, and concurrent writers then corrupt the file
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(path, 0o600)


class Store:
    def __init__(self, url: str) -> None:
        if url.startswith("sqlite:///"):
            _private_file(Path(url.removeprefix("sqlite:///")))
        if url.startswith("postgresql://"):
            url = url.replace("postgresql://", "postgresql+psycopg://", 1)
        self.url = url
        self.engine: Engine = create_engine(url, future=True)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def migrate(self) -> Store:
        if self._at_head():
            return self
        from alembic import command

        try:
            with self.engine.begin() as connection:
                config = alembic_config(self.url)
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open or migrate the database {self.engine.url!r}: {exc}") from exc
        return self

    def _at_head(self) -> bool:
        """The database already at the scripts' head: nothing for Alembic to do, so it is not imported."""
        head = head_revision()
        if head is None:
            return False
        try:
            with self.engine.connect() as connection:
                current = list(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())
        except SQLAlchemyError:  # a new database: no version table yet
            return False
        return current == [head]

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def open_store(url: str) -> Store:
    return Store(url).migrate()


def insert_new(session: Session, model: type[DeclarativeBase], rows: list[dict[str, Any]]) -> None:
    """Insert the rows whose primary key is not stored yet, in one executemany; the others are
    left as they are (`INSERT … ON CONFLICT DO NOTHING`, SQLite and PostgreSQL alike): a row
    sent again, or inserted meanwhile by another worker, changes nothing and raises nothing."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    statement: postgresql.Insert | sqlite.Insert
    if dialect == "postgresql":
        statement = postgresql.insert(model).on_conflict_do_nothing()
    elif dialect == "sqlite":
        statement = sqlite.insert(model).on_conflict_do_nothing()
    else:
        raise StoreError(f"no insert-or-ignore for the {dialect} dialect; the store runs on SQLite or PostgreSQL")
    session.connection().execute(statement, rows)  # the connection's executemany: no ORM objects

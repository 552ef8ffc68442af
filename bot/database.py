"""The database: engine creation, migrations, and the catalogue's first-use seed.

Every command that touches the database goes through `open_database`, which brings an
empty or older schema up to date, so a fresh machine needs no separate set-up step.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

MIGRATIONS = Path(__file__).with_name("migrations")


def normalise_database_url(url: str) -> str:
    """Accept the URL forms hosts hand out and pick the async driver for each."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgresql+psycopg2", "postgresql+psycopg"):
        parsed = parsed.set(drivername="postgresql+asyncpg")
    elif parsed.drivername == "sqlite":
        parsed = parsed.set(drivername="sqlite+aiosqlite")
    return parsed.render_as_string(hide_password=False)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def create_engine(url: str, connect_args: dict[str, Any] | None = None) -> AsyncEngine:
    url = normalise_database_url(url)
    # A server connection can drop while pooled; a SQLite file cannot, and a ping per
    # checkout would cost every journal batch a round trip.
    pre_ping = not url.startswith("sqlite")
    engine = create_async_engine(url, connect_args=connect_args or {}, pool_pre_ping=pre_ping)
    if engine.dialect.name == "sqlite":
        _check_sqlite_folder(engine.url.database)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def _check_sqlite_folder(database: str | None) -> None:
    """SQLite makes a missing file but not its folder; say which folder is missing before
    aiosqlite tries (its worker thread outlives a failed connect and then writes a
    traceback to a loop that is already closed)."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    folder = Path(database).expanduser().resolve().parent
    if not folder.is_dir():
        raise sqlite3.OperationalError(
            f"unable to open database file: the folder {folder} does not exist"
        )


def _alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Run the migrations up to `revision` on `engine`."""
    async with engine.begin() as connection:
        await connection.run_sync(lambda sync: command.upgrade(_alembic_config(sync), revision))


def head_revision() -> str | None:
    """The newest revision the code knows: what `upgrade` brings a database to."""
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


async def current_revision(engine: AsyncEngine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    async with engine.connect() as connection:
        return await connection.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )


@dataclass
class Database:
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session whose work is committed on success and rolled back on error."""
        async with self.sessions() as session, session.begin():
            yield session

    async def close(self) -> None:
        await self.engine.dispose()


async def open_database(
    url: str, *, seed: bool = True, connect_args: dict[str, Any] | None = None
) -> Database:
    """A migrated database, with the built-in seed catalogue loaded unless `seed` is False."""
    engine = create_engine(url, connect_args)
    await upgrade(engine)
    database = Database(engine, async_sessionmaker(engine, expire_on_commit=False))
    if seed:
        from catalogue.seed import ensure_seeded

        async with database.session() as session:
            await ensure_seeded(session)
    return database

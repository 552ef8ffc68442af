"""Shared fixtures: a real database per test, on SQLite always and PostgreSQL when named.

`TEST_DATABASE_URL` (set by .ci/run) names a PostgreSQL server; each test gets a schema
of its own there, so tests never see each other's rows and can run in any order.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from distributor_server import DistributorServer
from sqlalchemy import text
from telegram_harness import BOT_USERNAME, TOKEN

from bot.database import Database, create_engine, normalise_database_url, open_database
from bot.telegram_emulator import TelegramEmulator

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"

BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


def shared_file(relative: str) -> Path:
    """A file from ../shared/data, skipping the test when the shared data is not beside us."""
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


@pytest.fixture(params=BACKENDS)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A URL to an empty database, with connect arguments for PostgreSQL's private schema."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"
        return
    url = normalise_database_url(os.environ["TEST_DATABASE_URL"])
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    async with admin.begin() as connection:
        await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    request.node.pg_schema = schema
    try:
        yield url
    finally:
        async with admin.begin() as connection:
            await connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        await admin.dispose()


def connect_args_for(request: pytest.FixtureRequest) -> dict[str, object]:
    schema = getattr(request.node, "pg_schema", None)
    return {"server_settings": {"search_path": schema}} if schema else {}


@pytest.fixture
async def empty_db(database_url: str, request: pytest.FixtureRequest) -> AsyncIterator[Database]:
    """A migrated database with no catalogue rows."""
    database = await open_database(database_url, seed=False, connect_args=connect_args_for(request))
    try:
        yield database
    finally:
        await database.close()


@pytest.fixture
async def seeded_db(database_url: str, request: pytest.FixtureRequest) -> AsyncIterator[Database]:
    """A migrated database with the built-in seed catalogue loaded."""
    database = await open_database(database_url, connect_args=connect_args_for(request))
    try:
        yield database
    finally:
        await database.close()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    """A plain HTTP client session (tests of vendor agents may override it)."""
    async with aiohttp.ClientSession() as client:
        yield client


@pytest.fixture
async def distributor() -> AsyncIterator[DistributorServer]:
    """The local stand-in for the distributor APIs, serving their recorded answers."""
    async with DistributorServer() as running:
        yield running


@pytest.fixture
async def emulator() -> AsyncIterator[TelegramEmulator]:
    """The Bot API emulator with the tests' bot in it, people to be added by the test."""
    async with TelegramEmulator() as running:
        running.add_bot(TOKEN, BOT_USERNAME)
        yield running

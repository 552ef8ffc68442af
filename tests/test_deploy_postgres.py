"""A Heroku-style deployment on PostgreSQL: the release step migrates a new database named by a
`postgres://` URL, then the web process serves the webhook and /healthz from it.

Runs where TEST_DATABASE_URL names a PostgreSQL server (.ci/run sets it); each test makes a
database of its own and drops it afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import asyncpg
import pytest
from test_cli import run_cli
from test_webhook import webhook_bot

from bot.database import head_revision, normalise_database_url

pytestmark = pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL"), reason="TEST_DATABASE_URL names no PostgreSQL server"
)


@pytest.fixture
async def heroku_url() -> AsyncIterator[str]:
    """A new, empty database on the test server, as Heroku's `postgres://` URL names it."""
    server = normalise_database_url(os.environ["TEST_DATABASE_URL"]).replace(
        "postgresql+asyncpg://", "postgresql://"
    )
    name = f"deploy_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(server)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        base = server.rsplit("/", 1)[0].replace("postgresql://", "postgres://", 1)
        yield f"{base}/{name}"
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def tables_and_revision(url: str) -> tuple[set[str], str | None]:
    connection = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        rows = await connection.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        revision = await connection.fetchval("SELECT version_num FROM alembic_version")
        return {row["tablename"] for row in rows}, revision
    finally:
        await connection.close()


async def test_the_release_step_migrates_a_database_named_by_a_heroku_url(
    heroku_url: str, tmp_path: Path
) -> None:
    result = run_cli(
        "db", "upgrade", cwd=tmp_path, env={"PATH": "/usr/bin:/bin", "DATABASE_URL": heroku_url}
    )
    assert (result.returncode, result.stdout) == (
        0,
        f"database is at revision {head_revision()}\n",
    )
    tables, revision = await tables_and_revision(heroku_url)
    assert revision == head_revision()
    assert {"parts", "vendors", "rfqs", "offers", "telegram_chats"} <= tables


async def test_the_web_process_serves_health_from_postgresql(
    heroku_url: str, tmp_path: Path
) -> None:
    async with (
        webhook_bot(tmp_path, database_url=heroku_url) as running,
        aiohttp.ClientSession() as session,
        session.get(f"{running.url}/healthz") as answer,
    ):
        assert answer.status == 200
        body = await answer.json()
    assert body["database"]["ok"] is True
    assert body["database"]["dialect"] == "postgresql"

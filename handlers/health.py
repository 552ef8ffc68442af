"""`GET /healthz`: whether the database answers and the bot is taking updates.

A platform's health check (Heroku, Kubernetes, a load balancer) restarts or routes around a
process on a non-2xx answer, so the status code carries the verdict and the JSON body says
which part failed and why.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import asdict, dataclass
from typing import Any

from aiohttp import web
from sqlalchemy import text

from handlers.app import App
from handlers.context import KEY, BotContext

HEALTH_PATH = "/healthz"
#: A database that has not answered `SELECT 1` by then counts as down.
DATABASE_TIMEOUT_SECONDS = 5.0


@dataclass(frozen=True, slots=True)
class DatabaseHealth:
    ok: bool
    dialect: str | None = None
    milliseconds: float | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class BotHealth:
    ok: bool
    mode: str
    username: str | None = None
    open_rfqs: int | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Health:
    database: DatabaseHealth
    bot: BotHealth

    @property
    def ok(self) -> bool:
        return self.database.ok and self.bot.ok

    def to_json(self) -> dict[str, Any]:
        return {"status": "ok" if self.ok else "failing", **asdict(self)}


async def check_health(application: App, mode: str) -> Health:
    bctx = application.bot_data.get(KEY)
    if not isinstance(bctx, BotContext):
        reason = "starting" if not application.running else "services are not open"
        return Health(
            DatabaseHealth(ok=False, error=reason), BotHealth(ok=False, mode=mode, error=reason)
        )
    return Health(await _database(bctx), _bot(application, bctx, mode))


async def _database(bctx: BotContext) -> DatabaseHealth:
    engine = bctx.services.database.engine
    began = time.perf_counter()
    try:
        async with asyncio.timeout(DATABASE_TIMEOUT_SECONDS), engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception as error:  # any failure to answer is the finding, not a crash
        return DatabaseHealth(
            ok=False, dialect=engine.dialect.name, error=f"{type(error).__name__}: {error}"
        )
    return DatabaseHealth(
        ok=True,
        dialect=engine.dialect.name,
        milliseconds=round((time.perf_counter() - began) * 1000, 1),
    )


def _bot(application: App, bctx: BotContext, mode: str) -> BotHealth:
    if not application.running:
        return BotHealth(ok=False, mode=mode, username=bctx.username, error="not running")
    updater = application.updater
    if mode != "webhook" and (updater is None or not updater.running):
        return BotHealth(ok=False, mode=mode, username=bctx.username, error="not polling")
    return BotHealth(ok=True, mode=mode, username=bctx.username, open_rfqs=bctx.live.open_count)


def health_routes(application: App, mode: str) -> list[web.RouteDef]:
    async def healthz(_request: web.Request) -> web.Response:
        health = await check_health(application, mode)
        return web.json_response(health.to_json(), status=200 if health.ok else 503)

    return [web.get(HEALTH_PATH, healthz)]

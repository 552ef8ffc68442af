"""Webhook mode: Telegram posts each update to WEBHOOK_URL, served by our aiohttp server.

Only requests carrying the secret token registered with setWebhook are taken, so a stranger
who learns the URL cannot feed the bot updates. The secret defaults to one derived from the
bot token, the same on every process and restart, so several web processes behind one URL
agree on it without configuration.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
from collections.abc import Callable
from urllib.parse import urlsplit

from aiohttp import web
from telegram import Update

from bot.settings import Settings
from handlers.app import ALLOWED_UPDATES, App, build_application, started
from handlers.health import health_routes
from handlers.web import web_server

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
#: Telegram opens at most this many connections to the webhook at once.
MAX_CONNECTIONS = 40


def webhook_secret(settings: Settings) -> str:
    """WEBHOOK_SECRET, or a value only the holder of the bot token can compute."""
    if settings.webhook_secret is not None:
        return settings.webhook_secret.get_secret_value()
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    token = settings.telegram_bot_token.get_secret_value().encode()
    return hmac.new(b"sourcing-bot webhook secret", token, hashlib.sha256).hexdigest()


def webhook_path(url: str) -> str:
    """The path Telegram posts to: WEBHOOK_URL's own, "/" when it has none."""
    return urlsplit(url).path or "/"


def webhook_routes(application: App, *, path: str, secret: str) -> list[web.RouteDef]:
    expected = secret.encode()

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            log.warning("webhook request without the secret token from %s", request.remote)
            return web.json_response({"error": "wrong secret token"}, status=403)
        try:
            data = json.loads(await request.read())
            update = Update.de_json(data, application.bot) if isinstance(data, dict) else None
        except (ValueError, TypeError, KeyError) as error:
            log.warning("webhook body is not an update: %s", error)
            update = None
        if update is None:
            return web.json_response({"error": "the body is not a Telegram update"}, status=400)
        await application.update_queue.put(update)
        return web.Response(status=200)

    return [web.post(path, receive)]


async def serve_webhook(
    settings: Settings,
    stop: asyncio.Event,
    *,
    host: str = "0.0.0.0",
    ready: Callable[[str], None] | None = None,
) -> None:
    """The bot in webhook mode until `stop` is set: the web server on PORT first, then
    setWebhook, so Telegram's first post finds us listening."""
    if not settings.webhook_url:
        raise ValueError("WEBHOOK_URL is not set")
    secret = webhook_secret(settings)
    application = build_application(settings)
    async with started(application, polling=False):
        app = web.Application()
        app.add_routes(
            webhook_routes(application, path=webhook_path(settings.webhook_url), secret=secret)
        )
        app.add_routes(health_routes(application, "webhook"))
        async with web_server(app, host, settings.port) as url:
            await application.bot.set_webhook(
                url=settings.webhook_url,
                secret_token=secret,
                allowed_updates=ALLOWED_UPDATES,
                max_connections=MAX_CONNECTIONS,
            )
            log.info("webhook %s registered; listening on %s", settings.webhook_url, url)
            if ready is not None:
                ready(url)
            await stop.wait()

"""The Telegram application: python-telegram-bot's `Application`, built from settings.

`build_application` configures it (Bot API server, rate limiter, handlers); `open_bot`
and `close_bot` start and stop what the handlers share (the engine's services, the
messenger, live RFQs). `run_polling` calls them through post_init/post_shutdown; `started`
calls them directly for the webhook, the sandbox and tests, so every mode starts the same way.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from telegram import BotCommand
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder

from bot.quotes import QuoteRequest
from bot.rfqs.run import VendorTarget
from bot.services import open_services
from bot.settings import Settings
from handlers import admin, buyers, vendor_chats, vendor_groups
from handlers.context import KEY, BotContext, bot_context
from handlers.i18n import LANGUAGES, translator
from handlers.live import LiveRfqs
from handlers.messenger import Messenger
from handlers.render import bot_commands

log = logging.getLogger(__name__)

SETTINGS_KEY = "settings"
#: The updates the handlers use; Telegram sends no others.
ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]

App = Application[Any, Any, Any, Any, Any, Any]


def build_application(settings: Settings) -> Application:  # type: ignore[type-arg]
    """The bot's Application, pointed at TELEGRAM_API_URL, with every handler registered."""
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    api = settings.telegram_api_url.rstrip("/")
    application = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(f"{api}/bot")
        .base_file_url(f"{api}/file/bot")
        .rate_limiter(AIORateLimiter(max_retries=5))
        .concurrent_updates(True)
        .post_init(open_bot)
        .post_shutdown(close_bot)
        .build()
    )
    application.bot_data[SETTINGS_KEY] = settings
    for module in (admin, vendor_groups, vendor_chats, buyers):
        module.register(application)
    return application


async def open_bot(application: Application) -> None:  # type: ignore[type-arg]
    """Open the services, name the commands, and pick up RFQs left open by a restart."""
    settings: Settings = application.bot_data[SETTINGS_KEY]
    services = await open_services(settings, humans_reachable=True)
    live = LiveRfqs()
    bctx = BotContext(
        services=services,
        settings=settings,
        messenger=Messenger(application.bot, services.database),
        live=live,
    )
    application.bot_data[KEY] = bctx
    me = await application.bot.get_me()
    bctx.username = me.username or ""
    for language in LANGUAGES:
        commands = [BotCommand(name, text) for name, text in bot_commands(translator(language))]
        await application.bot.set_my_commands(
            commands, language_code=None if language == "en" else language
        )

    async def targets_for(request: QuoteRequest, vendor_ids: Sequence[int]) -> list[VendorTarget]:
        wanted = set(vendor_ids)
        return [t for t in await services.targets_for(request) if t.vendor_id in wanted]

    resumed = await services.engine.resume(targets_for)
    await live.resume(bctx, resumed)
    log.info("bot @%s ready; %d open RFQs resumed", bctx.username, len(resumed))


async def close_bot(application: Application) -> None:  # type: ignore[type-arg]
    bctx = application.bot_data.get(KEY)
    if isinstance(bctx, BotContext):
        await bctx.live.stop()
        await bctx.services.close()
        application.bot_data.pop(KEY, None)


def run_polling(settings: Settings) -> None:
    """Long polling until SIGINT or SIGTERM, then a clean shutdown."""
    application = build_application(settings)
    application.run_polling(allowed_updates=ALLOWED_UPDATES)


@asynccontextmanager
async def started(application: App, *, polling: bool) -> AsyncIterator[App]:
    """The Application running (services open, handlers taking updates) until the block
    ends, then stopped in the reverse order. Without polling, updates come from whoever
    puts them on `application.update_queue`: the webhook."""
    async with application:
        await open_bot(application)
        try:
            await application.start()
            try:
                if polling:
                    assert application.updater is not None
                    await application.updater.start_polling(
                        poll_interval=0, allowed_updates=ALLOWED_UPDATES
                    )
                try:
                    yield application
                finally:
                    if application.updater is not None and application.updater.running:
                        await application.updater.stop()
            finally:
                await application.stop()
        finally:
            await close_bot(application)


__all__ = [
    "ALLOWED_UPDATES",
    "App",
    "bot_context",
    "build_application",
    "close_bot",
    "open_bot",
    "run_polling",
    "started",
]

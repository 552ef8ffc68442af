"""The sandbox: the bot as it runs on Telegram, with no token, no vendors and no network.

The bot's real Application talks to the project's own Bot API emulator instead of Telegram;
demo vendors (HTTP quote endpoints, stock lists, people in the emulator) start with it; a
web chat on 127.0.0.1 lets a person play the buyer and the vendors. Everything lives in a
SQLite file of its own, made afresh at each start, so a real deployment's database never
sees demo data and a restart never meets messages the new emulator does not know.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web
from sqlalchemy import select

from bot.database import Database, open_database
from bot.demo import DemoMarket, open_demo_market
from bot.models import Vendor
from bot.settings import Settings
from bot.telegram_emulator import Chat, TelegramEmulator, User
from bot.webchat import Seat, WebChat
from handlers.app import App, build_application, started
from handlers.health import health_routes
from handlers.web import web_server

log = logging.getLogger(__name__)

#: Shaped like a real token (digits, colon, 35 characters) so every code path treats it as one.
SANDBOX_TOKEN = "1000000001:SandboxTokenOfflineOnlyNoTelegram0"
SANDBOX_USERNAME = "sourcing_sandbox_bot"
#: The person at the keyboard, as vendors and the admin messages name the buyer.
BUYER_NAME = "Alex Chen"
#: How long RFQs stay open in the sandbox unless QUOTE_WINDOW_SECONDS says otherwise: long
#: enough to answer as a vendor, short enough to see the final ranking without waiting.
SANDBOX_WINDOW_SECONDS = 60.0
#: Settings that would reach the internet; the sandbox runs without them.
_NETWORK_SETTINGS = (
    "mouser_api_key",
    "nexar_client_id",
    "nexar_client_secret",
    "digikey_client_id",
    "digikey_client_secret",
    "element14_api_key",
    "webhook_url",
)
NOTICE = (
    "This is the sandbox: the real bot, a Telegram of its own and demo vendors, all on this "
    "machine. Ask for parts as the buyer, then answer the request as a vendor."
)


def sandbox_database_url(settings: Settings) -> str:
    return f"sqlite+aiosqlite:///{Path(settings.sandbox_database).resolve()}"


def remove_sandbox_database(settings: Settings) -> None:
    """Yesterday's demo is gone with yesterday's emulator: start from an empty file."""
    path = Path(settings.sandbox_database).resolve()
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def sandbox_settings(settings: Settings, api_url: str, buyer_id: int) -> Settings:
    """The settings the bot runs with in the sandbox: the emulator for Telegram, the demo
    database, the buyer as the admin (to approve vendors and broadcast)."""
    update: dict[str, object] = {name: None for name in _NETWORK_SETTINGS}
    update.update(
        telegram_bot_token=SANDBOX_TOKEN,
        telegram_api_url=api_url,
        database_url=sandbox_database_url(settings),
        admin_ids=str(buyer_id),
    )
    if "quote_window_seconds" not in settings.model_fields_set:
        update["quote_window_seconds"] = SANDBOX_WINDOW_SECONDS
    return Settings.model_validate({**settings.model_dump(), **update})


async def vendor_names(database: Database, chats: Sequence[Chat]) -> dict[int, str]:
    """The registered vendor of each private chat, as the bot knows it, by chat id."""
    wanted = [chat.id for chat in chats]
    async with database.session() as session:
        vendors = await session.scalars(select(Vendor).where(Vendor.telegram_chat_id.in_(wanted)))
        return {
            vendor.telegram_chat_id: vendor.name for vendor in vendors if vendor.telegram_chat_id
        }


def seats(market: DemoMarket, names: Mapping[int, str]) -> list[Seat]:
    """The chats the web chat lists: the buyer's first, then the vendors, then the group.
    A vendor's chat is titled with its vendor name, its person named beneath."""

    def vendor_seat(key: str, person: User, chat: Chat, role: str) -> Seat:
        title = names.get(chat.id, person.first_name)
        return Seat(key, chat, title, f"{person.first_name}, {role}", (person,))

    chosen = [
        Seat("buyer", market.buyer_chat, "Sourcing bot", "you, as the buyer", (market.buyer,))
    ]
    for number, (person, chat) in enumerate(market.played_vendors, start=1):
        chosen.append(vendor_seat(f"vendor-{number}", person, chat, "a demo vendor you play"))
    for number, (person, chat) in enumerate(market.auto_vendors, start=1):
        chosen.append(vendor_seat(f"auto-{number}", person, chat, "answers by itself"))
    auto = {person.id for person, _chat in market.auto_vendors}
    speakers = tuple(member for member in market.group.members if member.id not in auto)
    title = market.group.title or "Vendor group"
    chosen.append(Seat("group", market.group, title, "a vendor group", speakers))
    return chosen


@dataclass(frozen=True, slots=True)
class Sandbox:
    """A running sandbox: where its web chat is, and its insides for tests to act on."""

    url: str
    emulator: TelegramEmulator
    market: DemoMarket
    application: App
    settings: Settings


@asynccontextmanager
async def open_sandbox(
    settings: Settings, *, host: str = "127.0.0.1", port: int | None = None
) -> AsyncIterator[Sandbox]:
    """The sandbox running until the block ends (port: PORT unless given; 0 picks one)."""
    remove_sandbox_database(settings)
    async with TelegramEmulator() as emulator:
        bot = emulator.add_bot(SANDBOX_TOKEN, SANDBOX_USERNAME, first_name="Sourcing bot")
        database = await open_database(sandbox_database_url(settings))
        try:
            market = await open_demo_market(database, emulator, bot, buyer_name=BUYER_NAME)
            try:
                configured = sandbox_settings(settings, emulator.api_url, market.buyer.id)
                async with started(build_application(configured), polling=True) as application:
                    # The buyer's chat opens as Telegram opens a new bot: with its welcome.
                    start = await emulator.send_text(market.buyer, market.buyer_chat, "/start")
                    await emulator.wait_for(
                        lambda: emulator.messages(market.buyer_chat, after=start), 30
                    )
                    chats = [chat for _person, chat in market.played_vendors + market.auto_vendors]
                    names = await vendor_names(database, chats)
                    webchat = WebChat(emulator, seats(market, names), notice=NOTICE)
                    app = web.Application()
                    webchat.add_routes(app)
                    app.add_routes(health_routes(application, "sandbox"))
                    chosen = settings.port if port is None else port
                    async with web_server(app, host, chosen) as url:
                        log.info("sandbox ready at %s", url)
                        try:
                            yield Sandbox(url, emulator, market, application, configured)
                        finally:
                            await webchat.close()
            finally:
                await market.close()
        finally:
            await database.close()


async def serve_sandbox(
    settings: Settings,
    stop: asyncio.Event,
    *,
    host: str = "127.0.0.1",
    ready: Callable[[str], None] | None = None,
) -> None:
    """The sandbox until `stop` is set; `ready` is told the web chat's address."""
    async with open_sandbox(settings, host=host) as sandbox:
        if ready is not None:
            ready(sandbox.url)
        await stop.wait()

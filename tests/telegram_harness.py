"""End-to-end Telegram tests: the bot's real Application against the Bot API emulator.

    async with telegram_bot(tmp_path, admin_ids=[admin.id]) as bot:   # admin: emulator user
        ...

or, with the emulator's people made first:

    async with TelegramEmulator() as emulator:
        emulator.add_bot(TOKEN, BOT_USERNAME)
        alice = emulator.user("Alice")
        settings = bot_settings(await seeded_database_url(tmp_path), emulator)
        async with running_bot(settings) as application:
            ...

The Application is built by handlers.app.build_application from Settings pointing at the
emulator (TELEGRAM_API_URL) and a SQLite file in the test's directory, and started the way
run_polling starts it (open_bot, start, polling); it stops in the reverse order.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from telegram.ext import Application
from vendor_servers import VendorServer

from bot.database import Database, open_database
from bot.models import VendorKind, VendorStatus
from bot.quotes import QuoteRequest
from bot.settings import Settings
from bot.telegram_emulator import Chat, Event, Message, TelegramEmulator, User
from bot.vendors import add_vendor
from handlers.app import build_application, started
from handlers.context import KEY, BotContext
from handlers.i18n import translator

TOKEN = "7301554120:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
BOT_USERNAME = "sourcing_test_bot"

App = Application[Any, Any, Any, Any, Any, Any]
T = TypeVar("T")

#: A migrated, seeded SQLite database made once per test run; each bot starts from a copy
#: (seeding the catalogue takes seconds, copying it milliseconds).
_TEMPLATE = tempfile.TemporaryDirectory(prefix="telegram-harness-")
_TEMPLATE_DB = Path(_TEMPLATE.name) / "seeded.db"


async def seeded_database_url(tmp_path: Path) -> str:
    """A SQLite URL in `tmp_path` to a database migrated and seeded like a fresh bot's."""
    if not _TEMPLATE_DB.exists():
        await _make_template()
    target = tmp_path / "bot.db"
    shutil.copyfile(_TEMPLATE_DB, target)
    return f"sqlite+aiosqlite:///{target}"


async def _make_template() -> None:
    """Seed into a file of its own, then move it in place whole (with its WAL folded in)."""
    making = Path(tempfile.mkdtemp(dir=_TEMPLATE.name)) / "seeding.db"
    database = await open_database(f"sqlite+aiosqlite:///{making}")
    async with database.engine.begin() as connection:
        await connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    await database.close()
    making.replace(_TEMPLATE_DB)


def bot_settings(
    database_url: str,
    emulator: TelegramEmulator,
    *,
    admin_ids: Sequence[int] = (),
    **overrides: Any,
) -> Settings:
    """Settings for a bot on the emulator, with the given database."""
    values: dict[str, Any] = {
        "database_url": database_url,
        "telegram_bot_token": TOKEN,
        "telegram_api_url": emulator.api_url,
        "admin_ids": ",".join(str(admin) for admin in admin_ids),
        **overrides,
    }
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@contextmanager
def retry_after_as_timedelta() -> Iterator[None]:
    """python-telegram-bot's coming RetryAfter type (PTB_TIMEDELTA), which also silences its
    deprecation warning; restored afterwards."""
    before = os.environ.get("PTB_TIMEDELTA")
    os.environ["PTB_TIMEDELTA"] = "1"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PTB_TIMEDELTA", None)
        else:
            os.environ["PTB_TIMEDELTA"] = before


@asynccontextmanager
async def running_bot(settings: Settings) -> AsyncIterator[App]:
    """The bot's Application, polling the emulator, until the block ends."""
    with retry_after_as_timedelta():
        async with started(build_application(settings), polling=True) as application:
            yield application


@dataclass
class TelegramBot:
    """The running bot and the emulator its people talk through."""

    emulator: TelegramEmulator
    application: App
    settings: Settings

    @property
    def bctx(self) -> BotContext:
        found = self.application.bot_data[KEY]
        assert isinstance(found, BotContext)
        return found

    @property
    def database(self) -> Database:
        return self.bctx.services.database

    def chat(self, person: User) -> Chat:
        """The person's private chat with the bot."""
        return self.emulator.private_chat(person)

    async def add_telegram_vendor(
        self,
        person: User,
        name: str,
        *,
        currency: str = "CNY",
        categories: Sequence[str] | None = None,
        status: VendorStatus = VendorStatus.ACTIVE,
    ) -> int:
        """A vendor answering in its private chat, as `sourcing-bot vendors add --telegram`
        registers it; returns its id."""
        chat = self.chat(person)
        async with self.database.session() as session:
            vendor = await add_vendor(
                session,
                name=name,
                kind=VendorKind.TELEGRAM,
                telegram_chat_id=chat.id,
                currency=currency,
                categories=categories,
                status=status,
            )
            return vendor.id

    async def add_http_vendor(
        self, server: VendorServer, name: str, *, currency: str = "USD"
    ) -> int:
        """A vendor answering through its quote API (a VendorServer); returns its id."""
        async with self.database.session() as session:
            vendor = await add_vendor(
                session,
                name=name,
                kind=VendorKind.HTTP,
                url=server.url,
                secret=server.secret,
                currency=currency,
            )
            return vendor.id

    async def open_rfq(self, buyer: User, text: str) -> QuoteRequest:
        """An RFQ opened for `buyer` and sent to every vendor, as a buyer's request does."""
        bctx = self.bctx
        chat = self.chat(buyer)
        request = await bctx.services.engine.open_rfq(
            buyer=f"tg:{buyer.id}",
            text=text,
            currency=bctx.services.ranking.currency,
            window_seconds=self.settings.quote_window_seconds,
            buyer_chat_id=chat.id,
        )
        await bctx.live.start(
            bctx, request, chat_id=chat.id, translator=translator(buyer.language_code)
        )
        return request

    async def said(
        self, person: User, text: str, *, chat: Chat | None = None, reply_to: Message | None = None
    ) -> list[Message]:
        """`person` writes `text` (in its private chat unless `chat` is given); returns the
        bot's first answers to it."""
        where = chat or self.chat(person)
        sent = await self.emulator.send_text(person, where, text, reply_to=reply_to)
        return await self.emulator.wait_for(lambda: self.emulator.messages(where, after=sent))

    async def eventually(
        self,
        probe: Callable[[], Awaitable[T | None]],
        timeout: float = 5.0,  # noqa: ASYNC109 (a deadline per condition reads best in tests)
    ) -> T:
        """`probe()` once it returns something: for what the bot stores after the message
        people see (a dispatch's message id is known only once it is sent). The database
        signals nothing, so it is asked again every few milliseconds."""
        async with asyncio.timeout(timeout):
            while (found := await probe()) is None:  # noqa: ASYNC110
                await asyncio.sleep(0.01)
        return found

    async def next_messages(self, chat: Chat, after: Message | None = None) -> list[Message]:
        """The bot's messages in `chat` newer than `after`, once there is at least one."""
        return await self.emulator.wait_for(lambda: self.emulator.messages(chat, after=after))

    async def settled(self) -> None:
        """Returns once the bot has fetched every update sent so far and its handlers have
        returned: how a test sees that something did NOT happen, without sleeping."""
        account = self.emulator.bot()
        await self.emulator.wait_for(lambda: not account.updates.pending)
        await self.application.update_queue.join()

    def redeliver(self, message: Message) -> None:
        """Telegram delivers `message` to the bot once more, as it does when it is not sure
        the bot received it (a lost getUpdates answer, a restart before confirming)."""
        self.emulator.bot().updates.push("message", message.to_api())


@dataclass(frozen=True, slots=True)
class Moment:
    """Something that happened in the emulator, when (time.monotonic), and the text its
    message had then (messages are live objects: later edits change `event.message`)."""

    at: float
    event: Event
    text: str | None


@contextmanager
def timeline(emulator: TelegramEmulator) -> Iterator[list[Moment]]:
    """Everything that happens in the emulator while the block runs, in order: for how
    often a message is edited, or how long a buyer waits."""
    seen: list[Moment] = []

    def record(event: Event) -> None:
        message = event.message
        text = None if message is None else message.text or message.caption
        seen.append(Moment(time.monotonic(), event, text))

    emulator.add_listener(record)
    try:
        yield seen
    finally:
        emulator.remove_listener(record)


@asynccontextmanager
async def telegram_bot(
    tmp_path: Path,
    *,
    emulator: TelegramEmulator | None = None,
    admin_ids: Sequence[int] = (),
    **settings: Any,
) -> AsyncIterator[TelegramBot]:
    """The bot running on `emulator` (a new one with the bot added when None)."""
    async with _emulator(emulator) as running:
        url = await seeded_database_url(tmp_path)
        chosen = bot_settings(url, running, admin_ids=admin_ids, **settings)
        async with running_bot(chosen) as application:
            yield TelegramBot(running, application, chosen)


@asynccontextmanager
async def _emulator(given: TelegramEmulator | None) -> AsyncIterator[TelegramEmulator]:
    if given is not None:
        yield given
        return
    async with TelegramEmulator() as emulator:
        emulator.add_bot(TOKEN, BOT_USERNAME)
        yield emulator

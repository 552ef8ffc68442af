"""The demo's Telegram vendors: people in the emulator with a DM to the bot, some of whom
answer requests for quote by themselves.

An automatic vendor behaves as a trader at a counter would: it sees the bot's RFQ arrive in
its DM, takes a moment (1 to 4 s), and replies to that message in its own market style,
quoting what it carries and declining the rest. The RFQ behind a message is found the way
the bot finds it when a vendor replies: the message's `RfqPost` row. Vendors without a
style are left for the person using the sandbox to play.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from bot.database import Database
from bot.demo.catalogue import DemoCatalogue
from bot.demo.dice import between
from bot.demo.pricing import VendorPricing
from bot.demo.quoting import line_quotes
from bot.demo.replies import LineAnswer, ReplyStyle, reply_text
from bot.models import Rfq, RfqPost, RfqStatus
from bot.quotes import QuoteRequest
from bot.rfqs.lines import quote_request_of
from bot.telegram_emulator import Chat, Event, EventKind, Message, TelegramEmulator, User

log = logging.getLogger(__name__)

#: `RfqPost.kind` of a message about an RFQ in a vendor's DM (bot/models.py).
VENDOR_POST = "vendor"
#: Telegram language codes of the demo's two languages.
LANGUAGE_CODES = {"en": "en", "zh": "zh-hans"}
#: How long an answering vendor looks for the RFQ behind a message before giving up: the
#: bot stores it right after sending, so this only covers a busy moment.
_POST_LOOKUPS = 30
_POST_LOOKUP_PAUSE = 0.1


@dataclass(frozen=True, slots=True)
class TelegramVendorProfile:
    name: str
    first_name: str
    last_name: str | None
    username: str
    #: "en" or "zh": the person's Telegram language, and so the language of the RFQs it gets.
    language: str
    currency: str
    #: How it answers by itself; None for a vendor the person plays.
    style: ReplyStyle | None = None
    pricing: VendorPricing | None = None
    #: Seconds it takes to answer: the least and the most.
    delay: tuple[float, float] = (1.0, 4.0)

    def __post_init__(self) -> None:
        if self.language not in LANGUAGE_CODES:
            raise ValueError(f"language {self.language!r} is not one of {sorted(LANGUAGE_CODES)}")
        if (self.style is None) != (self.pricing is None):
            raise ValueError("an automatic vendor needs both a style and its pricing")

    @property
    def automatic(self) -> bool:
        return self.style is not None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}" if self.last_name else self.first_name


@dataclass(eq=False)
class DemoPerson:
    """A Telegram vendor as it exists in the emulator: the person and its DM with the bot."""

    profile: TelegramVendorProfile
    person: User
    chat: Chat
    #: RFQs it has answered (or taken up): each gets one reply.
    answered: set[str] = field(default_factory=set)


def reply_delay(profile: TelegramVendorProfile, message: Message) -> float:
    """Seconds the vendor takes before answering `message`: the same for the same message."""
    return between(*profile.delay, profile.name, message.chat.id, message.message_id, "delay")


def answers(
    catalogue: DemoCatalogue, pricing: VendorPricing, request: QuoteRequest
) -> list[LineAnswer]:
    """Per RFQ line, the first part the vendor carries at the line's quantity, or no supply."""
    found = []
    for line in request.lines:
        quotes = line_quotes(catalogue, pricing, line, limit=1)
        found.append(LineAnswer(line.line, line.quantity or 1, quotes[0] if quotes else None))
    return found


class AutoResponder:
    """Answers RFQs in the DMs of the automatic demo vendors while it runs."""

    def __init__(
        self,
        database: Database,
        emulator: TelegramEmulator,
        catalogue: DemoCatalogue,
        vendors: Sequence[DemoPerson],
    ) -> None:
        self._database = database
        self._emulator = emulator
        self._catalogue = catalogue
        self._by_chat = {vendor.chat.id: vendor for vendor in vendors if vendor.profile.automatic}
        self._tasks: set[asyncio.Task[None]] = set()
        self._listening = False

    def start(self) -> None:
        if not self._listening:
            self._emulator.add_listener(self._seen)
            self._listening = True

    async def close(self) -> None:
        if self._listening:
            self._emulator.remove_listener(self._seen)
            self._listening = False
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _seen(self, event: Event) -> None:
        message = event.message
        if event.kind is not EventKind.MESSAGE or message is None or not message.from_bot:
            return
        vendor = self._by_chat.get(message.chat.id)
        if vendor is None:
            return
        task = asyncio.get_running_loop().create_task(
            self._answer(vendor, message), name=f"demo vendor {vendor.profile.name}"
        )
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and (error := task.exception()) is not None:
            log.error("a demo vendor failed to answer", exc_info=error)

    async def _answer(self, vendor: DemoPerson, message: Message) -> None:
        profile = vendor.profile
        assert profile.style is not None and profile.pricing is not None
        await asyncio.sleep(reply_delay(profile, message))
        rfq_id = await self._rfq_of(message)
        if rfq_id is None or rfq_id in vendor.answered or message.deleted:
            return  # not an RFQ (the bot's echo of an answer, an order), or answered already
        vendor.answered.add(rfq_id)
        request = await self._open_request(rfq_id)
        if request is None:
            return
        text = reply_text(profile.style, answers(self._catalogue, profile.pricing, request))
        try:
            await self._emulator.send_text(vendor.person, vendor.chat, text, reply_to=message)
        except ValueError as error:  # the person blocked the bot meanwhile
            log.warning("demo vendor=%s cannot answer rfq=%s: %s", profile.name, rfq_id, error)
            return
        log.info("demo vendor=%s answered rfq=%s", profile.name, rfq_id)

    async def _rfq_of(self, message: Message) -> str | None:
        """The RFQ `message` asks about, None when it is no RFQ post in a vendor's DM."""
        statement = select(RfqPost.rfq_id).where(
            RfqPost.chat_id == message.chat.id,
            RfqPost.message_id == message.message_id,
            RfqPost.kind == VENDOR_POST,
        )
        for attempt in range(_POST_LOOKUPS):
            if attempt:
                await asyncio.sleep(_POST_LOOKUP_PAUSE)
            async with self._database.session() as session:
                found = await session.scalar(statement)
            if found is not None:
                return found
        return None

    async def _open_request(self, rfq_id: str) -> QuoteRequest | None:
        async with self._database.session() as session:
            rfq = await session.get(Rfq, rfq_id, options=[selectinload(Rfq.lines)])
            if rfq is None or rfq.status != RfqStatus.OPEN:
                return None
            return quote_request_of(rfq)

"""The demo market: every demo vendor opened at once on a fresh database and emulator.

`open_demo_market` is what the sandbox calls before it starts the bot: it registers the
vendors of `bot.demo.roster` (HTTP endpoints, stock lists, Telegram people), makes the
buyer and the vendor group in the emulator, and starts what runs by itself (the quote
server, the automatic vendors). The vendors are registered exactly as an operator would
register them, so the bot treats them as any vendor; only their database is the demo's.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.database import Database
from bot.demo.catalogue import DemoCatalogue
from bot.demo.http_vendors import DemoQuoteServer
from bot.demo.roster import (
    GROUP_GUEST,
    GROUP_TITLE,
    GROUP_VENDORS,
    HTTP_VENDORS,
    STOCK_LISTS,
    TELEGRAM_VENDORS,
    vendor_names,
)
from bot.demo.stock_lists import load_stock_list, stock_list
from bot.demo.telegram_vendors import (
    LANGUAGE_CODES,
    AutoResponder,
    DemoPerson,
    TelegramVendorProfile,
)
from bot.models import TelegramChat, Vendor, VendorKind
from bot.telegram_emulator import BotAccount, Chat, TelegramEmulator, User
from bot.vendors import add_vendor

log = logging.getLogger(__name__)


class DemoMarketError(RuntimeError):
    """The demo market cannot open on this database (it is not a fresh one)."""


@dataclass(eq=False)
class DemoMarket:
    """The people and chats of the demo, and what runs until `close`."""

    buyer: User
    #: The buyer's private chat with the bot.
    buyer_chat: Chat
    #: Vendors the person plays, each with its private chat with the bot.
    played_vendors: list[tuple[User, Chat]]
    #: Vendors that answer RFQs by themselves, each with its private chat with the bot.
    auto_vendors: list[tuple[User, Chat]]
    #: A vendor group with the played vendors, an automatic one and `group_guest`.
    group: Chat
    #: A member of the group who is no vendor: replies there wait for registration.
    group_guest: User
    #: Every demo HTTP vendor's quote endpoint.
    http_server: DemoQuoteServer
    #: Price-list rows imported, by stock-list vendor name.
    stock_rows: dict[str, int] = field(default_factory=dict)
    _responder: AutoResponder | None = field(default=None, repr=False)

    async def close(self) -> None:
        """Stop the automatic vendors and the quote server; the database keeps the rows."""
        if self._responder is not None:
            await self._responder.close()
        await self.http_server.close()


async def open_demo_market(
    database: Database, emulator: TelegramEmulator, bot: BotAccount, *, buyer_name: str = "You"
) -> DemoMarket:
    """Register every demo vendor in `database` and bring the demo's people into `emulator`.

    Meant for a fresh database (the sandbox makes one at each start): DemoMarketError when
    any demo vendor is registered already, before anything is changed.
    """
    await _refuse_if_opened(database)
    catalogue = await DemoCatalogue.load()
    stock = await asyncio.to_thread(
        lambda: {profile.name: stock_list(catalogue, profile.pricing) for profile in STOCK_LISTS}
    )
    buyer = emulator.user(buyer_name, language_code="en")
    buyer_chat = emulator.private_chat(buyer, bot)
    people = [_person(emulator, bot, profile) for profile in TELEGRAM_VENDORS]
    guest = emulator.user(GROUP_GUEST[0], username=GROUP_GUEST[1], language_code="en")
    by_name = {person.profile.name: person for person in people}
    members = [by_name[name].person for name in GROUP_VENDORS] + [guest]
    group = emulator.group(GROUP_TITLE, members, bots=[bot])

    server = DemoQuoteServer(catalogue, HTTP_VENDORS)
    await server.start()
    try:
        rows: dict[str, int] = {}
        async with database.session() as session:
            for endpoint in server.endpoints:
                await add_vendor(
                    session,
                    name=endpoint.profile.name,
                    kind=VendorKind.HTTP,
                    url=endpoint.url,
                    secret=endpoint.secret,
                    currency=endpoint.profile.pricing.currency,
                )
            for profile in STOCK_LISTS:
                vendor = await add_vendor(
                    session,
                    name=profile.name,
                    kind=VendorKind.STOCK,
                    currency=profile.pricing.currency,
                )
                vendor.prices_include_tax = profile.pricing.tax_included
                report = await load_stock_list(session, vendor, stock[profile.name])
                rows[profile.name] = report.imported
            for person in people:
                await _register_person(session, person)
            session.add(
                TelegramChat(id=group.id, kind=group.type, title=group.title, is_vendor_group=True)
            )
    except BaseException:
        await server.close()
        raise
    responder = AutoResponder(database, emulator, catalogue, people)
    responder.start()
    log.info(
        "demo market open: %d HTTP vendors, %d stock lists (%d rows), %d Telegram vendors",
        len(HTTP_VENDORS),
        len(STOCK_LISTS),
        sum(rows.values()),
        len(people),
    )
    return DemoMarket(
        buyer=buyer,
        buyer_chat=buyer_chat,
        played_vendors=[(p.person, p.chat) for p in people if not p.profile.automatic],
        auto_vendors=[(p.person, p.chat) for p in people if p.profile.automatic],
        group=group,
        group_guest=guest,
        http_server=server,
        stock_rows=rows,
        _responder=responder,
    )


async def _refuse_if_opened(database: Database) -> None:
    async with database.session() as session:
        taken = (
            await session.scalars(select(Vendor.name).where(Vendor.name.in_(vendor_names())))
        ).all()
    if taken:
        raise DemoMarketError(
            f"the database already holds demo vendors ({', '.join(sorted(taken))}): "
            "the demo market opens on a fresh database only"
        )


def _person(
    emulator: TelegramEmulator, bot: BotAccount, profile: TelegramVendorProfile
) -> DemoPerson:
    person = emulator.user(
        profile.first_name,
        last_name=profile.last_name,
        username=profile.username,
        language_code=LANGUAGE_CODES[profile.language],
    )
    return DemoPerson(profile, person, emulator.private_chat(person, bot))


async def _register_person(session: AsyncSession, person: DemoPerson) -> None:
    """A Telegram vendor as `sourcing-bot vendors add --telegram` registers one, with its
    DM's language known, so the RFQs the bot sends unprompted are in that language."""
    profile = person.profile
    await add_vendor(
        session,
        name=profile.name,
        kind=VendorKind.TELEGRAM,
        telegram_chat_id=person.chat.id,
        currency=profile.currency,
    )
    session.add(
        TelegramChat(
            id=person.chat.id,
            kind=person.chat.type,
            title=profile.full_name,
            username=profile.username,
            language=profile.language,
        )
    )

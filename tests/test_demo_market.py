"""The demo market as the sandbox opens it: every vendor registered on a fresh database, its
people in the emulator, and, with the bot running, a buyer's request answered by HTTP,
stock-list and Telegram demo vendors alike."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from telegram_harness import BOT_USERNAME, TOKEN, bot_settings, running_bot, seeded_database_url
from test_demo_pricing import seed_catalogue

from bot.database import Database, open_database
from bot.demo import DemoMarket, DemoMarketError, open_demo_market
from bot.models import OfferRecord, TelegramChat, Vendor, VendorPrice
from bot.telegram_emulator import Chat, Message, TelegramEmulator, User

HTTP = "http"
STOCK = "stock"
TELEGRAM = "telegram"


@pytest.fixture
async def market(empty_db: Database, emulator: TelegramEmulator) -> AsyncIterator[DemoMarket]:
    opened = await open_demo_market(empty_db, emulator, emulator.bot())
    try:
        yield opened
    finally:
        await opened.close()


async def vendors(database: Database) -> list[tuple[str, str, str, bool]]:
    async with database.session() as session:
        rows = await session.execute(
            select(Vendor.name, Vendor.kind, Vendor.currency, Vendor.prices_include_tax).order_by(
                Vendor.id
            )
        )
        return [(name, kind, currency, tax) for name, kind, currency, tax in rows.all()]


async def test_every_demo_vendor_is_registered_active_with_its_kind_and_currency(
    empty_db: Database, market: DemoMarket
) -> None:
    assert await vendors(empty_db) == [
        ("Global Parts Direct", HTTP, "USD", False),
        ("Huaqiang Xinda Electronics (华强信达)", HTTP, "CNY", False),
        ("Futian IC Trading (福田芯城)", HTTP, "CNY", False),
        ("Hongxin Passives Stock (宏鑫)", STOCK, "CNY", False),
        ("Asia Pacific Surplus", STOCK, "USD", False),
        ("SZ Chip Stall 208", TELEGRAM, "CNY", False),
        ("Segmatic Components HK", TELEGRAM, "USD", False),
        ("SEG Plaza 3F-A12 (赛格)", TELEGRAM, "USD", False),
        ("Minghua Components (明华电子)", TELEGRAM, "CNY", False),
        ("Zhou Passives", TELEGRAM, "USD", False),
    ]
    async with empty_db.session() as session:
        statuses = (await session.scalars(select(Vendor.status).distinct())).all()
        urls = (await session.scalars(select(Vendor.url).where(Vendor.kind == HTTP))).all()
    assert statuses == ["active"]
    assert urls == [endpoint.url for endpoint in market.http_server.endpoints]


async def test_the_demo_stock_lists_hold_a_few_thousand_seed_parts_with_their_breaks(
    empty_db: Database, market: DemoMarket
) -> None:
    async with empty_db.session() as session:
        counts = dict(
            (
                await session.execute(
                    select(Vendor.name, func.count(VendorPrice.id))
                    .join(VendorPrice, VendorPrice.vendor_id == Vendor.id)
                    .group_by(Vendor.name)
                )
            ).all()
        )
        rows = (await session.scalars(select(VendorPrice))).all()

    assert counts == {"Hongxin Passives Stock (宏鑫)": 3012, "Asia Pacific Surplus": 554}
    assert market.stock_rows == counts
    assert all(seed_catalogue().find(row.mpn) is not None for row in rows)
    assert {row.currency for row in rows} == {"CNY", "USD"}
    assert all(
        [quantity for quantity, _ in row.price_breaks] == sorted({q for q, _ in row.price_breaks})
        for row in rows
    )


async def test_the_vendor_group_holds_the_played_vendors_an_automatic_one_and_a_guest(
    empty_db: Database, market: DemoMarket
) -> None:
    async with empty_db.session() as session:
        group = await session.get(TelegramChat, market.group.id)
        vendor_chats = set(
            await session.scalars(select(Vendor.telegram_chat_id).where(Vendor.kind == TELEGRAM))
        )
    played = [person for person, _chat in market.played_vendors]
    automatic = [person for person, _chat in market.auto_vendors]

    assert group is not None and group.is_vendor_group and group.title == market.group.title
    assert market.group.members == [*played, automatic[0], market.group_guest]
    assert market.group_guest.id not in vendor_chats  # the guest is no vendor


async def test_the_demo_people_have_a_private_chat_each_and_vendors_their_language(
    empty_db: Database, market: DemoMarket
) -> None:
    async with empty_db.session() as session:
        languages = dict(
            (await session.execute(select(TelegramChat.title, TelegramChat.language))).all()
        )

    assert (market.buyer.first_name, market.buyer.language_code) == ("You", "en")
    assert market.buyer_chat.person is market.buyer
    assert [person.username for person, _ in market.auto_vendors] == [
        "chen_stall208",
        "kevin_segmatic",
        "lina_seg3f",
    ]
    assert [person.username for person, _ in market.played_vendors] == [
        "huangwei_minghua",
        "zhoulei_passives",
    ]
    assert languages == {
        "陈晓": "zh",
        "Kevin Wu": "en",
        "Li Na": "zh",
        "Huang Wei": "en",
        "Zhou Lei": "en",
        "Huaqiangbei Traders 华强北现货群": None,
    }


async def test_opening_the_demo_market_on_a_database_that_has_it_fails_and_changes_nothing(
    empty_db: Database, emulator: TelegramEmulator, market: DemoMarket
) -> None:
    before = await vendors(empty_db)

    with pytest.raises(DemoMarketError, match="opens on a fresh database only"):
        await open_demo_market(empty_db, emulator, emulator.bot())

    assert await vendors(empty_db) == before


# -- end to end, with the bot running ---------------------------------------------------------


async def cannot_supply(emulator: TelegramEmulator, person: User, chat: Chat) -> None:
    """The vendor presses "Can't supply" under the RFQ the bot sent to its DM."""
    [rfq] = await emulator.wait_for(
        lambda: [message for message in emulator.messages(chat) if message.buttons()]
    )
    await emulator.press(person, rfq, rfq.button_data("Can't supply"))


def offers_posted(emulator: TelegramEmulator, market: DemoMarket, sent: Message) -> list[Message]:
    return [
        message
        for message in emulator.messages(market.buyer_chat, after=sent)
        if (message.text or "").startswith("Offers for RFQ ")
    ]


def reply_of(emulator: TelegramEmulator, person: User, chat: Chat) -> list[Message]:
    return [message for message in emulator.history(chat) if message.sender is person]


async def test_a_buyers_request_is_answered_by_http_stock_and_telegram_demo_vendors(
    tmp_path: Path,
) -> None:
    url = await seeded_database_url(tmp_path)
    async with TelegramEmulator() as emulator:
        account = emulator.add_bot(TOKEN, BOT_USERNAME)
        database = await open_database(url)
        market = await open_demo_market(database, emulator, account)
        settings = bot_settings(url, emulator, admin_ids=[market.buyer.id], quote_window_seconds=60)
        try:
            async with running_bot(settings):
                sent = await emulator.send_text(market.buyer, market.buyer_chat, "500 pcs 0603 10k")
                # The person plays no vendor here: each played vendor can't supply, so the
                # RFQ closes as soon as the automatic vendors have answered.
                for person, chat in market.played_vendors:
                    await cannot_supply(emulator, person, chat)
                [offers] = await emulator.wait_for(
                    lambda: offers_posted(emulator, market, sent), timeout=20
                )
                answers = {
                    person.username: reply_of(emulator, person, chat)
                    for person, chat in market.auto_vendors
                }
            async with database.session() as session:
                rows = await session.execute(
                    select(Vendor.name, Vendor.kind).join(
                        OfferRecord, OfferRecord.vendor_id == Vendor.id
                    )
                )
                offered = [tuple(row) for row in rows.all()]
        finally:
            await market.close()
            await database.close()

    assert len(offered) == 12
    assert set(offered) == {
        ("Global Parts Direct", HTTP),
        ("Huaqiang Xinda Electronics (华强信达)", HTTP),
        ("Futian IC Trading (福田芯城)", HTTP),
        ("Hongxin Passives Stock (宏鑫)", STOCK),
        ("SZ Chip Stall 208", TELEGRAM),
        ("Segmatic Components HK", TELEGRAM),
        ("SEG Plaza 3F-A12 (赛格)", TELEGRAM),
    }
    assert "#1 · " in (offers.text or "")
    # Each automatic vendor replied to the RFQ in its DM once, in its own style.
    assert {name: [m.text for m in said] for name, said in answers.items()} == {
        "chen_stall208": ["0.0123元 含税 现货50万"],
        "kevin_segmatic": ["0.00213 USD, 1M in stock"],
        "lina_seg3f": ["RS-03K1002FT 风华 0.00167USD 现货20万 23+"],
    }
    assert all(said[0].reply_to is not None for said in answers.values())

"""Vendor groups, end to end: the real Application talking to the Bot API emulator, real SQLite.

An admin makes a group a vendor group with /vendorgroup; every RFQ is posted there without a
price; a reply to the post from an active vendor is its quote, with what the bot read sent
to the vendor's DM; anyone else's reply is kept pending and the member invited to register.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from telegram_harness import BOT_USERNAME, TelegramBot, telegram_bot
from vendor_servers import VendorServer, quote_every_line

from bot.models import Dispatch, GroupReply, OfferRecord, RfqPost, TelegramChat, VendorKind
from bot.telegram_emulator import Chat, Message, TelegramEmulator, User
from bot.vendors import add_vendor

REQUEST = "500 pcs 0603 10k 1%"
ENABLED = (
    "This is now a vendor group: I will post requests for quote here. Reply to a post with "
    "your price, or quote privately with its button."
)


@pytest.fixture
def admin(emulator: TelegramEmulator) -> User:
    return emulator.user("Ada", username="ada_admin")


@pytest.fixture
async def bot(
    tmp_path: Path, emulator: TelegramEmulator, admin: User
) -> AsyncIterator[TelegramBot]:
    async with telegram_bot(
        tmp_path, emulator=emulator, admin_ids=[admin.id], quote_window_seconds=60
    ) as running:
        yield running


async def vendor_group(
    bot: TelegramBot, admin: User, title: str, members: list[User]
) -> tuple[Chat, Message]:
    """A group the admin made a vendor group, and the bot's confirmation in it."""
    group = bot.emulator.group(title, [admin, *members])
    [confirmation] = await bot.said(admin, "/vendorgroup", chat=group)
    assert confirmation.text == ENABLED
    return group, confirmation


async def quiet_vendor(bot: TelegramBot) -> int:
    """An active vendor that never answers, so that RFQs stay open."""
    return await bot.add_telegram_vendor(bot.emulator.user("Zhou"), "Quiet Components")


async def ask(bot: TelegramBot, buyer: User, group: Chat, after: Message) -> Message:
    """The buyer asks in its DM; returns the RFQ's post in the vendor group, once stored."""
    await bot.emulator.send_text(buyer, bot.chat(buyer), REQUEST)
    [post] = await bot.emulator.wait_for(
        lambda: bot.emulator.messages(group, after=after), timeout=15
    )
    await eventually(bot, select(RfqPost.id).where(RfqPost.message_id == post.message_id))
    return post


async def rows(bot: TelegramBot, statement: Any) -> list[Any]:
    async with bot.database.session() as session:
        return list((await session.scalars(statement)).all())


async def eventually(bot: TelegramBot, statement: Any) -> list[Any]:
    """The rows of `statement` once there are some (the bot stores a post after sending it)."""
    for _attempt in range(250):
        found = await rows(bot, statement)
        if found:
            return found
        await asyncio.sleep(0.02)
    raise AssertionError(f"no rows for {statement}")


def rfq_of(post: Message) -> str:
    """The RFQ id, from the post's "quote privately" link (…?start=q_<rfq id>)."""
    [button] = post.buttons()
    assert button.url is not None
    return button.url.rpartition("=q_")[2]


async def test_an_admin_makes_a_group_a_vendor_group_and_the_bot_confirms_in_it(
    bot: TelegramBot, admin: User
) -> None:
    group = bot.emulator.group("Huaqiangbei traders", [admin])
    sent = await bot.emulator.send_text(admin, group, "/vendorgroup")
    [reply] = await bot.next_messages(group, after=sent)

    assert reply.text == ENABLED
    assert reply.reply_to is sent
    assert await rows(bot, select(TelegramChat.id).where(TelegramChat.is_vendor_group)) == [
        group.id
    ]


async def test_vendorgroup_from_a_member_who_is_not_an_admin_is_refused(
    bot: TelegramBot, admin: User
) -> None:
    member = bot.emulator.user("Wang")
    group = bot.emulator.group("Huaqiangbei traders", [admin, member])

    [reply] = await bot.said(member, "/vendorgroup", chat=group)

    assert reply.text == "Only the bot's admins can use this command."
    assert await rows(bot, select(TelegramChat.id).where(TelegramChat.is_vendor_group)) == []


async def test_an_rfq_is_posted_to_the_vendor_group_and_no_price_ever_reaches_it(
    bot: TelegramBot, admin: User
) -> None:
    buyer = bot.emulator.user("Bob")
    group, confirmation = await vendor_group(bot, admin, "Huaqiangbei traders", [])
    async with VendorServer(answer=quote_every_line(0.0137)) as vendor:
        async with bot.database.session() as session:
            await add_vendor(
                session,
                name="Acme Components",
                kind=VendorKind.HTTP,
                url=vendor.url,
                secret=vendor.secret,
            )
        post = await ask(bot, buyer, group, confirmation)
        # The HTTP vendor answers at once, so the RFQ closes and the buyer gets the prices.
        await bot.emulator.wait_for(
            lambda: any("0.0137" in (m.text or "") for m in bot.emulator.messages(bot.chat(buyer))),
            timeout=15,
        )

    rfq = rfq_of(post)
    assert (post.text or "").startswith(f"Request for quote {rfq}\n1 line · quotes close ")
    assert "Replies here are seen by the group" in (post.text or "")
    assert [(b.text, b.url) for b in post.buttons()] == [
        ("Quote privately", f"https://t.me/{BOT_USERNAME}?start=q_{rfq}")
    ]
    assert bot.emulator.messages(group, after=confirmation) == [post]
    assert "0.0137" not in (post.text or "")
    posts = await rows(bot, select(RfqPost).where(RfqPost.kind == "group"))
    assert [(p.rfq_id, p.chat_id, p.message_id) for p in posts] == [
        (rfq, group.id, post.message_id)
    ]


async def test_an_active_vendors_reply_in_the_group_is_its_quote_and_the_echo_goes_to_its_dm(
    bot: TelegramBot, admin: User
) -> None:
    buyer, chen = bot.emulator.user("Bob"), bot.emulator.user("Chen")
    group, confirmation = await vendor_group(bot, admin, "Huaqiangbei traders", [chen])
    vendor_id = await bot.add_telegram_vendor(chen, "Futian Passives")
    post = await ask(bot, buyer, group, confirmation)
    [rfq_in_dm] = await bot.next_messages(bot.chat(chen))

    reply = await bot.emulator.send_text(chen, group, "0.0021 USD, 50k in stock", reply_to=post)
    [ack] = await bot.next_messages(group, after=reply)
    [echo] = await bot.next_messages(bot.chat(chen), after=rfq_in_dm)

    assert ack.text == "Got it, thanks: I sent you what I read in a private message."
    assert ack.reply_to is reply
    assert (echo.text or "").startswith(f"Thanks! This is what I read for RFQ {rfq_of(post)}:")
    assert "$0.0021 (USD) · 50,000 in stock" in (echo.text or "")
    offers = await rows(bot, select(OfferRecord).where(OfferRecord.vendor_id == vendor_id))
    assert [(o.rfq_id, o.price_breaks, o.currency, o.stock) for o in offers] == [
        (rfq_of(post), [[1, 0.0021]], "USD", 50_000)
    ]
    assert await rows(bot, select(Dispatch.state).where(Dispatch.vendor_id == vendor_id)) == [
        "answered"
    ]


async def test_a_vendor_the_bot_cannot_reach_privately_is_asked_to_open_its_dm_in_the_group(
    bot: TelegramBot, admin: User
) -> None:
    buyer, chen = bot.emulator.user("Bob"), bot.emulator.user("Chen")
    group, confirmation = await vendor_group(bot, admin, "Huaqiangbei traders", [chen])
    vendor_id = await bot.add_telegram_vendor(chen, "Futian Passives")
    bot.emulator.block(chen)
    await quiet_vendor(bot)
    post = await ask(bot, buyer, group, confirmation)

    reply = await bot.emulator.send_text(chen, group, "0.0021 USD, 50k in stock", reply_to=post)
    [ack] = await bot.next_messages(group, after=reply)

    assert ack.text == "Got it, thanks. Start a private chat with me so I can show you what I read."
    assert [(b.text, b.url) for b in ack.buttons()] == [
        ("Open a private chat", f"https://t.me/{BOT_USERNAME}")
    ]
    offers = await rows(bot, select(OfferRecord).where(OfferRecord.vendor_id == vendor_id))
    assert [(o.price_breaks, o.late) for o in offers] == [([[1, 0.0021]], False)]


async def test_a_non_vendors_reply_is_kept_pending_and_the_member_is_invited_to_register(
    bot: TelegramBot, admin: User
) -> None:
    buyer, li = bot.emulator.user("Bob"), bot.emulator.user("Li")
    group, confirmation = await vendor_group(bot, admin, "Huaqiangbei traders", [li])
    await quiet_vendor(bot)
    post = await ask(bot, buyer, group, confirmation)

    reply = await bot.emulator.send_text(li, group, "0.0019 USD, 20k in stock", reply_to=post)
    [invite] = await bot.next_messages(group, after=reply)

    assert invite.text == (
        "Thanks! You are not a registered vendor yet, so I keep your quote pending. Register "
        "in a private chat with me: it counts if you are approved while the request is open."
    )
    assert invite.reply_to is reply
    assert [(b.text, b.url) for b in invite.buttons()] == [
        ("Register as a vendor", f"https://t.me/{BOT_USERNAME}?start=vendor")
    ]
    pending = await rows(bot, select(GroupReply))
    assert [(r.rfq_id, r.chat_id, r.user_id, r.text, r.counted) for r in pending] == [
        (rfq_of(post), group.id, li.id, "0.0019 USD, 20k in stock", False)
    ]
    assert await rows(bot, select(OfferRecord)) == []


async def test_a_reply_to_a_bot_message_that_is_no_rfq_post_is_not_taken_as_a_quote(
    bot: TelegramBot, admin: User
) -> None:
    li = bot.emulator.user("Li")
    group, confirmation = await vendor_group(bot, admin, "Huaqiangbei traders", [li])

    [answer] = await bot.said(li, "Thanks, noted", chat=group, reply_to=confirmation)

    assert (answer.text or "").startswith("I could not find a part in that.")
    assert await rows(bot, select(GroupReply)) == []


async def test_an_rfq_follows_a_vendor_group_that_became_a_supergroup(
    bot: TelegramBot, admin: User
) -> None:
    buyer = bot.emulator.user("Bob")
    group, _confirmation = await vendor_group(bot, admin, "Huaqiangbei traders", [])
    await quiet_vendor(bot)
    supergroup = bot.emulator.migrate_to_supergroup(group)

    await bot.emulator.send_text(buyer, bot.chat(buyer), REQUEST)
    [post] = await bot.emulator.wait_for(lambda: bot.emulator.messages(supergroup), timeout=15)
    posts = await eventually(bot, select(RfqPost).where(RfqPost.kind == "group"))

    assert (post.text or "").startswith("Request for quote ")
    assert [(p.chat_id, p.message_id) for p in posts] == [(supergroup.id, post.message_id)]


async def test_an_rfq_skips_a_vendor_group_the_bot_was_removed_from_and_reaches_the_others(
    bot: TelegramBot, admin: User
) -> None:
    buyer = bot.emulator.user("Bob")
    gone, _ = await vendor_group(bot, admin, "Futian traders", [])
    kept, confirmation = await vendor_group(bot, admin, "Longgang traders", [])
    await quiet_vendor(bot)
    bot.emulator.remove_bot(gone)

    post = await ask(bot, buyer, kept, confirmation)

    assert (post.text or "").startswith("Request for quote ")
    unreachable = select(TelegramChat.id).where(TelegramChat.unreachable_since.is_not(None))
    assert await eventually(bot, unreachable) == [gone.id]


async def test_vendorgroup_in_a_private_chat_says_to_send_it_in_the_group(
    bot: TelegramBot, admin: User
) -> None:
    [reply] = await bot.said(admin, "/vendorgroup")

    assert reply.text == (
        "Send /vendorgroup in the group where vendors should receive requests for quote."
    )
    assert await rows(bot, select(TelegramChat.id).where(TelegramChat.is_vendor_group)) == []

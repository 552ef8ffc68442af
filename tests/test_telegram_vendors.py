"""Vendors in their private chats, through the real Application and the Bot API emulator.

An RFQ reaches every Telegram vendor's DM; vendors answer by replying or with a plain
message, see what the bot read, correct it or say they can't supply; people register
with /vendor; a vendor who blocked the bot is skipped.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import select
from telegram_harness import BOT_USERNAME, TelegramBot, telegram_bot

from bot.models import (
    Dispatch,
    DispatchState,
    OfferRecord,
    RfqPost,
    TelegramChat,
    Vendor,
    VendorKind,
    VendorReply,
    VendorStatus,
)
from bot.quotes import QuoteRequest
from bot.telegram_emulator import Message, TelegramEmulator, User
from handlers.callbacks import ApproveVendor, CannotSupply, CorrectReply, RejectVendor, encode

REQUEST = "0603 10k 1% 5000pcs"
LINE = "1. 5,000 × resistor 10 kΩ ±1% 0603"
ANSWER = "0.015元 含税 现货5万"


@pytest.fixture
def admin(emulator: TelegramEmulator) -> User:
    return emulator.user("Ada", username="ada_admin")


@pytest.fixture
async def bot(
    tmp_path: Path, emulator: TelegramEmulator, admin: User
) -> AsyncIterator[TelegramBot]:
    async with telegram_bot(tmp_path, emulator=emulator, admin_ids=[admin.id]) as running:
        yield running


@pytest.fixture
def buyer(emulator: TelegramEmulator) -> User:
    return emulator.user("Bob", last_name="Buyer", username="bob_buys")


@pytest.fixture
async def li(bot: TelegramBot) -> User:
    """A vendor quoting in yuan, registered from the command line."""
    person = bot.emulator.user("Li", username="li_huaqiang")
    await bot.add_telegram_vendor(person, "Huaqiang Li", currency="CNY")
    return person


@pytest.fixture
async def wang(bot: TelegramBot) -> User:
    """A second vendor, who stays silent, so that RFQs stay open while Li answers."""
    person = bot.emulator.user("Wang")
    await bot.add_telegram_vendor(person, "Futian Wang", currency="CNY")
    return person


async def vendor_id(bot: TelegramBot, name: str) -> int:
    async with bot.database.session() as session:
        vendor = await session.scalar(select(Vendor).where(Vendor.name == name))
        assert vendor is not None
        return vendor.id


async def dispatch(bot: TelegramBot, rfq_id: str, name: str) -> Dispatch:
    ident = await vendor_id(bot, name)
    async with bot.database.session() as session:
        found = await session.scalar(
            select(Dispatch).where(Dispatch.rfq_id == rfq_id, Dispatch.vendor_id == ident)
        )
        assert found is not None
        return found


async def sent_dispatch(bot: TelegramBot, rfq_id: str, name: str) -> Dispatch | None:
    """The vendor's dispatch once the message it was sent is recorded on it."""
    found = await dispatch(bot, rfq_id, name)
    return found if found.message_id is not None else None


async def offers(bot: TelegramBot, rfq_id: str) -> list[tuple[str, list[list[float]], int | None]]:
    async with bot.database.session() as session:
        rows = (
            await session.scalars(
                select(OfferRecord).where(OfferRecord.rfq_id == rfq_id).order_by(OfferRecord.id)
            )
        ).all()
        return [(row.vendor.name, row.price_breaks, row.stock) for row in rows]


async def rfq_in_dm(bot: TelegramBot, vendor: User) -> Message:
    [message] = await bot.next_messages(bot.chat(vendor))
    return message


def rfq_text(request: QuoteRequest) -> str:
    closes = request.reply_by.strftime("%Y-%m-%d %H:%M")
    return (
        f"Request for quote {request.rfq_id}\n"
        f"1 line · quotes close {closes} UTC\n\n"
        f"{LINE}\n"
        f"{REQUEST}\n"
        "matches: RS-03K1002FT, 0603WAF1002T5E, RC0603FR-0710KL\n\n"
        "Reply to this message with your price, e.g. 0.0021 USD, 50k in stock\n"
        "Other vendors never see your price."
    )


# -- requests for quote --------------------------------------------------------------------


async def test_an_rfq_reaches_each_telegram_vendor_in_its_private_chat(
    bot: TelegramBot, buyer: User, li: User, wang: User
) -> None:
    request = await bot.open_rfq(buyer, REQUEST)
    to_li, to_wang = await rfq_in_dm(bot, li), await rfq_in_dm(bot, wang)

    assert to_li.text == to_wang.text == rfq_text(request)
    assert [(b.text, b.callback_data) for b in to_li.buttons()] == [
        ("Can't supply", encode(CannotSupply(request.rfq_id)))
    ]
    sent = await bot.eventually(lambda: sent_dispatch(bot, request.rfq_id, "Huaqiang Li"))
    assert (sent.chat_id, sent.message_id, sent.state) == (
        li.id,
        to_li.message_id,
        DispatchState.PENDING,
    )
    async with bot.database.session() as session:
        post = await session.scalar(
            select(RfqPost).where(RfqPost.chat_id == li.id, RfqPost.message_id == to_li.message_id)
        )
    assert post is not None
    assert (post.rfq_id, post.kind, post.vendor_id) == (
        request.rfq_id,
        "vendor",
        await vendor_id(bot, "Huaqiang Li"),
    )


async def test_a_vendor_that_blocked_the_bot_is_skipped_and_its_dispatch_fails(
    bot: TelegramBot, buyer: User, li: User, wang: User
) -> None:
    bot.emulator.block(li)
    request = await bot.open_rfq(buyer, REQUEST)
    await rfq_in_dm(bot, wang)

    async def ended() -> Dispatch | None:
        found = await dispatch(bot, request.rfq_id, "Huaqiang Li")
        return found if found.state != DispatchState.PENDING else None

    failed = await bot.eventually(ended)
    assert (failed.state, failed.reason) == (DispatchState.FAILED, "chat unreachable")
    assert bot.emulator.messages(bot.chat(li)) == []
    async with bot.database.session() as session:
        chat = await session.get(TelegramChat, li.id)
    assert chat is not None and chat.unreachable_since is not None


# -- answers -------------------------------------------------------------------------------


async def test_a_reply_to_the_rfq_is_stored_and_echoed_with_a_correct_button(
    bot: TelegramBot, buyer: User, li: User, wang: User
) -> None:
    request = await bot.open_rfq(buyer, REQUEST)
    [echo] = await bot.said(li, ANSWER, reply_to=await rfq_in_dm(bot, li))

    assert echo.text == (
        f"Thanks! This is what I read for RFQ {request.rfq_id}:\n\n"
        f"{LINE}\n"
        "¥0.015 (CNY) · tax included · 50,000 in stock · ships now\n\n"
        "If something is wrong, tap Correct and send your answer again."
    )
    ident = await vendor_id(bot, "Huaqiang Li")
    assert [(b.text, b.callback_data) for b in echo.buttons()] == [
        ("Correct", encode(CorrectReply(request.rfq_id, ident)))
    ]
    assert await offers(bot, request.rfq_id) == [("Huaqiang Li", [[1, 0.015]], 50_000)]
    assert (await dispatch(bot, request.rfq_id, "Huaqiang Li")).state == DispatchState.ANSWERED


async def test_a_plain_message_answers_the_one_rfq_waiting_for_the_vendor(
    bot: TelegramBot, buyer: User, li: User, wang: User
) -> None:
    request = await bot.open_rfq(buyer, REQUEST)
    await rfq_in_dm(bot, li)
    [echo] = await bot.said(li, ANSWER)

    assert echo.text is not None
    assert echo.text.startswith(f"Thanks! This is what I read for RFQ {request.rfq_id}:")
    assert await offers(bot, request.rfq_id) == [("Huaqiang Li", [[1, 0.015]], 50_000)]


async def test_a_plain_message_while_two_rfqs_wait_asks_which_one_it_answers(
    bot: TelegramBot, buyer: User, li: User, wang: User
) -> None:
    first = await bot.open_rfq(buyer, REQUEST)
    second = await bot.open_rfq(buyer, "100nF 0402 x10k")
    await bot.emulator.wait_for(lambda: len(bot.emulator.messages(bot.chat(li))) == 2)
    [question] = await bot.said(li, ANSWER)

    assert question.text == (
        f"Several requests wait for your answer ({first.rfq_id}, {second.rfq_id}): "
        "reply to the one you are answering."
    )
    async with bot.database.session() as session:
        assert (await session.scalars(select(VendorReply))).all() == []


async def test_a_vendors_message_with_no_rfq_waiting_is_a_request_of_its_own(
    bot: TelegramBot, li: User
) -> None:
    [status, *_] = await bot.said(li, REQUEST)

    assert status.text is not None and status.text.startswith("RFQ ")
    async with bot.database.session() as session:
        assert (await session.scalars(select(VendorReply))).all() == []


async def test_an_unreadable_answer_gets_a_request_to_restate_and_is_kept_as_written(
    bot: TelegramBot, buyer: User, li: User, wang: User
) -> None:
    request = await bot.open_rfq(buyer, REQUEST)
    [restate] = await bot.said(
        li, "let me check with the factory", reply_to=await rfq_in_dm(bot, li)
    )

    assert restate.text == (
        f"Sorry, I could not read a price in that answer to RFQ {request.rfq_id}.\n"
        "Please write the price with its currency, and stock or lead time if you know them, "
        "e.g. 0.0021 USD, 50k in stock or 0.015元 含税 现货5万\n"
        "Your message is saved."
    )
    async with bot.database.session() as session:
        kept = (await session.scalars(select(VendorReply.text))).all()
    assert kept == ["let me check with the factory"]
    assert await offers(bot, request.rfq_id) == []
    assert (await dispatch(bot, request.rfq_id, "Huaqiang Li")).state == DispatchState.PENDING


async def test_cant_supply_ends_the_vendors_dispatch_declined(
    bot: TelegramBot, buyer: User, li: User, wang: User
) -> None:
    request = await bot.open_rfq(buyer, REQUEST)
    message = await rfq_in_dm(bot, li)
    answer = await bot.emulator.press(li, message, message.button_data("Can't supply"))

    assert answer is not None
    assert answer.text == f"Noted: you can't supply RFQ {request.rfq_id}. Thanks for saying so."
    declined = await dispatch(bot, request.rfq_id, "Huaqiang Li")
    assert (declined.state, declined.reason) == (DispatchState.DECLINED, None)


async def test_cant_supply_stays_in_the_vendors_chat_under_the_request(
    bot: TelegramBot, buyer: User, li: User, wang: User
) -> None:
    request = await bot.open_rfq(buyer, REQUEST)
    message = await rfq_in_dm(bot, li)
    await bot.emulator.press(li, message, message.button_data("Can't supply"))

    [noted] = await bot.next_messages(bot.chat(li), after=message)
    assert noted.text == f"Noted: you can't supply RFQ {request.rfq_id}. Thanks for saying so."
    assert noted.reply_to is message


async def test_cant_supply_after_quoting_points_to_correct_and_keeps_the_offer(
    bot: TelegramBot, buyer: User, li: User, wang: User
) -> None:
    request = await bot.open_rfq(buyer, REQUEST)
    message = await rfq_in_dm(bot, li)
    await bot.said(li, ANSWER, reply_to=message)
    answer = await bot.emulator.press(li, message, message.button_data("Can't supply"))

    assert answer is not None
    assert answer.text == (
        f"You quoted RFQ {request.rfq_id} already: to change your answer, tap Correct under "
        "what I read."
    )
    assert await offers(bot, request.rfq_id) == [("Huaqiang Li", [[1, 0.015]], 50_000)]
    assert (await dispatch(bot, request.rfq_id, "Huaqiang Li")).state == DispatchState.ANSWERED


async def test_a_correction_replaces_the_earlier_offer(
    bot: TelegramBot, buyer: User, li: User, wang: User
) -> None:
    request = await bot.open_rfq(buyer, REQUEST)
    [echo] = await bot.said(li, ANSWER, reply_to=await rfq_in_dm(bot, li))
    await bot.emulator.press(li, echo, echo.button_data("Correct"))
    [prompt] = await bot.next_messages(bot.chat(li), after=echo)
    assert prompt.text == (
        f"Send your corrected answer to RFQ {request.rfq_id} as a reply to this message."
    )
    await bot.eventually(lambda: stored_post(bot, prompt))  # a person reads before replying

    [corrected] = await bot.said(li, "0.013元 含税 现货5万", reply_to=prompt)

    assert corrected.text is not None and "¥0.013 (CNY)" in corrected.text
    assert await offers(bot, request.rfq_id) == [("Huaqiang Li", [[1, 0.013]], 50_000)]


async def test_no_vendor_sees_another_vendors_price_or_who_the_buyer_is(
    bot: TelegramBot, buyer: User, li: User, wang: User
) -> None:
    await bot.open_rfq(buyer, REQUEST)
    await bot.said(li, ANSWER, reply_to=await rfq_in_dm(bot, li))

    seen_by_wang = " ".join(m.text or "" for m in bot.emulator.messages(bot.chat(wang)))
    seen_by_li = " ".join(m.text or "" for m in bot.emulator.messages(bot.chat(li)))
    assert "0.015" not in seen_by_wang
    for trace in ("Bob", "bob_buys", str(buyer.id)):
        assert trace not in seen_by_li and trace not in seen_by_wang


# -- quoting privately from a vendor group ---------------------------------------------------


async def test_quote_privately_sends_the_rfq_to_an_active_vendor_it_was_not_sent_to(
    bot: TelegramBot, buyer: User, li: User
) -> None:
    zhou = bot.emulator.user("Zhou")
    await bot.add_telegram_vendor(zhou, "Zhou ICs", categories=["ic"])
    request = await bot.open_rfq(buyer, REQUEST)
    [message] = await bot.said(zhou, f"/start q_{request.rfq_id}")

    assert message.text == rfq_text(request)
    joined = await bot.eventually(lambda: sent_dispatch(bot, request.rfq_id, "Zhou ICs"))
    assert (joined.state, joined.message_id) == (DispatchState.PENDING, message.message_id)


async def test_quote_privately_invites_someone_who_is_not_a_vendor_to_register(
    bot: TelegramBot, buyer: User, li: User
) -> None:
    request = await bot.open_rfq(buyer, REQUEST)
    stranger = bot.emulator.user("Sam")
    [invitation] = await bot.said(stranger, f"/start q_{request.rfq_id}")

    assert invitation.text == (
        "Only registered vendors can quote. Registering takes a minute: send /vendor, or tap "
        "the button."
    )
    assert [(b.text, b.url) for b in invitation.buttons()] == [
        ("Register as a vendor", f"https://t.me/{BOT_USERNAME}?start=vendor")
    ]


# -- registration ----------------------------------------------------------------------------


async def test_registration_stores_a_pending_vendor_and_asks_every_admin(
    bot: TelegramBot, admin: User
) -> None:
    admin_chat = bot.chat(admin)
    chen = bot.emulator.user("Chen", username="chen_parts")
    [ask_name] = await bot.said(chen, "/vendor")
    assert ask_name.text == (
        "Vendor registration\n"
        "What is your company or shop called? Buyers see this name next to your offers."
    )
    [ask_currency] = await bot.said(chen, "Shenzhen Chen Electronics")
    assert ask_currency.text == (
        "Which currency do you quote in? Send its code, e.g. USD, CNY, HKD or EUR."
    )
    [ask_categories] = await bot.said(chen, "rmb")
    assert ask_categories.text is not None
    assert ask_categories.text.startswith("Which parts do you supply?")
    [sent] = await bot.said(chen, "resistor, capacitors")

    assert sent.text == (
        "Thanks! Shenzhen Chen Electronics is waiting for an admin's approval; "
        "I will tell you here."
    )
    async with bot.database.session() as session:
        vendor = await session.scalar(
            select(Vendor).where(Vendor.name == "Shenzhen Chen Electronics")
        )
    assert vendor is not None
    assert (
        vendor.kind,
        vendor.status,
        vendor.telegram_chat_id,
        vendor.currency,
        vendor.categories,
    ) == (VendorKind.TELEGRAM, VendorStatus.PENDING, chen.id, "CNY", ["resistor", "capacitor"])
    [request] = await bot.next_messages(admin_chat)
    assert request.text == (
        "New vendor registration\n"
        "Name: Shenzhen Chen Electronics\n"
        "Telegram: Chen (@chen_parts)\n"
        "Currency: CNY\n"
        "Categories: resistors, capacitors"
    )
    assert [(b.text, b.callback_data) for b in request.buttons()] == [
        ("Approve", encode(ApproveVendor(vendor.id))),
        ("Reject", encode(RejectVendor(vendor.id))),
    ]


async def test_registration_asks_again_for_a_currency_it_does_not_know(
    bot: TelegramBot,
) -> None:
    chen = bot.emulator.user("Chen")
    await bot.said(chen, "/vendor")
    await bot.said(chen, "Shenzhen Chen Electronics")
    [again] = await bot.said(chen, "bitcoin")

    assert again.text == "bitcoin is not a currency code. Send three letters, e.g. USD or CNY."


async def test_the_register_deep_link_starts_registration(bot: TelegramBot) -> None:
    chen = bot.emulator.user("Chen")
    [ask_name] = await bot.said(chen, "/start vendor")

    assert ask_name.text is not None and ask_name.text.startswith("Vendor registration\n")


async def stored_post(bot: TelegramBot, message: Message) -> RfqPost | None:
    """The bot's record of a message it sent, once it has stored it."""
    async with bot.database.session() as session:
        return await session.scalar(
            select(RfqPost).where(
                RfqPost.chat_id == message.chat.id, RfqPost.message_id == message.message_id
            )
        )

"""Admins, end to end: approving vendors and broadcasting, through the emulator and real SQLite.

Registrations go through the real /vendor conversation; the approval request lands in the
admin's DM with its buttons. Broadcasts run with the emulator's flood control switched on.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import select
from telegram_harness import TelegramBot, telegram_bot
from test_telegram_groups import ask, quiet_vendor, rfq_of, rows, vendor_group

from bot.models import Dispatch, GroupReply, OfferRecord, Vendor
from bot.telegram_emulator import Chat, FloodLimits, Message, TelegramEmulator, User
from handlers import render
from handlers.i18n import translator

APPROVED = (
    "You are approved: Futian Passives now receives requests for quote here. Reply to a "
    "request with your price to quote."
)
NEWS = "The Huaqiangbei parts fair is on 12 May: R&D samples <free> for vendors."


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


async def register(bot: TelegramBot, admin: User, person: User, name: str) -> Message:
    """`person` registers as a vendor with /vendor; returns the approval request the admin got."""
    admin_dm = bot.chat(admin)
    seen = len(bot.emulator.messages(admin_dm))
    for answer in ("/vendor", name, "USD", "all"):
        await bot.said(person, answer)
    [request] = await bot.emulator.wait_for(lambda: bot.emulator.messages(admin_dm)[seen:])
    return request


async def news_for(bot: TelegramBot, person: User, seen: int) -> Message:
    """The first message `person` got from the bot after the first `seen` ones."""
    [news] = await bot.emulator.wait_for(lambda: bot.emulator.messages(bot.chat(person))[seen:])
    return news


async def request_in_group(bot: TelegramBot, group: Chat, person: User, name: str) -> Message:
    """The approval request of `name` shown in `group` too, where anyone there can press it."""
    [vendor_id] = await rows(bot, select(Vendor.id).where(Vendor.name == name))
    application = render.VendorApplication(
        vendor_id, name, "USD", None, person.id, person.first_name
    )
    shown = render.approval_request(translator("en"), application)
    await bot.bctx.messenger.send(group.id, shown.text, keyboard=shown.keyboard)
    [request] = bot.emulator.messages(group)
    return request


async def vendor_status(bot: TelegramBot, name: str) -> str:
    [status] = await rows(bot, select(Vendor.status).where(Vendor.name == name))
    return str(status)


async def broadcast(bot: TelegramBot, admin: User, text: str) -> Message:
    """The admin's /broadcast; returns the progress report once it says the broadcast is done."""
    admin_dm = bot.chat(admin)
    command = await bot.emulator.send_text(admin, admin_dm, f"/broadcast {text}")
    [report] = await bot.next_messages(admin_dm, after=command)
    await bot.emulator.wait_for(lambda: (report.text or "").startswith("Broadcast done"), 30)
    return report


async def test_approving_a_registration_activates_the_vendor_tells_it_and_edits_the_request(
    bot: TelegramBot, admin: User
) -> None:
    wei = bot.emulator.user("Wei")
    request = await register(bot, admin, wei, "Futian Passives")
    seen = len(bot.emulator.messages(bot.chat(wei)))

    answer = await bot.emulator.press(admin, request, request.button_data("Approve"))
    await bot.emulator.wait_for(lambda: request.text == "Futian Passives was approved by Ada.")
    news = await news_for(bot, wei, seen)

    assert answer is not None and answer.text is None
    assert request.buttons() == []
    assert news.text == APPROVED
    assert await vendor_status(bot, "Futian Passives") == "active"


async def test_rejecting_a_registration_tells_the_vendor_and_leaves_it_inactive(
    bot: TelegramBot, admin: User
) -> None:
    wei = bot.emulator.user("Wei")
    request = await register(bot, admin, wei, "Futian Passives")
    seen = len(bot.emulator.messages(bot.chat(wei)))

    await bot.emulator.press(admin, request, request.button_data("Reject"))
    await bot.emulator.wait_for(lambda: request.text == "Futian Passives was rejected by Ada.")
    news = await news_for(bot, wei, seen)

    assert news.text == "Sorry, the registration of Futian Passives was not approved."
    assert await vendor_status(bot, "Futian Passives") == "disabled"


async def test_a_press_by_someone_who_is_not_an_admin_is_refused_with_a_toast(
    bot: TelegramBot, admin: User
) -> None:
    wei, intern = bot.emulator.user("Wei"), bot.emulator.user("Xiao")
    await register(bot, admin, wei, "Futian Passives")
    team = bot.emulator.group("Sourcing team", [admin, intern])
    request = await request_in_group(bot, team, wei, "Futian Passives")

    answer = await bot.emulator.press(intern, request, request.button_data("Approve"))

    assert answer is not None and answer.text == "Only the bot's admins can do that."
    assert [button.text for button in request.buttons()] == ["Approve", "Reject"]
    assert await vendor_status(bot, "Futian Passives") == "pending"


async def test_a_second_approval_of_the_same_registration_is_refused_as_already_decided(
    bot: TelegramBot, admin: User
) -> None:
    wei = bot.emulator.user("Wei")
    request = await register(bot, admin, wei, "Futian Passives")
    # A second copy of the request, as a second admin would have it.
    copy = await request_in_group(
        bot, bot.emulator.group("Sourcing team", [admin]), wei, "Futian Passives"
    )
    await bot.emulator.press(admin, request, request.button_data("Approve"))
    await bot.emulator.wait_for(lambda: request.text == "Futian Passives was approved by Ada.")

    answer = await bot.emulator.press(admin, copy, copy.button_data("Reject"))

    assert answer is not None
    assert answer.text == "The registration of Futian Passives was already decided."
    assert await vendor_status(bot, "Futian Passives") == "active"


async def test_a_pending_group_reply_counts_when_its_author_is_approved_while_the_rfq_is_open(
    bot: TelegramBot, admin: User
) -> None:
    buyer, li = bot.emulator.user("Bob"), bot.emulator.user("Li")
    group, confirmation = await vendor_group(bot, admin, "Huaqiangbei traders", [li])
    await quiet_vendor(bot)
    post = await ask(bot, buyer, group, confirmation)
    await bot.said(li, "0.0019 USD, 20k in stock", chat=group, reply_to=post)
    request = await register(bot, admin, li, "Longgang Resistors")

    await bot.emulator.press(admin, request, request.button_data("Approve"))
    await bot.emulator.wait_for(lambda: request.text == "Longgang Resistors was approved by Ada.")

    [vendor_id] = await rows(bot, select(Vendor.id).where(Vendor.name == "Longgang Resistors"))
    offers = await rows(bot, select(OfferRecord).where(OfferRecord.vendor_id == vendor_id))
    assert [(o.rfq_id, o.price_breaks, o.currency, o.stock, o.late) for o in offers] == [
        (rfq_of(post), [[1, 0.0019]], "USD", 20_000, False)
    ]
    assert await rows(bot, select(GroupReply.counted)) == [True]
    assert await rows(bot, select(Dispatch.state).where(Dispatch.vendor_id == vendor_id)) == [
        "answered"
    ]


async def test_a_broadcast_reaches_every_vendor_and_vendor_group_through_flood_control(
    bot: TelegramBot, admin: User
) -> None:
    people = [bot.emulator.user(name) for name in ("Chen", "Wei", "Zhou")]
    for number, person in enumerate(people, start=1):
        await bot.add_telegram_vendor(person, f"Vendor {number}")
    groups = [(await vendor_group(bot, admin, title, []))[0] for title in ("Futian", "Longgang")]
    bot.emulator.flood_limits = FloodLimits(
        per_chat_per_second=1, per_group_per_minute=20, overall_per_second=2
    )

    report = await broadcast(bot, admin, NEWS)

    chats = [bot.chat(person) for person in people] + groups
    received = [
        [m.text for m in bot.emulator.messages(chat) if (m.text or "").startswith("Announcement")]
        for chat in chats
    ]
    assert received == [[f"Announcement\n{NEWS}"]] * 5
    assert report.text == "Broadcast done: sent to 5 of 5 chats."
    assert any(call.error_code == 429 for call in bot.emulator.calls_to("sendMessage"))


async def test_a_broadcast_lists_a_vendor_that_blocked_the_bot_as_unreachable(
    bot: TelegramBot, admin: User
) -> None:
    chen, wei = bot.emulator.user("Chen"), bot.emulator.user("Wei")
    await bot.add_telegram_vendor(chen, "Futian Passives")
    await bot.add_telegram_vendor(wei, "Shenzhen Passives")
    bot.emulator.block(wei)

    report = await broadcast(bot, admin, NEWS)

    assert report.text == (
        "Broadcast done: sent to 1 of 2 chats.\nCould not reach 1 chat: Shenzhen Passives"
    )
    assert [m.text for m in bot.emulator.messages(bot.chat(chen))] == [f"Announcement\n{NEWS}"]


async def test_a_broadcast_from_someone_who_is_not_an_admin_is_refused(bot: TelegramBot) -> None:
    chen, mallory = bot.emulator.user("Chen"), bot.emulator.user("Mallory")
    await bot.add_telegram_vendor(chen, "Futian Passives")

    [reply] = await bot.said(mallory, "/broadcast Send me your price lists")

    assert reply.text == "Only the bot's admins can use this command."
    assert bot.emulator.messages(bot.chat(chen)) == []


async def test_a_broadcast_without_words_explains_how_to_send_one(
    bot: TelegramBot, admin: User
) -> None:
    [reply] = await bot.said(admin, "/broadcast")

    assert reply.text == "Send /broadcast followed by the announcement."


async def test_a_broadcast_too_long_for_one_message_is_refused_before_anything_is_sent(
    bot: TelegramBot, admin: User
) -> None:
    chen = bot.emulator.user("Chen")
    await bot.add_telegram_vendor(chen, "Futian Passives")

    [reply] = await bot.said(admin, "/broadcast " + "x" * 4085)

    assert reply.text == "That announcement is too long: keep it within 4,083 characters."
    assert bot.emulator.messages(bot.chat(chen)) == []

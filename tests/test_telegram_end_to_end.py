"""The whole bot, end to end: buyers, vendors in their DMs, vendor groups, HTTP vendors and
admins, through the real Application, the Bot API emulator, real HTTP vendor servers on
127.0.0.1 and a real SQLite database; and the bot restarting in the middle of an RFQ.

Each test tells one story from the buyer's request to what the buyer ends up reading.
The last two measure (and print, never assert) how long a buyer waits for offers.
"""

from __future__ import annotations

import statistics
from collections.abc import AsyncIterator, Sequence
from contextlib import AsyncExitStack
from pathlib import Path
from typing import TypeVar

import pytest
from conftest import shared_file
from sqlalchemy import Select, select
from telegram_harness import (
    Moment,
    TelegramBot,
    bot_settings,
    running_bot,
    seeded_database_url,
    telegram_bot,
    timeline,
)
from test_telegram_buyers import (
    LI_ANSWER,
    LINE,
    REQUEST,
    offer_of,
    offering,
    press,
    ranked_offers,
    ranking,
    vendor_rfq,
)
from test_telegram_groups import rfq_of, vendor_group
from test_telegram_vendors import stored_post
from vendor_servers import VendorServer, quote_every_line

from bot.models import (
    Dispatch,
    GroupReply,
    OfferRecord,
    OrderIntent,
    Rfq,
    RfqLine,
    Vendor,
    VendorReply,
)
from bot.telegram_emulator import (
    Chat,
    EventKind,
    FloodLimits,
    Message,
    TelegramEmulator,
    User,
)
from handlers.render import TEXT_LIMIT, text_length

T = TypeVar("T")

#: Requests a buyer sends one after another while being timed.
TIMED_REQUESTS = (
    "0603 10k 1% 5000pcs",
    "100nF 0402 x10k",
    "LM358DR 100pcs",
    "0805 4.7uF 25V X7R 2000pcs",
    "RC0603FR-0710KL 5000pcs",
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


@pytest.fixture
def buyer(emulator: TelegramEmulator) -> User:
    return emulator.user("Bob", last_name="Buyer", username="bob_buys")


@pytest.fixture
async def acme(bot: TelegramBot) -> AsyncIterator[VendorServer]:
    """An HTTP vendor answering at once: Yageo's RC0603FR-0710KL for every line, in USD."""
    answer = offering(0.0021, mpn="RC0603FR-0710KL", manufacturer="YAGEO", stock=120_000)
    async with VendorServer(answer=answer) as server:
        await bot.add_http_vendor(server, "Acme Components")
        yield server


async def rows(bot: TelegramBot, statement: Select[T]) -> list[T]:
    async with bot.database.session() as session:
        return list((await session.scalars(statement)).all())


def seen_by(bot: TelegramBot, chat: Chat) -> str:
    """Everything the bot ever wrote in `chat`, every version of every message."""
    texts = []
    for message in bot.emulator.messages(chat):
        texts += [version.text or "" for version in message.edits]
        texts.append(message.text or message.caption or "")
    return "\n".join(texts)


# -- the whole flow --------------------------------------------------------------------------


async def test_a_request_answered_in_a_dm_in_a_vendor_group_and_over_http_is_ranked_and_ordered(
    bot: TelegramBot, admin: User, buyer: User, acme: VendorServer
) -> None:
    li, chen = bot.emulator.user("Li"), bot.emulator.user("Chen", username="chen_parts")
    group, confirmation = await vendor_group(bot, admin, "Huaqiangbei traders", [chen])
    await bot.add_telegram_vendor(li, "Huaqiang Li", currency="CNY")
    # Chen sells capacitors, so resistors reach Chen only through the vendor group's post.
    await bot.add_telegram_vendor(chen, "Futian Passives", currency="USD", categories=["capacitor"])

    sent = await bot.emulator.send_text(buyer, bot.chat(buyer), REQUEST)
    [status] = await bot.next_messages(bot.chat(buyer), after=sent)
    [post] = await bot.next_messages(group, after=confirmation)
    await bot.eventually(lambda: stored_post(bot, post))
    in_group = await bot.emulator.send_text(chen, group, "0.0017 USD, 80k in stock", reply_to=post)
    [ack] = await bot.next_messages(group, after=in_group)
    await bot.said(li, LI_ANSWER, reply_to=await vendor_rfq(bot, li))
    [offers] = await ranked_offers(bot, bot.chat(buyer), sent)
    # The status says "Closed" within an edit interval of the results.
    await bot.emulator.wait_for(lambda: "\nClosed: " in (status.text or ""), timeout=10)

    rfq = rfq_of(post)
    assert ack.text == "Got it, thanks: I sent you what I read in a private message."
    assert status.text == f"RFQ {rfq}\nClosed: 3 of 3 answered · 3 offers\n{LINE}"
    assert ranking(offers) == ["Futian Passives", "Huaqiang Li", "Acme Components"]
    assert "5,000 pcs: $8.50 · $0.0017 each\n80,000 in stock" in (offers.text or "")
    assert "5,000 pcs: $9.09 · $0.001819 each (quoted ¥0.015)" in (offers.text or "")
    assert "5,000 pcs: $10.50 · $0.0021 each\n120,000 in stock · ships now" in (offers.text or "")

    [prompt] = await press(bot, buyer, offers, "#1 Futian Passives")
    seen_by_chen = bot.emulator.messages(bot.chat(chen))[-1]
    await bot.emulator.press(buyer, prompt, prompt.button_data("Confirm order"))
    [order] = await bot.next_messages(bot.chat(chen), after=seen_by_chen)
    await bot.emulator.wait_for(lambda: (prompt.text or "").startswith("Order sent to "))

    assert (order.text or "").startswith(f"Your offer was chosen: RFQ {rfq}\n")
    assert "Buyer: Bob Buyer (@bob_buys)" in (order.text or "")
    chosen = await offer_of(bot, "Futian Passives")
    assert await rows(bot, select(Rfq.chosen_offer_id)) == [chosen]
    assert await rows(bot, select(Vendor.name).where(Vendor.chosen_count == 1)) == [
        "Futian Passives"
    ]
    assert await rows(bot, select(OrderIntent.status)) == ["confirmed"]
    # Sealed bids: prices stayed with their vendors and the buyer, the contact with Chen.
    for chat in (group, bot.chat(li)):
        assert "0.0017" not in seen_by(bot, chat) and "bob_buys" not in seen_by(bot, chat)
    assert "0.015" not in seen_by(bot, bot.chat(chen)) + seen_by(bot, group)


async def test_a_bom_file_is_ranked_line_by_line_within_telegrams_limit(
    bot: TelegramBot, buyer: User
) -> None:
    path = shared_file("boms/glasgow_revC3__bom.csv")
    async with VendorServer(answer=quote_every_line(0.004)) as server:
        await bot.add_http_vendor(server, "Acme Components")
        sent = await bot.emulator.send_document(
            buyer, bot.chat(buyer), path.name, path.read_bytes()
        )
        parts = await ranked_offers(bot, bot.chat(buyer), sent)

    [rfq] = await rows(bot, select(Rfq.id))
    lines = await rows(bot, select(RfqLine.line).where(RfqLine.rfq_id == rfq))
    assert len(lines) == 53  # the 57 rows less the header and the 4 marked DNP
    shown = "\n".join(part.text or "" for part in parts)
    assert [n for n in range(1, 54) if f"\n{n}.1 · Acme Components · " not in shown] == []
    assert len(parts) > 1
    texts = [call.params["text"] for call in bot.emulator.calls_to("sendMessage")[-len(parts) :]]
    assert max(text_length(text) for text in texts) <= TEXT_LIMIT


# -- vendors who cannot be read, or are no vendors -------------------------------------------


async def test_an_unreadable_vendor_reply_is_kept_asked_again_and_the_restated_price_ranked(
    bot: TelegramBot, buyer: User, acme: VendorServer
) -> None:
    li = bot.emulator.user("Li")
    await bot.add_telegram_vendor(li, "Huaqiang Li", currency="CNY")
    sent = await bot.emulator.send_text(buyer, bot.chat(buyer), REQUEST)
    rfq_to_li = await vendor_rfq(bot, li)

    [restate] = await bot.said(li, "let me check with the factory", reply_to=rfq_to_li)
    [echo] = await bot.said(li, "有的，0.015元含税，现货5万")
    [offers] = await ranked_offers(bot, bot.chat(buyer), sent)

    assert (restate.text or "").startswith("Sorry, I could not read a price in that answer")
    assert (echo.text or "").startswith("Thanks! This is what I read for RFQ ")
    assert ranking(offers) == ["Huaqiang Li", "Acme Components"]
    assert await rows(bot, select(VendorReply.text).order_by(VendorReply.id)) == [
        "let me check with the factory",
        "有的，0.015元含税，现货5万",
    ]
    assert "let me check" not in seen_by(bot, bot.chat(buyer))


async def test_a_non_vendor_replying_in_a_vendor_group_is_kept_pending_and_never_ranked(
    bot: TelegramBot, admin: User, buyer: User, acme: VendorServer
) -> None:
    li, sam = bot.emulator.user("Li"), bot.emulator.user("Sam")
    group, confirmation = await vendor_group(bot, admin, "Huaqiangbei traders", [sam])
    await bot.add_telegram_vendor(li, "Huaqiang Li", currency="CNY")
    sent = await bot.emulator.send_text(buyer, bot.chat(buyer), REQUEST)
    [post] = await bot.next_messages(group, after=confirmation)
    await bot.eventually(lambda: stored_post(bot, post))

    [invite] = await bot.said(sam, "0.0009 USD, 1M in stock", chat=group, reply_to=post)
    await bot.said(li, LI_ANSWER, reply_to=await vendor_rfq(bot, li))
    [offers] = await ranked_offers(bot, bot.chat(buyer), sent)

    assert (invite.text or "").startswith("Thanks! You are not a registered vendor yet")
    assert ranking(offers) == ["Huaqiang Li", "Acme Components"]
    assert "0.0009" not in seen_by(bot, bot.chat(buyer))
    pending = await rows(bot, select(GroupReply.text).where(GroupReply.counted.is_(False)))
    assert pending == ["0.0009 USD, 1M in stock"]
    assert len(await rows(bot, select(OfferRecord.id))) == 2


# -- flood control ---------------------------------------------------------------------------


async def test_a_broadcast_hitting_flood_control_reaches_everyone_once_and_an_rfq_still_goes_out(
    bot: TelegramBot, admin: User, buyer: User
) -> None:
    people = [bot.emulator.user(name) for name in ("Chen", "Wei", "Zhou")]
    for person in people:
        await bot.add_telegram_vendor(person, f"{person.first_name} Components")
    groups = [(await vendor_group(bot, admin, title, []))[0] for title in ("Futian", "Longgang")]
    bot.emulator.flood_limits = FloodLimits(
        per_chat_per_second=1, per_group_per_minute=20, overall_per_second=2
    )
    news = "The Huaqiangbei parts fair is on 12 May: samples <free> & drinks for vendors."

    command = await bot.emulator.send_text(admin, bot.chat(admin), f"/broadcast {news}")
    await bot.emulator.send_text(buyer, bot.chat(buyer), REQUEST)
    [report] = await bot.next_messages(bot.chat(admin), after=command)
    await bot.emulator.wait_for(lambda: (report.text or "").startswith("Broadcast done"), 30)
    chats = [bot.chat(person) for person in people] + groups
    await bot.emulator.wait_for(
        lambda: all(
            any((m.text or "").startswith("Request for quote ") for m in bot.emulator.messages(c))
            for c in chats
        ),
        timeout=30,
    )

    assert report.text == "Broadcast done: sent to 5 of 5 chats."
    announcements = [
        [m.text for m in bot.emulator.messages(c) if (m.text or "").startswith("Announcement")]
        for c in chats
    ]
    assert announcements == [[f"Announcement\n{news}"]] * 5
    requests = [
        [m for m in bot.emulator.messages(c) if (m.text or "").startswith("Request for quote ")]
        for c in chats
    ]
    assert [len(found) for found in requests] == [1] * 5
    assert any(call.error_code == 429 for call in bot.emulator.calls_to("sendMessage"))


# -- a restart in the middle of an RFQ -------------------------------------------------------


@pytest.mark.parametrize("while_down", [False, True], ids=["after the restart", "while down"])
async def test_answers_from_before_and_after_a_restart_are_both_ranked(
    tmp_path: Path, emulator: TelegramEmulator, buyer: User, while_down: bool
) -> None:
    li = emulator.user("Li")
    settings = bot_settings(await seeded_database_url(tmp_path), emulator, quote_window_seconds=60)
    answer = offering(0.0021, mpn="RC0603FR-0710KL", manufacturer="YAGEO", stock=120_000)
    async with VendorServer(answer=answer) as acme:
        async with running_bot(settings) as application:
            before = TelegramBot(emulator, application, settings)
            await before.add_telegram_vendor(li, "Huaqiang Li", currency="CNY")
            await before.add_http_vendor(acme, "Acme Components")
            sent = await emulator.send_text(buyer, before.chat(buyer), REQUEST)
            [status] = await before.next_messages(before.chat(buyer), after=sent)
            rfq_to_li = await vendor_rfq(before, li)
            await before.eventually(lambda: offer_stored(before, "Acme Components"))
        if while_down:  # Telegram keeps Li's answer until the bot asks for updates again
            answered = await emulator.send_text(li, before.chat(li), LI_ANSWER, reply_to=rfq_to_li)
        async with running_bot(settings) as application:
            after = TelegramBot(emulator, application, settings)
            if not while_down:
                answered = await emulator.send_text(
                    li, after.chat(li), LI_ANSWER, reply_to=rfq_to_li
                )
            [echo] = await after.next_messages(after.chat(li), after=answered)
            [offers] = await ranked_offers(after, after.chat(buyer), sent)
            await emulator.wait_for(lambda: "\nClosed: " in (status.text or ""), timeout=10)
            [rfq] = await rows(after, select(Rfq.id))
            states = await rows(after, select(Dispatch.state).order_by(Dispatch.vendor_id))

    assert len(acme.requests) == 1  # the HTTP vendor had answered: it is not asked again
    assert (echo.text or "").startswith(f"Thanks! This is what I read for RFQ {rfq}:")
    assert ranking(offers) == ["Huaqiang Li", "Acme Components"]
    assert status.text == f"RFQ {rfq}\nClosed: 2 of 2 answered · 2 offers\n{LINE}"
    assert states == ["answered", "answered"]


async def offer_stored(bot: TelegramBot, vendor: str) -> int | None:
    async with bot.database.session() as session:
        return await session.scalar(
            select(OfferRecord.id)
            .join(Vendor, Vendor.id == OfferRecord.vendor_id)
            .where(Vendor.name == vendor)
        )


# -- how long the buyer waits (printed, never asserted) --------------------------------------


async def test_how_long_a_buyer_waits_when_every_vendor_answers_at_once(
    bot: TelegramBot, buyer: User, capsys: pytest.CaptureFixture[str]
) -> None:
    to_first, to_ranking = [], []
    async with AsyncExitStack() as stack:
        for number, name in enumerate(("Acme Components", "Futian Passives", "Longgang Parts")):
            server = VendorServer(answer=quote_every_line(0.002 + number / 10_000))
            await stack.enter_async_context(server)
            await bot.add_http_vendor(server, name)
        for text in TIMED_REQUESTS:
            with timeline(bot.emulator) as events:
                sent = await bot.emulator.send_text(buyer, bot.chat(buyer), text)
                parts = await ranked_offers(bot, bot.chat(buyer), sent)
            assert ranking(parts[0])[:1] == ["Acme Components"]
            asked = when(events, sent)
            to_first.append(first_offer_seen(events, sent) - asked)
            to_ranking.append(when(events, parts[-1]) - asked)

    with capsys.disabled():
        print(
            f"\nbuyer's wait, 3 HTTP vendors answering at once, {len(TIMED_REQUESTS)} requests: "
            f"first offer {figures(to_first)}; final ranking {figures(to_ranking)}"
        )


async def test_how_long_a_buyer_waits_for_the_first_offer_while_a_person_still_answers(
    bot: TelegramBot, buyer: User, acme: VendorServer, capsys: pytest.CaptureFixture[str]
) -> None:
    await bot.add_telegram_vendor(bot.emulator.user("Li"), "Huaqiang Li", currency="CNY")
    with timeline(bot.emulator) as events:
        sent = await bot.emulator.send_text(buyer, bot.chat(buyer), REQUEST)
        [status] = await bot.next_messages(bot.chat(buyer), after=sent)
        await bot.emulator.wait_for(lambda: "· 1 offer" in (status.text or ""), timeout=10)
    waited = first_offer_seen(events, sent) - when(events, sent)

    with capsys.disabled():
        print(
            "\nbuyer's wait for the first offer, 1 HTTP vendor answering at once and 1 person "
            f"still answering: {waited * 1000:.0f} ms"
        )


def when(events: Sequence[Moment], message: Message) -> float:
    """When `message` was sent."""
    return next(
        moment.at
        for moment in events
        if moment.event.kind is EventKind.MESSAGE and moment.event.message is message
    )


def first_offer_seen(events: Sequence[Moment], sent: Message) -> float:
    """When the buyer first saw an offer after `sent`: a status counting one (as sent or
    edited), or the ranked offers."""
    for moment in events:
        message = moment.event.message
        if (
            message is None
            or message.chat is not sent.chat
            or message.message_id <= sent.message_id
            or moment.event.kind not in (EventKind.MESSAGE, EventKind.EDITED)
        ):
            continue
        first, _, rest = (moment.text or "").partition("\n")
        counts = rest.partition("\n")[0]
        if first.startswith("Offers for RFQ ") or (
            first.startswith("RFQ ") and not counts.endswith(" · 0 offers")
        ):
            return moment.at
    raise AssertionError("the buyer never saw an offer")


def figures(seconds: Sequence[float]) -> str:
    return (
        f"median {statistics.median(seconds) * 1000:.0f} ms "
        f"(min {min(seconds) * 1000:.0f}, max {max(seconds) * 1000:.0f})"
    )

"""Buyers in the chat, through the real Application, the Bot API emulator and real SQLite.

A buyer learns what the bot does with /start or /help in their language and switches it
with /lang; asks in a private chat, or in a group by mentioning the bot, replying to it or
with /rfq; sends a BOM file; watches one status message follow the answers; reads the
ranked offers; and acts on them with the buttons: more offers, another order, CSV, choose,
confirm or cancel. Vendors are real: HTTP vendors on 127.0.0.1 (VendorServer), and Telegram
vendors answering in their private chats.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import shared_file
from sqlalchemy import func, select
from telegram_harness import BOT_USERNAME, TOKEN, TelegramBot, telegram_bot, timeline
from test_telegram_vendors import stored_post
from vendor_servers import VendorServer, quote_every_line

from bot.models import OfferRecord, OrderIntent, Rfq, RfqLine, Vendor
from bot.ranking import RankOrder
from bot.telegram_emulator import Chat, EventKind, Message, TelegramEmulator, User
from catalogue.boms import Skipped
from handlers import render
from handlers.callbacks import (
    CancelOrder,
    CannotSupply,
    ChooseOffer,
    ConfirmOrder,
    ExportCsv,
    MoreOffers,
    SetLanguage,
    SortOffers,
    encode,
)
from handlers.i18n import translator
from handlers.live import EDIT_INTERVAL
from handlers.render import TEXT_LIMIT, skipped_rows, text_length

REQUEST = "0603 10k 1% 5000pcs"
LINE = "1. 5,000 × resistor 10 kΩ ±1% 0603"
LINE_ZH = "1. 5,000 × 电阻 10 kΩ ±1% 0603"
LI_ANSWER = "0.015元 含税 现货5万"

WELCOME = (
    "I find electronic components for you.\n"
    "Send what you need: I ask vendors for quotes at once and rank their offers by total "
    "cost, delivery and vendor score.\n\n"
    "One part\n"
    "500 pcs 0603 10k 1%\n\n"
    "Several parts, one per line\n"
    "100 RC0603FR-0710KL\n"
    "50 LM358DR\n"
    "2 reels 0402 100nF 50V X7R\n\n"
    "You can also send a BOM file (CSV or Excel). In a group, mention me, reply to me or use "
    "/rfq.\n\n"
    "Vendors: send /vendor to register. Once an admin approves you, requests for quote arrive "
    "here and you answer them in plain words.\n\n"
    "/lang switches language · /help shows this again"
)
WELCOME_ZH = (
    "我帮你找电子元器件。\n"
    "把需求发给我：我会同时向多家供应商询价，并按总价、交期和供应商评分为报价排序。\n\n"
    "单个型号\n"
    "0603 10K 1% 500个\n\n"
    "多个型号，每行一个\n"
    "RC0603FR-0710KL 100个\n"
    "LM358DR 50个\n"
    "0402 100nF 50V X7R 2盘\n\n"
    "也可以直接发送 BOM 文件（CSV 或 Excel）。在群里请 @我、回复我或使用 /rfq。\n\n"
    "供应商：发送 /vendor 注册。管理员审核通过后，询价会发到这里，直接用文字回复报价即可。\n\n"
    "/lang 切换语言 · /help 再次显示本说明"
)
NOTHING = (
    "I could not find a part in that. Name a part number, or describe the part with its "
    "value and package, for example:\n"
    "500 pcs 0603 10k 1%\n"
    "LM358DR 100pcs"
)
NOTHING_ZH = (
    "没有识别出元器件。请写型号，或写明参数和封装，例如：\n0603 10K 1% 500个\nLM358DR 100个"
)


# -- people and vendors ----------------------------------------------------------------------


@pytest.fixture
async def bot(tmp_path: Path, emulator: TelegramEmulator) -> AsyncIterator[TelegramBot]:
    async with telegram_bot(tmp_path, emulator=emulator, quote_window_seconds=60) as running:
        yield running


@pytest.fixture
def buyer(emulator: TelegramEmulator) -> User:
    return emulator.user("Bob", last_name="Buyer", username="bob_buys")


@pytest.fixture
def wei(emulator: TelegramEmulator) -> User:
    """A buyer whose Telegram is set to Chinese."""
    return emulator.user("Wei", language_code="zh-hans")


@pytest.fixture
async def li(bot: TelegramBot) -> User:
    """A vendor quoting in yuan in its private chat."""
    person = bot.emulator.user("Li", username="li_huaqiang")
    await bot.add_telegram_vendor(person, "Huaqiang Li", currency="CNY")
    return person


@pytest.fixture
async def wang(bot: TelegramBot) -> User:
    """A second vendor in its private chat."""
    person = bot.emulator.user("Wang")
    await bot.add_telegram_vendor(person, "Futian Wang", currency="CNY")
    return person


def offering(
    price: float,
    *,
    mpn: str | None = None,
    manufacturer: str | None = None,
    stock: int = 50_000,
    lead_time_days: int = 0,
) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """An HTTP vendor's answer: every line of the RFQ at `price` USD from one piece."""

    def answer(document: dict[str, Any]) -> dict[str, Any]:
        offers = []
        for line in document["lines"]:
            offer: dict[str, Any] = {
                "line": line["line"],
                "currency": "USD",
                "price_breaks": [[1, price]],
                "stock": stock,
                "lead_time_days": lead_time_days,
            }
            if mpn is not None:
                offer["mpn"] = mpn
            if manufacturer is not None:
                offer["manufacturer"] = manufacturer
            offers.append(offer)
        return {"offers": offers}

    return answer


@pytest.fixture
async def acme(bot: TelegramBot) -> AsyncIterator[VendorServer]:
    """An HTTP vendor that answers at once, offering Yageo's RC0603FR-0710KL for every line."""
    answer = offering(0.0021, mpn="RC0603FR-0710KL", manufacturer="YAGEO", stock=120_000)
    async with VendorServer(answer=answer) as server:
        await bot.add_http_vendor(server, "Acme Components")
        yield server


@pytest.fixture
async def four_vendors(bot: TelegramBot) -> AsyncIterator[None]:
    """Four HTTP vendors answering at once: cheapest, fastest and most trusted all differ."""
    specs = [
        ("Acme Components", 0.0021, 10),
        ("Futian Passives", 0.0025, 0),
        ("Longgang Resistors", 0.0019, 30),
        ("Shenzhen Parts", 0.0030, 3),
    ]
    servers = [
        VendorServer(answer=offering(price, mpn="RC0603FR-0710KL", lead_time_days=lead))
        for _name, price, lead in specs
    ]
    for server, (name, _price, _lead) in zip(servers, specs, strict=True):
        await server.start()
        await bot.add_http_vendor(server, name)
    async with bot.database.session() as session:
        trusted = await session.scalar(select(Vendor).where(Vendor.name == "Shenzhen Parts"))
        assert trusted is not None
        trusted.feedback_count, trusted.feedback_total = 20, 19.0  # rated 0.95 by 20 buyers
    try:
        yield
    finally:
        for server in servers:
            await server.close()


# -- helpers ---------------------------------------------------------------------------------


async def rfqs(bot: TelegramBot) -> list[Rfq]:
    async with bot.database.session() as session:
        return list((await session.scalars(select(Rfq).order_by(Rfq.opened_at))).all())


async def rfq_lines(bot: TelegramBot, rfq_id: str) -> list[RfqLine]:
    async with bot.database.session() as session:
        statement = select(RfqLine).where(RfqLine.rfq_id == rfq_id).order_by(RfqLine.line)
        return list((await session.scalars(statement)).all())


def is_offers(message: Message) -> bool:
    """Whether `message` is (the first part of) an RFQ's ranked offers, in either language."""
    first = (message.text or "").partition("\n")[0]
    return first.startswith("Offers for RFQ ") or first.endswith(" 的报价")


async def ask(bot: TelegramBot, person: User, text: str, chat: Chat | None = None) -> Message:
    """`person` asks; returns the ranked offers (their first message) once posted."""
    where = chat or bot.chat(person)
    sent = await bot.emulator.send_text(person, where, text)
    found = await bot.emulator.wait_for(
        lambda: [m for m in bot.emulator.messages(where, after=sent) if is_offers(m)], timeout=15
    )
    return found[-1]


async def ranked_offers(bot: TelegramBot, chat: Chat, after: Message) -> list[Message]:
    """The ranked offers posted in `chat` after `after`, once the last part is there."""
    await bot.emulator.wait_for(
        lambda: (
            any(is_offers(m) for m in bot.emulator.messages(chat, after=after))
            and "Export CSV" in [label for label, _ in buttons(bot.emulator.messages(chat)[-1])]
        ),
        timeout=20,
    )
    messages = bot.emulator.messages(chat, after=after)
    first = next(index for index, message in enumerate(messages) if is_offers(message))
    return messages[first:]


async def press(bot: TelegramBot, person: User, message: Message, label: str) -> list[Message]:
    """`person` taps the button labelled `label`; returns the bot's new messages."""
    where = message.chat
    seen = bot.emulator.messages(where)[-1]
    answer = await bot.emulator.press(person, message, message.button_data(label))
    assert answer is not None and answer.text is None
    return await bot.next_messages(where, after=seen)


async def vendor_rfq(bot: TelegramBot, vendor: User) -> Message:
    """The RFQ in the vendor's private chat, once the bot has stored it (so a reply finds it)."""
    [message] = await bot.next_messages(bot.chat(vendor))
    await bot.eventually(lambda: stored_post(bot, message))
    return message


def buttons(message: Message) -> list[tuple[str, str | None]]:
    return [(button.text, button.callback_data) for button in message.buttons()]


# -- /start, /help, /lang --------------------------------------------------------------------


@pytest.mark.parametrize("command", ["/start", "/help"])
@pytest.mark.parametrize(
    ("language_code", "expected"), [("en", WELCOME), ("zh-hans", WELCOME_ZH)], ids=["en", "zh"]
)
async def test_start_and_help_explain_the_bot_with_examples_in_the_users_language(
    bot: TelegramBot, command: str, language_code: str, expected: str
) -> None:
    person = bot.emulator.user("Ming", language_code=language_code)

    [answer] = await bot.said(person, command)

    assert answer.text == expected
    assert [entity.type for entity in answer.entities].count("code") == 2  # the two examples


async def test_a_command_the_bot_does_not_have_is_answered_with_the_way_to_help(
    bot: TelegramBot, buyer: User
) -> None:
    [answer] = await bot.said(buyer, "/stats today")

    assert answer.text == (
        "I don't know the command /stats.\n"
        "Send /help to see what I can do, or just write the parts you need, for example "
        "500 pcs 0603 10k 1%"
    )


async def test_in_a_group_only_unknown_commands_naming_the_bot_are_answered(
    bot: TelegramBot, buyer: User
) -> None:
    group = bot.emulator.group("Sourcing team", [buyer])
    other_bot = await bot.emulator.send_text(buyer, group, "/stats")
    await bot.settled()
    assert bot.emulator.messages(group, after=other_bot) == []

    [answer] = await bot.said(buyer, f"/stats@{BOT_USERNAME}", chat=group)
    assert answer.text is not None
    assert answer.text.startswith("I don't know the command /stats.")


def test_a_chinese_buyer_is_told_of_an_unknown_command_in_chinese() -> None:
    assert render.plain(render.unknown_command(translator("zh"), "/stats")) == (
        "我不认识命令 /stats。\n"
        "发送 /help 查看我能做什么，或直接写下需要的物料，例如 0603 10k 1% 500个"
    )


async def test_lang_offers_both_languages_each_named_in_its_own(
    bot: TelegramBot, buyer: User
) -> None:
    [prompt] = await bot.said(buyer, "/lang")

    assert prompt.text == "Choose the language I write to you in:"
    assert buttons(prompt) == [
        ("English", encode(SetLanguage("en"))),
        ("中文", encode(SetLanguage("zh"))),
    ]


async def test_lang_switches_to_chinese_and_the_next_answers_are_in_chinese(
    bot: TelegramBot, buyer: User
) -> None:
    [prompt] = await bot.said(buyer, "/lang")

    answer = await bot.emulator.press(buyer, prompt, prompt.button_data("中文"))
    await bot.emulator.wait_for(lambda: prompt.text == "今后我将用中文和你交流。")
    [welcome] = await bot.said(buyer, "/help")
    [nothing] = await bot.said(buyer, "hello there")

    assert answer is not None and answer.text is None
    assert prompt.buttons() == []
    assert (welcome.text, nothing.text) == (WELCOME_ZH, NOTHING_ZH)


async def test_lang_switches_a_chinese_user_to_english(bot: TelegramBot, wei: User) -> None:
    [prompt] = await bot.said(wei, "/lang")

    await bot.emulator.press(wei, prompt, prompt.button_data("English"))
    await bot.emulator.wait_for(
        lambda: prompt.text == "I will write to you in English from now on."
    )
    [welcome] = await bot.said(wei, "/start")

    assert welcome.text == WELCOME


# -- requests that are not ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language_code", "text", "expected"),
    [("en", "hello, do you have these in stock?", NOTHING), ("zh", "你好，在吗？", NOTHING_ZH)],
    ids=["en", "zh"],
)
async def test_a_message_with_no_part_gets_a_friendly_reply_with_two_examples_and_nothing_else(
    bot: TelegramBot, li: User, language_code: str, text: str, expected: str
) -> None:
    person = bot.emulator.user("Ming", language_code=language_code)
    sent = await bot.emulator.send_text(person, bot.chat(person), text)
    await bot.next_messages(bot.chat(person), after=sent)
    await bot.settled()

    [reply] = bot.emulator.messages(bot.chat(person), after=sent)
    assert reply.text == expected
    assert reply.reply_to is sent
    assert await rfqs(bot) == []
    assert bot.emulator.messages(bot.chat(li)) == []


# -- a request in a private chat -------------------------------------------------------------


async def test_a_private_request_opens_an_rfq_and_answers_with_its_status(
    bot: TelegramBot, buyer: User, li: User, wang: User
) -> None:
    sent = await bot.emulator.send_text(buyer, bot.chat(buyer), REQUEST)
    [status] = await bot.next_messages(bot.chat(buyer), after=sent)

    [rfq] = await rfqs(bot)
    assert status.text == f"RFQ {rfq.id}\nAsking 2 vendors… 0 answered · 0 offers\n{LINE}"
    assert status.reply_to is sent
    assert (rfq.buyer, rfq.buyer_chat_id, rfq.text, rfq.source_message_id) == (
        f"tg:{buyer.id}",
        buyer.id,
        REQUEST,
        sent.message_id,
    )
    assert [line.text for line in await rfq_lines(bot, rfq.id)] == [REQUEST]


async def test_a_vendor_who_cannot_supply_counts_as_answered_on_the_status_and_the_offers(
    bot: TelegramBot, buyer: User, li: User, wang: User
) -> None:
    sent = await bot.emulator.send_text(buyer, bot.chat(buyer), REQUEST)
    [status] = await bot.next_messages(bot.chat(buyer), after=sent)
    [rfq] = await rfqs(bot)

    await bot.said(li, LI_ANSWER, reply_to=await vendor_rfq(bot, li))
    request = await vendor_rfq(bot, wang)
    await bot.emulator.press(wang, request, encode(CannotSupply(rfq.id)))
    closed = f"RFQ {rfq.id}\nClosed: 2 of 2 answered · 1 offer\n{LINE}"
    await bot.emulator.wait_for(lambda: status.text == closed, timeout=10)
    offers = await bot.emulator.wait_for(
        lambda: [m for m in bot.emulator.messages(bot.chat(buyer)) if "Offers for RFQ" in m.text]
    )
    assert offers[0].text.splitlines()[1] == "2 vendors answered · 1 offer"


async def test_a_chinese_buyer_gets_the_status_in_chinese(
    bot: TelegramBot, wei: User, li: User, wang: User
) -> None:
    sent = await bot.emulator.send_text(wei, bot.chat(wei), REQUEST)
    [status] = await bot.next_messages(bot.chat(wei), after=sent)

    [rfq] = await rfqs(bot)
    assert (
        status.text == f"询价单 {rfq.id}\n正在向 2 家供应商询价… 0 家已回复 · 0 个报价\n{LINE_ZH}"
    )


async def test_the_status_is_edited_as_vendors_answer_and_every_edit_changes_it(
    bot: TelegramBot, buyer: User, li: User, wang: User
) -> None:
    sent = await bot.emulator.send_text(buyer, bot.chat(buyer), REQUEST)
    [status] = await bot.next_messages(bot.chat(buyer), after=sent)
    [rfq] = await rfqs(bot)
    asking = status.text

    await bot.said(li, LI_ANSWER, reply_to=await vendor_rfq(bot, li))
    answered = f"RFQ {rfq.id}\nAsking 2 vendors… 1 answered · 1 offer\n{LINE}"
    await bot.emulator.wait_for(lambda: status.text == answered, timeout=10)
    await bot.said(wang, "0.016元 含税 现货2万", reply_to=await vendor_rfq(bot, wang))
    closed = f"RFQ {rfq.id}\nClosed: 2 of 2 answered · 2 offers\n{LINE}"
    await bot.emulator.wait_for(lambda: status.text == closed, timeout=10)

    assert [version.text for version in status.edits] == [asking, answered]
    edits = bot.emulator.calls_to("editMessageText")
    assert [(call.ok, call.description) for call in edits] == [(True, None)] * len(edits)


async def test_the_status_is_edited_at_most_once_every_few_seconds(
    bot: TelegramBot, buyer: User, li: User, wang: User
) -> None:
    with timeline(bot.emulator) as events:
        sent = await bot.emulator.send_text(buyer, bot.chat(buyer), REQUEST)
        [status] = await bot.next_messages(bot.chat(buyer), after=sent)
        await bot.said(li, LI_ANSWER, reply_to=await vendor_rfq(bot, li))
        await bot.emulator.wait_for(lambda: len(status.edits) == 1, timeout=10)
        # The second answer comes right after the first edit, and closes the RFQ.
        await bot.said(wang, "0.016元 含税 现货2万", reply_to=await vendor_rfq(bot, wang))
        await bot.emulator.wait_for(lambda: "\nClosed: " in (status.text or ""), timeout=10)

    shown = [
        moment.at
        for moment in events
        if moment.event.message is status
        and moment.event.kind in (EventKind.MESSAGE, EventKind.EDITED)
    ]
    gaps = [round(later - earlier, 2) for earlier, later in itertools.pairwise(shown)]
    assert len(gaps) == 2
    assert min(gaps) >= EDIT_INTERVAL, f"seconds between the status's versions: {gaps}"


async def test_the_ranked_offers_show_vendor_part_price_in_usd_with_the_quoted_currency_and_why(
    bot: TelegramBot, buyer: User, li: User, acme: VendorServer
) -> None:
    sent = await bot.emulator.send_text(buyer, bot.chat(buyer), REQUEST)
    await bot.said(li, LI_ANSWER, reply_to=await vendor_rfq(bot, li))
    [offers] = await bot.emulator.wait_for(
        lambda: [m for m in bot.emulator.messages(bot.chat(buyer), after=sent) if is_offers(m)]
    )

    [rfq] = await rfqs(bot)
    assert offers.text == (
        f"Offers for RFQ {rfq.id}\n"
        "2 vendors answered · 2 offers\n"
        "cheapest total first\n"
        "Tap an offer's button to choose it.\n\n"
        f"{LINE}\n"
        f"{REQUEST}\n\n"
        "#1 · Huaqiang Li · score 52\n"
        "part number not given\n"
        "5,000 pcs: $9.09 · $0.001819 each (quoted ¥0.015)\n"
        "50,000 in stock · ships now\n"
        "cheapest total at 5,000 pcs · in stock · incl. 13% VAT, compared ex-VAT\n\n"
        "#2 · Acme Components · score 52\n"
        "RC0603FR-0710KL · YAGEO\n"
        "5,000 pcs: $10.50 · $0.0021 each\n"
        "120,000 in stock · ships now\n"
        "2nd: $1.41 more than #1 · in stock"
    )
    assert buttons(offers) == [
        ("#1 Huaqiang Li", encode(ChooseOffer(await offer_of(bot, "Huaqiang Li")))),
        ("#2 Acme Components", encode(ChooseOffer(await offer_of(bot, "Acme Components")))),
        ("✓ Cheapest", encode(SortOffers(rfq.id, RankOrder.CHEAPEST))),
        ("Fastest", encode(SortOffers(rfq.id, RankOrder.FASTEST))),
        ("Most trusted", encode(SortOffers(rfq.id, RankOrder.TRUSTED))),
        ("Export CSV", encode(ExportCsv(rfq.id))),
    ]


async def test_a_chinese_buyer_reads_the_offers_in_chinese(
    bot: TelegramBot, wei: User, acme: VendorServer
) -> None:
    offers = await ask(bot, wei, REQUEST)

    [rfq] = await rfqs(bot)
    text = offers.text or ""
    assert text.startswith(
        f"询价单 {rfq.id} 的报价\n1 家供应商已回复 · 1 个报价\n按总价从低到高\n"
        "点击报价对应的按钮即可选择。\n\n"
    )
    assert "#1 · Acme Components · 评分 52\nRC0603FR-0710KL · YAGEO\n" in text
    assert "5,000 个：$10.50 · 单价 $0.0021\n现货 120,000 · 即时发货" in text
    assert [label for label, _data in buttons(offers)] == [
        "#1 Acme Components",
        "✓ 最便宜",
        "最快",
        "最可信",
        "导出 CSV",
    ]


async def test_a_chinese_buyer_reads_why_an_offer_ranks_where_it_does_in_chinese(
    bot: TelegramBot, wei: User, acme: VendorServer
) -> None:
    offers = await ask(bot, wei, REQUEST)

    text = offers.text or ""
    assert f"\n\n{LINE_ZH}\n{REQUEST}\n\n" in text
    assert text.splitlines()[-1] == "5,000 个总价最低 · 现货"


# -- groups ---------------------------------------------------------------------------------


@pytest.fixture
async def open_group_bot(tmp_path: Path) -> AsyncIterator[TelegramBot]:
    """A bot with privacy mode off, which Telegram sends every group message: whether it
    answers is then the bot's own decision."""
    async with TelegramEmulator() as emulator:
        emulator.add_bot(TOKEN, BOT_USERNAME, privacy_mode=False)
        async with telegram_bot(tmp_path, emulator=emulator, quote_window_seconds=60) as running:
            yield running


async def test_in_a_group_the_bot_ignores_a_request_that_does_not_address_it(
    open_group_bot: TelegramBot,
) -> None:
    bot = open_group_bot
    bob, wang = bot.emulator.user("Bob"), bot.emulator.user("Wang")
    group = bot.emulator.group("Hardware team", [bob, wang])
    question = await bot.emulator.send_text(wang, group, "Which resistor did we use on rev B?")

    await bot.emulator.send_text(bob, group, REQUEST, reply_to=question)
    await bot.emulator.send_text(bob, group, "and 100nF 0402 x10k for the decoupling")
    await bot.settled()

    assert bot.emulator.messages(group) == []
    assert await rfqs(bot) == []


async def test_in_a_group_a_mention_of_the_bot_is_a_request(open_group_bot: TelegramBot) -> None:
    bot = open_group_bot
    bob = bot.emulator.user("Bob")
    group = bot.emulator.group("Hardware team", [bob])

    sent = await bot.emulator.send_text(bob, group, f"@{BOT_USERNAME} {REQUEST}")
    [status] = await bot.next_messages(group, after=sent)

    [rfq] = await rfqs(bot)
    assert status.text == f"RFQ {rfq.id}\nNo vendor can be asked for these parts yet.\n{LINE}"
    assert status.reply_to is sent
    assert (rfq.buyer, rfq.buyer_chat_id) == (f"tg:{bob.id}", group.id)
    assert [line.text for line in await rfq_lines(bot, rfq.id)] == [REQUEST]


async def test_in_a_group_a_mention_written_in_another_letter_case_is_left_out_of_the_request(
    bot: TelegramBot,
) -> None:
    bob = bot.emulator.user("Bob")
    group = bot.emulator.group("Hardware team", [bob])

    await bot.said(bob, f"@Sourcing_Test_Bot {REQUEST}", chat=group)

    [rfq] = await rfqs(bot)
    assert [line.text for line in await rfq_lines(bot, rfq.id)] == [REQUEST]


async def test_in_a_group_a_reply_to_the_bot_is_a_request(open_group_bot: TelegramBot) -> None:
    bot = open_group_bot
    bob = bot.emulator.user("Bob")
    group = bot.emulator.group("Hardware team", [bob])
    [hint] = await bot.said(bob, f"@{BOT_USERNAME} hi", chat=group)
    assert hint.text == NOTHING

    sent = await bot.emulator.send_text(bob, group, REQUEST, reply_to=hint)
    [status] = await bot.next_messages(group, after=sent)

    [rfq] = await rfqs(bot)
    assert (status.text or "").startswith(f"RFQ {rfq.id}\n")
    assert [line.text for line in await rfq_lines(bot, rfq.id)] == [REQUEST]


async def test_in_a_group_rfq_with_the_request_is_a_request(bot: TelegramBot) -> None:
    bob = bot.emulator.user("Bob")
    group = bot.emulator.group("Hardware team", [bob])

    [status] = await bot.said(bob, f"/rfq {REQUEST}", chat=group)

    [rfq] = await rfqs(bot)
    assert (status.text or "").startswith(f"RFQ {rfq.id}\n")
    assert (rfq.buyer_chat_id, [line.text for line in await rfq_lines(bot, rfq.id)]) == (
        group.id,
        [REQUEST],
    )


async def test_in_a_group_rfq_in_reply_to_a_message_asks_for_what_it_says(
    bot: TelegramBot,
) -> None:
    bob, wang = bot.emulator.user("Bob"), bot.emulator.user("Wang")
    group = bot.emulator.group("Hardware team", [bob, wang])
    shopping = await bot.emulator.send_text(wang, group, "100 LM358DR\n2 reels 0402 100nF 50V X7R")

    [status] = await bot.said(bob, "/rfq", chat=group, reply_to=shopping)

    [rfq] = await rfqs(bot)
    assert (status.text or "").startswith(f"RFQ {rfq.id}\n")
    assert rfq.buyer == f"tg:{bob.id}"
    assert [line.text for line in await rfq_lines(bot, rfq.id)] == [
        "100 LM358DR",
        "2 reels 0402 100nF 50V X7R",
    ]


# -- the same update twice -------------------------------------------------------------------


async def test_the_same_message_delivered_again_opens_no_second_rfq(
    bot: TelegramBot, buyer: User, li: User
) -> None:
    sent = await bot.emulator.send_text(buyer, bot.chat(buyer), REQUEST)
    await bot.next_messages(bot.chat(buyer), after=sent)
    await bot.next_messages(bot.chat(li))

    bot.redeliver(sent)
    await bot.settled()

    assert len(await rfqs(bot)) == 1
    assert len(bot.emulator.messages(bot.chat(buyer), after=sent)) == 1
    assert len(bot.emulator.messages(bot.chat(li))) == 1


async def test_the_same_message_delivered_twice_at_once_opens_one_rfq(
    bot: TelegramBot, buyer: User, li: User
) -> None:
    sent = await bot.emulator.send_text(buyer, bot.chat(buyer), REQUEST)
    bot.redeliver(sent)  # before the bot fetched the first: both arrive in one getUpdates
    await bot.settled()
    await bot.next_messages(bot.chat(li))

    assert len(await rfqs(bot)) == 1
    assert len(bot.emulator.messages(bot.chat(buyer), after=sent)) == 1
    assert len(bot.emulator.messages(bot.chat(li))) == 1


# -- buttons ---------------------------------------------------------------------------------


async def test_more_offers_shows_the_next_offers_of_the_line(
    bot: TelegramBot, buyer: User, four_vendors: None
) -> None:
    offers = await ask(bot, buyer, "RC0603FR-0710KL 5000pcs")
    [rfq] = await rfqs(bot)
    assert ("1 more offer", encode(MoreOffers(rfq.id, 1, 1))) in buttons(offers)

    [more] = await press(bot, buyer, offers, "1 more offer")

    assert more.text == (
        "1. 5,000 × RC0603FR-0710KL\n"
        "RC0603FR-0710KL 5000pcs\n"
        "Offer 4 of 4\n\n"
        "#4 · Shenzhen Parts · score 63\n"
        "RC0603FR-0710KL\n"
        "5,000 pcs: $15.00 · $0.003 each\n"
        "50,000 in stock · ships in 3 days\n"
        "4th: $5.50 more than #1 · in stock, ships in 3 days"
    )
    assert [label for label, _data in buttons(more)] == ["#4 Shenzhen Parts"]


def ranking(message: Message) -> list[str]:
    """The vendors of a one-line result, in the order shown ("#2 · Acme · score 52")."""
    return [
        line.split(" · ")[1] for line in (message.text or "").splitlines() if line.startswith("#")
    ]


async def test_sorting_by_fastest_posts_the_offers_fastest_delivery_first(
    bot: TelegramBot, buyer: User, four_vendors: None
) -> None:
    offers = await ask(bot, buyer, "RC0603FR-0710KL 5000pcs")
    [rfq] = await rfqs(bot)
    assert ranking(offers) == ["Longgang Resistors", "Acme Components", "Futian Passives"]

    [fastest] = await press(bot, buyer, offers, "Fastest")

    assert (fastest.text or "").splitlines()[2] == "fastest delivery first"
    assert ranking(fastest) == ["Futian Passives", "Shenzhen Parts", "Acme Components"]
    assert [label for label, _data in buttons(fastest)][-4:] == [
        "Cheapest",
        "✓ Fastest",
        "Most trusted",
        "Export CSV",
    ]
    assert ("1 more offer", encode(MoreOffers(rfq.id, 1, 1, RankOrder.FASTEST))) in buttons(fastest)


async def test_sorting_by_most_trusted_posts_the_best_scored_vendor_first(
    bot: TelegramBot, buyer: User, four_vendors: None
) -> None:
    offers = await ask(bot, buyer, "RC0603FR-0710KL 5000pcs")

    [trusted] = await press(bot, buyer, offers, "Most trusted")

    assert (trusted.text or "").splitlines()[2] == "most trusted vendor first"
    assert ranking(trusted) == ["Shenzhen Parts", "Longgang Resistors", "Acme Components"]
    assert "most trusted vendor (score 63) · in stock, ships in 3 days" in (trusted.text or "")


async def test_export_csv_sends_the_ranked_offers_as_a_csv_document(
    bot: TelegramBot, buyer: User, four_vendors: None
) -> None:
    offers = await ask(bot, buyer, "RC0603FR-0710KL 5000pcs")
    [rfq] = await rfqs(bot)

    [document] = await press(bot, buyer, offers, "Export CSV")

    assert document.document is not None
    assert document.document.file_name == f"rfq-{rfq.id}.csv"
    assert document.document.data.decode("utf-8-sig").splitlines() == [
        "line,request,rank,vendor,mpn,manufacturer,order_quantity,unit_price,currency,total,"
        "original_unit_price,original_currency,stock,lead_time_days,alternative,why",
        "1,RC0603FR-0710KL 5000pcs,1,Longgang Resistors,RC0603FR-0710KL,,5000,0.0019,USD,9.50,"
        '0.0019,USD,50000,30,no,"cheapest total at 5,000 pcs · in stock, ships in 30 days"',
        "1,RC0603FR-0710KL 5000pcs,2,Acme Components,RC0603FR-0710KL,,5000,0.0021,USD,10.50,"
        '0.0021,USD,50000,10,no,"2nd: $1.00 more than #1 · in stock, ships in 10 days"',
        "1,RC0603FR-0710KL 5000pcs,3,Futian Passives,RC0603FR-0710KL,,5000,0.0025,USD,12.50,"
        "0.0025,USD,50000,0,no,3rd: $3.00 more than #1 · in stock",
        "1,RC0603FR-0710KL 5000pcs,4,Shenzhen Parts,RC0603FR-0710KL,,5000,0.003,USD,15.00,"
        '0.003,USD,50000,3,no,"4th: $5.50 more than #1 · in stock, ships in 3 days"',
    ]


async def quoted_by_li(bot: TelegramBot, buyer: User, li: User) -> Message:
    """The buyer asks; Li quotes in yuan (and Acme over HTTP); returns the ranked offers."""
    sent = await bot.emulator.send_text(buyer, bot.chat(buyer), REQUEST)
    await bot.said(li, LI_ANSWER, reply_to=await vendor_rfq(bot, li))
    found = await bot.emulator.wait_for(
        lambda: [m for m in bot.emulator.messages(bot.chat(buyer), after=sent) if is_offers(m)]
    )
    return found[-1]


async def offer_of(bot: TelegramBot, vendor: str) -> int:
    """The id of the vendor's offer (each vendor here makes one)."""
    async with bot.database.session() as session:
        [found] = (
            await session.scalars(
                select(OfferRecord.id)
                .join(Vendor, Vendor.id == OfferRecord.vendor_id)
                .where(Vendor.name == vendor)
            )
        ).all()
    return found


CONFIRM_PROMPT = (
    "Order from Huaqiang Li?\n"
    f"{LINE}\n"
    f"{REQUEST}\n"
    "part number not given\n"
    "5,000 pcs: $9.09 · $0.001819 each (quoted ¥0.015)\n"
    "50,000 in stock · ships now\n\n"
    "If you confirm, Huaqiang Li receives your Telegram contact to arrange price, payment "
    "and delivery with you. Nothing is paid here."
)


async def test_choosing_an_offer_asks_the_buyer_to_confirm_and_tells_nobody_yet(
    bot: TelegramBot, buyer: User, li: User, acme: VendorServer
) -> None:
    offers = await quoted_by_li(bot, buyer, li)
    seen_by_li = len(bot.emulator.messages(bot.chat(li)))

    [prompt] = await press(bot, buyer, offers, "#1 Huaqiang Li")
    await bot.settled()

    offer_id = await offer_of(bot, "Huaqiang Li")
    assert offers.button_data("#1 Huaqiang Li") == encode(ChooseOffer(offer_id))
    assert prompt.text == CONFIRM_PROMPT
    assert buttons(prompt) == [
        ("Confirm order", encode(ConfirmOrder(offer_id))),
        ("Cancel", encode(CancelOrder(offer_id))),
    ]
    [rfq] = await rfqs(bot)
    assert rfq.chosen_offer_id is None
    assert len(bot.emulator.messages(bot.chat(li))) == seen_by_li


async def test_confirming_sends_the_vendor_the_order_with_the_buyers_contact_and_records_it(
    bot: TelegramBot, buyer: User, li: User, acme: VendorServer
) -> None:
    offers = await quoted_by_li(bot, buyer, li)
    [prompt] = await press(bot, buyer, offers, "#1 Huaqiang Li")
    seen_by_li = bot.emulator.messages(bot.chat(li))[-1]

    answer = await bot.emulator.press(buyer, prompt, prompt.button_data("Confirm order"))
    [order] = await bot.next_messages(bot.chat(li), after=seen_by_li)
    await bot.emulator.wait_for(lambda: prompt.edits)

    [rfq] = await rfqs(bot)
    assert answer is not None and answer.text is None
    assert order.text == (
        f"Your offer was chosen: RFQ {rfq.id}\n"
        f"{LINE}\n"
        f"{REQUEST}\n"
        "part number not given\n"
        "5,000 pcs at ¥0.015 each, as you quoted\n\n"
        "Buyer: Bob Buyer (@bob_buys)\n"
        "Please contact the buyer to confirm the order, payment and delivery."
    )
    assert [(e.type, e.url) for e in order.entities if e.type == "text_link"] == [
        ("text_link", f"tg://user?id={buyer.id}")
    ]
    assert prompt.text == (
        "Order sent to Huaqiang Li\n"
        f"{LINE}\n"
        f"{REQUEST}\n"
        "part number not given\n"
        "5,000 pcs: $9.09 · $0.001819 each (quoted ¥0.015)\n\n"
        "Huaqiang Li has your Telegram contact and will get in touch to arrange payment and "
        "delivery."
    )
    assert prompt.buttons() == []
    async with bot.database.session() as session:
        chosen = await session.scalar(
            select(Vendor.chosen_count).where(Vendor.name == "Huaqiang Li")
        )
        intent = await session.scalar(select(OrderIntent))
    assert rfq.chosen_offer_id == await offer_of(bot, "Huaqiang Li")
    assert chosen == 1
    assert intent is not None and (intent.status, intent.buyer_user_id) == ("confirmed", buyer.id)


async def test_cancelling_the_order_sends_nothing_and_records_no_choice(
    bot: TelegramBot, buyer: User, li: User, acme: VendorServer
) -> None:
    offers = await quoted_by_li(bot, buyer, li)
    [prompt] = await press(bot, buyer, offers, "#1 Huaqiang Li")
    seen_by_li = len(bot.emulator.messages(bot.chat(li)))

    await bot.emulator.press(buyer, prompt, prompt.button_data("Cancel"))
    await bot.emulator.wait_for(lambda: prompt.edits)
    await bot.settled()

    assert prompt.text == "Cancelled: nothing was sent. The offers stay open to choose from."
    assert prompt.buttons() == []
    assert len(bot.emulator.messages(bot.chat(li))) == seen_by_li
    [rfq] = await rfqs(bot)
    async with bot.database.session() as session:
        chosen = await session.scalar(
            select(Vendor.chosen_count).where(Vendor.name == "Huaqiang Li")
        )
        intent = await session.scalar(select(OrderIntent))
    assert (rfq.chosen_offer_id, chosen) == (None, 0)
    assert intent is not None and intent.status == "cancelled"


@pytest.mark.parametrize("label", ["#1 Acme Components", "Fastest", "Export CSV"])
async def test_someone_else_pressing_the_buyers_buttons_is_refused_with_a_toast(
    bot: TelegramBot, acme: VendorServer, label: str
) -> None:
    bob, mallory = bot.emulator.user("Bob"), bot.emulator.user("Mallory")
    group = bot.emulator.group("Hardware team", [bob, mallory])
    offers = await ask(bot, bob, f"/rfq {REQUEST}", chat=group)
    seen = bot.emulator.messages(group)[-1]

    answer = await bot.emulator.press(mallory, offers, offers.button_data(label))
    await bot.settled()

    assert answer is not None and answer.text == "Only the buyer who asked can do that."
    assert bot.emulator.messages(group, after=seen) == []
    async with bot.database.session() as session:
        assert await session.scalar(select(func.count()).select_from(OrderIntent)) == 0


# -- long answers and BOM files --------------------------------------------------------------

#: The E24 series of resistor values.
E24 = [1.0, 1.1, 1.2, 1.3, 1.5, 1.6, 1.8, 2.0, 2.2, 2.4, 2.7, 3.0]
E24 += [3.3, 3.6, 3.9, 4.3, 4.7, 5.1, 5.6, 6.2, 6.8, 7.5, 8.2, 9.1]
#: Sixty resistors of a power board, one per line, as a buyer pastes them: "10 pcs 0603 10k 1%".
SIXTY_LINES = [
    f"{10 * number} pcs 0603 {value} 1%"
    for number, value in enumerate(
        [f"{base * 10:g}k" for base in E24]
        + [f"{base * 100:g}k" for base in E24]
        + [f"{base:g}k" for base in E24[:12]],
        start=1,
    )
]


async def test_a_sixty_line_result_is_split_over_messages_each_within_telegrams_limit(
    bot: TelegramBot, buyer: User
) -> None:
    async with VendorServer(answer=quote_every_line(0.0011)) as server:
        await bot.add_http_vendor(server, "Acme Components")
        chat = bot.chat(buyer)
        sent = await bot.emulator.send_text(buyer, chat, "\n".join(SIXTY_LINES))
        [status] = await bot.next_messages(chat, after=sent)
        parts = await ranked_offers(bot, chat, status)

    assert (status.text or "").endswith("\n…and 50 more lines")
    [rfq] = await rfqs(bot)
    assert len(await rfq_lines(bot, rfq.id)) == 60
    assert len(parts) > 1
    sent_texts = [
        call.params["text"] for call in bot.emulator.calls_to("sendMessage")[-len(parts) :]
    ]
    assert all(text_length(text) <= TEXT_LIMIT for text in sent_texts)
    shown = "\n".join(part.text or "" for part in parts)
    assert [line for line in SIXTY_LINES if f"\n{line}\n" not in shown] == []
    choose = [label for part in parts for label, _data in buttons(part) if "·" not in label]
    assert [label for label in choose if label.endswith("Acme Components")] == [
        f"{number}.1 Acme Components" for number in range(1, 61)
    ]


BOM_HEADER = ["Designator", "Footprint", "Quantity", "Value", "LCSC Part #"]


def bom_rows(path: Path) -> list[str]:
    """The part rows of a CSV BOM as written, header left out."""
    return path.read_text(encoding="utf-8-sig").splitlines()[1:]


async def test_a_bom_file_opens_one_rfq_with_a_line_per_row(
    bot: TelegramBot, buyer: User, li: User
) -> None:
    path = shared_file("boms/luluu_2.0__bom.csv")
    sent = await bot.emulator.send_document(buyer, bot.chat(buyer), path.name, path.read_bytes())
    [status] = await bot.next_messages(bot.chat(buyer), after=sent)

    [rfq] = await rfqs(bot)
    lines = await rfq_lines(bot, rfq.id)
    rows = bom_rows(path)
    assert len(rows) == 26
    assert [line.text for line in lines] == rows
    quantities = [int(row["Quantity"]) for row in csv.DictReader(rows, fieldnames=BOM_HEADER)]
    assert [line.request.get("quantity") for line in lines] == quantities
    assert (status.text or "").startswith(f"RFQ {rfq.id}\nAsking 1 vendor… 0 answered · 0 offers\n")
    assert (status.text or "").endswith("…and 16 more lines")
    assert status.reply_to is sent


async def test_rows_of_a_bom_with_nothing_to_buy_are_counted_back_to_the_buyer(
    bot: TelegramBot, buyer: User, li: User
) -> None:
    path = shared_file("boms/glasgow_revC3__bom.csv")
    sent = await bot.emulator.send_document(buyer, bot.chat(buyer), path.name, path.read_bytes())

    def replies_once_both_came() -> list[str] | None:
        replies = [m.text or "" for m in bot.emulator.messages(bot.chat(buyer), after=sent)]
        return replies if len(replies) >= 2 else None

    replies = await bot.emulator.wait_for(replies_once_both_came)
    assert sorted(text.startswith("RFQ ") for text in replies) == [False, True]
    assert "Not asked for, as nothing to buy: 4 rows marked DNP (not fitted)." in replies


async def test_a_chinese_buyer_reads_the_rows_with_nothing_to_buy_in_chinese() -> None:
    [message] = skipped_rows(translator("zh"), Skipped(dnp=4, board_features=8, alternates=1))
    assert message.text == (
        "以下无需采购，未加入询价：4 行标为 DNP（不贴）、8 个板上元素（安装孔、Mark 点、测试点）、"
        "1 个上一行的替代料号。"
    )


#: A BOM exported by hand: two rows name no part at all (rows 3 and 5 of the file).
BROKEN_BOM = "\n".join(
    [
        "Designator,Quantity,Value,Footprint,MPN",
        "R1 R2,2,10k,0603,",
        "U1,1,,,",
        "C2,4,1uF,0603,",
        "J1,1,,,",
    ]
)


async def test_a_bom_file_with_unreadable_rows_lists_them_back_and_quotes_the_others(
    bot: TelegramBot, buyer: User, li: User
) -> None:
    sent = await bot.emulator.send_document(
        buyer, bot.chat(buyer), "power-board.csv", BROKEN_BOM.encode()
    )
    await bot.emulator.wait_for(lambda: len(bot.emulator.messages(bot.chat(buyer), after=sent)) > 1)
    unread, status, *_offers = bot.emulator.messages(bot.chat(buyer), after=sent)

    assert unread.text == (
        "I could not read these 2 rows of your file, so they are not in the request:\n"
        "Row 3: U1,1,,,\n"
        "Row 5: J1,1,,,\n"
        "Send them as a message if you still need them."
    )
    [rfq] = await rfqs(bot)
    assert [line.text for line in await rfq_lines(bot, rfq.id)] == [
        "R1 R2,2,10k,0603,",
        "C2,4,1uF,0603,",
    ]
    assert (status.text or "").startswith(f"RFQ {rfq.id}\n")


async def test_a_bom_file_delivered_again_lists_its_unreadable_rows_once(
    bot: TelegramBot, buyer: User, li: User
) -> None:
    sent = await bot.emulator.send_document(
        buyer, bot.chat(buyer), "power-board.csv", BROKEN_BOM.encode()
    )
    await bot.settled()
    answers = [m.text for m in bot.emulator.messages(bot.chat(buyer), after=sent)]

    bot.redeliver(sent)
    await bot.settled()

    assert len(await rfqs(bot)) == 1
    assert [m.text for m in bot.emulator.messages(bot.chat(buyer), after=sent)] == answers


async def test_a_document_that_is_not_a_bom_gets_the_unreadable_file_reply(
    bot: TelegramBot, buyer: User
) -> None:
    notes = b"Call Li tomorrow about the reels\nand the invoice\n"

    sent = await bot.emulator.send_document(buyer, bot.chat(buyer), "notes.txt", notes)
    [reply] = await bot.next_messages(bot.chat(buyer), after=sent)

    assert reply.text == (
        "I could not read that file: “notes.txt” has no header row naming its columns. "
        "Please add one, for example: Designator, Qty, Value, Footprint, MPN."
    )
    assert await rfqs(bot) == []


async def test_a_chinese_buyer_is_told_in_chinese_why_a_photo_is_no_bom(
    bot: TelegramBot, wei: User
) -> None:
    photo = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + bytes(200)

    sent = await bot.emulator.send_document(wei, bot.chat(wei), "bom.jpg", photo)
    [reply] = await bot.next_messages(bot.chat(wei), after=sent)

    assert (reply.text or "").startswith("无法读取这个文件：")
    assert "is an image" not in (reply.text or ""), reply.text


# -- escaping --------------------------------------------------------------------------------


async def test_the_buyers_text_comes_back_html_escaped(
    bot: TelegramBot, buyer: User, acme: VendorServer
) -> None:
    text = "0603 10k 1% 5000pcs <b>&"

    offers = await ask(bot, buyer, text)

    assert f"\n{text}\n" in (offers.text or "")
    sent = bot.emulator.calls_to("sendMessage")[-1].params["text"]
    assert "<i>0603 10k 1% 5000pcs &lt;b&gt;&amp;</i>" in sent

"""The Telegram Bot API emulator, driven by a real python-telegram-bot v22 Application.

The bot under test talks HTTP to the emulator on 127.0.0.1, through `base_url` and
`base_file_url` exactly as TELEGRAM_API_URL points the sourcing bot at a Bot API server. It is a
tiny bot: it echoes text in HTML under two buttons, answers the buttons, reads the documents
people send, exports a CSV and opens an "RFQ" on /rfq. Errors are checked against Telegram's
own wording, as python-telegram-bot raises them.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    RetryAfter,
)
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.telegram_emulator import EmulatorTimeout, Entity, FloodLimits, TelegramEmulator
from bot.telegram_emulator.entities import parse_html
from bot.telegram_emulator.errors import BotApiError
from bot.telegram_emulator.limits import FloodControl

TOKEN = "7301554120:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
BOT_NAME = "sourcing_test_bot"
NOT_MODIFIED = (
    "Message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)
BUTTONS = InlineKeyboardMarkup(
    [
        [InlineKeyboardButton("Refresh", callback_data="refresh")],
        [InlineKeyboardButton("Done", callback_data="done")],
    ]
)
BOM = b"Designator,Qty,Value,Footprint\nR1 R2 R7,3,10k,0603\nC4,1,100nF,0402\n"
OFFERS_CSV = b"vendor,mpn,unit_price,currency\nLCSC,0603WAF1002T5E,0.0021,USD\n"

# -- the bot under test ------------------------------------------------------------------------


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None and message.text is not None
    await message.reply_html(
        f"You asked for <b>{html.escape(message.text)}</b>", reply_markup=BUTTONS
    )


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    if query.data == "done":
        await query.answer("Closed")
        await query.edit_message_text("Closed.")
    else:
        await query.answer("Up to date")


async def read_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None and message.document is not None
    file = await message.document.get_file()
    rows = bytes(await file.download_as_bytearray()).decode().splitlines()[1:]
    await message.reply_text(f"{message.document.file_name}: {len(rows)} lines read")


async def export(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None
    await message.reply_document(OFFERS_CSV, filename="offers.csv", caption="1 offer")


async def open_rfq(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None
    await message.reply_text(f"RFQ opened: {' '.join(context.args or [])}")


async def status(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    assert message is not None
    await message.reply_text("Asking 3 vendors…")
    await message.reply_text("3 of 3 vendors answered")


def build_application(
    emulator: TelegramEmulator, *, rate_limiter: AIORateLimiter | None = None, polling: bool = True
) -> Application[Any, Any, Any, Any, Any, Any]:
    builder = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(f"{emulator.api_url}/bot")
        .base_file_url(f"{emulator.api_url}/file/bot")
    )
    if rate_limiter is not None:
        builder = builder.rate_limiter(rate_limiter)
    if not polling:
        builder = builder.updater(None)
    application = builder.build()
    application.add_handler(CommandHandler("rfq", open_rfq))
    application.add_handler(CommandHandler("export", export))
    application.add_handler(CommandHandler("status", status))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    application.add_handler(MessageHandler(filters.Document.ALL, read_document))
    application.add_handler(CallbackQueryHandler(on_button))
    return application


@asynccontextmanager
async def running_bot(
    emulator: TelegramEmulator, *, rate_limiter: AIORateLimiter | None = None
) -> AsyncIterator[Application[Any, Any, Any, Any, Any, Any]]:
    application = build_application(emulator, rate_limiter=rate_limiter)
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0)
        try:
            yield application
        finally:
            await application.updater.stop()
            await application.stop()


@pytest.fixture(autouse=True)
def retry_after_as_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    """python-telegram-bot's coming RetryAfter type, which also silences its warning."""
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


@pytest.fixture
async def emulator() -> AsyncIterator[TelegramEmulator]:
    async with TelegramEmulator() as running:
        running.add_bot(TOKEN, BOT_NAME)
        yield running


@pytest.fixture
async def bot(emulator: TelegramEmulator) -> AsyncIterator[Bot]:
    """The bot's own client, for calls made outside any handler."""
    async with Bot(
        TOKEN,
        base_url=f"{emulator.api_url}/bot",
        base_file_url=f"{emulator.api_url}/file/bot",
    ) as client:
        yield client


# -- through the Application -----------------------------------------------------------------


async def test_a_persons_text_reaches_the_bot_and_its_html_reply_reaches_the_person(
    emulator: TelegramEmulator,
) -> None:
    alice = emulator.user("Alice", username="alice_buyer")
    chat = emulator.private_chat(alice)
    async with running_bot(emulator):
        sent = await emulator.send_text(alice, chat, "500 pcs 0603 10k 1%")
        [reply] = await emulator.wait_for(lambda: emulator.messages(chat, after=sent))

    assert reply.sender.username == BOT_NAME
    assert reply.text == "You asked for 500 pcs 0603 10k 1%"
    assert reply.entities == [Entity("bold", 14, 19)]
    assert [button.callback_data for button in reply.buttons()] == ["refresh", "done"]


async def test_pressing_a_button_returns_the_bots_callback_answer_and_its_edit(
    emulator: TelegramEmulator,
) -> None:
    alice = emulator.user("Alice")
    chat = emulator.private_chat(alice)
    async with running_bot(emulator):
        sent = await emulator.send_text(alice, chat, "100 pcs 0402 100nF")
        [reply] = await emulator.wait_for(lambda: emulator.messages(chat, after=sent))
        answer = await emulator.press(alice, reply, reply.button_data("Done"))
        await emulator.wait_for(lambda: reply.text == "Closed.")

    assert answer is not None and answer.text == "Closed"
    assert reply.reply_markup is None
    assert [version.text for version in reply.edits] == ["You asked for 100 pcs 0402 100nF"]
    assert [call.ok for call in emulator.calls_to("answerCallbackQuery")] == [True]


async def test_a_document_a_person_sends_is_downloaded_by_the_bot_through_get_file(
    emulator: TelegramEmulator,
) -> None:
    alice = emulator.user("Alice")
    chat = emulator.private_chat(alice)
    async with running_bot(emulator):
        sent = await emulator.send_document(alice, chat, "bom.csv", BOM)
        [reply] = await emulator.wait_for(lambda: emulator.messages(chat, after=sent))

    assert reply.text == "bom.csv: 2 lines read"
    [get_file] = emulator.calls_to("getFile")
    [download] = emulator.calls_to("downloadFile")
    assert get_file.result["file_size"] == len(BOM)
    assert download.params == {"file_path": get_file.result["file_path"]}


async def test_a_document_the_bot_uploads_arrives_with_its_name_caption_and_bytes(
    emulator: TelegramEmulator,
) -> None:
    alice = emulator.user("Alice")
    chat = emulator.private_chat(alice)
    async with running_bot(emulator):
        sent = await emulator.send_text(alice, chat, "/export")
        [reply] = await emulator.wait_for(lambda: emulator.messages(chat, after=sent))

    assert reply.document is not None
    assert (reply.document.file_name, reply.document.mime_type) == ("offers.csv", "text/csv")
    assert reply.document.data == OFFERS_CSV
    assert reply.caption == "1 offer"


async def test_a_command_addressed_to_the_bot_in_a_group_reaches_it_in_privacy_mode(
    emulator: TelegramEmulator,
) -> None:
    alice = emulator.user("Alice")
    group = emulator.group("Shenzhen sourcing", [alice])
    async with running_bot(emulator):
        sent = await emulator.send_text(alice, group, f"/rfq@{BOT_NAME} 0603 10k 500pcs")
        [reply] = await emulator.wait_for(lambda: emulator.messages(group, after=sent))

    assert sent.entities == [Entity("bot_command", 0, 22)]
    assert reply.text == "RFQ opened: 0603 10k 500pcs"


async def test_the_rate_limiter_waits_out_retry_after_and_both_messages_arrive(
    emulator: TelegramEmulator,
) -> None:
    alice = emulator.user("Alice")
    chat = emulator.private_chat(alice)
    emulator.flood_limits = FloodLimits(per_chat_per_second=1)
    async with running_bot(emulator, rate_limiter=AIORateLimiter(max_retries=2)):
        sent = await emulator.send_text(alice, chat, "/status")
        await emulator.wait_for(lambda: len(emulator.messages(chat, after=sent)) == 2)
        replies = emulator.messages(chat, after=sent)

    assert [reply.text for reply in replies] == ["Asking 3 vendors…", "3 of 3 vendors answered"]
    assert [call.error_code for call in emulator.calls_to("sendMessage")] == [None, 429, None]


async def test_a_webhook_receives_updates_posted_with_the_secret_token(
    emulator: TelegramEmulator,
) -> None:
    application = build_application(emulator, polling=False)
    secrets: list[str | None] = []

    async def webhook(request: web.Request) -> web.Response:
        secrets.append(request.headers.get("X-Telegram-Bot-Api-Secret-Token"))
        update = Update.de_json(await request.json(), application.bot)
        await application.update_queue.put(update)
        return web.Response()

    site = web.Application()
    site.router.add_post("/telegram/webhook", webhook)
    alice = emulator.user("Alice")
    chat = emulator.private_chat(alice)
    async with TestServer(site, host="127.0.0.1") as server, application:
        await application.start()
        url = str(server.make_url("/telegram/webhook"))
        await application.bot.set_webhook(url, secret_token="s3cret-Token_1")
        sent = await emulator.send_text(alice, chat, "2000 pcs 0805 1uF")
        [reply] = await emulator.wait_for(lambda: emulator.messages(chat, after=sent))
        info = await application.bot.get_webhook_info()
        await application.stop()

    assert secrets == ["s3cret-Token_1"]
    assert reply.text == "You asked for 2000 pcs 0805 1uF"
    assert (info.url, info.pending_update_count) == (url, 0)


async def test_a_webhook_that_fails_gets_the_update_again_and_the_failure_is_reported() -> None:
    statuses = [500, 200]
    received: list[str] = []

    async def webhook(request: web.Request) -> web.Response:
        received.append((await request.json())["message"]["text"])
        return web.Response(status=statuses.pop(0))

    site = web.Application()
    site.router.add_post("/telegram/webhook", webhook)
    async with TelegramEmulator(webhook_retry_delay=0) as emulator:
        emulator.add_bot(TOKEN, BOT_NAME)
        alice = emulator.user("Alice")
        chat = emulator.private_chat(alice)
        async with (
            TestServer(site, host="127.0.0.1") as server,
            Bot(TOKEN, base_url=f"{emulator.api_url}/bot") as bot,
        ):
            await bot.set_webhook(str(server.make_url("/telegram/webhook")))
            await emulator.send_text(alice, chat, "10 pcs STM32F103C8T6")
            await emulator.wait_for(lambda: not emulator.bot().updates.pending)
            info = await bot.get_webhook_info()

    assert received == ["10 pcs STM32F103C8T6", "10 pcs STM32F103C8T6"]
    assert info.last_error_message == "Wrong response from the webhook: 500 Internal Server Error"


# -- the Bot API's answers ------------------------------------------------------------------


async def test_get_updates_is_refused_while_a_webhook_is_set(bot: Bot) -> None:
    await bot.set_webhook("http://127.0.0.1:9/telegram/webhook")

    with pytest.raises(Conflict) as refused:
        await bot.get_updates()

    assert refused.value.message == (
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to "
        "delete the webhook first"
    )


async def test_a_long_poll_returns_as_soon_as_an_update_arrives(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    chat = emulator.private_chat(alice)
    poll = asyncio.create_task(bot.get_updates(timeout=60))
    await emulator.wait_for(lambda: emulator.bot().updates.polling)

    await emulator.send_text(alice, chat, "0603 10k")
    updates = await asyncio.wait_for(poll, 10)

    assert [update.message.text for update in updates if update.message] == ["0603 10k"]


async def test_a_second_poller_terminates_the_first_with_conflict(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=60))
    await emulator.wait_for(lambda: emulator.bot().updates.polling)
    async with Bot(TOKEN, base_url=f"{emulator.api_url}/bot") as second_instance:
        await second_instance.get_updates(timeout=0)

    with pytest.raises(Conflict) as refused:
        await first

    assert refused.value.message == (
        "Conflict: terminated by other getUpdates request; make sure that only one bot "
        "instance is running"
    )


async def test_confirmed_updates_are_not_delivered_again(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    chat = emulator.private_chat(alice)
    await emulator.send_text(alice, chat, "first")
    [first] = await bot.get_updates(timeout=0)
    await emulator.send_text(alice, chat, "second")

    updates = await bot.get_updates(offset=first.update_id + 1, timeout=0)

    assert [update.message.text for update in updates if update.message] == ["second"]


async def test_update_types_left_out_of_allowed_updates_are_not_created(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    chat = emulator.private_chat(alice)
    await bot.get_updates(timeout=0, allowed_updates=["message"])
    sent = await bot.send_message(alice.id, "Pick an offer", reply_markup=BUTTONS)

    answer = await emulator.press(alice, chat.messages[sent.message_id], "refresh", timeout=0)
    await emulator.send_text(alice, chat, "the first one")

    assert answer is None
    assert [list(update)[1] for update in emulator.bot().updates.pending] == ["message"]


async def test_an_edit_to_the_current_content_is_refused_as_not_modified(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    emulator.private_chat(alice)
    sent = await bot.send_message(alice.id, "Asking 12 vendors… 3 answered")

    with pytest.raises(BadRequest) as refused:
        await bot.edit_message_text(
            "Asking 12 vendors… 3 answered", chat_id=alice.id, message_id=sent.message_id
        )

    assert refused.value.message == NOT_MODIFIED
    [call] = emulator.calls_to("editMessageText")
    assert (call.error_code, call.description) == (
        400,
        "Bad Request: message is not modified: specified new message content and reply markup "
        "are exactly the same as a current content and reply markup of the message",
    )


async def test_an_edit_shows_the_new_text_keeps_the_old_one_and_drops_an_unrepeated_keyboard(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    chat = emulator.private_chat(alice)
    sent = await bot.send_message(alice.id, "Asking 12 vendors… 3 answered", reply_markup=BUTTONS)

    edited = await bot.edit_message_text(
        "Asking 12 vendors… 7 answered", chat_id=alice.id, message_id=sent.message_id
    )

    [seen] = emulator.messages(chat)
    assert seen.text == "Asking 12 vendors… 7 answered" and seen.reply_markup is None
    assert [(old.text, old.reply_markup) for old in seen.edits] == [
        ("Asking 12 vendors… 3 answered", BUTTONS.to_dict())
    ]
    assert edited.text == "Asking 12 vendors… 7 answered" and edited.edit_date is not None


async def test_an_edit_of_the_keyboard_alone_replaces_it(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    chat = emulator.private_chat(alice)
    sent = await bot.send_message(alice.id, "3 offers for 0603 10k", reply_markup=BUTTONS)
    cheapest = InlineKeyboardMarkup([[InlineKeyboardButton("Cheapest", callback_data="sort:p")]])

    await bot.edit_message_reply_markup(alice.id, sent.message_id, reply_markup=cheapest)

    [seen] = emulator.messages(chat)
    assert [button.text for button in seen.buttons()] == ["Cheapest"]


async def test_a_text_of_4096_characters_is_sent(emulator: TelegramEmulator, bot: Bot) -> None:
    alice = emulator.user("Alice")
    emulator.private_chat(alice)

    sent = await bot.send_message(alice.id, ("R1 10k;" * 600)[:4096])

    assert sent.text is not None and len(sent.text) == 4096


async def test_a_text_of_4097_characters_is_refused_as_too_long(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    emulator.private_chat(alice)

    with pytest.raises(BadRequest) as refused:
        await bot.send_message(alice.id, ("R1 10k;" * 600)[:4097])

    assert refused.value.message == "Message is too long"
    assert emulator.calls_to("sendMessage")[0].description == "Bad Request: message is too long"


async def test_the_text_limit_counts_what_remains_after_html_markup(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    emulator.private_chat(alice)

    sent = await bot.send_message(alice.id, "<b>" + "x" * 4096 + "</b>", parse_mode=ParseMode.HTML)

    assert sent.text is not None and len(sent.text) == 4096


async def test_callback_data_of_65_bytes_is_refused_as_button_data_invalid(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    emulator.private_chat(alice)
    button = InlineKeyboardButton("Choose", callback_data="choose:" + "7" * 58)

    with pytest.raises(BadRequest) as refused:
        await bot.send_message(
            alice.id, "LCSC 0.0021 USD", reply_markup=InlineKeyboardMarkup([[button]])
        )

    assert refused.value.message == "Button_data_invalid"
    assert emulator.calls_to("sendMessage")[0].description == "Bad Request: BUTTON_DATA_INVALID"


async def test_callback_data_is_measured_in_bytes_not_characters(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    emulator.private_chat(alice)
    button = InlineKeyboardButton("选择", callback_data="选" * 22)

    with pytest.raises(BadRequest, match=r"^Button_data_invalid$"):
        await bot.send_message(
            alice.id, "22 characters, 66 bytes", reply_markup=InlineKeyboardMarkup([[button]])
        )


async def test_flood_control_answers_429_with_retry_after_in_telegrams_envelope(
    emulator: TelegramEmulator,
) -> None:
    alice = emulator.user("Alice")
    emulator.private_chat(alice)
    emulator.flood_limits = FloodLimits(per_chat_per_second=1)
    url = f"{emulator.api_url}/bot{TOKEN}/sendMessage"

    async with aiohttp.ClientSession() as session:
        async with session.post(url, json={"chat_id": alice.id, "text": "RFQ #1"}) as first:
            assert first.status == 200
        async with session.post(url, json={"chat_id": alice.id, "text": "RFQ #2"}) as second:
            status, body = second.status, await second.json()

    assert status == 429
    assert body == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 1",
        "parameters": {"retry_after": 1},
    }


async def test_python_telegram_bot_raises_retry_after_under_flood_control(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    emulator.private_chat(alice)
    emulator.flood_limits = FloodLimits(per_chat_per_second=1)
    await bot.send_message(alice.id, "Offer 1 of 2")

    with pytest.raises(RetryAfter):
        await bot.send_message(alice.id, "Offer 2 of 2")


def test_a_group_gets_twenty_messages_a_minute_then_waits_for_the_oldest_to_age() -> None:
    now = [0.0]
    flood = FloodControl(
        FloodLimits(per_chat_per_second=None, per_group_per_minute=20, overall_per_second=None),
        clock=lambda: now[0],
    )
    for second in range(20):
        now[0] = float(second)
        flood.admit(-4000001, is_group=True)
    now[0] = 19.5

    with pytest.raises(BotApiError) as refused:
        flood.admit(-4000001, is_group=True)

    assert refused.value.parameters == {"retry_after": 41}


async def test_sending_to_a_person_who_blocked_the_bot_is_forbidden(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    emulator.private_chat(alice)
    emulator.block(alice)

    with pytest.raises(Forbidden) as refused:
        await bot.send_message(alice.id, "Your offer was chosen")

    assert refused.value.message == "Forbidden: bot was blocked by the user"
    assert emulator.calls_to("sendMessage")[0].error_code == 403


async def test_blocking_the_bot_sends_it_a_my_chat_member_update(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    emulator.private_chat(alice)
    emulator.block(alice)

    [update] = await bot.get_updates(timeout=0)

    assert update.my_chat_member is not None
    assert update.my_chat_member.new_chat_member.status == "kicked"


async def test_a_bot_cannot_write_first_to_a_person_who_never_opened_its_chat(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    bob = emulator.user("Bob")
    emulator.group("Vendors", [bob])

    with pytest.raises(Forbidden) as refused:
        await bot.send_message(bob.id, "Please register as a vendor")

    assert refused.value.message == "Forbidden: bot can't initiate conversation with a user"


async def test_a_group_upgraded_to_a_supergroup_answers_with_the_new_chat_id(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    group = emulator.group("Vendors CN", [alice])
    supergroup = emulator.migrate_to_supergroup(group)

    with pytest.raises(ChatMigrated) as refused:
        await bot.send_message(group.id, "RFQ #7: 0603 10k")
    sent = await bot.send_message(refused.value.new_chat_id, "RFQ #7: 0603 10k")

    assert refused.value.new_chat_id == supergroup.id and str(supergroup.id).startswith("-100")
    assert sent.chat.type == "supergroup"
    assert emulator.calls_to("sendMessage")[0].description == (
        "Bad Request: group chat was upgraded to a supergroup chat"
    )


async def test_a_bot_removed_from_a_group_is_told_it_was_kicked(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    group = emulator.group("Vendors HK", [alice])
    emulator.remove_bot(group)

    with pytest.raises(Forbidden) as refused:
        await bot.send_message(group.id, "RFQ #8")

    assert refused.value.message == "Forbidden: bot was kicked from the group chat"


async def test_html_with_an_unescaped_angle_bracket_is_refused_as_telegram_refuses_it(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    emulator.private_chat(alice)

    with pytest.raises(BadRequest) as refused:
        await bot.send_message(alice.id, "Need <10k> resistors", parse_mode=ParseMode.HTML)

    assert emulator.calls_to("sendMessage")[0].description == (
        'Bad Request: can\'t parse entities: Unsupported start tag "10k" at byte offset 5'
    )
    assert refused.value.message == (
        'Can\'t parse entities: unsupported start tag "10k" at byte offset 5'
    )


@pytest.mark.parametrize(
    ("markup", "reason"),
    [
        ("<b>0603 10k", "Can't find end tag corresponding to start tag b"),
        ("<b>10k</i>", 'Unmatched end tag at byte offset 6, expected "</b>", found "</i>"'),
        ("0603 10k</b>", "Unexpected end tag at byte offset 8"),
        ("price <", "Unclosed start tag at byte offset 6"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("单价 <p>0.01元</p>", 'Unsupported start tag "p" at byte offset 7'),
    ],
)
def test_html_errors_are_worded_and_placed_as_telegram_words_them(markup: str, reason: str) -> None:
    with pytest.raises(BotApiError) as refused:
        parse_html(markup)

    assert refused.value.description == f"Bad Request: can't parse entities: {reason}"


def test_html_entities_are_decoded_and_offsets_counted_in_utf16_units() -> None:
    text, entities = parse_html(
        '📦 <b>0603 10k</b> &lt;1% &amp; <a href="https://lcsc.com/">LCSC</a>'
    )

    assert text == "📦 0603 10k <1% & LCSC"
    assert entities == [
        Entity("bold", 3, 8),
        Entity("text_link", 18, 4, url="https://lcsc.com/"),
    ]


async def test_an_unknown_file_id_is_refused_by_get_file_and_send_document(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    emulator.private_chat(alice)

    with pytest.raises(BadRequest, match=r"^Invalid file_id$"):
        await bot.get_file("BQACAgIAAxkBAAI99999999")
    with pytest.raises(BadRequest, match=r"^Wrong file identifier/http url specified$"):
        await bot.send_document(alice.id, "BQACAgIAAxkBAAI99999999")


async def test_commands_are_kept_per_language(bot: Bot) -> None:
    await bot.set_my_commands([BotCommand("rfq", "Ask vendors for a quote")])
    await bot.set_my_commands([BotCommand("rfq", "向供应商询价")], language_code="zh")

    chinese = await bot.get_my_commands(language_code="zh")
    english = await bot.get_my_commands()

    assert [(c.command, c.description) for c in chinese] == [("rfq", "向供应商询价")]
    assert [(c.command, c.description) for c in english] == [("rfq", "Ask vendors for a quote")]


async def test_a_command_name_telegram_does_not_allow_is_refused(bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"^Bot_command_invalid$"):
        await bot.set_my_commands([BotCommand("Quote-Now", "Ask vendors for a quote")])


async def test_a_chat_action_shows_in_the_chat_and_an_unknown_one_is_refused(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    chat = emulator.private_chat(alice)

    await bot.send_chat_action(alice.id, ChatAction.UPLOAD_DOCUMENT)
    with pytest.raises(BadRequest, match=r"^Wrong parameter action in request$"):
        await bot.send_chat_action(alice.id, "dancing")

    assert chat.action == "upload_document"


async def test_a_reply_to_a_missing_message_is_refused_unless_allowed_without_it(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    emulator.private_chat(alice)

    with pytest.raises(BadRequest, match=r"^Message to be replied not found$"):
        await bot.send_message(alice.id, "Noted", reply_to_message_id=404)
    sent = await bot.send_message(
        alice.id, "Noted", reply_to_message_id=404, allow_sending_without_reply=True
    )

    assert sent.reply_to_message is None


async def test_an_unknown_token_is_unauthorized(emulator: TelegramEmulator) -> None:
    stranger = Bot("111:unknown-token", base_url=f"{emulator.api_url}/bot")

    with pytest.raises(InvalidToken):
        await stranger.initialize()


async def test_json_bodies_are_answered_in_telegrams_envelope(emulator: TelegramEmulator) -> None:
    alice = emulator.user("Alice", username="alice_buyer")
    emulator.private_chat(alice)
    url = f"{emulator.api_url}/bot{TOKEN}"
    markup = {"inline_keyboard": [[{"text": "Choose", "callback_data": "choose:1"}]]}

    async with aiohttp.ClientSession() as session:
        async with session.post(
            f"{url}/sendMessage",
            json={"chat_id": alice.id, "text": "LCSC 0.0021 USD", "reply_markup": markup},
        ) as sent:
            body = await sent.json()
        async with session.post(f"{url}/sendMessage", json={"chat_id": alice.id}) as empty:
            refusal = await empty.json()
        async with session.post(f"{url}/sendQuote", json={}) as unknown:
            missing = (unknown.status, await unknown.json())

    assert body["ok"] is True
    assert body["result"]["text"] == "LCSC 0.0021 USD"
    assert body["result"]["reply_markup"] == markup
    assert body["result"]["chat"] == {
        "id": alice.id,
        "type": "private",
        "first_name": "Alice",
        "username": "alice_buyer",
    }
    assert refusal == {
        "ok": False,
        "error_code": 400,
        "description": "Bad Request: message text is empty",
    }
    assert missing == (404, {"ok": False, "error_code": 404, "description": "Not Found"})


# -- the people's side ------------------------------------------------------------------------


async def test_privacy_mode_keeps_ordinary_group_chatter_from_the_bot(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice, bob = emulator.user("Alice"), emulator.user("Bob")
    group = emulator.group("Shenzhen vendors", [alice, bob])
    posted = await bot.send_message(group.id, "RFQ #12: 500 pcs 0603 10k")

    await emulator.send_text(bob, group, "anyone has 0603 10k?")
    await emulator.send_text(bob, group, "/rfq 0402 100nF")
    await emulator.send_text(alice, group, f"@{BOT_NAME} 0805 1uF please")
    await emulator.send_text(
        alice, group, "0.0021 USD, 50k in stock", group.messages[posted.message_id]
    )

    assert [update["message"]["text"] for update in emulator.bot().updates.pending] == [
        "/rfq 0402 100nF",
        f"@{BOT_NAME} 0805 1uF please",
        "0.0021 USD, 50k in stock",
    ]


async def test_a_persons_mentions_and_commands_get_entities_in_utf16_units(
    emulator: TelegramEmulator,
) -> None:
    alice = emulator.user("Alice")
    chat = emulator.private_chat(alice)

    sent = await emulator.send_text(alice, chat, "📦 /rfq 0603 for @lcsc_sales")

    assert sent.entities == [Entity("bot_command", 3, 4), Entity("mention", 17, 11)]


async def test_waiting_for_what_never_happens_ends_in_a_timeout(
    emulator: TelegramEmulator,
) -> None:
    alice = emulator.user("Alice")
    chat = emulator.private_chat(alice)

    with pytest.raises(EmulatorTimeout, match="condition still false after 0 s"):
        await emulator.wait_for(lambda: emulator.messages(chat), timeout=0)


async def test_a_person_can_press_only_a_button_the_message_has(
    emulator: TelegramEmulator, bot: Bot
) -> None:
    alice = emulator.user("Alice")
    chat = emulator.private_chat(alice)
    sent = await bot.send_message(alice.id, "Pick an offer", reply_markup=BUTTONS)

    with pytest.raises(ValueError, match="has no button 'choose:9'"):
        await emulator.press(alice, chat.messages[sent.message_id], "choose:9")

"""Buyers in the chat: /start, /help, /lang, requests as text or BOM files, and the buttons.

Any text in a private chat is a request, unless it is a vendor answering an RFQ; in a
group the bot listens when it is mentioned, replied to, or called with /rfq. A message
the bot cannot read gets a friendly reply with examples and nothing else happens. The
same message delivered twice opens one RFQ.
"""

from __future__ import annotations

import asyncio
import logging
import re

from sqlalchemy import select
from telegram import InlineKeyboardMarkup, Message, Update, User
from telegram.constants import ChatType, MessageEntityType
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.models import OfferRecord, OrderIntent, OrderStatus, Rfq, TelegramChat, Vendor
from bot.ranking import RankedOffer
from bot.rfqs.engine import AlreadyOpened, NothingToQuote
from bot.rfqs.results import LineResult, rank_rfq
from catalogue.boms import BomError, BomProblem, read_bom
from catalogue.models import utcnow
from catalogue.parser import ParsedItem, parse_message
from handlers import render
from handlers.callbacks import (
    CancelOrder,
    ChooseOffer,
    ConfirmOrder,
    ExportCsv,
    MoreOffers,
    SetLanguage,
    SortOffers,
    decode,
)
from handlers.context import BotContext, bot_context, remember_chat, update_translator
from handlers.csv_export import csv_filename, rfq_csv
from handlers.i18n import Translator, translator
from handlers.live import post_results
from handlers.render.orders import BuyerContact

log = logging.getLogger(__name__)

#: Largest BOM file read (Telegram bots may download up to 20 MB).
MAX_BOM_BYTES = 5 * 1024 * 1024

_BUYER_CALLBACKS = (ChooseOffer, ConfirmOrder, CancelOrder, MoreOffers, SortOffers, ExportCsv)


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("help", help_command))
    application.add_handler(CommandHandler("lang", lang))
    application.add_handler(CommandHandler("rfq", rfq_command))
    application.add_handler(MessageHandler(filters.Document.ALL, bom_file))
    application.add_handler(
        MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, private_text)
    )
    application.add_handler(
        MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.GROUPS, group_text)
    )
    application.add_handler(
        CallbackQueryHandler(
            buyer_button, pattern=lambda data: isinstance(decode(str(data)), _BUYER_CALLBACKS)
        )
    )
    application.add_handler(
        CallbackQueryHandler(
            language_button, pattern=lambda data: isinstance(decode(str(data)), SetLanguage)
        )
    )
    # Last of all: a command no handler above took. In groups only when it names this bot,
    # since "/stats" there may be meant for another bot.
    application.add_handler(MessageHandler(filters.COMMAND, unknown_command))


# -- commands --------------------------------------------------------------------------


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    from handlers.vendor_chats import handle_start_payload

    bctx = bot_context(context)
    if update.effective_chat is not None:
        await remember_chat(bctx, update.effective_chat, update.effective_user)
    if context.args and await handle_start_payload(update, context, context.args[0]):
        return
    await _reply(bctx, update, render.welcome(await update_translator(bctx, update)))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bctx = bot_context(context)
    await _reply(bctx, update, render.welcome(await update_translator(bctx, update)))


async def lang(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bctx = bot_context(context)
    prompt = render.language_prompt(await update_translator(bctx, update))
    await _reply(bctx, update, prompt.text, prompt.keyboard)


async def rfq_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/rfq TEXT, or /rfq in reply to a message holding the request."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    text = message.text.partition(" ")[2].strip()
    if not text and message.reply_to_message is not None:
        text = message.reply_to_message.text or message.reply_to_message.caption or ""
    await _request(update, context, text)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command the bot does not have gets told so, with the way to what it does have."""
    bctx = bot_context(context)
    message = update.effective_message
    chat = update.effective_chat
    if message is None or message.text is None or chat is None:
        return
    command, _, addressee = message.text.split(maxsplit=1)[0].partition("@")
    if chat.type != ChatType.PRIVATE and addressee.lower() != bctx.username.lower():
        return
    await _reply(
        bctx, update, render.unknown_command(await update_translator(bctx, update), command)
    )


# -- requests --------------------------------------------------------------------------


async def private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    from handlers.vendor_chats import handle_private_message

    bctx = bot_context(context)
    if update.effective_chat is not None:
        await remember_chat(bctx, update.effective_chat, update.effective_user)
    if await handle_private_message(update, context):
        return
    message = update.effective_message
    if message is not None and message.text:
        await _request(update, context, message.text)


async def group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In groups the bot answers only when it is addressed: mentioned or replied to."""
    from handlers.vendor_groups import handle_group_message

    bctx = bot_context(context)
    message = update.effective_message
    if message is None or message.text is None or update.effective_chat is None:
        return
    await remember_chat(bctx, update.effective_chat)
    if await handle_group_message(update, context):
        return
    mention = f"@{bctx.username}".lower()
    mentioned = any(
        entity.type == MessageEntityType.MENTION and message.parse_entity(entity).lower() == mention
        for entity in message.entities
    )
    replied_to_bot = (
        message.reply_to_message is not None
        and message.reply_to_message.from_user is not None
        and message.reply_to_message.from_user.id == context.bot.id
    )
    if mentioned or replied_to_bot:
        text = (
            re.sub(re.escape(f"@{bctx.username}"), " ", message.text, flags=re.IGNORECASE)
            if mentioned
            else message.text
        )
        await _request(update, context, text)


async def bom_file(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A BOM as a CSV, TSV or XLSX document: every row read, or listed back unread."""
    bctx = bot_context(context)
    message = update.effective_message
    chat = update.effective_chat
    if message is None or message.document is None or chat is None:
        return
    if chat.type != ChatType.PRIVATE and not _addressed_in_caption(bctx, message):
        return
    await remember_chat(bctx, chat)
    t = await update_translator(bctx, update)
    document = message.document
    name = document.file_name or "bom.csv"
    if document.file_size is not None and document.file_size > MAX_BOM_BYTES:
        too_large = BomError(BomProblem.TOO_LARGE, name, "5 MB")
        await _reply(bctx, update, render.bom_problem(t, too_large))
        return
    data = bytes(await (await document.get_file()).download_as_bytearray())
    try:
        bom = await asyncio.to_thread(read_bom, data, name)
    except BomError as error:
        await _reply(bctx, update, render.bom_problem(t, error))
        return
    items = [ParsedItem(row.text, row.request) for row in bom.rows]
    unread = render.unread_rows(t, [(row.number, row.text) for row in bom.unread])
    skipped = render.skipped_rows(t, bom.skipped)
    if items:
        await _open(bctx, update, t, name, items, [*(unread if bom.unread else []), *skipped])
    elif bom.unread:
        await _send_all(bctx, chat.id, unread, message.message_id)
    else:
        await _reply(bctx, update, render.nothing_recognised(t))


async def _request(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
    """A text request; lines of a pasted list that could not be read are listed back."""
    bctx = bot_context(context)
    t = await update_translator(bctx, update)
    parsed = parse_message(text)
    unread = [(line.number, line.text) for line in parsed.unread]
    await _open(
        bctx, update, t, text, parsed.items, render.unread_lines(t, unread) if unread else []
    )


async def _open(
    bctx: BotContext,
    update: Update,
    t: Translator,
    text: str,
    items: list[ParsedItem] | None,
    unread: list[render.Message],
) -> None:
    """Open the RFQ; what could not be read is listed back once it is opened (a message
    delivered twice opens nothing the second time, and lists nothing either)."""
    message = update.effective_message
    chat = update.effective_chat
    user = update.effective_user
    if message is None or chat is None or user is None:
        return
    try:
        request = await bctx.services.engine.open_rfq(
            buyer=f"tg:{user.id}",
            text=text,
            currency=bctx.services.ranking.currency,
            window_seconds=bctx.settings.quote_window_seconds,
            buyer_chat_id=chat.id,
            items=items,
            source=(chat.id, message.message_id),
        )
    except NothingToQuote:
        await _reply(bctx, update, render.nothing_recognised(t))
        return
    except AlreadyOpened as opened:
        log.info("rfq=%s already opened by message %s", opened.rfq_id, message.message_id)
        return
    log.info("rfq=%s opened by tg:%s with %d lines", request.rfq_id, user.id, len(request.lines))
    await _send_all(bctx, chat.id, unread, message.message_id)
    await bctx.live.start(bctx, request, chat_id=chat.id, translator=t, reply_to=message.message_id)


async def _send_all(
    bctx: BotContext, chat_id: int, parts: list[render.Message], reply_to: int
) -> None:
    for part in parts:
        await bctx.messenger.send(chat_id, part.text, keyboard=part.keyboard, reply_to=reply_to)


def _addressed_in_caption(bctx: BotContext, message: Message) -> bool:
    caption = (message.caption or "").lower()
    return f"@{bctx.username}".lower() in caption or caption.startswith("/rfq")


# -- buttons ---------------------------------------------------------------------------


async def buyer_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bctx = bot_context(context)
    query = update.callback_query
    if query is None or query.from_user is None:
        return
    t = await update_translator(bctx, update)
    action = decode(query.data)
    chat_id = query.message.chat.id if query.message is not None else query.from_user.id
    if isinstance(action, (ChooseOffer, ConfirmOrder, CancelOrder)):
        await _order_button(bctx, update, t, action)
        return
    if isinstance(action, (MoreOffers, SortOffers, ExportCsv)):
        if not await _is_buyer(bctx, action.rfq_id, query.from_user.id):
            await query.answer(render.not_yours_toast(t))
            return
        await query.answer()
        if isinstance(action, SortOffers):
            await post_results(bctx, action.rfq_id, chat_id, t, order=action.order)
        elif isinstance(action, MoreOffers):
            result = await rank_rfq(
                bctx.services.database, action.rfq_id, bctx.services.ranking, action.order
            )
            for part in render.line_page_messages(
                t, result, action.line, action.page, order=action.order
            ):
                await bctx.messenger.send(chat_id, part.text, keyboard=part.keyboard)
        else:
            result = await rank_rfq(bctx.services.database, action.rfq_id, bctx.services.ranking)
            await bctx.messenger.send_document(
                chat_id, rfq_csv(result), csv_filename(action.rfq_id)
            )
        return
    await query.answer(render.button_expired_toast(t))


async def _order_button(
    bctx: BotContext,
    update: Update,
    t: Translator,
    action: ChooseOffer | ConfirmOrder | CancelOrder,
) -> None:
    """Choose → confirm prompt; confirm → the vendor gets the buyer's contact; cancel."""
    query = update.callback_query
    assert query is not None and query.from_user is not None
    async with bctx.services.database.session() as session:
        offer = await session.get(OfferRecord, action.offer_id)
        rfq_id = offer.rfq_id if offer is not None else None
    if offer is None or rfq_id is None:
        await query.answer(render.offer_gone_toast(t))
        return
    if not await _is_buyer(bctx, rfq_id, query.from_user.id):
        await query.answer(render.not_yours_toast(t))
        return
    found = await _ranked(bctx, rfq_id, action.offer_id)
    if found is None:
        await query.answer(render.offer_gone_toast(t))
        return
    line, ranked = found
    buyer = query.from_user
    chat_id = query.message.chat.id if query.message is not None else buyer.id
    if isinstance(action, ChooseOffer):
        await query.answer()
        async with bctx.services.database.session() as session:
            session.add(OrderIntent(rfq_id=rfq_id, offer_id=offer.id, buyer_user_id=buyer.id))
        prompt = render.confirm_prompt(t, ranked, line.line)
        await bctx.messenger.send(chat_id, prompt.text, keyboard=prompt.keyboard)
        return
    if not await _decide(bctx, rfq_id, offer.id, buyer.id, action):
        await query.answer(render.button_expired_toast(t))
        return
    await query.answer()
    message_id = query.message.message_id if query.message is not None else None
    if isinstance(action, CancelOrder):
        if message_id is not None:
            await bctx.messenger.edit(chat_id, message_id, render.order_cancelled(t))
        return
    if message_id is not None:
        await bctx.messenger.edit(chat_id, message_id, render.order_confirmed(t, ranked, line.line))
    await _tell_vendor(bctx, offer.vendor_id, ranked, line, rfq_id, buyer)


async def _decide(
    bctx: BotContext,
    rfq_id: str,
    offer_id: int,
    buyer_id: int,
    action: ConfirmOrder | CancelOrder,
) -> bool:
    """Settle the buyer's proposed order once; a second press of the button does nothing."""
    async with bctx.services.database.session() as session:
        intent = await session.scalar(
            select(OrderIntent)
            .where(
                OrderIntent.rfq_id == rfq_id,
                OrderIntent.offer_id == offer_id,
                OrderIntent.buyer_user_id == buyer_id,
                OrderIntent.status == OrderStatus.PROPOSED,
            )
            .order_by(OrderIntent.id.desc())
        )
        if intent is None:
            return False
        intent.decided_at = utcnow()
        if isinstance(action, CancelOrder):
            intent.status = OrderStatus.CANCELLED
            return True
        intent.status = OrderStatus.CONFIRMED
        rfq = await session.get(Rfq, rfq_id)
        if rfq is not None:
            rfq.chosen_offer_id = offer_id
        offer = await session.get(OfferRecord, offer_id)
        if offer is not None:
            vendor = await session.get(Vendor, offer.vendor_id)
            if vendor is not None:
                vendor.chosen_count += 1
        return True


async def _tell_vendor(
    bctx: BotContext,
    vendor_id: int,
    ranked: RankedOffer,
    line: LineResult,
    rfq_id: str,
    buyer: User,
) -> None:
    """The chosen vendor learns the buyer's contact: only now, and only this vendor."""
    async with bctx.services.database.session() as session:
        vendor = await session.get(Vendor, vendor_id)
        chat_id = vendor.telegram_chat_id if vendor is not None else None
    if chat_id is None:
        return
    contact = BuyerContact(user_id=buyer.id, name=buyer.full_name, username=buyer.username)
    t = translator(None)
    async with bctx.services.database.session() as session:
        chat = await session.get(TelegramChat, chat_id)
        if chat is not None and chat.language:
            t = translator(chat.language)
    await bctx.messenger.send(
        chat_id, render.order_for_vendor(t, ranked, line.line, rfq_id, contact)
    )


async def _ranked(
    bctx: BotContext, rfq_id: str, offer_id: int
) -> tuple[LineResult, RankedOffer] | None:
    result = await rank_rfq(bctx.services.database, rfq_id, bctx.services.ranking)
    for line in result.lines:
        for ranked in line.offers:
            if ranked.offer_id == offer_id:
                return line, ranked
    return None


async def _is_buyer(bctx: BotContext, rfq_id: str, user_id: int) -> bool:
    async with bctx.services.database.session() as session:
        rfq = await session.get(Rfq, rfq_id)
        return rfq is not None and rfq.buyer == f"tg:{user_id}"


async def language_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    bctx = bot_context(context)
    query = update.callback_query
    action = decode(query.data if query is not None else None)
    if query is None or not isinstance(action, SetLanguage) or query.message is None:
        return
    chat = query.message.chat
    await remember_chat(bctx, chat)
    async with bctx.services.database.session() as session:
        row = await session.get(TelegramChat, chat.id)
        if row is not None:
            row.language = action.language
    await query.answer()
    await bctx.messenger.edit(
        chat.id, query.message.message_id, render.language_changed(translator(action.language))
    )


async def _reply(
    bctx: BotContext,
    update: Update,
    text: str,
    keyboard: InlineKeyboardMarkup | None = None,
) -> None:
    chat = update.effective_chat
    message = update.effective_message
    if chat is None:
        return
    await bctx.messenger.send(
        chat.id,
        text,
        keyboard=keyboard,
        reply_to=message.message_id if message is not None else None,
    )

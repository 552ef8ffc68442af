"""/vendor in a private chat: name, currency and categories, then an admin decides.

A registration is stored at once as a pending Telegram vendor whose chat is the person's
own, and every admin gets the approval request with its buttons (admin.py acts on them).
The conversation starts from /vendor or from the "register as a vendor" deep link
(/start vendor); it is registered before the buyers' /start, so that link never reaches
them. /cancel leaves it, and it is forgotten after REGISTRATION_TIMEOUT without an answer.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.error import TelegramError
from telegram.ext import (
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.models import TelegramChat, Vendor, VendorKind, VendorStatus
from bot.vendor_replies.currencies import currency_code
from bot.vendors import VendorError, add_vendor, find_vendor
from catalogue.categories import Category
from handlers import render
from handlers.context import BotContext, bot_context, chat_translator, remember_chat
from handlers.context import update_translator as translator_of
from handlers.i18n import Translator
from handlers.render.registration import (
    NAME_LIMIT,
    already_registered,
    name_too_long,
    registration_cancelled,
    registration_pending,
    vendor_inactive,
)
from handlers.render.vendors import REGISTER_PAYLOAD
from handlers.render.words import category_name

log = logging.getLogger(__name__)

NAME, CURRENCY, CATEGORIES = range(3)
#: An unfinished registration is dropped after this long without an answer.
REGISTRATION_TIMEOUT = timedelta(hours=1)
#: Where the answers so far are kept, in `context.user_data`.
DRAFT_KEY = "vendor_registration"
#: "/start vendor": the deep link of the "register as a vendor" buttons.
START_REGISTRATION = re.compile(rf"^/start(@\w+)?\s+{REGISTER_PAYLOAD}\s*$")
_LIST_SEPARATORS = re.compile(r"[,，、;；/\n]+")


@dataclass
class _Draft:
    name: str = ""
    currency: str = ""


def conversation() -> ConversationHandler:  # type: ignore[type-arg]
    private = filters.ChatType.PRIVATE
    answer = filters.TEXT & ~filters.COMMAND & private
    return ConversationHandler(
        entry_points=[
            CommandHandler("vendor", begin, filters=private),
            CommandHandler("start", begin, filters=private & filters.Regex(START_REGISTRATION)),
        ],
        states={
            NAME: [MessageHandler(answer, got_name)],
            CURRENCY: [MessageHandler(answer, got_currency)],
            CATEGORIES: [MessageHandler(answer, got_categories)],
        },
        fallbacks=[CommandHandler("cancel", cancel, filters=private)],
        allow_reentry=True,
        conversation_timeout=REGISTRATION_TIMEOUT,
        name="vendor_registration",
    )


async def begin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    bctx = bot_context(context)
    chat = update.effective_chat
    if chat is None or context.user_data is None:
        return ConversationHandler.END
    await remember_chat(bctx, chat)
    t = await translator_of(bctx, update)
    async with bctx.services.database.session() as session:
        known = await vendor_of_chat(session, chat.id)
        status, name = (known.status, known.name) if known is not None else (None, "")
    if status is not None:
        await _say(bctx, update, standing(t, status, name))
        return ConversationHandler.END
    context.user_data[DRAFT_KEY] = _Draft()
    await _say(bctx, update, render.ask_name(t))
    return NAME


async def got_name(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    bctx = bot_context(context)
    t = await translator_of(bctx, update)
    draft = _draft(context)
    name = " ".join(_text(update).split())
    if len(name) > NAME_LIMIT:
        await _say(bctx, update, name_too_long(t))
        return NAME
    async with bctx.services.database.session() as session:
        taken = await find_vendor(session, name) is not None
    if taken:
        await _say(bctx, update, render.name_taken(t, name))
        return NAME
    draft.name = name
    await _say(bctx, update, render.ask_currency(t))
    return CURRENCY


async def got_currency(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    bctx = bot_context(context)
    t = await translator_of(bctx, update)
    text = _text(update).strip()
    code = currency_code(text) or text.upper()
    if code not in bctx.services.ranking.fx:
        await _say(bctx, update, render.bad_currency(t, text))
        return CURRENCY
    _draft(context).currency = code
    await _say(bctx, update, render.ask_categories(t))
    return CATEGORIES


async def got_categories(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    bctx = bot_context(context)
    t = await translator_of(bctx, update)
    text = _text(update)
    categories, unknown = read_categories(t, text)
    if unknown or categories == []:
        await _say(bctx, update, render.bad_categories(t, unknown or [text]))
        return CATEGORIES
    draft = _draft(context)
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    try:
        async with bctx.services.database.session() as session:
            vendor = await add_vendor(
                session,
                name=draft.name,
                kind=VendorKind.TELEGRAM,
                telegram_chat_id=chat.id,
                currency=draft.currency,
                categories=categories,
                status=VendorStatus.PENDING,
            )
            vendor_id = vendor.id
            await _keep_language(session, chat.id, t)
    except VendorError:
        # Someone registered the same name since it was asked for.
        await _say(bctx, update, render.name_taken(t, draft.name))
        return NAME
    log.info("vendor=%s registered by tg:%s, waiting for approval", draft.name, user.id)
    if context.user_data is not None:
        context.user_data.pop(DRAFT_KEY, None)
    await _say(bctx, update, render.registration_sent(t, draft.name))
    application = render.VendorApplication(
        vendor_id=vendor_id,
        name=draft.name,
        currency=draft.currency,
        categories=categories,
        user_id=user.id,
        user_name=user.full_name,
        username=user.username,
    )
    await ask_admins(bctx, application)
    return ConversationHandler.END


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    bctx = bot_context(context)
    if context.user_data is not None:
        context.user_data.pop(DRAFT_KEY, None)
    await _say(bctx, update, registration_cancelled(await translator_of(bctx, update)))
    return ConversationHandler.END


def read_categories(t: Translator, text: str) -> tuple[list[str] | None, list[str]]:
    """(categories, words not understood) from "resistor, capacitor", "电阻、电容" or "all".

    Categories are named by code or by their name in `t`'s language; None serves every
    category.
    """
    if text.strip().lower() == render.ALL_CATEGORIES:
        return None, []
    known: dict[str, str] = {}
    for category in Category:
        known[category.value] = category.value
        known[category_name(t, category.value).lower()] = category.value
    chosen: list[str] = []
    unknown: list[str] = []
    for piece in _LIST_SEPARATORS.split(text.lower()):
        piece = " ".join(piece.split())
        words = [piece] if piece in known else piece.split()
        for word in words:
            if word in known:
                chosen.append(known[word])
            else:
                unknown.append(word)
    return list(dict.fromkeys(chosen)), unknown


def standing(t: Translator, status: str, name: str) -> str:
    """What a registered vendor is told when it registers again or cannot quote."""
    if status == VendorStatus.ACTIVE:
        return already_registered(t, name)
    if status == VendorStatus.PENDING:
        return registration_pending(t, name)
    return vendor_inactive(t, name)


async def ask_admins(bctx: BotContext, application: render.VendorApplication) -> None:
    """Every admin gets the approval request, in the admin's own language."""
    for admin_id in sorted(bctx.admins):
        t = await chat_translator(bctx, admin_id)
        request = render.approval_request(t, application)
        try:
            await bctx.messenger.send(admin_id, request.text, keyboard=request.keyboard)
        except TelegramError as error:
            # An admin who never opened a chat with the bot cannot be written to.
            log.warning("admin %s not told of vendor %s: %s", admin_id, application.name, error)


async def vendor_of_chat(session: AsyncSession, chat_id: int) -> Vendor | None:
    """The Telegram vendor whose private chat this is (an active one first)."""
    vendors = (
        await session.scalars(
            select(Vendor)
            .where(Vendor.kind == VendorKind.TELEGRAM, Vendor.telegram_chat_id == chat_id)
            .order_by(Vendor.id)
        )
    ).all()
    active = [vendor for vendor in vendors if vendor.status == VendorStatus.ACTIVE]
    chosen = active or list(vendors)
    return chosen[0] if chosen else None


async def _keep_language(session: AsyncSession, chat_id: int, t: Translator) -> None:
    """The vendor's requests for quote are written in the language it registered in."""
    chat = await session.get(TelegramChat, chat_id)
    if chat is not None and chat.language is None:
        chat.language = t.language


def _draft(context: ContextTypes.DEFAULT_TYPE) -> _Draft:
    draft = context.user_data.get(DRAFT_KEY) if context.user_data is not None else None
    assert isinstance(draft, _Draft), "every state after the first has a draft"
    return draft


def _text(update: Update) -> str:
    message = update.effective_message
    return message.text or "" if message is not None else ""


async def _say(bctx: BotContext, update: Update, text: str) -> None:
    chat = update.effective_chat
    if chat is not None:
        await bctx.messenger.send(chat.id, text)

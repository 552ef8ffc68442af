"""Vendors in their private chats with the bot: requests for quote in, free-text answers back.

Each RFQ reaches a vendor's DM as one or more messages, remembered as RfqPosts of kind
"vendor" so that a reply to any of them answers that RFQ; the first is kept on the
vendor's Dispatch. A plain message answers the one RFQ waiting for the vendor, if exactly
one is. Answers go through the engine, which keeps the raw text whatever it understood;
the vendor is shown what was read, with a button to correct it. A correction prompt is an
RfqPost of kind "correction" until an answer replaces the earlier offers, so a pending
correction survives a restart.

Sealed bids: a vendor is only ever shown its own prices, and nothing about the buyer.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Sequence
from functools import partial

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from telegram import Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler, ContextTypes

from bot.models import Dispatch, DispatchState, Rfq, RfqPost, RfqStatus, Vendor, VendorStatus
from bot.quotes import QuoteRequest
from bot.rfqs.lines import quote_request_of
from bot.rfqs.run import VendorTarget
from catalogue.models import utcnow
from handlers import registration, render
from handlers.callbacks import CannotSupply, CorrectReply, decode
from handlers.context import BotContext, bot_context, chat_translator, update_translator
from handlers.i18n import Translator
from handlers.live import remember_post
from handlers.registration import standing, vendor_of_chat
from handlers.render.vendors import (
    already_answered_toast,
    register_invitation,
    rfq_closed,
)

log = logging.getLogger(__name__)

#: Why a vendor's dispatch failed when its chat could not be written to.
UNREACHABLE_REASON = "chat unreachable"
#: RfqPost kinds: a message about an RFQ in a vendor's DM, and a correction prompt that
#: no answer has consumed yet.
VENDOR_POST = "vendor"
CORRECTION_POST = "correction"
#: "/start q_<rfq id>": the group post's "quote privately" deep link.
_QUOTE_PAYLOAD = re.compile(r"q_([0-9A-Za-z]{1,16})")


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(registration.conversation())
    application.add_handler(
        CallbackQueryHandler(
            cannot_supply, pattern=lambda data: isinstance(decode(str(data)), CannotSupply)
        )
    )
    application.add_handler(
        CallbackQueryHandler(
            correct_reply, pattern=lambda data: isinstance(decode(str(data)), CorrectReply)
        )
    )


# -- sending RFQs ----------------------------------------------------------------------


async def send_rfq(
    bctx: BotContext, request: QuoteRequest, targets: Sequence[VendorTarget]
) -> None:
    """The RFQ in the private chat of each human vendor; an unreachable one is left out."""
    humans = [target for target in targets if target.agent is None]
    results = await asyncio.gather(
        *(_ask_vendor(bctx, request, target.vendor_id) for target in humans),
        return_exceptions=True,
    )
    for target, result in zip(humans, results, strict=True):
        if isinstance(result, BaseException):
            log.error(
                "rfq=%s vendor=%s not sent",
                request.rfq_id,
                target.name,
                exc_info=(type(result), result, result.__traceback__),
            )


async def _ask_vendor(bctx: BotContext, request: QuoteRequest, vendor_id: int) -> None:
    async with bctx.services.database.session() as session:
        vendor = await session.get(Vendor, vendor_id)
        chat_id = vendor.telegram_chat_id if vendor is not None else None
    if chat_id is None or not await _post_rfq(
        bctx, request, vendor_id, chat_id, await chat_translator(bctx, chat_id)
    ):
        await _end_dispatch(
            bctx, request.rfq_id, vendor_id, DispatchState.FAILED, UNREACHABLE_REASON
        )


async def _post_rfq(
    bctx: BotContext, request: QuoteRequest, vendor_id: int, chat_id: int, t: Translator
) -> bool:
    """Send the RFQ's messages to the vendor's chat; False when none could be sent."""
    first: Message | None = None
    for part in render.vendor_rfq_messages(t, request):
        try:
            sent = await bctx.messenger.send(chat_id, part.text, keyboard=part.keyboard)
        except BadRequest as error:  # "chat not found": a wrong chat id is unreachable too
            log.warning("rfq=%s chat=%s refused: %s", request.rfq_id, chat_id, error)
            sent = None
        if sent is None:
            break
        first = first or sent
        await remember_post(
            bctx, request.rfq_id, sent.chat_id, sent.message_id, VENDOR_POST, vendor_id
        )
    if first is None:
        return False
    await bctx.services.engine.journal.write(
        partial(
            _point_dispatch,
            rfq_id=request.rfq_id,
            vendor_id=vendor_id,
            chat_id=first.chat_id,
            message_id=first.message_id,
        )
    )
    return True


async def _point_dispatch(
    session: AsyncSession, *, rfq_id: str, vendor_id: int, chat_id: int, message_id: int
) -> None:
    await session.execute(
        update(Dispatch)
        .where(Dispatch.rfq_id == rfq_id, Dispatch.vendor_id == vendor_id)
        .values(chat_id=chat_id, message_id=message_id)
    )


# -- answers ---------------------------------------------------------------------------


async def handle_private_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """A vendor's answer to an RFQ: True when handled here, False for the buyer flow."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None or chat.type != ChatType.PRIVATE or not message.text:
        return False
    bctx = bot_context(context)
    async with bctx.services.database.session() as session:
        vendor = await vendor_of_chat(session, chat.id)
        vendor_id = vendor.id if vendor is not None else None
        replied = await _replied_post(session, message)
    if vendor_id is None:
        return False
    if replied is not None:
        if replied.kind not in (VENDOR_POST, CORRECTION_POST) or replied.vendor_id != vendor_id:
            return False  # a reply to the vendor's own request as a buyer
        rfq_id = replied.rfq_id
    else:
        waiting = await _waiting_rfqs(bctx, vendor_id)
        if not waiting:
            return False
        t = await update_translator(bctx, update)
        if len(waiting) > 1:
            await bctx.messenger.send(
                chat.id, render.which_rfq(t, waiting), reply_to=message.message_id
            )
            return True
        rfq_id = waiting[0]
    await _record_answer(bctx, update, message, rfq_id, vendor_id)
    return True


async def _replied_post(session: AsyncSession, message: Message) -> RfqPost | None:
    replied = message.reply_to_message
    if replied is None:
        return None
    return await session.scalar(
        select(RfqPost).where(
            RfqPost.chat_id == replied.chat_id, RfqPost.message_id == replied.message_id
        )
    )


async def _waiting_rfqs(bctx: BotContext, vendor_id: int) -> list[str]:
    """Open RFQs still waiting for this vendor: not answered yet, or being corrected."""
    async with bctx.services.database.session() as session:
        asked = await session.scalars(
            select(Rfq)
            .join(Dispatch, Dispatch.rfq_id == Rfq.id)
            .where(
                Dispatch.vendor_id == vendor_id,
                Dispatch.state == DispatchState.PENDING,
                Rfq.status == RfqStatus.OPEN,
            )
        )
        correcting = await session.scalars(
            select(Rfq)
            .join(RfqPost, RfqPost.rfq_id == Rfq.id)
            .where(
                RfqPost.vendor_id == vendor_id,
                RfqPost.kind == CORRECTION_POST,
                Rfq.status == RfqStatus.OPEN,
            )
        )
        rfqs = {rfq.id: rfq for rfq in [*asked, *correcting] if _is_open(rfq)}
    return [rfq.id for rfq in sorted(rfqs.values(), key=lambda rfq: rfq.opened_at)]


async def _record_answer(
    bctx: BotContext, update: Update, message: Message, rfq_id: str, vendor_id: int
) -> None:
    """The engine reads and stores the answer; the vendor sees what it read."""
    text = message.text or ""
    async with bctx.services.database.session() as session:
        rfq = await session.get(Rfq, rfq_id, options=[selectinload(Rfq.lines)])
        if rfq is None:
            return
        lines = quote_request_of(rfq).lines
        correcting = _is_open(rfq) and await _correction_pending(session, rfq_id, vendor_id)
    outcome = await bctx.services.engine.record_vendor_reply(
        rfq_id, vendor_id, text, replaces_earlier=correcting
    )
    if correcting and outcome.understood:
        await bctx.services.engine.journal.write(
            partial(_corrected, rfq_id=rfq_id, vendor_id=vendor_id)
        )
    t = await update_translator(bctx, update)
    for part in render.reply_echo(t, outcome, vendor_id=vendor_id, lines=lines):
        sent = await bctx.messenger.send(
            message.chat_id, part.text, keyboard=part.keyboard, reply_to=message.message_id
        )
        if sent is not None:
            await remember_post(bctx, rfq_id, sent.chat_id, sent.message_id, VENDOR_POST, vendor_id)


async def _correction_pending(session: AsyncSession, rfq_id: str, vendor_id: int) -> bool:
    found = await session.scalar(
        select(RfqPost.id).where(
            RfqPost.rfq_id == rfq_id,
            RfqPost.vendor_id == vendor_id,
            RfqPost.kind == CORRECTION_POST,
        )
    )
    return found is not None


async def _corrected(session: AsyncSession, *, rfq_id: str, vendor_id: int) -> None:
    """The correction arrived: its prompts become ordinary posts about the RFQ."""
    await session.execute(
        update(RfqPost)
        .where(
            RfqPost.rfq_id == rfq_id,
            RfqPost.vendor_id == vendor_id,
            RfqPost.kind == CORRECTION_POST,
        )
        .values(kind=VENDOR_POST)
    )


# -- buttons ---------------------------------------------------------------------------


async def cannot_supply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The vendor declines the whole RFQ: its dispatch ends declined."""
    query = update.callback_query
    action = decode(query.data if query is not None else None)
    if query is None or query.message is None or not isinstance(action, CannotSupply):
        return
    bctx = bot_context(context)
    t = await update_translator(bctx, update)
    async with bctx.services.database.session() as session:
        vendor = await vendor_of_chat(session, query.message.chat.id)
        rfq = await session.get(Rfq, action.rfq_id)
        state = (
            await session.scalar(
                select(Dispatch.state).where(
                    Dispatch.rfq_id == action.rfq_id, Dispatch.vendor_id == vendor.id
                )
            )
            if vendor is not None
            else None
        )
    if vendor is None or rfq is None or state is None:
        await query.answer(render.button_expired_toast(t))
        return
    if not _is_open(rfq):
        await query.answer(render.plain(rfq_closed(t, rfq.id)))
        return
    if state == DispatchState.ANSWERED:
        await query.answer(already_answered_toast(t, rfq.id))
        return
    noted = render.cannot_supply_noted(t, rfq.id)
    first = state == DispatchState.PENDING
    if first:
        await _end_dispatch(bctx, rfq.id, vendor.id, DispatchState.DECLINED, None)
        log.info("rfq=%s vendor=%s can't supply", rfq.id, vendor.name)
    await query.answer(render.plain(noted))
    if first:
        # A toast vanishes; the chat keeps what the vendor said, under the request.
        await bctx.messenger.send(query.message.chat.id, noted, reply_to=query.message.message_id)


async def correct_reply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ask for the corrected answer; the next answer to the RFQ replaces the earlier one."""
    query = update.callback_query
    action = decode(query.data if query is not None else None)
    if query is None or query.message is None or not isinstance(action, CorrectReply):
        return
    bctx = bot_context(context)
    t = await update_translator(bctx, update)
    chat_id = query.message.chat.id
    async with bctx.services.database.session() as session:
        vendor = await session.get(Vendor, action.vendor_id)
        rfq = await session.get(Rfq, action.rfq_id)
    if vendor is None or rfq is None or vendor.telegram_chat_id != chat_id:
        await query.answer(render.button_expired_toast(t))
        return
    if not _is_open(rfq):
        await query.answer(render.plain(rfq_closed(t, rfq.id)))
        return
    await query.answer()
    sent = await bctx.messenger.send(
        chat_id, render.correction_prompt(t, rfq.id), reply_to=query.message.message_id
    )
    if sent is not None:
        await remember_post(bctx, rfq.id, sent.chat_id, sent.message_id, CORRECTION_POST, vendor.id)


# -- /start q_<rfq> ----------------------------------------------------------------------


async def handle_start_payload(
    update: Update, context: ContextTypes.DEFAULT_TYPE, payload: str
) -> bool:
    """/start deep links: "q_<rfq id>" sends that RFQ to a vendor's DM to quote privately.

    "vendor" starts registration in the registration conversation, which sees /start
    before the buyers' handler does; should it come here anyway, a vendor is told where
    it stands and anyone else how to register.
    """
    chat = update.effective_chat
    if chat is None or chat.type != ChatType.PRIVATE:
        return False
    bctx = bot_context(context)
    matched = _QUOTE_PAYLOAD.fullmatch(payload)
    if matched is None and payload != render.REGISTER_PAYLOAD:
        return False
    t = await update_translator(bctx, update)
    async with bctx.services.database.session() as session:
        vendor = await vendor_of_chat(session, chat.id)
        rfq = (
            await session.get(Rfq, matched.group(1), options=[selectinload(Rfq.lines)])
            if matched is not None
            else None
        )
        request = quote_request_of(rfq) if rfq is not None and _is_open(rfq) else None
    if vendor is None:
        invitation = register_invitation(t, bctx.username)
        await bctx.messenger.send(chat.id, invitation.text, keyboard=invitation.keyboard)
        return True
    if matched is None or vendor.status != VendorStatus.ACTIVE:
        await bctx.messenger.send(chat.id, standing(t, vendor.status, vendor.name))
        return True
    if request is None:
        await bctx.messenger.send(chat.id, rfq_closed(t, matched.group(1)))
        return True
    await _join(bctx, request.rfq_id, vendor)
    await _post_rfq(bctx, request, vendor.id, chat.id, t)
    return True


async def _join(bctx: BotContext, rfq_id: str, vendor: Vendor) -> None:
    """A dispatch for a vendor who asks to quote an RFQ it was not sent, once."""
    if await bctx.services.engine.add_dispatch(rfq_id, vendor.id, vendor.name, vendor.kind):
        log.info("rfq=%s vendor=%s joined to quote privately", rfq_id, vendor.name)


# -- shared ----------------------------------------------------------------------------


async def _end_dispatch(
    bctx: BotContext, rfq_id: str, vendor_id: int, state: DispatchState, reason: str | None
) -> None:
    await bctx.services.engine.end_dispatch(rfq_id, vendor_id, state, reason)


def _is_open(rfq: Rfq) -> bool:
    return rfq.status == RfqStatus.OPEN and rfq.closes_at > utcnow()

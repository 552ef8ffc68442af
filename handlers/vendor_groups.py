"""Vendor groups: groups an admin opened to requests for quote, and the replies posted there.

Every RFQ is posted to every vendor group. Members answer by replying to the post (a bot in
privacy mode still receives replies to its own messages). A reply from an active vendor is
that vendor's quote; anyone else's is kept pending and counts if its author is approved as
a vendor while the RFQ is open. Sealed bids: the post carries no price, and what the bot
read of a vendor's reply goes to the vendor's DM; the group hears a neutral "got it" only.
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import selectinload
from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import Application, CommandHandler, ContextTypes

from bot.models import (
    DispatchState,
    GroupReply,
    Rfq,
    RfqPost,
    RfqStatus,
    TelegramChat,
    Vendor,
    VendorStatus,
)
from bot.quotes import QuoteLine, QuoteRequest
from bot.rfqs import records
from bot.rfqs.engine import ReplyOutcome
from bot.rfqs.lines import quote_request_of
from catalogue.models import utcnow
from handlers import render
from handlers.context import (
    BotContext,
    bot_context,
    chat_translator,
    remember_chat,
    update_translator,
)
from handlers.live import remember_post
from handlers.render.vendors import vendor_group_needs_group

log = logging.getLogger(__name__)

COMMAND = "vendorgroup"
#: The dispatch channel of a vendor who quoted in a group without having been asked in its DM.
GROUP_CHANNEL = "telegram_group"
GROUP_CHATS = (ChatType.GROUP, ChatType.SUPERGROUP)
#: RfqPost kinds: an RFQ posted in a vendor group, and a message in a vendor's DM about one.
GROUP_POST = "group"
VENDOR_POST = "vendor"


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(CommandHandler(COMMAND, vendor_group_command))


async def vendor_group_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/vendorgroup: an admin makes the group a vendor group; anyone else is refused."""
    bctx = bot_context(context)
    chat, message = update.effective_chat, update.effective_message
    if chat is None or message is None:
        return
    t = await update_translator(bctx, update)
    if not bctx.is_admin(update.effective_user):
        text = render.admins_only(t)
    elif chat.type not in GROUP_CHATS:
        text = vendor_group_needs_group(t)
    else:
        await remember_chat(bctx, chat)
        async with bctx.services.database.session() as session:
            await session.execute(
                sql_update(TelegramChat)
                .where(TelegramChat.id == chat.id)
                .values(is_vendor_group=True)
            )
        log.info("chat=%s is now a vendor group", chat.id)
        text = render.vendor_group_enabled(t)
    await bctx.messenger.send(chat.id, text, reply_to=message.message_id)


# -- posting RFQs ------------------------------------------------------------------------


async def post_rfq(bctx: BotContext, request: QuoteRequest) -> None:
    """Post `request` to every vendor group at once; a group that cannot be reached is skipped.

    Each post is remembered (kind "group") so that replies to it find the RFQ. A group that
    became a supergroup is followed by the messenger, and the post is remembered there.
    """
    async with bctx.services.database.session() as session:
        groups = (
            await session.scalars(
                select(TelegramChat.id)
                .where(
                    TelegramChat.is_vendor_group.is_(True),
                    TelegramChat.migrated_to.is_(None),
                    TelegramChat.unreachable_since.is_(None),
                )
                .order_by(TelegramChat.id)
            )
        ).all()
    await asyncio.gather(*(_post(bctx, request, chat_id) for chat_id in groups))


async def _post(bctx: BotContext, request: QuoteRequest, chat_id: int) -> None:
    try:
        t = await chat_translator(bctx, chat_id)
        for part in render.group_rfq_messages(t, request, bctx.username):
            sent = await bctx.messenger.send(chat_id, part.text, keyboard=part.keyboard)
            if sent is None:
                return
            await remember_post(bctx, request.rfq_id, sent.chat_id, sent.message_id, GROUP_POST)
    except TelegramError as error:
        log.warning("rfq=%s not posted to chat=%s: %s", request.rfq_id, chat_id, error)
    except Exception:  # one broken group must never break the RFQ
        log.exception("rfq=%s posting to chat=%s failed", request.rfq_id, chat_id)


# -- replies in vendor groups ----------------------------------------------------------------


async def handle_group_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """A reply in a group to an RFQ post: a vendor's quote, or someone's pending reply.

    False for every other group message (the buyer flow then looks at it).
    """
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None or user.is_bot:
        return False
    replied = message.reply_to_message
    text = message.text or message.caption
    if chat.type not in GROUP_CHATS or replied is None or not text:
        return False
    bctx = bot_context(context)
    async with bctx.services.database.session() as session:
        rfq_id = await session.scalar(
            select(RfqPost.rfq_id).where(
                RfqPost.chat_id == chat.id,
                RfqPost.message_id == replied.message_id,
                RfqPost.kind == GROUP_POST,
            )
        )
        vendor = None
        if rfq_id is not None:
            vendor = await session.scalar(
                select(Vendor)
                .where(Vendor.telegram_chat_id == user.id, Vendor.status == VendorStatus.ACTIVE)
                .order_by(Vendor.id)
                .limit(1)
            )
    if rfq_id is None:
        return False
    if vendor is None:
        await _keep_pending(bctx, update, rfq_id, text)
    else:
        await _quote_from_group(bctx, update, vendor, rfq_id, text)
    return True


async def _quote_from_group(
    bctx: BotContext, update: Update, vendor: Vendor, rfq_id: str, text: str
) -> None:
    """The vendor's quote: what the bot read goes to its DM; the group only hears "got it"."""
    message, chat = update.effective_message, update.effective_chat
    assert message is not None and chat is not None
    log.info("rfq=%s vendor=%s quoted in group chat=%s", rfq_id, vendor.name, chat.id)
    outcome = await record_quote(bctx, rfq_id, vendor.id, text)
    reached = await _echo_privately(bctx, update, vendor, outcome)
    t = await update_translator(bctx, update)
    ack = render.group_reply_received(t, reached_privately=reached, bot_username=bctx.username)
    await bctx.messenger.send(chat.id, ack.text, keyboard=ack.keyboard, reply_to=message.message_id)


async def _echo_privately(
    bctx: BotContext, update: Update, vendor: Vendor, outcome: ReplyOutcome
) -> bool:
    """What the bot understood, in the vendor's DM; False when the DM cannot be reached."""
    chat_id = vendor.telegram_chat_id
    if chat_id is None:
        return False
    t = await chat_translator(bctx, chat_id, update.effective_user)
    lines = await _lines(bctx, outcome.rfq_id)
    for part in render.reply_echo(t, outcome, vendor_id=vendor.id, lines=lines):
        try:
            sent = await bctx.messenger.send(chat_id, part.text, keyboard=part.keyboard)
        except TelegramError as error:
            log.warning("vendor=%s echo not sent: %s", vendor.name, error)
            return False
        if sent is None:
            return False
        # As for answers given in the DM: a reply to the echo answers the same RFQ.
        await remember_post(
            bctx, outcome.rfq_id, sent.chat_id, sent.message_id, VENDOR_POST, vendor.id
        )
    return True


async def _lines(bctx: BotContext, rfq_id: str) -> tuple[QuoteLine, ...]:
    async with bctx.services.database.session() as session:
        rfq = await session.get(Rfq, rfq_id, options=[selectinload(Rfq.lines)])
        return quote_request_of(rfq).lines if rfq is not None else ()


async def _keep_pending(bctx: BotContext, update: Update, rfq_id: str, text: str) -> None:
    """Someone who is not an active vendor: the reply waits for their approval."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    assert message is not None and chat is not None and user is not None
    async with bctx.services.database.session() as session:
        session.add(GroupReply(rfq_id=rfq_id, chat_id=chat.id, user_id=user.id, text=text))
    log.info("rfq=%s reply from tg:%s kept pending in chat=%s", rfq_id, user.id, chat.id)
    invite = render.group_reply_pending(await update_translator(bctx, update), bctx.username)
    await bctx.messenger.send(
        chat.id, invite.text, keyboard=invite.keyboard, reply_to=message.message_id
    )


async def count_pending_replies(bctx: BotContext, vendor: Vendor) -> int:
    """A newly approved vendor's pending group replies to RFQs still open become its quotes.

    Each reply is claimed (counted=True) before it is recorded, so approving twice, or two
    admins approving at once, counts it once. Returns how many were counted.
    """
    if vendor.telegram_chat_id is None:
        return 0
    async with bctx.services.database.session() as session:
        pending = (
            await session.execute(
                select(GroupReply.id, GroupReply.rfq_id, GroupReply.text)
                .join(Rfq, Rfq.id == GroupReply.rfq_id)
                .where(
                    GroupReply.user_id == vendor.telegram_chat_id,
                    GroupReply.counted.is_(False),
                    Rfq.status == RfqStatus.OPEN,
                    Rfq.closes_at > utcnow(),
                )
                .order_by(GroupReply.id)
            )
        ).all()
    counted = 0
    for reply_id, rfq_id, text in pending:
        if not await _claim(bctx, reply_id):
            continue
        await record_quote(bctx, rfq_id, vendor.id, text)
        counted += 1
    if counted:
        log.info("vendor=%s: %d pending group replies counted", vendor.name, counted)
    return counted


async def _claim(bctx: BotContext, reply_id: int) -> bool:
    async with bctx.services.database.session() as session:
        claimed = await session.scalar(
            sql_update(GroupReply)
            .where(GroupReply.id == reply_id, GroupReply.counted.is_(False))
            .values(counted=True)
            .returning(GroupReply.id)
        )
    return claimed is not None


async def record_quote(bctx: BotContext, rfq_id: str, vendor_id: int, text: str) -> ReplyOutcome:
    """The engine reads `text` as the vendor's answer to the RFQ.

    A vendor that was not asked in its DM (it serves other categories, or was approved
    after the RFQ opened) gets its dispatch first, so its answer ends that dispatch in
    exactly one state like everyone else's and the RFQ counts it.
    """
    engine = bctx.services.engine
    created = await _ensure_dispatch(bctx, rfq_id, vendor_id)
    outcome = await engine.record_vendor_reply(rfq_id, vendor_id, text)
    if created and outcome.late:
        # The RFQ closed between the dispatch and the answer: end what close did not see.
        await engine.end_dispatch(
            rfq_id, vendor_id, DispatchState.TIMED_OUT, records.TIMED_OUT_REASON
        )
    return outcome


async def _ensure_dispatch(bctx: BotContext, rfq_id: str, vendor_id: int) -> bool:
    """A pending dispatch for the vendor on an open RFQ; True when this call created it.

    The vendor joins the running RFQ as DM vendors who quote privately do, so the buyer's
    status counts its answer and the RFQ waits for it like for everyone asked.
    """
    async with bctx.services.database.session() as session:
        rfq = await session.get(Rfq, rfq_id)
        vendor = await session.get(Vendor, vendor_id)
        if rfq is None or vendor is None or not _is_open(rfq):
            return False
        name = vendor.name
    return await bctx.services.engine.add_dispatch(rfq_id, vendor_id, name, GROUP_CHANNEL)


def _is_open(rfq: Rfq) -> bool:
    return rfq.status == RfqStatus.OPEN and rfq.closes_at > utcnow()

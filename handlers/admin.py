"""What only admins (ADMIN_IDS) do: decide vendor registrations, and announce to every vendor.

Everyone else who tries is told so. A broadcast goes to every active Telegram vendor and
every vendor group, paced within Telegram's limits: the application's AIORateLimiter keeps
to about 30 messages a second overall and 20 a minute per group and retries a 429; when
Telegram still refuses, the announcement waits as told and is sent again, never dropped.
Each chat gets one message, so one a second per chat holds. The admin watches one progress
message, edited at most every REPORT_INTERVAL seconds, that ends listing the chats that
could not be reached (they blocked the bot or removed it, and are skipped from then on).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy import update as sql_update
from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes, filters

from bot.models import TelegramChat, Vendor, VendorKind, VendorStatus
from handlers import render, vendor_groups
from handlers.callbacks import ApproveVendor, RejectVendor, decode
from handlers.context import BotContext, bot_context, chat_translator, update_translator
from handlers.i18n import LANGUAGES, Translator, translator
from handlers.render import BroadcastProgress
from handlers.render.broadcast import announcement_too_long
from handlers.render.registration import admins_only_toast, already_decided_toast

log = logging.getLogger(__name__)

#: Seconds between two edits of the admin's progress message.
REPORT_INTERVAL = 3.0
#: Telegram's pace within one chat: the final report waits this long after the last edit.
CHAT_GAP = 1.0
#: Announcements in flight at once; the rate limiter paces them.
SENDERS = 8


def register(application: Application) -> None:  # type: ignore[type-arg]
    application.add_handler(
        CallbackQueryHandler(
            decision_button,
            pattern=lambda data: isinstance(decode(str(data)), (ApproveVendor, RejectVendor)),
        )
    )
    application.add_handler(
        CommandHandler("broadcast", broadcast_command, filters=filters.ChatType.PRIVATE)
    )


# -- vendor registrations ----------------------------------------------------------------


async def decision_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Approve or reject a registration: the vendor is told, the admin's message says who."""
    bctx = bot_context(context)
    query = update.callback_query
    if query is None:
        return
    t = await update_translator(bctx, update)
    action = decode(query.data)
    if not bctx.is_admin(query.from_user):
        await query.answer(admins_only_toast(t))
        return
    if not isinstance(action, (ApproveVendor, RejectVendor)):
        await query.answer(render.button_expired_toast(t))
        return
    approved = isinstance(action, ApproveVendor)
    vendor = await _vendor(bctx, action.vendor_id)
    if vendor is None:
        await query.answer(render.button_expired_toast(t))
        return
    if not await _decide(bctx, vendor.id, approved):
        await query.answer(already_decided_toast(t, vendor.name))
        return
    await query.answer()
    log.info(
        "vendor=%s %s by tg:%s",
        vendor.name,
        "approved" if approved else "rejected",
        query.from_user.id,
    )
    if approved:
        await vendor_groups.count_pending_replies(bctx, vendor)
    await _tell_vendor(bctx, vendor, approved)
    if query.message is not None:
        decided = render.approval_decided(
            t, vendor.name, approved=approved, admin=query.from_user.full_name
        )
        await bctx.messenger.edit(query.message.chat.id, query.message.message_id, decided)


async def _vendor(bctx: BotContext, vendor_id: int) -> Vendor | None:
    async with bctx.services.database.session() as session:
        return await session.get(Vendor, vendor_id)


async def _decide(bctx: BotContext, vendor_id: int, approved: bool) -> bool:
    """Settle a pending registration once; False when it was decided already."""
    status = VendorStatus.ACTIVE if approved else VendorStatus.DISABLED
    async with bctx.services.database.session() as session:
        decided = await session.scalar(
            sql_update(Vendor)
            .where(Vendor.id == vendor_id, Vendor.status == VendorStatus.PENDING)
            .values(status=status)
            .returning(Vendor.id)
        )
    return decided is not None


async def _tell_vendor(bctx: BotContext, vendor: Vendor, approved: bool) -> None:
    chat_id = vendor.telegram_chat_id
    if chat_id is None:
        return
    t = await chat_translator(bctx, chat_id)
    text = (render.vendor_approved if approved else render.vendor_rejected)(t, vendor.name)
    try:
        await bctx.messenger.send(chat_id, text)
    except TelegramError as error:
        log.warning("vendor=%s not told of the decision: %s", vendor.name, error)


# -- broadcasts --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Recipient:
    chat_id: int
    #: How the admin's report names it when it cannot be reached.
    name: str


@dataclass
class _Tally:
    total: int
    sent: int = 0
    unreachable: list[str] = field(default_factory=list)

    def progress(self, *, done: bool = False) -> BroadcastProgress:
        return BroadcastProgress(self.total, self.sent, tuple(self.unreachable), done)


async def broadcast_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/broadcast TEXT: the announcement to every vendor and vendor group, with a report."""
    bctx = bot_context(context)
    chat, message = update.effective_chat, update.effective_message
    if chat is None or message is None:
        return
    t = await update_translator(bctx, update)
    if not bctx.is_admin(update.effective_user):
        await bctx.messenger.send(chat.id, render.admins_only(t), reply_to=message.message_id)
        return
    text = announcement_of(message.text or "")
    limit = longest_announcement()
    if not text or render.text_length(text) > limit:
        refusal = announcement_too_long(t, limit) if text else render.broadcast_usage(t)
        await bctx.messenger.send(chat.id, refusal, reply_to=message.message_id)
        return
    recipients = await broadcast_recipients(bctx)
    tally = _Tally(total=len(recipients))
    log.info("broadcast by tg:%s to %d chats", chat.id, len(recipients))
    shown = render.broadcast_report(t, tally.progress())
    report = await bctx.messenger.send(chat.id, shown, reply_to=message.message_id)
    reporter = _Reporter(bctx, chat.id, report.message_id if report else None, t, shown)
    ticking = asyncio.create_task(reporter.tick(tally))
    try:
        await broadcast(bctx, text, recipients, tally)
    finally:
        ticking.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await ticking
    await reporter.final(tally.progress(done=True))
    log.info("broadcast done: %d of %d sent", tally.sent, tally.total)


def announcement_of(text: str) -> str:
    """The admin's words after the command, line breaks kept."""
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) == 2 else ""


def longest_announcement() -> int:
    """Characters an announcement may have so that, headed, it fits one message in every
    language (Telegram counts the text without its markup)."""
    headed = [render.announcement(translator(language), "x") for language in LANGUAGES]
    return render.TEXT_LIMIT + 1 - max(render.text_length(render.plain(text)) for text in headed)


async def broadcast_recipients(bctx: BotContext) -> list[Recipient]:
    """Every active Telegram vendor's DM, then every vendor group (each chat once)."""
    async with bctx.services.database.session() as session:
        vendors = (
            await session.execute(
                select(Vendor.telegram_chat_id, Vendor.name)
                .where(
                    Vendor.kind == VendorKind.TELEGRAM,
                    Vendor.status == VendorStatus.ACTIVE,
                    Vendor.telegram_chat_id.is_not(None),
                )
                .order_by(Vendor.id)
            )
        ).all()
        groups = (
            await session.execute(
                select(TelegramChat.id, TelegramChat.title)
                .where(TelegramChat.is_vendor_group.is_(True), TelegramChat.migrated_to.is_(None))
                .order_by(TelegramChat.id)
            )
        ).all()
    found: dict[int, Recipient] = {}
    for chat_id, name in [*vendors, *groups]:
        if chat_id is not None and chat_id not in found:
            found[chat_id] = Recipient(chat_id, name or str(chat_id))
    return list(found.values())


async def broadcast(
    bctx: BotContext, text: str, recipients: list[Recipient], tally: _Tally
) -> None:
    """Send the announcement to each recipient, in its language, SENDERS at a time."""
    queue: asyncio.Queue[Recipient] = asyncio.Queue()
    for recipient in recipients:
        queue.put_nowait(recipient)

    async def sender() -> None:
        while not queue.empty():
            recipient = queue.get_nowait()
            if await _announce(bctx, recipient, text):
                tally.sent += 1
            else:
                tally.unreachable.append(recipient.name)

    await asyncio.gather(*(sender() for _ in range(min(SENDERS, len(recipients)))))


async def _announce(bctx: BotContext, recipient: Recipient, text: str) -> bool:
    try:
        t = await chat_translator(bctx, recipient.chat_id)
        sent = await bctx.messenger.send(recipient.chat_id, render.announcement(t, text))
    except TelegramError as error:
        log.warning("broadcast to chat=%s failed: %s", recipient.chat_id, error)
        return False
    return sent is not None


class _Reporter:
    """The admin's progress message, edited when its text changes, at Telegram's pace."""

    def __init__(
        self, bctx: BotContext, chat_id: int, message_id: int | None, t: Translator, shown: str
    ) -> None:
        self.bctx = bctx
        self.chat_id = chat_id
        self.message_id = message_id
        self.t = t
        self.shown = shown
        self.edited_at = time.monotonic()

    async def tick(self, tally: _Tally) -> None:
        while True:
            await asyncio.sleep(REPORT_INTERVAL)
            await self._show(tally.progress())

    async def final(self, progress: BroadcastProgress) -> None:
        wait = self.edited_at + CHAT_GAP - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)
        await self._show(progress)

    async def _show(self, progress: BroadcastProgress) -> None:
        text = render.broadcast_report(self.t, progress)
        if self.message_id is None or text == self.shown:
            return
        self.edited_at = time.monotonic()
        await self.bctx.messenger.edit(self.chat_id, self.message_id, text)
        self.shown = text

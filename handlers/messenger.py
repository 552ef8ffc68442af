"""Every message the bot sends goes through here, so Telegram's refusals are handled once.

- Flood control (429 with retry_after) is waited out: the application's AIORateLimiter
  retries a few times, and when Telegram still refuses, the send waits as told and
  tries again; nothing is lost.
- A chat that blocked the bot or removed it (403) is marked unreachable and skipped from
  then on, until it writes to the bot again.
- A group that became a supergroup (400 with migrate_to_chat_id) is followed: the new
  chat id is remembered and the message is sent there.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from telegram import Bot, InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter

from bot.database import Database
from bot.models import TelegramChat
from catalogue.models import utcnow

log = logging.getLogger(__name__)


class Messenger:
    def __init__(self, bot: Bot, database: Database) -> None:
        self.bot = bot
        self.database = database

    async def send(
        self,
        chat_id: int,
        text: str,
        *,
        keyboard: InlineKeyboardMarkup | None = None,
        reply_to: int | None = None,
    ) -> Message | None:
        """Send `text` (HTML) to `chat_id`; None when the chat cannot be reached."""
        target = await self._current_chat(chat_id)
        if target is None:
            return None
        while True:
            try:
                return await self.bot.send_message(
                    target,
                    text,
                    parse_mode=ParseMode.HTML,
                    reply_markup=keyboard,
                    reply_to_message_id=reply_to,
                    allow_sending_without_reply=True,
                    disable_web_page_preview=True,
                )
            except RetryAfter as error:
                await _wait_out(error, target)
            except ChatMigrated as migrated:
                if migrated.new_chat_id == target:
                    return None
                await self.migrated(target, migrated.new_chat_id)
                target = migrated.new_chat_id
            except Forbidden as error:
                await self._unreachable(target, error)
                return None
            except BadRequest as error:
                if "chat not found" not in str(error).lower():
                    raise
                await self._unreachable(target, error)
                return None

    async def edit(
        self,
        chat_id: int,
        message_id: int,
        text: str,
        *,
        keyboard: InlineKeyboardMarkup | None = None,
    ) -> bool:
        """Edit a message; an edit that changes nothing is not an error."""
        while True:
            try:
                await self.bot.edit_message_text(
                    text,
                    chat_id=chat_id,
                    message_id=message_id,
                    parse_mode=ParseMode.HTML,
                    reply_markup=keyboard,
                    disable_web_page_preview=True,
                )
                return True
            except RetryAfter as error:
                await _wait_out(error, chat_id)
            except BadRequest as error:
                if "message is not modified" in str(error).lower():
                    return True
                log.warning("chat=%s edit of message %s refused: %s", chat_id, message_id, error)
                return False
            except Forbidden as error:
                await self._unreachable(chat_id, error)
                return False

    async def send_document(
        self, chat_id: int, data: bytes, filename: str, caption: str | None = None
    ) -> Message | None:
        target = await self._current_chat(chat_id)
        if target is None:
            return None
        try:
            return await self.bot.send_document(
                target, document=data, filename=filename, caption=caption
            )
        except Forbidden as error:
            await self._unreachable(target, error)
            return None

    async def _current_chat(self, chat_id: int) -> int | None:
        """The chat to send to: followed through migrations; None when unreachable."""
        async with self.database.session() as session:
            seen: set[int] = set()
            while chat_id not in seen:
                seen.add(chat_id)
                chat = await session.get(TelegramChat, chat_id)
                if chat is None:
                    return chat_id
                if chat.migrated_to is not None:
                    chat_id = chat.migrated_to
                    continue
                return None if chat.unreachable_since is not None else chat_id
        return chat_id

    async def migrated(self, old: int, new: int) -> None:
        """Remember that group `old` is now supergroup `new` (its settings move along)."""
        log.info("chat=%s migrated to %s", old, new)
        async with self.database.session() as session:
            chat = await session.get(TelegramChat, old)
            if chat is None:
                session.add(TelegramChat(id=old, kind="group", migrated_to=new))
            else:
                chat.migrated_to = new
            moved = await session.get(TelegramChat, new)
            if moved is None and chat is not None:
                session.add(
                    TelegramChat(
                        id=new,
                        kind="supergroup",
                        title=chat.title,
                        language=chat.language,
                        is_vendor_group=chat.is_vendor_group,
                    )
                )

    async def _unreachable(self, chat_id: int, error: Exception) -> None:
        log.info("chat=%s unreachable: %s", chat_id, error)
        async with self.database.session() as session:
            chat = await session.get(TelegramChat, chat_id)
            if chat is None:
                session.add(TelegramChat(id=chat_id, kind="private", unreachable_since=utcnow()))
            else:
                chat.unreachable_since = utcnow()


async def _wait_out(error: RetryAfter, chat_id: int) -> None:
    """Sleep as long as Telegram asked (an int, or a timedelta with PTB_TIMEDELTA set)."""
    value = error.retry_after
    seconds = value.total_seconds() if isinstance(value, timedelta) else float(value)
    log.info("chat=%s flood control: sending again in %.1f s", chat_id, seconds)
    await asyncio.sleep(seconds + 0.1)

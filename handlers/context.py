"""What every handler needs, in one object kept in `application.bot_data`.

Handlers reach the engine (services), the messenger that survives Telegram's refusals,
the settings, and the chat's language through here instead of each building its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from telegram import Chat, Update, User
from telegram.ext import ContextTypes

from bot.models import TelegramChat
from bot.services import Services
from bot.settings import Settings
from handlers.i18n import Translator, language_for, translator
from handlers.messenger import Messenger

if TYPE_CHECKING:
    from handlers.live import LiveRfqs

KEY = "sourcing"


@dataclass
class BotContext:
    services: Services
    settings: Settings
    messenger: Messenger
    live: LiveRfqs
    #: The bot's @username, for deep links ("quote privately", "register").
    username: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def admins(self) -> frozenset[int]:
        return self.settings.admins

    def is_admin(self, user: User | None) -> bool:
        return user is not None and user.id in self.settings.admins


def bot_context(context: ContextTypes.DEFAULT_TYPE) -> BotContext:
    found = context.bot_data[KEY]
    assert isinstance(found, BotContext)
    return found


async def remember_chat(bctx: BotContext, chat: Chat, user: User | None = None) -> TelegramChat:
    """The chat's row, created on first sight; a chat that writes is reachable again.

    A private chat takes the person's Telegram language until they choose one with /lang,
    so what the bot sends unprompted (an RFQ to a vendor) is in their language too.
    """
    async with bctx.services.database.session() as session:
        row = await session.get(TelegramChat, chat.id)
        if row is None:
            row = TelegramChat(
                id=chat.id,
                kind=chat.type,
                title=chat.title or chat.full_name,
                username=chat.username,
            )
            session.add(row)
        else:
            row.title = chat.title or chat.full_name or row.title
            row.username = chat.username
            row.unreachable_since = None
        if row.language is None and user is not None and chat.type == "private":
            row.language = language_for(user.language_code)
        return row


async def chat_translator(bctx: BotContext, chat_id: int, user: User | None = None) -> Translator:
    """The language a chat chose with /lang, else the user's Telegram language."""
    async with bctx.services.database.session() as session:
        row = await session.get(TelegramChat, chat_id)
        chosen = row.language if row is not None else None
    return translator(chosen or (user.language_code if user else None))


async def update_translator(bctx: BotContext, update: Update) -> Translator:
    chat = update.effective_chat
    user = update.effective_user
    if chat is None:
        return translator(user.language_code if user else None)
    return await chat_translator(bctx, chat.id, user)

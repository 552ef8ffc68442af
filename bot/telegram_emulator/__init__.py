"""A Telegram Bot API emulator: an aiohttp server a real python-telegram-bot Application talks to
through TELEGRAM_API_URL, with people in it that tests and the offline sandbox act as.

See `TelegramEmulator` for the people's side and `FloodLimits` for flood control.
"""

from bot.telegram_emulator.emulator import TelegramEmulator
from bot.telegram_emulator.entities import Entity
from bot.telegram_emulator.errors import BotApiError
from bot.telegram_emulator.events import ApiCall, EmulatorTimeout, Event, EventKind
from bot.telegram_emulator.limits import FloodLimits
from bot.telegram_emulator.objects import (
    BotAccount,
    CallbackAnswer,
    Chat,
    InlineButton,
    Message,
    MessageVersion,
    StoredFile,
    User,
)

__all__ = [
    "ApiCall",
    "BotAccount",
    "BotApiError",
    "CallbackAnswer",
    "Chat",
    "EmulatorTimeout",
    "Entity",
    "Event",
    "EventKind",
    "FloodLimits",
    "InlineButton",
    "Message",
    "MessageVersion",
    "StoredFile",
    "TelegramEmulator",
    "User",
]

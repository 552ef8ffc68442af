"""The things Telegram keeps: people, bots, chats, messages, files and callback queries.

Each object renders itself as the Bot API JSON python-telegram-bot's `de_json` reads. The
objects are live: a test holding a `Message` sees its current text and keyboard after the bot
edits it, and every earlier version in `edits`.
"""

from __future__ import annotations

import asyncio
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.telegram_emulator.entities import Entity

if TYPE_CHECKING:
    from bot.telegram_emulator.limits import FloodControl
    from bot.telegram_emulator.updates import UpdateQueue


@dataclass(eq=False)
class User:
    """A Telegram account: a person, or a bot's own user."""

    id: int
    first_name: str
    is_bot: bool = False
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None

    def to_api(self) -> dict[str, Any]:
        body: dict[str, Any] = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        for name in ("last_name", "username", "language_code"):
            value = getattr(self, name)
            if value is not None:
                body[name] = value
        return body


@dataclass(eq=False)
class BotAccount:
    """A bot known to the emulator: its token, its user and its side of the Bot API."""

    token: str
    user: User
    privacy_mode: bool
    updates: UpdateQueue
    flood: FloodControl
    #: setMyCommands lists by (scope as JSON, language code).
    commands: dict[tuple[str, str], list[dict[str, str]]] = field(default_factory=dict)
    #: Ids of the people who blocked the bot.
    blocked_by: set[int] = field(default_factory=set)

    @property
    def username(self) -> str:
        return self.user.username or ""


@dataclass(eq=False)
class StoredFile:
    """An uploaded file, as getFile describes it and the file URL serves it."""

    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes
    file_name: str | None = None
    mime_type: str | None = None

    @property
    def size(self) -> int:
        return len(self.data)

    def document_api(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": self.size,
        }
        if self.file_name is not None:
            body["file_name"] = self.file_name
        if self.mime_type is not None:
            body["mime_type"] = self.mime_type
        return body

    def file_api(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": self.size,
            "file_path": self.file_path,
        }


@dataclass(eq=False)
class Chat:
    """A private chat (one person with one bot), a group or a supergroup."""

    id: int
    type: str
    title: str | None = None
    #: The person of a private chat.
    person: User | None = None
    #: The bot of a private chat.
    bot: BotAccount | None = None
    members: list[User] = field(default_factory=list)
    bots: list[BotAccount] = field(default_factory=list)
    #: Bots removed from the group: they get 403 instead of "chat not found".
    kicked_bots: list[BotAccount] = field(default_factory=list)
    migrated_to: Chat | None = None
    #: Every message, in order, by message_id (message ids count per chat).
    messages: dict[int, Message] = field(default_factory=dict)
    #: The last sendChatAction the bot made here (typing, upload_document, ...).
    action: str | None = None
    last_message_id: int = 0

    @property
    def is_group(self) -> bool:
        return self.type in ("group", "supergroup")

    def next_message_id(self) -> int:
        """Ids count per chat and are never reused, even after a deletion."""
        self.last_message_id += 1
        return self.last_message_id

    def instance(self, bot: BotAccount) -> str:
        """CallbackQuery.chat_instance: one stable opaque value per chat and bot."""
        return str(zlib.crc32(f"{self.id}:{bot.user.id}".encode()) * 7919)

    def to_api(self) -> dict[str, Any]:
        body: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.person is not None:
            body["first_name"] = self.person.first_name
            if self.person.last_name is not None:
                body["last_name"] = self.person.last_name
            if self.person.username is not None:
                body["username"] = self.person.username
        else:
            body["title"] = self.title
        return body


@dataclass(frozen=True, slots=True)
class InlineButton:
    text: str
    callback_data: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class MessageVersion:
    """What a message said before an edit."""

    text: str | None
    entities: tuple[Entity, ...]
    caption: str | None
    reply_markup: dict[str, Any] | None
    date: int


@dataclass(eq=False)
class Message:
    chat: Chat
    message_id: int
    sender: User
    date: int
    text: str | None = None
    entities: list[Entity] = field(default_factory=list)
    caption: str | None = None
    caption_entities: list[Entity] = field(default_factory=list)
    document: StoredFile | None = None
    #: The inline keyboard, as the API returns it.
    reply_markup: dict[str, Any] | None = None
    #: A reply keyboard, ForceReply or ReplyKeyboardRemove the bot attached (never returned).
    reply_keyboard: dict[str, Any] | None = None
    reply_to: Message | None = None
    edit_date: int | None = None
    #: Earlier versions, oldest first.
    edits: list[MessageVersion] = field(default_factory=list)
    deleted: bool = False
    migrate_to_chat_id: int | None = None
    migrate_from_chat_id: int | None = None

    @property
    def from_bot(self) -> bool:
        return self.sender.is_bot

    def buttons(self) -> list[InlineButton]:
        """The inline keyboard's buttons, row by row."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [
            InlineButton(button["text"], button.get("callback_data"), button.get("url"))
            for row in rows
            for button in row
        ]

    def button_data(self, text: str) -> str:
        """The callback data of the button labelled `text`."""
        for button in self.buttons():
            if button.text == text and button.callback_data is not None:
                return button.callback_data
        raise LookupError(f"no callback button {text!r} on message {self.message_id}")

    def remember_version(self) -> None:
        self.edits.append(
            MessageVersion(
                self.text,
                tuple(self.entities),
                self.caption,
                self.reply_markup,
                self.edit_date or self.date,
            )
        )

    def to_api(self, *, with_reply: bool = True) -> dict[str, Any]:
        body: dict[str, Any] = {
            "message_id": self.message_id,
            "from": self.sender.to_api(),
            "chat": self.chat.to_api(),
            "date": self.date,
        }
        if self.edit_date is not None:
            body["edit_date"] = self.edit_date
        if with_reply and self.reply_to is not None:
            body["reply_to_message"] = self.reply_to.to_api(with_reply=False)
        if self.text is not None:
            body["text"] = self.text
            if self.entities:
                body["entities"] = [entity.to_api() for entity in self.entities]
        if self.document is not None:
            body["document"] = self.document.document_api()
        if self.caption is not None:
            body["caption"] = self.caption
            if self.caption_entities:
                body["caption_entities"] = [entity.to_api() for entity in self.caption_entities]
        if self.reply_markup is not None:
            body["reply_markup"] = self.reply_markup
        if self.migrate_to_chat_id is not None:
            body["migrate_to_chat_id"] = self.migrate_to_chat_id
        if self.migrate_from_chat_id is not None:
            body["migrate_from_chat_id"] = self.migrate_from_chat_id
        return body


@dataclass(frozen=True, slots=True)
class CallbackAnswer:
    """What the bot answered to a button press (answerCallbackQuery)."""

    text: str | None
    show_alert: bool
    url: str | None
    cache_time: int


@dataclass(eq=False)
class CallbackQuery:
    id: str
    user: User
    message: Message
    data: str
    bot: BotAccount
    answer: CallbackAnswer | None = None
    answered: asyncio.Event = field(default_factory=asyncio.Event)

    def to_api(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "from": self.user.to_api(),
            "message": self.message.to_api(),
            "chat_instance": self.message.chat.instance(self.bot),
            "data": self.data,
        }

"""Everything the emulated Telegram knows, and the ids it hands out.

Ids look like Telegram's: people have positive ids, basic groups negative ones, supergroups
-100…; a bot's id is the number before the colon of its token. Message ids count per chat.
"""

from __future__ import annotations

import itertools
import mimetypes
import time
from collections.abc import Callable
from typing import Any

from bot.telegram_emulator.limits import FloodControl, FloodLimits
from bot.telegram_emulator.objects import (
    BotAccount,
    CallbackQuery,
    Chat,
    Message,
    StoredFile,
    User,
)
from bot.telegram_emulator.updates import UpdateQueue


class EmulatorState:
    def __init__(self, *, webhook_retry_delay: float = 1.0) -> None:
        self.bots: dict[str, BotAccount] = {}
        self.users: dict[int, User] = {}
        #: Groups and supergroups by id.
        self.groups: dict[int, Chat] = {}
        #: Private chats by (bot user id, person's id).
        self.private_chats: dict[tuple[int, int], Chat] = {}
        self.files: dict[str, StoredFile] = {}
        self.files_by_path: dict[str, StoredFile] = {}
        self.callback_queries: dict[str, CallbackQuery] = {}
        self.flood_limits: FloodLimits | None = None
        #: Called when something worth re-checking happens outside the event stream (a long
        #: poll starts waiting, a webhook delivery is tried).
        self.on_change: Callable[[], None] = lambda: None
        self._webhook_retry_delay = webhook_retry_delay
        self._user_ids = itertools.count(1_000_001)
        self._group_ids = itertools.count(4_000_001)
        self._supergroup_ids = itertools.count(1_000_000_001)
        self._file_numbers = itertools.count(1)
        self._query_ids = itertools.count(4_388_000_000_000_001, 7)

    def add_bot(self, token: str, username: str, first_name: str, privacy_mode: bool) -> BotAccount:
        head = token.partition(":")[0]
        bot_id = int(head) if head.isdigit() else next(self._user_ids)
        user = User(bot_id, first_name, is_bot=True, username=username)
        bot = BotAccount(
            token=token,
            user=user,
            privacy_mode=privacy_mode,
            updates=UpdateQueue(
                webhook_retry_delay=self._webhook_retry_delay, on_change=lambda: self.on_change()
            ),
            flood=FloodControl(self.flood_limits),
        )
        self.bots[token] = bot
        self.users[bot_id] = user
        return bot

    def add_user(
        self,
        first_name: str,
        *,
        last_name: str | None,
        username: str | None,
        language_code: str | None,
    ) -> User:
        user = User(
            next(self._user_ids),
            first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
        )
        self.users[user.id] = user
        return user

    def private_chat(self, bot: BotAccount, person: User) -> Chat:
        key = (bot.user.id, person.id)
        chat = self.private_chats.get(key)
        if chat is None:
            chat = Chat(person.id, "private", person=person, bot=bot)
            self.private_chats[key] = chat
        return chat

    def add_group(
        self, title: str, members: list[User], bots: list[BotAccount], *, supergroup: bool
    ) -> Chat:
        if supergroup:
            chat_id = -1_000_000_000_000 - next(self._supergroup_ids)
        else:
            chat_id = -next(self._group_ids)
        chat = Chat(
            chat_id,
            "supergroup" if supergroup else "group",
            title=title,
            members=list(members),
            bots=list(bots),
        )
        self.groups[chat_id] = chat
        return chat

    def add_message(self, chat: Chat, sender: User, **content: Any) -> Message:
        message = Message(chat, chat.next_message_id(), sender, int(time.time()), **content)
        chat.messages[message.message_id] = message
        return message

    def store_file(
        self, data: bytes, file_name: str | None, mime_type: str | None, folder: str = "documents"
    ) -> StoredFile:
        number = next(self._file_numbers)
        guessed = mimetypes.guess_type(file_name)[0] if file_name else None
        extension = file_name.rpartition(".")[2] if file_name and "." in file_name else ""
        path = f"{folder}/file_{number}" + (f".{extension}" if extension else "")
        stored = StoredFile(
            file_id=f"BQACAgIAAxkBAAI{number:08d}",
            file_unique_id=f"AgAD{number:06d}",
            file_path=path,
            data=data,
            file_name=file_name,
            mime_type=mime_type or guessed or "application/octet-stream",
        )
        self.files[stored.file_id] = stored
        self.files_by_path[path] = stored
        return stored

    def new_query_id(self) -> str:
        return str(next(self._query_ids))

    def set_flood_limits(self, limits: FloodLimits | None) -> None:
        self.flood_limits = limits
        for bot in self.bots.values():
            bot.flood.limits = limits

"""The emulator, and the people's side of it: what tests and the sandbox's web chat use to act
as people talking to a bot.

    async with TelegramEmulator() as emulator:
        emulator.add_bot("123456:TEST", "sourcing_bot")
        # ... start the bot with base_url=f"{emulator.api_url}/bot"
        alice = emulator.user("Alice", username="alice")
        chat = emulator.private_chat(alice)
        sent = await emulator.send_text(alice, chat, "500 pcs 0603 10k")
        replies = await emulator.wait_for(lambda: emulator.messages(chat, after=sent))

People act through the same state the Bot API serves, so what the bot sees (updates) and what
people see (`messages`, with edits) always agree.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any, TypeVar

import aiohttp

from bot.telegram_emulator.entities import Entity, entity_text, normalise, with_automatic_entities
from bot.telegram_emulator.events import ApiCall, Event, EventHub, EventKind
from bot.telegram_emulator.limits import MAX_CAPTION_LENGTH, MAX_TEXT_LENGTH, FloodLimits
from bot.telegram_emulator.methods import BotApi
from bot.telegram_emulator.objects import (
    BotAccount,
    CallbackAnswer,
    CallbackQuery,
    Chat,
    Message,
    User,
)
from bot.telegram_emulator.server import EmulatorServer
from bot.telegram_emulator.state import EmulatorState

T = TypeVar("T")


class TelegramEmulator:
    """A Bot API server with people in it, running in the caller's event loop."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        flood_limits: FloodLimits | None = None,
        webhook_retry_delay: float = 1.0,
    ) -> None:
        self._host = host
        self._port = port
        self.state = EmulatorState(webhook_retry_delay=webhook_retry_delay)
        self.state.set_flood_limits(flood_limits)
        self.hub = EventHub()
        self.state.on_change = self.hub.changed.fire
        self._session: aiohttp.ClientSession | None = None
        self._api = BotApi(self.state, self.hub, self._webhook_session)
        self._server = EmulatorServer(self.state, self._api, self.hub)

    # -- running ------------------------------------------------------------------------------

    async def start(self) -> None:
        await self._server.start(self._host, self._port)

    async def stop(self) -> None:
        for bot in self.state.bots.values():
            await bot.updates.close()
        for query in self.state.callback_queries.values():
            query.answered.set()
        await self._server.stop()
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def __aenter__(self) -> TelegramEmulator:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def api_url(self) -> str:
        """The TELEGRAM_API_URL to give the bot: `{api_url}/bot<token>/<method>`."""
        if not self._server.url:
            raise RuntimeError("the emulator is not running")
        return self._server.url

    def _webhook_session(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        return self._session

    # -- who is there ----------------------------------------------------------------------------

    def add_bot(
        self,
        token: str,
        username: str,
        *,
        first_name: str | None = None,
        privacy_mode: bool = True,
    ) -> BotAccount:
        """A bot the Bot API answers for; in privacy mode (Telegram's default) it sees only
        commands, mentions of it and replies to it in groups."""
        if token in self.state.bots:
            raise ValueError(f"a bot with token {token!r} already exists")
        return self.state.add_bot(token, username, first_name or username, privacy_mode)

    def bot(self, token: str | None = None) -> BotAccount:
        """A bot by token; the first one added when none is named."""
        if token is None:
            return self._bot(None)
        return self.state.bots[token]

    def user(
        self,
        first_name: str,
        *,
        username: str | None = None,
        last_name: str | None = None,
        language_code: str | None = "en",
    ) -> User:
        return self.state.add_user(
            first_name, last_name=last_name, username=username, language_code=language_code
        )

    def private_chat(self, user: User, bot: BotAccount | None = None) -> Chat:
        """The person's chat with the bot, opened (so the bot may write to them)."""
        return self.state.private_chat(self._bot(bot), user)

    def group(
        self,
        title: str,
        members: Sequence[User],
        *,
        bots: Sequence[BotAccount] | None = None,
        supergroup: bool = False,
    ) -> Chat:
        """A group with these people and bots (every bot when none are named) in it."""
        chosen = list(self.state.bots.values()) if bots is None else list(bots)
        return self.state.add_group(title, list(members), chosen, supergroup=supergroup)

    def migrate_to_supergroup(self, group: Chat) -> Chat:
        """Upgrades a basic group: the old id then answers 400 with migrate_to_chat_id."""
        if group.type != "group" or group.migrated_to is not None:
            raise ValueError("only a basic group that was not migrated yet can be upgraded")
        supergroup = self.state.add_group(
            group.title or "", group.members, group.bots, supergroup=True
        )
        group.migrated_to = supergroup
        actor = group.members[0] if group.members else group.bots[0].user
        old = self.state.add_message(group, actor, migrate_to_chat_id=supergroup.id)
        new = self.state.add_message(supergroup, actor, migrate_from_chat_id=group.id)
        for message in (old, new):
            self._deliver(message)
            self.hub.emit(Event(EventKind.MESSAGE, message.chat, message))
        return supergroup

    def block(self, user: User, bot: BotAccount | None = None) -> None:
        """The person blocks the bot: sends to them answer 403 until unblocked."""
        chosen = self._bot(bot)
        chosen.blocked_by.add(user.id)
        self._member_update(chosen, self.private_chat(user, chosen), user, "member", "kicked")

    def unblock(self, user: User, bot: BotAccount | None = None) -> None:
        chosen = self._bot(bot)
        chosen.blocked_by.discard(user.id)
        self._member_update(chosen, self.private_chat(user, chosen), user, "kicked", "member")

    def remove_bot(self, group: Chat, bot: BotAccount | None = None) -> None:
        """Someone removes the bot from a group: sends there answer 403 "bot was kicked"."""
        chosen = self._bot(bot)
        if chosen not in group.bots:
            raise ValueError("the bot is not in that group")
        group.bots.remove(chosen)
        group.kicked_bots.append(chosen)
        actor = group.members[0] if group.members else chosen.user
        self._member_update(chosen, group, actor, "member", "kicked")

    @property
    def flood_limits(self) -> FloodLimits | None:
        return self.state.flood_limits

    @flood_limits.setter
    def flood_limits(self, limits: FloodLimits | None) -> None:
        """Turns flood control on with these limits, or off with None."""
        self.state.set_flood_limits(limits)

    # -- what people do ---------------------------------------------------------------------------

    async def send_text(
        self, user: User, chat: Chat, text: str, reply_to: Message | None = None
    ) -> Message:
        """A person's message; commands and @mentions get their entities."""
        self._check_can_write(user, chat)
        plain, entities = _people_text(text, MAX_TEXT_LENGTH)
        message = self.state.add_message(
            chat, user, text=plain, entities=entities, reply_to=self._in_chat(chat, reply_to)
        )
        self._deliver(message)
        self.hub.emit(Event(EventKind.MESSAGE, chat, message))
        return message

    async def send_document(
        self,
        user: User,
        chat: Chat,
        filename: str,
        data: bytes,
        caption: str | None = None,
        *,
        mime_type: str | None = None,
        reply_to: Message | None = None,
    ) -> Message:
        """A person sends a file; the bot fetches it with getFile and the file URL."""
        self._check_can_write(user, chat)
        if not data:
            raise ValueError("Telegram does not send empty files")
        stored = self.state.store_file(data, filename, mime_type)
        plain, entities = _people_text(caption, MAX_CAPTION_LENGTH) if caption else (None, [])
        message = self.state.add_message(
            chat,
            user,
            document=stored,
            caption=plain,
            caption_entities=entities,
            reply_to=self._in_chat(chat, reply_to),
        )
        self._deliver(message)
        self.hub.emit(Event(EventKind.MESSAGE, chat, message))
        return message

    async def press(
        self,
        user: User,
        message: Message,
        callback_data: str,
        timeout: float = 5.0,  # noqa: ASYNC109 (seconds a Telegram client shows its spinner)
    ) -> CallbackAnswer | None:
        """Presses the inline button carrying `callback_data`; returns the bot's
        answerCallbackQuery, or None when it gave none within `timeout` seconds."""
        self._check_can_write(user, message.chat)
        if message.deleted or callback_data not in {
            button.callback_data for button in message.buttons()
        }:
            raise ValueError(f"message {message.message_id} has no button {callback_data!r}")
        bot = self._bot_of(message)
        query = CallbackQuery(self.state.new_query_id(), user, message, callback_data, bot)
        self.state.callback_queries[query.id] = query
        bot.updates.push("callback_query", query.to_api())
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await query.answered.wait()
        return query.answer

    # -- what people see ----------------------------------------------------------------------

    def messages(self, chat: Chat, *, after: Message | None = None) -> list[Message]:
        """The bots' messages in the chat as people see them now (edited text, keyboard),
        oldest first; only those newer than `after` when given."""
        newer_than = after.message_id if after is not None else 0
        return [
            message
            for message in chat.messages.values()
            if message.from_bot and not message.deleted and message.message_id > newer_than
        ]

    def history(self, chat: Chat) -> list[Message]:
        """Every message in the chat, people's and bots', deleted ones left out."""
        return [message for message in chat.messages.values() if not message.deleted]

    async def wait_for(
        self,
        condition: Callable[[], T],
        timeout: float = 5.0,  # noqa: ASYNC109 (a deadline per condition reads best in tests)
    ) -> T:
        """Waits until `condition()` is truthy and returns its value; it is checked at once
        and again after each thing that happens (a message, an edit, a Bot API call)."""
        return await self.hub.wait_for(condition, timeout)

    @property
    def calls(self) -> list[ApiCall]:
        """Every Bot API call received, in order."""
        return list(self.hub.calls)

    def calls_to(self, method: str) -> list[ApiCall]:
        return [call for call in self.hub.calls if call.method.lower() == method.lower()]

    def add_listener(self, listener: Callable[[Event], None]) -> None:
        self.hub.listeners.append(listener)

    def remove_listener(self, listener: Callable[[Event], None]) -> None:
        self.hub.listeners.remove(listener)

    # -- delivery ---------------------------------------------------------------------------------

    def _bot(self, bot: BotAccount | None) -> BotAccount:
        if bot is not None:
            return bot
        if not self.state.bots:
            raise ValueError("no bot yet: call add_bot first")
        return next(iter(self.state.bots.values()))

    def _bot_of(self, message: Message) -> BotAccount:
        for bot in self.state.bots.values():
            if bot.user is message.sender:
                return bot
        raise ValueError("only a bot's message has buttons to press")

    def _check_can_write(self, user: User, chat: Chat) -> None:
        if chat.type == "private":
            if chat.person is not user:
                raise ValueError(f"{user.first_name} is not in this private chat")
            if chat.bot is not None and user.id in chat.bot.blocked_by:
                raise ValueError(f"{user.first_name} blocked the bot; unblock first")
            return
        if chat.migrated_to is not None:
            raise ValueError("this group became a supergroup; write there")
        if user not in chat.members:
            raise ValueError(f"{user.first_name} is not a member of {chat.title}")

    @staticmethod
    def _in_chat(chat: Chat, message: Message | None) -> Message | None:
        if message is not None and message.chat is not chat:
            raise ValueError("a reply must be to a message of the same chat")
        return message

    def _deliver(self, message: Message) -> None:
        """Queues the update for each bot that sees this message."""
        chat = message.chat
        bots = [chat.bot] if chat.bot is not None else chat.bots
        for bot in bots:
            if bot.user is not message.sender and _sees(bot, message):
                bot.updates.push("message", message.to_api())

    def _member_update(self, bot: BotAccount, chat: Chat, actor: User, old: str, new: str) -> None:
        def member(status: str) -> dict[str, Any]:
            body: dict[str, Any] = {"status": status, "user": bot.user.to_api()}
            if status == "kicked":
                body["until_date"] = 0
            return body

        bot.updates.push(
            "my_chat_member",
            {
                "chat": chat.to_api(),
                "from": actor.to_api(),
                "date": int(time.time()),
                "old_chat_member": member(old),
                "new_chat_member": member(new),
            },
        )


def _people_text(text: str, limit: int) -> tuple[str, list[Entity]]:
    plain, entities = normalise(text, [])
    if not plain:
        raise ValueError("Telegram does not send empty messages")
    if len(plain) > limit:
        raise ValueError(f"a Telegram message holds at most {limit} characters")
    return plain, with_automatic_entities(plain, entities)


def _sees(bot: BotAccount, message: Message) -> bool:
    """Privacy mode: in groups the bot gets commands, mentions of it, replies to it and
    service messages; otherwise everything."""
    if message.chat.type == "private" or not bot.privacy_mode:
        return True
    if message.migrate_to_chat_id is not None or message.migrate_from_chat_id is not None:
        return True
    if message.reply_to is not None and message.reply_to.sender is bot.user:
        return True
    text = message.text if message.text is not None else message.caption or ""
    entities = message.entities if message.text is not None else message.caption_entities
    for entity in entities:
        covered = entity_text(text, entity)
        if entity.type == "mention" and covered[1:].lower() == bot.username.lower():
            return True
        if entity.type == "bot_command" and entity.offset == 0:
            _, _, addressee = covered.partition("@")
            if not addressee or addressee.lower() == bot.username.lower():
                return True
    return False

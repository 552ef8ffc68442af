"""The Bot API methods a bot calls, answered as Telegram answers them.

Checks run in the Bot API server's order: the request's own parameters (text, markup JSON),
then the chat (not found, migrated, blocked, not a member), then Telegram's limits (lengths,
callback data, flood control), and only then does anything change.
"""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from bot.telegram_emulator.entities import Entity, formatted_text
from bot.telegram_emulator.errors import (
    NOT_MODIFIED,
    bad_request,
    chat_migrated,
    forbidden,
)
from bot.telegram_emulator.events import Event, EventHub, EventKind
from bot.telegram_emulator.limits import (
    MAX_CAPTION_LENGTH,
    MAX_COMMANDS,
    MAX_DOWNLOAD_BYTES,
    MAX_TEXT_LENGTH,
)
from bot.telegram_emulator.markup import read_reply_markup
from bot.telegram_emulator.objects import BotAccount, CallbackAnswer, Chat, Message
from bot.telegram_emulator.params import Params, Upload
from bot.telegram_emulator.state import EmulatorState
from bot.telegram_emulator.updates import UPDATE_TYPES, Webhook

Handler = Callable[[BotAccount, Params], Awaitable[Any]]

CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]+")
_LANGUAGE_CODE = re.compile(r"[a-z]{2}")


class BotApi:
    """The handlers, by lower-case method name (Telegram's method names ignore case)."""

    def __init__(
        self,
        state: EmulatorState,
        hub: EventHub,
        session: Callable[[], aiohttp.ClientSession],
    ) -> None:
        self.state = state
        self.hub = hub
        self._session = session
        self.handlers: dict[str, Handler] = {
            "getme": self.get_me,
            "getupdates": self.get_updates,
            "setwebhook": self.set_webhook,
            "deletewebhook": self.delete_webhook,
            "getwebhookinfo": self.get_webhook_info,
            "sendmessage": self.send_message,
            "senddocument": self.send_document,
            "editmessagetext": self.edit_message_text,
            "editmessagereplymarkup": self.edit_message_reply_markup,
            "deletemessage": self.delete_message,
            "answercallbackquery": self.answer_callback_query,
            "getfile": self.get_file,
            "sendchataction": self.send_chat_action,
            "setmycommands": self.set_my_commands,
            "getmycommands": self.get_my_commands,
            "deletemycommands": self.delete_my_commands,
        }

    # -- the bot and its updates -------------------------------------------------------------

    async def get_me(self, bot: BotAccount, params: Params) -> Any:
        return {
            **bot.user.to_api(),
            "can_join_groups": True,
            "can_read_all_group_messages": not bot.privacy_mode,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def get_updates(self, bot: BotAccount, params: Params) -> Any:
        offset = params.integer("offset")
        limit = params.integer("limit")
        timeout = params.integer("timeout") or 0
        allowed = params.json("allowed_updates", "can't parse allowed updates JSON object")
        if isinstance(allowed, list):
            bot.updates.set_allowed([str(kind) for kind in allowed])
        limit = 100 if limit is None or not 1 <= limit <= 100 else limit
        return await bot.updates.poll(offset, limit, max(0, timeout))

    async def set_webhook(self, bot: BotAccount, params: Params) -> Any:
        url = params.string("url") or ""
        secret = params.string("secret_token")
        max_connections = params.integer("max_connections") or 40
        allowed = params.json("allowed_updates", "can't parse allowed updates JSON object")
        if url:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise bad_request("invalid webhook URL specified")
        if secret is not None:
            if len(secret) > 256:
                raise bad_request("secret token is too long")
            if not _SECRET_TOKEN.fullmatch(secret):
                raise bad_request("secret token contains unallowed characters")
        if not 1 <= max_connections <= 100:
            raise bad_request("max_connections must be between 1 and 100")
        if isinstance(allowed, list):
            bot.updates.set_allowed([str(kind) for kind in allowed])
        if params.boolean("drop_pending_updates"):
            bot.updates.drop_pending()
        if not url:
            await bot.updates.delete_webhook()
            return True
        webhook = Webhook(url, secret or None, max_connections)
        bot.updates.set_webhook(webhook, self._session())
        return True

    async def delete_webhook(self, bot: BotAccount, params: Params) -> Any:
        if params.boolean("drop_pending_updates"):
            bot.updates.drop_pending()
        await bot.updates.delete_webhook()
        return True

    async def get_webhook_info(self, bot: BotAccount, params: Params) -> Any:
        webhook = bot.updates.webhook
        info: dict[str, Any] = {
            "url": webhook.url if webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(bot.updates.pending),
        }
        if webhook is not None:
            info["max_connections"] = webhook.max_connections
            info["allowed_updates"] = [kind for kind in UPDATE_TYPES if kind in bot.updates.allowed]
            if webhook.last_error_date is not None:
                info["last_error_date"] = webhook.last_error_date
                info["last_error_message"] = webhook.last_error_message
        return info

    # -- sending --------------------------------------------------------------------------------

    async def send_message(self, bot: BotAccount, params: Params) -> Any:
        chat_id = params.chat_id()
        text, entities = _message_text(params, "text", "entities")
        inline, keyboard = read_reply_markup(
            params.json("reply_markup", "can't parse reply keyboard markup JSON object")
        )
        chat = self.chat_for(bot, chat_id)
        if len(text) > MAX_TEXT_LENGTH:
            raise bad_request("message is too long")
        reply_to = _reply_target(chat, params)
        bot.flood.admit(chat.id, is_group=chat.is_group)
        message = self.state.add_message(
            chat,
            bot.user,
            text=text,
            entities=entities,
            reply_markup=inline,
            reply_keyboard=keyboard,
            reply_to=reply_to,
        )
        self.hub.emit(Event(EventKind.MESSAGE, chat, message))
        return message.to_api()

    async def send_document(self, bot: BotAccount, params: Params) -> Any:
        chat_id = params.chat_id()
        document = params.upload("document")
        if document is None:
            raise bad_request("there is no document in the request")
        caption, caption_entities = _caption(params)
        inline, keyboard = read_reply_markup(
            params.json("reply_markup", "can't parse reply keyboard markup JSON object")
        )
        chat = self.chat_for(bot, chat_id)
        if caption is not None and len(caption) > MAX_CAPTION_LENGTH:
            raise bad_request("message caption is too long")
        if isinstance(document, Upload):
            if not document.data:
                raise bad_request("file must be non-empty")
            stored = self.state.store_file(
                document.data, document.filename, _content_type(document)
            )
        else:
            found = self.state.files.get(document)
            if found is None:
                raise bad_request("wrong file identifier/HTTP URL specified")
            stored = found
        reply_to = _reply_target(chat, params)
        bot.flood.admit(chat.id, is_group=chat.is_group)
        message = self.state.add_message(
            chat,
            bot.user,
            document=stored,
            caption=caption,
            caption_entities=caption_entities,
            reply_markup=inline,
            reply_keyboard=keyboard,
            reply_to=reply_to,
        )
        self.hub.emit(Event(EventKind.MESSAGE, chat, message))
        return message.to_api()

    async def send_chat_action(self, bot: BotAccount, params: Params) -> Any:
        chat_id = params.chat_id()
        action = params.string("action")
        if action not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        chat = self.chat_for(bot, chat_id)
        chat.action = action
        self.hub.emit(Event(EventKind.CHAT_ACTION, chat))
        return True

    # -- editing ----------------------------------------------------------------------------------

    async def edit_message_text(self, bot: BotAccount, params: Params) -> Any:
        text, entities = _message_text(params, "text", "entities")
        inline = _edit_markup(params)
        message = self._message_to_edit(bot, params)
        if message.text is None:
            raise bad_request("there is no text in the message to edit")
        if len(text) > MAX_TEXT_LENGTH:
            raise bad_request("message is too long")
        if (text, entities, inline) == (message.text, message.entities, message.reply_markup):
            raise bad_request(NOT_MODIFIED)
        bot.flood.admit(message.chat.id, is_group=message.chat.is_group, is_edit=True)
        message.remember_version()
        message.text, message.entities, message.reply_markup = text, entities, inline
        return self._edited(message)

    async def edit_message_reply_markup(self, bot: BotAccount, params: Params) -> Any:
        inline = _edit_markup(params)
        message = self._message_to_edit(bot, params)
        if inline == message.reply_markup:
            raise bad_request(NOT_MODIFIED)
        bot.flood.admit(message.chat.id, is_group=message.chat.is_group, is_edit=True)
        message.remember_version()
        message.reply_markup = inline
        return self._edited(message)

    async def delete_message(self, bot: BotAccount, params: Params) -> Any:
        chat = self.chat_for(bot, params.chat_id())
        message_id = params.integer("message_id")
        if message_id is None:
            raise bad_request("message identifier is not specified")
        message = chat.messages.get(message_id)
        if message is None or message.deleted:
            raise bad_request("message to delete not found")
        if chat.is_group and message.sender is not bot.user:
            raise bad_request("message can't be deleted")
        message.deleted = True
        self.hub.emit(Event(EventKind.DELETED, chat, message))
        return True

    def _message_to_edit(self, bot: BotAccount, params: Params) -> Message:
        if params.string("inline_message_id"):
            raise bad_request("MESSAGE_ID_INVALID")
        chat = self.chat_for(bot, params.chat_id())
        message_id = params.integer("message_id")
        if message_id is None:
            raise bad_request("message identifier is not specified")
        message = chat.messages.get(message_id)
        if message is None or message.deleted:
            raise bad_request("message to edit not found")
        if message.sender is not bot.user:
            raise bad_request("message can't be edited")
        return message

    def _edited(self, message: Message) -> Any:
        message.edit_date = int(time.time())
        self.hub.emit(Event(EventKind.EDITED, message.chat, message))
        return message.to_api()

    # -- callback queries, files, commands ------------------------------------------------------

    async def answer_callback_query(self, bot: BotAccount, params: Params) -> Any:
        query_id = params.string("callback_query_id")
        if not query_id:
            raise bad_request("query_id is empty")
        query = self.state.callback_queries.get(query_id)
        if query is None or query.bot is not bot or query.answer is not None:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        query.answer = CallbackAnswer(
            text=params.string("text"),
            show_alert=params.boolean("show_alert"),
            url=params.string("url"),
            cache_time=params.integer("cache_time") or 0,
        )
        query.answered.set()
        self.hub.emit(Event(EventKind.CALLBACK_ANSWERED, query.message.chat, callback=query))
        return True

    async def get_file(self, bot: BotAccount, params: Params) -> Any:
        file_id = params.string("file_id")
        if not file_id:
            raise bad_request("file_id not specified")
        stored = self.state.files.get(file_id)
        if stored is None:
            raise bad_request("invalid file_id")
        if stored.size > MAX_DOWNLOAD_BYTES:
            raise bad_request("file is too big")
        return stored.file_api()

    async def set_my_commands(self, bot: BotAccount, params: Params) -> Any:
        commands = params.json("commands", "can't parse commands JSON object")
        if not isinstance(commands, list):
            raise bad_request("can't parse commands JSON object")
        if len(commands) > MAX_COMMANDS:
            raise bad_request("BOT_COMMANDS_TOO_MUCH")
        checked = [_command(command) for command in commands]
        bot.commands[_commands_key(params)] = checked
        return True

    async def get_my_commands(self, bot: BotAccount, params: Params) -> Any:
        return bot.commands.get(_commands_key(params), [])

    async def delete_my_commands(self, bot: BotAccount, params: Params) -> Any:
        bot.commands.pop(_commands_key(params), None)
        return True

    # -- chats ------------------------------------------------------------------------------------

    def chat_for(self, bot: BotAccount, chat_id: int | str) -> Chat:
        """The chat a bot addresses, or the error Telegram gives for it."""
        if isinstance(chat_id, str):
            raise bad_request("chat not found")
        if chat_id > 0:
            return self._private_chat(bot, chat_id)
        chat = self.state.groups.get(chat_id)
        if chat is None:
            raise bad_request("chat not found")
        if chat.migrated_to is not None:
            raise chat_migrated(chat.migrated_to.id)
        if bot in chat.kicked_bots:
            raise forbidden(f"bot was kicked from the {chat.type} chat")
        if bot not in chat.bots:
            raise bad_request("chat not found")
        return chat

    def _private_chat(self, bot: BotAccount, user_id: int) -> Chat:
        person = self.state.users.get(user_id)
        if person is None:
            raise bad_request("chat not found")
        if person.is_bot:
            raise forbidden("bot can't send messages to bots")
        chat = self.state.private_chats.get((bot.user.id, user_id))
        if chat is None:
            raise forbidden("bot can't initiate conversation with a user")
        if user_id in bot.blocked_by:
            raise forbidden("bot was blocked by the user")
        return chat


def _message_text(params: Params, name: str, entities_name: str) -> tuple[str, list[Entity]]:
    raw = params.string(name)
    if not raw:
        raise bad_request("message text is empty")
    text, entities = formatted_text(
        raw, params.string("parse_mode"), params.entities(entities_name)
    )
    if not text:
        raise bad_request("message text is empty")
    return text, entities


def _caption(params: Params) -> tuple[str | None, list[Entity]]:
    raw = params.string("caption")
    if not raw:
        return None, []
    text, entities = formatted_text(
        raw, params.string("parse_mode"), params.entities("caption_entities")
    )
    return text or None, entities


def _edit_markup(params: Params) -> dict[str, Any] | None:
    """The new inline keyboard; an edit without reply_markup removes the keyboard."""
    inline, keyboard = read_reply_markup(
        params.json("reply_markup", "can't parse reply keyboard markup JSON object")
    )
    if keyboard is not None:
        raise bad_request("inline keyboard expected")
    return inline


def _reply_target(chat: Chat, params: Params) -> Message | None:
    """reply_parameters, or the older reply_to_message_id / allow_sending_without_reply."""
    reply = params.json("reply_parameters", "can't parse reply parameters JSON object")
    if isinstance(reply, dict):
        message_id = reply.get("message_id")
        allow_without = bool(reply.get("allow_sending_without_reply"))
    else:
        message_id = params.integer("reply_to_message_id")
        allow_without = params.boolean("allow_sending_without_reply")
    if message_id is None:
        return None
    target = chat.messages.get(int(message_id))
    if target is None or target.deleted:
        if allow_without:
            return None
        raise bad_request("message to be replied not found")
    return target


def _content_type(upload: Upload) -> str | None:
    if upload.content_type in (None, "application/octet-stream"):
        return None
    return upload.content_type


def _command(command: Any) -> dict[str, str]:
    if not isinstance(command, dict):
        raise bad_request("can't parse BotCommand JSON object")
    name = command.get("command")
    description = command.get("description")
    if not isinstance(name, str) or not _COMMAND_NAME.fullmatch(name):
        raise bad_request("BOT_COMMAND_INVALID")
    if not isinstance(description, str) or not 1 <= len(description) <= 256:
        raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    return {"command": name, "description": description}


def _commands_key(params: Params) -> tuple[str, str]:
    scope = params.json("scope", "can't parse BotCommandScope JSON object") or {"type": "default"}
    language = params.string("language_code") or ""
    if language and not _LANGUAGE_CODE.fullmatch(language):
        raise bad_request("invalid language code specified")
    return repr(sorted(scope.items()) if isinstance(scope, dict) else scope), language

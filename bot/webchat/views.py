"""What the page receives: seats and messages as JSON, ready to show.

Messages are live objects in the emulator; a view is taken when something happens to one, so
the page gets each version in order. Text arrives as HTML made by `entities_html` (the only
markup the page inserts); everything else is plain data the page puts in as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.telegram_emulator import BotAccount, Message, User
from bot.webchat.formatting import entities_html, preview, safe_href
from bot.webchat.links import bot_link
from bot.webchat.seats import Seat

JsonObject = dict[str, Any]


def user_name(user: User) -> str:
    return " ".join(part for part in (user.first_name, user.last_name) if part)


def file_url(file_id: str) -> str:
    return f"/api/files/{file_id}"


def seat_view(seat: Seat, bots: Sequence[BotAccount]) -> JsonObject:
    """A seat with the chat's whole history (deleted messages left out)."""
    chat = seat.current_chat
    viewer = seat.speakers[0] if seat.speakers else chat.person
    return {
        "key": seat.key,
        "title": seat.title,
        "subtitle": seat.subtitle,
        "type": chat.type,
        "speakers": [{"id": user.id, "name": user_name(user)} for user in seat.speakers],
        "self_id": viewer.id if viewer is not None else None,
        "messages": [
            message_view(message, bots) for message in chat.messages.values() if not message.deleted
        ],
    }


def message_view(message: Message, bots: Sequence[BotAccount]) -> JsonObject:
    text = message.text if message.text is not None else message.caption or ""
    entities = message.entities if message.text is not None else message.caption_entities
    return {
        "id": message.message_id,
        "sender": {"id": message.sender.id, "name": user_name(message.sender)},
        "from_bot": message.from_bot,
        "date": message.date,
        "edited": message.edit_date is not None,
        "html": entities_html(text, entities),
        "preview": message_preview(message),
        "document": _document(message),
        "reply_to": _quote(message.reply_to),
        "buttons": _buttons(message, bots),
        "reply_keyboard": _reply_keyboard(message.reply_keyboard),
        "service": _service(message),
    }


def message_preview(message: Message) -> str:
    """One line for the chat list and for quotes of replies."""
    service = _service(message)
    if service is not None:
        return service
    text = message.text if message.text is not None else message.caption
    if message.document is not None:
        name = message.document.file_name or "file"
        return preview(f"{name}, {text}" if text else name)
    return preview(text or "")


def _document(message: Message) -> JsonObject | None:
    stored = message.document
    if stored is None:
        return None
    return {
        "file_id": stored.file_id,
        "name": stored.file_name or stored.file_path.rpartition("/")[2],
        "mime_type": stored.mime_type,
        "size": stored.size,
        "url": file_url(stored.file_id),
    }


def _quote(replied: Message | None) -> JsonObject | None:
    if replied is None:
        return None
    return {
        "id": replied.message_id,
        "sender_name": user_name(replied.sender),
        "preview": "Deleted message" if replied.deleted else message_preview(replied),
    }


def _buttons(message: Message, bots: Sequence[BotAccount]) -> list[list[JsonObject]]:
    """The inline keyboard, each button with what pressing it does on the page."""
    rows: list[list[JsonObject]] = []
    for row in (message.reply_markup or {}).get("inline_keyboard", []):
        shown: list[JsonObject] = []
        for button in row:
            view: JsonObject = {"text": str(button.get("text", "")), "kind": "unsupported"}
            url = button.get("url")
            if isinstance(button.get("callback_data"), str):
                view.update(kind="callback", data=button["callback_data"])
            elif isinstance(url, str) and bot_link(url, bots) is not None:
                view.update(kind="bot_link", url=url)
            elif isinstance(url, str) and (href := safe_href(url)) is not None:
                view.update(kind="url", url=href)
            shown.append(view)
        rows.append(shown)
    return rows


def _reply_keyboard(markup: dict[str, Any] | None) -> JsonObject | None:
    """A reply keyboard's rows of texts, a ForceReply, or a keyboard removal."""
    if not isinstance(markup, dict):
        return None
    placeholder = markup.get("input_field_placeholder")
    placeholder = placeholder if isinstance(placeholder, str) else None
    if markup.get("force_reply"):
        return {"kind": "force_reply", "placeholder": placeholder}
    if markup.get("remove_keyboard"):
        return {"kind": "remove"}
    rows = markup.get("keyboard")
    if not isinstance(rows, list):
        return None
    texts = [
        [
            button if isinstance(button, str) else str(button.get("text", ""))
            for button in row
            if isinstance(button, str | dict)
        ]
        for row in rows
        if isinstance(row, list)
    ]
    return {
        "kind": "keyboard",
        "rows": [row for row in texts if row],
        "placeholder": placeholder,
        "one_time": bool(markup.get("one_time_keyboard")),
    }


def _service(message: Message) -> str | None:
    if message.migrate_to_chat_id is not None:
        return "The group was upgraded to a supergroup"
    if message.migrate_from_chat_id is not None:
        return "Group upgraded from a basic group"
    return None

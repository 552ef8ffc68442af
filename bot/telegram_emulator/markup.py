"""Reply markup as the Bot API accepts it: inline keyboards checked button by button.

Telegram refuses a whole message for one bad button: callback data outside 1-64 bytes is
BUTTON_DATA_INVALID, a button with no action is a "text button", and so on.
"""

from __future__ import annotations

import json
from typing import Any

from bot.telegram_emulator.errors import bad_request
from bot.telegram_emulator.limits import MAX_CALLBACK_DATA_BYTES

_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_REPLY_KEYBOARDS = ("keyboard", "remove_keyboard", "force_reply")


def read_reply_markup(value: Any) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """(inline keyboard, other reply markup) from a `reply_markup` parameter."""
    if value is None:
        return None, None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError as error:
            raise bad_request("can't parse reply keyboard markup JSON object") from error
    if not isinstance(value, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in value:
        return {"inline_keyboard": _inline_keyboard(value["inline_keyboard"])}, None
    if any(kind in value for kind in _REPLY_KEYBOARDS):
        return None, value
    raise bad_request("can't parse reply keyboard markup JSON object")


def _inline_keyboard(rows: Any) -> list[list[dict[str, Any]]]:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array')
    return [[_button(button) for button in row] for row in rows]


def _button(button: Any) -> dict[str, Any]:
    if not isinstance(button, dict):
        raise bad_request(
            "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
        )
    if not isinstance(button.get("text"), str):
        raise bad_request(
            'can\'t parse inline keyboard button: Field "text" must be of type String'
        )
    actions = [name for name in _ACTIONS if name in button]
    if not actions:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    data = button.get("callback_data")
    if "callback_data" in button and not _valid_callback_data(data):
        raise bad_request("BUTTON_DATA_INVALID")
    url = button.get("url")
    if "url" in button and (not isinstance(url, str) or not url or any(c.isspace() for c in url)):
        raise bad_request("BUTTON_URL_INVALID")
    return {key: button[key] for key in ("text", *actions)}


def _valid_callback_data(data: Any) -> bool:
    return isinstance(data, str) and 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_DATA_BYTES

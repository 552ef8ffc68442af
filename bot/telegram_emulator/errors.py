"""Bot API errors, worded as Telegram words them, so a bot meets here what it meets live.

The descriptions are the real Bot API server's (telegram-bot-api / TDLib): python-telegram-bot
turns the HTTP status and `parameters` into its exception classes (BadRequest, Forbidden,
RetryAfter, ChatMigrated, Conflict, InvalidToken), and bots match on the wording.
"""

from __future__ import annotations

from typing import Any

#: editMessageText / editMessageReplyMarkup with content identical to the current one.
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


class BotApiError(Exception):
    """A refused Bot API call: what goes back as {"ok": false, ...} with the same HTTP status."""

    def __init__(
        self, code: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def to_api(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(text: str, parameters: dict[str, Any] | None = None) -> BotApiError:
    return BotApiError(400, f"Bad Request: {text}", parameters)


def forbidden(text: str) -> BotApiError:
    return BotApiError(403, f"Forbidden: {text}")


def conflict(text: str) -> BotApiError:
    return BotApiError(409, f"Conflict: {text}")


def too_many_requests(retry_after: int) -> BotApiError:
    return BotApiError(
        429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
    )


def unauthorized() -> BotApiError:
    return BotApiError(401, "Unauthorized")


def not_found() -> BotApiError:
    return BotApiError(404, "Not Found")


def chat_migrated(new_chat_id: int) -> BotApiError:
    return bad_request(
        "group chat was upgraded to a supergroup chat", {"migrate_to_chat_id": new_chat_id}
    )


def cant_parse_entities(reason: str) -> BotApiError:
    return bad_request(f"can't parse entities: {reason}")

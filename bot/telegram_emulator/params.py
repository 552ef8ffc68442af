"""A Bot API request's parameters, from a query string, JSON, a form or multipart.

Telegram accepts all four. python-telegram-bot sends a form whose values are strings, with
objects (reply_markup, allowed_updates, ...) JSON-encoded in them, and multipart when it
uploads a file; other clients send JSON with native values. Each parameter is read as the type
its method declares, so both arrive at the same values. What a handler read is kept, typed,
for the call log.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.telegram_emulator.entities import Entity
from bot.telegram_emulator.errors import bad_request

_INTEGER = re.compile(r"-?\d+")


@dataclass(frozen=True, slots=True)
class Upload:
    """A file part of a multipart request."""

    filename: str | None
    content_type: str | None
    data: bytes


class Params:
    """Typed access to one request's parameters."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        #: Parameters as the method read them: the call log shows these.
        self.read: dict[str, Any] = {}

    def logged(self) -> dict[str, Any]:
        shown = {name: _shown(value) for name, value in self.raw.items()}
        shown.update({name: _shown(value) for name, value in self.read.items()})
        return shown

    def _keep(self, name: str, value: Any) -> Any:
        if value is not None:
            self.read[name] = value
        return value

    def string(self, name: str) -> str | None:
        value = self.raw.get(name)
        if value is None or isinstance(value, Upload):
            return None
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, dict | list):
            text = json.dumps(value)
        else:
            text = str(value)
        return str(self._keep(name, text))

    def integer(self, name: str) -> int | None:
        value = self.raw.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise bad_request(f'field "{name}" must be of type Integer')
        if isinstance(value, str):
            if not _INTEGER.fullmatch(value.strip()):
                raise bad_request(f'field "{name}" must be of type Integer')
            value = int(value.strip())
        return int(self._keep(name, int(value)))

    def boolean(self, name: str) -> bool:
        value = self.raw.get(name)
        if value is None:
            return False
        if isinstance(value, str):
            value = value.strip().lower() in ("true", "1")
        return bool(self._keep(name, bool(value)))

    def json(self, name: str, error: str) -> Any:
        """A JSON-typed parameter (object or array): decoded when it came as a string."""
        value = self.raw.get(name)
        if isinstance(value, str):
            if not value:
                return None
            try:
                value = json.loads(value)
            except ValueError as decode_error:
                raise bad_request(error) from decode_error
        return self._keep(name, value)

    def entities(self, name: str) -> list[Entity] | None:
        value = self.json(name, f"can't parse {name} JSON object")
        if value is None:
            return None
        if not isinstance(value, list):
            raise bad_request(f"can't parse {name} JSON object")
        return [Entity.from_api(item) for item in value]

    def chat_id(self, name: str = "chat_id") -> int | str:
        """An Integer or String chat identifier: an id, or @username of a public chat."""
        value = self.raw.get(name)
        if value is None or value == "":
            raise bad_request(f"{name} is empty")
        if isinstance(value, bool):
            raise bad_request("chat not found")
        if isinstance(value, int):
            return int(self._keep(name, value))
        text = str(value).strip()
        if _INTEGER.fullmatch(text):
            return int(self._keep(name, int(text)))
        if text.startswith("@"):
            return str(self._keep(name, text))
        raise bad_request("chat not found")

    def upload(self, name: str) -> Upload | str | None:
        """A file parameter: an uploaded part (also through attach://), or a file_id / URL."""
        value = self.raw.get(name)
        if isinstance(value, str) and value.startswith("attach://"):
            value = self.raw.get(value.removeprefix("attach://"))
        if isinstance(value, Upload):
            self.read[name] = value
            return value
        if value is None or value == "":
            return None
        return str(self._keep(name, str(value)))


async def read_params(request: web.Request) -> Params:
    raw: dict[str, Any] = dict(request.query)
    if request.method != "POST" or not request.body_exists:
        return Params(raw)
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError as error:
            raise bad_request("can't parse JSON object") from error
        if not isinstance(body, dict):
            raise bad_request("can't parse JSON object")
        raw.update(body)
    elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.post()
        for name, value in form.items():
            if isinstance(value, web.FileField):
                raw[name] = Upload(value.filename, value.content_type, value.file.read())
            else:
                raw[name] = value
    return Params(raw)


def _shown(value: Any) -> Any:
    if isinstance(value, Upload):
        return {"filename": value.filename, "size": len(value.data)}
    return value

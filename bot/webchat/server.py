"""The web chat: a page that shows the emulator's chats the way Telegram shows them, and lets
a person act as the people in them (the sandbox's buyer, its demo vendors).

Everything the page does goes through the emulator's people-side API, exactly as a test acts
as people; the bot cannot tell a browser from a test. Routes: `/` (the page), `/static/<file>`
and `/api/...` (JSON, files and the event stream).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable, Sequence
from functools import wraps
from importlib import resources
from typing import Any
from urllib.parse import quote

from aiohttp import BodyPartReader, web

from bot.telegram_emulator import (
    BotAccount,
    CallbackAnswer,
    Chat,
    Event,
    EventKind,
    Message,
    TelegramEmulator,
    User,
)
from bot.telegram_emulator.limits import MAX_DOWNLOAD_BYTES
from bot.webchat.links import bot_link
from bot.webchat.seats import Seat
from bot.webchat.stream import LiveStreams
from bot.webchat.views import JsonObject, message_view, seat_view, user_name

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

#: The page's files, with their content types: nothing else under /static is served.
STATIC_FILES = {
    "webchat.css": "text/css",
    "webchat.js": "text/javascript",
}
#: The page's uploads are BOM files; the bot fetches at most this much (getFile's limit).
MAX_UPLOAD_BYTES = MAX_DOWNLOAD_BYTES


class RequestRefused(ValueError):
    """Something the page asked that cannot be done; answered 400 with the reason."""


class NotFound(Exception):
    """A seat, message or file that does not exist; answered 404."""


def _json_errors(handler: Handler) -> Handler:
    """Refusals (the emulator's ValueErrors included) as JSON the page shows; never a
    traceback."""

    @wraps(handler)
    async def answer(request: web.Request) -> web.StreamResponse:
        try:
            return await handler(request)
        except NotFound as error:
            return web.json_response({"error": str(error)}, status=404)
        except ValueError as error:
            return web.json_response({"error": str(error)}, status=400)
        except Exception:
            log.exception("the web chat failed on %s %s", request.method, request.path)
            return web.json_response(
                {"error": "the web chat failed; the server log tells why"}, status=500
            )

    return answer


class WebChat:
    """The page and its API, mounted on an aiohttp application."""

    def __init__(
        self,
        emulator: TelegramEmulator,
        seats: Sequence[Seat],
        *,
        title: str = "Sourcing bot sandbox",
        notice: str | None = None,
    ) -> None:
        keys = [seat.key for seat in seats]
        if len(set(keys)) != len(keys):
            raise ValueError(f"seat keys must be unique: {keys}")
        self._emulator = emulator
        self._seats = list(seats)
        self._title = title
        self._notice = notice
        #: Tells a page that reconnects whether it still talks to the same emulator.
        self._instance = secrets.token_hex(8)
        self._streams = LiveStreams()
        self._closed = False
        emulator.add_listener(self._on_event)

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/", self._page)
        app.router.add_get("/static/{name}", self._static)
        app.router.add_get("/api/state", self._state)
        app.router.add_get("/api/events", self._events)
        app.router.add_get("/api/files/{file_id}", _json_errors(self._file))
        app.router.add_post("/api/seats/{key}/messages", _json_errors(self._send_text))
        app.router.add_post("/api/seats/{key}/documents", _json_errors(self._send_document))
        app.router.add_post("/api/seats/{key}/press", _json_errors(self._press))
        app.router.add_post("/api/seats/{key}/links", _json_errors(self._open_link))
        app.on_shutdown.append(self._on_shutdown)

    async def close(self) -> None:
        """Ends the open event streams and stops following the emulator."""
        if self._closed:
            return
        self._closed = True
        self._emulator.remove_listener(self._on_event)
        self._streams.close()

    async def _on_shutdown(self, app: web.Application) -> None:
        await self.close()

    @property
    def seats(self) -> list[Seat]:
        """The seats listed, the ones opened from links to the bot included."""
        return list(self._seats)

    # -- what the page shows -----------------------------------------------------------------

    def snapshot(self) -> JsonObject:
        bots = self._bots()
        return {
            "title": self._title,
            "notice": self._notice,
            "instance": self._instance,
            "seats": [seat_view(seat, bots) for seat in self._seats],
        }

    def _on_event(self, event: Event) -> None:
        # Called inside the emulator while it answers the bot: a failure here must not
        # become the bot's failure, so it is logged and the page catches up on reconnect.
        try:
            self._publish(event)
        except Exception:
            log.exception("the web chat could not show a %s event", event.kind)

    def _publish(self, event: Event) -> None:
        chat = event.chat if event.message is None else event.message.chat
        if chat is None:
            return
        showing = [seat for seat in self._seats if seat.current_chat is chat]
        if not showing:
            return
        message = event.message
        if event.kind is EventKind.MESSAGE and message and message.migrate_from_chat_id:
            for seat in showing:
                self._streams.publish("seat", {"seat": seat_view(seat, self._bots())})
        elif event.kind in (EventKind.MESSAGE, EventKind.EDITED) and message is not None:
            view = message_view(message, self._bots())
            for seat in showing:
                self._streams.publish("upsert", {"seat": seat.key, "message": view})
        elif event.kind is EventKind.DELETED and message is not None:
            for seat in showing:
                self._streams.publish("deleted", {"seat": seat.key, "id": message.message_id})
        elif event.kind is EventKind.CHAT_ACTION:
            for seat in showing:
                self._streams.publish("action", {"seat": seat.key, "action": chat.action})

    # -- routes -------------------------------------------------------------------------------

    async def _page(self, request: web.Request) -> web.StreamResponse:
        return web.Response(
            body=_static_bytes("index.html"),
            content_type="text/html",
            charset="utf-8",
            headers={"Cache-Control": "no-cache"},
        )

    async def _static(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        content_type = STATIC_FILES.get(name)
        if content_type is None:
            return web.json_response({"error": f"no file {name!r}"}, status=404)
        return web.Response(
            body=_static_bytes(name),
            content_type=content_type,
            charset="utf-8",
            headers={"Cache-Control": "no-cache"},
        )

    async def _state(self, request: web.Request) -> web.StreamResponse:
        return web.json_response(self.snapshot())

    async def _events(self, request: web.Request) -> web.StreamResponse:
        if self._closed:
            return web.json_response({"error": "the web chat has stopped"}, status=503)
        return await self._streams.serve(request, self.snapshot)

    async def _file(self, request: web.Request) -> web.StreamResponse:
        stored = self._emulator.state.files.get(request.match_info["file_id"])
        if stored is None:
            raise NotFound("no such file")
        name = stored.file_name or stored.file_path.rpartition("/")[2]
        return web.Response(
            body=stored.data,
            content_type=stored.mime_type or "application/octet-stream",
            headers={"Content-Disposition": _attachment(name)},
        )

    async def _send_text(self, request: web.Request) -> web.StreamResponse:
        seat = self._seat(request)
        body = await _json_body(request)
        text = body.get("text")
        if not isinstance(text, str):
            raise RequestRefused("text must be a string")
        speaker = seat.speaker(_optional_int(body, "speaker_id"))
        chat = seat.current_chat
        reply_to = _reply_target(chat, _optional_int(body, "reply_to"))
        sent = await self._emulator.send_text(speaker, chat, text, reply_to=reply_to)
        return web.json_response({"message": message_view(sent, self._bots())})

    async def _send_document(self, request: web.Request) -> web.StreamResponse:
        seat = self._seat(request)
        form = await _read_upload(request)
        speaker = seat.speaker(_form_int(form.fields, "speaker_id"))
        chat = seat.current_chat
        reply_to = _reply_target(chat, _form_int(form.fields, "reply_to"))
        sent = await self._emulator.send_document(
            speaker,
            chat,
            form.filename,
            form.data,
            form.fields.get("caption") or None,
            mime_type=form.content_type,
            reply_to=reply_to,
        )
        return web.json_response({"message": message_view(sent, self._bots())})

    async def _press(self, request: web.Request) -> web.StreamResponse:
        seat = self._seat(request)
        body = await _json_body(request)
        speaker = seat.speaker(_optional_int(body, "speaker_id"))
        message_id = _optional_int(body, "message_id")
        data = body.get("data")
        if message_id is None or not isinstance(data, str):
            raise RequestRefused("a press needs message_id and data")
        message = seat.current_chat.messages.get(message_id)
        if message is None:
            raise NotFound(f"no message {message_id} in {seat.title}")
        answer = await self._emulator.press(speaker, message, data)
        return web.json_response({"answer": _answer_view(answer)})

    async def _open_link(self, request: web.Request) -> web.StreamResponse:
        """A link to the bot, followed as Telegram does: the speaker's private chat with it
        opens, and "/start <payload>" is sent there (plain "/start" to a chat never used)."""
        seat = self._seat(request)
        body = await _json_body(request)
        speaker = seat.speaker(_optional_int(body, "speaker_id"))
        url = body.get("url")
        link = bot_link(url, self._bots()) if isinstance(url, str) else None
        if link is None:
            raise RequestRefused(f"{url!r} is not a link to a bot here")
        chat = self._emulator.private_chat(speaker, link.bot)
        target = self._private_seat(chat, speaker, link.bot)
        sent = None
        if link.payload is not None or not self._emulator.history(chat):
            sent = await self._emulator.send_text(speaker, chat, link.start_command)
        bots = self._bots()
        return web.json_response(
            {
                "seat": seat_view(target, bots),
                "message": message_view(sent, bots) if sent is not None else None,
            }
        )

    # -- seats --------------------------------------------------------------------------------

    def _seat(self, request: web.Request) -> Seat:
        key = request.match_info["key"]
        for seat in self._seats:
            if seat.key == key:
                return seat
        raise NotFound(f"no chat {key!r}")

    def _private_seat(self, chat: Chat, person: User, bot: BotAccount) -> Seat:
        """The seat showing this private chat; a new one, listed at once, when none does."""
        showing = [seat for seat in self._seats if seat.current_chat is chat]
        for seat in showing:
            if person in seat.speakers:
                return seat
        if showing:
            return showing[0]
        taken = {seat.key for seat in self._seats}
        key = base = f"dm-{person.id}"
        number = 1
        while key in taken:
            number += 1
            key = f"{base}-{number}"
        seat = Seat(key, chat, bot.user.first_name, f"you, as {user_name(person)}", (person,))
        self._seats.append(seat)
        self._streams.publish("seat", {"seat": seat_view(seat, self._bots())})
        return seat

    def _bots(self) -> list[BotAccount]:
        return list(self._emulator.state.bots.values())


# -- reading requests -------------------------------------------------------------------------


class _Upload:
    def __init__(self) -> None:
        self.fields: dict[str, str] = {}
        self.filename = ""
        self.data = b""
        self.content_type: str | None = None


async def _json_body(request: web.Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError as error:
        raise RequestRefused("the request body must be JSON") from error
    if not isinstance(body, dict):
        raise RequestRefused("the request body must be a JSON object")
    return body


def _optional_int(body: dict[str, Any], name: str) -> int | None:
    value = body.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RequestRefused(f"{name} must be a number")
    return value


def _form_int(fields: dict[str, str], name: str) -> int | None:
    value = fields.get(name, "").strip()
    if not value:
        return None
    if not value.lstrip("-").isdigit():
        raise RequestRefused(f"{name} must be a number")
    return int(value)


async def _read_upload(request: web.Request) -> _Upload:
    """A multipart form with one `file` and text fields, read up to the size limit."""
    if not request.content_type.startswith("multipart/"):
        raise RequestRefused("send the file as multipart/form-data")
    upload = _Upload()
    found = False
    reader = await request.multipart()
    async for part in reader:
        if not isinstance(part, BodyPartReader):
            continue
        if part.name == "file":
            found = True
            upload.filename = part.filename or "file"
            content_type = part.headers.get("Content-Type")
            if content_type and content_type != "application/octet-stream":
                upload.content_type = content_type
            upload.data = await _read_limited(part)
        elif part.name:
            upload.fields[part.name] = (await part.read(decode=True)).decode("utf-8", "replace")
    if not found:
        raise RequestRefused("choose a file to send")
    return upload


async def _read_limited(part: BodyPartReader) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := await part.read_chunk():
        size += len(chunk)
        if size > MAX_UPLOAD_BYTES:
            raise RequestRefused(f"files up to {MAX_UPLOAD_BYTES // (1024 * 1024)} MB only")
        chunks.append(chunk)
    return b"".join(chunks)


def _reply_target(chat: Chat, message_id: int | None) -> Message | None:
    if message_id is None:
        return None
    message = chat.messages.get(message_id)
    if message is None or message.deleted:
        raise RequestRefused("the message to reply to is gone")
    return message


def _answer_view(answer: CallbackAnswer | None) -> JsonObject | None:
    if answer is None:
        return None
    return {"text": answer.text, "show_alert": answer.show_alert, "url": answer.url}


def _attachment(name: str) -> str:
    """Content-Disposition for a download keeping a file name in any script."""
    fallback = "".join(
        character
        if character.isascii() and character.isprintable() and character not in '"\\'
        else "_"
        for character in name
    )
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def _static_bytes(name: str) -> bytes:
    return resources.files("bot.webchat").joinpath("static", name).read_bytes()

"""The HTTP side: `/bot<token>/<method>` and `/file/bot<token>/<file_path>`, as a self-hosted
Bot API server serves them, on an aiohttp server bound to the loopback interface.

Every call is answered {"ok": true, "result": ...} or {"ok": false, "error_code", "description",
"parameters"} with the HTTP status equal to error_code, and logged with its parameters.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from aiohttp import web

from bot.telegram_emulator.errors import BotApiError, not_found, unauthorized
from bot.telegram_emulator.events import ApiCall, Event, EventHub, EventKind
from bot.telegram_emulator.limits import MAX_UPLOAD_BYTES
from bot.telegram_emulator.methods import BotApi
from bot.telegram_emulator.params import Params, read_params
from bot.telegram_emulator.state import EmulatorState

log = logging.getLogger(__name__)

_API_ROUTE = "/bot{token}/{method}"
_FILE_ROUTE = "/file/bot{token}/{path:.+}"


class EmulatorServer:
    def __init__(self, state: EmulatorState, api: BotApi, hub: EventHub) -> None:
        self._state = state
        self._api = api
        self._hub = hub
        self._runner: web.AppRunner | None = None
        self.url = ""

    def application(self) -> web.Application:
        app = web.Application(client_max_size=MAX_UPLOAD_BYTES + 1024 * 1024)
        app.router.add_route("*", _API_ROUTE, self._call)
        app.router.add_get(_FILE_ROUTE, self._download)
        return app

    async def start(self, host: str, port: int) -> str:
        # A long poll whose client went away is cancelled rather than left to time out.
        self._runner = web.AppRunner(self.application(), handler_cancellation=True, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        bound = self._runner.addresses[0]
        self.url = f"http://{host}:{bound[1]}"
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _call(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        bot = self._state.bots.get(request.match_info["token"])
        params = Params({})
        try:
            if bot is None:
                raise unauthorized()
            handler = self._api.handlers.get(method.lower())
            if handler is None:
                raise not_found()
            params = await read_params(request)
            result = await handler(bot, params)
        except BotApiError as error:
            self._log(bot.username if bot else "", method, params, error=error)
            return _json(error.to_api(), error.code)
        except Exception:
            # A fault of the emulator itself: answered as Telegram answers its own faults.
            log.exception("%s failed inside the emulator", method)
            failure = BotApiError(500, "Internal Server Error")
            self._log(bot.username if bot else "", method, params, error=failure)
            return _json(failure.to_api(), failure.code)
        self._log(bot.username, method, params, result=result)
        return _json({"ok": True, "result": result}, 200)

    async def _download(self, request: web.Request) -> web.StreamResponse:
        bot = self._state.bots.get(request.match_info["token"])
        path = request.match_info["path"]
        stored = self._state.files_by_path.get(path)
        params = Params({"file_path": path})
        if bot is None or stored is None:
            error = unauthorized() if bot is None else not_found()
            self._log(bot.username if bot else "", "downloadFile", params, error=error)
            return _json(error.to_api(), error.code)
        self._log(bot.username, "downloadFile", params, result=stored.size)
        return web.Response(
            body=stored.data, content_type=stored.mime_type or "application/octet-stream"
        )

    def _log(
        self,
        bot: str,
        method: str,
        params: Params,
        *,
        result: Any = None,
        error: BotApiError | None = None,
    ) -> None:
        call = ApiCall(
            bot=bot,
            method=method,
            params=params.logged(),
            ok=error is None,
            error_code=error.code if error else None,
            description=error.description if error else None,
            result=result,
        )
        if error is not None:
            log.debug("%s %s -> %s", method, call.params, error.description)
        self._hub.emit(Event(EventKind.API_CALL, call=call))


def _json(body: dict[str, Any], status: int) -> web.Response:
    return web.Response(
        text=json.dumps(body, ensure_ascii=False), status=status, content_type="application/json"
    )

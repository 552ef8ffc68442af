"""Our one web server: an aiohttp application on one port for every endpoint we serve.

The webhook, `/healthz` and, in the sandbox, the web chat share it, because a platform such as
Heroku gives a process exactly one port (PORT).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiohttp import web


@asynccontextmanager
async def web_server(app: web.Application, host: str, port: int) -> AsyncIterator[str]:
    """Serves `app` on host:port (0 picks a free port) until the block ends; yields its root
    URL. Open streams (server-sent events) are cancelled at the end, not waited for."""
    runner = web.AppRunner(app, handler_cancellation=True, access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        bound_host, bound_port = runner.addresses[0][:2]
        shown = "127.0.0.1" if bound_host in ("0.0.0.0", "::") else bound_host
        yield f"http://{shown}:{bound_port}"
    finally:
        await runner.cleanup()

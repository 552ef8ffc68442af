"""Live updates to every open page, as server-sent events.

A page that connects (or reconnects: EventSource does so by itself) first gets a snapshot of
every seat, then each change as it happens. A page that falls far behind gets a fresh snapshot
instead of an ever longer backlog. Closing ends every stream at once, so the server that
carries them can stop without waiting for browsers to hang up.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

from aiohttp import web

#: A comment line this often keeps proxies and the browser from timing the stream out.
KEEPALIVE_SECONDS = 15.0
#: Frames waiting for one page before it is sent a snapshot instead.
MAX_BACKLOG = 1000
#: How soon EventSource reconnects after the stream ends (milliseconds).
RECONNECT_MS = 1000


class _Page:
    """One open stream: frames waiting to be written, and whether to start over."""

    def __init__(self) -> None:
        self.frames: list[bytes] = []
        self.resync = True
        self.wake = asyncio.Event()

    def push(self, frame: bytes) -> None:
        if len(self.frames) >= MAX_BACKLOG:
            self.frames.clear()
            self.resync = True
        else:
            self.frames.append(frame)
        self.wake.set()


class LiveStreams:
    def __init__(self) -> None:
        self._pages: set[_Page] = set()
        self._closed = False

    def publish(self, event: str, data: dict[str, Any]) -> None:
        """Sends an event to every open page."""
        frame = sse_frame(event, data)
        for page in self._pages:
            page.push(frame)

    async def serve(
        self, request: web.Request, snapshot: Callable[[], dict[str, Any]]
    ) -> web.StreamResponse:
        """The stream of one page until it goes away or the streams close."""
        response = web.StreamResponse(
            headers={
                "Content-Type": "text/event-stream; charset=utf-8",
                "Cache-Control": "no-cache",
                "X-Accel-Buffering": "no",
            }
        )
        await response.prepare(request)
        page = _Page()
        self._pages.add(page)
        try:
            await response.write(f"retry: {RECONNECT_MS}\n\n".encode())
            while not self._closed:
                if page.resync:
                    page.resync = False
                    page.frames.clear()
                    await response.write(sse_frame("snapshot", snapshot()))
                elif page.frames:
                    frames, page.frames = page.frames, []
                    await response.write(b"".join(frames))
                else:
                    page.wake.clear()
                    try:
                        await asyncio.wait_for(page.wake.wait(), KEEPALIVE_SECONDS)
                    except TimeoutError:
                        await response.write(b": keep-alive\n\n")
        except ConnectionResetError:
            pass
        finally:
            self._pages.discard(page)
        return response

    def close(self) -> None:
        """Ends every open stream; new ones end at once."""
        self._closed = True
        for page in self._pages:
            page.wake.set()


def sse_frame(event: str, data: dict[str, Any]) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n".encode()

"""An open RFQ in memory: who is still to answer, and who is listening for events."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime

from bot.agents.base import VendorAgent
from bot.quotes import QuoteRequest
from bot.rfqs.events import QuoteEvent, RfqClosed


@dataclass(frozen=True, slots=True)
class VendorTarget:
    """A vendor to ask, and how: an agent to run, or None for a human who replies in chat."""

    vendor_id: int
    name: str
    channel: str
    agent: VendorAgent | None = None


@dataclass(eq=False)
class RfqRun:
    request: QuoteRequest
    #: RFQ line number -> rfq_lines.id
    line_ids: dict[int, int]
    #: vendor id -> name, for every vendor asked
    vendors: dict[int, str] = field(default_factory=dict)
    pending: set[int] = field(default_factory=set)
    closed: bool = False
    tasks: set[asyncio.Task[None]] = field(default_factory=set)
    _listeners: list[asyncio.Queue[QuoteEvent]] = field(default_factory=list)

    @property
    def rfq_id(self) -> str:
        return self.request.rfq_id

    @property
    def closes_at(self) -> datetime:
        return self.request.reply_by

    def attach(self, queue: asyncio.Queue[QuoteEvent]) -> None:
        """Have `queue` receive every event from now on."""
        self._listeners.append(queue)

    def publish(self, event: QuoteEvent) -> None:
        for queue in self._listeners:
            queue.put_nowait(event)

    async def events(self, queue: asyncio.Queue[QuoteEvent]) -> AsyncIterator[QuoteEvent]:
        """The events arriving in `queue`, ending with (and including) RfqClosed."""
        try:
            while True:
                event = await queue.get()
                yield event
                if isinstance(event, RfqClosed):
                    return
        finally:
            if queue in self._listeners:
                self._listeners.remove(queue)

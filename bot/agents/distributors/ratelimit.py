"""Client-side call budgets for APIs that publish their limits instead of enforcing them kindly.

Mouser allows 30 calls a minute and 1,000 a day per key and answers over-limit calls
with errors that still count, so the bot keeps its own ledger: a call waits for a free
slot in the last minute, and once the day's budget is spent it is refused outright.
Both windows slide, which never allows more calls in any calendar day than the budget.
"""

from __future__ import annotations

import asyncio
from collections import deque

from bot.agents.distributors.clock import Clock, SystemClock

MINUTE = 60.0
DAY = 86_400.0


class DailyLimitReached(Exception):
    """The day's call budget is spent; no call may be made until the window slides on."""


class CallBudget:
    def __init__(
        self,
        *,
        per_minute: int,
        per_day: int,
        clock: Clock | None = None,
    ) -> None:
        if per_minute < 1 or per_day < 1:
            raise ValueError("call budgets must allow at least one call")
        self.per_minute = per_minute
        self.per_day = per_day
        self._clock = clock or SystemClock()
        self._minute: deque[float] = deque()
        self._day: deque[float] = deque()
        self._lock = asyncio.Lock()

    def calls_today(self) -> int:
        self._forget(self._day, DAY, self._clock.time())
        return len(self._day)

    async def acquire(self) -> None:
        """Wait for a slot in the minute window and record the call.

        Raises `DailyLimitReached` instead of waiting when the day's budget is spent:
        hours of waiting would outlive any RFQ.
        """
        async with self._lock:
            now = self._clock.time()
            self._forget(self._day, DAY, now)
            if len(self._day) >= self.per_day:
                raise DailyLimitReached
            self._forget(self._minute, MINUTE, now)
            while len(self._minute) >= self.per_minute:
                await self._clock.sleep(self._minute[0] + MINUTE - now)
                now = self._clock.time()
                self._forget(self._minute, MINUTE, now)
            self._minute.append(now)
            self._day.append(now)

    @staticmethod
    def _forget(calls: deque[float], window: float, now: float) -> None:
        while calls and calls[0] <= now - window:
            calls.popleft()

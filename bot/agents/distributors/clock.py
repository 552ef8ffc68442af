"""The time distributor agents read and wait on, injectable so rate limits are testable.

Wall-clock seconds, because the deadline every wait is measured against is the RFQ's
`reply_by`, a wall-clock instant.
"""

from __future__ import annotations

import asyncio
import time
from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    def time(self) -> float:
        """Seconds since the epoch."""
        ...

    async def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def time(self) -> float:
        return time.time()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


def seconds_left(clock: Clock, deadline: datetime) -> float:
    """Seconds from now until `deadline` (negative once it has passed)."""
    return deadline.timestamp() - clock.time()

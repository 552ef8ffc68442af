"""Telegram's limits: sizes of texts, captions, callback data and files, and flood control.

Flood control answers 429 with `retry_after` the way the Bot API does when a bot sends faster
than Telegram's published pace: about one message a second in a chat, twenty a minute in a
group, thirty a second overall. It is off unless limits are given, so tests that do not
exercise it are not slowed by it.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from bot.telegram_emulator.errors import too_many_requests

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA_BYTES = 64
#: getFile serves files up to 20 MB to bots.
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024
#: Bots upload files up to 50 MB.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_COMMANDS = 100


@dataclass(frozen=True, slots=True)
class FloodLimits:
    """Messages a bot may send before 429; None lifts that limit."""

    per_chat_per_second: int | None = 1
    per_group_per_minute: int | None = 20
    overall_per_second: int | None = 30
    #: Whether edits count like sends (they do in Telegram's accounting of a chat's traffic).
    count_edits: bool = True


class FloodControl:
    """One bot's sliding windows of recent messages, per chat and overall."""

    def __init__(
        self, limits: FloodLimits | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limits = limits
        self._clock = clock
        self._per_chat: dict[int, deque[float]] = {}
        self._overall: deque[float] = deque()

    def admit(self, chat_id: int, *, is_group: bool, is_edit: bool = False) -> None:
        """Records one message to `chat_id`, or raises 429 with the seconds to wait."""
        limits = self.limits
        if limits is None or (is_edit and not limits.count_edits):
            return
        now = self._clock()
        chat = self._per_chat.setdefault(chat_id, deque())
        _forget_before(chat, now - 60)
        _forget_before(self._overall, now - 1)
        waits = [
            _wait(chat, limits.per_chat_per_second, 1, now),
            _wait(chat, limits.per_group_per_minute if is_group else None, 60, now),
            _wait(self._overall, limits.overall_per_second, 1, now),
        ]
        wait = max(waits)
        if wait > 0:
            raise too_many_requests(max(1, math.ceil(wait)))
        chat.append(now)
        self._overall.append(now)


def _forget_before(times: deque[float], oldest: float) -> None:
    while times and times[0] <= oldest:
        times.popleft()


def _wait(times: deque[float], limit: int | None, window: float, now: float) -> float:
    """Seconds until one more message fits in `limit` per `window` seconds."""
    if limit is None:
        return 0.0
    recent = [moment for moment in times if moment > now - window]
    if len(recent) < limit:
        return 0.0
    return recent[-limit] + window - now

"""What happens in the emulator, told to whoever waits for it: tests, the sandbox's web chat.

Every change (a message sent or edited, a button answered, a Bot API call) is an `Event`.
Listeners receive each one as it happens; `wait_for` re-checks a condition after each one, so
a test waits exactly as long as the bot takes and never sleeps.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from bot.telegram_emulator.objects import CallbackQuery, Chat, Message

T = TypeVar("T")


class EventKind(StrEnum):
    #: A new message in a chat, from a person or a bot.
    MESSAGE = "message"
    EDITED = "edited"
    DELETED = "deleted"
    CALLBACK_ANSWERED = "callback_answered"
    CHAT_ACTION = "chat_action"
    API_CALL = "api_call"


@dataclass(frozen=True, slots=True)
class ApiCall:
    """One Bot API request as the emulator received and answered it."""

    bot: str
    method: str
    params: dict[str, Any]
    ok: bool
    error_code: int | None = None
    description: str | None = None
    result: Any = None


@dataclass(frozen=True, slots=True)
class Event:
    kind: EventKind
    chat: Chat | None = None
    message: Message | None = None
    callback: CallbackQuery | None = None
    call: ApiCall | None = None


class Signal:
    """Wakes everyone waiting on it; each waiter waits for the next firing only."""

    def __init__(self) -> None:
        self._waiters: set[asyncio.Future[None]] = set()

    def waiter(self) -> asyncio.Future[None]:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.add(future)
        return future

    def discard(self, future: asyncio.Future[None]) -> None:
        self._waiters.discard(future)

    def fire(self) -> None:
        waiters, self._waiters = self._waiters, set()
        for future in waiters:
            if not future.done():
                future.set_result(None)


class EmulatorTimeout(TimeoutError):
    """A condition did not come true in time; the message shows the bot's last calls."""


@dataclass
class EventHub:
    listeners: list[Callable[[Event], None]] = field(default_factory=list)
    calls: list[ApiCall] = field(default_factory=list)
    changed: Signal = field(default_factory=Signal)

    def emit(self, event: Event) -> None:
        if event.call is not None:
            self.calls.append(event.call)
        for listener in list(self.listeners):
            listener(event)
        self.changed.fire()

    async def wait_for(self, condition: Callable[[], T], seconds: float) -> T:
        """The first truthy value of `condition()`, checked now and after every event."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while True:
            result = condition()
            if result:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise EmulatorTimeout(self._timeout_message(seconds))
            waiter = self.changed.waiter()
            try:
                await asyncio.wait({waiter}, timeout=remaining)
            finally:
                self.changed.discard(waiter)

    def _timeout_message(self, seconds: float) -> str:
        recent = [
            f"{call.method} {'ok' if call.ok else call.description}"
            for call in self.calls[-8:]
            if call.method != "getUpdates"
        ]
        return f"condition still false after {seconds} s; last Bot API calls: {recent}"

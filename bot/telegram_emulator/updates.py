"""One bot's updates: queued for getUpdates long polling, or POSTed to its webhook.

As in Telegram, an update stays queued until confirmed (a getUpdates whose offset is past
it, or a 2xx from the webhook); a long poll returns the moment an update arrives; a second
poller terminates the first with 409; and while a webhook is set getUpdates is refused.
Update types the bot did not allow are never created for it.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import aiohttp

from bot.telegram_emulator.errors import conflict
from bot.telegram_emulator.events import Signal

#: Every update type; those excluded by default must be asked for in allowed_updates.
UPDATE_TYPES = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "business_connection",
    "business_message",
    "edited_business_message",
    "deleted_business_messages",
    "message_reaction",
    "message_reaction_count",
    "inline_query",
    "chosen_inline_result",
    "callback_query",
    "shipping_query",
    "pre_checkout_query",
    "purchased_paid_media",
    "poll",
    "poll_answer",
    "my_chat_member",
    "chat_member",
    "chat_join_request",
    "chat_boost",
    "removed_chat_boost",
)
DEFAULT_UPDATE_TYPES = frozenset(UPDATE_TYPES) - {
    "chat_member",
    "message_reaction",
    "message_reaction_count",
}
TERMINATED = (
    "terminated by other getUpdates request; make sure that only one bot instance is running"
)
WEBHOOK_ACTIVE = (
    "can't use getUpdates method while webhook is active; use deleteWebhook to delete the "
    "webhook first"
)


@dataclass
class Webhook:
    """A webhook as setWebhook configured it, with its delivery record for getWebhookInfo."""

    url: str
    secret_token: str | None
    max_connections: int = 40
    last_error_date: int | None = None
    last_error_message: str | None = None


class UpdateQueue:
    def __init__(
        self, *, webhook_retry_delay: float = 1.0, on_change: Callable[[], None] | None = None
    ) -> None:
        self._pending: list[dict[str, Any]] = []
        self._next_id = 1
        self.allowed: frozenset[str] = DEFAULT_UPDATE_TYPES
        self._arrived = Signal()
        self._poll: asyncio.Future[None] | None = None
        self._closed = False
        self.webhook: Webhook | None = None
        self._webhook_task: asyncio.Task[None] | None = None
        self._webhook_retry_delay = webhook_retry_delay
        #: Told when a long poll starts waiting and after each webhook delivery attempt.
        self._on_change = on_change or (lambda: None)

    @property
    def pending(self) -> list[dict[str, Any]]:
        """Updates not confirmed yet, oldest first."""
        return list(self._pending)

    @property
    def polling(self) -> bool:
        """Whether a getUpdates long poll is waiting right now."""
        return self._poll is not None and not self._poll.done()

    def set_allowed(self, types: list[str]) -> None:
        """allowed_updates: an empty list means the default set."""
        self.allowed = frozenset(types) & frozenset(UPDATE_TYPES) or DEFAULT_UPDATE_TYPES

    def push(self, kind: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Queues an update of `kind`; None when the bot does not take that kind."""
        if kind not in self.allowed:
            return None
        update = {"update_id": self._next_id, kind: payload}
        self._next_id += 1
        self._pending.append(update)
        self._arrived.fire()
        return update

    def drop_pending(self) -> None:
        self._pending.clear()

    def _confirm(self, offset: int | None) -> None:
        if offset is None or offset == 0:
            return
        if offset < 0:
            del self._pending[: max(0, len(self._pending) + offset)]
        else:
            self._pending = [u for u in self._pending if u["update_id"] >= offset]

    async def poll(self, offset: int | None, limit: int, wait: float) -> list[dict[str, Any]]:
        """getUpdates: confirms below `offset`, then waits up to `wait` seconds for an update."""
        if self.webhook is not None:
            raise conflict(WEBHOOK_ACTIVE)
        self._confirm(offset)
        if self._poll is not None and not self._poll.done():
            self._poll.set_exception(conflict(TERMINATED))
        loop = asyncio.get_running_loop()
        mine: asyncio.Future[None] = loop.create_future()
        self._poll = mine
        deadline = loop.time() + wait
        try:
            while True:
                if mine.done():
                    mine.result()
                if self._pending or self._closed or self.webhook is not None:
                    return self._pending[:limit] if self.webhook is None else []
                remaining = deadline - loop.time()
                if remaining <= 0:
                    return []
                arrived = self._arrived.waiter()
                self._on_change()
                try:
                    await asyncio.wait(
                        {arrived, mine}, timeout=remaining, return_when=asyncio.FIRST_COMPLETED
                    )
                finally:
                    self._arrived.discard(arrived)
        finally:
            if mine.done() and not mine.cancelled():
                mine.exception()  # retrieved: a terminated poll that was itself cancelled
            if self._poll is mine:
                self._poll = None

    def set_webhook(self, webhook: Webhook, session: aiohttp.ClientSession) -> None:
        self.webhook = webhook
        self._arrived.fire()
        if self._webhook_task is None or self._webhook_task.done():
            self._webhook_task = asyncio.create_task(self._deliver(session))

    async def delete_webhook(self) -> None:
        self.webhook = None
        task, self._webhook_task = self._webhook_task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def close(self) -> None:
        """Ends long polls and webhook delivery: the emulator is stopping."""
        self._closed = True
        self._arrived.fire()
        await self.delete_webhook()

    async def _deliver(self, session: aiohttp.ClientSession) -> None:
        """POSTs queued updates to the webhook one at a time, in order, retrying failures."""
        while self.webhook is not None:
            if not self._pending:
                arrived = self._arrived.waiter()
                try:
                    await arrived
                finally:
                    self._arrived.discard(arrived)
                continue
            webhook = self.webhook
            update = self._pending[0]
            error = await _post(session, webhook, update)
            if error is None:
                if self._pending and self._pending[0] is update:
                    self._pending.pop(0)
                self._on_change()
                continue
            webhook.last_error_date = int(time.time())
            webhook.last_error_message = error
            self._on_change()
            await asyncio.sleep(self._webhook_retry_delay)


async def _post(
    session: aiohttp.ClientSession, webhook: Webhook, update: dict[str, Any]
) -> str | None:
    """Sends one update; None when the webhook took it, else Telegram's last_error_message."""
    headers = {}
    if webhook.secret_token:
        headers["X-Telegram-Bot-Api-Secret-Token"] = webhook.secret_token
    try:
        async with session.post(webhook.url, json=update, headers=headers) as response:
            if 200 <= response.status < 300:
                return None
            return f"Wrong response from the webhook: {response.status} {response.reason}"
    except aiohttp.ClientConnectorError:
        return "Connection refused"
    except (aiohttp.ClientError, TimeoutError) as error:
        return f"Failed to deliver the update: {error}"

"""Group commit: every write of the quote engine goes through one writer task.

Dozens of vendors answering at once would otherwise each open a transaction; on SQLite
those writers queue on the database lock with back-off sleeps, and answers would wait
for each other. The journal takes writes as they come, runs everything queued so far in
one transaction, and only then wakes the callers, so an event is published only after
what it reports is stored (a crash loses nothing a buyer has seen).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.database import Database

T = TypeVar("T")
Write = Callable[[AsyncSession], Awaitable[Any]]

log = logging.getLogger(__name__)


class Journal:
    """Serialises and batches writes to `database`."""

    def __init__(self, database: Database, max_batch: int = 500) -> None:
        self._database = database
        self._max_batch = max_batch
        self._queue: asyncio.Queue[tuple[Write, asyncio.Future[Any]]] = asyncio.Queue()
        self._writer: asyncio.Task[None] | None = None

    async def write(self, operation: Callable[[AsyncSession], Awaitable[T]]) -> T:
        """Run `operation` in the next batch's transaction; returns once it is committed."""
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._run(), name="rfq-journal")
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._queue.put_nowait((operation, future))
        return await future

    async def close(self) -> None:
        """Finish what is queued, then stop the writer."""
        if self._writer is not None and not self._writer.done():
            await self._queue.join()
        if self._writer is not None:
            self._writer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._writer
            self._writer = None

    async def _run(self) -> None:
        while True:
            batch = [await self._queue.get()]
            while len(batch) < self._max_batch and not self._queue.empty():
                batch.append(self._queue.get_nowait())
            try:
                await self._commit(batch)
            finally:
                for _item in batch:
                    self._queue.task_done()

    async def _commit(self, batch: list[tuple[Write, asyncio.Future[Any]]]) -> None:
        try:
            results = []
            async with self._database.session() as session:
                for operation, _future in batch:
                    results.append(await operation(session))
        except Exception:
            # One bad write must not sink the others: replay each in its own transaction,
            # so the failing one reports its own error to its caller.
            for item in batch:
                await self._commit_alone(item)
            return
        for (_operation, future), result in zip(batch, results, strict=True):
            _settle(future, result)

    async def _commit_alone(self, item: tuple[Write, asyncio.Future[Any]]) -> None:
        operation, future = item
        try:
            async with self._database.session() as session:
                result = await operation(session)
        except Exception as error:
            log.warning("journal write failed: %s", error)
            if not future.done():
                future.set_exception(error)
            return
        _settle(future, result)


def _settle(future: asyncio.Future[Any], result: Any) -> None:
    if not future.done():
        future.set_result(result)

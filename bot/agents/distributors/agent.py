"""What every distributor agent does the same way: which part numbers to look up for an
RFQ, the answer cache, batching, concurrency, and turning listings into line offers.

A line is looked up by its part number, or else by its best catalogue candidates; a
line with neither is not the distributor's to answer. A listing counts only when its
part number is the one asked for (in index form, so "-TR" suffixes and case do not
matter): a search that also returns look-alike parts must not offer them as exact.
A lookup that fails does not stop the others; the agent fails with its reason once the
rest have been delivered.
"""

from __future__ import annotations

import asyncio
import logging
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Iterable, Sequence

from bot.agents.base import AgentError
from bot.agents.distributors.cache import AnswerCache
from bot.agents.distributors.listing import Listing
from bot.agents.distributors.transport import CallSettings
from bot.quotes import InvalidOffer, Offer, QuoteLine, QuoteRequest
from catalogue.partnumbers import clean_mpn, normalise_mpn

log = logging.getLogger(__name__)

DEFAULT_MAX_CANDIDATES = 3
DEFAULT_CONCURRENCY = 4


class DistributorAgent(ABC):
    #: The API's name: the cache namespace and the subject of failure reasons.
    api: str
    #: How many part numbers one call can look up.
    batch_size = 1

    def __init__(
        self,
        call: CallSettings,
        cache: AnswerCache,
        *,
        vendor_name: str | None = None,
        max_candidates: int = DEFAULT_MAX_CANDIDATES,
        concurrency: int = DEFAULT_CONCURRENCY,
    ) -> None:
        self._call = call
        self._cache = cache
        self._vendor_name = vendor_name or self.api
        self._max_candidates = max_candidates
        self._concurrency = concurrency

    @property
    def vendor_name(self) -> str:
        return self._vendor_name

    @abstractmethod
    async def fetch(self, part_numbers: Sequence[str], request: QuoteRequest) -> list[Listing]:
        """Everything the API lists for these part numbers (at most `batch_size` of them)."""

    async def ask(self, request: QuoteRequest) -> AsyncIterator[Offer]:
        lines_of = self._lines_by_part_number(request.lines)
        pending: list[str] = []
        for part_number, lines in lines_of.items():
            cached = self._cache.get(self.api, part_number)
            if cached is None:
                pending.append(part_number)
            else:
                for offer in _offers(lines, cached):
                    yield offer
        if not pending:
            return
        semaphore = asyncio.Semaphore(self._concurrency)

        async def look_up(batch: list[str]) -> tuple[list[str], list[Listing]]:
            async with semaphore:
                return batch, await self.fetch(batch, request)

        batches = [
            pending[start : start + self.batch_size]
            for start in range(0, len(pending), self.batch_size)
        ]
        tasks = [asyncio.create_task(look_up(batch)) for batch in batches]
        failures: list[str] = []
        try:
            for finished in asyncio.as_completed(tasks):
                try:
                    batch, listings = await finished
                except AgentError as error:
                    failures.append(str(error))
                    continue
                for part_number, found in _assign(batch, listings).items():
                    self._cache.put(self.api, part_number, found)
                    for offer in _offers(lines_of[part_number], found):
                        yield offer
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        if failures:
            more = f" (and {len(failures) - 1} more failed lookups)" if len(failures) > 1 else ""
            raise AgentError(failures[0] + more)

    def _lines_by_part_number(self, lines: Iterable[QuoteLine]) -> dict[str, list[QuoteLine]]:
        """Part number to look up -> the RFQ lines that asked for it, in the RFQ's order."""
        by_key: dict[str, tuple[str, list[QuoteLine]]] = {}
        for line in lines:
            for part_number in self._part_numbers(line):
                key = normalise_mpn(part_number)
                _display, asking = by_key.setdefault(key, (clean_mpn(part_number), []))
                if line not in asking:
                    asking.append(line)
        return dict(by_key.values())

    def _part_numbers(self, line: QuoteLine) -> list[str]:
        if line.request.mpn and normalise_mpn(line.request.mpn):
            return [line.request.mpn]
        chosen: list[str] = []
        keys: set[str] = set()
        for candidate in line.candidates:
            key = normalise_mpn(candidate)
            if key and key not in keys:
                keys.add(key)
                chosen.append(candidate)
            if len(chosen) == self._max_candidates:
                break
        return chosen


def _assign(batch: list[str], listings: list[Listing]) -> dict[str, tuple[Listing, ...]]:
    """Each asked part number with the listings whose part number is that one."""
    found: dict[str, list[Listing]] = {normalise_mpn(part_number): [] for part_number in batch}
    for listing in listings:
        bucket = found.get(normalise_mpn(listing.mpn))
        if bucket is not None:
            bucket.append(listing)
    return {part_number: tuple(found[normalise_mpn(part_number)]) for part_number in batch}


def _offers(lines: list[QuoteLine], listings: tuple[Listing, ...]) -> list[Offer]:
    offers: list[Offer] = []
    for line in lines:
        for listing in listings:
            try:
                offers.append(listing.offer(line.line, line.quantity))
            except InvalidOffer as error:
                log.info("dropped a %s listing of %s: %s", listing.sku, listing.mpn, error)
    return offers

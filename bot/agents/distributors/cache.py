"""Answers kept in memory for a while, so a busy hour of RFQs does not spend an API's quota.

Keyed by (api, part number in its index form), so "rc0603fr-0710kl" and
"RC0603FR-0710KL" are one answer. An answer with no listings is kept too: asking again
for a part a distributor does not carry costs the same quota.
"""

from __future__ import annotations

from bot.agents.distributors.clock import Clock, SystemClock
from bot.agents.distributors.listing import Listing
from catalogue.partnumbers import normalise_mpn

DEFAULT_MAX_ENTRIES = 20_000


class AnswerCache:
    def __init__(
        self,
        ttl_seconds: float,
        *,
        clock: Clock | None = None,
        max_entries: int = DEFAULT_MAX_ENTRIES,
    ) -> None:
        self.ttl_seconds = ttl_seconds
        self._clock = clock or SystemClock()
        self._max_entries = max_entries
        self._entries: dict[tuple[str, str], tuple[float, tuple[Listing, ...]]] = {}

    def get(self, api: str, part_number: str) -> tuple[Listing, ...] | None:
        key = (api, normalise_mpn(part_number))
        entry = self._entries.get(key)
        if entry is None:
            return None
        expires, listings = entry
        if expires <= self._clock.time():
            del self._entries[key]
            return None
        return listings

    def put(self, api: str, part_number: str, listings: tuple[Listing, ...]) -> None:
        if self.ttl_seconds <= 0:
            return
        key = (api, normalise_mpn(part_number))
        self._entries.pop(key, None)
        while len(self._entries) >= self._max_entries:
            # Entries are kept in insertion order: the first is the oldest.
            del self._entries[next(iter(self._entries))]
        self._entries[key] = (self._clock.time() + self.ttl_seconds, listings)

    def __len__(self) -> int:
        return len(self._entries)

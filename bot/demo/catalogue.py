"""What the demo vendors know about parts: the built-in seed catalogue, held in memory.

A real vendor has its own product data, not the bot's database, so the demo vendors read
the seed as generated (`catalogue.seed.seed_records`) rather than the `parts` table: what
they stock and charge stays the same whatever a deployment imported into its catalogue.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from catalogue.partnumbers import normalise_mpn
from catalogue.seed import seed_records
from catalogue.store import PartRecord


@dataclass(frozen=True, slots=True)
class DemoCatalogue:
    """Seed parts by normalised part number, in the seed's order."""

    parts: dict[str, PartRecord]

    @classmethod
    def of(cls, records: Iterable[PartRecord]) -> DemoCatalogue:
        return cls({normalise_mpn(record.mpn): record for record in records})

    @classmethod
    async def load(cls) -> DemoCatalogue:
        """The whole seed; generating it takes most of a second, so not in the event loop."""
        return await asyncio.to_thread(lambda: cls.of(seed_records()))

    def find(self, mpn: str | None) -> PartRecord | None:
        """The part `mpn` names in any spelling the bot accepts, or None."""
        if not mpn:
            return None
        return self.parts.get(normalise_mpn(mpn))

    def __iter__(self) -> Iterator[PartRecord]:
        return iter(self.parts.values())

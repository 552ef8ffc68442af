"""Stock-list vendors: quotes read from the price list the vendor sent us (bot/pricelists.py).

Nobody has to be asked, so the agent answers at once. A row answers a line when its part
number is the one the buyer asked for or one of the catalogue's candidates for the line,
compared in normal form (catalogue.partnumbers.normalise_mpn), so "RC0603FR-0710KL" in
the list answers a buyer who wrote "rc0603fr-07 10kl".
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.agents.base import AgentError
from bot.models import Vendor, VendorPrice
from bot.quotes import InvalidOffer, Offer, QuoteLine, QuoteRequest
from catalogue.partnumbers import normalise_mpn

logger = logging.getLogger(__name__)

# Part numbers per query: far below SQLite's and PostgreSQL's bound-parameter limits.
_CHUNK = 500


def line_keys(line: QuoteLine) -> list[str]:
    """The normalised part numbers that answer `line`: the requested one, then candidates."""
    spellings = [line.request.mpn] if line.request.mpn else []
    spellings.extend(line.candidates)
    keys = (normalise_mpn(spelling) for spelling in spellings)
    return list(dict.fromkeys(key for key in keys if key))


def row_offer(row: VendorPrice, line: int) -> Offer:
    """`row` as an offer for `line`; a row with stock and no lead time ships at once."""
    lead_time = row.lead_time_days
    if lead_time is None and row.stock is not None and row.stock > 0:
        lead_time = 0
    return Offer(
        line=line,
        currency=row.currency,
        price_breaks=tuple((int(quantity), float(price)) for quantity, price in row.price_breaks),
        mpn=row.mpn,
        manufacturer=row.manufacturer or None,
        stock=row.stock,
        moq=row.moq,
        multiple=row.multiple,
        lead_time_days=lead_time,
        date_code=row.date_code,
    )


class StockListAgent:
    """Answers for one vendor from its rows in `vendor_prices`."""

    def __init__(
        self, vendor_name: str, vendor_id: int, sessions: async_sessionmaker[AsyncSession]
    ) -> None:
        self._vendor_name = vendor_name
        self.vendor_id = vendor_id
        self._sessions = sessions

    @classmethod
    def from_vendor(
        cls, vendor: Vendor, sessions: async_sessionmaker[AsyncSession]
    ) -> StockListAgent:
        return cls(vendor.name, vendor.id, sessions)

    @property
    def vendor_name(self) -> str:
        return self._vendor_name

    def __repr__(self) -> str:
        return f"StockListAgent({self._vendor_name!r}, vendor_id={self.vendor_id})"

    async def ask(self, request: QuoteRequest) -> AsyncIterator[Offer]:
        """Per line in RFQ order: rows for the requested part first, then by candidate rank.

        Nothing at all when the list has none of the parts (the vendor declines).
        """
        keys_by_line = {line.line: line_keys(line) for line in request.lines}
        wanted = list(dict.fromkeys(key for keys in keys_by_line.values() for key in keys))
        rows = await self._rows(wanted)
        for line in request.lines:
            for key in keys_by_line[line.line]:
                for row in rows.get(key, ()):
                    try:
                        offer = row_offer(row, line.line)
                    except InvalidOffer as error:
                        logger.warning(
                            "RFQ %s, vendor %s: price list row %s skipped: %s",
                            request.rfq_id,
                            self._vendor_name,
                            row.mpn,
                            error,
                        )
                        continue
                    yield offer

    async def _rows(self, keys: Sequence[str]) -> dict[str, list[VendorPrice]]:
        """The vendor's rows for `keys`, by normalised part number, in manufacturer order."""
        found: dict[str, list[VendorPrice]] = {}
        if not keys:
            return found
        try:
            async with self._sessions() as session:
                for start in range(0, len(keys), _CHUNK):
                    statement = (
                        select(VendorPrice)
                        .where(
                            VendorPrice.vendor_id == self.vendor_id,
                            VendorPrice.mpn_normalised.in_(keys[start : start + _CHUNK]),
                        )
                        .order_by(VendorPrice.manufacturer, VendorPrice.id)
                    )
                    for row in await session.scalars(statement):
                        found.setdefault(row.mpn_normalised, []).append(row)
        except SQLAlchemyError as error:
            raise AgentError(f"price list unavailable: {type(error).__name__}") from error
        return found

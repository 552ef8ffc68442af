"""Which of a demo vendor's parts answer an RFQ line: the part the buyer named, then the
catalogue's candidates, in the bot's order, as a trader reading the request would try them."""

from __future__ import annotations

from bot.agents.stock import line_keys
from bot.demo.catalogue import DemoCatalogue
from bot.demo.pricing import PartQuote, VendorPricing, quote_part
from bot.quotes import QuoteLine


def line_quotes(
    catalogue: DemoCatalogue, pricing: VendorPricing, line: QuoteLine, *, limit: int
) -> list[PartQuote]:
    """Up to `limit` offers for `line`, one per part the vendor carries, best match first."""
    quotes: list[PartQuote] = []
    for key in line_keys(line):
        part = catalogue.parts.get(key)
        quote = quote_part(pricing, part) if part is not None else None
        if quote is not None:
            quotes.append(quote)
            if len(quotes) == limit:
                break
    return quotes

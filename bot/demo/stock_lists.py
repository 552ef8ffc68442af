"""The demo's stock-list vendors: price lists drawn from the seed catalogue, imported the way
an operator imports a vendor's file (`sourcing-bot vendors prices`, bot/pricelists.py).

A list holds every seed part the vendor carries (`bot.demo.pricing.carries`), so its size
follows the vendor's coverage: a few thousand passives for a passives trader, a few hundred
actives for a surplus dealer. The list goes through the price-list CSV format and its
importer, so the demo's rows are exactly what a real vendor's file would give.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from bot.demo.catalogue import DemoCatalogue
from bot.demo.pricing import PartQuote, VendorPricing, decimal_text, quote_part
from bot.models import Vendor
from bot.pricelists import PriceListReport, import_price_list

_HEADER = (
    "mpn",
    "manufacturer",
    "stock",
    "moq",
    "multiple",
    "currency",
    "lead_time_days",
    "date_code",
    "price_breaks",
)


@dataclass(frozen=True, slots=True)
class StockListProfile:
    name: str
    pricing: VendorPricing


def stock_list(catalogue: DemoCatalogue, pricing: VendorPricing) -> list[PartQuote]:
    """Every seed part the vendor carries, priced, in the seed's order."""
    return [quote for part in catalogue if (quote := quote_part(pricing, part)) is not None]


def price_list_csv(quotes: Iterable[PartQuote]) -> str:
    """The quotes as a price-list file (bot/pricelists.py's format), comma-separated."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_HEADER)
    for quote in quotes:
        writer.writerow(
            (
                quote.mpn,
                quote.manufacturer,
                quote.stock,
                quote.moq,
                quote.multiple if quote.multiple is not None else "",
                quote.currency,
                quote.lead_time_days,
                quote.date_code,
                ",".join(
                    f"{quantity}:{decimal_text(price)}" for quantity, price in quote.price_breaks
                ),
            )
        )
    return out.getvalue()


async def load_stock_list(
    session: AsyncSession, vendor: Vendor, quotes: Sequence[PartQuote]
) -> PriceListReport:
    """Import `quotes` as `vendor`'s price list, through a file as an operator would."""
    with tempfile.TemporaryDirectory(prefix="demo-stock-") as folder:
        path = Path(folder) / "stock.csv"
        path.write_text(price_list_csv(quotes), encoding="utf-8")
        return await import_price_list(session, vendor, path)

"""What a distributor lists for a part number, before it is offered against an RFQ line.

APIs answer per part number, RFQs ask per line: a listing is cached once and turned
into an `Offer` for whichever line asked for that part number.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.quotes import Offer, PriceBreak


@dataclass(frozen=True, slots=True)
class Listing:
    mpn: str
    manufacturer: str | None
    currency: str
    price_breaks: tuple[PriceBreak, ...]
    stock: int | None = None
    moq: int | None = None
    multiple: int | None = None
    #: Days the manufacturer needs for more than the distributor has on the shelf.
    factory_lead_days: int | None = None
    packaging: str | None = None
    #: The distributor's own part number (Mouser, Digi-Key, element14 SKU, seller SKU).
    sku: str | None = None
    #: The company selling it, where one API speaks for many sellers (Nexar).
    seller: str | None = None

    def offer(self, line: int, quantity: int | None) -> Offer:
        """This listing offered for an RFQ line asking for `quantity` pieces."""
        extra = {
            key: value
            for key, value in (
                ("packaging", self.packaging),
                ("sku", self.sku),
                ("seller", self.seller),
                ("factory_lead_days", self.factory_lead_days),
            )
            if value is not None
        }
        return Offer(
            line=line,
            currency=self.currency,
            price_breaks=self.price_breaks,
            mpn=self.mpn,
            manufacturer=self.manufacturer,
            stock=self.stock,
            moq=self.moq,
            multiple=self.multiple,
            lead_time_days=self.lead_time_days(quantity),
            extra=extra,
        )

    def order_quantity(self, quantity: int | None) -> int:
        """The quantity a buyer would order here: raised to the minimum, then to a multiple."""
        first_break = self.price_breaks[0][0] if self.price_breaks else 1
        minimum = self.moq if self.moq is not None else first_break
        wanted = max(quantity or 0, minimum, 1)
        multiple = self.multiple or 1
        return -(-wanted // multiple) * multiple

    def lead_time_days(self, quantity: int | None) -> int | None:
        """Days until the order ships, as the quote conventions count them.

        Shelf stock that covers the order ships now (0). When it falls short, the factory
        lead time is the time for the balance, as a vendor writes "800 in stock, balance
        3 weeks"; with no lead time given, stock on the shelf still reads as an in-stock
        statement (0), which ranking sets against the shortfall.
        """
        if self.stock is not None and self.stock >= self.order_quantity(quantity):
            return 0
        if self.factory_lead_days is not None and self.factory_lead_days > 0:
            return self.factory_lead_days
        if self.stock is not None and self.stock > 0:
            return 0
        return None


def ascending_breaks(breaks: Iterable[tuple[int, float]]) -> tuple[PriceBreak, ...]:
    """Price breaks sorted by quantity, one per quantity, non-positive quantities dropped.

    APIs list breaks in their own order and sometimes repeat a quantity (a reel break
    next to the cut-tape one); the first price given for a quantity stands.
    """
    seen: dict[int, float] = {}
    for quantity, price in breaks:
        if quantity > 0 and quantity not in seen:
            seen[quantity] = price
    return tuple(sorted(seen.items()))

"""Which price break applies to an order."""

from __future__ import annotations

from collections.abc import Sequence

from bot.quotes import PriceBreak


def break_at(price_breaks: Sequence[PriceBreak], quantity: int) -> PriceBreak:
    """The break with the largest minimum quantity not above `quantity`.

    Below the first break (an MOQ set lower than the first tier), the first break's
    price is the one the vendor quoted, so it applies.
    """
    applying = price_breaks[0]
    for price_break in price_breaks:
        if price_break[0] > quantity:
            break
        applying = price_break
    return applying


def unit_price_at(price_breaks: Sequence[PriceBreak], quantity: int) -> float:
    return break_at(price_breaks, quantity)[1]

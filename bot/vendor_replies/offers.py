"""One option's facts turned into an `OfferDraft`, with what it inherits from its part.

The price is the tier for the line's quantity when tiers are given; per-reel prices and
stock or MOQ counted in reels are multiplied out by the reel size written for the part.
Stock, or any in-stock statement, means a lead time of 0 unless a time is written for
the balance.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.vendor_replies.facts import (
    Brand,
    CurrencyNote,
    DateCode,
    Fact,
    FullReels,
    InStock,
    LeadTime,
    Moq,
    Multiple,
    PartNumber,
    Price,
    Stock,
    Tax,
)
from bot.vendor_replies.model import OfferDraft


@dataclass(frozen=True, slots=True)
class Inherited:
    """The currency an option takes from a sibling priced in one ("现货12.5元, 期货11")."""

    currency: str | None = None


def _first(facts: Sequence[Fact], kind: type[Fact]) -> Fact | None:
    return next((f for f in facts if isinstance(f, kind)), None)


def mpn_of(facts: Sequence[Fact]) -> str | None:
    return next((f.mpn for f in facts if isinstance(f, PartNumber) and f.mpn), None)


def brand_of(facts: Sequence[Fact]) -> str | None:
    return next((f.name for f in facts if isinstance(f, Brand)), None)


def currency_of(prices: Sequence[Price], facts: Sequence[Fact]) -> str | None:
    found = next((p.currency for p in prices if p.currency), None)
    if found is None:
        found = next((f.code for f in facts if isinstance(f, CurrencyNote)), None)
    return found


def tax_of(facts: Sequence[Fact]) -> bool | None:
    return next((f.included for f in facts if isinstance(f, Tax)), None)


def date_code_of(facts: Sequence[Fact]) -> str | None:
    return next((f.code for f in facts if isinstance(f, DateCode)), None)


def _unit_value(price: Price, reel: int | None, quantity: int | None) -> float | None:
    """The price of one piece: per-reel prices by the reel, totals by the line's quantity."""
    if price.total:
        return price.value / quantity if quantity else None
    if not price.per_reel:
        return price.value
    size = price.reel_size or reel
    return price.value / size if size else None


def _pricing(
    prices: Sequence[Price], reel: int | None, quantity: int | None
) -> tuple[float | None, list[tuple[int, float]]]:
    """The unit price for the line's quantity, and the tier table when tiers were given."""
    values = [(p, _unit_value(p, reel, quantity)) for p in prices]
    known = [(p, v) for p, v in values if v is not None]
    if not known:
        return None, []
    tiered = all(p.tier_min is not None for p, _ in known) and (
        len(known) > 1 or known[0][0].single_tier_ok
    )
    if not tiered:
        return known[-1][1], []
    table = sorted({p.tier_min or 0: v for p, v in known}.items())
    price = table[0][1]
    if quantity is not None:
        for minimum, value in table:
            if minimum <= quantity:
                price = value
    return price, table


def ordering_of(facts: Sequence[Fact], reel: int | None) -> tuple[int | None, int | None]:
    """MOQ and order multiple: reels counted out by the reel size, whole reels set both."""
    moq: int | None = None
    multiple: int | None = None
    moq_fact = _first(facts, Moq)
    if isinstance(moq_fact, Moq):
        if moq_fact.pieces is not None:
            moq = moq_fact.pieces
        elif moq_fact.reels is not None and reel:
            moq = moq_fact.reels * reel
    if _first(facts, FullReels) is not None and (reel or moq):
        # "MOQ 3000, full reel": with no reel size written, the minimum is the reel.
        multiple = reel or moq
        moq = moq if moq is not None else reel
    multiple_fact = _first(facts, Multiple)
    if isinstance(multiple_fact, Multiple):
        multiple = multiple_fact.pieces
    return moq, multiple


def draft_offer(
    line: int,
    prices: Sequence[Price],
    facts: Sequence[Fact],
    inherited: Inherited,
    reel: int | None,
    quantity: int | None,
) -> OfferDraft | None:
    """The offer an option makes, or None when it states no price, stock or lead time."""
    price, table = _pricing(prices, reel, quantity)
    stock: int | None = None
    stock_fact = _first(facts, Stock)
    if isinstance(stock_fact, Stock):
        if stock_fact.pieces is not None:
            stock = stock_fact.pieces
        elif stock_fact.reels is not None and reel:
            stock = stock_fact.reels * reel
    leads = [f.days for f in facts if isinstance(f, LeadTime)]
    lead: int | None = max(leads) if leads else None
    if lead is None and any(isinstance(f, Stock | InStock) for f in facts):
        lead = 0
    if price is None and stock is None and lead is None:
        return None
    moq, multiple = ordering_of(facts, reel)
    return OfferDraft(
        line=line,
        price=price,
        currency=(currency_of(prices, facts) or inherited.currency) if price is not None else None,
        price_breaks=table,
        stock=stock,
        lead_time_days=lead,
        moq=moq,
        multiple=multiple,
        mpn=mpn_of(facts),
        manufacturer=brand_of(facts),
        date_code=date_code_of(facts),
        tax_included=tax_of(facts),
    )

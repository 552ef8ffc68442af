"""Whether an offer can supply the order quantity, and when it would arrive.

A stock figure below the order quantity means the vendor cannot supply it unless the
offer gives a lead time for the balance. A lead time of 0 is an in-stock statement
about the stock on hand (vendors say "300 pcs in stock" and the reply parser reads it
as lead time 0), so it does not cover a shortfall; only a lead time above 0 does.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.quotes import Offer
from bot.ranking.inputs import VendorTerms


@dataclass(frozen=True, slots=True)
class Supply:
    can_fulfil: bool
    #: The offer's lead time, else the vendor's default, else 0 when stock covers the
    #: order; None when nothing says.
    lead_time_days: int | None
    #: Stock is known and covers the order quantity.
    in_stock: bool


def can_supply(offer: Offer, quantity: int) -> bool:
    if offer.stock is None or offer.stock >= quantity:
        return True
    return offer.lead_time_days is not None and offer.lead_time_days > 0


def supply(offer: Offer, terms: VendorTerms, quantity: int) -> Supply:
    in_stock = offer.stock is not None and offer.stock >= quantity
    lead_time = offer.lead_time_days
    if lead_time is None:
        lead_time = terms.default_lead_time_days
    if lead_time is None and in_stock:
        lead_time = 0
    return Supply(
        can_fulfil=can_supply(offer, quantity), lead_time_days=lead_time, in_stock=in_stock
    )

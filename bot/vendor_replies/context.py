"""Shared context: what a reply says once for every line it covers.

"prices in usd", "以上含税", "all in stock", "全部国巨 每个0.004元": each fills the keys an
offer leaves open (never overriding what is written with the offer), and a shared price
answers every line the reply does not answer by itself. Declines of listed lines ("only
items 2 and 4 available"), of the others and of everything are read here too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from bot.vendor_replies.facts import CurrencyNote, Decline, Fact, InStock, LeadTime, Price, Stock
from bot.vendor_replies.model import OfferDraft
from bot.vendor_replies.offers import (
    Inherited,
    brand_of,
    currency_of,
    date_code_of,
    draft_offer,
    ordering_of,
    tax_of,
)
from bot.vendor_replies.options import reel_size


@dataclass(slots=True)
class SharedContext:
    currency: str | None = None
    tax_included: bool | None = None
    date_code: str | None = None
    manufacturer: str | None = None
    lead_time_days: int | None = None
    moq: int | None = None
    multiple: int | None = None
    template: OfferDraft | None = None
    position: int = 0
    declined: dict[int, int] = field(default_factory=dict)
    others_declined_at: int | None = None


def shared_context(
    shared_facts: Sequence[Fact], every_fact: Iterable[Fact], lines: Sequence[int], reel: int | None
) -> SharedContext:
    """The context from shared clauses, reply-wide currency notes and multi-line declines."""
    every = list(every_fact)
    prices = [f for f in shared_facts if isinstance(f, Price)]
    leads = [f.days for f in shared_facts if isinstance(f, LeadTime)]
    lead = max(leads) if leads else None
    if lead is None and any(isinstance(f, InStock | Stock) for f in shared_facts):
        lead = 0
    notes = [f.code for f in every if isinstance(f, CurrencyNote)]
    moq, multiple = ordering_of(shared_facts, reel_size(shared_facts) or reel)
    context = SharedContext(
        currency=currency_of(prices, shared_facts) or (notes[0] if len(set(notes)) == 1 else None),
        tax_included=tax_of(shared_facts),
        date_code=date_code_of(shared_facts),
        manufacturer=brand_of(shared_facts),
        lead_time_days=lead,
        moq=moq,
        multiple=multiple,
        position=shared_facts[0].start if shared_facts else 0,
    )
    if prices:
        context.template = draft_offer(0, prices[-1:], shared_facts, Inherited(), reel, None)
        context.position = prices[-1].start
    for fact in every:
        if not isinstance(fact, Decline):
            continue
        if fact.everything:
            covered: Iterable[int] = lines
        elif fact.others:
            context.others_declined_at = fact.start
            covered = [line for line in lines if line in context.declined]
        else:
            covered = fact.lines or ()
        for line in covered:
            context.declined[line] = fact.start
    return context


def fill(offer: OfferDraft, context: SharedContext, alternative: bool) -> OfferDraft:
    """The offer with open keys taken from the shared context."""
    if offer.declined:
        return offer
    priced = offer.price is not None
    return replace(
        offer,
        currency=offer.currency or (context.currency if priced else None),
        tax_included=(
            offer.tax_included
            if offer.tax_included is not None
            else (context.tax_included if priced else None)
        ),
        date_code=offer.date_code or (None if alternative else context.date_code),
        manufacturer=offer.manufacturer or (None if alternative else context.manufacturer),
        lead_time_days=(
            offer.lead_time_days if offer.lead_time_days is not None else context.lead_time_days
        ),
        moq=offer.moq if offer.moq is not None else context.moq,
        multiple=offer.multiple if offer.multiple is not None else context.multiple,
    )

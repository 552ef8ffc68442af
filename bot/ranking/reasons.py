"""The short reason each ranked offer carries, as pieces a buyer reads in their language.

Pieces, most important first: where the offer stands against #1 in the chosen order (or
the stock shortfall that put it below every offer that can supply; bot.ranking.standing),
then (bot.ranking.details) whether the vendor is new, whether the part is an
alternative, availability, how the order quantity was arrived at, what the landed total
includes, and last the buy-up suggestion (a `BuyUp`). Each piece keeps its numbers and
writes itself with `render(words)`; `reasons_text` joins them with " · ". In English:
"cheapest total at 500 pcs · in stock · MOQ 100",
"2nd: $0.40 more than #1 · ships in 3 weeks", "stock 300 of 500 needed".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from bot.quotes import QuoteLine
from bot.ranking.assessment import Assessment
from bot.ranking.details import (
    AlternativePart,
    InStock,
    LeadTimeUnknown,
    MinimumOrder,
    MinimumOrderValue,
    Moq,
    NewVendor,
    PartlyInStock,
    QuantityRaised,
    Reels,
    Shipping,
    ShipsIn,
    compared_ex_vat,
)
from bot.ranking.display import round_money
from bot.ranking.ordering import RankOrder
from bot.ranking.quantity import QuantityBasis
from bot.ranking.standing import (
    CheapestTotal,
    FastestDelivery,
    LeadTimeAgainstFirst,
    MostTrusted,
    PlaceWithoutLeadTime,
    ScoreAgainstFirst,
    ShortOfStock,
    TiedWithFirst,
    TotalAgainstFirst,
)
from catalogue.partnumbers import clean_mpn
from catalogue.wording import ENGLISH, Wording

SEPARATOR = " · "


class Reason(Protocol):
    """One piece of a reason, written in the reader's language (English unless told)."""

    def render(self, words: Wording = ENGLISH) -> str: ...


def reasons_text(reasons: Iterable[Reason], words: Wording = ENGLISH) -> str:
    """The pieces as one line: "cheapest total at 500 pcs · in stock"."""
    return SEPARATOR.join(reason.render(words) for reason in reasons)


def reasons(
    assessment: Assessment, rank: int, first: Assessment, order: RankOrder, line: QuoteLine
) -> tuple[Reason, ...]:
    pieces: list[Reason | None] = [_standing(assessment, rank, first, order)]
    if order is RankOrder.TRUSTED and assessment.item.record.is_new:
        pieces.append(NewVendor())
    pieces.append(_alternative(assessment, line))
    if not _standing_says_lead_time(assessment, order):
        pieces.append(_availability(assessment))
    pieces.extend(_quantity(assessment))
    pieces.extend(_charges(assessment))
    pieces.append(assessment.suggestion)
    return tuple(piece for piece in pieces if piece is not None)


def _standing(a: Assessment, rank: int, first: Assessment, order: RankOrder) -> Reason:
    if not a.supply.can_fulfil:
        return ShortOfStock(stock=a.item.offer.stock or 0, needed=a.cost.quantity)
    currency = a.basis.currency
    if order is RankOrder.CHEAPEST:
        if rank == 1:
            return CheapestTotal(a.cost.quantity)
        return TotalAgainstFirst(rank, _total_difference(a, first), currency)
    if order is RankOrder.FASTEST:
        lead, fastest = a.supply.lead_time_days, first.supply.lead_time_days
        if lead is None:
            return PlaceWithoutLeadTime(rank)
        if rank == 1:
            return FastestDelivery()
        if fastest is not None and lead != fastest:
            return LeadTimeAgainstFirst(rank, lead - fastest)
        return TiedWithFirst(rank, order, _total_difference(a, first), currency)
    if rank == 1:
        return MostTrusted(a.shown_score)
    if a.shown_score != first.shown_score:
        return ScoreAgainstFirst(rank, a.shown_score, first.shown_score)
    return TiedWithFirst(rank, order, _total_difference(a, first), currency)


def _total_difference(a: Assessment, first: Assessment) -> float:
    """The total less #1's, to the cent, as the buyer compares the totals shown."""
    return round_money(a.total - first.total, a.basis.currency)


def _standing_says_lead_time(a: Assessment, order: RankOrder) -> bool:
    """The fastest order's standing already said the lead time is unknown."""
    return order is RankOrder.FASTEST and a.supply.can_fulfil and a.supply.lead_time_days is None


def _alternative(a: Assessment, line: QuoteLine) -> AlternativePart | None:
    mpn = a.item.offer.mpn
    if not a.alternative or mpn is None:
        return None
    asked = clean_mpn(line.request.mpn) if line.request.mpn else None
    return AlternativePart(clean_mpn(mpn), asked)


def _availability(a: Assessment) -> Reason | None:
    if not a.supply.can_fulfil:
        return None
    lead, stock = a.supply.lead_time_days, a.item.offer.stock
    if lead is None:
        return LeadTimeUnknown()
    if lead == 0 or a.supply.in_stock:
        return InStock(lead)
    if stock:
        return PartlyInStock(stock, lead)
    return ShipsIn(lead)


def _quantity(a: Assessment) -> list[Reason]:
    quantity, offer = a.quantity, a.item.offer
    if quantity.basis is QuantityBasis.MINIMUM:
        return [MinimumOrder(quantity.quantity, reels_asked=quantity.reels is not None)]
    pieces: list[Reason] = []
    if quantity.basis is QuantityBasis.REELS and quantity.reels and quantity.reel_size:
        pieces.append(Reels(quantity.reels, quantity.reel_size, quantity.reel_size_inferred))
    if quantity.raised_to_moq or quantity.rounded_to_multiple:
        pieces.append(
            QuantityRaised(
                asked=quantity.wanted or 0,
                moq=offer.minimum_order if quantity.raised_to_moq else None,
                multiple=offer.order_multiple if quantity.rounded_to_multiple else None,
            )
        )
    elif offer.moq is not None and offer.moq > 1:
        pieces.append(Moq(offer.moq))
    return pieces


def _charges(a: Assessment) -> list[Reason]:
    cost, currency = a.cost, a.basis.currency
    pieces: list[Reason] = []
    if cost.minimum_order_charge > 0:
        pieces.append(MinimumOrderValue(cost.minimum_order_value, currency))
    if cost.shipping > 0:
        pieces.append(Shipping(cost.shipping, currency))
    note = compared_ex_vat(cost.includes_tax, a.basis.vat_rate)
    if note is not None:
        pieces.append(note)
    return pieces

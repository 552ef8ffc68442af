"""The short reason each ranked offer carries, written for a buyer.

Pieces joined by " · ", most important first: where the offer stands against #1 in the
chosen order (or the stock shortfall that put it below every offer that can supply),
whether the part is an alternative, availability, how the order quantity was arrived
at, what the landed total includes, and the buy-up suggestion:
"cheapest total at 500 pcs · in stock · MOQ 100",
"2nd: $0.40 more than #1 · ships in 3 weeks", "stock 300 of 500 needed".
"""

from __future__ import annotations

from bot.quotes import QuoteLine
from bot.ranking.assessment import Assessment
from bot.ranking.display import format_days, format_money, format_quantity, ordinal, round_money
from bot.ranking.ordering import RankOrder
from bot.ranking.quantity import QuantityBasis
from bot.ranking.tax import tax_note
from catalogue.partnumbers import clean_mpn

SEPARATOR = " · "


def reason(
    assessment: Assessment, rank: int, first: Assessment, order: RankOrder, line: QuoteLine
) -> str:
    pieces: list[str | None] = [_headline(assessment, rank, first, order)]
    if order is RankOrder.TRUSTED and assessment.item.record.is_new:
        pieces.append("new vendor")
    pieces.append(_alternative(assessment, line))
    if not _headline_says_lead_time(assessment, order):
        pieces.append(_availability(assessment))
    pieces.append(_quantity(assessment))
    pieces.extend(_charges(assessment))
    if assessment.suggestion is not None:
        pieces.append(assessment.suggestion.text)
    return SEPARATOR.join(piece for piece in pieces if piece)


def _money(assessment: Assessment, amount: float) -> str:
    return format_money(amount, assessment.basis.currency)


def _headline(a: Assessment, rank: int, first: Assessment, order: RankOrder) -> str:
    if not a.supply.can_fulfil:
        stock = a.item.offer.stock or 0
        return f"stock {format_quantity(stock)} of {format_quantity(a.cost.quantity)} needed"
    place = ordinal(rank)
    if order is RankOrder.CHEAPEST:
        if rank == 1:
            return f"cheapest total at {format_quantity(a.cost.quantity)} pcs"
        difference = _total_difference(a, first)
        return f"{place}: {difference} than #1" if difference else f"{place}: same total as #1"
    if order is RankOrder.FASTEST:
        lead, fastest = a.supply.lead_time_days, first.supply.lead_time_days
        if lead is None:
            return f"{place}: lead time unknown"
        if rank == 1:
            return "fastest delivery"
        if fastest is not None and lead != fastest:
            faster_or_slower = "slower" if lead > fastest else "faster"
            return f"{place}: {format_days(abs(lead - fastest))} {faster_or_slower} than #1"
        return _tied(place, "as fast as #1", a, first)
    if rank == 1:
        return f"most trusted vendor (score {a.shown_score})"
    if a.shown_score != first.shown_score:
        return f"{place}: vendor score {a.shown_score} vs {first.shown_score} for #1"
    return _tied(place, "same vendor score as #1", a, first)


def _total_difference(a: Assessment, first: Assessment) -> str | None:
    """How the total compares with #1's ("$0.62 more", "$0.62 less"); None when equal."""
    difference = round_money(a.total - first.total, a.basis.currency)
    if difference == 0:
        return None
    return f"{_money(a, abs(difference))} {'more' if difference > 0 else 'less'}"


def _tied(place: str, tie: str, a: Assessment, first: Assessment) -> str:
    """Tied with #1 on the order's first criterion: the total tells them apart."""
    return f"{place}: {tie}, {_total_difference(a, first) or 'same total'}"


def _headline_says_lead_time(a: Assessment, order: RankOrder) -> bool:
    """The fastest order's headline already said the lead time is unknown."""
    return order is RankOrder.FASTEST and a.supply.can_fulfil and a.supply.lead_time_days is None


def _alternative(a: Assessment, line: QuoteLine) -> str | None:
    mpn = a.item.offer.mpn
    if not a.alternative or mpn is None:
        return None
    if line.request.mpn:
        return f"alternative part {clean_mpn(mpn)} for {clean_mpn(line.request.mpn)}"
    return f"alternative part {clean_mpn(mpn)} (not a catalogue match)"


def _availability(a: Assessment) -> str | None:
    if not a.supply.can_fulfil:
        return None
    lead, stock = a.supply.lead_time_days, a.item.offer.stock
    if lead is None:
        return "lead time unknown"
    if lead == 0:
        return "in stock"
    days = format_days(lead)
    if a.supply.in_stock:
        return f"in stock, ships in {days}"
    if stock:
        return f"{format_quantity(stock)} in stock, rest in {days}"
    return f"ships in {days}"


def _quantity(a: Assessment) -> str | None:
    quantity, offer = a.quantity, a.item.offer
    pieces = format_quantity(quantity.quantity)
    if quantity.basis is QuantityBasis.MINIMUM:
        if quantity.reels is not None:
            return f"reel size unknown: minimum order {pieces}"
        return f"no quantity asked: minimum order {pieces}"
    parts: list[str] = []
    if quantity.basis is QuantityBasis.REELS and quantity.reels and quantity.reel_size:
        reels = f"{quantity.reels} reel{'s' if quantity.reels != 1 else ''}"
        source = " (reel size from other offers)" if quantity.reel_size_inferred else ""
        parts.append(f"{reels} × {format_quantity(quantity.reel_size)}{source}")
    if quantity.raised_to_moq or quantity.rounded_to_multiple:
        terms = []
        if quantity.raised_to_moq:
            terms.append(f"MOQ {format_quantity(offer.minimum_order)}")
        if quantity.rounded_to_multiple:
            terms.append(f"multiples of {format_quantity(offer.order_multiple)}")
        parts.append(f"{', '.join(terms)} (asked {format_quantity(quantity.wanted or 0)})")
    elif offer.moq is not None and offer.moq > 1:
        parts.append(f"MOQ {format_quantity(offer.moq)}")
    return SEPARATOR.join(parts) or None


def _charges(a: Assessment) -> list[str]:
    cost, pieces = a.cost, []
    if cost.minimum_order_charge > 0:
        pieces.append(f"minimum order value {_money(a, cost.minimum_order_value)} applies")
    if cost.shipping > 0:
        pieces.append(f"incl. {_money(a, cost.shipping)} shipping")
    note = tax_note(cost.includes_tax, a.basis.vat_rate)
    if note:
        pieces.append(note)
    return pieces

"""Ranking one RFQ line's offers, each with the reason for its place.

Offers that cannot be ranked are left out rather than guessed at, and `excluded_offers`
says which and why, so the caller can tell the buyer: an offer whose `valid_until` has
passed (its price is no longer one the buyer can accept, and ranking it could put a
dead price at #1), and an offer in a currency with no exchange rate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.fx import FxRates
from bot.quotes import Offer, QuoteLine
from bot.ranking.assessment import Assessment, assess
from bot.ranking.inputs import OfferToRank
from bot.ranking.landed import Basis
from bot.ranking.ordering import RankOrder, in_order
from bot.ranking.quantity import common_reel_size
from bot.ranking.reasons import reason
from bot.ranking.result import RankedOffer
from bot.ranking.tax import DEFAULT_VAT_RATE, check_vat_rate, tax_note


@dataclass(frozen=True, slots=True)
class Exclusion:
    """An offer `rank_line` leaves out, with the reason a buyer can read."""

    item: OfferToRank
    reason: str


def _utc(moment: datetime) -> datetime:
    """Naive datetimes are taken to be UTC, as the database stores them."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def is_expired(offer: Offer, now: datetime) -> bool:
    return offer.valid_until is not None and _utc(offer.valid_until) < _utc(now)


def _missing_currency(item: OfferToRank, fx: FxRates) -> str | None:
    needed = [item.offer.currency]
    if item.vendor.shipping_fee or item.vendor.min_order_value:
        needed.append(item.vendor.currency)
    return next((code.upper() for code in needed if code not in fx), None)


def excluded_offers(
    offers: Sequence[OfferToRank], *, fx: FxRates, now: datetime | None = None
) -> list[Exclusion]:
    """The offers `rank_line` leaves out, in the order given."""
    moment = now if now is not None else datetime.now(UTC)
    exclusions = []
    for item in offers:
        valid_until = item.offer.valid_until
        missing = _missing_currency(item, fx)
        if valid_until is not None and is_expired(item.offer, moment):
            exclusions.append(Exclusion(item, f"expired {_utc(valid_until):%Y-%m-%d %H:%M} UTC"))
        elif missing is not None:
            exclusions.append(Exclusion(item, f"no exchange rate for {missing}"))
    return exclusions


def rank_line(
    line: QuoteLine,
    offers: Sequence[OfferToRank],
    *,
    currency: str,
    fx: FxRates,
    order: RankOrder | str = RankOrder.CHEAPEST,
    vat_rate: float = DEFAULT_VAT_RATE,
    now: datetime | None = None,
) -> list[RankedOffer]:
    """`offers` for `line` ranked in `order` ("cheapest", "fastest" or "trusted").

    `now` (default: the current time) decides which offers have expired; pass it for
    reproducible results. Raises bot.fx.UnknownCurrency if `currency` has no rate, and
    ValueError for an unknown order or a VAT rate that is not a fraction.
    """
    rank_order = RankOrder(order)
    basis = Basis(currency=currency.upper(), fx=fx, vat_rate=check_vat_rate(vat_rate))
    fx.rate(basis.currency)
    left_out = {id(exclusion.item) for exclusion in excluded_offers(offers, fx=fx, now=now)}
    live = [item for item in offers if id(item) not in left_out]
    reel_size = common_reel_size(item.offer for item in live)
    assessments = [assess(item, line, basis, line_reel_size=reel_size) for item in live]
    ordered = in_order(assessments, rank_order)
    return [
        _ranked(assessment, rank, ordered[0], rank_order, line)
        for rank, assessment in enumerate(ordered, start=1)
    ]


def _ranked(
    assessment: Assessment, rank: int, first: Assessment, order: RankOrder, line: QuoteLine
) -> RankedOffer:
    item, cost = assessment.item, assessment.cost
    offer = item.offer
    return RankedOffer(
        rank=rank,
        vendor=item.vendor.name,
        mpn=offer.mpn,
        manufacturer=offer.manufacturer,
        order_quantity=cost.quantity,
        unit_price=cost.unit_price,
        currency=assessment.basis.currency,
        total=cost.total,
        original_currency=offer.currency.upper(),
        original_unit_price=cost.original_unit_price,
        stock=offer.stock,
        lead_time_days=assessment.supply.lead_time_days,
        can_fulfil=assessment.supply.can_fulfil,
        alternative=assessment.alternative,
        why=reason(assessment, rank, first, order, line),
        suggestion=assessment.suggestion,
        vendor_score=assessment.vendor_score,
        tax_included=cost.includes_tax,
        tax_note=tax_note(cost.includes_tax, assessment.basis.vat_rate),
        goods_total=cost.goods,
        minimum_order_charge=cost.minimum_order_charge,
        shipping=cost.shipping,
        requested_quantity=assessment.quantity.wanted,
        offer_id=item.offer_id,
        source=item,
    )

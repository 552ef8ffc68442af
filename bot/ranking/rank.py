"""Ranking one RFQ line's offers, each with the reasons for its place.

Offers that cannot be ranked are left out rather than guessed at; `excluded_offers`
(bot.ranking.exclusions) says which and why, so the caller can tell the buyer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.fx import FxRates
from bot.quotes import QuoteLine
from bot.ranking.assessment import Assessment, assess
from bot.ranking.exclusions import excluded_offers
from bot.ranking.inputs import OfferToRank
from bot.ranking.landed import Basis
from bot.ranking.ordering import RankOrder, in_order
from bot.ranking.quantity import common_reel_size
from bot.ranking.reasons import reasons
from bot.ranking.result import RankedOffer
from bot.ranking.tax import DEFAULT_VAT_RATE, check_vat_rate


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
        reasons=reasons(assessment, rank, first, order, line),
        suggestion=assessment.suggestion,
        vendor_score=assessment.vendor_score,
        tax_included=cost.includes_tax,
        goods_total=cost.goods,
        minimum_order_charge=cost.minimum_order_charge,
        shipping=cost.shipping,
        requested_quantity=assessment.quantity.wanted,
        offer_id=item.offer_id,
        source=item,
    )

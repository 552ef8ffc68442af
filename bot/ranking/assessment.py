"""Everything ranking works out about one offer before putting the offers in order."""

from __future__ import annotations

from dataclasses import dataclass

from bot.quotes import QuoteLine
from bot.ranking.alternatives import is_alternative
from bot.ranking.buyup import BuyUp, buy_up
from bot.ranking.display import round_money
from bot.ranking.inputs import OfferToRank
from bot.ranking.landed import Basis, LandedCost, landed_cost
from bot.ranking.quantity import OrderQuantity, order_quantity
from bot.ranking.score import vendor_score
from bot.ranking.supply import Supply, supply


@dataclass(frozen=True, slots=True)
class Assessment:
    item: OfferToRank
    quantity: OrderQuantity
    cost: LandedCost
    supply: Supply
    alternative: bool
    vendor_score: float
    suggestion: BuyUp | None
    basis: Basis

    @property
    def total(self) -> float:
        """The landed total as the buyer sees it (to the cent): equal totals tie."""
        return round_money(self.cost.total, self.basis.currency)

    @property
    def shown_score(self) -> int:
        """The vendor score as the buyer sees it, in whole points: equal scores tie."""
        return round(self.vendor_score)


def assess(
    item: OfferToRank, line: QuoteLine, basis: Basis, *, line_reel_size: int | None
) -> Assessment:
    quantity = order_quantity(
        item.offer,
        quantity=line.request.quantity,
        reels=line.request.reels,
        line_reel_size=line_reel_size,
    )
    cost = landed_cost(item, quantity.quantity, basis)
    offer_supply = supply(item.offer, item.vendor, quantity.quantity)
    return Assessment(
        item=item,
        quantity=quantity,
        cost=cost,
        supply=offer_supply,
        alternative=is_alternative(item.offer, line),
        vendor_score=vendor_score(item.record),
        suggestion=buy_up(item, cost, basis) if offer_supply.can_fulfil else None,
        basis=basis,
    )

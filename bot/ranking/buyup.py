"""The buy-up suggestion: when more pieces at a higher price break cost less in total.

"buy 1,000 for $1.90 instead of $2.10 for 500". Totals are landed (shipping and the
minimum order value included), compared as the buyer sees them (to the cent), and only
quantities the offer can supply are suggested. Ranking itself stays on the order
quantity: the buyer asked for that many.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.ranking.display import format_money, format_quantity, round_money
from bot.ranking.inputs import OfferToRank
from bot.ranking.landed import Basis, LandedCost, landed_cost
from bot.ranking.quantity import round_up_to_order
from bot.ranking.supply import can_supply
from catalogue.wording import ENGLISH, Wording


@dataclass(frozen=True, slots=True)
class BuyUp:
    """Buy `order_quantity` pieces for `total` instead of `instead_of_total`."""

    order_quantity: int
    unit_price: float
    total: float
    currency: str
    instead_of_quantity: int
    instead_of_total: float

    @property
    def saving(self) -> float:
        return self.instead_of_total - self.total

    def render(self, words: Wording = ENGLISH) -> str:
        """The suggestion in the reader's language: the last piece of the offer's reason."""
        return words.gettext(
            "buy {quantity} for {total} instead of {current_total} for {current_quantity}",
            quantity=format_quantity(self.order_quantity),
            total=format_money(self.total, self.currency),
            current_total=format_money(self.instead_of_total, self.currency),
            current_quantity=format_quantity(self.instead_of_quantity),
        )

    @property
    def text(self) -> str:
        """In English, as the CLI and JSON show it."""
        return self.render()


def buy_up(item: OfferToRank, current: LandedCost, basis: Basis) -> BuyUp | None:
    """The cheapest larger order at a higher break (the larger on a tie), if it costs less."""
    offer = item.offer
    best: LandedCost | None = None
    for break_quantity, _price in offer.price_breaks:
        pieces = round_up_to_order(break_quantity, offer.minimum_order, offer.order_multiple)
        if pieces <= current.quantity or not can_supply(offer, pieces):
            continue
        cost = landed_cost(item, pieces, basis)
        if best is None or _money(cost.total, basis) <= _money(best.total, basis):
            best = cost
    if best is None or _money(best.total, basis) >= _money(current.total, basis):
        return None
    return BuyUp(
        order_quantity=best.quantity,
        unit_price=best.unit_price,
        total=best.total,
        currency=basis.currency,
        instead_of_quantity=current.quantity,
        instead_of_total=current.total,
    )


def _money(amount: float, basis: Basis) -> float:
    return round_money(amount, basis.currency)

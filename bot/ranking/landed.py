"""What an order from one offer really costs, in the buyer's currency, ex-VAT.

Landed total = order quantity × unit price + the vendor's shipping fee, where the goods
are charged at least the vendor's minimum order value. The offer's price is taken at its
own tax status (falling back to the vendor's terms); the shipping fee and minimum order
value are vendor terms, in the vendor's currency, on the vendor's usual tax basis.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.fx import FxRates
from bot.ranking.breaks import unit_price_at
from bot.ranking.inputs import OfferToRank
from bot.ranking.tax import ex_vat, offer_includes_tax


@dataclass(frozen=True, slots=True)
class Basis:
    """The money everything is compared in: the buyer's currency, ex-VAT."""

    currency: str
    fx: FxRates
    vat_rate: float


@dataclass(frozen=True, slots=True)
class LandedCost:
    """One offer priced at one quantity. All amounts unrounded, in the buyer's currency."""

    quantity: int
    #: The applying break's price as quoted: the offer's currency, tax as quoted.
    original_unit_price: float
    includes_tax: bool
    unit_price: float
    goods: float
    #: What the buyer pays on top of the goods to reach the vendor's minimum order value.
    minimum_order_charge: float
    #: The vendor's minimum order value (0 when it has none).
    minimum_order_value: float
    shipping: float

    @property
    def total(self) -> float:
        return self.goods + self.minimum_order_charge + self.shipping


def landed_cost(item: OfferToRank, quantity: int, basis: Basis) -> LandedCost:
    offer, terms = item.offer, item.vendor
    quoted = unit_price_at(offer.price_breaks, quantity)
    includes_tax = offer_includes_tax(offer, terms)
    unit_price = basis.fx.convert(
        ex_vat(quoted, includes_tax, basis.vat_rate), offer.currency, basis.currency
    )
    goods = quantity * unit_price

    def vendor_amount(amount: float | None) -> float:
        if not amount:
            return 0.0
        net = ex_vat(amount, terms.prices_include_tax, basis.vat_rate)
        return basis.fx.convert(net, terms.currency, basis.currency)

    minimum = vendor_amount(terms.min_order_value)
    return LandedCost(
        quantity=quantity,
        original_unit_price=quoted,
        includes_tax=includes_tax,
        unit_price=unit_price,
        goods=goods,
        minimum_order_charge=max(0.0, minimum - goods),
        minimum_order_value=minimum,
        shipping=vendor_amount(terms.shipping_fee),
    )

"""A ranked offer: what the CLI table, `quote --json` and Telegram show for one offer.

Amounts are unrounded floats in the buyer's currency, ex-VAT; `to_json` rounds them for
display (unit prices to six significant digits, money to the currency's minor unit) and
writes the issue's keys first, then the extras.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.ranking.buyup import BuyUp
from bot.ranking.details import ComparedExVat
from bot.ranking.display import round_money, round_unit_price
from bot.ranking.inputs import OfferToRank
from bot.ranking.reasons import Reason, reasons_text


@dataclass(frozen=True, slots=True)
class RankedOffer:
    rank: int
    vendor: str
    mpn: str | None
    manufacturer: str | None
    order_quantity: int
    #: Buyer's currency, ex-VAT: the price the ranking compared.
    unit_price: float
    currency: str
    #: Landed: goods + minimum order charge + shipping.
    total: float
    original_currency: str
    #: The applying break's price as quoted (tax as quoted).
    original_unit_price: float
    stock: int | None
    lead_time_days: int | None
    can_fulfil: bool
    alternative: bool
    #: Why it ranks where it does, in pieces the reader's language writes (bot.ranking.reasons).
    reasons: tuple[Reason, ...]
    suggestion: BuyUp | None
    vendor_score: float
    #: Whether the quoted price included VAT (the offer's status, else the vendor's terms).
    tax_included: bool
    goods_total: float
    minimum_order_charge: float
    shipping: float
    requested_quantity: int | None
    offer_id: int | None
    source: OfferToRank = field(repr=False, compare=False)

    @property
    def why(self) -> str:
        """The reasons in English, as the CLI, CSV and JSON show them."""
        return reasons_text(self.reasons)

    @property
    def tax_note(self) -> str | None:
        """What the buyer is told when the price was compared ex-VAT, in English."""
        note = next((r for r in self.reasons if isinstance(r, ComparedExVat)), None)
        return None if note is None else note.render()

    @property
    def seller(self) -> str | None:
        """Whom the buyer really buys from when the vendor is an aggregator (Nexar)."""
        seller = self.source.offer.extra.get("seller")
        return str(seller) if seller else None

    @property
    def packaging(self) -> str | None:
        packaging = self.source.offer.extra.get("packaging")
        return str(packaging) if packaging else None

    @property
    def sku(self) -> str | None:
        sku = self.source.offer.extra.get("sku")
        return str(sku) if sku else None

    def to_json(self) -> dict[str, Any]:
        """The issue's `quote --json` offer keys, then the extras, rounded for display."""
        money = self.currency
        suggestion = self.suggestion
        return {
            "rank": self.rank,
            "vendor": self.vendor,
            "mpn": self.mpn,
            "manufacturer": self.manufacturer,
            "order_quantity": self.order_quantity,
            "unit_price": round_unit_price(self.unit_price),
            "currency": self.currency,
            "total": round_money(self.total, money),
            "original_currency": self.original_currency,
            "original_unit_price": round_unit_price(self.original_unit_price),
            "stock": self.stock,
            "lead_time_days": self.lead_time_days,
            "can_fulfil": self.can_fulfil,
            "alternative": self.alternative,
            "why": self.why,
            "suggestion": None
            if suggestion is None
            else {
                "order_quantity": suggestion.order_quantity,
                "unit_price": round_unit_price(suggestion.unit_price),
                "total": round_money(suggestion.total, money),
                "saving": round_money(suggestion.saving, money),
                "text": suggestion.text,
            },
            "vendor_score": round(self.vendor_score, 1),
            "tax_included": self.tax_included,
            "tax_note": self.tax_note,
            "goods_total": round_money(self.goods_total, money),
            "minimum_order_charge": round_money(self.minimum_order_charge, money),
            "shipping": round_money(self.shipping, money),
            "requested_quantity": self.requested_quantity,
            "offer_id": self.offer_id,
            "seller": self.seller,
            "packaging": self.packaging,
            "sku": self.sku,
        }

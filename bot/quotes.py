"""The vocabulary of quoting: what the bot asks vendors, and what a vendor offers back.

These types cross every boundary of the quote engine (vendor agents, the RFQ store,
ranking, the CLI and Telegram), so they are plain frozen dataclasses with no behaviour
beyond validation and the defaults the vendor API defines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from catalogue.request import PartRequest

#: (minimum quantity, unit price): the price applies from that quantity up.
PriceBreak = tuple[int, float]


class InvalidOffer(ValueError):
    """An offer that cannot be ranked (no price, breaks out of order, unknown line...)."""


@dataclass(frozen=True, slots=True)
class QuoteLine:
    """One line of an RFQ as vendors see it: the buyer's words, parsed, with catalogue matches."""

    line: int
    text: str
    request: PartRequest
    #: Catalogue part numbers that satisfy the line, best first.
    candidates: tuple[str, ...] = ()
    #: The line's category, from the request or its best catalogue candidate; None if unknown.
    category: str | None = None

    @property
    def quantity(self) -> int | None:
        return self.request.quantity


@dataclass(frozen=True, slots=True)
class QuoteRequest:
    """What every vendor agent is asked: an RFQ's lines and the time answers are due."""

    rfq_id: str
    reply_by: datetime
    currency: str
    lines: tuple[QuoteLine, ...]

    def line(self, number: int) -> QuoteLine | None:
        return next((line for line in self.lines if line.line == number), None)


@dataclass(frozen=True, slots=True)
class Offer:
    """A vendor's offer for one RFQ line, as received (prices in the vendor's currency)."""

    line: int
    currency: str
    price_breaks: tuple[PriceBreak, ...]
    mpn: str | None = None
    manufacturer: str | None = None
    stock: int | None = None
    moq: int | None = None
    multiple: int | None = None
    lead_time_days: int | None = None
    date_code: str | None = None
    valid_until: datetime | None = None
    tax_included: bool | None = None
    #: The vendor's own words, when the offer was read from free text.
    raw_text: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if not self.price_breaks:
            raise InvalidOffer("an offer needs at least one price break")
        quantities = [quantity for quantity, _price in self.price_breaks]
        if any(q <= 0 for q in quantities) or quantities != sorted(set(quantities)):
            raise InvalidOffer("price break quantities must be positive and ascending")
        if any(price < 0 for _quantity, price in self.price_breaks):
            raise InvalidOffer("prices cannot be negative")
        if len(self.currency) != 3 or not self.currency.isalpha():
            raise InvalidOffer(f"unknown currency {self.currency!r}")
        for name in ("moq", "multiple", "stock", "lead_time_days"):
            value = getattr(self, name)
            if value is not None and value < (1 if name in ("moq", "multiple") else 0):
                raise InvalidOffer(f"{name} cannot be {value}")

    @property
    def minimum_order(self) -> int:
        """The MOQ, defaulting to the first break's quantity as the vendor API says."""
        return self.moq if self.moq is not None else self.price_breaks[0][0]

    @property
    def order_multiple(self) -> int:
        return self.multiple if self.multiple is not None else 1

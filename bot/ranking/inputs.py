"""What ranking needs to know about each offer: the offer, its vendor's terms and record.

The RFQ service reads these from the database; ranking itself never does, so it stays
pure and testable with plain values. `from_vendor` builds them from a `bot.models.Vendor`
row (or anything with the same attributes) without ranking importing the ORM.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from bot.quotes import Offer


class VendorTermsRow(Protocol):
    """The attributes of a vendor row that set its commercial terms."""

    @property
    def name(self) -> str: ...
    @property
    def currency(self) -> str: ...
    @property
    def shipping_fee(self) -> float | None: ...
    @property
    def min_order_value(self) -> float | None: ...
    @property
    def prices_include_tax(self) -> bool: ...
    @property
    def default_lead_time_days(self) -> int | None: ...


class VendorRecordRow(Protocol):
    """The running track-record counters of a vendor row."""

    @property
    def asked_count(self) -> int: ...
    @property
    def answered_count(self) -> int: ...
    @property
    def answer_seconds_total(self) -> float: ...
    @property
    def chosen_count(self) -> int: ...
    @property
    def feedback_count(self) -> int: ...
    @property
    def feedback_total(self) -> float: ...


@dataclass(frozen=True, slots=True)
class VendorTerms:
    """A vendor's standing terms. Money amounts are in the vendor's `currency`."""

    name: str
    currency: str = "USD"
    shipping_fee: float | None = None
    min_order_value: float | None = None
    #: Whether the vendor's prices (and so its fees) include VAT, unless an offer says.
    prices_include_tax: bool = False
    #: Used when an offer gives no lead time of its own.
    default_lead_time_days: int | None = None

    @classmethod
    def from_vendor(cls, vendor: VendorTermsRow) -> VendorTerms:
        return cls(
            name=vendor.name,
            currency=vendor.currency,
            shipping_fee=vendor.shipping_fee,
            min_order_value=vendor.min_order_value,
            prices_include_tax=vendor.prices_include_tax,
            default_lead_time_days=vendor.default_lead_time_days,
        )


@dataclass(frozen=True, slots=True)
class VendorRecord:
    """A vendor's track record. Each feedback is a buyer's rating from 0 (bad) to 1 (good)."""

    asked_count: int = 0
    answered_count: int = 0
    answer_seconds_total: float = 0.0
    chosen_count: int = 0
    feedback_count: int = 0
    feedback_total: float = 0.0

    @property
    def is_new(self) -> bool:
        """Nothing known yet: never asked and never rated."""
        return self.asked_count <= 0 and self.feedback_count <= 0

    @classmethod
    def from_vendor(cls, vendor: VendorRecordRow) -> VendorRecord:
        return cls(
            asked_count=vendor.asked_count,
            answered_count=vendor.answered_count,
            answer_seconds_total=vendor.answer_seconds_total,
            chosen_count=vendor.chosen_count,
            feedback_count=vendor.feedback_count,
            feedback_total=vendor.feedback_total,
        )


@dataclass(frozen=True, slots=True)
class OfferToRank:
    """One candidate offer for a line, with everything about its vendor that ranking uses."""

    offer: Offer
    vendor: VendorTerms
    record: VendorRecord = field(default_factory=VendorRecord)
    #: The stored offer's id, carried through so the caller can map results back.
    offer_id: int | None = None

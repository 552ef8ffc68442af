"""What a running RFQ reports as it goes, in the order things were stored."""

from __future__ import annotations

from dataclasses import dataclass

from bot.models import DispatchState
from bot.quotes import Offer


@dataclass(frozen=True, slots=True)
class OfferStored:
    rfq_id: str
    vendor: str
    offer_id: int
    offer: Offer
    #: Stored after the RFQ closed: kept, never ranked.
    late: bool = False


@dataclass(frozen=True, slots=True)
class DispatchEnded:
    rfq_id: str
    vendor: str
    state: DispatchState
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class RfqClosed:
    rfq_id: str
    answered: int
    asked: int


QuoteEvent = OfferStored | DispatchEnded | RfqClosed

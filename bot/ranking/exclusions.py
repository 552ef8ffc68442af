"""The offers ranking leaves out rather than guess at, and why, so the buyer can be told.

An offer whose `valid_until` has passed: its price is no longer one the buyer can accept,
and ranking it could put a dead price at #1. An offer in a currency with no exchange
rate: it cannot be compared. Each cause keeps its facts and writes itself in the
reader's language with `render` (English unless given a `Wording`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.fx import FxRates
from bot.quotes import Offer
from bot.ranking.display import as_utc, format_time
from bot.ranking.inputs import OfferToRank
from catalogue.wording import ENGLISH, Wording


@dataclass(frozen=True, slots=True)
class Expired:
    valid_until: datetime

    def render(self, words: Wording = ENGLISH) -> str:
        return words.gettext("expired {time}", time=format_time(self.valid_until))


@dataclass(frozen=True, slots=True)
class NoExchangeRate:
    currency: str

    def render(self, words: Wording = ENGLISH) -> str:
        return words.gettext("no exchange rate for {currency}", currency=self.currency)


@dataclass(frozen=True, slots=True)
class Exclusion:
    """An offer `rank_line` leaves out, and why."""

    item: OfferToRank
    cause: Expired | NoExchangeRate

    @property
    def reason(self) -> str:
        """The cause in English, as the CLI shows it: "expired 2025-02-28 18:00 UTC"."""
        return self.cause.render()


def is_expired(offer: Offer, now: datetime) -> bool:
    return offer.valid_until is not None and as_utc(offer.valid_until) < as_utc(now)


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
            exclusions.append(Exclusion(item, Expired(valid_until)))
        elif missing is not None:
            exclusions.append(Exclusion(item, NoExchangeRate(missing)))
    return exclusions

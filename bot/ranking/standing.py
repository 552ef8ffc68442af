"""Where a ranked offer stands against #1 in the order the buyer chose: a reason's first piece.

Each piece keeps its numbers and writes itself in the reader's language with `render`
(English unless given a `Wording`): "cheapest total at 500 pcs", "2nd: $0.40 more than
#1", "stock 300 of 500 needed". Amounts are in the buyer's currency; a difference from
#1 is rounded to the cent, as the buyer compares the totals shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.ranking.display import format_days, format_money, format_quantity, ordinal
from bot.ranking.ordering import RankOrder
from catalogue.wording import ENGLISH, Wording


@dataclass(frozen=True, slots=True)
class ShortOfStock:
    """The offer cannot supply the order, so it ranks below every offer that can."""

    stock: int
    needed: int

    def render(self, words: Wording = ENGLISH) -> str:
        return words.gettext(
            "stock {stock} of {needed} needed",
            stock=format_quantity(self.stock),
            needed=format_quantity(self.needed),
        )


@dataclass(frozen=True, slots=True)
class CheapestTotal:
    quantity: int

    def render(self, words: Wording = ENGLISH) -> str:
        return words.gettext(
            "cheapest total at {quantity} pcs", quantity=format_quantity(self.quantity)
        )


@dataclass(frozen=True, slots=True)
class TotalAgainstFirst:
    """The total's difference from #1's (above 0: dearer)."""

    rank: int
    difference: float
    currency: str

    def render(self, words: Wording = ENGLISH) -> str:
        place = ordinal(self.rank, words)
        amount = format_money(abs(self.difference), self.currency)
        if self.difference > 0:
            return words.gettext("{place}: {amount} more than #1", place=place, amount=amount)
        if self.difference < 0:
            return words.gettext("{place}: {amount} less than #1", place=place, amount=amount)
        return words.gettext("{place}: same total as #1", place=place)


@dataclass(frozen=True, slots=True)
class FastestDelivery:
    def render(self, words: Wording = ENGLISH) -> str:
        return words.gettext("fastest delivery")


@dataclass(frozen=True, slots=True)
class PlaceWithoutLeadTime:
    """In the fastest order, an offer that gives no lead time (it ranks after all that do)."""

    rank: int

    def render(self, words: Wording = ENGLISH) -> str:
        return words.gettext("{place}: lead time unknown", place=ordinal(self.rank, words))


@dataclass(frozen=True, slots=True)
class LeadTimeAgainstFirst:
    """Days later than #1 (below 0: sooner)."""

    rank: int
    days_later: int

    def render(self, words: Wording = ENGLISH) -> str:
        place = ordinal(self.rank, words)
        time = format_days(abs(self.days_later), words)
        if self.days_later > 0:
            return words.gettext("{place}: {time} slower than #1", place=place, time=time)
        return words.gettext("{place}: {time} faster than #1", place=place, time=time)


@dataclass(frozen=True, slots=True)
class MostTrusted:
    score: int

    def render(self, words: Wording = ENGLISH) -> str:
        return words.gettext("most trusted vendor (score {score})", score=self.score)


@dataclass(frozen=True, slots=True)
class ScoreAgainstFirst:
    rank: int
    score: int
    first_score: int

    def render(self, words: Wording = ENGLISH) -> str:
        return words.gettext(
            "{place}: vendor score {score} vs {first_score} for #1",
            place=ordinal(self.rank, words),
            score=self.score,
            first_score=self.first_score,
        )


@dataclass(frozen=True, slots=True)
class TiedWithFirst:
    """Tied with #1 on the order's first criterion (the lead time in the fastest order, the
    vendor score in the trusted one): the total tells them apart."""

    rank: int
    order: RankOrder
    difference: float
    currency: str

    def render(self, words: Wording = ENGLISH) -> str:
        place = ordinal(self.rank, words)
        total = _total(self.difference, self.currency, words)
        if self.order is RankOrder.FASTEST:
            return words.gettext("{place}: as fast as #1, {total}", place=place, total=total)
        return words.gettext("{place}: same vendor score as #1, {total}", place=place, total=total)


def _total(difference: float, currency: str, words: Wording) -> str:
    """How a total tied on the order's first criterion compares with #1's."""
    amount = format_money(abs(difference), currency)
    if difference > 0:
        return words.gettext("{amount} more", amount=amount)
    if difference < 0:
        return words.gettext("{amount} less", amount=amount)
    return words.gettext("same total")

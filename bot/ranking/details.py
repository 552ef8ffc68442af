"""What a reason says after where the offer stands: the vendor, the part, availability, how
the order quantity was arrived at, and what the landed total includes.

Each piece keeps its numbers and writes itself in the reader's language with `render`
(English unless given a `Wording`): "in stock, ships in 2 days", "MOQ 1,000 (asked 500)",
"incl. $5.00 shipping". Amounts are in the buyer's currency.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.ranking.display import format_days, format_money, format_quantity
from bot.ranking.tax import format_vat_rate
from catalogue.wording import ENGLISH, Wording


@dataclass(frozen=True, slots=True)
class NewVendor:
    """In the trusted order: the vendor's score is the neutral one, with no record behind it."""

    def render(self, words: Wording = ENGLISH) -> str:
        return words.gettext("new vendor")


@dataclass(frozen=True, slots=True)
class AlternativePart:
    """The offer is for another part; `asked` is the line's part number, if it named one."""

    mpn: str
    asked: str | None

    def render(self, words: Wording = ENGLISH) -> str:
        if self.asked:
            return words.gettext(
                "alternative part {mpn} for {asked}", mpn=self.mpn, asked=self.asked
            )
        return words.gettext("alternative part {mpn} (not a catalogue match)", mpn=self.mpn)


@dataclass(frozen=True, slots=True)
class InStock:
    """Stock covers the order; it ships after `ships_in_days` (0: at once)."""

    ships_in_days: int = 0

    def render(self, words: Wording = ENGLISH) -> str:
        if not self.ships_in_days:
            return words.gettext("in stock")
        return words.gettext(
            "in stock, ships in {time}", time=format_days(self.ships_in_days, words)
        )


@dataclass(frozen=True, slots=True)
class PartlyInStock:
    stock: int
    rest_in_days: int

    def render(self, words: Wording = ENGLISH) -> str:
        return words.gettext(
            "{stock} in stock, rest in {time}",
            stock=format_quantity(self.stock),
            time=format_days(self.rest_in_days, words),
        )


@dataclass(frozen=True, slots=True)
class ShipsIn:
    days: int

    def render(self, words: Wording = ENGLISH) -> str:
        return words.gettext("ships in {time}", time=format_days(self.days, words))


@dataclass(frozen=True, slots=True)
class LeadTimeUnknown:
    def render(self, words: Wording = ENGLISH) -> str:
        return words.gettext("lead time unknown")


@dataclass(frozen=True, slots=True)
class MinimumOrder:
    """Priced at the offer's minimum order: the buyer asked reels of a size no offer shows,
    or gave no quantity at all."""

    quantity: int
    reels_asked: bool

    def render(self, words: Wording = ENGLISH) -> str:
        quantity = format_quantity(self.quantity)
        if self.reels_asked:
            return words.gettext("reel size unknown: minimum order {quantity}", quantity=quantity)
        return words.gettext("no quantity asked: minimum order {quantity}", quantity=quantity)


@dataclass(frozen=True, slots=True)
class Reels:
    reels: int
    reel_size: int
    #: The reel size came from the line's other offers.
    size_from_other_offers: bool

    def render(self, words: Wording = ENGLISH) -> str:
        size = format_quantity(self.reel_size)
        if self.size_from_other_offers:
            return words.ngettext(
                "{count} reel × {size} (reel size from other offers)",
                "{count} reels × {size} (reel size from other offers)",
                self.reels,
                size=size,
            )
        return words.ngettext(
            "{count} reel × {size}", "{count} reels × {size}", self.reels, size=size
        )


@dataclass(frozen=True, slots=True)
class QuantityRaised:
    """The pieces wanted were raised to the offer's MOQ and/or up to its multiple."""

    asked: int
    #: The MOQ, when it raised the quantity.
    moq: int | None
    #: The multiple, when it rounded the quantity up.
    multiple: int | None

    def render(self, words: Wording = ENGLISH) -> str:
        asked = format_quantity(self.asked)
        moq = None if self.moq is None else format_quantity(self.moq)
        multiple = None if self.multiple is None else format_quantity(self.multiple)
        if moq and multiple:
            return words.gettext(
                "MOQ {moq}, multiples of {multiple} (asked {asked})",
                moq=moq,
                multiple=multiple,
                asked=asked,
            )
        if moq:
            return words.gettext("MOQ {moq} (asked {asked})", moq=moq, asked=asked)
        return words.gettext(
            "multiples of {multiple} (asked {asked})", multiple=multiple, asked=asked
        )


@dataclass(frozen=True, slots=True)
class Moq:
    """The offer's MOQ, which the quantity already met."""

    quantity: int

    def render(self, words: Wording = ENGLISH) -> str:
        return words.gettext("MOQ {quantity}", quantity=format_quantity(self.quantity))


@dataclass(frozen=True, slots=True)
class MinimumOrderValue:
    """The goods cost less than the vendor's minimum order value, which the total pays."""

    amount: float
    currency: str

    def render(self, words: Wording = ENGLISH) -> str:
        return words.gettext(
            "minimum order value {amount} applies",
            amount=format_money(self.amount, self.currency),
        )


@dataclass(frozen=True, slots=True)
class Shipping:
    amount: float
    currency: str

    def render(self, words: Wording = ENGLISH) -> str:
        return words.gettext(
            "incl. {amount} shipping", amount=format_money(self.amount, self.currency)
        )


@dataclass(frozen=True, slots=True)
class ComparedExVat:
    """The price included VAT, so it was divided down to compare it with the others."""

    vat_rate: float

    def render(self, words: Wording = ENGLISH) -> str:
        return words.gettext(
            "incl. {rate} VAT, compared ex-VAT", rate=format_vat_rate(self.vat_rate)
        )


def compared_ex_vat(includes_tax: bool, vat_rate: float) -> ComparedExVat | None:
    """The note a price converted to the ex-VAT basis carries; None when it was not."""
    if not includes_tax or vat_rate == 0:
        return None
    return ComparedExVat(vat_rate)

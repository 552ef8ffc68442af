"""What the extractors find in a reply, where they found it, and the text they have used up.

Extractors run in a fixed order over one `Scan`; each claims the characters it reads so
that a later, less specific extractor cannot read them again: "5k" in "MOQ 5k" is never
also a stock, "2315" in "DC2315" never a price. Positions let the structure pass decide
which line and which option every fact belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

#: Stands in for claimed characters; no pattern matches it, and it is not a separator.
MASK = "\x00"


@dataclass(frozen=True, slots=True)
class Fact:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class LineMarker(Fact):
    """An item number written by the vendor ("1)", "#2", "第2项"): the line it answers."""

    line: int


@dataclass(frozen=True, slots=True)
class PartNumber(Fact):
    """A part number: `mpn` when written in full, `lines` the RFQ lines it identifies."""

    mpn: str | None
    lines: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Anchor(Fact):
    """A category, value or package word that narrows the RFQ lines a clause is about."""

    lines: frozenset[int]


@dataclass(frozen=True, slots=True)
class Brand(Fact):
    name: str


@dataclass(frozen=True, slots=True)
class Alternative(Fact):
    """ "国产替代", "alternative": what follows is another part, not an option of this one."""


@dataclass(frozen=True, slots=True)
class Factory(Fact):
    """ "期货", "factory": this option is ordered from the factory, not shipped from stock."""


@dataclass(frozen=True, slots=True)
class Price(Fact):
    """A unit price (already divided down from per-1000 or per-100) or a per-reel price."""

    value: float
    currency: str | None
    tier_min: int | None = None
    per_reel: bool = False
    reel_size: int | None = None
    single_tier_ok: bool = True
    total: bool = False


@dataclass(frozen=True, slots=True)
class Stock(Fact):
    """Pieces on hand, or whole reels when the reply counts in reels."""

    pieces: int | None
    reels: int | None = None


@dataclass(frozen=True, slots=True)
class InStock(Fact):
    """A statement that the part ships from stock, with or without a count."""


@dataclass(frozen=True, slots=True)
class LeadTime(Fact):
    days: int


@dataclass(frozen=True, slots=True)
class Moq(Fact):
    pieces: int | None
    reels: int | None = None


@dataclass(frozen=True, slots=True)
class Multiple(Fact):
    pieces: int


@dataclass(frozen=True, slots=True)
class FullReels(Fact):
    """ "full reels only", "整盘出": the order is whole reels, so MOQ and multiple are a reel."""


@dataclass(frozen=True, slots=True)
class ReelSize(Fact):
    pieces: int


@dataclass(frozen=True, slots=True)
class DateCode(Fact):
    code: str


@dataclass(frozen=True, slots=True)
class Tax(Fact):
    included: bool


@dataclass(frozen=True, slots=True)
class CurrencyNote(Fact):
    """A currency written apart from any number ("prices in usd", "单位: 元")."""

    code: str


@dataclass(frozen=True, slots=True)
class Decline(Fact):
    """The vendor cannot supply: this clause's line, or listed lines, or all the others."""

    lines: frozenset[int] | None = None
    others: bool = False
    everything: bool = False


@dataclass(frozen=True, slots=True)
class Defer(Fact):
    """ "稍后报", "will check": an answer is still to come, so no offer now."""


@dataclass(frozen=True, slots=True)
class Correction(Fact):
    """ "sorry I mean": the next price replaces the one before it."""


@dataclass(frozen=True, slots=True)
class Shared(Fact):
    """ "以上", "all", "全部": the clause speaks for every line it covers."""


class Scan:
    """The normalised reply, the characters still unread, and the facts found so far."""

    def __init__(self, text: str, decimal_comma: bool) -> None:
        self.text = text
        self.decimal_comma = decimal_comma
        self.facts: list[Fact] = []
        self._chars = list(text)
        self._masked: str | None = text

    @property
    def masked(self) -> str:
        """The text with every claimed character replaced by MASK."""
        if self._masked is None:
            self._masked = "".join(self._chars)
        return self._masked

    def free(self, start: int, end: int) -> bool:
        return MASK not in self.masked[start:end]

    # Line breaks are never masked: they stay visible as clause boundaries.

    def claim(self, start: int, end: int, fact: Fact | None = None) -> None:
        for index in range(start, end):
            if self._chars[index] != "\n":
                self._chars[index] = MASK
        self._masked = None
        if fact is not None:
            self.facts.append(fact)

    def matches(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches on the unread text, skipping any that overlap what an earlier match claimed."""
        for match in pattern.finditer(self.masked):
            if match.end() > match.start() and self.free(match.start(), match.end()):
                yield match

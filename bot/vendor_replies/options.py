"""The offers of one line: its options, each with what was written with it.

Every price (or table of price tiers) is one option: two brands, original and domestic,
stock and factory, with and without tax. Facts between two prices go to the option after
the last separator between them; what comes before the first option's separator is the
part's header ("TPS5430DDAR (TI)\\n..."). An option of the same part takes from the
header and the first option whatever kind of fact it does not state itself (a "含税 /
不含税" pair shares its stock; a "现货 / 期货" pair does not). An alternative part or brand
carries only what is written with it. A sub-clause that only says what is missing ("no
Murata", "nothing on the shelf") gives nothing to any option.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from bot.vendor_replies.facts import (
    Alternative,
    Brand,
    Correction,
    CurrencyNote,
    DateCode,
    Decline,
    Defer,
    Fact,
    Factory,
    FullReels,
    InStock,
    LeadTime,
    Moq,
    Multiple,
    PartNumber,
    Price,
    ReelSize,
    Scan,
    Stock,
    Tax,
)
from catalogue.partnumbers import normalise_mpn

_SEPARATOR = re.compile(r"[\n;,/、|]|\s+or\s+|或|\s-\s")
_HEADER_END = re.compile(r"[\n;,、|:：]|\s-\s")
_SUBCLAUSE = re.compile(r"[\n;,、|]|\s+but\s+")
_POSITIVE = (Price, Stock, InStock, LeadTime)
_KINDS: tuple[tuple[type[Fact] | tuple[type[Fact], ...], str], ...] = (
    (Brand, "brand"),
    ((InStock, LeadTime), "availability"),
    (Tax, "tax"),
    (DateCode, "date_code"),
    (CurrencyNote, "currency"),
    ((Moq, Multiple, FullReels, ReelSize), "ordering"),
)


@dataclass(slots=True)
class Option:
    """One option's facts; `position` orders offers as the reply wrote them."""

    position: int
    prices: list[Price]
    facts: list[Fact] = field(default_factory=list)


@dataclass(slots=True)
class LineOptions:
    header: list[Fact]
    options: list[Option]


def drop_negative_subclauses(scan: Scan, facts: Sequence[Fact]) -> tuple[list[Fact], list[Fact]]:
    """Facts minus those in sub-clauses that only decline or defer ("Murata no stock").

    The requested part number in such a sub-clause ("W25Q64JVSSIQ out of stock, LT 6
    weeks") still names the part, so it is returned apart, for options to fall back on.
    """
    if not facts:
        return [], []
    start, end = facts[0].start, max(f.end for f in facts)
    cuts = [start] + [start + m.end() for m in _SUBCLAUSE.finditer(scan.masked[start:end])]
    cuts.append(end + 1)
    kept: list[Fact] = []
    named: list[Fact] = []
    for left, right in itertools.pairwise(cuts):
        piece = [f for f in facts if left <= f.start < right]
        negative = any(isinstance(f, Decline | Defer) for f in piece)
        if negative and not any(isinstance(f, _POSITIVE) for f in piece):
            named += [f for f in piece if isinstance(f, PartNumber) and f.mpn and f.lines]
            continue
        kept.extend(piece)
    return kept, named


def price_groups(facts: Sequence[Fact]) -> list[list[Price]]:
    """Prices grouped into options: a table of tiers is one; a correction replaces.

    A corrected group keeps its first price's place, so the offer stays where the vendor
    first made it.
    """
    groups: list[list[Price]] = []
    correction_pending = False
    for fact in facts:
        if isinstance(fact, Correction):
            correction_pending = bool(groups)
            continue
        if not isinstance(fact, Price):
            continue
        if correction_pending:
            corrected = groups[-1]
            if len(corrected) > 1 and fact.tier_min is not None:
                corrected[:] = [p for p in corrected if p.tier_min != fact.tier_min] + [fact]
            else:
                groups[-1] = [replace(fact, start=min(fact.start, corrected[0].start))]
            correction_pending = False
            continue
        last = groups[-1] if groups else None
        if (
            last is not None
            and fact.tier_min is not None
            and all(p.tier_min is not None for p in last)
            and all(p.tier_min != fact.tier_min for p in last)
            and (fact.currency is None or last[0].currency in (None, fact.currency))
        ):
            last.append(fact)
            continue
        groups.append([fact])
    return groups


def split_options(scan: Scan, facts: Sequence[Fact]) -> LineOptions:
    """The line's facts divided into a header and its options, in the order written."""
    groups = price_groups(facts)
    if not groups:
        position = facts[0].start if facts else 0
        return LineOptions([], [Option(position, [], list(facts))])
    used = {id(p) for group in groups for p in group}
    first = groups[0][0].start
    segment_start = facts[0].start
    header_cuts = [m.end() for m in _HEADER_END.finditer(scan.masked, segment_start, first)]
    header_end = header_cuts[-1] if header_cuts else segment_start
    header = [f for f in facts if f.start < header_end and not isinstance(f, Price)]
    boundaries = [
        _boundary(scan, facts, before[-1].end, after[0].start)
        for before, after in itertools.pairwise(groups)
    ]
    edges = [header_end, *boundaries, len(scan.text) + 1]
    options: list[Option] = []
    for index, group in enumerate(groups):
        left, right = edges[index], edges[index + 1]
        own = [
            f
            for f in facts
            if left <= f.start < right and (not isinstance(f, Price) or id(f) in used)
        ]
        options.append(Option(group[0].start, group, own))
    return LineOptions(header, options)


def _boundary(scan: Scan, facts: Sequence[Fact], gap_start: int, gap_end: int) -> int:
    """Where the next option starts between two prices."""
    inside = [f for f in facts if gap_start <= f.start < gap_end]
    alternative = next((f for f in inside if isinstance(f, Alternative)), None)
    limit = alternative.start if alternative is not None else gap_end
    separators = [m.end() for m in _SEPARATOR.finditer(scan.masked, gap_start, limit)]
    if separators:
        return separators[-1]
    if alternative is not None:
        return alternative.start
    leading = next((f for f in inside if isinstance(f, Brand | PartNumber | Tax | Factory)), None)
    if leading is not None:
        return leading.start
    return gap_end


def _kinds(fact: Fact) -> tuple[str | None, frozenset[str]]:
    """The field a fact provides, and every field it speaks to.

    Stock speaks to availability too, and "期货"/"factory" says the option has no stock, so
    neither inherits a sibling's stock or in-stock statement; a lead time alone ("余下2周")
    still takes the stocked quantity written for the part.
    """
    if isinstance(fact, PartNumber):
        return ("mpn", frozenset({"mpn"})) if fact.mpn else (None, frozenset())
    if isinstance(fact, Stock):
        return "stock", frozenset({"stock", "availability"})
    if isinstance(fact, Factory):
        return "availability", frozenset({"stock", "availability"})
    for types, name in _KINDS:
        if isinstance(fact, types):
            return name, frozenset({name})
    return None, frozenset()


def with_inherited(own: Sequence[Fact], inherited: Sequence[Fact]) -> list[Fact]:
    """An option's facts plus each inherited fact whose field the option does not speak to."""
    stated = frozenset().union(*(_kinds(f)[1] for f in own))
    extra = [f for f in inherited if (k := _kinds(f)[0]) is not None and k not in stated]
    return [*own, *extra]


def reel_size(facts: Sequence[Fact]) -> int | None:
    for fact in facts:
        if isinstance(fact, ReelSize):
            return fact.pieces
        if isinstance(fact, Price) and fact.reel_size:
            return fact.reel_size
    return None


def is_alternative(facts: Sequence[Fact], part_mpn: str | None, part_brand: str | None) -> bool:
    """Whether an option offers another part or brand than the line's part."""
    if any(isinstance(f, Alternative) for f in facts):
        return True
    mpn = next((f.mpn for f in facts if isinstance(f, PartNumber) and f.mpn), None)
    brand = next((f.name for f in facts if isinstance(f, Brand)), None)
    other_part = (
        mpn is not None and part_mpn is not None and normalise_mpn(mpn) != normalise_mpn(part_mpn)
    )
    return other_part or (brand is not None and part_brand is not None and brand != part_brand)

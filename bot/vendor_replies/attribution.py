"""Which RFQ line each part of a reply answers.

A reply is cut into clauses at line breaks, semicolons and item numbers. A clause belongs
to the line its item number, part number or category/value/package word names ("res &
cap" names two); a clause naming none continues the line before it. Clauses before any
line is named, those after the last named line that carry no price, and statements for
all lines ("以上含税", "all in stock") are shared context. A reply that names no line at
all answers the lines in order. A one-line RFQ is answered by every clause except those
numbered for another line.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.vendor_replies.facts import (
    Alternative,
    Anchor,
    Correction,
    Decline,
    Fact,
    InStock,
    LeadTime,
    LineMarker,
    PartNumber,
    Price,
    Scan,
    Shared,
    Stock,
)

_HARD = re.compile(r"\n|;")
_SOFT = re.compile(r"[,/、|]|[^\S\n]+or[^\S\n]+|或|[^\S\n]{2,}")
_JOINER = re.compile(r"[\s,&/、+]*(?:and|和|及|与|跟|&)?[\s,&/、+]*", re.IGNORECASE | re.ASCII)

Lines = frozenset[int]


@dataclass(slots=True)
class Clause:
    start: int
    end: int
    facts: list[Fact] = field(default_factory=list)
    shared: bool = False


def _content(facts: Sequence[Fact]) -> bool:
    return any(
        isinstance(f, Price | Stock | InStock | LeadTime)
        or (isinstance(f, Decline) and f.lines is None and not f.others and not f.everything)
        for f in facts
    )


def _split(start: int, end: int, cuts: Sequence[int]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    previous = start
    for cut in sorted(set(cuts)):
        if start < cut < end:
            spans.append((previous, cut))
            previous = cut
    spans.append((previous, end))
    return spans


def _sub(clause: Clause, start: int, end: int, shared: bool = False) -> Clause:
    return Clause(start, end, [f for f in clause.facts if start <= f.start < end], shared)


def _single_reference(fact: Fact) -> int | None:
    if isinstance(fact, PartNumber) and len(fact.lines) == 1:
        return fact.lines[0]
    if isinstance(fact, Anchor) and len(fact.lines) == 1:
        return next(iter(fact.lines))
    return None


def _named_lines(fact: Fact, vague: bool = False) -> Lines | None:
    """The lines a part number or word names; a short form may name several.

    `vague` counts a word naming several lines too ("电容" with two capacitor lines).
    """
    if isinstance(fact, PartNumber) and fact.lines:
        return frozenset(fact.lines)
    if vague and isinstance(fact, Anchor):
        return fact.lines
    line = _single_reference(fact)
    return frozenset({line}) if line is not None else None


def _names(scan: Scan, facts: Sequence[Fact], vague: bool = False) -> list[tuple[int, Lines]]:
    """Where facts name lines, adjacent names joined: "res & cap" names both lines.

    A short form naming several lines is narrowed by a name right after it
    ("STM32F103 C8T6").
    """
    named: list[tuple[int, Lines]] = []
    previous_end: int | None = None
    for fact in facts:
        lines = _named_lines(fact, vague)
        if lines is None:
            continue
        joined = previous_end is not None and _JOINER.fullmatch(
            scan.masked[previous_end : fact.start]
        )
        if named and joined:
            position, before = named[-1]
            narrowed = len(before) > 1 and lines < before
            named[-1] = (position, lines if narrowed else before | lines)
        else:
            named.append((fact.start, lines))
        previous_end = fact.end
    return named


def _reference(scan: Scan, facts: Sequence[Fact]) -> Lines | None:
    """The lines a clause's facts name, strongest first; None when they name none."""
    marker = next((f for f in facts if isinstance(f, LineMarker)), None)
    if marker is not None:
        listed = (f.line for f in facts if isinstance(f, LineMarker) and f.start == marker.start)
        return frozenset(listed)
    named = _names(scan, facts)
    if named:
        return named[0][1]
    candidates: Lines | None = None
    for fact in facts:
        if isinstance(fact, Anchor):
            candidates = fact.lines if candidates is None else candidates & fact.lines
    if candidates is not None and len(candidates) == 1:
        return candidates
    return None


def _by_elimination(
    scan: Scan, clauses: Sequence[Clause], references: list[Lines | None]
) -> list[Lines | None]:
    """Lines a vague name leaves open, narrowed by the lines the reply names otherwise.

    "电阻 0.003 / 电容 0.005 / 10uF 0.02" with two capacitor lines: "电容" is the capacitor
    line not named otherwise; "caps 0.005" alone prices both. "F103C8T6 1.75usd / GD32 C8T6
    0.95usd": the short form common to both lines is the one GD32 C8T6 is not. Only for
    answers without item numbers, which name their lines by themselves.
    """
    resolved = list(references)
    if any(isinstance(f, LineMarker) for clause in clauses for f in clause.facts):
        return resolved
    named = frozenset().union(*(r for r in references if r is not None))
    alone = frozenset(line for r in references if r is not None and len(r) == 1 for line in r)
    for index, (clause, lines) in enumerate(zip(clauses, references, strict=True)):
        if lines is not None:
            narrowed = lines - alone
            if len(lines) > 1 and narrowed and narrowed != lines and _vague(scan, clause, lines):
                resolved[index] = narrowed
            continue
        if not _content(clause.facts):
            continue
        candidates: Lines | None = None
        for fact in clause.facts:
            if isinstance(fact, Anchor):
                candidates = fact.lines if candidates is None else candidates & fact.lines
        left = (candidates or frozenset()) - named
        priced = any(isinstance(f, Price) for f in clause.facts)
        if len(left) == 1 or (left and priced):
            resolved[index] = left
    return resolved


def _vague(scan: Scan, clause: Clause, lines: Lines) -> bool:
    """Whether one name alone gives a clause its several lines, rather than a list of names."""
    named = _names(scan, clause.facts)
    return bool(named) and any(
        f.start == named[0][0] and _named_lines(f) == lines for f in clause.facts
    )


def _clauses(scan: Scan) -> list[Clause]:
    cuts = [m.end() for m in _HARD.finditer(scan.masked)]
    cuts += [f.start for f in scan.facts if isinstance(f, LineMarker)]
    facts = sorted(scan.facts, key=lambda f: f.start)
    whole = Clause(0, len(scan.text), facts)
    clauses = [_sub(whole, s, e) for s, e in _split(0, len(scan.text), cuts)]
    pieces = [c for piece in clauses for c in _split_by_reference(scan, piece)]
    carved = [c for piece in pieces for c in _carve_shared(scan, piece)]
    _move_corrections(carved)
    return [c for c in carved if c.facts]


def _split_by_reference(scan: Scan, clause: Clause) -> list[Clause]:
    """A clause naming two lines ("C8T6 12.5, AMS1117 0.3") becomes one clause per line.

    A word naming several lines starts a clause too ("电阻0.003元，电容0.005元"), for
    elimination to narrow down.
    """
    if any(isinstance(f, LineMarker) for f in clause.facts):
        return [clause]
    named = _names(scan, clause.facts, vague=True)
    cuts: list[int] = []
    for (_, before), (position, after) in itertools.pairwise(named):
        if after == before:
            continue
        previous_end = max(f.end for f in clause.facts if f.start < position)
        gap = scan.masked[previous_end:position]
        separators = [m.end() for m in _SOFT.finditer(gap)]
        cuts.append(previous_end + separators[-1] if separators else position)
    return [_sub(clause, s, e) for s, e in _split(clause.start, clause.end, cuts)]


def _names_a_line(scan: Scan, facts: Sequence[Fact]) -> bool:
    return any(isinstance(f, LineMarker) for f in facts) or bool(_names(scan, facts))


def _carve_shared(scan: Scan, clause: Clause) -> list[Clause]:
    """Split off what a shared word covers: "$0.0009 all Yageo ex-stock" -> "all Yageo ex-stock".

    The statement runs from the price before it (which stays with its line) to the next
    price or named line; a clause that opens with the shared word is shared as a whole.
    It is left alone when it names a line itself ("C8T6 都是现货").
    """
    marker = next((f for f in clause.facts if isinstance(f, Shared)), None)
    if marker is None:
        return [clause]
    if clause.facts[0] is marker and not _names_a_line(scan, clause.facts):
        prices = [f for f in clause.facts if isinstance(f, Price)]
        if len(prices) < 2 or all(p.tier_min is not None for p in prices):
            clause.shared = True
            return [clause]
        # "all three in stock: 0.06 / 1.65 / 3.2 RMB": the statement, then one price a line.
        head = _sub(clause, clause.start, prices[0].start, shared=True)
        return [head, _sub(clause, prices[0].start, clause.end)]
    text = scan.masked
    left = max([clause.start] + [m.end() for m in _SOFT.finditer(text, clause.start, marker.start)])
    left = max(
        [left]
        + [f.end for f in clause.facts if isinstance(f, Price) and left <= f.start < marker.start]
    )
    stop = next(
        (
            f.start
            for f in clause.facts
            if f.start >= marker.end and (isinstance(f, Price) or _single_reference(f) is not None)
        ),
        None,
    )
    right = clause.end
    if stop is not None:
        separators = [m.start() for m in _SOFT.finditer(text, marker.end, stop)]
        right = separators[-1] if separators else stop
    region = _sub(clause, left, right, shared=True)
    if _names_a_line(scan, region.facts):
        return [clause]
    kept = Clause(clause.start, clause.end, [f for f in clause.facts if f not in region.facts])
    return [kept, region]


def _move_corrections(clauses: list[Clause]) -> None:
    """ "2) 0.0048usd\\noh sorry, 1) is 0.0032": the apology belongs to the item after it."""
    for clause, following in itertools.pairwise(clauses):
        if (
            clause.facts
            and isinstance(clause.facts[-1], Correction)
            and following.facts
            and isinstance(following.facts[0], LineMarker)
        ):
            following.facts.insert(1, clause.facts.pop())


def _is_shared(clause: Clause) -> bool:
    return clause.shared or any(
        isinstance(f, Decline) and (f.others or f.everything) for f in clause.facts
    )


def _foreign_part(clause: Clause) -> bool:
    """A clause led by a part number the RFQ did not ask for, offered as no alternative."""
    first = next((f for f in clause.facts if not isinstance(f, Shared)), None)
    return (
        isinstance(first, PartNumber)
        and not first.lines
        and not any(isinstance(f, Alternative) for f in clause.facts)
    )


def attribute(
    scan: Scan, rfq_lines: Sequence[int], all_requested_by_mpn: bool
) -> tuple[dict[int, list[Clause]], list[Clause]]:
    """Clauses per RFQ line (in reply order), and the shared-context clauses."""
    clauses = _clauses(scan)
    single = len(rfq_lines) == 1
    references = _by_elimination(scan, clauses, [_reference(scan, c.facts) for c in clauses])
    if not single and all(r is None for r in references):
        declined = {
            line
            for f in scan.facts
            if isinstance(f, Decline) and f.lines is not None
            for line in f.lines
        }
        open_lines = [line for line in rfq_lines if line not in declined] or list(rfq_lines)
        if _lone_decline(clauses):
            return {line: list(clauses) for line in open_lines}, []
        return _in_order(scan, clauses, open_lines)
    per_line: dict[int, list[Clause]] = {}
    shared: list[Clause] = []
    known = set(rfq_lines)
    named = [i for i, r in enumerate(references) if r is not None]
    last_named = named[-1] if named else 0
    several = len(frozenset().union(*(r for r in references if r is not None))) > 1
    current: Lines | None = frozenset(rfq_lines[:1]) if single else None
    for index, (clause, lines) in enumerate(zip(clauses, references, strict=True)):
        trailing = (
            several and index > last_named and not any(isinstance(f, Price) for f in clause.facts)
        )
        if lines is not None:
            current = lines
        elif _is_shared(clause) or (not single and (trailing or current is None)):
            shared.append(clause)
            continue
        elif all_requested_by_mpn and _foreign_part(clause):
            current = frozenset()
        covered = sorted((current or frozenset()) & known)
        listed = lines is not None and not _vague(scan, clause, lines)
        parts = _respectively(clause, covered) if listed else None
        for line, part in zip(covered, parts or [clause] * len(covered), strict=True):
            per_line.setdefault(line, []).append(part)
    return per_line, shared


def _respectively(clause: Clause, lines: Sequence[int]) -> list[Clause] | None:
    """ "1115 & 219: 2.1 / 0.85 usd": as many prices as the lines named, one a line.

    What precedes the first price is said of every line; each price takes what follows it.
    """
    prices = [f for f in clause.facts if isinstance(f, Price)]
    if len(lines) < 2 or len(prices) != len(lines):
        return None
    if any(p.tier_min is not None for p in prices) or any(
        isinstance(f, Correction | Alternative) for f in clause.facts
    ):
        return None
    head = [f for f in clause.facts if f.start < prices[0].start]
    bounds = [p.start for p in prices] + [clause.end]
    return [
        Clause(start, end, head + [f for f in clause.facts if start <= f.start < end])
        for start, end in itertools.pairwise(bounds)
    ]


def _lone_decline(clauses: Sequence[Clause]) -> bool:
    """A reply that names no line and only says it cannot supply ("sorry no stock")."""
    facts = [f for clause in clauses for f in clause.facts]
    declines = [
        f
        for f in facts
        if isinstance(f, Decline) and f.lines is None and not f.others and not f.everything
    ]
    return len(declines) == 1 and not _content([f for f in facts if f not in declines])


def _split_at_prices(item: Clause) -> list[Clause]:
    """ "0.002 0.003 12.5": prices with nothing between them answer one line each."""
    prices = [f for f in item.facts if isinstance(f, Price)]
    if item.shared or len(prices) < 2 or any(p.tier_min is not None for p in prices):
        return [item]
    cuts = [p.start for p in prices[1:]]
    return [_sub(item, s, e) for s, e in _split(item.start, item.end, cuts)]


def _in_order(
    scan: Scan, clauses: Sequence[Clause], rfq_lines: Sequence[int]
) -> tuple[dict[int, list[Clause]], list[Clause]]:
    """No line named anywhere: the n-th answer is for the n-th line not declined by number."""
    items: list[Clause] = []
    shared: list[Clause] = []
    answers = sum(1 for c in clauses if not _is_shared(c) and _content(c.facts))
    for clause in clauses:
        if _is_shared(clause):
            shared.append(clause)
        elif answers < len(rfq_lines):
            cuts = [m.end() for m in _SOFT.finditer(scan.masked, clause.start, clause.end)]
            for start, end in _split(clause.start, clause.end, cuts):
                items.extend(_carve_shared(scan, _sub(clause, start, end)))
        else:
            items.append(clause)
    if sum(1 for item in items if _content(item.facts)) < len(rfq_lines):
        items = [piece for item in items for piece in _split_at_prices(item)]
    per_line: dict[int, list[Clause]] = {}
    index = -1
    tiered = False
    for item in items:
        if not item.facts:
            continue
        if item.shared:
            shared.append(item)
            continue
        prices = [f for f in item.facts if isinstance(f, Price)]
        continues_tiers = tiered and bool(prices) and all(p.tier_min is not None for p in prices)
        if _content(item.facts) and not continues_tiers:
            index += 1
        if prices:
            tiered = all(p.tier_min is not None for p in prices)
        if index < 0:
            shared.append(item)
        elif index < len(rfq_lines):
            per_line.setdefault(rfq_lines[index], []).append(item)
    return per_line, shared

"""Words that say which line a clause is about without a number or part number.

"电阻 0.003" is about the resistor line, "10k: 0.0021" about the 10k one and "0805: 0.004"
about the 0805 one, when that narrows the RFQ down. Values and packages that merely repeat
the request ("0603 10k 1% 0.003元") are claimed too, so they are never read as tiers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.vendor_replies.facts import MASK, Anchor, Scan
from bot.vendor_replies.lines import (
    CATEGORY_PATTERN,
    NOT_THOUSANDS,
    PACKAGE_TOKEN,
    VALUE_TOKEN,
    LineProfile,
    capacitor_code,
    value_of,
)
from catalogue.packages import normalise_package
from catalogue.units import round_sig

_QUANTITY_AFTER = re.compile(
    r"^[^\S\n]*(?:pcs|pc|个|只|颗|片|\+|起|以上|reels?|盘|in[^\S\n]+stock|stock|available|现货|库存)",
    re.IGNORECASE | re.ASCII,
)
_CAPACITOR_CODE = re.compile(
    rf"(?=\d)(?<![A-Za-z0-9.@]){NOT_THOUSANDS}(\d{{3}})(?![A-Za-z0-9.,%]|[^\S\n]*(?:pcs|个|k\b))",
    re.ASCII,
)
#: "5k", "10K": a value or a quantity; when several are written they are tier quantities.
_K_QUANTITY = re.compile(
    rf"(?=\d)(?<![A-Za-z0-9.]){NOT_THOUSANDS}\d+(?:[.,]\d+)?[^\S\n]*[kK](?![A-Za-z0-9])"
)
#: A price near a count: a decimal, or a number with its currency ("6元/K").
_DECIMAL = re.compile(r"\d[.,]\d|\d[^\S\n]*(?:元|块|usd|rmb|\$)|[$¥€][^\S\n]*\d", re.IGNORECASE)
_COUNT_WORD = re.compile(
    r"(?:moq|stocks?|stk|qty|quantity|min|spq|mpq|reels?|库存|现货|数量|起订量?|最少|盘|有)"
    r"[^\S\n]*[:：=]?[^\S\n]*$",
    re.IGNORECASE | re.ASCII,
)
_CLAUSE_OPENING = re.compile(rf"(?:^|[\n;,:：、|{MASK}])[^\S\n]*[-*•]?[^\S\n]*$")
_SPEC = re.compile(
    r"(?<![\w.])(?:\d+(?:[.,]\d+)?[^\S\n]*%|[±+-]?\d+(?:[.,]\d+)?[^\S\n]*(?:ppm|v|kv|vdc|w|ma|a|mw)"
    r"|\d+/\d+[^\S\n]*w|x[57][rs]|c0g|np0|y5v)(?![\w.])",
    re.IGNORECASE | re.ASCII,
)


def _claimer(scan: Scan, lines: Sequence[LineProfile]) -> Callable[[int, int, set[int]], None]:
    every = frozenset(p.line for p in lines)

    def claim(start: int, end: int, matched: set[int]) -> None:
        narrowed = frozenset(matched)
        if narrowed and narrowed != every:
            scan.claim(start, end, Anchor(start, end, narrowed))
        else:
            scan.claim(start, end)

    return claim


def extract_category_words(scan: Scan, lines: Sequence[LineProfile]) -> None:
    """Claim words naming a category ("电阻", "caps", "MCU"); anchor those that narrow."""
    claim = _claimer(scan, lines)
    for match in scan.matches(CATEGORY_PATTERN):
        category = match.lastgroup
        named = {p.line for p in lines if p.category == category}
        if category == "ic" and not named:
            named = {p.line for p in lines if p.category is None and p.has_mpn}
        claim(match.start(), match.end(), named)


def extract_leading_values(scan: Scan, lines: Sequence[LineProfile]) -> None:
    """Claim a line's value opening a clause ("10K 1.2元/K"), before tiers are read.

    A value anywhere else waits for stock and MOQ to be read first (`extract_values`).
    A capacitor code opening a clause ("104: 5元/K") is a value, never a tier quantity.
    """
    _claim_capacitor_codes(scan, lines, leading=True)
    _claim_values(scan, lines, leading=True)


def extract_values(scan: Scan, lines: Sequence[LineProfile]) -> None:
    """Claim values and packages that repeat a line's; anchor those that narrow the RFQ.

    Runs after stock, MOQ and lead times are read, so "stock 10k" stays a count.
    """
    claim = _claimer(scan, lines)
    _claim_capacitor_codes(scan, lines, leading=False)
    _claim_values(scan, lines, leading=False)
    for match in scan.matches(PACKAGE_TOKEN):
        package = normalise_package(match.group(0))
        if package is None or _QUANTITY_AFTER.match(scan.masked[match.end() :]):
            continue
        claim(match.start(), match.end(), {p.line for p in lines if p.package == package})
    for match in scan.matches(_SPEC):
        scan.claim(match.start(), match.end())


def _claim_capacitor_codes(scan: Scan, lines: Sequence[LineProfile], leading: bool) -> None:
    claim = _claimer(scan, lines)
    capacitors = [p for p in lines if p.category == "capacitor" and p.value is not None]
    for match in scan.matches(_CAPACITOR_CODE) if capacitors else ():
        before = scan.masked[max(0, match.start() - 12) : match.start()]
        if leading and not _CLAUSE_OPENING.search(before):
            continue
        code = capacitor_code(match.group(1))
        same = {p.line for p in capacitors if code is not None and _same(p.value or 0.0, code)}
        if same:
            claim(match.start(), match.end(), same)


def _claim_values(scan: Scan, lines: Sequence[LineProfile], leading: bool) -> None:
    claim = _claimer(scan, lines)
    tiered = _tier_quantities(scan.masked) > 1
    for match in scan.matches(VALUE_TOKEN):
        before = scan.masked[max(0, match.start() - 12) : match.start()]
        if leading and (not _CLAUSE_OPENING.search(before) or _COUNT_WORD.search(before)):
            continue
        if _QUANTITY_AFTER.match(scan.masked[match.end() :]):
            continue
        if tiered and _K_QUANTITY.fullmatch(match.group(0)):
            continue
        value = value_of(match.group(0))
        if value is None:
            continue
        same = {p.line for p in lines if p.value is not None and _same(p.value, value)}
        if same:
            claim(match.start(), match.end(), same)


def _tier_quantities(text: str) -> int:
    """How many "5k"-like counts sit right beside a decimal price, as tiers do."""
    return sum(
        1
        for match in _K_QUANTITY.finditer(text)
        if _DECIMAL.search(text[max(0, match.start() - 10) : match.start()])
        or _DECIMAL.search(text[match.end() : match.end() + 10])
    )


def _same(a: float, b: float) -> bool:
    return round_sig(a, 6) == round_sig(b, 6)

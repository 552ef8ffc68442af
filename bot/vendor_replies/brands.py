"""Manufacturer names in a reply, by the catalogue's one alias table.

Two-letter names that are also English ("ON", "IR", "TE") count only in capitals and not
in "ON HAND"; a brand the vendor says it lacks ("no Murata", "没有村田") names nobody.
"原装"/"original" and "国产"/"domestic" are claims about a part, never a manufacturer.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from bot.vendor_replies.facts import Brand, Scan
from catalogue.manufacturers import (
    MANUFACTURER_ALIASES,
    alias_key,
    canonical_manufacturer,
)
from catalogue.traditional import simplified

#: Spellings that are ordinary words in lower case; matched only as written in capitals.
_CAPITALS_ONLY = frozenset({"ON", "IR", "TE", "FH", "HRS", "DIODES", "AVX", "MPS", "JST"})
_NEGATED = re.compile(r"(?:\bno|\bnot|\bwithout|没有|无|没)[^\S\n]*$", re.IGNORECASE | re.ASCII)
_UNKNOWN_BRAND = re.compile(
    r"(?:brand|品牌|牌子)[^\S\n]*[:：]?[^\S\n]*([A-Za-z][A-Za-z0-9&\-]{1,20})",
    re.IGNORECASE | re.ASCII,
)

_NOT_NAMES = frozenset(
    {"ok", "any", "new", "original", "orig", "domestic", "china", "chinese", "is", "name", "no"}
)


_WORD = re.compile(r"[A-Za-z0-9]+(?:[&'.][A-Za-z0-9]+)*")
_JOIN = re.compile(r"[^\S\n]*[\-_.&'/]?[^\S\n]*")
_NOT_AFTER_ON = frozenset(
    {"HAND", "STOCK", "THE", "SHELF", "REQUEST", "ORDER", "SALE", "TIME", "IT", "WAY"}
)


@lru_cache(maxsize=1)
def _ascii_aliases() -> tuple[dict[str, str], int]:
    """alias key -> canonical name for Latin spellings, and the most words one spans."""
    index: dict[str, str] = {}
    longest = 1
    for canonical, aliases in MANUFACTURER_ALIASES.items():
        for spelling in (canonical, *aliases):
            if spelling.isascii() and "(" not in spelling:
                index.setdefault(alias_key(spelling), canonical)
                longest = max(longest, len(_WORD.findall(spelling)))
    return index, longest


@lru_cache(maxsize=1)
def _other_aliases() -> tuple[re.Pattern[str], dict[str, str]]:
    """Spellings in other scripts (国巨, 长电, Würth), longest first, with their names.

    Replies are folded to simplified characters, so the table's traditional spellings
    (長電) are folded the same way to be found.
    """
    names: dict[str, str] = {}
    for canonical, aliases in MANUFACTURER_ALIASES.items():
        for spelling in (canonical, *aliases):
            if not spelling.isascii():
                names.setdefault(simplified(spelling).casefold(), canonical)
    ordered = sorted(names, key=len, reverse=True)
    return re.compile("|".join(re.escape(s) for s in ordered), re.IGNORECASE), names


def _latin_brands(scan: Scan) -> list[tuple[int, int, str]]:
    """(start, end, canonical) of every Latin-script brand, longest spelling first."""
    index, longest = _ascii_aliases()
    words = list(_WORD.finditer(scan.masked))
    found: list[tuple[int, int, str]] = []
    position = 0
    while position < len(words):
        for size in range(min(longest, len(words) - position), 0, -1):
            span = words[position : position + size]
            if any(
                not _JOIN.fullmatch(scan.masked[a.end() : b.start()])
                for a, b in itertools.pairwise(span)
            ):
                continue
            raw = scan.masked[span[0].start() : span[-1].end()]
            name = index.get(alias_key(raw))
            if name is None or not _allowed(raw, name, scan, span[-1].end()):
                continue
            found.append((span[0].start(), span[-1].end(), name))
            position += size - 1
            break
        position += 1
    return found


def _allowed(raw: str, name: str, scan: Scan, end: int) -> bool:
    """Short names that are also words count only in capitals, and "ON HAND" is no brand."""
    if alias_key(raw) in _CAPITALS_ONLY and not raw.isupper():
        return False
    key = alias_key(raw)
    if key == "ON":
        following = _WORD.match(
            scan.masked, end + len(scan.masked[end:]) - len(scan.masked[end:].lstrip())
        )
        return following is None or following.group(0).upper() not in _NOT_AFTER_ON
    if key == "HRS":
        return not scan.masked[: end - len(raw)].rstrip()[-1:].isdigit()
    return True


def extract_brands(scan: Scan) -> None:
    """Claim manufacturer names; a negated one is claimed without a fact."""
    for match in scan.matches(_UNKNOWN_BRAND):
        name = match.group(1)
        if name.lower() in _NOT_NAMES:
            continue
        brand = Brand(match.start(), match.end(), canonical_manufacturer(name))
        scan.claim(match.start(), match.end(), brand)
    found = _latin_brands(scan)
    pattern, names = _other_aliases()
    found += [(m.start(), m.end(), names[m.group(0).casefold()]) for m in scan.matches(pattern)]
    for start, end, name in sorted(found):
        if not scan.free(start, end):
            continue
        if _NEGATED.search(scan.text[max(0, start - 8) : start]):
            scan.claim(start, end)
            continue
        scan.claim(start, end, Brand(start, end, name))

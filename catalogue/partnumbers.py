"""Manufacturer part numbers and the one normal form the catalogue indexes them by.

Buyers, BOMs and distributors spell the same part differently: case, spaces, dashes,
slashes, and packaging suffixes that a distributor appends (Digi-Key's "-ND", tape and
reel "-TR", "/TR", "-REEL", " TR", "(T&R)"). Two spellings that differ only in those are
the same part for sourcing, so they share one normal form.
"""

from __future__ import annotations

import re

_SUFFIX_WORDS = r"TR|T/R|T&R|ND|REEL|REEL7|REEL13|R7|CT|DKR|TAPE|CUT|CUT TAPE"

# Packaging suffixes, checked on the upper-cased raw part number before punctuation is
# dropped, so that the separator tells a suffix apart from the tail of a real part number
# ("LM358DR-TR" loses "-TR"; "IRLML6402TRPBF" keeps its "TR").
_PACKAGING_SUFFIX = re.compile(
    rf"(?:[-/#](?:{_SUFFIX_WORDS})|\s+(?:{_SUFFIX_WORDS})|\s*\((?:{_SUFFIX_WORDS})\))+$"
)
_NOT_ALNUM = re.compile(r"[^0-9A-Z]+")


def packaging_suffix(mpn: str) -> str:
    """The packaging suffix a spelling carries, as written ("-TR", " REEL"), else ""."""
    text = mpn.strip().upper()
    found = _PACKAGING_SUFFIX.search(text)
    if found is None or found.start() == 0:
        return ""
    return found.group(0)


def normalise_mpn(mpn: str) -> str:
    """The index key of a part number: upper case, no packaging suffix, letters and digits only."""
    text = mpn.strip().upper()
    stripped = _PACKAGING_SUFFIX.sub("", text)
    key = _NOT_ALNUM.sub("", stripped)
    # A part number that is nothing but a "suffix" keeps its letters rather than vanish.
    return key or _NOT_ALNUM.sub("", text)


def clean_mpn(mpn: str) -> str:
    """The display form of a part number: upper case with its inner spacing collapsed."""
    return " ".join(mpn.strip().upper().split())

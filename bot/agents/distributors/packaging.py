"""Packaging names, one spelling across distributors.

Digi-Key writes "Cut Tape (CT)", "Tape & Reel (TR)" and "Digi-Reel®"; Mouser "Reel",
"Cut Tape" and "MouseReel"; element14 "Cut Tape", "Re-reel" and units such as "REEL";
Nexar "Tape & Reel", "Custom Reel". A buyer compares offers by these words, so each
becomes one name.
"""

from __future__ import annotations

import re

_NAMES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"digi-?reel", re.IGNORECASE), "Digi-Reel"),
    (re.compile(r"mouse-?reel", re.IGNORECASE), "MouseReel"),
    (re.compile(r"re-?reel", re.IGNORECASE), "Re-Reel"),
    (re.compile(r"custom\s+reel", re.IGNORECASE), "Custom Reel"),
    (re.compile(r"cut\s*tape|\bCT\b", re.IGNORECASE), "Cut Tape"),
    (
        re.compile(r"tape\s*(?:&|and)\s*reel|\bT&R\b|\bTR\b|^\s*reel\s*$", re.IGNORECASE),
        "Tape & Reel",
    ),
    (re.compile(r"^\s*tray\s*$", re.IGNORECASE), "Tray"),
    (re.compile(r"^\s*tube\s*$", re.IGNORECASE), "Tube"),
    (re.compile(r"^\s*bulk\s*$", re.IGNORECASE), "Bulk"),
    (re.compile(r"^\s*bag\s*$", re.IGNORECASE), "Bag"),
    (re.compile(r"^\s*box\s*$", re.IGNORECASE), "Box"),
)
#: Units of sale that say nothing about packaging.
_NOT_PACKAGING = frozenset({"", "EACH", "EA", "PIECE", "PCS", "PACK", "-", "N/A"})


def packaging_name(text: str | None) -> str | None:
    """The one name for a distributor's packaging text; unknown packaging is kept as written."""
    if text is None:
        return None
    cleaned = " ".join(text.replace("®", "").split())
    if cleaned.upper() in _NOT_PACKAGING:
        return None
    for pattern, name in _NAMES:
        if pattern.search(cleaned):
            return name
    return cleaned


def packaging_list(texts: list[str]) -> str | None:
    """Several packagings of one listing ("Reel", "Cut Tape"), named once each, in order."""
    names: list[str] = []
    for text in texts:
        name = packaging_name(text)
        if name is not None and name not in names:
            names.append(name)
    return ", ".join(names) if names else None

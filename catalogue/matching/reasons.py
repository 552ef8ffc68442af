"""Why a part-number candidate is offered, in words a buyer reads at a glance."""

from __future__ import annotations

import re

from catalogue.matching.edits import EditKind, classify_edit
from catalogue.matching.mpn_index import KeyMatch, MatchHow
from catalogue.partnumbers import clean_mpn, packaging_suffix

_SPACING_AND_PUNCTUATION = re.compile(r"[^0-9A-Z]+")


def normalised_reason(requested: str, catalogued: str) -> str:
    """How two spellings of one normalised part number differ."""
    asked_suffix, listed_suffix = packaging_suffix(requested), packaging_suffix(catalogued)
    if asked_suffix and not listed_suffix:
        return f"same part number without the {asked_suffix.strip()} packaging suffix"
    if listed_suffix and not asked_suffix:
        return f"same part number with the {listed_suffix.strip()} packaging suffix"
    if asked_suffix and listed_suffix and asked_suffix.upper() != listed_suffix.upper():
        return (
            f"same part number with the {listed_suffix.strip()} packaging suffix "
            f"instead of {asked_suffix.strip()}"
        )
    differences = []
    if requested.strip() != requested.strip().upper():
        differences.append("letter case")
    upper, listed = clean_mpn(requested), clean_mpn(catalogued)
    if _SPACING_AND_PUNCTUATION.findall(upper) != _SPACING_AND_PUNCTUATION.findall(listed):
        differences.append("spacing or punctuation")
    if not differences:
        return "same part number"
    return f"same part number, written with different {' and '.join(differences)}"


def key_match_reason(requested: str, catalogued: str, match: KeyMatch, query_key: str) -> str:
    """Why a near part number is offered: the slip it corrects, or how it relates."""
    pair = f"({catalogued} vs {requested.strip()})"
    if match.how is MatchHow.PREFIX or (match.distance == 1 and match.key.startswith(query_key)):
        return f"part number begins with {requested.strip().upper()} ({catalogued})"
    if match.how is MatchHow.SIMILAR:
        return f"similar part number {pair}"
    if match.distance != 1:
        return f"part number differs by {match.distance} characters {pair}"
    edit = match.edit or classify_edit(query_key, match.key)
    kind = edit.kind if edit is not None else EditKind.SUBSTITUTION
    if kind is EditKind.TRANSPOSITION:
        return f"part number has two neighbouring characters swapped {pair}"
    if kind is EditKind.MISSING:
        return f"part number has one character more than asked {pair}"
    if kind is EditKind.EXTRA:
        return f"part number has one character fewer than asked {pair}"
    return f"part number differs by one character {pair}"

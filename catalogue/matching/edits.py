"""What a one-character difference between two part numbers most likely was.

When several catalogue keys are one edit away from what a buyer typed, the one that
explains the slip best wins. Under a plain model of typing slips (a swap of neighbours,
a dropped, an extra or a wrong character, each as likely, any character as likely)
swapping two neighbours or dropping a character is some 35 times likelier than hitting
one specific wrong key, and dropping one of a run ("333" -> "33") is likelier in
proportion to the run. People also hit a key next to the right one, or one that looks
like it ("0"/"O", "1"/"I"), more than any other, so those substitutions weigh more.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class EditKind(StrEnum):
    TRANSPOSITION = "transposition"  # two neighbouring characters swapped
    MISSING = "missing"  # the request lacks one character of the catalogue key
    EXTRA = "extra"  # the request has one character the catalogue key lacks
    SUBSTITUTION = "substitution"  # one character differs


@dataclass(frozen=True, slots=True)
class Edit:
    kind: EditKind
    #: How likely a person typing the catalogue key produces the request by this slip,
    #: relative to other one-character slips (larger is likelier).
    weight: float
    #: Where the catalogue key and the request first differ.
    position: int


#: Characters in a part number's alphabet other than a given one.
_WRONG_CHOICES = 35
#: Of those, how many a slip of the finger or eye plausibly lands on.
_LIKELY_CHOICES = 6

_LOOKALIKES = ("0ODQ", "1IL7", "5S", "8B", "2Z", "6G", "UV", "MN", "9G")
_KEYBOARD_ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")


def _lookalike_pairs() -> frozenset[tuple[str, str]]:
    return frozenset((a, b) for group in _LOOKALIKES for a in group for b in group if a != b)


def _keyboard_pairs() -> frozenset[tuple[str, str]]:
    pairs = set()
    for r, row in enumerate(_KEYBOARD_ROWS):
        for c, key in enumerate(row):
            near = [row[i] for i in (c - 1, c + 1) if 0 <= i < len(row)]
            if r + 1 < len(_KEYBOARD_ROWS):
                below = _KEYBOARD_ROWS[r + 1]
                near += [below[i] for i in (c - 1, c) if 0 <= i < len(below)]
            for other in near:
                pairs.update({(key, other), (other, key)})
    return frozenset(pairs)


#: (typed, meant) pairs a person confuses: keyboard neighbours and look-alikes.
LIKELY_SUBSTITUTIONS = _lookalike_pairs() | _keyboard_pairs()


def _run_length(text: str, position: int) -> int:
    """How many equal characters in a row `text[position]` belongs to."""
    char, start, end = text[position], position, position + 1
    while start > 0 and text[start - 1] == char:
        start -= 1
    while end < len(text) and text[end] == char:
        end += 1
    return end - start


def classify_edit(requested: str, catalogued: str) -> Edit | None:
    """The single slip that turns `catalogued` into `requested`, or None if it takes more."""
    if requested == catalogued:
        return None
    n, m = len(requested), len(catalogued)
    if n == m:
        diffs = [i for i in range(n) if requested[i] != catalogued[i]]
        if len(diffs) == 1:
            i = diffs[0]
            likely = (requested[i], catalogued[i]) in LIKELY_SUBSTITUTIONS
            choices = _LIKELY_CHOICES if likely else _WRONG_CHOICES
            return Edit(EditKind.SUBSTITUTION, 1 / (m * choices), i)
        if (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and requested[diffs[0]] == catalogued[diffs[1]]
            and requested[diffs[1]] == catalogued[diffs[0]]
        ):
            return Edit(EditKind.TRANSPOSITION, 1 / max(m - 1, 1), diffs[0])
        return None
    if abs(n - m) != 1:
        return None
    shorter, longer = (requested, catalogued) if n < m else (catalogued, requested)
    i = 0
    while i < len(shorter) and shorter[i] == longer[i]:
        i += 1
    if shorter[i:] != longer[i + 1 :]:
        return None
    ways = _run_length(longer, i)
    if n < m:
        return Edit(EditKind.MISSING, ways / m, i)
    return Edit(EditKind.EXTRA, ways / ((m + 1) * (_WRONG_CHOICES + 1)), i)

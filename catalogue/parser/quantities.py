"""Counts of pieces as buyers write them: "1,500", "7.5k", "5K", "2w", "20k".

A comma followed by groups of three digits separates thousands ("1,500" is fifteen
hundred); any other comma is a decimal comma ("1,5k" is 1500). "w" is the Chinese 万,
ten thousand.
"""

from __future__ import annotations

import re

_COUNT = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+(?:[.,]\d+)?)([kKwWM万千]?)$")
_MULTIPLIERS = {"": 1, "k": 1000, "K": 1000, "千": 1000, "w": 10000, "W": 10000, "万": 10000}
_MULTIPLIERS["M"] = 1_000_000


def parse_count(text: str) -> int | None:
    """The whole number of pieces `text` means, or None when it is not a count."""
    match = _COUNT.match(text)
    if not match:
        return None
    digits, suffix = match.groups()
    if "," in digits:
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits) and not suffix:
            number = float(digits.replace(",", ""))
        else:
            number = float(digits.replace(",", "."))
    else:
        number = float(digits)
    count = round(number * _MULTIPLIERS[suffix])
    if count <= 0 or abs(count - number * _MULTIPLIERS[suffix]) > 1e-6:
        return None
    return count

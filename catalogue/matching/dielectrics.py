"""Which ceramic dielectric may stand in for which.

Class 1 (C0G/NP0) barely drifts at all and meets any request up to 125 °C. A class 2 code (EIA-198)
reads as low temperature, high temperature, and the largest capacitance change over that
range: X7R is -55..125 °C within ±15%. One class 2 dielectric meets a request for another
when it covers at least the same range within at most the same change, so X7R meets X5R
(-55..85 °C, ±15%) and Y5V, but X7S (±22%) does not meet X5R.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

CLASS_1 = frozenset({"C0G", "NP0", "NPO", "COG", "C0H"})

_LOW = {"X": -55, "Y": -30, "Z": 10}
_HIGH = {"2": 45, "4": 65, "5": 85, "6": 105, "7": 125, "8": 150, "9": 200}
_CHANGE = {
    "A": 1.0,
    "B": 1.5,
    "C": 2.2,
    "D": 3.3,
    "E": 4.7,
    "F": 7.5,
    "P": 10,
    "R": 15,
    "S": 22,
    "T": 33,
    "U": 56,
    "V": 82,
}
_EIA = re.compile(r"^([XYZ])([245-9])([A-FPR-V])$")


@dataclass(frozen=True, slots=True)
class _Stability:
    low: int  # °C
    high: int  # °C
    change: float  # largest capacitance change over the range, %


#: Class 1: 0 ±30 ppm/°C from -55 to 125 °C, about ±0.3% over the range.
_CLASS_1 = _Stability(-55, 125, 0.3)


def _stability(code: str) -> _Stability | None:
    if code in CLASS_1:
        return _CLASS_1
    match = _EIA.match(code)
    if match is None:
        return None
    low, high, change = match.groups()
    return _Stability(_LOW[low], _HIGH[high], _CHANGE[change])


def dielectric_margin(offered: str, requested: str) -> float | None:
    """How much more stable `offered` is than `requested`: 0 for the same dielectric, a
    positive measure when it is better, None when it does not meet the request."""
    offered, requested = offered.strip().upper(), requested.strip().upper()
    if offered == requested:
        return 0.0
    better, asked = _stability(offered), _stability(requested)
    if better is None or asked is None:
        return None
    if better.low > asked.low or better.high < asked.high or better.change > asked.change:
        return None
    # In steps comparable to a doubled voltage: 25 °C colder, 20 °C hotter, half the drift.
    widened = (asked.low - better.low) / 25 + (better.high - asked.high) / 20
    return widened + math.log2(asked.change / better.change)

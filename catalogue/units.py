"""Electrical values as people write them: SI prefixes, RKM codes, units in any script.

"4k7", "4.7kΩ", "4,7k", "4K7 ohm", "4.7千欧" and 4700.0 are one value. Every float this
module returns is rounded to 12 significant digits so that 100 nF is exactly 1e-07 and
JSON written by the parser compares equal to a hand-written expectation.
"""

from __future__ import annotations

import re

#: SI prefix letter -> multiplier. "u" and "µ"/"μ" are micro; "K" is accepted as kilo.
SI_PREFIXES: dict[str, float] = {
    "p": 1e-12,
    "n": 1e-9,
    "u": 1e-6,
    "µ": 1e-6,
    "μ": 1e-6,
    "m": 1e-3,
    "": 1.0,
    "k": 1e3,
    "K": 1e3,
    "M": 1e6,
    "G": 1e9,
}

#: Unit spellings -> the SI unit a value is expressed in.
UNIT_ALIASES: dict[str, str] = {
    "ohm": "ohm",
    "ohms": "ohm",
    "Ω": "ohm",
    "ω": "ohm",
    "r": "ohm",
    "欧": "ohm",
    "欧姆": "ohm",
    "f": "F",
    "法": "F",
    "h": "H",
    "亨": "H",
    "hz": "Hz",
    "v": "V",
    "w": "W",
    "a": "A",
}


def round_sig(value: float, digits: int = 12) -> float:
    """`value` with float noise removed: 100 * 1e-9 becomes exactly 1e-07."""
    if value == 0:
        return 0.0
    return float(f"{value:.{digits}g}")


_VALUE = re.compile(
    r"""^\s*
    (?P<int>\d+(?:[.,]\d+)?)?                # leading digits (decimal comma allowed)
    \s*(?P<prefix>[pnuµμmkKMG]|R)?           # SI prefix or RKM 'R' as decimal point
    (?P<frac>\d+)?                           # RKM tail: 4k7 -> 7
    \s*(?P<unit>ohms?|Ω|ω|欧姆|欧|hz|f|h|v|w|a|r|法|亨)?
    \s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def parse_value(text: str) -> tuple[float, str | None] | None:
    """A value and its SI unit (None when no unit is written), or None if `text` is not one.

    Accepts "10k", "4k7", "2R2", "R47", "0R", "100nF", "0.1 uF", "4,7k", "10 kΩ", "16V".
    """
    match = _VALUE.match(text)
    if not match:
        return None
    whole, prefix, frac, unit = match.group("int", "prefix", "frac", "unit")
    if whole is None and (prefix is None or prefix.upper() != "R" or frac is None):
        return None
    if frac is not None and prefix is None:
        return None
    unit_si = UNIT_ALIASES.get(unit.lower() if unit and unit.isascii() else unit or "")
    if prefix is not None and prefix.upper() == "R":
        number = float(f"{whole or '0'}.{frac or '0'}")
        return round_sig(number), "ohm"
    mantissa = (whole or "0").replace(",", ".")
    if frac is not None:
        mantissa = f"{mantissa.split('.')[0]}.{frac}"
    multiplier = SI_PREFIXES.get(prefix or "")
    if multiplier is None:
        # "m"/"M" are unambiguous only in their case; anything else is not a prefix.
        return None
    return round_sig(float(mantissa) * multiplier), unit_si

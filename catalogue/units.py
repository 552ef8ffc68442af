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
    "P": 1e-12,
    "n": 1e-9,
    "N": 1e-9,
    "u": 1e-6,
    "U": 1e-6,
    "µ": 1e-6,
    "μ": 1e-6,
    "m": 1e-3,
    "": 1.0,
    "k": 1e3,
    "K": 1e3,
    "M": 1e6,
    "G": 1e9,
}

#: Unit spellings (lower case) -> the SI unit a value is expressed in.
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
    "vdc": "V",
    "vac": "V",
    "w": "W",
    "watt": "W",
    "watts": "W",
    "volt": "V",
    "volts": "V",
    "a": "A",
    "amp": "A",
    "amps": "A",
}


def round_sig(value: float, digits: int = 12) -> float:
    """`value` with float noise removed: 100 * 1e-9 becomes exactly 1e-07."""
    if value == 0:
        return 0.0
    return float(f"{value:.{digits}g}")


# A value is a mantissa, an optional prefix (or RKM letter standing for the decimal point,
# "4k7", "2R2", "6V3") with at most two digits after it, and an optional unit. The RKM tail
# is short on purpose: "1N4148" and "2N7002" are part numbers, not 1.4148 nF.
_VALUE = re.compile(
    r"""
    (?P<int>\d+(?:[.,]\d+)?)?
    \s*
    (?:
        (?P<rkm>[pnuµμmkKMGRrVv])(?P<frac>\d{1,2})           # 4k7, 2R2, 6V3, 49k9
      | (?P<lead_r>[Rr])(?P<rfrac>\d{1,3})                  # R47, R047 (no leading digits)
      | (?P<prefix>[pPnNuUµμmkKMG])?
    )
    \s*
    (?P<unit>ohms?|Ω|ω|欧姆|欧|hz|vdc|vac|watts?|volts?|amps?|f|h|v|w|a|r|法|亨)?
    """,
    re.IGNORECASE | re.VERBOSE,
)

_RKM_UNITS = {"r": "ohm", "v": "V"}


def parse_value(text: str) -> tuple[float, str | None] | None:
    """A value and its SI unit (None when no unit is written), or None if `text` is not one.

    Accepts "10k", "4k7", "2R2", "R47", "0R", "100nF", "0.1 uF", "4,7k", "10 kΩ", "16V",
    "6V3", "12MHz". A decimal comma is a decimal point here: thousands separators belong to
    quantities, never to values.
    """
    match = _VALUE.fullmatch(text.strip())
    if not match:
        return None
    whole, rkm, frac, lead_r, rfrac, prefix, unit = match.group(
        "int", "rkm", "frac", "lead_r", "rfrac", "prefix", "unit"
    )
    unit_key = unit.lower() if unit else ""
    unit_si = UNIT_ALIASES.get(unit_key) if unit else None
    if whole is None and rkm in ("R", "r"):
        lead_r, rfrac = rkm, frac
    elif whole is None and rkm is not None and rkm in "pnuµμ":
        # "u1" and "n47" in CAD exports: the prefix stands for the decimal point.
        if unit_si not in (None, "F", "H"):
            return None
        return round_sig(float(f"0.{frac}") * SI_PREFIXES[rkm]), unit_si
    if lead_r is not None:
        if whole is not None or (unit_si not in (None, "ohm")):
            return None
        return round_sig(float(f"0.{rfrac}")), "ohm"
    if whole is None:
        return None
    mantissa = whole.replace(",", ".")
    if rkm is not None:
        if "." in mantissa:
            return None
        letter = rkm.lower() if rkm in "RrVv" else rkm
        number = float(f"{mantissa}.{frac}")
        if letter in _RKM_UNITS:
            implied = _RKM_UNITS[letter]
            if unit_si not in (None, implied):
                return None
            return round_sig(number), implied
        multiplier = SI_PREFIXES.get(letter)
        if multiplier is None:
            return None
        return round_sig(number * multiplier), unit_si
    if prefix is not None:
        multiplier = _prefix_multiplier(prefix, unit_si)
        if multiplier is None:
            return None
        return round_sig(float(mantissa) * multiplier), unit_si
    if unit_key == "r":
        # "100R" and "0R": a trailing R is the ohm sign.
        return round_sig(float(mantissa)), "ohm"
    return round_sig(float(mantissa)), unit_si


def _prefix_multiplier(prefix: str, unit: str | None) -> float | None:
    """The multiplier of `prefix`, where case matters only for m/M.

    "MHz" and "mH" are written with care; "UF", "NF" and "PF" (shouting) are still micro,
    nano and pico. "m" on an ohm value is milli ("10mΩ"); "M" is always mega.
    """
    if prefix in ("m", "M"):
        if unit == "Hz":
            # "12mhz" is how people type 12 MHz; nothing is bought in millihertz.
            return 1e6
        if prefix == "M" and unit in ("F", "A", "V", "W", "H"):
            # Nobody buys megafarads or megaamps: "2000MA" in a BOM is a shouted 2000 mA.
            return 1e-3
        return SI_PREFIXES[prefix]
    return SI_PREFIXES.get(prefix)

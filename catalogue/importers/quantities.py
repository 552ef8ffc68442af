"""Electrical quantities as catalogue sources write them, as floats in SI base units.

Distributors write "100mA", "1/16W", "1kV", "AC:230V", "250V/125V", "±5%",
"-20%~+80%", "±20ppm", "240Ω @ 100MHz" and "C0G/NP0"; the catalogue stores one float
(or one dielectric code) per field so that requests compare against it directly.
"""

from __future__ import annotations

import re

from catalogue.categories import VALUE_UNITS, Category
from catalogue.units import SI_PREFIXES, parse_value, round_sig

_SIDE = re.compile(r"^(?:AC|DC)\s*:\s*", re.IGNORECASE)
_FRACTION = re.compile(r"^(\d+)\s*/\s*(\d+)\s*([pnuµμmkKMG]?)\s*([WVA])$")
# Lists of ratings ("250V/125V", "20V, 60V"); a comma or slash between digits is a
# decimal comma ("0,1uF") or a fraction ("1/4W"), not a list.
_LIST = re.compile(r"\s*(?:[;、]|(?<=[^\d\s])\s*[,/]|,(?=\s))\s*")
_AT = re.compile(r"\s*@\s*")
_PERCENT = re.compile(r"^[±+]?\s*(\d+(?:\.\d+)?)\s*%$")
_ASYMMETRIC = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*%\s*[~/]\s*([+-]?\d+(?:\.\d+)?)\s*%$")
_PPM = re.compile(r"^±?\s*(\d+(?:\.\d+)?)\s*ppm$", re.IGNORECASE)
_BARE_FRACTION = re.compile(r"^0?\.\d+$")

_C0G_SPELLINGS = frozenset({"C0G", "COG", "NP0", "NPO", "C0G/NP0", "NP0/C0G", "C0G(NP0)", "CG"})
_CLASS_2 = re.compile(r"^[XYZ][4-9][LPRSTUV]$")
_OTHER_CLASS_1 = frozenset({"C0H", "CH", "SL", "UJ", "U2J", "P2H", "R2H", "S2H", "T2H"})

#: Impedance of a ferrite bead is quoted at this frequency; others are not comparable.
BEAD_FREQUENCY_HZ = 1e8


def quantity(text: str, unit: str, *, bare: bool = False) -> float | None:
    """The first value in `unit` ("ohm", "F", "H", "Hz", "V", "W", "A") that `text` states.

    With `bare`, a number without a unit ("50", "10k") counts as `unit`. A range
    ("2V~36V", "1.2 V to 37 V") states no single value, so it gives None.
    """
    item = _SIDE.sub("", text.strip())
    item = _AT.split(item, maxsplit=1)[0]
    fraction = _FRACTION.match(item)
    if fraction:
        numerator, denominator, prefix, found = fraction.groups()
        if found != unit or int(denominator) == 0:
            return None
        return round_sig(int(numerator) / int(denominator) * SI_PREFIXES[prefix])
    item = _LIST.split(item, maxsplit=1)[0].strip()
    if not item or "~" in item or " to " in item:
        return None
    sign = -1.0 if item[0] in "-−" else 1.0
    parsed = parse_value(item.lstrip("+-−"))
    if parsed is None:
        return None
    value, found_unit = parsed
    if found_unit != unit and not (bare and found_unit is None):
        return None
    return round_sig(sign * value)


def tolerance(text: str, *, bare: bool = False) -> float | None:
    """A tolerance as a fraction: "±1%" is 0.01, "±20ppm" 2e-05, "-20%~+80%" 0.8.

    An asymmetric tolerance counts by its wider side. Absolute tolerances ("±0.25pF",
    "±0.5℃") are not fractions and give None; with `bare`, "0.01" is taken as written.
    """
    item = text.strip().replace(" ", "")
    percent = _PERCENT.match(item)
    if percent:
        return round_sig(float(percent.group(1)) / 100)
    asymmetric = _ASYMMETRIC.match(item)
    if asymmetric:
        wider = max(abs(float(side)) for side in asymmetric.groups())
        return round_sig(wider / 100)
    ppm = _PPM.match(item)
    if ppm:
        return round_sig(float(ppm.group(1)) * 1e-6)
    if bare and _BARE_FRACTION.match(item):
        return round_sig(float(item))
    return None


def dielectric(text: str) -> str | None:
    """The ceramic dielectric code: NP0/NPO/COG/C0G are "C0G", class-2 codes upper-cased."""
    code = text.strip().upper().replace(" ", "")
    if code in _C0G_SPELLINGS:
        return "C0G"
    if code == "COH":
        return "C0H"
    if _CLASS_2.match(code) or code in _OTHER_CLASS_1:
        return code
    return None


def impedance_at_bead_frequency(text: str, *, bare: bool = False) -> float | None:
    """A ferrite bead's impedance in ohm, when quoted at 100 MHz or without a frequency."""
    parts = _AT.split(text.strip(), maxsplit=1)
    if len(parts) == 2 and quantity(parts[1], "Hz") != BEAD_FREQUENCY_HZ:
        return None
    return quantity(parts[0], "ohm", bare=bare)


def category_value(category: Category, text: str, *, bare: bool = False) -> float | None:
    """The `value` of a part of `category` (ohm, farad, henry, hertz; bead impedance)."""
    if category is Category.FERRITE_BEAD:
        return impedance_at_bead_frequency(text, bare=bare)
    unit = VALUE_UNITS.get(category)
    return quantity(text, unit, bare=bare) if unit is not None else None

"""Parametric fields read from a one-line description or title.

JLCPCB's parts list has no parameter columns, only "Chip Resistor - Surface Mount
10KOhms ±1% 1/4W 1206 RoHS"; Octopart titles read "Resistor 10 kΩ ±1% 0603 100 mW".
Each whitespace-separated token is tried as a value, tolerance, rating or dielectric;
the first token of each kind wins, except a bead's impedance, which prefers the one
quoted "@100MHz" over its DC resistance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalogue.categories import VALUE_UNITS, Category
from catalogue.importers.quantities import (
    dielectric,
    impedance_at_bead_frequency,
    quantity,
    tolerance,
)

# "10 kΩ" and "240Ω @ 100MHz" become single tokens.
_UNIT_AFTER_SPACE = re.compile(r"(\d)\s+(?=[pnuµμmkKMG]?(?:Ω|[Oo]hms?|Hz|F|H|V|W|A|%)(?=\s|$|@))")
_AROUND_AT = re.compile(r"\s*@\s*")
_SIGNED = ("±", "+", "-")
_RATING_UNITS = frozenset("VWAvwa")


@dataclass(slots=True)
class DescribedFields:
    value: float | None = None
    tolerance: float | None = None
    voltage: float | None = None
    power: float | None = None
    current: float | None = None
    dielectric: str | None = None


def fields_from_text(text: str, category: Category) -> DescribedFields:
    """Whatever `text` states about a part of `category`; unknown fields stay None."""
    joined = _AROUND_AT.sub("@", _UNIT_AFTER_SPACE.sub(r"\1", text))
    found = DescribedFields()
    bead_impedances: list[float] = []
    unit = VALUE_UNITS.get(category)
    for token in joined.split():
        if token.startswith("±") or "%" in token or token.lower().endswith("ppm"):
            if found.tolerance is None and (token.startswith("±") or "~" in token):
                found.tolerance = tolerance(token)
            continue
        if token.startswith(_SIGNED):
            continue
        if category is Category.FERRITE_BEAD:
            impedance = impedance_at_bead_frequency(token)
            if impedance is not None:
                if "@" in token:
                    found.value = impedance
                bead_impedances.append(impedance)
                continue
        elif unit is not None and found.value is None:
            found.value = quantity(token, unit)
            if found.value is not None:
                continue
        _take_rating(found, token)
        if category is Category.CAPACITOR and found.dielectric is None:
            found.dielectric = dielectric(token)
    if category is Category.FERRITE_BEAD and found.value is None and bead_impedances:
        # Without a frequency the largest resistance is the impedance, not the DCR.
        found.value = max(bead_impedances)
    return found


def _take_rating(found: DescribedFields, token: str) -> None:
    if "@" in token or token[-1] not in _RATING_UNITS:
        return
    if found.voltage is None:
        found.voltage = quantity(token, "V")
    if found.power is None:
        found.power = quantity(token, "W")
    if found.current is None:
        found.current = quantity(token, "A")

"""Electrical values as a buyer reads them: 10 kΩ, 100 nF, 1%, 50 V, 0.1 W."""

from __future__ import annotations

import math

from catalogue.categories import VALUE_UNITS, Category
from catalogue.request import PartRequest

_PREFIXES = ((1e9, "G"), (1e6, "M"), (1e3, "k"), (1.0, ""), (1e-3, "m"), (1e-6, "µ"))
_SMALL = ((1e-9, "n"), (1e-12, "p"))
_SYMBOLS = {"ohm": "Ω", "F": "F", "H": "H", "Hz": "Hz"}

#: Category -> the noun a buyer uses for it.
NOUNS = {
    Category.RESISTOR: "resistor",
    Category.CAPACITOR: "capacitor",
    Category.INDUCTOR: "inductor",
    Category.FERRITE_BEAD: "ferrite bead",
    Category.DIODE: "diode",
    Category.LED: "LED",
    Category.CRYSTAL: "crystal",
    Category.TRANSISTOR: "transistor",
    Category.IC: "IC",
    Category.CONNECTOR: "connector",
    Category.FUSE: "fuse",
    Category.OTHER: "part",
}


def _number(value: float) -> str:
    text = f"{value:.3g}"
    return text if "e" not in text else f"{value:g}"


def si(value: float, unit: str) -> str:
    """`value` with the SI prefix that keeps it between 1 and 1000: "4.7 kΩ", "100 nF"."""
    if value == 0 or not math.isfinite(value):
        return f"{_number(value)} {unit}"
    magnitude = abs(value)
    for scale, prefix in (*_PREFIXES, *_SMALL):
        if magnitude >= scale * 0.9995:
            return f"{_number(value / scale)} {prefix}{unit}"
    scale, prefix = _SMALL[-1]
    return f"{_number(value / scale)} {prefix}{unit}"


def category_noun(category: str | None) -> str:
    try:
        return NOUNS[Category(category)] if category else "part"
    except ValueError:
        return category or "part"


def value_text(value: float, category: str | None) -> str:
    """A part's main value in its category's unit ("10 kΩ", "8 MHz", "600 Ω @ 100 MHz")."""
    try:
        unit = VALUE_UNITS.get(Category(category)) if category else None
    except ValueError:
        unit = None
    text = si(value, _SYMBOLS.get(unit or "", ""))
    if category == Category.FERRITE_BEAD:
        text += " @ 100 MHz"
    return text.strip()


def tolerance_text(tolerance: float) -> str:
    if tolerance < 0.0005:
        return f"{_number(tolerance * 1e6)} ppm"
    return f"{_number(tolerance * 100)}%"


def field_text(name: str, value: float | str) -> str:
    """One parametric field as written on a datasheet."""
    if isinstance(value, str):
        return value
    if name == "tolerance":
        return tolerance_text(value)
    if name == "power":
        return f"{_number(value)} W"  # buyers write 0.1 W or 1/10 W, never 100 mW
    units = {"voltage": "V", "current": "A"}
    if name in units:
        return si(value, units[name]) if value < 1 else f"{_number(value)} {units[name]}"
    return _number(value)


def request_summary(request: PartRequest) -> str:
    """One line naming what a request asks for: "500 × resistor 10 kΩ ±1% 0603"."""
    if request.reels is not None:
        amount = f"{request.reels} reel{'s' if request.reels != 1 else ''} × "
    elif request.quantity is not None:
        amount = f"{request.quantity:,} × "
    else:
        amount = ""
    if request.mpn:
        what = request.mpn + (f" ({request.package})" if request.package else "")
        return amount + what
    words = [category_noun(request.category)]
    if request.value is not None:
        words.append(value_text(request.value, request.category))
    if request.tolerance is not None:
        words.append("±" + tolerance_text(request.tolerance))
    for name in ("dielectric", "voltage", "power", "current"):
        value = getattr(request, name)
        if value is not None:
            words.append(field_text(name, value))
    if request.package:
        words.append(request.package)
    return amount + " ".join(words)

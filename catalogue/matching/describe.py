"""Electrical values and requests as a buyer reads them: 10 kΩ, 100 nF, 1%, 50 V, 0.1 W.

Values, units and part numbers read the same in every language; the words around them
(the category's noun, "2 reels") are messages, written in English here and looked up
in the reader's language through a `catalogue.wording.Wording`: the bot passes its
handlers.i18n Translator, and the CLI and JSON use `ENGLISH`, the messages as written.
"""

from __future__ import annotations

import math

from catalogue.categories import VALUE_UNITS, Category
from catalogue.request import PartRequest
from catalogue.wording import ENGLISH, N_, Wording

_PREFIXES = ((1e9, "G"), (1e6, "M"), (1e3, "k"), (1.0, ""), (1e-3, "m"), (1e-6, "µ"))
_SMALL = ((1e-9, "n"), (1e-12, "p"))
_SYMBOLS = {"ohm": "Ω", "F": "F", "H": "H", "Hz": "Hz"}

#: Category -> the noun a buyer uses for it (a message: look it up at use).
NOUNS = {
    Category.RESISTOR: N_("resistor"),
    Category.CAPACITOR: N_("capacitor"),
    Category.INDUCTOR: N_("inductor"),
    Category.FERRITE_BEAD: N_("ferrite bead"),
    Category.DIODE: N_("diode"),
    Category.LED: N_("LED"),
    Category.CRYSTAL: N_("crystal"),
    Category.TRANSISTOR: N_("transistor"),
    Category.IC: N_("IC"),
    Category.CONNECTOR: N_("connector"),
    Category.FUSE: N_("fuse"),
    Category.OTHER: N_("part"),
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


def category_noun(category: str | None, words: Wording = ENGLISH) -> str:
    """The category's noun; a category the catalogue does not know is shown as named."""
    if not category:
        return words.gettext(NOUNS[Category.OTHER])
    try:
        noun = NOUNS[Category(category)]
    except ValueError:
        return category
    return words.gettext(noun)


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


def request_summary(request: PartRequest, words: Wording = ENGLISH) -> str:
    """One line naming what a request asks for: "500 × resistor 10 kΩ ±1% 0603"."""
    if request.reels is not None:
        amount = words.ngettext("{count} reel", "{count} reels", request.reels) + " × "
    elif request.quantity is not None:
        amount = f"{request.quantity:,} × "
    else:
        amount = ""
    if request.mpn:
        what = request.mpn + (f" ({request.package})" if request.package else "")
        return amount + what
    pieces = [category_noun(request.category, words)]
    if request.value is not None:
        pieces.append(value_text(request.value, request.category))
    if request.tolerance is not None:
        pieces.append("±" + tolerance_text(request.tolerance))
    for name in ("dielectric", "voltage", "power", "current"):
        value = getattr(request, name)
        if value is not None:
            pieces.append(field_text(name, value))
    if request.package:
        pieces.append(request.package)
    return amount + " ".join(pieces)

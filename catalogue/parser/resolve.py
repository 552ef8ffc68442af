"""A finished draft becomes a `PartRequest`: category, value and quantity decided together.

The category comes first, because it decides what the undecided numbers mean: "10k" is
a resistor's value but an LED's quantity; "104" is 100 nF on a capacitor and nothing on
an unknown part; "3225" is a crystal body but a 1210 chip capacitor.
"""

from __future__ import annotations

import re

from catalogue.packages import CHIP_SIZES, CRYSTAL_SIZES, METRIC_TO_IMPERIAL, chip_size
from catalogue.parser import tokens as t
from catalogue.parser.draft import Draft, count_of
from catalogue.parser.tokens import Token
from catalogue.request import PartRequest
from catalogue.units import parse_value, round_sig

#: Categories that carry a value, and the dimensions their value may be written in.
VALUE_DIMS: dict[str, frozenset[str]] = {
    "resistor": frozenset({"ohm", "ohmR", "ohm?"}),
    "ferrite_bead": frozenset({"ohm", "ohmR", "ohm?"}),
    "capacitor": frozenset({"F", "cap?"}),
    "inductor": frozenset({"H", "cap?", "ohmR"}),
    "crystal": frozenset({"Hz", "ohm?"}),
}
#: The category a value's dimension implies when nothing else says.
DIM_CATEGORY = {
    "ohm": "resistor",
    "ohmR": "resistor",
    "ohm?": "resistor",
    "F": "capacitor",
    "cap?": "capacitor",
    "H": "inductor",
    "Hz": "crystal",
}
_NUMBERED_PARTS = frozenset({"transistor", "diode", "ic"})
_CRYSTAL_ONLY_SIZES = CRYSTAL_SIZES - set(METRIC_TO_IMPERIAL) - set(CHIP_SIZES)
_CODE_AND_K = re.compile(r"^([1-9]\d{2})[Kk]$")
_TWENTY_PERCENT = 0.2
# Four-digit resistor codes no one would write as a count: "4992", "1002", "2201".
_FOUR_DIGIT_CODE = re.compile(r"^[1-9]\d{2}[1-5]$")
#: Categories whose bare "10k" is a value rather than a quantity.
_K_VALUES = frozenset({"resistor", "ferrite_bead", "crystal"})
#: Categories bought without a power rating: "3w" on them can only be a count (3万).
_UNRATED = frozenset({"capacitor", "inductor", "ferrite_bead", "crystal", "connector", "fuse"})
#: RF connector families named like diode packages: "SMA female" is a connector, not a case.
_CONNECTOR_NAMES = frozenset({"SMA", "SMB", "SMC"})


def resolve_designators(draft: Draft) -> None:
    """A lone "C945" is a part number and a lone "R47" a value, not designators."""
    if not draft.designators or draft.mpn is not None or draft.value is not None:
        return  # nothing to resolve, or the part is named already
    if draft.code is not None:
        return
    if any(token[0] == t.KNUM for token in draft.ambiguous):
        return
    for token in draft.designators:
        if int(token[1]) & 1:
            draft.mpn = token[3].upper()
            return
    if draft.has_count() and any(
        token[0] == t.NUM and eia_value(token[2], "resistor") is not None
        for token in draft.ambiguous
    ):
        return  # "R12 0603 103 x 10": with a count given, "103" is the value, "R12" its place
    for token in draft.designators:
        if int(token[1]) & 2:
            value = parse_value(token[3])
            if value is not None:
                draft.value, draft.dim = value[0], "ohmR"
                return


def _digits_as_part_number(draft: Draft) -> None:
    """ "三极管 8050 SOT-23 3k", "7805 TO-220 qty 200": beside a transistor, diode or IC
    word, or a semiconductor's package, and a count, a four-digit number that is no round
    count is the part ("8050" for S8050)."""
    numbered = draft.category in _NUMBERED_PARTS or (
        draft.category is None and draft.package is not None and not draft.chip
    )
    if not numbered or draft.value is not None:
        return
    numbers = [token for token in draft.ambiguous if token[0] in (t.NUM, t.KNUM, t.WNUM)]
    if len(numbers) + (draft.quantity is not None or draft.reels is not None) < 2:
        return
    for token in numbers:
        text = token[2]
        if token[0] == t.NUM and len(text) == 4 and text.isdigit() and not text.endswith("00"):
            draft.mpn = text
            draft.ambiguous = [other for other in draft.ambiguous if other is not token]
            return


def finish(draft: Draft, context: Draft | None, cjk: bool, row: bool = False) -> PartRequest | None:
    """The request `draft` makes under shared `context`, or None if it names no part.

    `draft` is used up: context is absorbed into it. A BOM `row` is a part by being a row,
    so its designator alone may name the category ("J10" is a connector), but not of a part
    bought by its value ("R5" with an empty value column asks for nothing one can quote);
    in free text a designator without a value is not a request.
    """
    if draft.mpn is None:
        resolve_designators(draft)
        _digits_as_part_number(draft)
    if draft.mpn is not None:
        return _part_number_request(draft, context)
    category, source = _category(draft, context)
    if category is None:
        return None
    merged = draft
    if context is not None:
        merged.absorb(context)
    value, remaining = _value(merged, category, source)
    quantity, reels, power = _counts(merged, remaining, cjk, category)
    if source == "designator" and value is None and (not row or category in VALUE_DIMS):
        return None
    request = PartRequest(
        quantity=quantity,
        reels=reels,
        category=category,
        value=value if category in VALUE_DIMS else None,
        package=_package(merged, category),
        tolerance=_tolerance(merged, category),
        voltage=merged.voltage,
        power=merged.power if merged.power is not None else power,
        current=merged.current,
        dielectric=merged.dielectric if category == "capacitor" else None,
    )
    return request


def _part_number_request(draft: Draft, context: Draft | None) -> PartRequest:
    quantity, reels = draft.quantity, draft.reels
    if quantity is None and reels is None:
        for token in draft.ambiguous:
            if token[0] == t.WNUM and token[1] >= 1:
                quantity = int(token[1])
                break
            count = count_of(token)
            if count is not None:
                quantity = count
                break
    if quantity is None and reels is None and context is not None:
        quantity, reels = context.quantity, context.reels
    source = draft if draft.package is not None or context is None else context
    package = None
    if source.package is not None:
        package = _chip(source.package, None, source.metric) if source.chip else source.package
    if draft.category == "connector" and package in _CONNECTOR_NAMES:
        package = None  # "CONN SMA JACK": the connector's family, not a package
    return PartRequest(quantity=quantity, reels=reels, mpn=draft.mpn, package=package)


def _category(draft: Draft, context: Draft | None) -> tuple[str | None, str]:
    """The category and what decided it (a word, the value's unit, context, ...)."""
    dim = draft.dim
    if draft.category is not None:
        explicit = dim in ("ohm", "F", "H", "Hz")
        if explicit and draft.category in VALUE_DIMS and dim not in VALUE_DIMS[draft.category]:
            return DIM_CATEGORY[dim or ""], "value"
        return draft.category, "word"
    context_category = context.category if context is not None else None
    hints = [token[2] for token in draft.designators if token[2]]
    if (dim == "ohm?" or (dim is None and t.KNUM in [k[0] for k in draft.ambiguous])) and (
        context_category is None and _looks_like_crystal(draft)
    ):
        return "crystal", "value"
    if dim is not None:
        if context_category is not None and dim in VALUE_DIMS.get(context_category, ()):
            return context_category, "context"
        for hint in hints:
            if dim in VALUE_DIMS.get(hint, ()):
                return hint, "designator"
        return DIM_CATEGORY[dim], "value"
    if context_category is not None:
        return context_category, "context"
    if hints:
        return hints[0], "designator"
    if draft.dielectric is not None:
        return "capacitor", "dielectric"
    if draft.colour is not None and draft.value is None:
        return "led", "colour"
    if _capacitor_code(draft):
        return "capacitor", "code"
    if any(token[0] == t.KNUM for token in draft.ambiguous):
        return "resistor", "value"
    if draft.code is not None or (draft.power is not None and _codes(draft, "resistor")):
        return "resistor", "code"
    if draft.tolerance is not None and any(len(code) == 4 for code in _codes(draft, "resistor")):
        return "resistor", "code"
    if draft.voltage is not None and _codes(draft, "capacitor"):
        return "capacitor", "code"
    return None, ""


def _capacitor_code(draft: Draft) -> bool:
    """ "104K 0603 50V", "472J 50V", "105M": a three-digit code whose tolerance letter or
    voltage rating is a capacitor's. Resistors are not sold at 20%, nor by their voltage;
    "100K" and "470K" (a zero multiplier) stay resistor values."""
    if draft.power is not None or (draft.voltage is None and draft.tolerance != _TWENTY_PERCENT):
        return False
    code = draft.code
    if code is None:
        code = next(
            (
                coded.group(1)
                for token in draft.ambiguous
                if token[0] == t.KNUM and (coded := _CODE_AND_K.match(token[3]))
            ),
            None,
        )
        if code is None or code[2] == "0" or draft.tolerance is not None:
            return False
    return len(code) == 3


def _looks_like_crystal(draft: Draft) -> bool:
    """ "32.768K 3215 20ppm": a crystal's can or body size, or a crystal's ppm, says what a
    bare "k" or "M" number is (resistor TCRs come with a % tolerance)."""
    package = draft.package or ""
    if package.startswith("HC-49") or package in _CRYSTAL_ONLY_SIZES:
        return True
    if draft.ppm is None or draft.ppm > 50 or draft.tolerance is not None:
        return False
    number = draft.value
    if number is None:
        number = next(token[1] for token in draft.ambiguous if token[0] == t.KNUM)
    return number >= 1e6 or number == 32768 or package in CRYSTAL_SIZES


def _value(draft: Draft, category: str, source: str) -> tuple[float | None, list[Token]]:
    """The part's value in SI units, and the undecided numbers left for the quantity."""
    remaining = list(draft.ambiguous)
    dims = VALUE_DIMS.get(category)
    if dims is None:
        return None, remaining
    if draft.value is not None and draft.dim in dims:
        if category == "inductor" and draft.dim == "ohmR":
            # "4R7" on an inductor is 4.7 µH: inductor codes count in microhenries.
            return round_sig(draft.value * 1e-6), remaining
        return draft.value, remaining
    if category == "resistor":
        for index, token in enumerate(remaining):
            if token[0] == t.NUM and _FOUR_DIGIT_CODE.match(token[2]) and _has_knum(remaining):
                # "0402 4992 1% 10k": a four-digit code nobody counts in is the value, and
                # the "10k" beside it the count.
                value = eia_value(token[2], category)
                if value is not None:
                    del remaining[index]
                    return value, remaining
    if category in _K_VALUES:
        for index, token in enumerate(remaining):
            if token[0] == t.KNUM:
                del remaining[index]
                return token[1], remaining
    if draft.code is not None:
        value = eia_value(draft.code, category)
        if value is not None:
            return value, remaining
    if category == "capacitor":
        for index, token in enumerate(remaining):
            coded = _CODE_AND_K.match(token[3]) if token[0] == t.KNUM else None
            value = eia_value(coded.group(1), category) if coded else None
            if value is not None:
                # "104K": 100 nF, K (10%) tolerance, on a capacitor.
                del remaining[index]
                if draft.tolerance is None:
                    draft.tolerance = 0.1
                return value, remaining
    if category in ("resistor", "capacitor") and source != "value":
        explicit_count = draft.quantity is not None or draft.reels is not None
        for index, token in enumerate(remaining):
            if token[0] != t.NUM or not token[2].isdigit():
                continue
            if not explicit_count and token[2].endswith("00") and count_of(token) is not None:
                continue
            value = eia_value(token[2], category)
            if value is not None:
                del remaining[index]
                return value, remaining
    return None, remaining


def eia_value(code: str, category: str) -> float | None:
    """The value a printed code stands for: "104" = 100 nF, "103"/"1002" = 10 kΩ, and a
    resistor's "000" is a zero-ohm jumper."""
    if category == "resistor" and code in ("000", "0000"):
        return 0.0
    if not code.isdigit() or code[0] == "0":
        return None
    if len(code) == 3:
        significand, exponent = int(code[:2]), int(code[2])
    elif len(code) == 4 and category == "resistor":
        significand, exponent = int(code[:3]), int(code[3])
    else:
        return None
    if exponent > 7:
        return None
    value = significand * 10.0**exponent
    return round_sig(value * 1e-12) if category == "capacitor" else round_sig(value)


def _has_knum(tokens: list[Token]) -> bool:
    return any(token[0] == t.KNUM for token in tokens)


def _codes(draft: Draft, category: str) -> list[str]:
    return [
        token[2]
        for token in draft.ambiguous
        if token[0] == t.NUM and eia_value(token[2], category) is not None
    ]


def _counts(
    draft: Draft, remaining: list[Token], cjk: bool, category: str
) -> tuple[int | None, int | None, float | None]:
    """Quantity or reels, and a power rating read from a "2W" that was not a count.

    "2W" (or "2w") is 2 watts in English, but 20000 pieces (2万) to a Chinese buyer,
    unless the part is a resistor whose quantity is already given. On a part that has
    no power rating (a capacitor, a crystal) it is 2万 in any language.
    """
    quantity, reels = draft.quantity, draft.reels
    watts = []
    for token in remaining:
        if token[0] == t.WNUM:
            watts.append(token)
            continue
        if quantity is None and reels is None:
            quantity = count_of(token)
    power = None
    rated = category not in _UNRATED
    for token in watts:
        if token[1] < 1:
            continue
        if quantity is None and reels is None and (cjk or not rated):
            quantity = int(token[1])
        elif rated and (not cjk or category == "resistor"):
            power = float(token[2])
    return quantity, reels, power


def _package(draft: Draft, category: str) -> str | None:
    if draft.package is None or not draft.chip:
        if category == "connector" and draft.package in _CONNECTOR_NAMES:
            return None
        return draft.package
    return _chip(draft.package, category, draft.metric)


def _chip(code: str, category: str | None, metric: bool) -> str | None:
    if metric:
        return METRIC_TO_IMPERIAL.get(code)
    return chip_size(code, category)


def _tolerance(draft: Draft, category: str) -> float | None:
    if draft.tolerance is not None:
        return draft.tolerance
    if category == "crystal" and draft.ppm is not None:
        return round_sig(draft.ppm * 1e-6)
    return None

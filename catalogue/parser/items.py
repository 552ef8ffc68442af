"""From the tokens of a line to the drafts of the parts it names.

A line can name several parts ("LM358 x100 NE555 x200", "10k 5k 4k7 2k"), so tokens are
gathered into drafts: a new draft starts when a token cannot belong to the current one
(a second part number, a second value of the same kind). Ambiguous numbers ("10k", "104",
"5000") stay undecided until the draft is finished, when its category tells whether they
are a value, a printed code or a quantity.
"""

from __future__ import annotations

from catalogue.parser import tokens as t
from catalogue.parser.draft import Draft
from catalogue.parser.tokens import Token

_KNUM = t.KNUM
#: Tokens that name a part (see `Draft.has_anchor`).
_ANCHORS = frozenset({t.MPN, t.VALUE, t.KNUM, t.CODEMARK})
#: Value dimensions that are one kind of quantity: a second one starts a new part.
_FAMILY = {
    "ohm": "ohm",
    "ohmR": "ohm",
    "ohm?": "ohm",
    "F": "F",
    "cap?": "F",
    "H": "H",
    "Hz": "Hz",
}


def lists_values(tokens: list[Token]) -> bool:
    """Whether a line gives one count for each of its values ("10k 4k7 1k, 100 pcs each"),
    so that every "k" number on it is a value."""
    for token in tokens:
        if token[0] == t.EACH:
            return any(other[0] in (t.QTY, t.REELS, t.NUM) for other in tokens)
    return False


def assemble(
    tokens: list[Token], single: bool = False, list_mode: bool | None = None
) -> list[Draft]:
    """The drafts a line's tokens describe, in order; `single` keeps them all in one.

    `list_mode` is `lists_values` of the whole line, when `tokens` are only a piece of it.
    """
    drafts = [Draft()]
    current = drafts[0]
    if list_mode is None:
        list_mode = lists_values(tokens)
    for token in tokens:
        kind = token[0]
        if kind == t.SKIP:
            continue
        if (
            kind in _ANCHORS
            and not current.ambiguous
            and current.mpn is None
            and current.value is None
            and current.code is None
        ):
            current.lead = current.lead_of()
        if kind == t.MPN:
            if not single and (
                current.mpn is not None or (current.has_anchor() and current.has_count())
            ):
                current = _start(drafts)
            if current.mpn is None:
                current.mpn = token[2]
        elif kind == t.VALUE:
            if not single and _value_starts_part(current, token[2]):
                current = _start(drafts)
            if current.value is None:
                current.value, current.dim = token[1], token[2]
            else:
                current.extra_dims.append(token[2])
        elif kind == t.KNUM:
            if not single and _number_starts_part(current, list_mode):
                current = _start(drafts)
            current.ambiguous.append(token)
        elif kind == t.NUM or kind == t.WNUM:
            current.ambiguous.append(token)
        elif kind == t.QTY or kind == t.REELS:
            if token[1] < 1:
                continue
            if current.has_count():
                if single or not current.has_anchor():
                    continue
                current = _start(drafts)
            current.leading_count = _names_nothing(current)
            if kind == t.QTY:
                current.quantity = int(token[1])
            else:
                current.reels = int(token[1])
        elif kind == t.CAT:
            if current.category is None:
                current.category = token[2]
            elif current.category != token[2] and not single and current.has_anchor():
                current = _start(drafts)
                current.category = token[2]
        elif kind == t.PKG or kind == t.CHIP:
            if current.package is None:
                current.package = token[2]
                current.chip = kind == t.CHIP
                current.metric = token[3] == "metric"
        elif kind == t.TOL:
            if current.tolerance is None:
                current.tolerance = token[1]
        elif kind == t.PPM:
            if current.ppm is None:
                current.ppm = token[1]
        elif kind == t.VOLT:
            if current.voltage is None:
                current.voltage = token[1]
        elif kind == t.POWER:
            if current.power is None:
                current.power = token[1]
        elif kind == t.CURRENT:
            if current.current is None:
                current.current = token[1]
        elif kind == t.DIEL:
            if current.dielectric is None:
                current.dielectric = token[2]
        elif kind == t.DESIG:
            current.designators.append(token)
        elif kind == t.EACH:
            current.each = True
        elif kind == t.COLOUR:
            if current.colour is not None and current.category in (None, "led") and not single:
                # "LED 0603 red 100pcs green 100pcs": each colour is an LED of its own.
                previous = current
                current = _start(drafts)
                current.category = previous.category
                current.package, current.chip = previous.package, previous.chip
            if current.colour is None:
                current.colour = token[2]
        elif kind == t.CODEMARK and token[2] and current.code is None:
            current.code = token[2]
    return drafts


def _names_nothing(draft: Draft) -> bool:
    """Whether nothing naming a part has been read into `draft` yet."""
    return (
        draft.mpn is None
        and draft.value is None
        and draft.code is None
        and draft.category is None
        and draft.colour is None
        and not draft.ambiguous
    )


def _start(drafts: list[Draft]) -> Draft:
    draft = Draft()
    drafts.append(draft)
    return draft


def _value_starts_part(current: Draft, dim: str) -> bool:
    if current.mpn is not None:
        # A part number followed by its description ("GRM188R71H104KA93D 100nF") is one
        # part; once its quantity is given, a value starts the next one.
        return current.has_count()
    family = _FAMILY.get(dim)
    if current.value is not None:
        current_family = _FAMILY.get(current.dim or "")
        if current_family == family:
            return True
        # A crystal's load capacitance or a bead's test frequency belongs to the part.
        return (
            "Hz" not in (family, current_family)
            and current.category not in ("crystal", "ferrite_bead")
            and current.has_count()
        )
    return family == "ohm" and _KNUM in [token[0] for token in current.ambiguous]


def _number_starts_part(current: Draft, list_mode: bool) -> bool:
    """Whether a "10k" after what is already known starts another part.

    "10k 5k" is a 10 kΩ resistor, 5000 of them; "10k 5k 4k7 2k" is two resistors; with
    "each" and a quantity on the line ("10k 4k7 1k, 100 pcs each") every "k" is a value.
    """
    known_numbers = sum(1 for token in current.ambiguous if token[0] != t.NUM)
    if current.mpn is not None:
        return current.has_count() or known_numbers > 0
    if list_mode:
        return current.value is not None or known_numbers > 0
    if current.value is not None:
        return current.has_count() or known_numbers > 0
    if known_numbers == 0:
        return False
    return known_numbers >= 2 or current.has_count()

"""What the parser knows about one part while it reads a line: the draft of a request.

Undecided numbers ("10k", "104", "5000") stay in `ambiguous` until the draft is finished
and its category says what they are; `count_of` says which of them can be a count.
"""

from __future__ import annotations

import re

from catalogue.parser import tokens as t
from catalogue.parser.tokens import Token

_KNUM = t.KNUM
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
# "3.000 Stück": a dot before groups of three digits separates thousands in a count.
_DOTTED_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


#: Specs written before a part is named: category, package, chip, metric, tolerance,
#: voltage, power, dielectric. A tuple because it is taken on the hot path.
Lead = tuple[
    str | None, str | None, bool, bool, float | None, float | None, float | None, str | None
]


class Draft:
    """What is known so far about one requested part (or about shared context)."""

    __slots__ = (
        "ambiguous",
        "category",
        "chip",
        "code",
        "colour",
        "current",
        "designators",
        "dielectric",
        "dim",
        "each",
        "extra_dims",
        "lead",
        "leading_count",
        "metric",
        "mpn",
        "package",
        "power",
        "ppm",
        "quantity",
        "reels",
        "tolerance",
        "value",
        "voltage",
    )

    def __init__(self) -> None:
        self.mpn: str | None = None
        self.category: str | None = None
        self.value: float | None = None
        self.dim: str | None = None
        self.extra_dims: list[str] = []
        self.ambiguous: list[Token] = []
        self.designators: list[Token] = []
        self.quantity: int | None = None
        self.reels: int | None = None
        self.package: str | None = None
        self.chip: bool = False
        self.metric: bool = False
        self.tolerance: float | None = None
        self.ppm: float | None = None
        self.voltage: float | None = None
        self.power: float | None = None
        self.current: float | None = None
        self.dielectric: str | None = None
        self.code: str | None = None
        self.colour: str | None = None
        self.each: bool = False
        #: The count was written before the part ("100pcs of 10k and 4k7").
        self.leading_count: bool = False
        #: What was written before the part was named ("贴片电阻 0603" before "10K 4.7K 1K").
        self.lead: Lead | None = None

    def has_anchor(self) -> bool:
        """Whether the draft names a part: a part number, a value or a value-like number."""
        return (
            self.mpn is not None
            or self.value is not None
            or self.code is not None
            or _KNUM in [token[0] for token in self.ambiguous]
        )

    def has_count(self) -> bool:
        return self.quantity is not None or self.reels is not None

    def is_empty(self) -> bool:
        return not (
            self.mpn is not None
            or self.value is not None
            or self.ambiguous
            or self.category
            or self.code is not None
            or self.has_count()
            or self.package
            or self.tolerance is not None
            or self.ppm is not None
            or self.voltage is not None
            or self.power is not None
            or self.current is not None
            or self.dielectric
            or self.designators
            or self.colour
        )

    def settle_counts(self) -> None:
        """Read the undecided numbers of a draft that names no part as a quantity.

        A line like "qty 300" or "5k" under a part, or "200 pcs each of:" above a list,
        carries only a count; so do the numbers of shared context.
        """
        if not self.has_count():
            for token in self.ambiguous:
                count = count_of(token)
                if count is not None:
                    self.quantity = count
                    break
        self.ambiguous = []

    def absorb(self, other: Draft) -> None:
        """Fill what this draft lacks from `other` (a continuation line, or context)."""
        if not self.has_count() and other.has_count():
            self.quantity, self.reels = other.quantity, other.reels
        if self.mpn is None:
            self.mpn = other.mpn
        if self.category is None:
            self.category = other.category
        if self.value is None and other.value is not None:
            self.value, self.dim = other.value, other.dim
        if self.package is None and other.package is not None:
            self.package, self.chip, self.metric = other.package, other.chip, other.metric
        if self.tolerance is None:
            self.tolerance = other.tolerance
        if self.ppm is None:
            self.ppm = other.ppm
        if self.voltage is None:
            self.voltage = other.voltage
        if self.power is None:
            self.power = other.power
        if self.current is None:
            self.current = other.current
        if self.dielectric is None:
            self.dielectric = other.dielectric
        if not self.designators:
            self.designators = other.designators
        if self.colour is None:
            self.colour = other.colour
        self.ambiguous = self.ambiguous + other.ambiguous

    def lead_of(self) -> Lead | None:
        """The specs read so far, to be shared by a list of values that follows them."""
        if (
            self.category is None
            and self.package is None
            and self.tolerance is None
            and self.voltage is None
            and self.power is None
            and self.dielectric is None
        ):
            return None
        return (
            self.category,
            self.package,
            self.chip,
            self.metric,
            self.tolerance,
            self.voltage,
            self.power,
            self.dielectric,
        )

    def absorb_lead(self, lead: Lead) -> None:
        """Fill what this draft lacks from specs written before another part."""
        category, package, chip, metric, tolerance, voltage, power, dielectric = lead
        if self.category is None:
            self.category = category
        if self.package is None and package is not None:
            self.package, self.chip, self.metric = package, chip, metric
        if self.tolerance is None:
            self.tolerance = tolerance
        if self.voltage is None:
            self.voltage = voltage
        if self.power is None:
            self.power = power
        if self.dielectric is None:
            self.dielectric = dielectric

    def copy_without_counts(self) -> Draft:
        twin = self.copy()
        twin.quantity = twin.reels = None
        twin.ambiguous = []
        twin.each = False
        return twin

    def copy(self) -> Draft:
        twin = Draft.__new__(Draft)
        twin.mpn, twin.category, twin.value, twin.dim = (
            self.mpn,
            self.category,
            self.value,
            self.dim,
        )
        twin.extra_dims, twin.ambiguous = list(self.extra_dims), list(self.ambiguous)
        twin.designators = list(self.designators)
        twin.quantity, twin.reels = self.quantity, self.reels
        twin.package, twin.chip, twin.metric = self.package, self.chip, self.metric
        twin.tolerance, twin.ppm, twin.voltage = self.tolerance, self.ppm, self.voltage
        twin.power, twin.current, twin.dielectric = self.power, self.current, self.dielectric
        twin.code, twin.colour, twin.each = self.code, self.colour, self.each
        twin.leading_count, twin.lead = self.leading_count, self.lead
        return twin


def count_of(token: Token) -> int | None:
    """The number of pieces an undecided number stands for, if it can be a count."""
    number = token[1]
    text = token[2]
    if token[0] == t.NUM and ("." in text or "," in text):
        if _DOTTED_THOUSANDS.match(text):
            return int(text.replace(".", ""))
        if not _THOUSANDS.match(text):
            return None
    if number < 1 or number != int(number):
        return None
    return int(number)

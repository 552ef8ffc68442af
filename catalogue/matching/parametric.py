"""Generic requests ("10k 0603 1%") answered by parts that meet them.

A part meets a request when its value and package are the ones asked for and every
stated spec is met: tolerance as tight or tighter, voltage, power and current rating as
high or higher (a fuse's rating exactly, since a larger fuse no longer protects), and a
dielectric at least as stable. A part better than asked is still a candidate, flagged as
exceeding the spec; a part that falls short is none. Parts that do not state a spec the
buyer asked for are kept last, with the gap named.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from catalogue.categories import PASSIVES, Category
from catalogue.matching.candidate import Deviation
from catalogue.matching.describe import category_noun, field_text, value_text
from catalogue.matching.dielectrics import dielectric_margin
from catalogue.matching.entry import CatalogueEntry
from catalogue.request import PartRequest

#: Relative difference below which two stored values are the same value (float noise).
VALUE_TOLERANCE = 1e-6
_EPSILON = 1e-9

#: Numeric specs where a higher rating meets the request.
_AT_LEAST = ("voltage", "power", "current")


@dataclass(frozen=True, slots=True)
class SpecCheck:
    """How one part measures up to one request's specs."""

    meets: bool
    exceeds: tuple[Deviation, ...]
    #: Specs the request states and the part does not.
    unstated: tuple[Deviation, ...]
    #: How far beyond the request the part goes, summed over specs (0 = exactly as asked).
    margin: float


def same_value(a: float, b: float) -> bool:
    if a == b:
        return True
    return abs(a - b) <= VALUE_TOLERANCE * max(abs(a), abs(b))


def value_bounds(value: float) -> tuple[float, float]:
    """The stored values that count as `value`, for a range query."""
    spread = abs(value) * VALUE_TOLERANCE or 1e-15
    return value - spread, value + spread


def check(request: PartRequest, entry: CatalogueEntry) -> SpecCheck:
    exceeds: list[Deviation] = []
    unstated: list[Deviation] = []
    margin = 0.0
    if request.value is not None and (
        entry.value is None or not same_value(entry.value, request.value)
    ):
        return SpecCheck(False, (), (), 0.0)
    if request.package is not None and entry.package != request.package:
        return SpecCheck(False, (), (), 0.0)

    if request.tolerance is not None:
        if entry.tolerance is None:
            unstated.append(Deviation("tolerance", request.tolerance, None))
        elif entry.tolerance > request.tolerance * (1 + _EPSILON):
            return SpecCheck(False, (), (), 0.0)
        elif entry.tolerance < request.tolerance * (1 - _EPSILON):
            exceeds.append(Deviation("tolerance", request.tolerance, entry.tolerance))
            margin += math.log2(request.tolerance / max(entry.tolerance, 1e-12))

    for name in _AT_LEAST:
        asked: float | None = getattr(request, name)
        offered: float | None = getattr(entry, name)
        if asked is None:
            continue
        if offered is None:
            unstated.append(Deviation(name, asked, None))
        elif name == "current" and entry.category == Category.FUSE:
            if not same_value(offered, asked):
                return SpecCheck(False, (), (), 0.0)
        elif offered < asked * (1 - _EPSILON):
            return SpecCheck(False, (), (), 0.0)
        elif offered > asked * (1 + _EPSILON):
            exceeds.append(Deviation(name, asked, offered))
            margin += math.log2(offered / max(asked, 1e-12))

    if request.dielectric is not None:
        if entry.dielectric is None:
            unstated.append(Deviation("dielectric", request.dielectric, None))
        else:
            steps = dielectric_margin(entry.dielectric, request.dielectric)
            if steps is None:
                return SpecCheck(False, (), (), 0.0)
            if steps > 0:
                exceeds.append(Deviation("dielectric", request.dielectric, entry.dielectric))
                margin += steps
    return SpecCheck(True, tuple(exceeds), tuple(unstated), margin)


def rank_key(
    request: PartRequest, check: SpecCheck, entry: CatalogueEntry
) -> tuple[bool, float, bool, int, float, str, str]:
    """Exactly as asked first, then the least beyond it, then well-known and well-stocked
    parts; when the buyer named no tolerance, the tighter one (it costs the same today).
    Parts that leave asked-for specs unstated come last."""
    tightness = entry.tolerance if request.tolerance is None and entry.tolerance else math.inf
    return (
        bool(check.unstated),
        round(check.margin, 6),
        not entry.preferred,
        -(entry.stock or 0),
        tightness,
        entry.manufacturer,
        entry.mpn,
    )


def answerable(request: PartRequest) -> bool:
    """Whether a generic request says enough to name parts: a passive needs its value,
    anything else its value or package ("LED 0603", "8 MHz crystal")."""
    if request.category is None:
        return False
    if request.category in PASSIVES:
        return request.value is not None
    return request.value is not None or request.package is not None


def score(check: SpecCheck) -> int:
    if check.unstated:
        return max(60, 75 - 5 * len(check.unstated))
    if check.exceeds:
        return max(80, 90 - round(2 * check.margin))
    return 95


def reason(request: PartRequest, entry: CatalogueEntry, check: SpecCheck) -> str:
    """ "10 kΩ 0603, 1% offered for 5% (exceeds spec)"."""
    head = []
    if entry.value is not None:
        head.append(value_text(entry.value, entry.category))
    if entry.package:
        head.append(entry.package)
    if request.value is None:
        head.append(category_noun(entry.category))
    clauses = [" ".join(head) or category_noun(entry.category)]
    exceeded = {d.field: d for d in check.exceeds}
    missing = {d.field: d for d in check.unstated}
    specs = ("tolerance", "dielectric", "voltage", "power", "current")
    # The part's own specs are informative only when the buyer asked for none.
    asked_any = any(getattr(request, name) is not None for name in specs)
    for name in specs:
        asked = getattr(request, name)
        offered = getattr(entry, name)
        if name in exceeded:
            clauses.append(f"{field_text(name, offered)} offered for {field_text(name, asked)}")
        elif name in missing:
            clauses.append(f"{name} not stated (asked {field_text(name, asked)})")
        elif asked is not None:
            clauses.append(f"{field_text(name, offered)} as asked")
        elif not asked_any and offered is not None and name != "current":
            clauses.append(field_text(name, offered))
    text = ", ".join(clauses)
    if check.exceeds:
        text += " (exceeds spec)"
    return text

"""What `match` answers with: catalogue parts, each with a score, a kind and a reason."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class CandidateKind(StrEnum):
    EXACT = "exact"  # the part number as the buyer wrote it
    NORMALISED = "normalised"  # the same part number up to case, punctuation, packaging suffix
    FUZZY = "fuzzy"  # a part number close to the buyer's: a typo, a prefix, a look-alike
    PARAMETRIC = "parametric"  # a part that meets a generic request's category and specs


@dataclass(frozen=True, slots=True)
class Deviation:
    """One way a candidate differs from the request."""

    field: str  # "tolerance", "voltage", "power", "current", "dielectric", "package"
    requested: float | str
    #: What the part offers; None when the catalogue does not state it.
    offered: float | str | None


@dataclass(slots=True)
class Candidate:
    part_id: int
    mpn: str
    manufacturer: str
    category: str
    package: str | None
    value: float | None
    tolerance: float | None
    voltage: float | None
    power: float | None
    current: float | None
    dielectric: str | None
    description: str | None
    datasheet: str | None
    #: 0-100; higher is a more certain answer to the request.
    score: int
    kind: CandidateKind
    #: A short sentence a buyer can read: why this part is offered.
    reason: str
    #: Where the part is better than asked (tighter tolerance, higher voltage, ...).
    exceeds: list[Deviation] = field(default_factory=list)
    #: Where the part differs from the request without being better, or does not say.
    mismatches: list[Deviation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = str(self.kind)
        return data

"""A buyer's request for one part, as the parser understands it.

It crosses every boundary of the product (CLI JSON, the matcher, vendor agents, the RFQ
tables), so its JSON form is a contract: a key is present only when the buyer's text
determines it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(slots=True)
class PartRequest:
    quantity: int | None = None
    reels: int | None = None
    mpn: str | None = None
    category: str | None = None
    value: float | None = None
    package: str | None = None
    tolerance: float | None = None
    voltage: float | None = None
    power: float | None = None
    current: float | None = None
    dielectric: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: only the keys the text determined."""
        return {
            f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PartRequest:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

"""The two shapes that cross the parser's boundary: what was asked, and what a reply offers.

`OfferDraft.to_dict()` is a contract scored key by key: a key is present only when the
vendor's reply determines it, so an absent key and a wrong key are equally wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from catalogue.units import round_sig


@dataclass(frozen=True, slots=True)
class RfqLine:
    """One line of the request the vendor is answering, with the parser's keys where known."""

    line: int
    text: str = ""
    quantity: int | None = None
    mpn: str | None = None
    category: str | None = None
    value: float | None = None
    package: str | None = None
    reels: int | None = None
    tolerance: float | None = None
    voltage: float | None = None
    power: float | None = None
    current: float | None = None
    dielectric: str | None = None
    candidates: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RfqLine:
        """The JSON form (the vendor API's line object); unknown keys are ignored.

        Raises ValueError when `line` is missing or a key has the wrong type, so that one
        bad input line can be reported without stopping a batch.
        """
        if not isinstance(data, Mapping):
            raise ValueError("an RFQ line must be an object")
        number = data.get("line")
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise ValueError("an RFQ line needs a positive integer 'line'")
        text = data.get("text") or ""
        if not isinstance(text, str):
            raise ValueError("'text' must be a string")
        quantity = _optional_int(data, "quantity")
        reels = _optional_int(data, "reels")
        candidates = data.get("candidates") or ()
        if not isinstance(candidates, list | tuple) or not all(
            isinstance(c, str) for c in candidates
        ):
            raise ValueError("'candidates' must be a list of part numbers")
        return cls(
            line=number,
            text=text,
            quantity=quantity,
            mpn=_optional_str(data, "mpn"),
            category=_optional_str(data, "category"),
            value=_optional_float(data, "value"),
            package=_optional_str(data, "package"),
            reels=reels,
            tolerance=_optional_float(data, "tolerance"),
            voltage=_optional_float(data, "voltage"),
            power=_optional_float(data, "power"),
            current=_optional_float(data, "current"),
            dielectric=_optional_str(data, "dielectric"),
            candidates=tuple(candidates),
        )


def _optional_int(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise ValueError(f"'{key}' must be an integer")
    return int(value)


def _optional_float(data: Mapping[str, Any], key: str) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"'{key}' must be a number")
    return float(value)


def _optional_str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"'{key}' must be a string")
    return value


@dataclass(slots=True)
class OfferDraft:
    """One offer read from a reply; a field is None when the reply does not determine it."""

    line: int
    price: float | None = None
    currency: str | None = None
    price_breaks: list[tuple[int, float]] = field(default_factory=list)
    stock: int | None = None
    lead_time_days: int | None = None
    moq: int | None = None
    multiple: int | None = None
    mpn: str | None = None
    manufacturer: str | None = None
    date_code: str | None = None
    tax_included: bool | None = None
    declined: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, keys in the spec's order, only those the reply determined."""
        if self.declined:
            return {"line": self.line, "declined": True}
        out: dict[str, Any] = {"line": self.line}
        if self.price is not None:
            out["price"] = round_sig(self.price)
        if self.currency is not None:
            out["currency"] = self.currency
        if self.price_breaks:
            out["price_breaks"] = [[q, round_sig(p)] for q, p in self.price_breaks]
        optional: dict[str, object] = {
            "stock": self.stock,
            "lead_time_days": self.lead_time_days,
            "moq": self.moq,
            "multiple": self.multiple,
            "mpn": self.mpn,
            "manufacturer": self.manufacturer,
            "date_code": self.date_code,
            "tax_included": self.tax_included,
        }
        out.update({key: value for key, value in optional.items() if value is not None})
        return out

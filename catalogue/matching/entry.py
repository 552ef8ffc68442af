"""A catalogue row as matching sees it: the display fields, detached from the session."""

from __future__ import annotations

from dataclasses import dataclass

from catalogue.models import Part

#: `library_type` values (JLCPCB's) that mark a part as stocked and commonly used.
PREFERRED_LIBRARY_TYPES = frozenset({"basic", "preferred"})


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    part_id: int
    mpn: str
    mpn_normalised: str
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
    #: A well-known, readily stocked part (a distributor's basic or preferred list).
    preferred: bool
    #: Pieces a distributor had on hand when the catalogue was imported, if known.
    stock: int | None

    @classmethod
    def from_part(cls, part: Part) -> CatalogueEntry:
        attributes = part.attributes or {}
        library_type = attributes.get("library_type")
        stock = attributes.get("stock")
        return cls(
            part_id=part.id,
            mpn=part.mpn,
            mpn_normalised=part.mpn_normalised,
            manufacturer=part.manufacturer.name,
            category=part.category,
            package=part.package,
            value=part.value,
            tolerance=part.tolerance,
            voltage=part.voltage,
            power=part.power,
            current=part.current,
            dielectric=part.dielectric,
            description=part.description,
            datasheet=part.datasheet,
            preferred=isinstance(library_type, str)
            and library_type.strip().lower() in PREFERRED_LIBRARY_TYPES,
            stock=stock if isinstance(stock, int) and not isinstance(stock, bool) else None,
        )

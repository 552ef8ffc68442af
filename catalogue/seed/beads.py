"""Murata BLM chip ferrite beads, from the ratings tables of their reference specifications.

BLM18PG221SN1D = BL (bead), M (monolithic), size (15 0402, 18 0603, 21 0805), type
(AG/AX general signal, KG/PG/SP power line, RK digital interface), typical impedance at
100 MHz as an EIA code (221 = 220 Ω), then S (performance), N (category), 1 (circuits) and
D (paper tape reel). The catalogue's value for a bead is that impedance in ohms; `current`
is the rated current at 85 °C. A current left as None is one not known exactly.
"""

from __future__ import annotations

from collections.abc import Iterator

from catalogue.categories import Category
from catalogue.seed.describe import amps, si
from catalogue.store import PartRecord

SOURCE = "seed"

_SIZES = {"15": "0402", "18": "0603", "21": "0805"}

#: (size code, type, impedance code, rated current in A or None), all SN1D.
BLM: tuple[tuple[str, str, str, float | None], ...] = (
    ("15", "AG", "121", 0.55),
    ("15", "AG", "221", 0.45),
    ("15", "AG", "601", 0.3),
    ("15", "AG", "102", 0.3),
    ("15", "AX", "121", 0.7),
    ("15", "AX", "221", 0.6),
    ("15", "AX", "601", 0.5),
    ("15", "AX", "102", 0.35),
    ("18", "AG", "121", 0.8),
    ("18", "AG", "151", None),
    ("18", "AG", "221", 0.7),
    ("18", "AG", "331", None),
    ("18", "AG", "471", None),
    ("18", "AG", "601", 0.5),
    ("18", "AG", "102", 0.4),
    ("18", "KG", "221", 2.2),
    ("18", "KG", "331", 1.7),
    ("18", "KG", "471", 1.5),
    ("18", "KG", "601", 1.3),
    ("18", "PG", "300", 1.0),
    ("18", "PG", "330", 3.0),
    ("18", "PG", "600", 1.0),
    ("18", "PG", "121", 2.0),
    ("18", "PG", "181", 1.5),
    ("18", "PG", "221", 1.4),
    ("18", "PG", "331", 1.2),
    ("18", "PG", "471", 1.0),
    ("18", "SP", "300", 6.0),
    ("18", "SP", "101", 3.7),
    ("18", "SP", "221", 2.8),
    ("18", "SP", "601", 1.5),
    ("18", "SP", "102", 1.2),
    ("18", "RK", "121", 0.2),
    ("18", "RK", "221", 0.2),
    ("18", "RK", "471", 0.2),
    ("18", "RK", "601", 0.2),
    ("18", "RK", "102", 0.2),
    ("21", "PG", "600", 3.5),
    ("21", "PG", "121", 3.0),
    ("21", "PG", "221", 2.0),
    ("21", "PG", "331", 1.5),
)


def impedance(code: str) -> float:
    """Ohms from an EIA impedance code: "221" -> 220.0, "300" -> 30.0."""
    return float(int(code[:2]) * 10 ** int(code[2]))


def ferrite_beads() -> Iterator[PartRecord]:
    for size, kind, code, current in BLM:
        package = _SIZES[size]
        ohms = impedance(code)
        rating = f" {amps(current)}" if current is not None else ""
        yield PartRecord(
            mpn=f"BLM{size}{kind}{code}SN1D",
            manufacturer="MURATA",
            category=Category.FERRITE_BEAD,
            source=SOURCE,
            subcategory="chip ferrite bead",
            package=package,
            value=ohms,
            current=current,
            description=f"{si(ohms, 'Ω')}@100MHz{rating} {package} ferrite bead",
            attributes={"series": f"BLM{size}{kind}"},
        )

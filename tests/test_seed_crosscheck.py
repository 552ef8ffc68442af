"""The generated passives against a real distributor catalogue (../shared, read only).

A generated part number that also appears in the jlcparts subset must be the same part:
same manufacturer, package and value (and rated voltage and dielectric for MLCCs). Were
a scheme wrong, its part numbers would either miss the real catalogue or land on a
different part, so the test also requires a substantial overlap.
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterator

import pytest
from conftest import shared_file

from catalogue.categories import Category
from catalogue.manufacturers import canonical_manufacturer
from catalogue.partnumbers import normalise_mpn
from catalogue.seed import seed_records
from catalogue.store import PartRecord

CHECKED = (Category.RESISTOR, Category.CAPACITOR)


def jlcparts_rows() -> Iterator[dict[str, str]]:
    with gzip.open(shared_file("catalogue/jlcparts_subset_50k.csv.gz"), "rt", newline="") as f:
        yield from csv.DictReader(f)


def same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1e-12)


def disagreement(part: PartRecord, row: dict[str, str]) -> str | None:
    """What the real catalogue says differently about `part`, or None when it agrees."""
    maker = canonical_manufacturer(row["manufacturer"])
    if maker != part.manufacturer:
        return f"manufacturer {maker}"
    if row["package"] != part.package:
        return f"package {row['package']}"
    column = "resistance_ohm" if part.category == Category.RESISTOR else "capacitance_f"
    if row[column] and part.value is not None and not same(float(row[column]), part.value):
        return f"value {row[column]}"
    if part.category == Category.CAPACITOR:
        dielectric = row["temperature_coefficient"].replace("NP0", "C0G")
        if dielectric and dielectric != part.dielectric:
            return f"dielectric {dielectric}"
        rated = row["voltage_rating"].removesuffix("V")
        if rated and part.voltage is not None and not same(float(rated), part.voltage):
            return f"voltage {row['voltage_rating']}"
    return None


@pytest.fixture(scope="module")
def overlap() -> dict[str, list[tuple[str, str | None]]]:
    """Per category, every generated part number found in jlcparts and what disagrees."""
    generated = {normalise_mpn(p.mpn): p for p in seed_records() if p.category in CHECKED}
    found: dict[str, list[tuple[str, str | None]]] = {"resistor": [], "capacitor": []}
    for row in jlcparts_rows():
        part = generated.get(normalise_mpn(row["mpn"]))
        if part is not None:
            found[part.category].append((part.mpn, disagreement(part, row)))
    return found


def test_generated_resistors_found_in_jlcparts_are_the_same_parts(
    overlap: dict[str, list[tuple[str, str | None]]],
) -> None:
    resistors = overlap["resistor"]
    assert [(mpn, why) for mpn, why in resistors if why] == []
    assert len(resistors) >= 2500  # 2505 at seed 1.0: YAGEO 782, UNI-ROYAL 1442, FENGHUA 281


def test_generated_mlccs_found_in_jlcparts_are_the_same_parts(
    overlap: dict[str, list[tuple[str, str | None]]],
) -> None:
    capacitors = overlap["capacitor"]
    assert [(mpn, why) for mpn, why in capacitors if why] == []
    assert len(capacitors) >= 280  # 286 at seed 1.0: YAGEO 153, SAMSUNG 89, MURATA 44

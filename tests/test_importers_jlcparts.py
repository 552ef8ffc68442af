"""The jlcparts CSV export: real rows keep their parameters, mapped onto our fields.

The jlcparts data has no licence, so no row of it is copied here: each test picks a row
of the shared file by what kind of part it is and checks the import against that row's
own columns.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import shared_file
from sqlalchemy import func, select

from bot.database import Database
from catalogue.importers import import_catalogue
from catalogue.importers.inputs import InputFiles
from catalogue.importers.jlcparts import read_rows, record_from_cells
from catalogue.importers.records import record_problem
from catalogue.manufacturers import canonical_manufacturer
from catalogue.models import Manufacturer, ManufacturerAlias, Part
from catalogue.partnumbers import normalise_mpn

SUBSET = "catalogue/jlcparts_subset_50k.csv.gz"
BASIC = "catalogue/jlcparts_basic_preferred.csv"

Row = dict[str, str]


def rows_of(path: Path) -> Iterator[Row]:
    with (
        gzip.open(path, "rt", newline="")
        if path.suffix == ".gz"
        else path.open(newline="") as stream
    ):
        yield from csv.DictReader(stream)


def first_row(relative: str, matches: Callable[[Row], bool]) -> Row:
    """The first row of a shared jlcparts file that `matches`."""
    for row in rows_of(shared_file(relative)):
        if matches(row):
            return row
    pytest.fail(f"no such row in {relative}")


def attributes(row: Row) -> dict[str, str]:
    parsed: dict[str, str] = json.loads(row["attributes_json"] or "{}")
    return parsed


def percent(text: str) -> float:
    return round(float(text.strip("±%")) / 100, 12)


def test_an_fh_mlcc_is_a_fenghua_capacitor_with_its_columns() -> None:
    row = first_row(
        BASIC,
        lambda r: (
            r["manufacturer"].startswith("FH(")
            and r["subcategory"].startswith("Multilayer Ceramic")
            and r["temperature_coefficient"] == "X7R"
        ),
    )
    record = record_from_cells(row)
    assert (
        record.category,
        record.value,
        record.tolerance,
        record.voltage,
        record.dielectric,
        record.package,
        canonical_manufacturer(record.manufacturer),
    ) == (
        "capacitor",
        float(row["capacitance_f"]),
        percent(row["tolerance"]),
        float(row["voltage_rating"].removesuffix("V")),
        "X7R",
        row["package"],
        "FENGHUA",
    )


def test_an_np0_mlcc_is_filed_as_c0g() -> None:
    row = first_row(SUBSET, lambda r: r["temperature_coefficient"] == "NP0")
    assert record_from_cells(row).dielectric == "C0G"


def test_a_chip_resistor_keeps_value_tolerance_power_and_package() -> None:
    row = first_row(
        BASIC,
        lambda r: r["subcategory"] == "Chip Resistor - Surface Mount" and r["package"] == "0603",
    )
    record = record_from_cells(row)
    assert (record.category, record.value, record.tolerance, record.power, record.package) == (
        "resistor",
        float(row["resistance_ohm"]),
        percent(row["tolerance"]),
        float(row["power_w"]),
        "0603",
    )


def test_a_mosfet_in_jlcs_triode_tree_is_a_transistor() -> None:
    row = first_row(
        SUBSET,
        lambda r: (
            r["category"] == "Triode/MOS Tube/Transistor"
            and r["subcategory"] == "MOSFETs"
            and r["voltage_rating"].endswith("V")
        ),
    )
    record = record_from_cells(row)
    assert (record.category, record.voltage) == (
        "transistor",
        float(row["voltage_rating"].removesuffix("V")),
    )


def test_a_zener_is_a_diode_rated_at_its_zener_voltage() -> None:
    row = first_row(
        SUBSET,
        lambda r: (
            r["subcategory"] == "Zener Diodes"
            and re.fullmatch(r"\d+(\.\d+)?V", r["voltage_rating"]) is not None
        ),
    )
    record = record_from_cells(row)
    assert (record.category, record.voltage) == (
        "diode",
        float(row["voltage_rating"].removesuffix("V")),
    )


def test_a_crystal_value_is_its_frequency_and_tolerance_its_ppm() -> None:
    row = first_row(
        SUBSET,
        lambda r: (
            r["subcategory"] == "Crystals"
            and attributes(r).get("Frequency", "").endswith("MHz")
            and attributes(r).get("Normal temperature frequency tolerance", "").endswith("ppm")
        ),
    )
    found = attributes(row)
    record = record_from_cells(row)
    ppm = found["Normal temperature frequency tolerance"].strip("±").removesuffix("ppm")
    assert (record.category, record.value, record.tolerance) == (
        "crystal",
        round(float(found["Frequency"].removesuffix("MHz")) * 1e6, 3),
        round(float(ppm) * 1e-6, 12),
    )


def test_a_ferrite_bead_value_is_its_impedance_at_100_mhz() -> None:
    row = first_row(
        SUBSET,
        lambda r: (
            r["subcategory"] == "Ferrite Beads"
            and re.fullmatch(r"\d+Ω @ 100MHz", attributes(r).get("Impedance @ frequency", ""))
            is not None
        ),
    )
    record = record_from_cells(row)
    impedance = attributes(row)["Impedance @ frequency"].split("Ω")[0]
    assert (record.category, record.value) == ("ferrite_bead", float(impedance))


def test_an_oscillator_is_not_a_crystal() -> None:
    row = first_row(SUBSET, lambda r: r["subcategory"] == "Oscillators")
    assert record_from_cells(row).category == "other"


def test_a_pre_ordered_rlc_is_classified_by_its_description() -> None:
    row = first_row(
        SUBSET,
        lambda r: (
            r["subcategory"] == "Pre-ordered RLCs"
            and r["description"].endswith("Chip Resistor - Surface Mount ROHS")
        ),
    )
    record = record_from_cells(row)
    assert (record.category, record.subcategory, record.value) == (
        "resistor",
        "Chip Resistor - Surface Mount",
        float(row["resistance_ohm"]),
    )


def test_lcsc_code_stock_and_price_go_to_the_attributes() -> None:
    row = first_row(BASIC, lambda r: r["library_type"] == "Basic" and bool(attributes(r)))
    found = record_from_cells(row).attributes
    assert (
        found["lcsc"],
        found["stock"],
        found["library_type"],
        found["unit_price_usd"],
        found["parameters"],
    ) == (
        row["lcsc"],
        int(row["stock"]),
        "Basic",
        float(row["unit_price_usd"]),
        attributes(row),
    )


def test_the_subset_reports_its_one_bad_row_by_line() -> None:
    path = shared_file(SUBSET)
    with gzip.open(path, "rt", newline="") as stream:
        reader = csv.reader(stream)
        mpn_column = next(reader).index("mpn")
        expected = [
            (reader.line_num, f"part number {cells[mpn_column]!r} has no letters or digits")
            for cells in reader
            if not normalise_mpn(cells[mpn_column])
        ]
    found = []
    for row in read_rows(InputFiles(path, [path])):
        problem = row.problem if row.record is None else record_problem(row.record)
        if problem is not None:
            found.append((row.line, problem))
    assert found == expected


async def test_importing_the_basic_parts_list_writes_each_part_once(empty_db: Database) -> None:
    path = shared_file(BASIC)
    keys = {
        (normalise_mpn(row["mpn"]), canonical_manufacturer(row["manufacturer"]))
        for row in rows_of(path)
    }
    report = await import_catalogue(empty_db.sessions, path)
    async with empty_db.session() as session:
        stored = await session.scalar(select(func.count()).select_from(Part))
    assert (report.format, report.parts_written, stored, report.bad_rows) == (
        "jlcparts-csv",
        len(keys),
        len(keys),
        [],
    )


async def test_an_imported_mlcc_is_stored_with_its_fields(empty_db: Database) -> None:
    path = shared_file(BASIC)
    row = first_row(
        BASIC,
        lambda r: (
            r["manufacturer"] == "FH(Guangdong Fenghua Advanced Tech)"
            and r["subcategory"].startswith("Multilayer Ceramic")
        ),
    )
    await import_catalogue(empty_db.sessions, path)
    async with empty_db.session() as session:
        part = await session.scalar(select(Part).where(Part.mpn == row["mpn"].upper()))
        alias_owner = await session.scalar(
            select(Manufacturer.name)
            .join(ManufacturerAlias)
            .where(ManufacturerAlias.alias == "FH(Guangdong Fenghua Advanced Tech)")
        )
    assert part is not None
    assert (
        part.category,
        part.manufacturer.name,
        part.value,
        part.package,
        part.source,
        part.attributes["lcsc"],
        alias_owner,
    ) == (
        "capacitor",
        "FENGHUA",
        float(row["capacitance_f"]),
        row["package"],
        "jlcparts",
        row["lcsc"],
        "FENGHUA",
    )

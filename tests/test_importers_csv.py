"""The project's own CSV format: what users write ("10k", "100nF", "1%") is what gets stored."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from bot.database import Database
from catalogue.importers import import_catalogue
from catalogue.importers.simple_csv import record_from_cells
from catalogue.models import Part
from catalogue.store import PartRecord


def test_a_resistor_row_with_shorthand_values_is_stored_in_si_units() -> None:
    cells = {
        "mpn": "RC0603FR-0710KL",
        "manufacturer": "Yageo",
        "category": "resistor",
        "package": "0603",
        "value": "10k",
        "tolerance": "1%",
        "power": "1/10W",
    }
    assert record_from_cells(cells) == PartRecord(
        mpn="RC0603FR-0710KL",
        manufacturer="Yageo",
        category="resistor",
        source="csv",
        package="0603",
        value=10000.0,
        tolerance=0.01,
        power=0.1,
    )


def test_the_category_follows_from_the_values_unit() -> None:
    cells = {"mpn": "CL10B104KB8NNNC", "manufacturer": "Samsung", "value": "100nF"}
    record = record_from_cells(cells)
    assert (record.category, record.value) == ("capacitor", 1e-07)


def test_a_capacitor_keeps_voltage_and_dielectric() -> None:
    cells = {
        "mpn": "GRM1555C1H101JA01D",
        "manufacturer": "Murata",
        "category": "capacitor",
        "value": "100p",
        "voltage": "50",
        "dielectric": "NP0",
    }
    record = record_from_cells(cells)
    assert (record.value, record.voltage, record.dielectric) == (1e-10, 50.0, "C0G")


def test_a_value_of_a_category_without_values_is_kept_as_an_attribute() -> None:
    cells = {"mpn": "LTST-C190KRKT", "manufacturer": "Lite-On", "category": "led", "value": "red"}
    record = record_from_cells(cells)
    assert (record.value, record.attributes) == (None, {"value": "red"})


def test_unknown_columns_are_kept_as_attributes() -> None:
    cells = {"mpn": "NE555DR", "manufacturer": "TI", "stock": "2500", "bin": "A4"}
    assert record_from_cells(cells).attributes == {"stock": "2500", "bin": "A4"}


async def test_bad_rows_are_reported_by_line_and_good_rows_still_import(
    empty_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "stock.csv"
    path.write_text(
        "mpn,manufacturer,category,value,description\n"
        "RC0603FR-0710KL,Yageo,resistor,10k,\n"
        ',Yageo,resistor,4k7,"no part number"\n'
        'CL10B104KB8NNNC,Samsung,capacitor,100nF,"two-line\ndescription"\n'
        "ABC,Acme,,10k,\n"
        "XYZ,Acme,resistor,100nF,\n"
        "LM358,TI,amplifier,,\n"
        "1N4148W,,diode,,\n"
        "BAT54S,Nexperia,diode\n"
        "BSS138,onsemi,transistor,,\n",
        encoding="utf-8",
    )
    report = await import_catalogue(empty_db.sessions, path)
    async with empty_db.session() as session:
        mpns = sorted((await session.scalars(select(Part.mpn))).all())
    assert mpns == ["BSS138", "CL10B104KB8NNNC", "RC0603FR-0710KL"]
    assert report.bad_rows == [
        (3, "mpn is empty"),
        (
            6,
            "value '10k' has no unit to tell the category by; "
            "add a category column or a unit (10kΩ, 100nF)",
        ),
        (7, "value '100nF' is not a resistance"),
        (
            8,
            "unknown category 'amplifier'; use one of: resistor, capacitor, inductor, "
            "ferrite_bead, diode, led, crystal, transistor, ic, connector, fuse, other",
        ),
        (9, "manufacturer is empty"),
        (10, "3 columns where the header has 5"),
    ]


async def test_a_semicolon_separated_file_with_upper_case_headers_imports(
    empty_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "stock.csv"
    path.write_text("MPN;Manufacturer;Value\nGRM188R71H104KA93D;村田;0,1uF\n", encoding="utf-8")
    await import_catalogue(empty_db.sessions, path)
    async with empty_db.session() as session:
        part = await session.scalar(select(Part))
    assert part is not None
    assert (part.mpn, part.manufacturer.name, part.category, part.value) == (
        "GRM188R71H104KA93D",
        "MURATA",
        "capacitor",
        1e-07,
    )

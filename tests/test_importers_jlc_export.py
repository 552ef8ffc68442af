"""JLCPCB's downloadable parts list: values from the description, prices as quantity breaks.

Rows quoted here come from jlcparts' MIT-licensed test file (testParts.csv).
"""

from __future__ import annotations

from pathlib import Path

from conftest import shared_file
from sqlalchemy import func, select

from bot.database import Database
from catalogue.importers import import_catalogue
from catalogue.importers.jlc_export import record_from_cells
from catalogue.models import Part
from catalogue.store import PartRecord

EXPORT = "catalogue/jlcparts_testParts_jlc-export-format.csv"
HEADER = (
    "LCSC Part;First Category;Second Category;MFR.Part;Package;Solder Joint;Manufacturer;"
    "Library Type;Description;Datasheet;Price;Stock"
)
RESISTOR_ARRAY = (
    "C25725;Resistors;Resistor Networks & Arrays;4D02WGJ0103TCE;0402_x4;8;Uniroyal Elec;Basic;"
    "Resistor Networks & Arrays 10KOhms ±5% 1/16W 0402_x4 RoHS;"
    "https://datasheet.lcsc.com/szlcsc/Uniroyal-Elec-4D02WGJ0103TCE_C25725.pdf;"
    "1-199:0.005210145,200-:0.001866667;67586"
)


def cells_of(line: str) -> dict[str, str]:
    return dict(zip(HEADER.split(";"), line.split(";"), strict=True))


def test_a_resistor_array_row_reads_its_values_from_the_description() -> None:
    assert record_from_cells(cells_of(RESISTOR_ARRAY)) == PartRecord(
        mpn="4D02WGJ0103TCE",
        manufacturer="Uniroyal Elec",
        category="resistor",
        source="jlc-export",
        subcategory="Resistor Networks & Arrays",
        package="0402",
        value=10000.0,
        tolerance=0.05,
        power=0.0625,
        description="Resistor Networks & Arrays 10KOhms ±5% 1/16W 0402_x4 RoHS",
        datasheet="https://datasheet.lcsc.com/szlcsc/Uniroyal-Elec-4D02WGJ0103TCE_C25725.pdf",
        attributes={
            "lcsc": "C25725",
            "library_type": "Basic",
            "solder_joints": 8,
            "stock": 67586,
            "jlc_category": "Resistors",
            "jlc_subcategory": "Resistor Networks & Arrays",
            "package_text": "0402_x4",
            "price_breaks": [
                {"min_quantity": 1, "max_quantity": 199, "unit_price_usd": 0.005210145},
                {"min_quantity": 200, "max_quantity": None, "unit_price_usd": 0.001866667},
            ],
            "unit_price_usd": 0.005210145,
        },
    )


def test_an_mlcc_row_gives_capacitance_and_voltage() -> None:
    line = (
        "C1558;Capacitors;Multilayer Ceramic Capacitors MLCC - SMD/SMT;0402CG2R0C500NT;0402;2;"
        "Guangdong Fenghua Advanced Tech;Basic;"
        "Multilayer Ceramic Capacitors MLCC - SMD/SMT 2pF 50V 0402 RoHS;"
        "https://datasheet.lcsc.com/szlcsc/Guangdong-Fenghua-Advanced-Tech-0402CG2R0C500NT_C1558.pdf;"
        "1-999:0.001739130,1000-:0.000543478;63891"
    )
    record = record_from_cells(cells_of(line))
    assert (record.category, record.value, record.voltage, record.package) == (
        "capacitor",
        2e-12,
        50.0,
        "0402",
    )


def test_an_inductor_whose_description_states_no_value_has_none() -> None:
    line = (
        "C32375;Inductors & Chokes & Transformers;Inductors (SMD);SDFL2012T220KTF;0805;2;Sunlord;"
        "Basic;Inductors (SMD) 0805 RoHS;"
        "https://datasheet.lcsc.com/szlcsc/Sunlord-SDFL2012T220KTF_C32375.pdf;"
        "1-199:0.026200000,200-:0.012500000;43999"
    )
    record = record_from_cells(cells_of(line))
    assert (record.category, record.value, record.package) == ("inductor", None, "0805")


async def test_the_whole_export_imports_every_row(empty_db: Database) -> None:
    report = await import_catalogue(empty_db.sessions, shared_file(EXPORT))
    async with empty_db.session() as session:
        stored = await session.scalar(select(func.count()).select_from(Part))
        fenghua = await session.scalar(select(Part).where(Part.mpn == "0402CG2R0C500NT"))
    assert fenghua is not None
    assert (report.rows_read, report.parts_written, stored, fenghua.manufacturer.name) == (
        22,
        22,
        22,
        "FENGHUA",
    )


async def test_a_row_with_a_malformed_price_is_a_bad_row(
    empty_db: Database, tmp_path: Path
) -> None:
    broken = RESISTOR_ARRAY.replace("1-199:0.005210145,200-:0.001866667", "ask us")
    path = tmp_path / "parts.csv"
    path.write_text(f"{HEADER}\n{broken}\n{RESISTOR_ARRAY.replace('C25725', 'C1')}\n")
    report = await import_catalogue(empty_db.sessions, path)
    assert (report.parts_written, report.bad_rows) == (
        1,
        [(2, "price 'ask us' is not quantity breaks like '1-199:0.0052,200-:0.0019'")],
    )

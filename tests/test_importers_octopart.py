"""Octopart's Common Parts Library: every MPN of a generic part carries its parameters.

Rows quoted here come from the CC BY-SA 4.0 CPL files (attribution: Octopart).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import shared_file
from sqlalchemy import func, select

from bot.database import Database
from catalogue.importers import import_catalogue
from catalogue.importers.octopart import record_for
from catalogue.models import Part
from catalogue.store import PartRecord

CPL = "catalogue/octopart_cpl"
CPL_FILE = """\
name: Capacitors
rows:
- cplid: CPL-CAP-C0G-0402-1PF-50V
  title: Capacitor 1 pF ±0.25pF 50 V 0402 C0G/NP0
  extravals:
    Capacitance: 1 pF
    Characteristic: C0G/NP0
    Size: "0402"
    Tolerance: ±0.25pF
    Voltage Rating (DC): 50 V
  parts:
  - manufacturer: Yageo
    mpn: CC0402CRNPO9BN1R0
  - manufacturer: Kemet
    mpn: ""
"""


def generic(cplid: str, title: str, **extravals: str) -> dict[str, Any]:
    return {"cplid": cplid, "title": title, "extravals": extravals}


def test_a_c0g_capacitor_gets_its_generic_parts_parameters() -> None:
    part = record_for(
        generic(
            "CPL-CAP-C0G-0402-1PF-50V",
            "Capacitor 1 pF ±0.25pF 50 V 0402 C0G/NP0",
            Capacitance="1 pF",
            Characteristic="C0G/NP0",
            Size="0402",
            Tolerance="±0.25pF",
            **{"Voltage Rating (DC)": "50 V"},
        ),
        {"manufacturer": "Yageo", "mpn": "CC0402CRNPO9BN1R0", "uid": "083dc3b2da2ed7fa"},
        "Capacitors",
    )
    assert part == PartRecord(
        mpn="CC0402CRNPO9BN1R0",
        manufacturer="Yageo",
        category="capacitor",
        source="octopart-cpl",
        subcategory="Capacitors",
        package="0402",
        value=1e-12,
        voltage=50.0,
        dielectric="C0G",
        description="Capacitor 1 pF ±0.25pF 50 V 0402 C0G/NP0",
        attributes={
            "cplid": "CPL-CAP-C0G-0402-1PF-50V",
            "cpl_title": "Capacitor 1 pF ±0.25pF 50 V 0402 C0G/NP0",
            "cpl_group": "Capacitors",
            "parameters": {
                "Capacitance": "1 pF",
                "Characteristic": "C0G/NP0",
                "Size": "0402",
                "Tolerance": "±0.25pF",
                "Voltage Rating (DC)": "50 V",
            },
            "octopart_uid": "083dc3b2da2ed7fa",
            "source_licence": "CC BY-SA 4.0",
            "source_attribution": "Octopart Common Parts Library (github.com/octopart/CPL-Data)",
        },
    )


def test_a_resistor_gets_value_tolerance_power_and_size() -> None:
    part = record_for(
        generic(
            "CPL-RES-0603-10K-0.1W",
            "Resistor 10 kΩ ±1% 0603 100 mW",
            Resistance="10 kΩ",
            **{"Resistance Tolerance": "±1%", "Power Rating": "100 mW", "Size": "0603"},
        ),
        {"manufacturer": "Yageo", "mpn": "RC0603FR-0710KL"},
    )
    assert (part.category, part.value, part.tolerance, part.power, part.package) == (
        "resistor",
        10000.0,
        0.01,
        0.1,
        "0603",
    )


def test_a_ferrite_bead_takes_its_impedance_from_the_title() -> None:
    part = record_for(
        generic(
            "CPL-IND-FER-120OHM-0.5A",
            "Ferrite Bead 120 Ω 0.5A",
            **{"Max DC Current": "0.5 A", "Size": "0603", "Inductance": "–"},
        ),
        {"manufacturer": "Murata", "mpn": "BLM18AG121SN1D"},
    )
    assert (part.category, part.value, part.current, part.package) == (
        "ferrite_bead",
        120.0,
        0.5,
        "0603",
    )


def test_a_crystal_value_is_the_frequency_in_its_title() -> None:
    part = record_for(
        generic("CPL-OSC-CRY-8MHZ-18PF", "8 MHz Crystal", Package="SMD 5 mm x 3.2 mm"),
        {"manufacturer": "Abracon", "mpn": "ABM3B-8.000MHZ-B2-T"},
    )
    assert (part.category, part.value, part.package) == ("crystal", 8e6, "SMD 5 mm x 3.2 mm")


def test_a_ceramic_resonator_is_not_a_crystal() -> None:
    part = record_for(
        generic("CPL-OSC-CER-8MHz-33PF", "8 MHz Ceramic Resonator", Package="SMD"),
        {"manufacturer": "Murata", "mpn": "CSTCE8M00G55-R0"},
    )
    assert (part.category, part.value) == ("other", None)


def test_a_diode_gets_its_reverse_voltage_and_current() -> None:
    part = record_for(
        generic(
            "CPL-DIO-1N4148-SOD323",
            "1N4148 – General Purpose Fast Switching",
            **{
                "Forward Voltage Drop": "1 V @10mA",
                "Maximum Forward Continuous Current": "300 mA",
                "Package": "SOD-323",
                "Peak Repetitive Reverse Voltage": "75 V",
            },
        ),
        {"manufacturer": "Diodes Incorporated", "mpn": "1N4148WS-7-F"},
    )
    assert (part.category, part.voltage, part.current, part.package) == (
        "diode",
        75.0,
        0.3,
        "SOD-323",
    )


@pytest.mark.parametrize(
    ("cplid", "title", "category"),
    [
        ("CPL-MCU-ATMEGA328P-TQFP32", "ATmega328", "ic"),
        ("CPL-TRN-NFET-SOT23", "Logic Level FET", "transistor"),
        ("CPL-HDR-MALE-1ROW-40POS", 'Male Header 40 Position 1 Row (0.1")', "connector"),
        ("CPL-FUS-1812-PTC-0.5A", "Resettable PTC 500 mA", "fuse"),
        ("CPL-INT-GPS-BREAKOUT", "GPS Breakout Board", "other"),
        ("CPL-TLS-BREADBOARD-HALF", "Solderless Breadboard Half Size", "other"),
    ],
)
def test_the_cplid_family_decides_the_category(cplid: str, title: str, category: str) -> None:
    assert (
        record_for(generic(cplid, title), {"mpn": "X1", "manufacturer": "Y"}).category == category
    )


async def test_a_cpl_file_imports_its_parts_and_reports_an_mpn_less_one(
    empty_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "Capacitors.yaml"
    path.write_text(CPL_FILE, encoding="utf-8")
    report = await import_catalogue(empty_db.sessions, path)
    async with empty_db.session() as session:
        part = await session.scalar(select(Part))
    assert part is not None
    assert (report.format, report.parts_written, report.bad_rows) == (
        "octopart-cpl",
        1,
        [(14, "Capacitors.yaml: part of CPL-CAP-C0G-0402-1PF-50V has no mpn")],
    )
    assert (part.mpn, part.manufacturer.name, part.attributes["source_licence"]) == (
        "CC0402CRNPO9BN1R0",
        "YAGEO",
        "CC BY-SA 4.0",
    )


async def test_a_broken_yaml_file_in_a_directory_does_not_stop_the_others(
    empty_db: Database, tmp_path: Path
) -> None:
    (tmp_path / "a.yaml").write_text(CPL_FILE, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("rows:\n- cplid: [unclosed\n", encoding="utf-8")
    report = await import_catalogue(empty_db.sessions, tmp_path)
    assert (report.parts_written, [line for line, _ in report.bad_rows]) == (1, [14, 3])
    assert report.bad_rows[1][1].startswith("b.yaml: not valid YAML")


async def test_the_whole_library_imports_and_reports_its_mpn_less_parts(
    empty_db: Database,
) -> None:
    report = await import_catalogue(empty_db.sessions, shared_file(CPL))
    async with empty_db.session() as session:
        stored = await session.scalar(select(func.count()).select_from(Part))
    assert (report.rows_read, report.parts_written, stored, len(report.bad_rows)) == (
        794,
        748,
        748,
        18,
    )
    assert report.bad_rows[0] == (
        120,
        "CPL for Prototyping/Batteries.yaml: part of CPL-BAT-4AA has no mpn",
    )

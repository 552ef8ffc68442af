"""The built-in seed catalogue: what it generates, and how it loads into a database."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from bot.database import Database
from catalogue.categories import Category
from catalogue.manufacturers import canonical_manufacturer
from catalogue.models import CatalogueSource, Part
from catalogue.packages import normalise_package
from catalogue.partnumbers import normalise_mpn
from catalogue.seed import SEED_VERSION, ensure_seeded, seed_records, version_key
from catalogue.store import PartRecord, record_source, upsert_parts

SEED = list(seed_records())
BY_MPN = {part.mpn: part for part in SEED}


def part_numbers(manufacturer: str, package: str, value: float, tolerance: float) -> list[str]:
    return [
        p.mpn
        for p in SEED
        if (p.manufacturer, p.package, p.value, p.tolerance)
        == (manufacturer, package, value, tolerance)
    ]


def mlcc_numbers(
    manufacturer: str, package: str, farads: float, volts: float, dielectric: str
) -> list[str]:
    return [
        p.mpn
        for p in SEED
        if p.category == Category.CAPACITOR
        and (p.manufacturer, p.package, p.value, p.voltage, p.dielectric)
        == (manufacturer, package, farads, volts, dielectric)
    ]


# --- loading -----------------------------------------------------------------------------


async def test_a_fresh_database_is_seeded_once(empty_db: Database) -> None:
    distinct = {(normalise_mpn(p.mpn), canonical_manufacturer(p.manufacturer)) for p in SEED}
    async with empty_db.session() as session:
        first = await ensure_seeded(session)
    async with empty_db.session() as session:
        second = await ensure_seeded(session)
        stored = await session.scalar(select(func.count()).select_from(Part))
        source = await session.get(CatalogueSource, "seed")
    assert source is not None
    assert (first, second, stored, source.version, source.rows) == (
        len(distinct),
        0,
        len(distinct),
        SEED_VERSION,
        len(distinct),
    )


async def test_open_database_seeds_so_a_part_number_is_found(seeded_db: Database) -> None:
    async with seeded_db.session() as session:
        part = await session.scalar(select(Part).where(Part.mpn_normalised == "RC0603FR0710KL"))
    assert part is not None
    assert (part.manufacturer.name, part.package, part.value, part.source) == (
        "YAGEO",
        "0603",
        10000.0,
        "seed",
    )


async def test_a_newer_seed_version_keeps_imported_rows_and_drops_stale_seed_rows(
    empty_db: Database,
) -> None:
    imported = replace(BY_MPN["RC0603FR-0710KL"], source="jlcparts", datasheet="https://x/ds.pdf")
    # A part an older seed generated and this one does not (a 13-inch reel variant).
    stale = PartRecord("RC0603FR-1310KL", manufacturer="YAGEO", category="resistor", source="seed")
    async with empty_db.session() as session:
        await upsert_parts(session, [imported, stale])
        await record_source(session, "seed", "0.1", 2)
    async with empty_db.session() as session:
        written = await ensure_seeded(session)
    async with empty_db.session() as session:
        kept = await session.scalar(select(Part).where(Part.mpn == "RC0603FR-0710KL"))
        gone = await session.scalar(select(Part).where(Part.mpn == "RC0603FR-1310KL"))
        version = await session.scalar(
            select(CatalogueSource.version).where(CatalogueSource.name == "seed")
        )
    assert kept is not None
    assert (written, kept.source, kept.datasheet, gone, version) == (
        len(SEED) - 1,
        "jlcparts",
        "https://x/ds.pdf",
        None,
        SEED_VERSION,
    )


async def test_a_database_seeded_by_a_newer_release_is_left_alone(empty_db: Database) -> None:
    async with empty_db.session() as session:
        await record_source(session, "seed", "999.0", 0)
    async with empty_db.session() as session:
        written = await ensure_seeded(session)
        stored = await session.scalar(select(func.count()).select_from(Part))
    assert (written, stored) == (0, 0)


def test_versions_compare_as_numbers() -> None:
    assert version_key("1.10") > version_key("1.9") > version_key("not-a-version")


# --- what the seed holds -----------------------------------------------------------------


def test_no_part_is_generated_twice() -> None:
    keys = [(normalise_mpn(p.mpn), canonical_manufacturer(p.manufacturer)) for p in SEED]
    assert len(keys) == len(set(keys))


def test_every_row_is_marked_as_seed_with_a_known_category() -> None:
    assert {p.source for p in SEED} == {"seed"}
    assert {p.category for p in SEED} <= set(Category)


def test_manufacturers_are_written_in_their_canonical_form() -> None:
    assert sorted(m for m in {p.manufacturer for p in SEED} if canonical_manufacturer(m) != m) == []


def test_packages_are_spelled_as_the_catalogue_normalises_them() -> None:
    wrong = sorted(
        (p.mpn, p.package)
        for p in SEED
        if p.package is not None
        and normalise_package(p.package, p.category) not in (p.package, None)
    )
    assert wrong == []


def test_each_resistor_family_covers_e96_and_e24_from_1_ohm_to_10_megohm() -> None:
    counts: dict[str, int] = defaultdict(int)
    for p in SEED:
        if p.category == Category.RESISTOR:
            counts[p.manufacturer] += 1
    # Per size: 1% at 114 values a decade (E96 and the E24 values E96 lacks) for 1 Ω..9.76 MΩ
    # plus 10 MΩ, 5% at 24 values a decade plus 10 MΩ, and the jumper.
    per_size = (114 * 7 + 1) + (24 * 7 + 1) + 1
    assert (counts["YAGEO"], counts["UNI-ROYAL"], counts["FENGHUA"]) == (
        8 * per_size,
        8 * per_size,
        4 * per_size,
    )


# --- part numbers follow each maker's ordering code --------------------------------------


@pytest.mark.parametrize(
    ("manufacturer", "package", "ohms", "tolerance", "expected"),
    [
        ("YAGEO", "0603", 10_000.0, 0.01, "RC0603FR-0710KL"),
        ("YAGEO", "0603", 10_000.0, 0.05, "RC0603JR-0710KL"),
        ("YAGEO", "0402", 4_700.0, 0.05, "RC0402JR-074K7L"),
        ("YAGEO", "0603", 49.9, 0.01, "RC0603FR-0749R9L"),
        ("YAGEO", "0805", 1_020.0, 0.01, "RC0805FR-071K02L"),
        ("YAGEO", "0201", 1.0, 0.01, "RC0201FR-071RL"),
        ("YAGEO", "1206", 10_000_000.0, 0.01, "RC1206FR-0710ML"),
        ("YAGEO", "2512", 1_000_000.0, 0.01, "RC2512FK-071ML"),
        ("YAGEO", "0603", 0.0, 0.05, "RC0603JR-070RL"),
        ("UNI-ROYAL", "0603", 10_000.0, 0.01, "0603WAF1002T5E"),
        ("UNI-ROYAL", "0603", 10_000.0, 0.05, "0603WAJ0103T5E"),
        ("UNI-ROYAL", "0402", 4_700.0, 0.05, "0402WGJ0472TCE"),
        ("UNI-ROYAL", "0402", 1.0, 0.01, "0402WGF100KTCE"),
        ("UNI-ROYAL", "0201", 10.0, 0.01, "0201WMF100JTEE"),
        ("UNI-ROYAL", "0201", 1.0, 0.05, "0201WMJ010JTEE"),
        ("UNI-ROYAL", "0805", 680_000.0, 0.01, "0805W8F6803T5E"),
        ("UNI-ROYAL", "1206", 0.0, 0.05, "1206W4J0000T5E"),
        ("UNI-ROYAL", "2010", 120.0, 0.01, "201007F1200T4E"),
        ("UNI-ROYAL", "2512", 1.0, 0.01, "25121WF100KT4E"),
        ("FENGHUA", "0603", 10_000.0, 0.01, "RS-03K1002FT"),
        ("FENGHUA", "0603", 4_700.0, 0.05, "RS-03K472JT"),
        ("FENGHUA", "0402", 40.2, 0.01, "RC-02K40R2FT"),
        ("FENGHUA", "0805", 4.99, 0.01, "RS-05L4R99FT"),
        ("FENGHUA", "0402", 10_000_000.0, 0.01, "RC-02U1005FT"),
        ("FENGHUA", "1206", 1_000_000.0, 0.05, "RS-06K105JT"),
        ("FENGHUA", "0603", 0.0, 0.05, "RS-03000JT"),
    ],
)
def test_resistor_part_numbers(
    manufacturer: str, package: str, ohms: float, tolerance: float, expected: str
) -> None:
    assert part_numbers(manufacturer, package, ohms, tolerance) == [expected]


@pytest.mark.parametrize(
    ("manufacturer", "package", "farads", "volts", "dielectric", "expected"),
    [
        ("SAMSUNG", "0603", 1e-07, 50.0, "X7R", "CL10B104KB8NNNC"),
        ("SAMSUNG", "0402", 1e-11, 50.0, "C0G", "CL05C100JB5NNNC"),
        ("SAMSUNG", "0402", 1e-06, 25.0, "X5R", "CL05A105KA5NQNC"),
        ("SAMSUNG", "0805", 1e-05, 25.0, "X5R", "CL21A106KAYNNNE"),
        ("YAGEO", "0603", 1e-07, 50.0, "X7R", "CC0603KRX7R9BB104"),
        ("YAGEO", "0402", 1e-11, 50.0, "C0G", "CC0402JRNPO9BN100"),
        ("YAGEO", "0805", 1e-05, 10.0, "X5R", "CC0805KKX5R6BB106"),
        ("MURATA", "0603", 1e-07, 50.0, "X7R", "GRM188R71H104KA93D"),
        ("MURATA", "0402", 1e-10, 50.0, "C0G", "GRM1555C1H101JA01D"),
        ("MURATA", "0805", 1e-05, 25.0, "X5R", "GRM21BR61E106KA73L"),
    ],
)
def test_mlcc_part_numbers(
    manufacturer: str, package: str, farads: float, volts: float, dielectric: str, expected: str
) -> None:
    assert mlcc_numbers(manufacturer, package, farads, volts, dielectric) == [expected]


# --- the fields of generated and listed parts --------------------------------------------


def fields(mpn: str) -> dict[str, object]:
    part = BY_MPN[mpn]
    return {
        key: value
        for key, value in {
            "manufacturer": part.manufacturer,
            "category": part.category,
            "package": part.package,
            "value": part.value,
            "tolerance": part.tolerance,
            "voltage": part.voltage,
            "power": part.power,
            "current": part.current,
            "dielectric": part.dielectric,
            "description": part.description,
        }.items()
        if value is not None
    }


def test_a_chip_resistor_carries_its_ratings() -> None:
    assert fields("RC0603FR-0710KL") == {
        "manufacturer": "YAGEO",
        "category": "resistor",
        "package": "0603",
        "value": 10000.0,
        "tolerance": 0.01,
        "voltage": 75.0,
        "power": 0.1,
        "description": "10kΩ ±1% 0.1W 0603 thick film chip resistor",
    }


def test_a_jumper_is_zero_ohms() -> None:
    assert fields("0402WGJ0000TCE")["value"] == 0.0
    assert (
        fields("0402WGJ0000TCE")["description"] == "0Ω jumper 0.0625W 0402 thick film chip resistor"
    )


def test_an_mlcc_carries_value_tolerance_voltage_and_dielectric() -> None:
    assert fields("CL10B104KB8NNNC") == {
        "manufacturer": "SAMSUNG",
        "category": "capacitor",
        "package": "0603",
        "value": 1e-07,
        "tolerance": 0.1,
        "voltage": 50.0,
        "dielectric": "X7R",
        "description": "100nF ±10% 50V X7R 0603 MLCC",
    }


def test_an_np0_capacitor_is_filed_as_c0g() -> None:
    assert (fields("CC0603JRNPO9BN220")["dielectric"], fields("CC0603JRNPO9BN220")["value"]) == (
        "C0G",
        2.2e-11,
    )


def test_a_ferrite_bead_is_valued_by_its_impedance_at_100mhz() -> None:
    assert fields("BLM18PG221SN1D") == {
        "manufacturer": "MURATA",
        "category": "ferrite_bead",
        "package": "0603",
        "value": 220.0,
        "current": 1.4,
        "description": "220Ω@100MHz 1.4A 0603 ferrite bead",
    }


def test_a_crystal_carries_frequency_and_tolerance() -> None:
    assert fields("X322512MSB4SI") == {
        "manufacturer": "YXC",
        "category": "crystal",
        "package": "3225",
        "value": 12000000.0,
        "tolerance": 1e-05,
        "description": "12MHz ±10ppm 20pF crystal, 3225",
    }


def test_a_mosfet_carries_its_voltage_and_current() -> None:
    assert fields("AO3400A") == {
        "manufacturer": "AOS",
        "category": "transistor",
        "package": "SOT-23",
        "voltage": 30.0,
        "current": 5.7,
        "description": "30V 5.7A logic-level N-MOSFET, SOT-23",
    }


def test_an_ic_carries_its_package() -> None:
    assert fields("MCP2515-I/SO") == {
        "manufacturer": "MICROCHIP",
        "category": "ic",
        "package": "SOIC-18",
        "description": "SPI CAN controller, SOIC-18",
    }


def test_a_module_has_no_package() -> None:
    assert "package" not in fields("ESP32-WROOM-32E-N4")

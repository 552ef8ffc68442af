"""JLC's duplicated category trees land on the catalogue's twelve categories."""

from __future__ import annotations

import pytest

from catalogue.categories import Category
from catalogue.importers.jlc_categories import jlc_category, subcategory_from_description


@pytest.mark.parametrize(
    ("category", "subcategory", "expected"),
    [
        ("Transistors", "MOSFETs", Category.TRANSISTOR),
        ("Transistors/Thyristors", "MOSFETs", Category.TRANSISTOR),
        ("Triode/MOS Tube/Transistor", "MOSFETs", Category.TRANSISTOR),
        ("Triode/MOS Tube/Transistor", "Darlington Transistor Arrays", Category.IC),
        ("Filters/EMI Optimization", "Ferrite Beads", Category.FERRITE_BEAD),
        ("Bead/Filter/EMI Optimization", "Common Mode Filters", Category.OTHER),
        ("Crystals, Oscillators, Resonators", "Crystals", Category.CRYSTAL),
        ("Crystals, Oscillators, Resonators", "Crystal Oscillators", Category.OTHER),
        ("Crystal Oscillator/Oscillator/Resonator", "Ceramic Resonators", Category.OTHER),
        ("Diodes", "Zener Diodes", Category.DIODE),
        ("Diodes", "Schottky Barrier Diodes (SBD)", Category.DIODE),
        ("Circuit Protection", "ESD And Surge Protection (TVS/ESD)", Category.DIODE),
        ("Circuit Protection", "Varistors", Category.OTHER),
        ("Circuit Protection", "Resettable Fuses", Category.FUSE),
        ("TVS/Fuse/Board Level Protection", "Fuse Holders", Category.OTHER),
        ("Optoelectronics", "Light Emitting Diodes (LED)", Category.LED),
        ("Optoelectronics", "Phototransistors", Category.OTHER),
        ("Optoelectronics", "Optocouplers - Phototransistor Output", Category.IC),
        ("Display Modules / LED Drivers / Display Drivers", "LED Drivers", Category.IC),
        ("Display Modules / LED Drivers / Display Drivers", "Led Segment Display", Category.OTHER),
        ("Capacitors", "Multilayer Ceramic Capacitors MLCC - SMD/SMT", Category.CAPACITOR),
        (
            "Capacitors",
            "Aluminum Electrolytic Capacitors (Can - Screw Terminals)",
            Category.CAPACITOR,
        ),
        ("Capacitors", "Trimmers, Variable Capacitors", Category.OTHER),
        ("Resistors", "Chip Resistor - Surface Mount", Category.RESISTOR),
        ("Resistors", "NTC Thermistors", Category.OTHER),
        ("Resistors", "Variable Resistors/Potentiometers", Category.OTHER),
        ("Inductors/Coils/Transformers", "Power Inductors", Category.INDUCTOR),
        ("Inductors/Coils/Transformers", "RJ45 Transformer", Category.OTHER),
        ("Connectors", "Wire To Board / Wire To Wire Connector", Category.CONNECTOR),
        ("Connectors", "IC / Transistor Socket", Category.CONNECTOR),
        ("Connectors", "FFC Cable (Flexible Flat Cable)", Category.OTHER),
        ("Power Management ICs", "Linear Voltage Regulators (LDO)", Category.IC),
        ("Power Modules", "Isolated Power Modules", Category.OTHER),
        ("Embedded Processors & Controllers", "Light Emitting Diodes (LED)", Category.LED),
        ("Hardware Fasteners", "TapeMagneticBeads", Category.OTHER),
        ("Switches", "Tactile Switches", Category.OTHER),
    ],
)
def test_jlc_pair_maps_to_our_category(category: str, subcategory: str, expected: Category) -> None:
    assert jlc_category(category, subcategory) is expected


def test_a_catch_all_subcategory_of_a_passive_tree_is_other() -> None:
    # "Pre-ordered RLCs" under Inductors holds resistors and capacitors as well.
    assert jlc_category("Inductors/Coils/Transformers", "Pre-ordered RLCs") is Category.OTHER


def test_a_catch_all_subcategory_of_an_ic_tree_is_an_ic() -> None:
    assert jlc_category("Embedded Processors & Controllers", "Pre-ordered MCUs") is Category.IC


def test_the_real_subcategory_is_the_description_after_the_package() -> None:
    text = "-55℃~+155℃ 10kΩ 62.5mW Thick Film Resistor ±1% 0402 Chip Resistor - Surface Mount ROHS"
    assert subcategory_from_description(text, "0402") == "Chip Resistor - Surface Mount"


def test_a_description_without_the_package_gives_no_subcategory() -> None:
    assert subcategory_from_description("100nF 50V X7R 0603 MLCC ROHS", "0402") is None

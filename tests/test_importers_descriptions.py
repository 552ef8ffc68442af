"""One-line descriptions and titles give up their parametric fields."""

from __future__ import annotations

from catalogue.categories import Category
from catalogue.importers.descriptions import DescribedFields, fields_from_text


def test_a_jlcpcb_resistor_description_gives_value_tolerance_and_power() -> None:
    text = "Resistor Networks & Arrays 10KOhms ±5% 1/16W 0402_x4 RoHS"
    assert fields_from_text(text, Category.RESISTOR) == DescribedFields(
        value=10000.0, tolerance=0.05, power=0.0625
    )


def test_an_octopart_title_with_spaced_units_is_read() -> None:
    text = "Capacitor 100 nF ±10% 50 V 0603 X7R"
    assert fields_from_text(text, Category.CAPACITOR) == DescribedFields(
        value=1e-07, tolerance=0.1, voltage=50.0, dielectric="X7R"
    )


def test_a_bead_takes_the_impedance_at_100_mhz_not_its_dc_resistance() -> None:
    text = "-55℃~+125℃ 1 0.9Ω 600Ω@100MHz 500mA ±25% 0402 Ferrite Beads ROHS"
    assert fields_from_text(text, Category.FERRITE_BEAD) == DescribedFields(
        value=600.0, tolerance=0.25, current=0.5
    )


def test_a_resistor_tcr_is_not_its_tolerance() -> None:
    text = "-55℃~+155℃ 10kΩ 62.5mW ±100ppm/℃ ±1% 0402 Chip Resistor - Surface Mount ROHS"
    assert fields_from_text(text, Category.RESISTOR).tolerance == 0.01


def test_a_crystal_reads_its_frequency_and_ppm_tolerance() -> None:
    text = "-40℃~+85℃ 20pF 16MHz 40Ω Crystal ±10ppm SMD3225-4P Crystals ROHS"
    found = fields_from_text(text, Category.CRYSTAL)
    assert (found.value, found.tolerance) == (16e6, 1e-05)

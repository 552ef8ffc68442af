"""Ratings, tolerances and dielectrics as distributors write them become SI floats and codes."""

from __future__ import annotations

import pytest

from catalogue.categories import Category
from catalogue.importers.quantities import category_value, dielectric, quantity, tolerance


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("100mA", "A", 0.1),
        ("1/16W", "W", 0.0625),
        ("62.5mW", "W", 0.0625),
        ("1kV", "V", 1000.0),
        ("AC:230V", "V", 230.0),
        ("250V/125V", "V", 250.0),
        ("20V, 60V", "V", 20.0),
        ("250V,125V", "V", 250.0),
        ("0,1uF", "F", 1e-07),
        ("-5.6V", "V", -5.6),
        ("10KOhms", "ohm", 10000.0),
        ("800mΩ", "ohm", 0.8),
        ("4.7 µF", "F", 4.7e-06),
        ("2.2 nH @ 100 MHz", "H", 2.2e-09),
        ("32.768kHz", "Hz", 32768.0),
    ],
)
def test_a_rating_is_read_in_si_units(text: str, unit: str, expected: float) -> None:
    assert quantity(text, unit) == expected


@pytest.mark.parametrize("text", ["2V~36V", "1.2 V to 37 V", "-", "50V"])
def test_ranges_placeholders_and_other_units_are_no_ampere_value(text: str) -> None:
    assert quantity(text, "A") is None


def test_a_bare_number_counts_only_when_allowed() -> None:
    assert (quantity("10k", "ohm"), quantity("10k", "ohm", bare=True)) == (None, 10000.0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("±1%", 0.01), ("0.2%", 0.002), ("-20%~+80%", 0.8), ("±20ppm", 2e-05), ("± 5 %", 0.05)],
)
def test_a_tolerance_is_a_fraction(text: str, expected: float) -> None:
    assert tolerance(text) == expected


@pytest.mark.parametrize("text", ["±0.25pF", "±0.5℃", "0.01", "-"])
def test_absolute_tolerances_and_bare_numbers_are_not_fractions(text: str) -> None:
    assert tolerance(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NP0", "C0G"),
        ("C0G/NP0", "C0G"),
        ("COG", "C0G"),
        ("x7r", "X7R"),
        ("Y5V", "Y5V"),
        ("B", None),
    ],
)
def test_dielectric_codes_are_normalised(text: str, expected: str | None) -> None:
    assert dielectric(text) == expected


def test_a_bead_impedance_counts_only_at_100_mhz() -> None:
    assert [
        category_value(Category.FERRITE_BEAD, text)
        for text in ("240Ω @ 100MHz", "1kΩ@100MHz", "600Ω @ 10MHz")
    ] == [240.0, 1000.0, None]


def test_a_crystal_value_is_its_frequency() -> None:
    assert category_value(Category.CRYSTAL, "8.000MHz") == 8e6

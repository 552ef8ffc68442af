"""Electrical values as written (`parse_value`) and float noise removal (`round_sig`)."""

from __future__ import annotations

from catalogue.units import parse_value, round_sig


def test_round_sig_makes_100_nanofarads_exactly_1e_minus_7() -> None:
    assert round_sig(100 * 1e-9) == 1e-07


def test_round_sig_makes_20_ppm_exactly_2e_minus_5() -> None:
    assert round_sig(20 * 1e-6) == 2e-05


def test_round_sig_of_zero() -> None:
    assert round_sig(0.0) == 0.0


def test_kilo_without_unit() -> None:
    assert parse_value("10k") == (10000.0, None)


def test_rkm_kilo() -> None:
    assert parse_value("4k7") == (4700.0, None)


def test_rkm_three_significant_digits() -> None:
    assert parse_value("49k9") == (49900.0, None)


def test_rkm_r_is_ohms() -> None:
    assert parse_value("2R2") == (2.2, "ohm")


def test_leading_r_is_a_fraction_of_an_ohm() -> None:
    assert parse_value("R47") == (0.47, "ohm")


def test_zero_ohm() -> None:
    assert parse_value("0R") == (0.0, "ohm")


def test_nanofarads() -> None:
    assert parse_value("100nF") == (1e-07, "F")


def test_microfarads_with_a_space() -> None:
    assert parse_value("0.1 uF") == (1e-07, "F")


def test_micro_sign() -> None:
    assert parse_value("47µF") == (4.7e-05, "F")


def test_decimal_comma() -> None:
    assert parse_value("4,7k") == (4700.0, None)


def test_kilo_ohm_sign() -> None:
    assert parse_value("10 kΩ") == (10000.0, "ohm")


def test_rkm_voltage() -> None:
    assert parse_value("6V3") == (6.3, "V")


def test_megahertz() -> None:
    assert parse_value("12MHz") == (12000000.0, "Hz")


def test_lower_case_megahertz_is_not_millihertz() -> None:
    assert parse_value("12mhz") == (12000000.0, "Hz")


def test_shouted_microfarads() -> None:
    assert parse_value("10UF") == (1e-05, "F")


def test_shouted_milliamps() -> None:
    assert parse_value("2000MA") == (2.0, "A")


def test_milliohms() -> None:
    assert parse_value("10mΩ") == (0.01, "ohm")


def test_prefix_as_decimal_point_in_cad_values() -> None:
    assert parse_value("u1") == (1e-07, None)


def test_diode_part_number_is_not_a_value() -> None:
    assert parse_value("1N4148") is None


def test_transistor_part_number_is_not_a_value() -> None:
    assert parse_value("2N7002") is None


def test_word_is_not_a_value() -> None:
    assert parse_value("abc") is None


def test_units_written_as_words() -> None:
    assert parse_value("2watt") == (2.0, "W")
    assert parse_value("25volts") == (25.0, "V")
    assert parse_value("3amp") == (3.0, "A")

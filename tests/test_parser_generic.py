"""Conventions 2, 5, 7, 8 and 9: generic requests, their category, value and specs."""

from __future__ import annotations

from typing import Any

from catalogue.parser import parse_request


def requests(text: str) -> list[dict[str, Any]]:
    return [request.to_dict() for request in parse_request(text)]


# Convention 2: a generic request always carries its category.


def test_resistor_from_a_bare_k_value() -> None:
    assert requests("500 pcs 0603 10k 1%") == [
        {
            "quantity": 500,
            "category": "resistor",
            "value": 10000.0,
            "package": "0603",
            "tolerance": 0.01,
        }
    ]


def test_capacitor_with_dielectric_voltage_and_reels() -> None:
    assert requests("need 3 reels of 100nF 0402 X7R 16V") == [
        {
            "reels": 3,
            "category": "capacitor",
            "value": 1e-07,
            "package": "0402",
            "voltage": 16.0,
            "dielectric": "X7R",
        }
    ]


def test_inductor_from_henry_unit() -> None:
    assert requests("10uH 0805 2000pcs") == [
        {"quantity": 2000, "category": "inductor", "value": 1e-05, "package": "0805"}
    ]


def test_inductor_rating_current() -> None:
    assert requests("inductor 4.7uH 3A 1000pcs") == [
        {"quantity": 1000, "category": "inductor", "value": 4.7e-06, "current": 3.0}
    ]


def test_ferrite_bead_value_is_its_impedance() -> None:
    assert requests("ferrite bead 600R 0603 5000") == [
        {"quantity": 5000, "category": "ferrite_bead", "value": 600.0, "package": "0603"}
    ]


def test_ferrite_bead_test_frequency_is_not_a_value() -> None:
    assert requests("FB 120ohm@100MHz 0805 2A x 2000") == [
        {
            "quantity": 2000,
            "category": "ferrite_bead",
            "value": 120.0,
            "package": "0805",
            "current": 2.0,
        }
    ]


def test_crystal_value_is_in_hertz_and_ppm_is_its_tolerance() -> None:
    assert requests("晶振 12MHz 3225 20ppm 2k") == [
        {
            "quantity": 2000,
            "category": "crystal",
            "value": 12000000.0,
            "package": "3225",
            "tolerance": 2e-05,
        }
    ]


def test_crystal_load_capacitance_is_not_its_value() -> None:
    assert requests("crystal 16MHz HC-49S 20pF 500pcs") == [
        {"quantity": 500, "category": "crystal", "value": 16000000.0, "package": "HC-49S"}
    ]


def test_crystal_from_frequency_alone() -> None:
    assert requests("32.768kHz crystal 2012 5k") == [
        {"quantity": 5000, "category": "crystal", "value": 32768.0, "package": "2012"}
    ]


def test_led_carries_no_value_and_k_is_its_quantity() -> None:
    assert requests("LED 0603 red 5k") == [{"quantity": 5000, "category": "led", "package": "0603"}]


def test_zener_diode_carries_voltage_but_no_value() -> None:
    assert requests("zener 5.1V SOD-123 3k") == [
        {"quantity": 3000, "category": "diode", "package": "SOD-123", "voltage": 5.1}
    ]


def test_transistor_with_ratings() -> None:
    assert requests("N-MOSFET 60V 0.3A SOT-23 x 3000") == [
        {
            "quantity": 3000,
            "category": "transistor",
            "package": "SOT-23",
            "voltage": 60.0,
            "current": 0.3,
        }
    ]


def test_fuse_current_in_milliamps() -> None:
    assert requests("fuse 1206 500mA 1000pcs") == [
        {"quantity": 1000, "category": "fuse", "package": "1206", "current": 0.5}
    ]


def test_connector_pin_count_is_not_a_quantity() -> None:
    assert requests("pin header 1x40 2.54mm 100pcs") == [{"quantity": 100, "category": "connector"}]


def test_category_alone_is_a_request() -> None:
    assert requests("Switching diode") == [{"category": "diode"}]


def test_misspelt_category_word_is_understood() -> None:
    assert requests("resitor 0603 10k 5000pcs") == [
        {"quantity": 5000, "category": "resistor", "value": 10000.0, "package": "0603"}
    ]


def test_misspelt_quantity_word_is_understood() -> None:
    assert requests("10k 0603 5000 peices") == [
        {"quantity": 5000, "category": "resistor", "value": 10000.0, "package": "0603"}
    ]


def test_distributor_style_description() -> None:
    assert requests("RES 1K OHM 1/16W 1% 0402") == [
        {
            "category": "resistor",
            "value": 1000.0,
            "package": "0402",
            "tolerance": 0.01,
            "power": 0.0625,
        }
    ]


def test_shouted_milliamps_are_not_megaamps() -> None:
    assert requests("FERRITE CHIP 220 OHM 2000MA 0805") == [
        {"category": "ferrite_bead", "value": 220.0, "package": "0805", "current": 2.0}
    ]


# Convention 5: tolerances.


def test_absolute_tolerance_of_a_capacitor_is_not_a_tolerance() -> None:
    assert requests("10pF ±0.25pF 0402 C0G 50V x 5000") == [
        {
            "quantity": 5000,
            "category": "capacitor",
            "value": 1e-11,
            "package": "0402",
            "voltage": 50.0,
            "dielectric": "C0G",
        }
    ]


def test_resistor_tcr_is_not_a_tolerance() -> None:
    assert requests("10k 0603 1% 100ppm 5000pcs") == [
        {
            "quantity": 5000,
            "category": "resistor",
            "value": 10000.0,
            "package": "0603",
            "tolerance": 0.01,
        }
    ]


def test_plus_minus_percent_is_a_tolerance() -> None:
    assert requests("1uF 0603 ±10% 25V x 4000") == [
        {
            "quantity": 4000,
            "category": "capacitor",
            "value": 1e-06,
            "package": "0603",
            "tolerance": 0.1,
            "voltage": 25.0,
        }
    ]


def test_f_class_is_one_percent() -> None:
    assert requests("贴片电阻 0402 100K F档 1万个") == [
        {
            "quantity": 10000,
            "category": "resistor",
            "value": 100000.0,
            "package": "0402",
            "tolerance": 0.01,
        }
    ]


# Convention 7: dielectrics.


def test_np0_is_written_c0g() -> None:
    assert requests("22pF 0402 NPO 50V x5000") == [
        {
            "quantity": 5000,
            "category": "capacitor",
            "value": 2.2e-11,
            "package": "0402",
            "voltage": 50.0,
            "dielectric": "C0G",
        }
    ]


def test_class_two_dielectric_is_upper_cased() -> None:
    assert requests("100n 0402 16v x7r 10000") == [
        {
            "quantity": 10000,
            "category": "capacitor",
            "value": 1e-07,
            "package": "0402",
            "voltage": 16.0,
            "dielectric": "X7R",
        }
    ]


def test_specs_joined_by_slashes() -> None:
    assert requests("100 nF/0402/X7R/16V x2000") == [
        {
            "quantity": 2000,
            "category": "capacitor",
            "value": 1e-07,
            "package": "0402",
            "voltage": 16.0,
            "dielectric": "X7R",
        }
    ]


# Convention 8: printed codes are values only on a clear capacitor or resistor.


def test_three_digit_code_on_a_capacitor() -> None:
    assert requests("0603 104 cap 50V x4000") == [
        {
            "quantity": 4000,
            "category": "capacitor",
            "value": 1e-07,
            "package": "0603",
            "voltage": 50.0,
        }
    ]


def test_three_digit_code_on_a_resistor() -> None:
    assert requests("resistor 103 0603 x 5000") == [
        {"quantity": 5000, "category": "resistor", "value": 10000.0, "package": "0603"}
    ]


def test_four_digit_code_on_a_resistor() -> None:
    assert requests("0603 1% 1002 resistor x 2000") == [
        {
            "quantity": 2000,
            "category": "resistor",
            "value": 10000.0,
            "package": "0603",
            "tolerance": 0.01,
        }
    ]


def test_code_after_chinese_marking_word() -> None:
    assert requests("电阻 0402 标字223 1万") == [
        {"quantity": 10000, "category": "resistor", "value": 22000.0, "package": "0402"}
    ]


def test_code_without_a_clear_category_is_no_value() -> None:
    assert requests("0603 104 5000pcs") == []


# Convention 9: RKM codes and decimal commas.


def test_rkm_kilo() -> None:
    assert requests("4k7 0603 5% 2000pcs") == [
        {
            "quantity": 2000,
            "category": "resistor",
            "value": 4700.0,
            "package": "0603",
            "tolerance": 0.05,
        }
    ]


def test_rkm_ohm_letter() -> None:
    assert requests("2R2 1206 1% x1000") == [
        {
            "quantity": 1000,
            "category": "resistor",
            "value": 2.2,
            "package": "1206",
            "tolerance": 0.01,
        }
    ]


def test_rkm_leading_r() -> None:
    assert requests("R47 2512 1% 1W x 500") == [
        {
            "quantity": 500,
            "category": "resistor",
            "value": 0.47,
            "package": "2512",
            "tolerance": 0.01,
            "power": 1.0,
        }
    ]


def test_zero_ohm() -> None:
    assert requests("0R 0402 x10000") == [
        {"quantity": 10000, "category": "resistor", "value": 0.0, "package": "0402"}
    ]


def test_rkm_nano_and_micro_capacitors() -> None:
    assert requests("4n7 0402 50V X7R 5k") == [
        {
            "quantity": 5000,
            "category": "capacitor",
            "value": 4.7e-09,
            "package": "0402",
            "voltage": 50.0,
            "dielectric": "X7R",
        }
    ]


def test_rkm_voltage() -> None:
    assert requests("10uF 0805 6V3 X5R 3000") == [
        {
            "quantity": 3000,
            "category": "capacitor",
            "value": 1e-05,
            "package": "0805",
            "voltage": 6.3,
            "dielectric": "X5R",
        }
    ]


def test_decimal_comma_in_a_value() -> None:
    assert requests("4,7k 0603 1% 5000") == [
        {
            "quantity": 5000,
            "category": "resistor",
            "value": 4700.0,
            "package": "0603",
            "tolerance": 0.01,
        }
    ]


def test_decimal_comma_in_microfarads() -> None:
    assert requests("0,1uF 0603 x 4000") == [
        {"quantity": 4000, "category": "capacitor", "value": 1e-07, "package": "0603"}
    ]


def test_milliohm_shunt() -> None:
    assert requests("4m7 shunt resistor 2512 1% x 100") == [
        {
            "quantity": 100,
            "category": "resistor",
            "value": 0.0047,
            "package": "2512",
            "tolerance": 0.01,
        }
    ]


def test_fractional_power_rating() -> None:
    assert requests("47R 1206 1/4W 5% 1000pcs") == [
        {
            "quantity": 1000,
            "category": "resistor",
            "value": 47.0,
            "package": "1206",
            "tolerance": 0.05,
            "power": 0.25,
        }
    ]


def test_r_code_on_an_inductor_is_microhenries() -> None:
    assert requests("inductor 4R7 0805 1000") == [
        {"quantity": 1000, "category": "inductor", "value": 4.7e-06, "package": "0805"}
    ]


def test_category_letter_glued_to_the_size_and_code_with_tolerance_letter() -> None:
    assert requests("C0603 104K 50V x 4000") == [
        {
            "quantity": 4000,
            "category": "capacitor",
            "value": 1e-07,
            "package": "0603",
            "tolerance": 0.1,
            "voltage": 50.0,
        }
    ]


def test_resistor_code_with_tolerance_letter() -> None:
    assert requests("电阻 0603 103J 5000") == [
        {
            "quantity": 5000,
            "category": "resistor",
            "value": 10000.0,
            "package": "0603",
            "tolerance": 0.05,
        }
    ]


def test_lcsc_stock_code_next_to_a_value_is_not_a_part_number() -> None:
    assert requests("C1525 100nF 0402 x 100") == [
        {"quantity": 100, "category": "capacitor", "value": 1e-07, "package": "0402"}
    ]


def test_crystal_body_size_and_ppm_make_a_bare_k_a_frequency() -> None:
    assert requests("32.768K 3215 20ppm x 3k") == [
        {
            "quantity": 3000,
            "category": "crystal",
            "value": 32768.0,
            "package": "3215",
            "tolerance": 2e-05,
        }
    ]


def test_crystal_megahertz_written_m_with_hc49_can() -> None:
    assert requests("16M HC-49S 1000") == [
        {"quantity": 1000, "category": "crystal", "value": 16000000.0, "package": "HC-49S"}
    ]


# Ratings and units written apart from their numbers.


def test_fraction_power_rating_with_a_space_before_w() -> None:
    assert requests("150 Ω 1206 1/4 W 1000 pcs") == [
        {"quantity": 1000, "category": "resistor", "value": 150.0, "package": "1206", "power": 0.25}
    ]


def test_ratings_written_as_words() -> None:
    assert requests("100uF 25 volt electrolytic x 200") == [
        {"quantity": 200, "category": "capacitor", "value": 0.0001, "voltage": 25.0}
    ]
    assert requests("1R 2512 2 watt x 100") == [
        {"quantity": 100, "category": "resistor", "value": 1.0, "package": "2512", "power": 2.0}
    ]


def test_a_capital_a_after_a_number_is_amps_not_one() -> None:
    assert requests("fuse 2 A 1206 500pcs") == [
        {"quantity": 500, "category": "fuse", "package": "1206", "current": 2.0}
    ]


def test_percent_written_as_a_word_is_a_tolerance() -> None:
    assert requests("10k 0603 1 percent 5000") == [
        {
            "quantity": 5000,
            "category": "resistor",
            "value": 10000.0,
            "package": "0603",
            "tolerance": 0.01,
        }
    ]


# Printed codes with a tolerance letter.


def test_code_with_k_and_a_voltage_is_a_capacitor_at_ten_percent() -> None:
    assert requests("104K 0603 50V 4000pcs") == [
        {
            "quantity": 4000,
            "category": "capacitor",
            "value": 1e-07,
            "package": "0603",
            "tolerance": 0.1,
            "voltage": 50.0,
        }
    ]


def test_code_with_j_and_a_voltage_is_a_capacitor_at_five_percent() -> None:
    assert requests("472J 0603 50V x 2000") == [
        {
            "quantity": 2000,
            "category": "capacitor",
            "value": 4.7e-09,
            "package": "0603",
            "tolerance": 0.05,
            "voltage": 50.0,
        }
    ]


def test_code_with_m_is_a_capacitor_as_no_resistor_is_sold_at_twenty_percent() -> None:
    assert requests("105M 0603 x 4000") == [
        {
            "quantity": 4000,
            "category": "capacitor",
            "value": 1e-06,
            "package": "0603",
            "tolerance": 0.2,
        }
    ]


def test_four_digit_code_with_f_is_a_one_percent_resistor() -> None:
    assert requests("1002F 0603 5000pcs") == [
        {
            "quantity": 5000,
            "category": "resistor",
            "value": 10000.0,
            "package": "0603",
            "tolerance": 0.01,
        }
    ]


def test_round_k_value_with_a_voltage_stays_a_resistor() -> None:
    assert requests("100K 0603 50V 5000") == [
        {
            "quantity": 5000,
            "category": "resistor",
            "value": 100000.0,
            "package": "0603",
            "voltage": 50.0,
        }
    ]


def test_zero_code_on_a_resistor_is_a_jumper() -> None:
    assert requests("resistor 0603 000 x 5000") == [
        {"quantity": 5000, "category": "resistor", "value": 0.0, "package": "0603"}
    ]


def test_four_digit_code_beside_a_k_count_is_the_value() -> None:
    assert requests("resistor 0402 4992 1% 10k") == [
        {
            "quantity": 10000,
            "category": "resistor",
            "value": 49900.0,
            "package": "0402",
            "tolerance": 0.01,
        }
    ]


def test_code_slashed_between_specs_is_read() -> None:
    assert requests("贴片电容0603/104/50V 2万个") == [
        {
            "quantity": 20000,
            "category": "capacitor",
            "value": 1e-07,
            "package": "0603",
            "voltage": 50.0,
        }
    ]


# Words that look like other things.


def test_sma_on_a_connector_is_its_family_not_a_package() -> None:
    assert requests("SMA female connector edge mount 200pcs") == [
        {"quantity": 200, "category": "connector"}
    ]


def test_connector_type_words_name_a_connector() -> None:
    assert requests("RJ45 jack with LEDs x200") == [{"quantity": 200, "category": "connector"}]
    assert requests("FPC 0.5mm 24P 100pcs") == [{"quantity": 100, "category": "connector"}]


def test_r_code_on_an_inductor_with_a_leading_r_is_microhenries() -> None:
    assert requests("贴片电感 R47 0805 1000个") == [
        {"quantity": 1000, "category": "inductor", "value": 4.7e-07, "package": "0805"}
    ]


def test_op_amp_in_two_words_is_an_ic() -> None:
    assert requests("op amp SOIC-8 1000") == [
        {"quantity": 1000, "category": "ic", "package": "SOIC-8"}
    ]


def test_a_real_word_near_a_category_word_is_not_that_category() -> None:
    assert requests("0402 indicator LED, blue x 100") == [
        {"quantity": 100, "category": "led", "package": "0402"}
    ]


def test_digits_with_a_semiconductor_package_and_a_count_are_the_part() -> None:
    assert requests("7805 TO-220 qty 200") == [
        {"quantity": 200, "mpn": "7805", "package": "TO-220"}
    ]


def test_trailing_plus_of_a_lead_free_part_number_is_kept() -> None:
    assert requests("pls quote MAX3232ESE+ 200pcs") == [{"quantity": 200, "mpn": "MAX3232ESE+"}]


def test_metric_size_written_with_m_is_a_package_not_megaohms() -> None:
    assert requests("100nF 1005M X7R x 10k") == [
        {
            "quantity": 10000,
            "category": "capacitor",
            "value": 1e-07,
            "package": "0402",
            "dielectric": "X7R",
        }
    ]


def test_each_colour_with_its_own_count_is_an_led_of_its_own() -> None:
    assert requests("LED 0603 red 100pcs green 200pcs") == [
        {"quantity": 100, "category": "led", "package": "0603"},
        {"quantity": 200, "category": "led", "package": "0603"},
    ]


def test_a_colour_after_an_led_without_one_is_that_leds_colour() -> None:
    assert requests("LED 0603, red") == [{"category": "led", "package": "0603"}]


def test_a_colour_alone_names_an_led() -> None:
    assert requests("red 0603 x 500") == [{"quantity": 500, "category": "led", "package": "0603"}]


def test_resistor_array_is_requested_by_its_value() -> None:
    assert requests("resistor network 4x10k 0603 x 1000") == [
        {"quantity": 1000, "category": "resistor", "value": 10000.0, "package": "0603"}
    ]

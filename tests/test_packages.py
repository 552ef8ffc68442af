"""Convention 6: package names in one spelling (`normalise_package`)."""

from __future__ import annotations

from catalogue.packages import chip_size, normalise_package


def test_sot23_gets_its_dash() -> None:
    assert normalise_package("SOT23") == "SOT-23"


def test_sot23_3_is_sot23() -> None:
    assert normalise_package("SOT-23-3") == "SOT-23"


def test_sot23_5_keeps_its_pin_count() -> None:
    assert normalise_package("sot-23-5") == "SOT-23-5"


def test_sop8_is_soic8() -> None:
    assert normalise_package("SOP8") == "SOIC-8"


def test_so8_is_soic8() -> None:
    assert normalise_package("SO-8") == "SOIC-8"


def test_soic8_gets_its_dash() -> None:
    assert normalise_package("SOIC8") == "SOIC-8"


def test_dip8_gets_its_dash() -> None:
    assert normalise_package("DIP8") == "DIP-8"


def test_pdip_is_dip() -> None:
    assert normalise_package("PDIP-8") == "DIP-8"


def test_lqfp48_gets_its_dash() -> None:
    assert normalise_package("LQFP48") == "LQFP-48"


def test_body_size_in_parentheses_is_dropped() -> None:
    assert normalise_package("LQFP-48(7x7)") == "LQFP-48"


def test_hc49_gets_its_dash() -> None:
    assert normalise_package("HC49") == "HC-49"


def test_hc49_slash_s() -> None:
    assert normalise_package("HC-49/S") == "HC-49S"


def test_chinese_49s_shorthand() -> None:
    assert normalise_package("49S") == "HC-49S"


def test_bluetooth_module_hc05_is_not_a_package() -> None:
    assert normalise_package("HC-05") is None


def test_to220_3_is_to220() -> None:
    assert normalise_package("TO220-3") == "TO-220"


def test_sma_is_a_package() -> None:
    assert normalise_package("SMA") == "SMA"


def test_to_alone_is_not_a_package() -> None:
    assert normalise_package("TO") is None


def test_kicad_chip_footprint() -> None:
    assert normalise_package("R_0603_1608Metric") == "0603"


def test_kicad_footprint_with_library() -> None:
    assert normalise_package("Capacitor_SMD:C_0603_1608Metric") == "0603"


def test_kicad_named_footprint() -> None:
    assert normalise_package("Package_SO:SOIC-8_3.9x4.9mm_P1.27mm") == "SOIC-8"


def test_kicad_diode_footprint() -> None:
    assert normalise_package("D_SMA_Handsoldering") == "SMA"


def test_ipc_land_pattern_name() -> None:
    assert normalise_package("mta1:CAPC1608X09L") == "0603"


def test_footprint_with_size_in_parentheses() -> None:
    assert normalise_package("mta1:ERJ2G(0402)_L") == "0402"


def test_unambiguous_metric_code_becomes_imperial() -> None:
    assert normalise_package("1608") == "0603"


def test_metric_1206() -> None:
    assert normalise_package("3216") == "1206"


def test_marked_metric_code_becomes_imperial() -> None:
    assert normalise_package("0603M") == "0201"


def test_crystal_body_stays_as_written() -> None:
    assert normalise_package("3225") == "3225"


def test_crystal_body_of_a_capacitor_is_a_1210_chip() -> None:
    assert normalise_package("3225", "capacitor") == "1210"


def test_led_size_stays_as_written() -> None:
    assert normalise_package("2835") == "2835"


def test_imperial_chip_code_stays() -> None:
    assert chip_size("0805") == "0805"


def test_a_number_is_not_a_chip_size() -> None:
    assert chip_size("5000") is None


def test_kicad_exposed_pad_suffix_is_not_part_of_the_package() -> None:
    assert normalise_package("Package_DFN_QFN:QFN-48-1EP_7x7mm_P0.5mm_EP5.6x5.6mm") == "QFN-48"


def test_stm_ufqfpn_gets_its_dash() -> None:
    assert normalise_package("UFQFPN48") == "UFQFPN-48"

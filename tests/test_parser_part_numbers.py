"""Convention 1: a request that names a part number carries the part number, its count and
a package written as its own token; never a category, value or other spec."""

from __future__ import annotations

from typing import Any

from catalogue.parser import parse_request


def requests(text: str) -> list[dict[str, Any]]:
    return [request.to_dict() for request in parse_request(text)]


def test_part_number_with_package_and_k_quantity() -> None:
    assert requests("AMS1117-3.3 SOT-223 2k pcs") == [
        {"quantity": 2000, "mpn": "AMS1117-3.3", "package": "SOT-223"}
    ]


def test_part_number_with_times_quantity() -> None:
    assert requests("STM32F103C8T6 x 200") == [{"quantity": 200, "mpn": "STM32F103C8T6"}]


def test_part_number_is_upper_cased() -> None:
    assert requests("stm32f103c8t6 x100") == [{"quantity": 100, "mpn": "STM32F103C8T6"}]


def test_part_number_keeps_its_slash_and_dash() -> None:
    assert requests("MCP2515-I/SO 100") == [{"quantity": 100, "mpn": "MCP2515-I/SO"}]


def test_passive_part_number_carries_no_value_or_category() -> None:
    assert requests("GRM188R71H104KA93D 100nF 0603 X7R 50V 5000pcs") == [
        {"quantity": 5000, "mpn": "GRM188R71H104KA93D", "package": "0603"}
    ]


def test_resistor_part_number_starting_with_its_size_is_a_part_number() -> None:
    assert requests("0603WAF1002T5E 5000") == [{"quantity": 5000, "mpn": "0603WAF1002T5E"}]


def test_part_number_alone_is_a_request() -> None:
    assert requests("BSS138") == [{"mpn": "BSS138"}]


def test_stock_question_naming_a_part_is_a_request() -> None:
    assert requests("Do you have STM32F103C8T6 in stock?") == [{"mpn": "STM32F103C8T6"}]


def test_package_glued_to_part_number_with_slash_is_split_off() -> None:
    assert requests("LM358/SOP8 1000") == [{"quantity": 1000, "mpn": "LM358", "package": "SOIC-8"}]


def test_package_in_parentheses_is_its_own_token() -> None:
    assert requests("STM32F103C8T6 (LQFP48) 250pcs") == [
        {"quantity": 250, "mpn": "STM32F103C8T6", "package": "LQFP-48"}
    ]


def test_quantity_on_the_next_line_belongs_to_the_part_above() -> None:
    assert requests("ESP32-C3-MINI-1\nqty 300") == [{"quantity": 300, "mpn": "ESP32-C3-MINI-1"}]


def test_reels_of_a_part_number() -> None:
    assert requests("GRM188R61E106MA73D x 3 reel") == [{"reels": 3, "mpn": "GRM188R61E106MA73D"}]


def test_quantity_before_the_part_number() -> None:
    assert requests("need 500 pcs of STM32F030F4P6") == [{"quantity": 500, "mpn": "STM32F030F4P6"}]


def test_two_part_numbers_on_one_line_are_two_requests() -> None:
    assert requests("LM358 x100 NE555 x200") == [
        {"quantity": 100, "mpn": "LM358"},
        {"quantity": 200, "mpn": "NE555"},
    ]


def test_part_numbers_separated_by_commas() -> None:
    assert requests("LM358 x100, NE555 x200, TL431 x500") == [
        {"quantity": 100, "mpn": "LM358"},
        {"quantity": 200, "mpn": "NE555"},
        {"quantity": 500, "mpn": "TL431"},
    ]


def test_transistor_shorthand_that_looks_like_a_designator_is_a_part() -> None:
    assert requests("C945 TO-92 1000pcs") == [{"quantity": 1000, "mpn": "C945", "package": "TO-92"}]


def test_rectifier_m7_is_a_part_number() -> None:
    assert requests("M7 SMA 5000") == [{"quantity": 5000, "mpn": "M7", "package": "SMA"}]


def test_category_word_next_to_a_part_number_is_not_reported() -> None:
    assert requests("diode 1N4148 SOD-123 5000") == [
        {"quantity": 5000, "mpn": "1N4148", "package": "SOD-123"}
    ]


def test_part_number_in_chinese_message() -> None:
    assert requests("AMS1117-3.3 SOT-223 两千个") == [
        {"quantity": 2000, "mpn": "AMS1117-3.3", "package": "SOT-223"}
    ]

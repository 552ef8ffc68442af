"""Quantities and reels (the `quantity` and `reels` keys) and convention 3: numbers that
are never quantities."""

from __future__ import annotations

from typing import Any

from catalogue.parser import parse_request


def requests(text: str) -> list[dict[str, Any]]:
    return [request.to_dict() for request in parse_request(text)]


def test_decimal_k_pieces() -> None:
    assert requests("AO3400 SOT-23 7.5k pcs") == [
        {"quantity": 7500, "mpn": "AO3400", "package": "SOT-23"}
    ]


def test_thousands_separator_comma() -> None:
    assert requests("1,500 pcs 10k 0603") == [
        {"quantity": 1500, "category": "resistor", "value": 10000.0, "package": "0603"}
    ]


def test_thousands_separator_dot_before_pieces() -> None:
    assert requests("Kondensator 4,7µF 0805 25V X5R, 3.000 Stück") == [
        {
            "quantity": 3000,
            "category": "capacitor",
            "value": 4.7e-06,
            "package": "0805",
            "voltage": 25.0,
            "dielectric": "X5R",
        }
    ]


def test_thousands_separated_by_a_space() -> None:
    assert requests("10k 0603 quantity: 10 000 pcs") == [
        {"quantity": 10000, "category": "resistor", "value": 10000.0, "package": "0603"}
    ]


def test_bare_k_after_a_part_number_is_a_quantity() -> None:
    assert requests("TL431 SOT-23 5K") == [{"quantity": 5000, "mpn": "TL431", "package": "SOT-23"}]


def test_second_k_number_after_a_resistor_value_is_its_quantity() -> None:
    assert requests("resistor 0603 10k 5k") == [
        {"quantity": 5000, "category": "resistor", "value": 10000.0, "package": "0603"}
    ]


def test_times_k_is_the_quantity_and_the_first_k_the_value() -> None:
    assert requests("22k 0402 x20k") == [
        {"quantity": 20000, "category": "resistor", "value": 22000.0, "package": "0402"}
    ]


def test_quantity_word_with_colon() -> None:
    assert requests("ESP32-S3-WROOM-1-N8R8 qty: 150") == [
        {"quantity": 150, "mpn": "ESP32-S3-WROOM-1-N8R8"}
    ]


def test_k_after_a_capacitor_value_is_a_quantity() -> None:
    assert requests("100nF 0402 10k") == [
        {"quantity": 10000, "category": "capacitor", "value": 1e-07, "package": "0402"}
    ]


def test_reels_in_english() -> None:
    assert requests("0402 1uF 10V X5R x 4 reels") == [
        {
            "reels": 4,
            "category": "capacitor",
            "value": 1e-06,
            "package": "0402",
            "voltage": 10.0,
            "dielectric": "X5R",
        }
    ]


def test_a_reel_is_one_reel() -> None:
    assert requests("a full reel of 10k 0603 1%") == [
        {
            "reels": 1,
            "category": "resistor",
            "value": 10000.0,
            "package": "0603",
            "tolerance": 0.01,
        }
    ]


def test_reels_in_chinese() -> None:
    assert requests("1N4148 SOD-123 2盘") == [{"reels": 2, "mpn": "1N4148", "package": "SOD-123"}]


def test_one_reel_in_chinese_numerals() -> None:
    assert requests("10K 0603 F档 一盘") == [
        {
            "reels": 1,
            "category": "resistor",
            "value": 10000.0,
            "package": "0603",
            "tolerance": 0.01,
        }
    ]


# Convention 3: never quantities.


def test_item_numbers_are_not_quantities() -> None:
    assert requests("1. LM358 SOIC8 1000pcs\n2. NE555 DIP8 500pcs") == [
        {"quantity": 1000, "mpn": "LM358", "package": "SOIC-8"},
        {"quantity": 500, "mpn": "NE555", "package": "DIP-8"},
    ]


def test_parenthesised_item_numbers_are_not_quantities() -> None:
    assert requests("1) LM358 SOP8 100pcs\n2) NE555 DIP8 50pcs") == [
        {"quantity": 100, "mpn": "LM358", "package": "SOIC-8"},
        {"quantity": 50, "mpn": "NE555", "package": "DIP-8"},
    ]


def test_designators_are_not_quantities_but_give_the_category() -> None:
    assert requests("C3: 104 0603 50V") == [
        {"category": "capacitor", "value": 1e-07, "package": "0603", "voltage": 50.0}
    ]


def test_designator_list_before_a_value() -> None:
    assert requests("R1,R2,R5: 10k 0603") == [
        {"category": "resistor", "value": 10000.0, "package": "0603"}
    ]


def test_pin_count_is_not_a_quantity() -> None:
    assert requests("排针 1x40 2.54 5千个") == [{"quantity": 5000, "category": "connector"}]


def test_date_code_is_not_a_quantity() -> None:
    assert requests("ATMEGA328P-AU DC 2023+ 1000pcs") == [
        {"quantity": 1000, "mpn": "ATMEGA328P-AU"}
    ]


def test_short_date_code_is_not_a_quantity() -> None:
    assert requests("LM358 22+ 1000pcs") == [{"quantity": 1000, "mpn": "LM358"}]


def test_prices_are_not_quantities() -> None:
    assert requests("LM358 x 100 @ $0.12, LM393 x 100 @ $0.11") == [
        {"quantity": 100, "mpn": "LM358"},
        {"quantity": 100, "mpn": "LM393"},
    ]


def test_target_price_is_not_a_quantity() -> None:
    assert requests("ESP32-C3-MINI-1 300pcs target price $1.20") == [
        {"quantity": 300, "mpn": "ESP32-C3-MINI-1"}
    ]


def test_order_number_is_not_a_part_or_quantity() -> None:
    assert requests("PO#45012: 100nF 0402 X7R 16V x 20000") == [
        {
            "quantity": 20000,
            "category": "capacitor",
            "value": 1e-07,
            "package": "0402",
            "voltage": 16.0,
            "dielectric": "X7R",
        }
    ]


def test_phone_number_is_not_a_quantity() -> None:
    assert requests("10k 0603 5000pcs, tel +86 755 8888 1234") == [
        {"quantity": 5000, "category": "resistor", "value": 10000.0, "package": "0603"}
    ]


def test_lead_time_is_not_a_quantity() -> None:
    assert requests("LM358 2000pcs lead time 2 weeks?") == [{"quantity": 2000, "mpn": "LM358"}]


def test_count_then_x_then_value_is_the_count_of_that_value() -> None:
    assert requests("5000 x 10k 0402") == [
        {"quantity": 5000, "category": "resistor", "value": 10000.0, "package": "0402"}
    ]


def test_count_written_before_a_list_of_values_is_for_each() -> None:
    assert requests("Need 100pcs of 10k and 4k7 0603 resistors") == [
        {"quantity": 100, "category": "resistor", "value": 10000.0, "package": "0603"},
        {"quantity": 100, "category": "resistor", "value": 4700.0, "package": "0603"},
    ]


def test_count_written_after_a_part_is_not_shared_with_the_next_part() -> None:
    assert requests("red LED 0603 x100 and 10k") == [
        {"quantity": 100, "category": "led", "package": "0603"},
        {"category": "resistor", "value": 10000.0},
    ]


def test_w_after_a_capacitor_is_ten_thousand_pieces_in_english_too() -> None:
    assert requests("0.1uF 0805 x7r 50v 10% 3w") == [
        {
            "quantity": 30000,
            "category": "capacitor",
            "value": 1e-07,
            "package": "0805",
            "tolerance": 0.1,
            "voltage": 50.0,
            "dielectric": "X7R",
        }
    ]


def test_w_on_a_resistor_in_english_stays_watts() -> None:
    assert requests("2512 1W 1R 5% x 500")[0]["power"] == 1.0


def test_spaced_pin_count_is_not_a_quantity() -> None:
    assert requests("JST XH 4 pin connector 300") == [{"quantity": 300, "category": "connector"}]


def test_a_lone_k_count_under_a_part_number_is_its_count() -> None:
    assert requests("AO3400A\n3k") == [{"quantity": 3000, "mpn": "AO3400A"}]


def test_k_each_before_a_colon_is_the_count_of_the_list() -> None:
    assert requests("SOT-23-5, 3k each: RT9013-33GB, XC6206P332MR") == [
        {"quantity": 3000, "mpn": "RT9013-33GB", "package": "SOT-23-5"},
        {"quantity": 3000, "mpn": "XC6206P332MR", "package": "SOT-23-5"},
    ]


def test_k_count_each_after_two_part_numbers_is_for_both() -> None:
    assert requests("AMS1117-3.3 + AMS1117-5.0 1k each") == [
        {"quantity": 1000, "mpn": "AMS1117-3.3"},
        {"quantity": 1000, "mpn": "AMS1117-5.0"},
    ]


def test_tracking_number_is_not_a_part_number() -> None:
    assert requests("tracking number: SF1234567890123") == []


def test_one_fragment_repeated_over_a_long_line_is_no_list_of_parts() -> None:
    assert requests("xq7#@!" * 1700) == []


def test_pieces_per_reel_is_packing_not_a_quantity() -> None:
    assert requests("LM358DR 2500pcs/reel, need 2 reels") == [{"reels": 2, "mpn": "LM358DR"}]


def test_printed_code_before_x_is_not_the_count() -> None:
    assert requests("0805 resistor 1002 x 3k") == [
        {"quantity": 3000, "category": "resistor", "value": 10000.0, "package": "0805"}
    ]


def test_hyphenated_pin_count_is_not_a_part_number() -> None:
    assert requests("JST PH 2.0 4-pin connectors x 1000") == [
        {"quantity": 1000, "category": "connector"}
    ]


def test_price_after_at_does_not_eat_the_quantity() -> None:
    assert requests("NE555 x 1000 @ 0.08 usd") == [{"quantity": 1000, "mpn": "NE555"}]

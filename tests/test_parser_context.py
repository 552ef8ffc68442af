"""Convention 4 and multi-line messages: shared context applies to every item it
introduces; lines that only describe complete the part above them."""

from __future__ import annotations

from typing import Any

from catalogue.parser import parse_request


def requests(text: str) -> list[dict[str, Any]]:
    return [request.to_dict() for request in parse_request(text)]


def test_package_header_above_a_list_of_values_and_quantities() -> None:
    assert requests("0603:\n10k 5k\n4k7 2k\n100nF 10k") == [
        {"quantity": 5000, "category": "resistor", "value": 10000.0, "package": "0603"},
        {"quantity": 2000, "category": "resistor", "value": 4700.0, "package": "0603"},
        {"quantity": 10000, "category": "capacitor", "value": 1e-07, "package": "0603"},
    ]


def test_reels_each_header_above_part_numbers() -> None:
    assert requests("Please quote 5 reels each:\nRC0603FR-0710KL\nGRM188R71H104KA93D") == [
        {"reels": 5, "mpn": "RC0603FR-0710KL"},
        {"reels": 5, "mpn": "GRM188R71H104KA93D"},
    ]


def test_pieces_each_header_above_part_numbers() -> None:
    assert requests("200 pcs each of:\nLM358\nLM393") == [
        {"quantity": 200, "mpn": "LM358"},
        {"quantity": 200, "mpn": "LM393"},
    ]


def test_category_header_with_specs_in_parentheses() -> None:
    assert requests("Resistors (0603, 5%):\n10k 2k\n4k7 1k") == [
        {
            "quantity": 2000,
            "category": "resistor",
            "value": 10000.0,
            "package": "0603",
            "tolerance": 0.05,
        },
        {
            "quantity": 1000,
            "category": "resistor",
            "value": 4700.0,
            "package": "0603",
            "tolerance": 0.05,
        },
    ]


def test_header_package_applies_to_part_numbers_below() -> None:
    assert requests("SOT-23, 3k each:\nBSS138\nAO3401A") == [
        {"quantity": 3000, "mpn": "BSS138", "package": "SOT-23"},
        {"quantity": 3000, "mpn": "AO3401A", "package": "SOT-23"},
    ]


def test_category_header_without_colon() -> None:
    assert requests("Resistors 0805 5%\n1k 2000\n2k2 2000") == [
        {
            "quantity": 2000,
            "category": "resistor",
            "value": 1000.0,
            "package": "0805",
            "tolerance": 0.05,
        },
        {
            "quantity": 2000,
            "category": "resistor",
            "value": 2200.0,
            "package": "0805",
            "tolerance": 0.05,
        },
    ]


def test_own_quantity_wins_over_the_shared_one() -> None:
    assert requests("Please quote 5 reels each:\nLM358 x100\nNE555") == [
        {"quantity": 100, "mpn": "LM358"},
        {"reels": 5, "mpn": "NE555"},
    ]


def test_inline_context_before_a_colon() -> None:
    assert requests("Need 0603 1% resistors, 5k pcs each: 10k, 4k7, 100R, 1M") == [
        {
            "quantity": 5000,
            "category": "resistor",
            "value": value,
            "package": "0603",
            "tolerance": 0.01,
        }
        for value in (10000.0, 4700.0, 100.0, 1000000.0)
    ]


def test_each_after_a_list_shares_quantity_and_specs() -> None:
    assert requests("10k, 4k7, 1k 0603 1% 5000 each") == [
        {
            "quantity": 5000,
            "category": "resistor",
            "value": value,
            "package": "0603",
            "tolerance": 0.01,
        }
        for value in (10000.0, 4700.0, 1000.0)
    ]


def test_each_on_its_own_line_applies_to_the_list_above() -> None:
    assert requests("LM358\nNE555\n100 pcs each") == [
        {"quantity": 100, "mpn": "LM358"},
        {"quantity": 100, "mpn": "NE555"},
    ]


def test_colour_lines_under_an_led_header() -> None:
    assert requests("LED 0603, 4000pcs each color:\nred\ngreen") == [
        {"quantity": 4000, "category": "led", "package": "0603"},
        {"quantity": 4000, "category": "led", "package": "0603"},
    ]


def test_greeting_and_thanks_around_a_list_are_ignored() -> None:
    assert requests(
        "Hi,\nPlease quote:\n1. LM358DR SOIC-8 2500pcs\n2. NE555DR 2500pcs\nThanks"
    ) == [
        {"quantity": 2500, "mpn": "LM358DR", "package": "SOIC-8"},
        {"quantity": 2500, "mpn": "NE555DR"},
    ]


def test_k_after_a_colon_is_the_quantity_of_the_part_before_it() -> None:
    assert requests("- 10uF 0805 25V X5R: 4k\n- 4.7uH 0805 inductor: 1k") == [
        {
            "quantity": 4000,
            "category": "capacitor",
            "value": 1e-05,
            "package": "0805",
            "voltage": 25.0,
            "dielectric": "X5R",
        },
        {"quantity": 1000, "category": "inductor", "value": 4.7e-06, "package": "0805"},
    ]


def test_a_blank_line_ends_a_context_that_introduced_its_items() -> None:
    assert requests("0603:\n10k 5k\n\nLM358 x100") == [
        {"quantity": 5000, "category": "resistor", "value": 10000.0, "package": "0603"},
        {"quantity": 100, "mpn": "LM358"},
    ]


def test_two_generic_lines_without_values_are_two_requests() -> None:
    assert requests("NPN transistor SOT-23 3k\nLED 0805 green 2k") == [
        {"quantity": 3000, "category": "transistor", "package": "SOT-23"},
        {"quantity": 2000, "category": "led", "package": "0805"},
    ]


def test_counts_written_above_each_part() -> None:
    assert requests("qty 100\nLM358\nqty 200\nNE555") == [
        {"quantity": 100, "mpn": "LM358"},
        {"quantity": 200, "mpn": "NE555"},
    ]


def test_count_line_above_a_single_part() -> None:
    assert requests("qty 1,200\nGRM188R71H104KA93D") == [
        {"quantity": 1200, "mpn": "GRM188R71H104KA93D"}
    ]


def test_heading_of_a_part_without_value_makes_each_counted_line_below_a_part() -> None:
    assert requests("Pin headers:\n1x40 2.54mm straight 100pcs\n2x20 2.54mm 50pcs") == [
        {"quantity": 100, "category": "connector"},
        {"quantity": 50, "category": "connector"},
    ]


def test_specs_opening_a_list_of_values_hold_for_each_value() -> None:
    assert requests("磁珠 0603 600R 120R 各4000个") == [
        {"quantity": 4000, "category": "ferrite_bead", "value": 600.0, "package": "0603"},
        {"quantity": 4000, "category": "ferrite_bead", "value": 120.0, "package": "0603"},
    ]


def test_a_counted_line_under_a_counted_part_is_not_merged_into_it() -> None:
    text = "Please offer:\n1) LM317T TO-220 qty 200\n2) 7805 TO-220 qty 200"
    assert requests(text) == [
        {"quantity": 200, "mpn": "LM317T", "package": "TO-220"},
        {"quantity": 200, "mpn": "7805", "package": "TO-220"},
    ]


def test_context_line_above_tab_separated_rows() -> None:
    assert requests("0402 1%:\n10k\t5000\n4k7\t5000") == [
        {"quantity": 5000, "category": "resistor", "value": v, "package": "0402", "tolerance": 0.01}
        for v in (10000.0, 4700.0)
    ]


def test_words_before_a_colon_describe_the_parts_after_it() -> None:
    assert requests("SOD-323 diodes 3k each: BAT54WS, 1N4148WS") == [
        {"quantity": 3000, "mpn": "BAT54WS", "package": "SOD-323"},
        {"quantity": 3000, "mpn": "1N4148WS", "package": "SOD-323"},
    ]


def test_a_part_number_before_a_colon_keeps_its_count_after_it() -> None:
    assert requests("LM358: 250") == [{"quantity": 250, "mpn": "LM358"}]


def test_one_kind_of_part_with_a_count_each_heads_the_list_without_a_colon() -> None:
    assert requests("MOSFETs (SOT-23), 3000 each\nAO3400A\n2N7002") == [
        {"quantity": 3000, "mpn": "AO3400A", "package": "SOT-23"},
        {"quantity": 3000, "mpn": "2N7002", "package": "SOT-23"},
    ]


def test_each_after_a_list_of_k_values_makes_every_one_a_value() -> None:
    assert requests("10k 4k7 1k 0603, 5000 each") == [
        {"quantity": 5000, "category": "resistor", "value": v, "package": "0603"}
        for v in (10000.0, 4700.0, 1000.0)
    ]


def test_k_count_each_after_colours_is_the_count_of_each_colour() -> None:
    assert (
        requests("red, green, blue LEDs 0603, 2k each")
        == [{"quantity": 2000, "category": "led", "package": "0603"}] * 3
    )


def test_a_counted_line_under_a_counted_part_without_value_is_another_of_that_part() -> None:
    assert requests("Fuses 1206\n1A x 500\n3A x 500") == [
        {"quantity": 500, "category": "fuse", "package": "1206", "current": 1.0},
        {"quantity": 500, "category": "fuse", "package": "1206", "current": 3.0},
    ]


def test_specs_opening_a_list_hold_for_a_last_value_that_carries_the_count() -> None:
    assert requests("0805 1% 10k, 20k, 30k - 1000 each") == [
        {
            "quantity": 1000,
            "category": "resistor",
            "value": v,
            "package": "0805",
            "tolerance": 0.01,
        }
        for v in (10000.0, 20000.0, 30000.0)
    ]

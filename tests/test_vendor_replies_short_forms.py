"""Rules 1 and 10: a short form of a long part number names its line and is no mpn."""

from __future__ import annotations

from typing import Any

import pytest

from bot.vendor_replies import RfqLine, parse_quote

MODULES = [
    RfqLine(1, "ESP32-S3-WROOM-1-N16R8 50pcs", 50, "ESP32-S3-WROOM-1-N16R8"),
    RfqLine(2, "ESP32-C3-MINI-1-N4 100pcs", 100, "ESP32-C3-MINI-1-N4"),
    RfqLine(3, "ESP-12F 100pcs", 100, "ESP-12F"),
]
REGULATORS = [
    RfqLine(1, "TPS563200DDCR 500pcs", 500, "TPS563200DDCR"),
    RfqLine(2, "TPS562200DDCR 500pcs", 500, "TPS562200DDCR"),
]
PARTS = [
    RfqLine(1, "AMS1117-3.3 200pcs", 200, "AMS1117-3.3"),
    RfqLine(2, "CH340C 300pcs", 300, "CH340C"),
    RfqLine(3, "W25Q64JVSSIQ 100", 100, "W25Q64JVSSIQ"),
]


def offers(text: str, rfq: list[RfqLine]) -> list[dict[str, Any]]:
    return [offer.to_dict() for offer in parse_quote(text, rfq)]


def test_short_forms_in_words_name_their_lines_and_declines_follow_them() -> None:
    assert offers("S3 N16R8 没货\nC3 mini 13.5元 现货\n12F 不做", MODULES) == [
        {"line": 1, "declined": True},
        {"line": 2, "price": 13.5, "currency": "CNY", "lead_time_days": 0},
        {"line": 3, "declined": True},
    ]


@pytest.mark.parametrize(
    "reply",
    [
        "S3-N16R8 38元, C3-MINI 13元, 12F 8元",
        "S3 N16R8 38元, C3 mini 13元, 12F 8元",
        "N16R8 38元\nC3 mini 13元\nESP-12F 8元",
    ],
)
def test_pieces_of_a_part_number_in_order_name_its_line(reply: str) -> None:
    assert [(o["line"], o["price"]) for o in offers(reply, MODULES)] == [
        (1, 38.0),
        (2, 13.0),
        (3, 8.0),
    ]


def test_a_short_form_is_not_the_offers_mpn() -> None:
    assert offers("S3 N16R8 42元", MODULES) == [{"line": 1, "price": 42.0, "currency": "CNY"}]


def test_the_distinguishing_digits_of_a_part_number_name_its_line() -> None:
    assert offers("TPS563200DDCR 0.31 usd\n562200 0.29 usd", REGULATORS) == [
        {"line": 1, "price": 0.31, "currency": "USD", "mpn": "TPS563200DDCR"},
        {"line": 2, "price": 0.29, "currency": "USD"},
    ]


def test_the_tail_of_a_part_number_opening_a_clause_names_its_line() -> None:
    assert offers("1117 - 0.06\n340C - no\nW25Q64 - 3.2\nRMB含税", PARTS) == [
        {"line": 1, "price": 0.06, "currency": "CNY", "tax_included": True},
        {"line": 2, "declined": True},
        {"line": 3, "price": 3.2, "currency": "CNY", "tax_included": True},
    ]


def test_a_part_number_one_character_shorter_is_another_part() -> None:
    rfq = [RfqLine(1, "SS8050 SOT-23 3000", 3000, "SS8050")]
    assert offers("SS8050 0.025元, 也可以用 S8050 0.015元", rfq)[1] == {
        "line": 1,
        "price": 0.015,
        "currency": "CNY",
        "mpn": "S8050",
    }


def test_a_count_opening_a_clause_is_not_a_short_form() -> None:
    rfq = [RfqLine(1, "RC0603FR-0710KL 5k", 5000, "RC0603FR-0710KL")]
    assert offers("10k pcs in stock, rest 2 weeks", rfq) == [
        {"line": 1, "stock": 10000, "lead_time_days": 14}
    ]


DIODES = [
    RfqLine(1, "SS54 SMC 1000pcs", 1000, "SS54"),
    RfqLine(2, "SS34 SMA 3000pcs", 3000, "SS34"),
    RfqLine(3, "SS14 SMA 3000pcs", 3000, "SS14"),
]


@pytest.mark.parametrize("reply", ["SS34 SS14 0.05元", "SS34/SS14 都是0.05元"])
def test_part_numbers_sharing_a_price_each_keep_their_own(reply: str) -> None:
    assert offers(reply, DIODES) == [
        {"line": 2, "price": 0.05, "currency": "CNY", "mpn": "SS34"},
        {"line": 3, "price": 0.05, "currency": "CNY", "mpn": "SS14"},
    ]


def test_a_word_alone_after_a_part_number_answers_it() -> None:
    assert offers("SS54无 SS34 0.05元 SS14 0.028元", DIODES)[0] == {"line": 1, "declined": True}

"""Rule 1: item numbers as vendors type them, lists of items, and lines named by elimination."""

from __future__ import annotations

from typing import Any

import pytest

from bot.vendor_replies import RfqLine, parse_quote

DIODES = [
    RfqLine(1, "SS54 SMC 1000pcs", 1000, "SS54"),
    RfqLine(2, "SS34 SMA 3000pcs", 3000, "SS34"),
    RfqLine(3, "SS14 SMA 3000pcs", 3000, "SS14"),
]
SENSORS = [
    RfqLine(1, "ADS1115IDGSR 100pcs", 100, "ADS1115IDGSR"),
    RfqLine(2, "INA219AIDCNR 200pcs", 200, "INA219AIDCNR"),
    RfqLine(3, "DRV8833PWPR 100pcs", 100, "DRV8833PWPR"),
    RfqLine(4, "TPS2051BDBVR 500pcs", 500, "TPS2051BDBVR"),
]
PASSIVES = [
    RfqLine(1, "500 pcs 0603 10k 1%", 500, None),
    RfqLine(2, "1000 pcs 0603 100nF 50V X7R", 1000, None),
    RfqLine(3, "0805 10uF 25V X5R 500pcs", 500, None),
]


def offers(text: str, rfq: list[RfqLine]) -> list[dict[str, Any]]:
    return [offer.to_dict() for offer in parse_quote(text, rfq)]


def test_a_number_right_after_the_item_number_is_the_price() -> None:
    assert offers("1.无\n2.0.05元\n3.0.028元", DIODES) == [
        {"line": 1, "declined": True},
        {"line": 2, "price": 0.05, "currency": "CNY"},
        {"line": 3, "price": 0.028, "currency": "CNY"},
    ]


@pytest.mark.parametrize(
    "reply", ["1.无\n2.0.05元\n3.12元", "1.无 2.0.05元 3.12元", "1:无 2:0.05元 3:12元"]
)
def test_a_numbered_run_makes_every_number_in_it_an_item(reply: str) -> None:
    assert offers(reply, DIODES) == [
        {"line": 1, "declined": True},
        {"line": 2, "price": 0.05, "currency": "CNY"},
        {"line": 3, "price": 12.0, "currency": "CNY"},
    ]


def test_decimals_opening_lines_stay_prices_without_a_plain_item_number() -> None:
    assert offers("1.5元\n2.5元", DIODES[:2]) == [
        {"line": 1, "price": 1.5, "currency": "CNY"},
        {"line": 2, "price": 2.5, "currency": "CNY"},
    ]


def test_a_list_of_items_answers_each_listed_line() -> None:
    assert offers("items 1,2 ok: 2.1 / 0.85 USD\nitems 3,4: no", SENSORS) == [
        {"line": 1, "price": 2.1, "currency": "USD"},
        {"line": 2, "price": 0.85, "currency": "USD"},
        {"line": 3, "declined": True},
        {"line": 4, "declined": True},
    ]


def test_one_price_for_a_list_of_items_is_each_ones() -> None:
    assert offers("items 1 & 2: 0.5usd each", SENSORS) == [
        {"line": 1, "price": 0.5, "currency": "USD"},
        {"line": 2, "price": 0.5, "currency": "USD"},
    ]


def test_as_many_prices_as_parts_named_go_one_to_each() -> None:
    reply = "1115 & 219 ok, 2.1/0.85 usd; 8833 & 2051 not available"
    assert offers(reply, SENSORS) == [
        {"line": 1, "price": 2.1, "currency": "USD"},
        {"line": 2, "price": 0.85, "currency": "USD"},
        {"line": 3, "declined": True},
        {"line": 4, "declined": True},
    ]


def test_a_category_naming_two_lines_is_the_one_not_named_otherwise() -> None:
    assert offers("电阻0.003元，电容0.005元，10uF 0.02元", PASSIVES) == [
        {"line": 1, "price": 0.003, "currency": "CNY"},
        {"line": 2, "price": 0.005, "currency": "CNY"},
        {"line": 3, "price": 0.02, "currency": "CNY"},
    ]


def test_a_price_for_a_category_covers_each_of_its_lines() -> None:
    assert offers("res 0.003, caps 0.005 usd", PASSIVES) == [
        {"line": 1, "price": 0.003, "currency": "USD"},
        {"line": 2, "price": 0.005, "currency": "USD"},
        {"line": 3, "price": 0.005, "currency": "USD"},
    ]


def test_capacitor_codes_opening_clauses_name_lines_not_tiers() -> None:
    assert offers("10K: 2.5元/K，104: 5元/K，106: 20元/K", PASSIVES) == [
        {"line": 1, "price": 0.0025, "currency": "CNY"},
        {"line": 2, "price": 0.005, "currency": "CNY"},
        {"line": 3, "price": 0.02, "currency": "CNY"},
    ]


@pytest.mark.parametrize("reply", ["1)无2)0.05元3)0.028元", "①无②0.05元③0.028元"])
def test_item_numbers_right_after_chinese_text_still_count(reply: str) -> None:
    assert offers(reply, DIODES) == [
        {"line": 1, "declined": True},
        {"line": 2, "price": 0.05, "currency": "CNY"},
        {"line": 3, "price": 0.028, "currency": "CNY"},
    ]


def test_a_numbered_run_without_marks_names_its_lines() -> None:
    assert offers("1 0.06usd\n2 no\n3 3.2usd", DIODES) == [
        {"line": 1, "price": 0.06, "currency": "USD"},
        {"line": 2, "declined": True},
        {"line": 3, "price": 3.2, "currency": "USD"},
    ]

"""Rule 2: what a reply says once applies to every line it covers."""

from __future__ import annotations

from typing import Any

import pytest

from bot.vendor_replies import RfqLine, parse_quote

BOM = [
    RfqLine(1, "500 pcs 0603 10k 1%", 500, None),
    RfqLine(2, "1000 pcs 0603 100nF 50V X7R", 1000, None),
]
PARTS = [
    RfqLine(1, "AO3400A 3000", 3000, "AO3400A"),
    RfqLine(2, "SS8050 SOT-23 3000", 3000, "SS8050"),
]


def offers(text: str, rfq: list[RfqLine]) -> list[dict[str, Any]]:
    return [offer.to_dict() for offer in parse_quote(text, rfq)]


@pytest.mark.parametrize(
    "reply",
    [
        "prices in usd:\n1) 0.0012\n2) 0.0025",
        "1) 0.0012\n2) 0.0025\nUSD",
        "all prices USD. 1) 0.0012 2) 0.0025",
        "单位: 美金\n1) 0.0012\n2) 0.0025",
    ],
)
def test_a_currency_written_once_prices_every_line(reply: str) -> None:
    assert offers(reply, BOM) == [
        {"line": 1, "price": 0.0012, "currency": "USD"},
        {"line": 2, "price": 0.0025, "currency": "USD"},
    ]


@pytest.mark.parametrize(
    "reply",
    [
        "1) 0.008元 2) 0.015元\n以上含税",
        "含税价: 1) 0.008元 2) 0.015元",
        "1) 0.008元 2) 0.015元 均含税",
    ],
)
def test_tax_written_once_covers_every_line(reply: str) -> None:
    assert offers(reply, BOM) == [
        {"line": 1, "price": 0.008, "currency": "CNY", "tax_included": True},
        {"line": 2, "price": 0.015, "currency": "CNY", "tax_included": True},
    ]


@pytest.mark.parametrize(
    "reply", ["all in stock. 1) $0.0012 2) $0.0025", "1、$0.0012 2、$0.0025 现货都有"]
)
def test_an_in_stock_statement_for_all_covers_every_line(reply: str) -> None:
    assert offers(reply, BOM) == [
        {"line": 1, "price": 0.0012, "currency": "USD", "lead_time_days": 0},
        {"line": 2, "price": 0.0025, "currency": "USD", "lead_time_days": 0},
    ]


def test_a_shared_brand_and_price_answer_every_line() -> None:
    assert offers("全部国巨 每个0.004元", BOM) == [
        {"line": 1, "price": 0.004, "currency": "CNY", "manufacturer": "YAGEO"},
        {"line": 2, "price": 0.004, "currency": "CNY", "manufacturer": "YAGEO"},
    ]


def test_a_shared_brand_after_prices_covers_each_line() -> None:
    assert offers("$0.0009, $0.0011 all Yageo ex-stock", BOM) == [
        {
            "line": 1,
            "price": 0.0009,
            "currency": "USD",
            "lead_time_days": 0,
            "manufacturer": "YAGEO",
        },
        {
            "line": 2,
            "price": 0.0011,
            "currency": "USD",
            "lead_time_days": 0,
            "manufacturer": "YAGEO",
        },
    ]


def test_context_after_the_last_line_is_shared() -> None:
    reply = "AO3400A 万代 0.09元\nSS8050 长电 0.03元\nDC 24+, 现货"
    assert offers(reply, PARTS) == [
        {
            "line": 1,
            "price": 0.09,
            "currency": "CNY",
            "lead_time_days": 0,
            "mpn": "AO3400A",
            "manufacturer": "AOS",
            "date_code": "24+",
        },
        {
            "line": 2,
            "price": 0.03,
            "currency": "CNY",
            "lead_time_days": 0,
            "mpn": "SS8050",
            "manufacturer": "CJ",
            "date_code": "24+",
        },
    ]


def test_a_shared_lead_time_covers_both_lines() -> None:
    assert offers("AO3400A $0.012\nSS8050 $0.004\nLT for both: 4-6 weeks", PARTS) == [
        {"line": 1, "price": 0.012, "currency": "USD", "lead_time_days": 42, "mpn": "AO3400A"},
        {"line": 2, "price": 0.004, "currency": "USD", "lead_time_days": 42, "mpn": "SS8050"},
    ]


def test_what_a_line_says_itself_wins_over_shared_context() -> None:
    assert offers("1) 0.008元 不含税 2) 0.015元\n以上含税", BOM) == [
        {"line": 1, "price": 0.008, "currency": "CNY", "tax_included": False},
        {"line": 2, "price": 0.015, "currency": "CNY", "tax_included": True},
    ]


def test_a_shared_brand_does_not_name_an_alternative() -> None:
    reply = "全部国巨: 1) 0.004元 2) 0.006元, 国产替代 0.003元"
    assert offers(reply, BOM) == [
        {"line": 1, "price": 0.004, "currency": "CNY", "manufacturer": "YAGEO"},
        {"line": 2, "price": 0.006, "currency": "CNY", "manufacturer": "YAGEO"},
        {"line": 2, "price": 0.003, "currency": "CNY"},
    ]


def test_whole_reels_for_both_lines_set_moq_and_multiple_on_each() -> None:
    rfq = [
        RfqLine(1, "0402 100nF 16V X7R 10000pcs", 10000, None),
        RfqLine(2, "0402 1uF 10V X5R 10000pcs", 10000, None),
    ]
    reply = "100n: $0.0003, 1u: $0.0006, both Samsung, 10k/reel, full reels only"
    assert offers(reply, rfq) == [
        {
            "line": 1,
            "price": 0.0003,
            "currency": "USD",
            "moq": 10000,
            "multiple": 10000,
            "manufacturer": "SAMSUNG",
        },
        {
            "line": 2,
            "price": 0.0006,
            "currency": "USD",
            "moq": 10000,
            "multiple": 10000,
            "manufacturer": "SAMSUNG",
        },
    ]


PARTS_3 = [
    RfqLine(1, "AMS1117-3.3 200pcs", 200, "AMS1117-3.3"),
    RfqLine(2, "CH340C 300pcs", 300, "CH340C"),
    RfqLine(3, "W25Q64JVSSIQ 100", 100, "W25Q64JVSSIQ"),
]


@pytest.mark.parametrize(
    "reply", ["0.06, 1.65, 3.2 usd", "0.06 / 1.65 / 3.2 USD", "1) 0.06 2) 1.65 3) 3.2 usd"]
)
def test_a_currency_after_a_list_of_prices_is_every_ones(reply: str) -> None:
    assert offers(reply, PARTS_3) == [
        {"line": 1, "price": 0.06, "currency": "USD"},
        {"line": 2, "price": 1.65, "currency": "USD"},
        {"line": 3, "price": 3.2, "currency": "USD"},
    ]


def test_a_statement_for_all_before_a_list_of_prices_covers_each() -> None:
    assert offers("all three in stock: 0.06 / 1.65 / 3.2 RMB", PARTS_3) == [
        {"line": 1, "price": 0.06, "currency": "CNY", "lead_time_days": 0},
        {"line": 2, "price": 1.65, "currency": "CNY", "lead_time_days": 0},
        {"line": 3, "price": 3.2, "currency": "CNY", "lead_time_days": 0},
    ]

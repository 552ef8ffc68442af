"""Rule 5: a table of price tiers is one offer, its breaks ascending, its price for the line's
quantity, whatever order and notation the vendor wrote it in."""

from __future__ import annotations

from typing import Any

import pytest

from bot.vendor_replies import RfqLine, parse_quote

MODULE = RfqLine(1, "ESP32-WROOM-32E-N8 300pcs", 300, "ESP32-WROOM-32E-N8")
TABLE = [[1, 3.1], [100, 2.85], [1000, 2.6]]


def offers(text: str, rfq: RfqLine = MODULE) -> list[dict[str, Any]]:
    return [offer.to_dict() for offer in parse_quote(text, [rfq])]


def test_tiers_written_descending_read_ascending() -> None:
    rfq = RfqLine(1, "LM358DR2G 1000pcs", 1000, "LM358DR2G")
    assert offers("10k: 0.052 usd / 1k: 0.058 usd / 100: 0.07 usd", rfq) == [
        {
            "line": 1,
            "price": 0.058,
            "currency": "USD",
            "price_breaks": [[100, 0.07], [1000, 0.058], [10000, 0.052]],
        }
    ]


def test_tiers_counted_in_pieces_are_one_offer_and_the_brand_applies_to_it() -> None:
    assert offers("1pc 3.1 usd, 100pcs 2.85 usd, 1k 2.6 usd, Espressif original") == [
        {
            "line": 1,
            "price": 2.85,
            "currency": "USD",
            "price_breaks": TABLE,
            "manufacturer": "ESPRESSIF",
        }
    ]


@pytest.mark.parametrize(
    "reply",
    [
        "price: 1pc/3.1usd 100pcs/2.85usd 1k/2.6usd",
        "3.1usd(1pc) 2.85usd(100pcs) 2.6usd(1k)",
        "x1 3.1usd x100 2.85usd x1000 2.6usd",
        "1 pc: USD 3.10 | 100 pcs: USD 2.85 | 1,000 pcs: USD 2.60",
        "1000pcs+ 2.6usd / 100pcs+ 2.85usd / 1pc 3.1usd",
        "2.85@100pcs / 2.6@1k / 3.1@1pc usd",
    ],
)
def test_tier_notations_read_as_one_table(reply: str) -> None:
    assert offers(reply) == [{"line": 1, "price": 2.85, "currency": "USD", "price_breaks": TABLE}]


def test_chinese_tiers_with_wan_read_as_one_table() -> None:
    rfq = RfqLine(1, "AMS1117-3.3 200pcs", 200, "AMS1117-3.3")
    assert offers("100个 0.35元，1000个 0.28元，1万个 0.25元", rfq) == [
        {
            "line": 1,
            "price": 0.35,
            "currency": "CNY",
            "price_breaks": [[100, 0.35], [1000, 0.28], [10000, 0.25]],
        }
    ]


def test_a_quantity_above_labels_the_next_price_not_a_per_hundred_one() -> None:
    rfq = RfqLine(1, "LM358DR2G 1000pcs", 1000, "LM358DR2G")
    assert offers("1k以上0.058元 / 100个以上0.07元", rfq) == [
        {"line": 1, "price": 0.058, "currency": "CNY", "price_breaks": [[100, 0.07], [1000, 0.058]]}
    ]


def test_the_moq_opens_a_tier_table_written_after_it() -> None:
    assert offers("MOQ 100pcs 2.85usd, 1k 2.6usd, 10k 2.4usd") == [
        {
            "line": 1,
            "price": 2.85,
            "currency": "USD",
            "price_breaks": [[100, 2.85], [1000, 2.6], [10000, 2.4]],
            "moq": 100,
        }
    ]


@pytest.mark.parametrize("reply", ["300pcs/2.85usd", "x300 2.85usd", "MOQ 100: 2.85usd"])
def test_one_quantity_with_one_price_is_no_table(reply: str) -> None:
    (offer,) = offers(reply)
    assert "price_breaks" not in offer
    assert offer["price"] == 2.85

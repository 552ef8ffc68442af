"""Rule 9: minimum order quantity and order multiple."""

from __future__ import annotations

import pytest

from bot.vendor_replies import RfqLine, parse_quote

RESISTOR = RfqLine(1, "500 pcs 0603 10k 1%", 500, None)


def ordering(text: str) -> tuple[int | None, int | None]:
    (offer,) = [offer.to_dict() for offer in parse_quote(text, [RESISTOR])]
    return offer.get("moq"), offer.get("multiple")


@pytest.mark.parametrize(
    ("reply", "moq"),
    [
        ("0.002usd MOQ 2500", 2500),
        ("0.002usd, MOQ: 5k", 5000),
        ("0.002usd, 5k MOQ", 5000),
        ("0.002usd, min order 1000pcs", 1000),
        ("0.002元 5k起订", 5000),
        ("0.002元 起订量 3000", 3000),
        ("0.002元 最小起订量1万", 10000),
    ],
)
def test_a_minimum_order_sets_moq_only(reply: str, moq: int) -> None:
    assert ordering(reply) == (moq, None)


@pytest.mark.parametrize(
    ("reply", "size"),
    [
        ("2.7 USD/K, full reels only (2500/reel)", 2500),
        ("0.002usd, full reel 5k", 5000),
        ("0.0055元 一盘4000 整盘出", 4000),
        ("0.0016元 整盘5000出", 5000),
        ("0.002usd MOQ 5k multiple 5k", 5000),
        ("0.002usd, reel only, 4000pcs/reel", 4000),
    ],
)
def test_whole_reels_only_set_moq_and_multiple(reply: str, size: int) -> None:
    assert ordering(reply) == (size, size)


@pytest.mark.parametrize(
    "reply",
    [
        "USD 0.0015 (MOQ 1 reel = 5000 pcs)",
        "0.0015usd, MOQ 1 reel (5k/reel)",
        "0.0015元 起订1盘 5000/盘",
    ],
)
def test_moq_of_one_reel_is_the_reel_size_and_no_multiple(reply: str) -> None:
    assert ordering(reply) == (5000, None)


def test_moq_in_reels_without_a_reel_size_is_unknown() -> None:
    assert ordering("0.0015 USD, min 1 reel") == (None, None)


@pytest.mark.parametrize(
    "reply",
    [
        "USD 18.40 per reel (4k)",
        "every 1000pcs 2.6 RMB, 3 reels in stock (5k/reel)",
        "0.002usd, SPQ 5000",
    ],
)
def test_reel_prices_stock_in_reels_and_pack_sizes_set_neither(reply: str) -> None:
    assert ordering(reply) == (None, None)


def test_a_multiple_alone_sets_the_multiple() -> None:
    assert ordering("0.002usd, multiples of 1000") == (None, 1000)


def test_a_minimum_order_value_is_not_a_moq() -> None:
    assert ordering("0.4usd each, min order value USD 50") == (None, None)


def test_full_reels_with_only_a_moq_make_the_moq_the_multiple() -> None:
    assert ordering("$0.035 (MOQ 3000, full reel)") == (3000, 3000)


def test_a_moq_equal_to_the_requested_value_is_still_a_moq() -> None:
    assert ordering("USD0.0003/PC, MOQ:10K, Stock: 100K") == (10000, None)

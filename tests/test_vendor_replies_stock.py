"""Rules 7 and 8: pieces on hand, and the lead time in days."""

from __future__ import annotations

from typing import Any

import pytest

from bot.vendor_replies import RfqLine, parse_quote

RESISTOR = RfqLine(1, "500 pcs 0603 10k 1%", 500, None)


def offers(text: str) -> list[dict[str, Any]]:
    return [offer.to_dict() for offer in parse_quote(text, [RESISTOR])]


def field(text: str, key: str) -> Any:
    (offer,) = offers(text)
    return offer.get(key)


@pytest.mark.parametrize(
    ("reply", "stock"),
    [
        ("0.002usd stock 50k", 50_000),
        ("0.002usd, 1.5M pcs in stock", 1_500_000),
        ("0.002元 现货5万", 50_000),
        ("0.002元 现货5w", 50_000),
        ("0.002元 库存2千", 2_000),
        ("0.002元 现货两万", 20_000),
        ("$0.002, 1,200 pcs available", 1_200),
        ("0,0011 EUR, 25.000 pcs on stock", 25_000),
        ("0.002usd, stock 10k+", 10_000),
        ("0.002usd, 5000 on hand", 5_000),
        ("0.002usd, we have 8000pcs", 8_000),
        ("0.002元 库存: 3500", 3_500),
        ("0.002元 现货1.5万", 15_000),
    ],
)
def test_stock_counts_are_pieces(reply: str, stock: int) -> None:
    assert field(reply, "stock") == stock


@pytest.mark.parametrize(
    "reply",
    [
        "every 1000pcs 2.6 RMB, 3 reels in stock (5k/reel)",
        "0.0026元 现货3盘, 一盘5k",
        "0.0026元 现货3盘(5000/盘)",
    ],
)
def test_stock_in_reels_is_multiplied_by_the_reel_size(reply: str) -> None:
    assert field(reply, "stock") == 15_000


def test_stock_in_reels_without_a_reel_size_is_unknown() -> None:
    assert offers("0.0026元 现货3盘") == [
        {"line": 1, "price": 0.0026, "currency": "CNY", "lead_time_days": 0}
    ]


@pytest.mark.parametrize(
    "reply", ["0.002元 现货", "0.002元 有货", "0.002usd stock ok", "0.002usd in stock"]
)
def test_in_stock_without_a_number_gives_no_stock(reply: str) -> None:
    (offer,) = offers(reply)
    assert "stock" not in offer
    assert offer["lead_time_days"] == 0


@pytest.mark.parametrize(
    "reply",
    [
        "0.002usd in stock",
        "0.002usd ex-stock",
        "0.002usd, 300 pcs stock",
        "0.002元 现货",
        "0.002元 有货",
        "0.002usd, ships today",
        "0.002元 今天可以发",
    ],
)
def test_any_in_stock_statement_is_a_lead_time_of_zero(reply: str) -> None:
    assert field(reply, "lead_time_days") == 0


def test_short_stock_is_still_in_stock() -> None:
    assert offers("only 300 in stock, 0.0045usd") == [
        {"line": 1, "price": 0.0045, "currency": "USD", "stock": 300, "lead_time_days": 0}
    ]


@pytest.mark.parametrize(
    ("reply", "days"),
    [
        ("0.002usd, 3-5 days", 5),
        ("0.002usd, 6-8 weeks", 56),
        ("0.002usd, LT 2-3 wks", 21),
        ("0.002usd, 12 wks", 84),
        ("0.002usd, lead time 2 months", 60),
        ("0.002usd, 5 working days", 5),
        ("0.002usd, ships in 2-3 business days", 3),
        ("0.002usd, ships tomorrow", 1),
        ("0.002元 交期4周", 28),
        ("0.002元 货期3-5天", 5),
        ("0.002元 1个月", 30),
        ("0.002元 5个工作日", 5),
        ("0.002元 两周", 14),
        ("0.002元 明天发货", 1),
    ],
)
def test_lead_times_are_days_taking_the_upper_bound(reply: str, days: int) -> None:
    assert field(reply, "lead_time_days") == days


@pytest.mark.parametrize(
    ("reply", "stock", "days"),
    [
        ("800 in stock, balance 3 weeks, 0.003$", 800, 21),
        ("现货3k 其余期货4周 0.0055元", 3000, 28),
        ("现货1.5万，余下2周 0.0012元", 15000, 14),
        ("2.5k pcs available at $0.0015, the rest 2 weeks", 2500, 14),
    ],
)
def test_a_time_for_the_balance_is_the_lead_time_beside_the_stocked_number(
    reply: str, stock: int, days: int
) -> None:
    (offer,) = offers(reply)
    assert (offer["stock"], offer["lead_time_days"]) == (stock, days)


@pytest.mark.parametrize(
    "reply",
    [
        "0.002usd, price valid 5 days",
        "0.002usd, will answer in 2 hours",
        "0.002元 报价有效期3天",
        "0.002元 3天内有效",
    ],
)
def test_validity_and_reply_times_are_not_lead_times(reply: str) -> None:
    (offer,) = offers(reply)
    assert "lead_time_days" not in offer


def test_stocks_in_the_plural_count() -> None:
    assert field("0.002usd stocks: 10K", "stock") == 10_000


def test_a_week_in_words_is_seven_days() -> None:
    assert field("0.002元 货期一个星期", "lead_time_days") == 7


def test_a_span_after_a_lead_time_word_is_delivery_whatever_follows() -> None:
    assert field("交期4周 报价 0.002usd", "lead_time_days") == 28


def test_a_reply_time_is_still_no_lead_time() -> None:
    (offer,) = offers("0.002usd, 2天内回复交期")
    assert "lead_time_days" not in offer


def test_working_days_written_as_gongzuotian() -> None:
    assert field("0.002元 5个工作天", "lead_time_days") == 5

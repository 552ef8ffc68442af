"""Rules 4-6: the unit price, price breaks and currency of an offer."""

from __future__ import annotations

from typing import Any

import pytest

from bot.vendor_replies import RfqLine, parse_quote

RESISTOR = RfqLine(1, "500 pcs 0603 10k 1%", 500, None)
MCU = RfqLine(1, "STM32F103C8T6 x 100", 100, "STM32F103C8T6")


def offers(text: str, rfq: RfqLine = RESISTOR) -> list[dict[str, Any]]:
    return [offer.to_dict() for offer in parse_quote(text, [rfq])]


def price_of(text: str, rfq: RfqLine = RESISTOR) -> tuple[float | None, str | None]:
    (offer,) = offers(text, rfq)
    return offer.get("price"), offer.get("currency")


@pytest.mark.parametrize(
    ("reply", "price", "currency"),
    [
        ("2.7 USD/K", 0.0027, "USD"),
        ("0.9 usd per K", 0.0009, "USD"),
        ("RMB 1.2/K", 0.0012, "CNY"),
        ("每千个2.6元", 0.0026, "CNY"),
        ("2.6元/千", 0.0026, "CNY"),
        ("2块5一千个", 0.0025, "CNY"),
        ("every 1000pcs 2.6 RMB", 0.0026, "CNY"),
        ("K价6块", 0.006, "CNY"),
        ("EUR 2,40 / 1000 pcs", 0.0024, "EUR"),
        ("$0.85/100pcs", 0.0085, "USD"),
        ("每百个0.5元", 0.005, "CNY"),
    ],
)
def test_per_thousand_and_per_hundred_prices_are_divided_down(
    reply: str, price: float, currency: str
) -> None:
    assert price_of(reply) == (price, currency)


@pytest.mark.parametrize(
    ("reply", "price", "currency"),
    [
        ("¥15/盘(5000)", 0.003, "CNY"),
        ("USD 18.40 per reel (4k)", 0.0046, "USD"),
        ("12元/盘 5k/盘", 0.0024, "CNY"),
        ("国巨 一盘20元（5000个）", 0.004, "CNY"),
        ("每盘12元 (5000只)", 0.0024, "CNY"),
        ("盘价12元 5000/盘", 0.0024, "CNY"),
        ("reel price USD 9.5, 5k per reel", 0.0019, "USD"),
    ],
)
def test_per_reel_prices_are_divided_by_the_reel_size(
    reply: str, price: float, currency: str
) -> None:
    assert price_of(reply)[0] == price
    assert price_of(reply)[1] == currency


def test_a_per_reel_price_sets_no_moq_or_multiple() -> None:
    assert offers("¥15/盘(5000)") == [{"line": 1, "price": 0.003, "currency": "CNY"}]


@pytest.mark.parametrize(
    ("reply", "price"),
    [("9 cents", 0.09), ("12 cents each", 0.12), ("5¢", 0.05)],
)
def test_cents_are_hundredths_of_a_us_dollar(reply: str, price: float) -> None:
    assert price_of(reply) == (price, "USD")


@pytest.mark.parametrize(
    ("reply", "price"),
    [
        ("1分", 0.01),
        ("8分钱", 0.08),
        ("1毛2", 0.12),
        ("3毛5", 0.35),
        ("两毛一个", 0.2),
        ("五毛", 0.5),
        ("2块5", 2.5),
        ("12块", 12.0),
        ("1块2毛5", 1.25),
    ],
)
def test_yuan_jiao_and_fen_are_read_as_yuan(reply: str, price: float) -> None:
    assert price_of(reply) == (price, "CNY")


@pytest.mark.parametrize(
    ("reply", "price", "currency"),
    [
        ("0,0011 EUR", 0.0011, "EUR"),
        ("€ 12,50", 12.5, "EUR"),
        ("0,0011€ stock 80.000", 0.0011, "EUR"),
    ],
)
def test_decimal_commas_are_decimals(reply: str, price: float, currency: str) -> None:
    assert price_of(reply) == (price, currency)


@pytest.mark.parametrize(
    "reply",
    [
        "0.0012$ sorry I mean 0.0013$",
        "0.0012usd, correction: 0.0013usd",
        "0.0012美金 打错了 应该是0.0013美金",
    ],
)
def test_a_self_correction_wins(reply: str) -> None:
    assert offers(reply) == [{"line": 1, "price": 0.0013, "currency": "USD"}]


def test_a_total_for_the_quantity_is_divided_by_it() -> None:
    assert price_of("500个一共2块钱") == (0.004, "CNY")


@pytest.mark.parametrize(
    ("reply", "breaks"),
    [
        ("1-99 0.12$ / 100-999 0.095 / 1k+ 0.08", [[1, 0.12], [100, 0.095], [1000, 0.08]]),
        (
            "@1k 0.0032 @10k 0.0025 @50k 0.0019 usd",
            [[1000, 0.0032], [10000, 0.0025], [50000, 0.0019]],
        ),
        ("0.0032usd@1k, 0.0025usd@10k", [[1000, 0.0032], [10000, 0.0025]]),
        ("100pcs: $0.005\n1000pcs: $0.004", [[100, 0.005], [1000, 0.004]]),
        (">=100 0.005usd; >=1000 0.004usd", [[100, 0.005], [1000, 0.004]]),
        ("100以上0.005元 1000以上0.004元", [[100, 0.005], [1000, 0.004]]),
        ("0.005元(100+) 0.004元(1k+)", [[100, 0.005], [1000, 0.004]]),
        ("5k 0.0021usd, 25k 0.0018usd", [[5000, 0.0021], [25000, 0.0018]]),
        (
            "10k+ 0.0019 / 1k+ 0.0026 / 100+ 0.0041 usd",
            [[100, 0.0041], [1000, 0.0026], [10000, 0.0019]],
        ),
    ],
)
def test_tiers_become_ascending_price_breaks(reply: str, breaks: list[list[float]]) -> None:
    (offer,) = offers(reply)
    assert offer["price_breaks"] == breaks


@pytest.mark.parametrize(
    ("quantity", "price"), [(50, 0.12), (100, 0.095), (999, 0.095), (1000, 0.08), (None, 0.12)]
)
def test_the_price_is_the_tier_for_the_line_quantity(quantity: int | None, price: float) -> None:
    rfq = RfqLine(1, "0603 10k", quantity, None)
    assert price_of("1-99 0.12$ / 100-999 0.095 / 1k+ 0.08", rfq) == (price, "USD")


def test_below_the_first_tier_the_price_is_the_first_tier() -> None:
    assert offers("@1k 0.0032, @10k 0.0025 usd") == [
        {
            "line": 1,
            "price": 0.0032,
            "currency": "USD",
            "price_breaks": [[1000, 0.0032], [10000, 0.0025]],
        }
    ]


def test_per_thousand_tiers_are_divided_down() -> None:
    assert offers("1K 6元/K，10K 5元/K，50K 4.2元/K") == [
        {
            "line": 1,
            "price": 0.006,
            "currency": "CNY",
            "price_breaks": [[1000, 0.006], [10000, 0.005], [50000, 0.0042]],
        }
    ]


def test_a_single_price_has_no_price_breaks() -> None:
    assert offers("0.0012 usd") == [{"line": 1, "price": 0.0012, "currency": "USD"}]


@pytest.mark.parametrize(
    ("reply", "currency"),
    [
        ("$0.12", "USD"),
        ("US$0.12", "USD"),
        ("USD0.12", "USD"),
        ("0.12$", "USD"),
        ("0.12 usd", "USD"),
        ("0.12U", "USD"),
        ("0.12美金", "USD"),
        ("¥0.12", "CNY"),
        ("RMB0.12", "CNY"),
        ("0.12元", "CNY"),
        ("0.12块", "CNY"),
        ("HK$0.12", "HKD"),
        ("0.12 HKD", "HKD"),
        ("€0.12", "EUR"),
        ("0.12 EUR", "EUR"),
    ],
)
def test_currency_marks_name_the_currency(reply: str, currency: str) -> None:
    assert price_of(reply) == (0.12, currency)


@pytest.mark.parametrize("reply", ["0.12", "price 0.12", "单价0.12"])
def test_a_bare_number_has_no_currency(reply: str) -> None:
    assert offers(reply) == [{"line": 1, "price": 0.12}]


def test_a_dollar_sign_before_a_price_is_not_the_range_before_it() -> None:
    assert offers("C8T6: 1-9 $2.80, 10-49 $2.45, 50+ $2.10", MCU) == [
        {
            "line": 1,
            "price": 2.1,
            "currency": "USD",
            "price_breaks": [[1, 2.8], [10, 2.45], [50, 2.1]],
        }
    ]


def test_a_minimum_order_value_is_not_a_price() -> None:
    assert offers("0.4usd each, min order value USD 50") == [
        {"line": 1, "price": 0.4, "currency": "USD"}
    ]


def test_quantities_after_for_are_tiers_when_there_are_several() -> None:
    assert offers("0.002usd for 500pcs, 0.0015usd for 5k") == [
        {
            "line": 1,
            "price": 0.002,
            "currency": "USD",
            "price_breaks": [[500, 0.002], [5000, 0.0015]],
        }
    ]


@pytest.mark.parametrize("reply", ["0.002usd (500pcs)", "0.002usd for 500pcs", "500pcs 0.002usd"])
def test_a_restated_quantity_alone_is_no_price_break(reply: str) -> None:
    assert offers(reply) == [{"line": 1, "price": 0.002, "currency": "USD"}]


def test_a_single_open_ended_tier_is_a_price_break() -> None:
    assert offers("0.002usd (500+)") == [
        {"line": 1, "price": 0.002, "currency": "USD", "price_breaks": [[500, 0.002]]}
    ]


def test_a_range_after_a_slash_is_a_tier_not_a_per_thousand_price() -> None:
    assert offers("阶梯价: 1-999 0.002 / 1000-4999 0.0015 / 5000+ 0.0012 (元)") == [
        {
            "line": 1,
            "price": 0.002,
            "currency": "CNY",
            "price_breaks": [[1, 0.002], [1000, 0.0015], [5000, 0.0012]],
        }
    ]


@pytest.mark.parametrize(
    "reply",
    ["USD: 1k 0.0015 / 5k 0.0012 / 10k 0.001", "0.0015 (1K), 0.0012 (5K), 0.0010 (10K) USD"],
)
def test_a_tier_quantity_equal_to_the_requested_value_is_still_a_tier(reply: str) -> None:
    assert offers(reply) == [
        {
            "line": 1,
            "price": 0.0015,
            "currency": "USD",
            "price_breaks": [[1000, 0.0015], [5000, 0.0012], [10000, 0.001]],
        }
    ]


def test_an_order_total_after_the_unit_price_is_not_an_offer() -> None:
    assert offers("stm32f103c8t6 x 100 pcs @ $1.88 = $188", MCU) == [
        {"line": 1, "price": 1.88, "currency": "USD", "mpn": "STM32F103C8T6"}
    ]


@pytest.mark.parametrize("reply", ["人民币0.12", "美金0.12", "港币0.12", "0.12刀"])
def test_chinese_currency_words_name_the_currency(reply: str) -> None:
    expected = {"人": "CNY", "美": "USD", "港": "HKD", "0": "USD"}[reply[0]]
    assert price_of(reply) == (0.12, expected)


@pytest.mark.parametrize("reply", ["CH340C 300个 总价690元", "300pcs total 690 RMB"])
def test_a_total_for_a_written_quantity_is_divided_by_it(reply: str) -> None:
    assert price_of(reply, RfqLine(1, "CH340C 300pcs", 300, "CH340C")) == (2.3, "CNY")


def test_a_price_the_vendor_says_it_is_not_is_no_offer() -> None:
    assert offers("不好意思 之前报错了 是2.6元 不是2.3元") == [
        {"line": 1, "price": 2.6, "currency": "CNY"}
    ]


def test_a_dash_between_fields_is_not_a_price_range() -> None:
    rfq = RfqLine(1, "TPS54331DR 500", 500, "TPS54331DR")
    assert offers("TPS54331DR - TI - USD 0.41 - 2,500 pcs - DC 23+", rfq) == [
        {
            "line": 1,
            "price": 0.41,
            "currency": "USD",
            "mpn": "TPS54331DR",
            "manufacturer": "TI",
            "date_code": "23+",
        }
    ]

"""Rule 1: every offer names the RFQ line it answers, and each option is its own offer."""

from __future__ import annotations

from typing import Any

import pytest

from bot.vendor_replies import RfqLine, parse_quote

RESISTOR = RfqLine(1, "500 pcs 0603 10k 1%", 500, None)
CAPACITOR = RfqLine(2, "1000 pcs 0603 100nF 50V X7R", 1000, None)
MCU = RfqLine(3, "STM32F103C8T6 x 50", 50, "STM32F103C8T6")
BOM = [RESISTOR, CAPACITOR, MCU]
PARTS = [
    RfqLine(1, "AMS1117-3.3 x1000", 1000, "AMS1117-3.3"),
    RfqLine(2, "LM358DR x500", 500, "LM358DR"),
    RfqLine(3, "W25Q64JVSSIQ x200", 200, "W25Q64JVSSIQ"),
]


def offers(text: str, rfq: list[RfqLine]) -> list[dict[str, Any]]:
    return [offer.to_dict() for offer in parse_quote(text, rfq)]


def test_a_one_line_rfq_is_answered_as_line_1() -> None:
    assert offers("0.004元 现货", [RESISTOR]) == [
        {"line": 1, "price": 0.004, "currency": "CNY", "lead_time_days": 0}
    ]


@pytest.mark.parametrize(
    "reply",
    [
        "1) 0.0012usd 2) 0.0025usd 3) 1.85usd",
        "1. 0.0012usd\n2. 0.0025usd\n3. 1.85usd",
        "#1 0.0012usd\n#2 0.0025usd\n#3 1.85usd",
        "item 1: 0.0012usd, item 2: 0.0025usd, item 3: 1.85usd",
        "第1项 0.0012usd\n第2项 0.0025usd\n第3项 1.85usd",
        "1、0.0012usd 2、0.0025usd 3、1.85usd",
        "(1) 0.0012usd (2) 0.0025usd (3) 1.85usd",
    ],
)
def test_item_numbers_name_the_line(reply: str) -> None:
    assert offers(reply, BOM) == [
        {"line": 1, "price": 0.0012, "currency": "USD"},
        {"line": 2, "price": 0.0025, "currency": "USD"},
        {"line": 3, "price": 1.85, "currency": "USD"},
    ]


def test_offers_come_in_the_order_the_reply_makes_them() -> None:
    assert offers("#3 1.85usd\n#1 0.0012usd", BOM) == [
        {"line": 3, "price": 1.85, "currency": "USD"},
        {"line": 1, "price": 0.0012, "currency": "USD"},
    ]


def test_a_full_part_number_names_its_line() -> None:
    assert offers("LM358DR 0.35元\nAMS1117-3.3 0.12元", PARTS) == [
        {"line": 2, "price": 0.35, "currency": "CNY", "mpn": "LM358DR"},
        {"line": 1, "price": 0.12, "currency": "CNY", "mpn": "AMS1117-3.3"},
    ]


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (
            "ams1117 0.12元 lm358 0.35元 w25q64 3.2元",
            [
                {"line": 1, "price": 0.12, "currency": "CNY"},
                {"line": 2, "price": 0.35, "currency": "CNY"},
                {"line": 3, "price": 3.2, "currency": "CNY"},
            ],
        ),
        (
            "C8T6: 1.85 usd, cap 0.0025 usd",
            [
                {"line": 3, "price": 1.85, "currency": "USD"},
                {"line": 2, "price": 0.0025, "currency": "USD"},
            ],
        ),
    ],
    ids=["prefix-short-forms", "tail-short-form"],
)
def test_a_short_form_names_its_line_without_becoming_the_mpn(
    reply: str, expected: list[dict[str, Any]]
) -> None:
    rfq = PARTS if reply.startswith("ams") else BOM
    assert offers(reply, rfq) == expected


@pytest.mark.parametrize(
    "reply",
    [
        "电阻 0.008元 电容 0.015元 单片机 12.5元",
        "resistor 0.008元, capacitor 0.015元, MCU 12.5元",
        "10k: 0.008元, 100nF: 0.015元, IC 12.5元",
    ],
)
def test_a_category_or_value_names_the_line(reply: str) -> None:
    assert offers(reply, BOM) == [
        {"line": 1, "price": 0.008, "currency": "CNY"},
        {"line": 2, "price": 0.015, "currency": "CNY"},
        {"line": 3, "price": 12.5, "currency": "CNY"},
    ]


def test_capacitor_codes_name_capacitor_lines() -> None:
    rfq = [
        RfqLine(1, "1000 pcs 0603 100nF 50V X7R", 1000, None),
        RfqLine(2, "0805 10uF 25V X5R 500pcs", 500, None),
        RfqLine(3, "22pF 0402 C0G 2000", 2000, None),
    ]
    assert offers("104的 0.006, 106的 0.035, 22P 0.004", rfq) == [
        {"line": 1, "price": 0.006},
        {"line": 2, "price": 0.035},
        {"line": 3, "price": 0.004},
    ]


@pytest.mark.parametrize(
    "reply", ["0.0012\n0.0025\n1.85", "0.0012, 0.0025, 1.85", "0.0012 / 0.0025 / 1.85"]
)
def test_answers_naming_no_line_follow_the_rfq_order(reply: str) -> None:
    assert offers(reply, BOM) == [
        {"line": 1, "price": 0.0012},
        {"line": 2, "price": 0.0025},
        {"line": 3, "price": 1.85},
    ]


def test_two_brands_for_one_line_are_two_offers() -> None:
    assert offers("国巨 0.0012元, 风华 0.0009元", [RESISTOR]) == [
        {"line": 1, "price": 0.0012, "currency": "CNY", "manufacturer": "YAGEO"},
        {"line": 1, "price": 0.0009, "currency": "CNY", "manufacturer": "FENGHUA"},
    ]


def test_stock_and_factory_options_are_two_offers() -> None:
    reply = "STM32F103C8T6 ST: 现货 12.5元, 期货 8周 11元"
    assert offers(reply, [MCU]) == [
        {
            "line": 3,
            "price": 12.5,
            "currency": "CNY",
            "lead_time_days": 0,
            "mpn": "STM32F103C8T6",
            "manufacturer": "ST",
        },
        {
            "line": 3,
            "price": 11.0,
            "currency": "CNY",
            "lead_time_days": 56,
            "mpn": "STM32F103C8T6",
            "manufacturer": "ST",
        },
    ]


def test_with_and_without_tax_are_two_offers_sharing_the_rest() -> None:
    assert offers("LM358DR 现货 含税0.35元 不含税0.31元", PARTS) == [
        {
            "line": 2,
            "price": 0.35,
            "currency": "CNY",
            "lead_time_days": 0,
            "mpn": "LM358DR",
            "tax_included": True,
        },
        {
            "line": 2,
            "price": 0.31,
            "currency": "CNY",
            "lead_time_days": 0,
            "mpn": "LM358DR",
            "tax_included": False,
        },
    ]


def test_an_option_of_another_part_carries_only_what_is_written_with_it() -> None:
    reply = "STM32F103C8T6 ST原装 12.5元 含税 DC 23+ 现货2000; 国产替代 GD32F103C8T6 6.8元"
    assert offers(reply, [MCU]) == [
        {
            "line": 3,
            "price": 12.5,
            "currency": "CNY",
            "stock": 2000,
            "lead_time_days": 0,
            "mpn": "STM32F103C8T6",
            "manufacturer": "ST",
            "date_code": "23+",
            "tax_included": True,
        },
        {"line": 3, "price": 6.8, "currency": "CNY", "mpn": "GD32F103C8T6"},
    ]


def test_a_domestic_option_does_not_take_the_part_number_of_the_line() -> None:
    assert offers("LM358DR: domestic 0.02usd, TI original 0.085usd", PARTS) == [
        {"line": 2, "price": 0.02, "currency": "USD"},
        {"line": 2, "price": 0.085, "currency": "USD", "mpn": "LM358DR", "manufacturer": "TI"},
    ]


def test_parts_the_rfq_did_not_ask_for_give_no_offer() -> None:
    assert offers("AMS1117-3.3 0.12元\nNE555DR 0.2元", PARTS) == [
        {"line": 1, "price": 0.12, "currency": "CNY", "mpn": "AMS1117-3.3"}
    ]


def test_item_numbers_beyond_the_rfq_give_no_offer() -> None:
    assert offers("1) 0.0012usd\n4) 0.5usd", BOM) == [
        {"line": 1, "price": 0.0012, "currency": "USD"}
    ]


def test_lines_not_mentioned_give_no_offer() -> None:
    assert offers("1) 0.0012usd\n3) 1.85usd", BOM) == [
        {"line": 1, "price": 0.0012, "currency": "USD"},
        {"line": 3, "price": 1.85, "currency": "USD"},
    ]


@pytest.mark.parametrize(
    "reply",
    [
        "第1项 0.0012元\n第2项 稍后报\n第3项 12元",
        "1) 0.0012元\n2) checking with factory, will update tomorrow\n3) 12元",
    ],
)
def test_a_deferred_line_gives_no_offer(reply: str) -> None:
    assert offers(reply, BOM) == [
        {"line": 1, "price": 0.0012, "currency": "CNY"},
        {"line": 3, "price": 12.0, "currency": "CNY"},
    ]


def test_one_clause_may_answer_two_named_lines() -> None:
    assert offers("电阻电容都是0.01元, 单片机12元", BOM) == [
        {"line": 1, "price": 0.01, "currency": "CNY"},
        {"line": 2, "price": 0.01, "currency": "CNY"},
        {"line": 3, "price": 12.0, "currency": "CNY"},
    ]


def test_a_short_form_common_to_two_lines_answers_both() -> None:
    rfq = [RfqLine(1, "LM358DR 500", 500, "LM358DR"), RfqLine(2, "LM358DT 500", 500, "LM358DT")]
    assert offers("LM358 both 0.08usd", rfq) == [
        {"line": 1, "price": 0.08, "currency": "USD"},
        {"line": 2, "price": 0.08, "currency": "USD"},
    ]


def test_a_family_prefix_is_narrowed_by_the_short_form_after_it() -> None:
    rfq = [
        RfqLine(1, "STM32F103C8T6 x 50", 50, "STM32F103C8T6"),
        RfqLine(2, "STM32F103RCT6 x 20", 20, "STM32F103RCT6"),
    ]
    assert offers("STM32F103 C8T6: $1.9  RCT6: $3.5", rfq) == [
        {"line": 1, "price": 1.9, "currency": "USD"},
        {"line": 2, "price": 3.5, "currency": "USD"},
    ]


def test_values_name_lines_of_one_category() -> None:
    rfq = [
        RfqLine(1, "0603 10k 1% 5000pcs", 5000, None),
        RfqLine(2, "0603 4.7k 1% 5000pcs", 5000, None),
        RfqLine(3, "0603 100R 1% 5000pcs", 5000, None),
    ]
    assert offers("4K7 0.9/K, 100R 0.8/K, 10K 0.7/K", rfq) == [
        {"line": 2, "price": 0.0009},
        {"line": 3, "price": 0.0008},
        {"line": 1, "price": 0.0007},
    ]


def test_packages_name_lines_of_one_value() -> None:
    rfq = [
        RfqLine(1, "0603 10k 1% 5000pcs", 5000, None),
        RfqLine(2, "0805 10k 1% 5000pcs", 5000, None),
    ]
    assert offers("0805的1.2元/千 0603的0.9元/千", rfq) == [
        {"line": 2, "price": 0.0012, "currency": "CNY"},
        {"line": 1, "price": 0.0009, "currency": "CNY"},
    ]


def test_digits_of_a_part_number_name_its_line() -> None:
    rfq = [
        RfqLine(1, "TPS54331DR 500", 500, "TPS54331DR"),
        RfqLine(2, "MP1584EN-LF-Z 300", 300, "MP1584EN-LF-Z"),
    ]
    assert offers("54331 现货 2.9元\n1584 订货4周 3.6元", rfq) == [
        {"line": 1, "price": 2.9, "currency": "CNY", "lead_time_days": 0},
        {"line": 2, "price": 3.6, "currency": "CNY", "lead_time_days": 28},
    ]


def test_answers_in_order_skip_lines_declined_by_number() -> None:
    assert offers("1,2 没货 3 有货 12元", BOM) == [
        {"line": 1, "declined": True},
        {"line": 2, "declined": True},
        {"line": 3, "price": 12.0, "currency": "CNY", "lead_time_days": 0},
    ]


def test_bare_prices_in_a_row_answer_the_lines_in_order() -> None:
    assert offers("0.002 0.003 12.5", BOM) == [
        {"line": 1, "price": 0.002},
        {"line": 2, "price": 0.003},
        {"line": 3, "price": 12.5},
    ]


def test_each_brand_option_keeps_its_own_stock() -> None:
    assert offers("国巨 0.002元 现货5万 / 风华 0.0012元 现货10万", [RESISTOR]) == [
        {
            "line": 1,
            "price": 0.002,
            "currency": "CNY",
            "stock": 50000,
            "lead_time_days": 0,
            "manufacturer": "YAGEO",
        },
        {
            "line": 1,
            "price": 0.0012,
            "currency": "CNY",
            "stock": 100000,
            "lead_time_days": 0,
            "manufacturer": "FENGHUA",
        },
    ]


def test_a_part_not_asked_for_gives_no_offer_in_a_one_line_rfq() -> None:
    assert offers("STM32F103C8T6 12元\nCH340G 1.9元", [MCU]) == [
        {"line": 3, "price": 12.0, "currency": "CNY", "mpn": "STM32F103C8T6"}
    ]


@pytest.mark.parametrize(
    "reply",
    ["STM32F103C8T6 no stock\nAPM32F103C8T6 5.8元", "没货, 也可以用 APM32F103C8T6 5.8元"],
)
def test_a_similar_or_suggested_part_is_an_offer_for_the_line(reply: str) -> None:
    assert offers(reply, [MCU]) == [
        {"line": 3, "price": 5.8, "currency": "CNY", "mpn": "APM32F103C8T6"}
    ]


def test_a_table_with_a_header_row_answers_each_part() -> None:
    reply = (
        "P/N | Brand | Qty | Price | DC\n"
        "AMS1117-3.3 | AMS | 10000 | $0.03 | 24+\n"
        "LM358DR | TI | 2500 | $0.041 | 23+"
    )
    assert offers(reply, PARTS) == [
        {
            "line": 1,
            "price": 0.03,
            "currency": "USD",
            "mpn": "AMS1117-3.3",
            "manufacturer": "AMS",
            "date_code": "24+",
        },
        {
            "line": 2,
            "price": 0.041,
            "currency": "USD",
            "mpn": "LM358DR",
            "manufacturer": "TI",
            "date_code": "23+",
        },
    ]


def test_labelled_fields_describe_one_offer() -> None:
    reply = "型号：RC0603FR-0710KL\n品牌：YAGEO\n单价：0.0021\n交期：现货"
    assert offers(reply, [RESISTOR]) == [
        {
            "line": 1,
            "price": 0.0021,
            "lead_time_days": 0,
            "mpn": "RC0603FR-0710KL",
            "manufacturer": "YAGEO",
        }
    ]

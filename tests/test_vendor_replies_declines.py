"""Rules 3 and 14: a line the vendor cannot supply is declined; a reply with no offer is []."""

from __future__ import annotations

from typing import Any

import pytest

from bot.vendor_replies import RfqLine, parse_quote

RESISTOR = RfqLine(1, "500 pcs 0603 10k 1%", 500, None)
BOM = [
    RESISTOR,
    RfqLine(2, "1000 pcs 0603 100nF 50V X7R", 1000, None),
    RfqLine(3, "0603 LED red 1000", 1000, None),
    RfqLine(4, "AMS1117-3.3 200pcs", 200, "AMS1117-3.3"),
]


def offers(text: str, rfq: list[RfqLine]) -> list[dict[str, Any]]:
    return [offer.to_dict() for offer in parse_quote(text, rfq)]


@pytest.mark.parametrize(
    "reply",
    [
        "no stock",
        "sorry dont have",
        "Sorry, we don't have this one",
        "not our line",
        "out of stock",
        "n/a",
        "EOL, sorry",
        "没货",
        "无",
        "不做",
        "没有",
        "抱歉 这个没有",
        "这个型号停产了",
        "缺货",
    ],
)
def test_cannot_supply_declines_the_line_and_says_nothing_else(reply: str) -> None:
    assert offers(reply, [RESISTOR]) == [{"line": 1, "declined": True}]


def test_a_numbered_line_is_declined_alone() -> None:
    assert offers("1) 0.0019 2) 0.12 3) no stock", BOM[:3]) == [
        {"line": 1, "price": 0.0019},
        {"line": 2, "price": 0.12},
        {"line": 3, "declined": True},
    ]


def test_only_some_items_available_declines_the_others() -> None:
    reply = "only items 2 and 4 available\n2) 0.0041usd\n4) 0.052usd"
    assert offers(reply, BOM) == [
        {"line": 1, "declined": True},
        {"line": 3, "declined": True},
        {"line": 2, "price": 0.0041, "currency": "USD"},
        {"line": 4, "price": 0.052, "currency": "USD"},
    ]


def test_only_some_items_in_stock_declines_the_others_and_stocks_those() -> None:
    reply = "只有第2、4项有货\n2) 0.0041usd\n4) 0.052usd"
    assert offers(reply, BOM) == [
        {"line": 1, "declined": True},
        {"line": 3, "declined": True},
        {"line": 2, "price": 0.0041, "currency": "USD", "lead_time_days": 0},
        {"line": 4, "price": 0.052, "currency": "USD", "lead_time_days": 0},
    ]


@pytest.mark.parametrize("reply", ["items 1 and 3 no stock", "第1、3项没货", "1,3 n/a"])
def test_listed_items_are_declined(reply: str) -> None:
    assert offers(reply, BOM) == [{"line": 1, "declined": True}, {"line": 3, "declined": True}]


@pytest.mark.parametrize(
    "reply", ["AMS1117-3.3 0.12元, 其他没货", "AMS1117-3.3 0.12元, others no stock"]
)
def test_the_others_are_declined_after_an_offer(reply: str) -> None:
    assert offers(reply, BOM) == [
        {"line": 4, "price": 0.12, "currency": "CNY", "mpn": "AMS1117-3.3"},
        {"line": 1, "declined": True},
        {"line": 2, "declined": True},
        {"line": 3, "declined": True},
    ]


@pytest.mark.parametrize(
    "reply", ["all no stock", "都没货", "全部没有", "sorry, none of them available"]
)
def test_everything_declined(reply: str) -> None:
    assert offers(reply, BOM[:2]) == [{"line": 1, "declined": True}, {"line": 2, "declined": True}]


def test_a_category_can_be_declined_while_another_is_offered() -> None:
    assert offers("LED不做, 电阻0.004元", BOM[:3]) == [
        {"line": 3, "declined": True},
        {"line": 1, "price": 0.004, "currency": "CNY"},
    ]


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (
            "nothing on the shelf, factory LT 12 wks, 1.75 usd",
            {"line": 1, "price": 1.75, "currency": "USD", "lead_time_days": 84},
        ),
        (
            "目前没有现货，期货4-6周，0.0011元",
            {"line": 1, "price": 0.0011, "currency": "CNY", "lead_time_days": 42},
        ),
        ("no stock, LT 8 weeks", {"line": 1, "lead_time_days": 56}),
    ],
)
def test_no_stock_with_a_factory_offer_is_an_offer(reply: str, expected: dict[str, Any]) -> None:
    assert offers(reply, [RESISTOR]) == [expected]


def test_a_missing_brand_with_an_alternative_is_an_offer_of_the_alternative() -> None:
    rfq = [RfqLine(1, "GRM188R71H104KA93D 4000", 4000, "GRM188R71H104KA93D")]
    assert offers("no Murata, but Samsung CL10B104KB8NNNC 0.0021usd", rfq) == [
        {
            "line": 1,
            "price": 0.0021,
            "currency": "USD",
            "mpn": "CL10B104KB8NNNC",
            "manufacturer": "SAMSUNG",
        }
    ]


@pytest.mark.parametrize(
    "reply",
    [
        "any brand ok?",
        "要不要发票?",
        "what qty do you need?",
        "需要含税吗",
        "got it, checking 🙏",
        "收到，马上查",
        "ok noted",
        "好的 稍等",
        "thanks, will check and revert",
        "明天回复你",
        "Hi dear, good morning!",
        "",
    ],
)
def test_questions_acknowledgements_and_greetings_give_no_offer(reply: str) -> None:
    assert offers(reply, [RESISTOR]) == []


def test_a_question_beside_an_offer_leaves_the_offer() -> None:
    assert offers("0.0012usd in stock, how many do you need?", [RESISTOR]) == [
        {"line": 1, "price": 0.0012, "currency": "USD", "lead_time_days": 0}
    ]


def test_a_decline_waiting_on_a_check_is_no_decline() -> None:
    assert offers("2) 稍后报", BOM[:2]) == []


@pytest.mark.parametrize(
    "reply", ["没这个料", "无此型号", "卖完了", "we don't sell passives", "sorry we only do ICs"]
)
def test_more_ways_of_saying_cannot_supply(reply: str) -> None:
    assert offers(reply, [RESISTOR]) == [{"line": 1, "declined": True}]


def test_the_other_two_are_declined() -> None:
    assert offers("AMS1117-3.3 0.12元, 其他两个没有", [BOM[0], BOM[1], BOM[3]]) == [
        {"line": 4, "price": 0.12, "currency": "CNY", "mpn": "AMS1117-3.3"},
        {"line": 1, "declined": True},
        {"line": 2, "declined": True},
    ]


def test_a_part_out_of_stock_with_a_factory_offer_keeps_its_part_number() -> None:
    rfq = [RfqLine(1, "W25Q64JVSSIQ x200", 200, "W25Q64JVSSIQ")]
    assert offers("W25Q64JVSSIQ out of stock, LT 6 weeks $0.42", rfq) == [
        {"line": 1, "price": 0.42, "currency": "USD", "lead_time_days": 42, "mpn": "W25Q64JVSSIQ"}
    ]


def test_a_stock_statement_stands_while_the_price_is_deferred() -> None:
    assert offers("现货2k 价格稍后报", [RESISTOR]) == [
        {"line": 1, "stock": 2000, "lead_time_days": 0}
    ]


SENSORS = [
    RfqLine(1, "ADS1115IDGSR 100pcs", 100, "ADS1115IDGSR"),
    RfqLine(2, "INA219AIDCNR 200pcs", 200, "INA219AIDCNR"),
    RfqLine(3, "DRV8833PWPR 100pcs", 100, "DRV8833PWPR"),
    RfqLine(4, "TPS2051BDBVR 500pcs", 500, "TPS2051BDBVR"),
]


@pytest.mark.parametrize(
    "opening",
    [
        "we can only do items 2 and 4:",
        "only #2 & #4,",
        "2 and 4 only:",
        "items 2 and 4 only",
        "can supply items 2 & 4 only",
        "只能做第2和第4项：",
    ],
)
def test_doing_only_some_items_declines_the_others_where_it_is_said(opening: str) -> None:
    assert offers(f"{opening}\n2) 0.45 usd\n4) 0.12 usd", SENSORS) == [
        {"line": 1, "declined": True},
        {"line": 3, "declined": True},
        {"line": 2, "price": 0.45, "currency": "USD"},
        {"line": 4, "price": 0.12, "currency": "USD"},
    ]


def test_only_having_some_parts_declines_the_other_lines() -> None:
    assert offers("Only have ADS1115 and INA219:\nADS1115 $2.10\nINA219 $0.85", SENSORS) == [
        {"line": 3, "declined": True},
        {"line": 4, "declined": True},
        {"line": 1, "price": 2.1, "currency": "USD"},
        {"line": 2, "price": 0.85, "currency": "USD"},
    ]


@pytest.mark.parametrize("reply", ["we only have 50 pcs, 0.45usd", "can only supply 20, 0.45usd"])
def test_a_count_after_only_is_no_list_of_items(reply: str) -> None:
    assert not any(offer.get("declined") for offer in offers(reply, SENSORS))


@pytest.mark.parametrize("reply", ["sorry no stock", "没货", "sold out"])
def test_a_lone_decline_naming_no_line_declines_every_line(reply: str) -> None:
    assert offers(reply, SENSORS[:3]) == [
        {"line": 1, "declined": True},
        {"line": 2, "declined": True},
        {"line": 3, "declined": True},
    ]


def test_a_word_alone_between_item_numbers_declines_its_item() -> None:
    assert offers("1）2.85usd 2）no 3）0.98usd", SENSORS[:3]) == [
        {"line": 1, "price": 2.85, "currency": "USD"},
        {"line": 2, "declined": True},
        {"line": 3, "price": 0.98, "currency": "USD"},
    ]


@pytest.mark.parametrize("reply", ["price tomorrow", "quote soon", "明天给你报价"])
def test_a_price_promised_later_is_no_offer(reply: str) -> None:
    assert offers(reply, [RESISTOR]) == []


@pytest.mark.parametrize(
    "closing", ["only these two available", "that's all we have", "others: no", "其余暂无"]
)
def test_saying_the_answered_lines_are_all_declines_the_rest_where_it_is_said(
    closing: str,
) -> None:
    assert offers(f"2) 0.45 usd\n4) 0.12 usd\n{closing}", SENSORS) == [
        {"line": 2, "price": 0.45, "currency": "USD"},
        {"line": 4, "price": 0.12, "currency": "USD"},
        {"line": 1, "declined": True},
        {"line": 3, "declined": True},
    ]

"""What the automatic demo vendors write: market-style chat that the bot's reply reader
(`parse_quote`) reads back as exactly the offer the vendor meant."""

from __future__ import annotations

from typing import Any

import pytest
from test_demo_pricing import part, seed_catalogue

from bot.demo.pricing import PartQuote, VendorPricing, everything, quote_part
from bot.demo.replies import (
    LineAnswer,
    ReplyStyle,
    plain_part_number,
    reply_text,
    thousands,
    trade_brand,
    wan,
)
from bot.demo.roster import TELEGRAM_VENDORS
from bot.vendor_replies import RfqLine, parse_quote
from catalogue.partnumbers import clean_mpn
from catalogue.store import PartRecord


def quote(**fields: Any) -> PartQuote:
    """A Yageo 10 kΩ 0603 offer, with `fields` changed."""
    values: dict[str, Any] = {
        "mpn": "RC0603FR-0710KL",
        "manufacturer": "YAGEO",
        "category": "resistor",
        "currency": "CNY",
        "price_breaks": ((100, 0.015), (1000, 0.0123)),
        "stock": 50_000,
        "lead_time_days": 0,
        "moq": 100,
        "multiple": None,
        "date_code": "24+",
        "tax_included": True,
        **fields,
    }
    return PartQuote(**values)


def rfq_line(number: int, record: PartRecord, quantity: int) -> RfqLine:
    """The RFQ line a buyer asking for `record` by part number makes."""
    return RfqLine(
        number,
        f"{record.mpn} {quantity}pcs",
        quantity=quantity,
        mpn=record.mpn,
        category=str(record.category),
        candidates=(record.mpn,),
    )


def meant(style: ReplyStyle, answer: LineAnswer) -> dict[str, Any]:
    """The offer a vendor means by its answer, in parse_quote's form: what the style says."""
    offer = answer.quote
    if offer is None:
        return {"line": answer.line, "declined": True}
    said: dict[str, Any] = {
        "line": answer.line,
        "price": offer.unit_price(answer.quantity),
        "currency": offer.currency,
    }
    if offer.stock:
        said["stock"] = offer.stock
    said["lead_time_days"] = offer.lead_time_days
    if style is ReplyStyle.PART_NUMBERS:
        if plain_part_number(offer.mpn):
            said["mpn"] = clean_mpn(offer.mpn)
        if trade_brand(offer.manufacturer) is not None:
            said["manufacturer"] = offer.manufacturer
        said["date_code"] = offer.date_code
    writes_tax = {
        ReplyStyle.CHINESE: True,  # 含税 or 不含税, always
        ReplyStyle.ENGLISH: offer.tax_included,  # "incl. VAT" only
        ReplyStyle.PART_NUMBERS: offer.tax_included,  # 含税 only
    }[style]
    if writes_tax:
        said["tax_included"] = offer.tax_included
    return said


def read_back(text: str, lines: list[RfqLine]) -> list[dict[str, Any]]:
    return [draft.to_dict() for draft in parse_quote(text, lines)]


# -- the styles, by example ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "offer", "text"),
    [
        (ReplyStyle.CHINESE, quote(), "0.015元 含税 现货5万"),
        (ReplyStyle.CHINESE, quote(tax_included=False, stock=8_000), "0.015元 不含税 现货8000"),
        (ReplyStyle.CHINESE, quote(stock=0, lead_time_days=14), "0.015元 含税 期货2周"),
        (
            ReplyStyle.ENGLISH,
            quote(currency="USD", tax_included=False, stock=1_200_000),
            "0.015 USD, 1.2M in stock",
        ),
        (
            ReplyStyle.ENGLISH,
            quote(currency="USD", tax_included=False, stock=0, lead_time_days=42),
            "0.015 USD, 6 weeks",
        ),
        (
            ReplyStyle.ENGLISH,
            quote(currency="USD", stock=800, lead_time_days=2),
            "0.015 USD incl. VAT, 800 pcs in stock, ships in 2 days",
        ),
        (
            ReplyStyle.PART_NUMBERS,
            quote(currency="USD", tax_included=False),
            "RC0603FR-0710KL 国巨 0.015USD 现货5万 24+",
        ),
        (
            ReplyStyle.PART_NUMBERS,
            quote(stock=0, lead_time_days=21),
            "RC0603FR-0710KL 国巨 0.015元 含税 期货3周 24+",
        ),
    ],
)
def test_each_style_writes_one_line_the_way_its_market_does(
    style: ReplyStyle, offer: PartQuote, text: str
) -> None:
    assert reply_text(style, [LineAnswer(1, 500, offer)]) == text


def test_a_vendor_quotes_the_price_of_the_break_the_lines_quantity_reaches() -> None:
    offer = quote()
    assert reply_text(ReplyStyle.CHINESE, [LineAnswer(1, 5000, offer)]) == "0.0123元 含税 现货5万"
    assert reply_text(ReplyStyle.CHINESE, [LineAnswer(1, 20, offer)]) == "0.015元 含税 现货5万"


@pytest.mark.parametrize(
    ("style", "text"),
    [
        (ReplyStyle.CHINESE, "没货"),
        (ReplyStyle.ENGLISH, "Sorry, no stock"),
        (ReplyStyle.PART_NUMBERS, "没货"),
    ],
)
def test_a_vendor_with_nothing_for_a_one_line_rfq_says_so_in_its_words(
    style: ReplyStyle, text: str
) -> None:
    assert reply_text(style, [LineAnswer(1, 500, None)]) == text


def test_several_lines_are_answered_numbered_with_the_lines_not_carried_declined() -> None:
    answers = [
        LineAnswer(1, 500, quote(currency="USD", tax_included=False)),
        LineAnswer(2, 100, None),
        LineAnswer(3, 100, quote(currency="USD", tax_included=False, stock=0, lead_time_days=7)),
    ]

    assert reply_text(ReplyStyle.ENGLISH, answers) == (
        "1. 0.015 USD, 50k in stock\n2. no stock\n3. 0.015 USD, 1 week"
    )
    assert reply_text(ReplyStyle.CHINESE, answers) == (
        "1. 0.015USD 不含税 现货5万\n2. 没货\n3. 0.015USD 不含税 期货1周"
    )


def test_quantities_are_written_as_the_trade_counts() -> None:
    assert [wan(n) for n in (800, 8_000, 12_000, 50_000, 1_000_000)] == [
        "800",
        "8000",
        "1.2万",
        "5万",
        "100万",
    ]
    assert [thousands(n) for n in (120, 1_500, 50_000, 1_200_000)] == [
        "120 pcs",
        "1.5k",
        "50k",
        "1.2M",
    ]


def test_brands_are_named_in_chinese_where_the_trade_has_a_chinese_name() -> None:
    assert [trade_brand(maker) for maker in ("YAGEO", "TI", "JST", "ABRACON")] == [
        "国巨",
        "德州",
        "JST",
        None,
    ]


# -- read back by the bot --------------------------------------------------------------------


def test_the_example_in_the_issue_reads_back_as_its_price_tax_and_stock() -> None:
    line = rfq_line(1, part("RC0603FR-0710KL"), 500)
    text = reply_text(ReplyStyle.CHINESE, [LineAnswer(1, 500, quote())])

    assert read_back(text, [line]) == [
        {
            "line": 1,
            "price": 0.015,
            "currency": "CNY",
            "stock": 50_000,
            "lead_time_days": 0,
            "tax_included": True,
        }
    ]


def sample() -> list[PartRecord]:
    """Every kind of seed part: one resistor in a hundred, one other part in four."""
    records = list(seed_catalogue())
    resistors = [record for record in records if record.category == "resistor"]
    others = [record for record in records if record.category != "resistor"]
    return resistors[::100] + others[::4]


def pricings(style: ReplyStyle) -> list[VendorPricing]:
    """The demo vendor writing `style`, and a vendor writing it in the other currency."""
    [own] = [profile.pricing for profile in TELEGRAM_VENDORS if profile.style is style]
    assert own is not None
    other = VendorPricing(
        key=f"other {style}",
        currency="USD" if own.currency == "CNY" else "CNY",
        tax_included=not own.tax_included,
        coverage=everything(1.0),
        in_stock_share=0.6,
        ships_in_days=2,
    )
    return [own, other]


@pytest.mark.parametrize("style", list(ReplyStyle))
def test_every_one_line_answer_of_a_style_reads_back_as_the_offer_meant(style: ReplyStyle) -> None:
    checked = 0
    for pricing in pricings(style):
        for record in sample():
            offer = quote_part(pricing, record)
            if offer is None:
                continue
            answer = LineAnswer(1, 500, offer)
            text = reply_text(style, [answer])
            assert read_back(text, [rfq_line(1, record, 500)]) == [meant(style, answer)], text
            checked += 1
    assert checked > 200


@pytest.mark.parametrize("style", list(ReplyStyle))
def test_every_numbered_answer_of_a_style_reads_back_line_by_line(style: ReplyStyle) -> None:
    pricing = pricings(style)[1]
    offered = [(record, offer) for record in sample() if (offer := quote_part(pricing, record))]
    for start in range(0, len(offered) - 2, 3):
        trio = offered[start : start + 3]
        lines = [rfq_line(n, record, 100 * n) for n, (record, _) in enumerate(trio, start=1)]
        answers = [
            LineAnswer(n, 100 * n, None if n == 2 and start % 2 else offer)
            for n, (_, offer) in enumerate(trio, start=1)
        ]
        text = reply_text(style, answers)
        assert read_back(text, lines) == [meant(style, answer) for answer in answers], text

"""What the automatic demo vendors write back in their DMs: market-style chat, not forms.

Vendors on the Shenzhen market answer an RFQ in a line or two, in their own mix of Chinese,
English and numbers ("0.015元 含税 现货5万", "0.0021 USD, 50k in stock", "没货"), numbering
their answers when the request had several lines. Each style here writes what the bot's
reply reader (`bot.vendor_replies.parse_quote`) reads back as exactly the offer meant, so
the demo shows the bot reading real-looking chat.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.demo.pricing import PartQuote, decimal_text
from catalogue.manufacturers import aliases_of

_CJK = re.compile(r"[\u4e00-\u9fff]")
_PLAIN_MPN = re.compile(r"[A-Z0-9][A-Z0-9.\-]{3,}")


class ReplyStyle(StrEnum):
    #: A Huaqiangbei stall in Chinese: "0.015元 含税 现货5万", "3.2元 含税 期货2周", "没货".
    CHINESE = "chinese"
    #: A Hong Kong trader in English: "0.0021 USD, 50k in stock", "0.35 USD, 2 weeks".
    ENGLISH = "english"
    #: The part number, the brand in Chinese and the price, the trade's shorthand:
    #: "RC0603FR-0710KL 国巨 0.0021USD 现货5万 24+".
    PART_NUMBERS = "part_numbers"


@dataclass(frozen=True, slots=True)
class LineAnswer:
    """What a vendor says about one RFQ line: a part at the line's quantity, or no supply."""

    line: int
    quantity: int
    #: None: the vendor cannot supply the line.
    quote: PartQuote | None


def _tenths(value: float) -> str:
    """One decimal at most: 1.5, 12."""
    return decimal_text(round(value, 1))


def wan(pieces: int) -> str:
    """Pieces the Chinese way: 5万 (50,000), 1.2万, 120万, and 8000 as it is."""
    return f"{_tenths(pieces / 10_000)}万" if pieces >= 10_000 else str(pieces)


def thousands(pieces: int) -> str:
    """Pieces the English trade way: 50k, 1.5k, 1.2M, and "800 pcs" (a bare 120 could be a
    120 Ω part's value)."""
    if pieces >= 1_000_000:
        return f"{_tenths(pieces / 1_000_000)}M"
    return f"{_tenths(pieces / 1_000)}k" if pieces >= 1_000 else f"{pieces} pcs"


def trade_brand(manufacturer: str) -> str | None:
    """The brand as a Chinese trader writes it: 国巨 for YAGEO, ST for ST; None for a maker
    too small to have a trade name (the trader then names the part alone)."""
    aliases = aliases_of(manufacturer)
    if not aliases:
        return None
    return next((alias for alias in aliases if _CJK.search(alias)), manufacturer)


def plain_part_number(mpn: str) -> bool:
    """Whether traders type `mpn` as it is: letters, digits, dashes and dots, four or more.
    Ordering codes with slashes, commas or brackets ("B2B-XH-A(LF)(SN)") they leave to the
    RFQ's line instead."""
    return _PLAIN_MPN.fullmatch(mpn) is not None


def _weeks(days: int) -> int:
    return max(1, round(days / 7))


def _chinese_price(quote: PartQuote, quantity: int) -> str:
    price = decimal_text(quote.unit_price(quantity))
    return f"{price}元" if quote.currency == "CNY" else f"{price}{quote.currency}"


def _chinese_supply(quote: PartQuote) -> str:
    if quote.stock <= 0:
        return f"期货{_weeks(quote.lead_time_days)}周"
    ships = f" {quote.lead_time_days}天发货" if quote.lead_time_days else ""
    return f"现货{wan(quote.stock)}{ships}"


def _chinese(quote: PartQuote, quantity: int) -> str:
    tax = "含税" if quote.tax_included else "不含税"
    return f"{_chinese_price(quote, quantity)} {tax} {_chinese_supply(quote)}"


def _english(quote: PartQuote, quantity: int) -> str:
    price = f"{decimal_text(quote.unit_price(quantity))} {quote.currency}"
    if quote.tax_included:
        price += " incl. VAT"
    if quote.stock <= 0:
        weeks = _weeks(quote.lead_time_days)
        return f"{price}, {weeks} week{'s' if weeks > 1 else ''}"
    ships = f", ships in {quote.lead_time_days} days" if quote.lead_time_days else ""
    return f"{price}, {thousands(quote.stock)} in stock{ships}"


def _part_numbers(quote: PartQuote, quantity: int) -> str:
    price = _chinese_price(quote, quantity) + (" 含税" if quote.tax_included else "")
    named = [quote.mpn] if plain_part_number(quote.mpn) else []
    brand = trade_brand(quote.manufacturer)
    named += [brand] if brand is not None else []
    return " ".join([*named, price, _chinese_supply(quote), quote.date_code])


_DECLINE = {
    ReplyStyle.CHINESE: "没货",
    ReplyStyle.ENGLISH: "no stock",
    ReplyStyle.PART_NUMBERS: "没货",
}
_ALONE_DECLINE = {
    ReplyStyle.CHINESE: "没货",
    ReplyStyle.ENGLISH: "Sorry, no stock",
    ReplyStyle.PART_NUMBERS: "没货",
}
_OFFER = {
    ReplyStyle.CHINESE: _chinese,
    ReplyStyle.ENGLISH: _english,
    ReplyStyle.PART_NUMBERS: _part_numbers,
}


def line_text(style: ReplyStyle, answer: LineAnswer) -> str:
    """One line's answer, without its number."""
    if answer.quote is None:
        return _DECLINE[style]
    return _OFFER[style](answer.quote, answer.quantity)


def reply_text(style: ReplyStyle, answers: Sequence[LineAnswer]) -> str:
    """The whole reply: one line's answer alone, several numbered "1. ..." line by line."""
    if not answers:
        raise ValueError("a reply answers at least one line")
    if len(answers) == 1:
        [answer] = answers
        return _ALONE_DECLINE[style] if answer.quote is None else line_text(style, answer)
    return "\n".join(f"{answer.line}. {line_text(style, answer)}" for answer in answers)

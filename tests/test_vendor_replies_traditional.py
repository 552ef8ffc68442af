"""Replies in traditional characters read as in simplified (現貨 现货, 含稅 含税, 英飛凌 英飞凌)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.vendor_replies import RfqLine, parse_quote
from catalogue.traditional import simplified

MOSFET = RfqLine(1, "IRF540NPBF TO-220 200pcs", 200, "IRF540NPBF")
MCU = RfqLine(1, "STM32F103C8T6 x 50", 50, "STM32F103C8T6")
TRANSISTOR = RfqLine(1, "MMBT3904 3000", 3000, "MMBT3904")


def offers(text: str, rfq: RfqLine) -> list[dict[str, Any]]:
    return [offer.to_dict() for offer in parse_quote(text, [rfq])]


def test_folding_keeps_every_position() -> None:
    text = "英飛凌原裝 現貨 含稅 長電 週"
    assert simplified(text) == "英飞凌原装 现货 含税 长电 周"


def test_a_traditional_reply_reads_like_a_simplified_one() -> None:
    assert offers("IRF540NPBF 英飛凌原裝 HKD 3.2 現貨 含稅", MOSFET) == [
        {
            "line": 1,
            "price": 3.2,
            "currency": "HKD",
            "lead_time_days": 0,
            "mpn": "IRF540NPBF",
            "manufacturer": "INFINEON",
            "tax_included": True,
        }
    ]


def test_traditional_brand_stock_and_tax_words() -> None:
    assert offers("長電 MMBT3904 0.02元 未稅 庫存5萬", TRANSISTOR) == [
        {
            "line": 1,
            "price": 0.02,
            "currency": "CNY",
            "stock": 50000,
            "lead_time_days": 0,
            "mpn": "MMBT3904",
            "manufacturer": "CJ",
            "tax_included": False,
        }
    ]


@pytest.mark.parametrize(
    ("reply", "days"),
    [("交期4週 報價 HKD 12.5", 28), ("貨期5個工作天 HK$12.5", 5), ("需要等兩個禮拜 HK$12.5", 14)],
)
def test_traditional_lead_times(reply: str, days: int) -> None:
    assert offers(reply, MCU) == [
        {"line": 1, "price": 12.5, "currency": "HKD", "lead_time_days": days}
    ]


def test_a_traditional_decline() -> None:
    assert offers("不好意思 無貨", MCU) == [{"line": 1, "declined": True}]

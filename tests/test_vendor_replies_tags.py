"""Rules 12 and 13: date codes without their prefix, and whether tax is included."""

from __future__ import annotations

from typing import Any

import pytest

from bot.vendor_replies import RfqLine, parse_quote

MCU = RfqLine(1, "STM32F103C8T6 x 100", 100, "STM32F103C8T6")


def offer_of(text: str) -> dict[str, Any]:
    (offer,) = [offer.to_dict() for offer in parse_quote(text, [MCU])]
    return offer


@pytest.mark.parametrize(
    ("reply", "code"),
    [
        ("12.5元 DC 23+", "23+"),
        ("1.85usd, D/C: 24+", "24+"),
        ("12.5元 批号23+", "23+"),
        ("1.85usd DC2315", "2315"),
        ("1.85usd, date code 2401.", "2401"),
        ("12.5元 批次 22+", "22+"),
        ("长电 24+ 0.02元 现货", "24+"),
        ("12.5元 2023+", "2023+"),
    ],
)
def test_date_codes_lose_their_prefix(reply: str, code: str) -> None:
    assert offer_of(reply)["date_code"] == code


def test_a_tier_quantity_with_a_plus_is_not_a_date_code() -> None:
    assert offer_of("1-19 2.0usd, 20+ 1.8usd") == {
        "line": 1,
        "price": 1.8,
        "currency": "USD",
        "price_breaks": [[1, 2.0], [20, 1.8]],
    }


@pytest.mark.parametrize(
    "reply",
    [
        "12.5元 含税",
        "12.5元 含票",
        "12.5元 含13%票",
        "含税价 12.5元",
        "1.85usd incl. VAT",
        "1.85 USD including VAT",
    ],
)
def test_tax_included(reply: str) -> None:
    assert offer_of(reply)["tax_included"] is True


@pytest.mark.parametrize(
    "reply",
    ["12.5元 不含税", "12.5元 未税", "12.5元 不开票", "1.85usd excl. VAT", "12.5元 要票加点"],
)
def test_tax_excluded(reply: str) -> None:
    assert offer_of(reply)["tax_included"] is False


def test_tax_is_absent_when_not_written() -> None:
    assert "tax_included" not in offer_of("12.5元")


@pytest.mark.parametrize(
    ("reply", "included"),
    [("12.5元(13%票)", True), ("12.5元 不含13%票", False), ("12.5元 税点另算", False)],
)
def test_invoice_rates_say_whether_tax_is_included(reply: str, included: bool) -> None:
    assert offer_of(reply)["tax_included"] is included


def test_a_bare_not_included_after_a_price_excludes_tax() -> None:
    offers = [offer.to_dict() for offer in parse_quote("12.5元含税, 11元不含", [MCU])]
    assert [offer["tax_included"] for offer in offers] == [True, False]

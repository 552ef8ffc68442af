"""A ranked offer's JSON: the issue's `quote --json` keys first, then the named extras."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from bot.fx import FxRates
from bot.quotes import Offer, QuoteLine
from bot.ranking import OfferToRank, VendorTerms, rank_line
from catalogue.request import PartRequest

FX = FxRates.parse("USD", "CNY=0.14,EUR=1.08")
NOW = datetime(2025, 3, 1, tzinfo=UTC)
LINE = QuoteLine(
    line=1,
    text="RC0603FR-0710KL 500pcs",
    request=PartRequest(quantity=500, mpn="RC0603FR-0710KL"),
    candidates=("RC0603FR-0710KL",),
)
ISSUE_KEYS = [
    "rank",
    "vendor",
    "mpn",
    "manufacturer",
    "order_quantity",
    "unit_price",
    "currency",
    "total",
    "original_currency",
    "original_unit_price",
    "stock",
    "lead_time_days",
    "can_fulfil",
    "alternative",
    "why",
]


def test_the_issues_example_offer_comes_out_as_the_issue_writes_it() -> None:
    offer = Offer(
        line=1,
        currency="CNY",
        price_breaks=((1, 0.015),),
        mpn="RC0603FR-0710KL",
        manufacturer="YAGEO",
        stock=50000,
        lead_time_days=0,
        tax_included=False,
    )
    item = OfferToRank(offer, VendorTerms("Huaqiang A", currency="CNY"), offer_id=17)
    [result] = rank_line(LINE, [item], currency="USD", fx=FX, now=NOW)
    assert result.to_json() == {
        "rank": 1,
        "vendor": "Huaqiang A",
        "mpn": "RC0603FR-0710KL",
        "manufacturer": "YAGEO",
        "order_quantity": 500,
        "unit_price": 0.0021,
        "currency": "USD",
        "total": 1.05,
        "original_currency": "CNY",
        "original_unit_price": 0.015,
        "stock": 50000,
        "lead_time_days": 0,
        "can_fulfil": True,
        "alternative": False,
        "why": "cheapest total at 500 pcs · in stock",
        "suggestion": None,
        "vendor_score": 50.0,
        "tax_included": False,
        "tax_note": None,
        "goods_total": 1.05,
        "minimum_order_charge": 0.0,
        "shipping": 0.0,
        "requested_quantity": 500,
        "offer_id": 17,
        "seller": None,
        "packaging": None,
        "sku": None,
    }


def test_the_issues_keys_come_first_in_the_issues_order() -> None:
    offer = Offer(line=1, currency="USD", price_breaks=((1, 0.0031),))
    [result] = rank_line(LINE, [OfferToRank(offer, VendorTerms("B"))], currency="USD", fx=FX)
    assert list(result.to_json())[: len(ISSUE_KEYS)] == ISSUE_KEYS


def test_a_suggestion_is_written_with_its_quantity_total_saving_and_text() -> None:
    offer = Offer(
        line=1,
        currency="USD",
        price_breaks=((1, 0.05), (100, 0.0042), (1000, 0.0019)),
        stock=120000,
    )
    [result] = rank_line(LINE, [OfferToRank(offer, VendorTerms("D"))], currency="USD", fx=FX)
    assert result.to_json()["suggestion"] == {
        "order_quantity": 1000,
        "unit_price": 0.0019,
        "total": 1.9,
        "saving": 0.2,
        "text": "buy 1,000 for $1.90 instead of $2.10 for 500",
    }


def test_the_json_form_serialises_as_is() -> None:
    offer = Offer(line=1, currency="CNY", price_breaks=((1, 0.015),), tax_included=True)
    [result] = rank_line(LINE, [OfferToRank(offer, VendorTerms("A", "CNY"))], currency="USD", fx=FX)
    text = json.dumps(result.to_json(), ensure_ascii=False)
    assert '"unit_price": 0.00185841' in text
    assert '"tax_note": "incl. 13% VAT, compared ex-VAT"' in text

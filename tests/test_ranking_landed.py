"""Landed total: converted to the buyer's currency, ex-VAT, with shipping and minimum order."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.fx import FxRates
from bot.quotes import Offer, QuoteLine
from bot.ranking import OfferToRank, RankedOffer, VendorTerms, rank_line
from catalogue.request import PartRequest

FX = FxRates.parse("USD", "CNY=0.14,EUR=1.08")
NOW = datetime(2025, 3, 1, tzinfo=UTC)
LINE = QuoteLine(
    line=1,
    text="RC0603FR-0710KL 500pcs",
    request=PartRequest(quantity=500, mpn="RC0603FR-0710KL"),
    candidates=("RC0603FR-0710KL",),
)
SHENZHEN = VendorTerms("Shenzhen Huaqiang", currency="CNY")
DISTRIBUTOR = VendorTerms("Rich Hong Kong", currency="USD")


def yuan_offer(price: float, tax_included: bool | None = False) -> Offer:
    return Offer(
        line=1,
        currency="CNY",
        price_breaks=((1, price),),
        mpn="RC0603FR-0710KL",
        stock=50000,
        lead_time_days=0,
        tax_included=tax_included,
    )


DOLLAR_OFFER = Offer(
    line=1,
    currency="USD",
    price_breaks=((100, 0.0031), (1000, 0.0019)),
    mpn="RC0603FR-0710KL",
    moq=100,
    stock=120000,
    lead_time_days=0,
)


def rank(*items: OfferToRank, currency: str = "USD", vat_rate: float = 0.13) -> list[RankedOffer]:
    return rank_line(LINE, items, currency=currency, fx=FX, vat_rate=vat_rate, now=NOW)


def shown(result: RankedOffer) -> tuple[object, ...]:
    data = result.to_json()
    return tuple(data[key] for key in ("unit_price", "total", "original_unit_price"))


def test_a_yuan_price_is_converted_to_dollars_keeping_the_original() -> None:
    [result] = rank(OfferToRank(yuan_offer(0.015), SHENZHEN))
    assert shown(result) == (0.0021, 1.05, 0.015)
    assert (result.currency, result.original_currency) == ("USD", "CNY")


def test_a_dollar_price_is_converted_for_a_buyer_paying_in_yuan() -> None:
    [result] = rank(OfferToRank(DOLLAR_OFFER, DISTRIBUTOR), currency="CNY")
    assert shown(result) == (0.0221429, 11.07, 0.0031)
    assert (result.currency, result.original_currency) == ("CNY", "USD")


def test_a_euro_price_is_converted_to_yuan_through_the_base_currency() -> None:
    offer = Offer(line=1, currency="EUR", price_breaks=((1, 0.0028),), stock=10000)
    [result] = rank(OfferToRank(offer, VendorTerms("Farnell", currency="EUR")), currency="CNY")
    assert shown(result) == (0.0216, 10.8, 0.0028)


def test_a_tax_included_price_is_compared_ex_vat() -> None:
    [result] = rank(OfferToRank(yuan_offer(0.015, tax_included=True), SHENZHEN))
    assert shown(result) == (0.00185841, 0.93, 0.015)
    assert result.tax_note == "incl. 13% VAT, compared ex-VAT"


def test_a_tax_included_price_beats_a_lower_looking_tax_excluded_one() -> None:
    included = OfferToRank(yuan_offer(0.0150, tax_included=True), VendorTerms("含税", "CNY"))
    excluded = OfferToRank(yuan_offer(0.0140, tax_included=False), VendorTerms("未税", "CNY"))
    assert [r.vendor for r in rank(excluded, included)] == ["含税", "未税"]


def test_an_offer_silent_about_tax_takes_the_vendors_terms() -> None:
    terms = VendorTerms("Shenzhen Huaqiang", currency="CNY", prices_include_tax=True)
    [result] = rank(OfferToRank(yuan_offer(0.015, tax_included=None), terms))
    assert (result.tax_included, shown(result)) == (True, (0.00185841, 0.93, 0.015))


def test_an_offers_own_tax_status_wins_over_the_vendors_terms() -> None:
    terms = VendorTerms("Shenzhen Huaqiang", currency="CNY", prices_include_tax=True)
    [result] = rank(OfferToRank(yuan_offer(0.015, tax_included=False), terms))
    assert (result.tax_included, result.tax_note) == (False, None)
    assert shown(result) == (0.0021, 1.05, 0.015)


def test_a_vat_rate_of_zero_leaves_tax_included_prices_as_they_are() -> None:
    [result] = rank(OfferToRank(yuan_offer(0.015, tax_included=True), SHENZHEN), vat_rate=0.0)
    assert (result.tax_note, shown(result)) == (None, (0.0021, 1.05, 0.015))


def test_the_shipping_fee_is_converted_and_added() -> None:
    terms = VendorTerms("Shenzhen Huaqiang", currency="CNY", shipping_fee=15.0)
    [result] = rank(OfferToRank(yuan_offer(0.015), terms))
    data = result.to_json()
    assert (data["goods_total"], data["shipping"], data["total"]) == (1.05, 2.1, 3.15)
    assert "incl. $2.10 shipping" in result.why


def test_shipping_can_make_the_lower_unit_price_the_dearer_order() -> None:
    terms = VendorTerms("Shenzhen Huaqiang", currency="CNY", shipping_fee=15.0)
    results = rank(OfferToRank(yuan_offer(0.015), terms), OfferToRank(DOLLAR_OFFER, DISTRIBUTOR))
    assert [(r.vendor, round(r.total, 2)) for r in results] == [
        ("Rich Hong Kong", 1.55),
        ("Shenzhen Huaqiang", 3.15),
    ]


def test_a_vendors_shipping_fee_is_ex_vat_when_its_prices_include_tax() -> None:
    terms = VendorTerms(
        "Shenzhen Huaqiang", currency="CNY", shipping_fee=11.3, prices_include_tax=True
    )
    [result] = rank(OfferToRank(yuan_offer(0.015), terms))
    assert result.to_json()["shipping"] == 1.4


def test_an_order_below_the_minimum_order_value_pays_the_minimum() -> None:
    terms = VendorTerms("Rich Hong Kong", currency="USD", min_order_value=20.0)
    [result] = rank(OfferToRank(DOLLAR_OFFER, terms))
    data = result.to_json()
    assert (data["goods_total"], data["minimum_order_charge"], data["total"]) == (1.55, 18.45, 20.0)
    assert "minimum order value $20.00 applies" in result.why


def test_an_order_above_the_minimum_order_value_pays_only_the_goods() -> None:
    terms = VendorTerms("Rich Hong Kong", currency="USD", min_order_value=1.0)
    [result] = rank(OfferToRank(DOLLAR_OFFER, terms))
    assert (result.to_json()["total"], "minimum order" in result.why) == (1.55, False)


def test_the_minimum_order_value_covers_the_goods_and_shipping_comes_on_top() -> None:
    terms = VendorTerms(
        "Shenzhen Huaqiang", currency="CNY", shipping_fee=15.0, min_order_value=50.0
    )
    [result] = rank(OfferToRank(yuan_offer(0.015), terms))
    assert result.to_json()["total"] == 9.1

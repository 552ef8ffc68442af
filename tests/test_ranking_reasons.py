"""Every ranked offer carries a short reason a buyer can read."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.fx import FxRates
from bot.quotes import Offer, QuoteLine
from bot.ranking import OfferToRank, VendorRecord, VendorTerms, rank_line
from bot.ranking.details import ComparedExVat, InStock, Moq
from bot.ranking.standing import CheapestTotal, ShortOfStock, TotalAgainstFirst
from catalogue.request import PartRequest

FX = FxRates.parse("USD", "CNY=0.14,EUR=1.08")
NOW = datetime(2025, 3, 1, tzinfo=UTC)
RESISTOR = QuoteLine(
    line=1,
    text="RC0603FR-0710KL 500pcs",
    request=PartRequest(quantity=500, mpn="RC0603FR-0710KL"),
    candidates=("RC0603FR-0710KL",),
)
RELIABLE = VendorRecord(
    asked_count=50,
    answered_count=48,
    answer_seconds_total=48 * 120.0,
    chosen_count=20,
    feedback_count=10,
    feedback_total=9.5,
)

#: Shenzhen stockist: 0.015 yuan including VAT (含税), 50k on the shelf.
VENDOR_A = OfferToRank(
    Offer(
        line=1,
        currency="CNY",
        price_breaks=((1, 0.015),),
        mpn="RC0603FR-0710KL",
        manufacturer="YAGEO",
        stock=50000,
        lead_time_days=0,
        tax_included=True,
    ),
    VendorTerms("Huaqiang A", currency="CNY"),
)
#: Distributor: dollar breaks, MOQ 100, a long good record.
VENDOR_B = OfferToRank(
    Offer(
        line=1,
        currency="USD",
        price_breaks=((100, 0.0031), (1000, 0.0019)),
        mpn="RC0603FR-0710KL",
        manufacturer="YAGEO",
        moq=100,
        stock=120000,
        lead_time_days=0,
    ),
    VendorTerms("Distributor B", currency="USD"),
    RELIABLE,
)
#: Cheapest of all, but only 300 on hand.
VENDOR_C = OfferToRank(
    Offer(
        line=1,
        currency="USD",
        price_breaks=((1, 0.0015),),
        mpn="RC0603FR-0710KL",
        stock=300,
        lead_time_days=0,
    ),
    VendorTerms("Broker C", currency="USD"),
)
OFFERS = [VENDOR_C, VENDOR_B, VENDOR_A]


def reasons(order: str) -> list[tuple[str, str]]:
    results = rank_line(RESISTOR, OFFERS, currency="USD", fx=FX, order=order, now=NOW)
    return [(result.vendor, result.why) for result in results]


def why(line: QuoteLine, offer: Offer, terms: VendorTerms | None = None) -> str:
    item = OfferToRank(offer, terms or VendorTerms("Rich Hong Kong"))
    [result] = rank_line(line, [item], currency="USD", fx=FX, now=NOW)
    return result.why


def dollar_offer(
    *,
    moq: int | None = None,
    multiple: int | None = None,
    stock: int | None = None,
    lead_time_days: int | None = None,
) -> Offer:
    return Offer(
        line=1,
        currency="USD",
        price_breaks=((1, 0.0031),),
        moq=moq,
        multiple=multiple,
        stock=stock,
        lead_time_days=lead_time_days,
    )


def test_cheapest_order_reasons() -> None:
    assert reasons("cheapest") == [
        ("Huaqiang A", "cheapest total at 500 pcs · in stock · incl. 13% VAT, compared ex-VAT"),
        ("Distributor B", "2nd: $0.62 more than #1 · in stock · MOQ 100"),
        ("Broker C", "stock 300 of 500 needed"),
    ]


def test_the_reasons_are_pieces_that_keep_their_numbers() -> None:
    results = rank_line(RESISTOR, OFFERS, currency="USD", fx=FX, now=NOW)
    assert [result.reasons for result in results] == [
        (CheapestTotal(500), InStock(), ComparedExVat(0.13)),
        (TotalAgainstFirst(2, 0.62, "USD"), InStock(), Moq(100)),
        (ShortOfStock(300, 500),),
    ]


def test_fastest_order_reasons_tell_ties_apart_by_total() -> None:
    assert reasons("fastest") == [
        ("Huaqiang A", "fastest delivery · in stock · incl. 13% VAT, compared ex-VAT"),
        ("Distributor B", "2nd: as fast as #1, $0.62 more · in stock · MOQ 100"),
        ("Broker C", "stock 300 of 500 needed"),
    ]


def test_trusted_order_reasons_give_the_scores_and_name_new_vendors() -> None:
    assert reasons("trusted") == [
        ("Distributor B", "most trusted vendor (score 89) · in stock · MOQ 100"),
        (
            "Huaqiang A",
            "2nd: vendor score 50 vs 89 for #1 · new vendor · in stock"
            " · incl. 13% VAT, compared ex-VAT",
        ),
        ("Broker C", "stock 300 of 500 needed · new vendor"),
    ]


def test_a_slower_offer_says_how_much_slower_than_the_fastest() -> None:
    offers = [
        OfferToRank(dollar_offer(lead_time_days=21), VendorTerms("Factory")),
        OfferToRank(dollar_offer(stock=10000, lead_time_days=0), VendorTerms("Stock")),
    ]
    results = rank_line(RESISTOR, offers, currency="USD", fx=FX, order="fastest", now=NOW)
    assert results[1].why == "2nd: 3 weeks slower than #1 · ships in 3 weeks"


def test_an_offer_at_the_same_total_as_the_first_says_so() -> None:
    offers = [
        OfferToRank(dollar_offer(stock=10000, lead_time_days=0), VendorTerms("One")),
        OfferToRank(dollar_offer(lead_time_days=5), VendorTerms("Two")),
    ]
    results = rank_line(RESISTOR, offers, currency="USD", fx=FX, now=NOW)
    assert results[1].why == "2nd: same total as #1 · ships in 5 days"


def test_an_alternative_names_the_part_offered_and_the_part_asked_for() -> None:
    line = QuoteLine(
        line=1,
        text="STM32F103C8T6 x100",
        request=PartRequest(quantity=100, mpn="STM32F103C8T6"),
        candidates=("STM32F103C8T6",),
    )
    offer = Offer(line=1, currency="USD", price_breaks=((1, 0.95),), mpn="GD32F103C8T6", stock=5000)
    assert why(line, offer) == (
        "cheapest total at 100 pcs · alternative part GD32F103C8T6 for STM32F103C8T6 · in stock"
    )


def test_an_alternative_on_a_generic_line_says_it_is_not_a_catalogue_match() -> None:
    line = QuoteLine(
        line=1,
        text="0603 10k 1% 5000pcs",
        request=PartRequest(quantity=5000, category="resistor", value=10000.0, package="0603"),
        candidates=("RC0603FR-0710KL",),
    )
    offer = Offer(line=1, currency="USD", price_breaks=((1, 0.002),), mpn="CR0603-FX-1002ELF")
    assert why(line, offer) == (
        "cheapest total at 5,000 pcs · alternative part CR0603-FX-1002ELF"
        " (not a catalogue match) · lead time unknown"
    )


def test_a_quantity_raised_to_the_moq_says_what_was_asked() -> None:
    offer = dollar_offer(moq=1000, stock=50000)
    assert why(RESISTOR, offer) == "cheapest total at 1,000 pcs · in stock · MOQ 1,000 (asked 500)"


def test_a_quantity_rounded_to_a_multiple_says_what_was_asked() -> None:
    offer = dollar_offer(moq=1000, multiple=300, stock=50000)
    assert why(RESISTOR, offer) == (
        "cheapest total at 1,200 pcs · in stock · MOQ 1,000, multiples of 300 (asked 500)"
    )


def test_reels_say_the_reel_size_used() -> None:
    line = QuoteLine(line=1, text="RC0603FR-0710KL 2 reels", request=PartRequest(reels=2))
    offer = dollar_offer(moq=5000, multiple=5000, stock=200000)
    assert why(line, offer) == (
        "cheapest total at 10,000 pcs · in stock · 2 reels × 5,000 · MOQ 5,000"
    )


def test_a_reel_size_taken_from_other_offers_says_so() -> None:
    line = QuoteLine(line=1, text="RC0603FR-0710KL 2 reels", request=PartRequest(reels=2))
    offers = [
        OfferToRank(dollar_offer(stock=200000), VendorTerms("No reel")),
        OfferToRank(dollar_offer(multiple=5000, lead_time_days=14), VendorTerms("Full reels")),
    ]
    results = rank_line(line, offers, currency="USD", fx=FX, now=NOW)
    assert results[0].why == (
        "cheapest total at 10,000 pcs · in stock · 2 reels × 5,000 (reel size from other offers)"
    )


def test_reels_without_any_reel_size_are_priced_at_the_minimum_order() -> None:
    line = QuoteLine(line=1, text="RC0603FR-0710KL 2 reels", request=PartRequest(reels=2))
    assert why(line, dollar_offer(moq=100, stock=200000)) == (
        "cheapest total at 100 pcs · in stock · reel size unknown: minimum order 100"
    )


def test_no_quantity_asked_is_priced_at_the_minimum_order() -> None:
    line = QuoteLine(line=1, text="RC0603FR-0710KL", request=PartRequest(mpn="RC0603FR-0710KL"))
    assert why(line, dollar_offer(moq=100, stock=200000)) == (
        "cheapest total at 100 pcs · in stock · no quantity asked: minimum order 100"
    )


def test_stock_covering_the_order_with_the_vendors_dispatch_time() -> None:
    terms = VendorTerms("Rich Hong Kong", default_lead_time_days=2)
    assert why(RESISTOR, dollar_offer(stock=50000), terms) == (
        "cheapest total at 500 pcs · in stock, ships in 2 days"
    )


def test_part_in_stock_and_the_balance_later() -> None:
    assert why(RESISTOR, dollar_offer(stock=300, lead_time_days=21)) == (
        "cheapest total at 500 pcs · 300 in stock, rest in 3 weeks"
    )


def test_shipping_and_minimum_order_value_are_named_in_the_reason() -> None:
    terms = VendorTerms("Rich Hong Kong", shipping_fee=5.0, min_order_value=20.0)
    assert why(RESISTOR, dollar_offer(stock=50000), terms) == (
        "cheapest total at 500 pcs · in stock · minimum order value $20.00 applies"
        " · incl. $5.00 shipping"
    )


def test_the_buy_up_suggestion_ends_the_reason() -> None:
    offer = Offer(
        line=1,
        currency="USD",
        price_breaks=((1, 0.05), (100, 0.0042), (1000, 0.0019)),
        stock=120000,
        lead_time_days=0,
    )
    assert why(RESISTOR, offer) == (
        "cheapest total at 500 pcs · in stock · buy 1,000 for $1.90 instead of $2.10 for 500"
    )

"""The order offers are ranked in: cheapest, fastest, most trusted; who can supply first."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.fx import FxRates, UnknownCurrency
from bot.quotes import Offer, QuoteLine
from bot.ranking import (
    Expired,
    NoExchangeRate,
    OfferToRank,
    RankedOffer,
    VendorRecord,
    VendorTerms,
    excluded_offers,
    rank_line,
)
from catalogue.request import PartRequest

FX = FxRates.parse("USD", "CNY=0.14,EUR=1.08")
NOW = datetime(2025, 3, 1, tzinfo=UTC)
RESISTOR = QuoteLine(
    line=1,
    text="RC0603FR-0710KL 500pcs",
    request=PartRequest(quantity=500, mpn="RC0603FR-0710KL"),
    candidates=("RC0603FR-0710KL",),
)
MCU = QuoteLine(
    line=1,
    text="STM32F103C8T6 x100",
    request=PartRequest(quantity=100, mpn="STM32F103C8T6"),
    candidates=("STM32F103C8T6",),
)
GENERIC = QuoteLine(
    line=1,
    text="0603 10k 1% 5000pcs",
    request=PartRequest(quantity=5000, category="resistor", value=10000.0, package="0603"),
    candidates=("RC0603FR-0710KL", "0603WAF1002T5E"),
    category="resistor",
)
RELIABLE = VendorRecord(
    asked_count=50,
    answered_count=48,
    answer_seconds_total=48 * 120.0,
    chosen_count=20,
    feedback_count=10,
    feedback_total=9.5,
)
FLAKY = VendorRecord(asked_count=20, answered_count=2, answer_seconds_total=7200.0)


def offer_from(
    vendor: str,
    price: float,
    *,
    currency: str = "USD",
    mpn: str | None = "RC0603FR-0710KL",
    stock: int | None = None,
    lead_time_days: int | None = None,
    record: VendorRecord | None = None,
    default_lead_time_days: int | None = None,
    valid_until: datetime | None = None,
) -> OfferToRank:
    offer = Offer(
        line=1,
        currency=currency,
        price_breaks=((1, price),),
        mpn=mpn,
        stock=stock,
        lead_time_days=lead_time_days,
        valid_until=valid_until,
    )
    terms = VendorTerms(vendor, currency=currency, default_lead_time_days=default_lead_time_days)
    return OfferToRank(offer, terms, record or VendorRecord())


def vendors(results: list[RankedOffer]) -> list[str]:
    return [result.vendor for result in results]


def test_an_offer_short_of_stock_ranks_below_every_offer_that_can_supply() -> None:
    short = offer_from("Short", 0.0015, stock=300, lead_time_days=0)
    dear = offer_from("Dear", 0.0042, stock=120000, lead_time_days=0)
    results = rank_line(RESISTOR, [short, dear], currency="USD", fx=FX, now=NOW)
    assert [(r.vendor, r.can_fulfil) for r in results] == [("Dear", True), ("Short", False)]


def test_short_stock_with_a_lead_time_for_the_balance_can_supply() -> None:
    offer = offer_from("Balance", 0.0015, stock=300, lead_time_days=21)
    [result] = rank_line(RESISTOR, [offer], currency="USD", fx=FX, now=NOW)
    assert (result.can_fulfil, result.lead_time_days) == (True, 21)


def test_unknown_stock_counts_as_able_to_supply() -> None:
    [result] = rank_line(RESISTOR, [offer_from("Broker", 0.002)], currency="USD", fx=FX, now=NOW)
    assert result.can_fulfil is True


def test_by_default_the_lowest_landed_total_ranks_first() -> None:
    offers = [
        offer_from("Rich", 0.0031, stock=120000, lead_time_days=0),
        offer_from("Huaqiang", 0.015, currency="CNY", stock=50000, lead_time_days=0),
        offer_from("Factory", 0.0025, lead_time_days=28),
    ]
    results = rank_line(RESISTOR, offers, currency="USD", fx=FX, now=NOW)
    assert [(r.vendor, round(r.total, 2)) for r in results] == [
        ("Huaqiang", 1.05),
        ("Factory", 1.25),
        ("Rich", 1.55),
    ]


def test_at_the_same_total_the_shorter_lead_time_ranks_first() -> None:
    offers = [
        offer_from("Later", 0.0031, lead_time_days=14),
        offer_from("Sooner", 0.0031, stock=120000, lead_time_days=0),
    ]
    assert vendors(rank_line(RESISTOR, offers, currency="USD", fx=FX, now=NOW)) == [
        "Sooner",
        "Later",
    ]


def test_at_the_same_total_and_lead_time_the_better_vendor_ranks_first() -> None:
    offers = [
        offer_from("Flaky", 0.0031, lead_time_days=0, record=FLAKY),
        offer_from("New", 0.0031, lead_time_days=0),
        offer_from("Reliable", 0.0031, lead_time_days=0, record=RELIABLE),
    ]
    assert vendors(rank_line(RESISTOR, offers, currency="USD", fx=FX, now=NOW)) == [
        "Reliable",
        "New",
        "Flaky",
    ]


def test_the_fastest_order_puts_the_shortest_lead_time_first_and_unknown_last() -> None:
    offers = [
        offer_from("Unknown", 0.0010),
        offer_from("Factory", 0.0020, lead_time_days=28),
        offer_from("Stock", 0.0031, stock=120000, lead_time_days=0),
        offer_from("Default", 0.0040, default_lead_time_days=3),
    ]
    results = rank_line(RESISTOR, offers, currency="USD", fx=FX, order="fastest", now=NOW)
    assert [(r.vendor, r.lead_time_days) for r in results] == [
        ("Stock", 0),
        ("Default", 3),
        ("Factory", 28),
        ("Unknown", None),
    ]


def test_the_trusted_order_puts_the_best_vendor_score_first() -> None:
    offers = [
        offer_from("Flaky", 0.0010, record=FLAKY),
        offer_from("New", 0.0020),
        offer_from("Reliable", 0.0031, record=RELIABLE),
    ]
    results = rank_line(RESISTOR, offers, currency="USD", fx=FX, order="trusted", now=NOW)
    assert [(r.vendor, round(r.vendor_score, 1)) for r in results] == [
        ("Reliable", 89.3),
        ("New", 50.0),
        ("Flaky", 36.6),
    ]


def test_every_order_puts_offers_that_cannot_supply_last() -> None:
    offers = [
        offer_from("Short", 0.0010, stock=300, lead_time_days=0, record=RELIABLE),
        offer_from("Slow", 0.0040, lead_time_days=28, record=FLAKY),
    ]
    for order in ("cheapest", "fastest", "trusted"):
        results = rank_line(RESISTOR, offers, currency="USD", fx=FX, order=order, now=NOW)
        assert vendors(results) == ["Slow", "Short"]


def test_an_exact_part_ranks_above_an_alternative_at_the_same_total() -> None:
    offers = [
        offer_from("Domestic", 1.75, mpn="GD32F103C8T6", stock=5000, lead_time_days=0),
        offer_from("Original", 1.75, mpn="STM32F103C8T6", stock=800, lead_time_days=0),
    ]
    results = rank_line(MCU, offers, currency="USD", fx=FX, now=NOW)
    assert [(r.vendor, r.alternative) for r in results] == [
        ("Original", False),
        ("Domestic", True),
    ]


def test_a_cheaper_alternative_still_ranks_above_but_is_marked() -> None:
    offers = [
        offer_from("Original", 1.75, mpn="STM32F103C8T6", stock=800, lead_time_days=0),
        offer_from("Domestic", 0.95, mpn="GD32F103C8T6", stock=5000, lead_time_days=0),
    ]
    results = rank_line(MCU, offers, currency="USD", fx=FX, now=NOW)
    assert [(r.vendor, r.alternative) for r in results] == [
        ("Domestic", True),
        ("Original", False),
    ]


def test_a_part_number_differing_only_in_case_and_packaging_suffix_is_exact() -> None:
    offer = offer_from("Reel", 1.75, mpn="stm32f103c8t6-TR")
    [result] = rank_line(MCU, [offer], currency="USD", fx=FX, now=NOW)
    assert result.alternative is False


def test_a_catalogue_neighbour_of_the_named_part_number_is_an_alternative() -> None:
    """IRLML6344TRPBF is not in the catalogue; its look-alike IRLML6402TRPBF (a P-channel
    part) is a candidate, but a buyer who names a part number wants that part."""
    line = QuoteLine(
        line=1,
        text="40 IRLML6344TRPBF",
        request=PartRequest(quantity=40, mpn="IRLML6344TRPBF"),
        candidates=("IRLML6402TRPBF", "IRLML0030TRPBF"),
    )
    offers = [
        offer_from("Neighbour", 0.05, mpn="IRLML6402TRPBF", stock=5000, lead_time_days=0),
        offer_from("Asked", 0.09, mpn="IRLML6344TRPBF", stock=5000, lead_time_days=0),
    ]
    results = rank_line(line, offers, currency="USD", fx=FX, now=NOW)
    assert [(r.vendor, r.alternative) for r in results] == [
        ("Neighbour", True),
        ("Asked", False),
    ]


def test_a_catalogue_candidate_or_no_part_number_meets_a_generic_line() -> None:
    offers = [
        offer_from("Uniroyal", 0.0018, mpn="0603WAF1002T5E"),
        offer_from("Unnamed", 0.0019, mpn=None),
        offer_from("Bourns", 0.0020, mpn="CR0603-FX-1002ELF"),
    ]
    results = rank_line(GENERIC, offers, currency="USD", fx=FX, now=NOW)
    assert [(r.vendor, r.alternative) for r in results] == [
        ("Uniroyal", False),
        ("Unnamed", False),
        ("Bourns", True),
    ]


def test_an_offer_past_its_valid_until_is_left_out_and_reported() -> None:
    expired = offer_from("Stale", 0.0010, valid_until=datetime(2025, 2, 28, 18, 0, tzinfo=UTC))
    valid = offer_from("Fresh", 0.0031, valid_until=datetime(2025, 3, 7, tzinfo=UTC))
    results = rank_line(RESISTOR, [expired, valid], currency="USD", fx=FX, now=NOW)
    assert vendors(results) == ["Fresh"]
    [exclusion] = excluded_offers([expired, valid], fx=FX, now=NOW)
    assert exclusion.item is expired
    assert exclusion.cause == Expired(datetime(2025, 2, 28, 18, 0, tzinfo=UTC))
    assert exclusion.reason == "expired 2025-02-28 18:00 UTC"


def test_a_naive_valid_until_is_read_as_utc() -> None:
    expired = offer_from("Stale", 0.0010, valid_until=datetime(2025, 2, 28, 23, 59))
    assert rank_line(RESISTOR, [expired], currency="USD", fx=FX, now=NOW) == []


def test_an_offer_in_a_currency_without_a_rate_is_left_out_and_reported() -> None:
    dirham = offer_from("Dubai", 0.01, currency="AED")
    assert rank_line(RESISTOR, [dirham], currency="USD", fx=FX, now=NOW) == []
    [exclusion] = excluded_offers([dirham], fx=FX, now=NOW)
    assert (exclusion.cause, exclusion.reason) == (
        NoExchangeRate("AED"),
        "no exchange rate for AED",
    )


def test_a_buyer_currency_without_a_rate_is_an_error() -> None:
    with pytest.raises(UnknownCurrency):
        rank_line(RESISTOR, [offer_from("Rich", 0.0031)], currency="AED", fx=FX, now=NOW)


def test_an_unknown_order_is_an_error() -> None:
    with pytest.raises(ValueError, match="'nearest' is not a valid RankOrder"):
        rank_line(RESISTOR, [], currency="USD", fx=FX, order="nearest", now=NOW)


def test_a_line_without_offers_ranks_nothing() -> None:
    assert rank_line(RESISTOR, [], currency="USD", fx=FX, now=NOW) == []

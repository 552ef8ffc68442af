"""Price breaks: the break at the order quantity applies; buying up is only suggested."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.fx import FxRates
from bot.quotes import Offer, QuoteLine
from bot.ranking import OfferToRank, RankedOffer, VendorTerms, rank_line
from bot.ranking.breaks import unit_price_at
from catalogue.request import PartRequest

FX = FxRates.parse("USD", "CNY=0.14,EUR=1.08")
NOW = datetime(2025, 3, 1, tzinfo=UTC)
BREAKS = ((1, 0.05), (100, 0.0042), (1000, 0.0019))
LINE = QuoteLine(
    line=1,
    text="RC0603FR-0710KL 500pcs",
    request=PartRequest(quantity=500, mpn="RC0603FR-0710KL"),
    candidates=("RC0603FR-0710KL",),
)


def ranked(offer: Offer, terms: VendorTerms | None = None) -> RankedOffer:
    item = OfferToRank(offer, terms or VendorTerms("Rich Hong Kong"))
    [result] = rank_line(LINE, [item], currency="USD", fx=FX, now=NOW)
    return result


def test_the_break_with_the_largest_quantity_not_above_the_order_applies() -> None:
    assert [unit_price_at(BREAKS, q) for q in (99, 100, 500, 1000, 50000)] == [
        0.05,
        0.0042,
        0.0042,
        0.0019,
        0.0019,
    ]


def test_below_the_first_break_its_price_applies() -> None:
    assert unit_price_at(((100, 0.0031), (1000, 0.0019)), 50) == 0.0031


def test_a_higher_break_that_costs_less_in_total_is_suggested() -> None:
    result = ranked(Offer(line=1, currency="USD", price_breaks=BREAKS, stock=120000))
    assert result.suggestion is not None
    assert result.suggestion.text == "buy 1,000 for $1.90 instead of $2.10 for 500"


def test_the_ranking_keeps_the_price_at_the_quantity_asked() -> None:
    result = ranked(Offer(line=1, currency="USD", price_breaks=BREAKS, stock=120000))
    assert (result.order_quantity, result.unit_price, round(result.total, 2)) == (500, 0.0042, 2.1)


def test_a_higher_break_that_costs_more_in_total_is_not_suggested() -> None:
    breaks = ((100, 0.0031), (1000, 0.0019))
    assert ranked(Offer(line=1, currency="USD", price_breaks=breaks, moq=100)).suggestion is None


def test_a_buy_up_beyond_the_stock_is_not_suggested() -> None:
    offer = Offer(line=1, currency="USD", price_breaks=BREAKS, stock=800, lead_time_days=0)
    assert ranked(offer).suggestion is None


def test_a_buy_up_is_rounded_to_the_offers_multiple() -> None:
    offer = Offer(line=1, currency="USD", price_breaks=BREAKS, multiple=300)
    result = ranked(offer)
    assert result.order_quantity == 600
    assert result.suggestion is not None
    assert result.suggestion.text == "buy 1,200 for $2.28 instead of $2.52 for 600"


def test_a_buy_up_saving_nothing_under_the_minimum_order_value_is_not_suggested() -> None:
    terms = VendorTerms("Rich Hong Kong", min_order_value=20.0)
    assert ranked(Offer(line=1, currency="USD", price_breaks=BREAKS), terms).suggestion is None


def test_the_suggestion_is_priced_in_the_buyers_currency_ex_vat() -> None:
    breaks = ((1, 0.05), (100, 0.03), (1000, 0.0135))
    offer = Offer(line=1, currency="CNY", price_breaks=breaks, tax_included=True)
    suggestion = ranked(offer).suggestion
    assert suggestion is not None
    assert suggestion.text == "buy 1,000 for $1.67 instead of $1.86 for 500"

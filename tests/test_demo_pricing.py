"""The demo market's prices: the same on every start, sane for each kind of part, and
different from vendor to vendor."""

from __future__ import annotations

import functools

import pytest

from bot.demo.catalogue import DemoCatalogue
from bot.demo.pricing import (
    PartQuote,
    VendorPricing,
    carries,
    everything,
    list_price_usd,
    quote_part,
)
from bot.demo.roster import HTTP_VENDORS, STOCK_LISTS, TELEGRAM_VENDORS
from bot.fx import DEFAULT_USD_RATES
from catalogue.seed import seed_records
from catalogue.store import PartRecord

GLOBAL = HTTP_VENDORS[0].pricing
HONGXIN = STOCK_LISTS[0].pricing
EVERY_PRICING = [
    *(profile.pricing for profile in HTTP_VENDORS),
    *(profile.pricing for profile in STOCK_LISTS),
    *(profile.pricing for profile in TELEGRAM_VENDORS if profile.pricing is not None),
]
E6 = (1.0, 1.5, 2.2, 3.3, 4.7, 6.8)
E12_ONLY = (1.2, 1.8, 2.7, 3.9, 5.6, 8.2)


@functools.cache
def seed_catalogue() -> DemoCatalogue:
    """The seed as the demo vendors know it, generated once per test run."""
    return DemoCatalogue.of(seed_records())


def part(mpn: str) -> PartRecord:
    found = seed_catalogue().find(mpn)
    assert found is not None
    return found


def parts(category: str, package: str | None = None) -> list[PartRecord]:
    return [
        record
        for record in seed_catalogue()
        if record.category == category and (package is None or record.package == package)
    ]


def in_usd(quote: PartQuote, quantity: int) -> float:
    return quote.unit_price(quantity) * DEFAULT_USD_RATES[quote.currency]


def mantissa(value: float) -> float:
    return round(float(f"{value:.2e}".split("e")[0]), 1)


def test_a_distributor_quotes_a_seed_part_at_the_same_prices_on_every_start() -> None:
    assert quote_part(GLOBAL, part("RC0603FR-0710KL")) == PartQuote(
        mpn="RC0603FR-0710KL",
        manufacturer="YAGEO",
        category="resistor",
        currency="USD",
        price_breaks=((1, 0.00891), (100, 0.00267), (1000, 0.00149), (10000, 0.00107)),
        stock=10_000,
        lead_time_days=2,
        moq=1,
        multiple=None,
        date_code="23+",
        tax_included=False,
    )


def test_a_stall_quotes_an_ic_from_ten_pieces_in_yuan_with_tax() -> None:
    stall = TELEGRAM_VENDORS[0].pricing
    assert stall is not None
    assert quote_part(stall, part("LM358DR")) == PartQuote(
        mpn="LM358DR",
        manufacturer="TI",
        category="ic",
        currency="CNY",
        price_breaks=((10, 1.07), (100, 0.909), (1000, 0.791), (5000, 0.735)),
        stock=1_500,
        lead_time_days=0,
        moq=10,
        multiple=None,
        date_code="24+",
        tax_included=True,
    )


def test_vendors_carrying_the_same_part_each_price_it_differently() -> None:
    resistor = part("RC0603FR-0710KL")
    quotes = [quote for pricing in EVERY_PRICING if (quote := quote_part(pricing, resistor))]
    prices = [round(in_usd(quote, 5000), 6) for quote in quotes]

    assert len(quotes) >= 5
    assert len(set(prices)) == len(prices)


@pytest.mark.parametrize(
    ("category", "package", "low", "high"),
    [
        ("resistor", "0603", 0.0005, 0.002),
        ("resistor", "0402", 0.0004, 0.0015),
        ("resistor", "2512", 0.005, 0.015),
        ("capacitor", "0402", 0.0015, 0.005),
        ("capacitor", "0603", 0.002, 0.012),
        ("ferrite_bead", None, 0.003, 0.015),
        ("led", None, 0.004, 0.01),
        ("diode", None, 0.005, 0.06),
        ("crystal", None, 0.08, 0.2),
        ("ic", None, 0.05, 5.0),
    ],
)
def test_every_seed_part_has_a_market_price_in_the_range_the_market_charges_for_its_kind(
    category: str, package: str | None, low: float, high: float
) -> None:
    prices = [list_price_usd(record) for record in parts(category, package)]

    assert prices
    assert low <= min(prices) and max(prices) <= high


def test_a_resistor_costs_more_the_bigger_its_case() -> None:
    def ten_k(package: str) -> float:
        [record] = [
            record
            for record in parts("resistor", package)
            if (record.manufacturer, record.value, record.tolerance) == ("YAGEO", 10_000.0, 0.01)
        ]
        return list_price_usd(record)

    assert ten_k("0603") < ten_k("1206") < ten_k("2512")


def test_a_big_microcontroller_costs_more_than_a_small_one_and_than_an_op_amp() -> None:
    big, small = list_price_usd(part("STM32F407VGT6")), list_price_usd(part("STM32F030F4P6"))
    assert big > small > list_price_usd(part("LM358DR"))


def test_every_price_list_a_vendor_quotes_falls_as_the_quantity_rises() -> None:
    sample = list(seed_catalogue())[::7]
    for pricing in EVERY_PRICING:
        for quote in filter(None, (quote_part(pricing, record) for record in sample)):
            quantities = [quantity for quantity, _ in quote.price_breaks]
            prices = [price for _, price in quote.price_breaks]
            assert quantities == sorted(set(quantities)), quote
            assert prices == sorted(set(prices), reverse=True), quote
            assert quote.moq == quantities[0]


def test_a_yuan_vendor_quoting_with_tax_charges_the_dollar_price_converted_and_with_vat() -> None:
    dollars = VendorPricing(key="Same vendor", currency="USD", coverage=everything(1.0))
    yuan = VendorPricing(
        key="Same vendor", currency="CNY", tax_included=True, coverage=everything(1.0)
    )
    for mpn in ("RC0603FR-0710KL", "LM358DR", "STM32F103C8T6"):
        usd, cny = quote_part(dollars, part(mpn)), quote_part(yuan, part(mpn))
        assert usd is not None and cny is not None
        for (_, usd_price), (_, cny_price) in zip(usd.price_breaks, cny.price_breaks, strict=True):
            assert cny_price == pytest.approx(usd_price / 0.137 * 1.13, rel=0.01)
        assert (cny.currency, cny.tax_included) == ("CNY", True)


def test_parts_not_on_hand_come_from_the_factory_in_whole_weeks_and_the_rest_ship_on_time() -> None:
    quotes = [
        quote for record in list(seed_catalogue())[::5] if (quote := quote_part(GLOBAL, record))
    ]
    factory = [quote for quote in quotes if quote.stock == 0]
    on_hand = [quote for quote in quotes if quote.stock > 0]

    assert 0.04 < len(factory) / len(quotes) < 0.15  # the distributor has 92 % on hand
    assert {quote.lead_time_days for quote in factory} == {7, 14, 21, 28, 42, 56}
    assert {quote.lead_time_days for quote in on_hand} == {2}


def test_a_reel_trader_sells_passives_by_the_full_reel_and_ics_by_the_piece() -> None:
    resistor = quote_part(HONGXIN, part("RC0603FR-0710KL"))
    capacitor = quote_part(HONGXIN, part("GRM155R71E104KE14D"))

    assert resistor is not None and capacitor is not None
    assert (resistor.moq, resistor.multiple) == (5_000, 5_000)
    assert (capacitor.moq, capacitor.multiple) == (10_000, 10_000)
    assert quote_part(HONGXIN, part("LM358DR")) is None  # passives only


def test_a_trader_carries_common_values_far_more_often_than_rare_ones() -> None:
    resistors = [record for record in parts("resistor", "0603") if record.value]
    common = [record for record in resistors if mantissa(record.value or 0) in E6]
    rare = [record for record in resistors if mantissa(record.value or 0) not in E6 + E12_ONLY]

    def share(records: list[PartRecord]) -> float:
        return sum(carries(HONGXIN, record) for record in records) / len(records)

    assert share(common) > 3 * share(rare)

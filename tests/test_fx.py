"""Exchange rates: FX_RATES gives the value of one unit in BASE_CURRENCY, over built-ins."""

from __future__ import annotations

import pytest

from bot.fx import DEFAULT_USD_RATES, FxError, FxRates, UnknownCurrency

SETTING = "CNY=0.14,EUR=1.08"


def test_a_setting_rate_is_the_value_of_one_unit_in_the_base_currency() -> None:
    fx = FxRates.parse("USD", SETTING)
    assert fx.convert(100, "CNY", "USD") == pytest.approx(14.0)


def test_converting_from_the_base_divides_by_the_rate() -> None:
    fx = FxRates.parse("USD", SETTING)
    assert fx.convert(1.4, "USD", "CNY") == pytest.approx(10.0)


def test_two_currencies_other_than_the_base_convert_through_it() -> None:
    fx = FxRates.parse("USD", SETTING)
    assert fx.convert(14, "EUR", "CNY") == pytest.approx(108.0)


def test_an_amount_in_the_same_currency_is_unchanged_even_without_a_rate() -> None:
    assert FxRates("USD", {}).convert(2.5, "XYZ", "xyz") == 2.5


def test_built_in_rates_cover_the_currencies_of_the_component_trade() -> None:
    fx = FxRates.default()
    for code in ("USD", "CNY", "HKD", "EUR", "GBP", "JPY", "TWD", "KRW", "SGD"):
        assert code in fx


def test_the_setting_overrides_only_the_currencies_it_names() -> None:
    fx = FxRates.parse("USD", "CNY=0.14")
    assert fx.rate("CNY") == 0.14
    assert fx.rate("EUR") == DEFAULT_USD_RATES["EUR"]


def test_an_empty_setting_keeps_the_built_in_rates() -> None:
    assert FxRates.parse("USD", "") == FxRates.parse("USD", None) == FxRates.default()
    assert FxRates.default().rate("CNY") == 0.137


def test_built_in_rates_are_restated_against_another_base_currency() -> None:
    fx = FxRates.default("EUR")
    assert fx.rate("EUR") == 1.0
    assert fx.rate("USD") == pytest.approx(1 / 1.035)
    assert fx.rate("CNY") == pytest.approx(0.137 / 1.035)


def test_a_base_without_a_built_in_rate_is_linked_through_the_usd_rate_set() -> None:
    fx = FxRates.parse("AED", "USD=3.6725")
    assert fx.rate("CNY") == pytest.approx(0.137 * 3.6725)


def test_a_base_known_nowhere_keeps_only_the_rates_set() -> None:
    fx = FxRates.parse("AED", "CNY=0.51")
    assert dict(fx.rates) == {"AED": 1.0, "CNY": 0.51}


def test_codes_are_read_in_any_case_with_spaces_or_semicolons_between_entries() -> None:
    fx = FxRates.parse("usd", " cny = 0.14 ; eur=1.08\nGBP=1.27 ")
    assert (fx.base, fx.rate("CNY"), fx.rate("eur"), fx.rate("GBP")) == ("USD", 0.14, 1.08, 1.27)


def test_an_unknown_currency_is_refused_with_a_message_saying_how_to_add_it() -> None:
    fx = FxRates.parse("USD", SETTING)
    with pytest.raises(UnknownCurrency) as raised:
        fx.convert(1, "AED", "USD")
    assert str(raised.value) == (
        "no exchange rate for AED: add it to FX_RATES as the value of one AED in USD, "
        'e.g. FX_RATES="AED=0.5"'
    )


def test_an_entry_without_an_equals_sign_is_refused() -> None:
    with pytest.raises(FxError, match=r"FX_RATES entry 'CNY:0.14' is not CODE=RATE"):
        FxRates.parse("USD", "CNY:0.14")


def test_a_rate_that_is_not_a_number_is_refused() -> None:
    with pytest.raises(FxError, match=r"'seven' is not a number"):
        FxRates.parse("USD", "CNY=seven")


def test_a_rate_of_zero_is_refused() -> None:
    with pytest.raises(FxError, match="the rate of CNY must be a positive number"):
        FxRates.parse("USD", "CNY=0")


def test_a_code_that_is_not_three_letters_is_refused() -> None:
    with pytest.raises(FxError, match="'RMB1' is not a three-letter currency code"):
        FxRates.parse("USD", "RMB1=0.14")


def test_the_base_currency_cannot_be_given_a_rate_other_than_one() -> None:
    with pytest.raises(FxError, match="USD is the base currency"):
        FxRates.parse("USD", "USD=0.9")

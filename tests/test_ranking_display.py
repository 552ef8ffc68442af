"""Money, quantities and lead times as the CLI and Telegram show them."""

from __future__ import annotations

from bot.ranking import format_days, format_money, format_quantity, format_unit_price, round_money
from bot.ranking.display import ordinal


def test_a_total_is_shown_to_the_cent_with_thousands_separators() -> None:
    assert format_money(1234.5, "USD") == "$1,234.50"


def test_a_total_rounds_halves_up_as_written() -> None:
    assert (round_money(0.625, "USD"), round_money(1.005, "USD")) == (0.63, 1.01)


def test_a_negative_amount_puts_the_sign_before_the_symbol() -> None:
    assert format_money(-0.4, "USD") == "-$0.40"


def test_yuan_euro_pound_and_hong_kong_dollar_totals_use_their_symbols() -> None:
    shown = [format_money(11.0714, code) for code in ("CNY", "EUR", "GBP", "HKD")]
    assert shown == ["¥11.07", "€11.07", "£11.07", "HK$11.07"]


def test_other_currencies_are_written_with_their_code() -> None:
    assert format_money(12.5, "SGD") == "SGD 12.50"


def test_yen_totals_have_no_decimals() -> None:
    assert format_money(1234.6, "JPY") == "JPY 1,235"


def test_a_unit_price_keeps_four_significant_digits() -> None:
    assert format_unit_price(0.0018584070796, "USD") == "$0.001858"


def test_a_unit_price_is_written_without_trailing_zeros() -> None:
    assert [format_unit_price(p, "USD") for p in (0.0031, 0.015, 0.0021000000000000003)] == [
        "$0.0031",
        "$0.015",
        "$0.0021",
    ]


def test_a_unit_price_keeps_at_least_two_decimals() -> None:
    assert [format_unit_price(p, "USD") for p in (1.75, 2, 12.3456)] == ["$1.75", "$2.00", "$12.35"]


def test_a_quantity_has_thousands_separators() -> None:
    assert format_quantity(50000) == "50,000"


def test_a_lead_time_is_in_days_below_two_weeks_and_in_weeks_when_whole() -> None:
    assert [format_days(d) for d in (1, 5, 10, 14, 21, 30)] == [
        "1 day",
        "5 days",
        "10 days",
        "2 weeks",
        "3 weeks",
        "30 days",
    ]


def test_places_are_written_as_ordinals() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
    ]

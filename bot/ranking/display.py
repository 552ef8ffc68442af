"""Money, quantities and lead times written the way buyers and traders read them.

Ranking keeps floats unrounded; these helpers round only for display and JSON. Unit
prices keep four significant digits (never fewer than two decimals): "$0.0031",
"¥0.015", "$1.75". Totals are rounded to the currency's minor unit, halves up: "$1,234.50".
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from catalogue.units import round_sig

#: Symbols buyers recognise without a code; other currencies are written "SGD 12.50".
CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CNY": "¥", "HKD": "HK$"}

#: Currencies without a minor unit in practice: totals are whole numbers.
WHOLE_UNIT_CURRENCIES = frozenset({"JPY", "KRW", "VND", "IDR", "CLP", "ISK"})

#: Significant digits a unit price is shown with.
UNIT_PRICE_DIGITS = 4
#: Significant digits a unit price keeps in JSON (enough to recompute totals to the cent).
JSON_UNIT_PRICE_DIGITS = 6


def minor_digits(currency: str) -> int:
    return 0 if currency.upper() in WHOLE_UNIT_CURRENCIES else 2


def _decimal(amount: float) -> Decimal:
    # repr gives the shortest decimal that is the float, so 1.005 rounds as written.
    return Decimal(repr(float(amount)))


def round_money(amount: float, currency: str) -> float:
    """`amount` rounded to the currency's minor unit, halves up (totals, differences)."""
    step = Decimal(1).scaleb(-minor_digits(currency))
    return float(_decimal(amount).quantize(step, rounding=ROUND_HALF_UP))


def round_unit_price(price: float, digits: int = JSON_UNIT_PRICE_DIGITS) -> float:
    """A unit price with float noise removed, to `digits` significant digits."""
    return round_sig(price, digits)


def _with_currency(number: str, currency: str) -> str:
    code = currency.upper()
    sign, digits = ("-", number[1:]) if number.startswith("-") else ("", number)
    symbol = CURRENCY_SYMBOLS.get(code)
    return f"{sign}{symbol}{digits}" if symbol else f"{sign}{code} {digits}"


def format_money(amount: float, currency: str) -> str:
    """A total as "$1,234.50", "-$0.40", "¥11.07" or "JPY 1,235"."""
    places = minor_digits(currency)
    value = Decimal(str(round_money(amount, currency)))
    return _with_currency(f"{value:,.{places}f}", currency)


def format_unit_price(price: float, currency: str, digits: int = UNIT_PRICE_DIGITS) -> str:
    """A unit price as traders write it: "$0.0031", "¥0.015", "$1.75", "$12.35"."""
    value = _decimal(price)
    if value == 0:
        return _with_currency("0.00", currency)
    places = max(2, digits - 1 - value.adjusted())
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{places}f}"
    whole, _dot, fraction = text.partition(".")
    fraction = fraction.rstrip("0").ljust(2, "0")
    return _with_currency(f"{whole}.{fraction}", currency)


def format_quantity(pieces: int) -> str:
    """Pieces with thousands separators: "1,000"."""
    return f"{pieces:,}"


def format_days(days: int) -> str:
    """A lead time: "1 day", "10 days", "3 weeks" (whole weeks from two weeks up)."""
    if days >= 14 and days % 7 == 0:
        return f"{days // 7} weeks"
    return "1 day" if days == 1 else f"{days} days"


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"

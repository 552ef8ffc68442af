"""Money, quantities, lead times and places written the way buyers and traders read them.

Ranking keeps floats unrounded; these helpers round only for display and JSON. Unit
prices keep four significant digits (never fewer than two decimals): "$0.0031",
"¥0.015", "$1.75". Totals are rounded to the currency's minor unit, halves up: "$1,234.50".
Money and quantities read the same in every language; lead times and places are words,
written in the reader's language through a `Wording` (English unless told).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal

from catalogue.units import round_sig
from catalogue.wording import ENGLISH, Wording

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


def format_days(days: int, words: Wording = ENGLISH) -> str:
    """A lead time: "1 day", "10 days", "3 weeks" (whole weeks from two weeks up)."""
    if days >= 14 and days % 7 == 0:
        return words.ngettext("{count} week", "{count} weeks", days // 7)
    return words.ngettext("{count} day", "{count} days", days)


def ordinal(number: int, words: Wording = ENGLISH) -> str:
    """A place: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st.

    One message per English suffix, so each language writes every place its own way.
    """
    if 10 <= number % 100 <= 20 or number % 10 not in (1, 2, 3):
        return words.gettext("{number}th", number=number)
    if number % 10 == 1:
        return words.gettext("{number}st", number=number)
    if number % 10 == 2:
        return words.gettext("{number}nd", number=number)
    return words.gettext("{number}rd", number=number)


def as_utc(moment: datetime) -> datetime:
    """`moment` in UTC; a naive time is UTC, as the database stores it."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def format_time(moment: datetime) -> str:
    """A moment as "2025-03-01 14:05 UTC", the same in every language."""
    return f"{as_utc(moment):%Y-%m-%d %H:%M} UTC"

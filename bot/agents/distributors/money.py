"""Prices as distributors write them: "$0.10", "0,10 €", "£1,234.50", "¥2,100", "1.234,56 €".

Mouser sends formatted strings in the buyer's locale; the other APIs send numbers. The
separator that comes last is the decimal one; a lone comma is a decimal comma unless
the currency has no minor unit (yen, won), where "¥2,100" is two thousand one hundred.
"""

from __future__ import annotations

import re

#: Currency symbols as distributors print them, longest first.
_SYMBOLS: tuple[tuple[str, str], ...] = (
    ("US$", "USD"),
    ("HK$", "HKD"),
    ("NT$", "TWD"),
    ("S$", "SGD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("NZ$", "NZD"),
    ("R$", "BRL"),
    ("kr", "SEK"),
    ("zł", "PLN"),
    ("Kč", "CZK"),
    ("Ft", "HUF"),
    ("CHF", "CHF"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("￥", "JPY"),
    ("₩", "KRW"),
    ("₹", "INR"),
    ("₪", "ILS"),
)
_CODE = re.compile(r"\b([A-Z]{3})\b")
#: ISO 4217 currencies without a minor unit that distributors price in.
ZERO_DECIMAL = frozenset({"JPY", "KRW", "VND", "CLP", "ISK", "TWD", "HUF"})
_NUMBER = re.compile(r"\d[\d.,\s\u00a0\u202f']*")


def currency_of(text: str) -> str | None:
    """The ISO code a price or currency field names ("USD", "€", "0,10 €"), else None."""
    code = _CODE.search(text.upper())
    if code is not None:
        return code.group(1)
    for symbol, iso in _SYMBOLS:
        if symbol in text:
            return iso
    return None


def parse_price(text: str, currency: str | None = None) -> float | None:
    """The amount in a formatted price, or None when the text holds no number."""
    found = _NUMBER.search(text)
    if found is None:
        return None
    digits = re.sub(r"[\s\u00a0\u202f']", "", found.group(0)).rstrip(".,")
    last_dot, last_comma = digits.rfind("."), digits.rfind(",")
    if last_dot >= 0 and last_comma >= 0:
        decimal = "." if last_dot > last_comma else ","
    elif last_comma >= 0:
        decimal = "" if _thousands_only(digits, ",", currency) else ","
    elif last_dot >= 0:
        decimal = "" if _thousands_only(digits, ".", currency) else "."
    else:
        decimal = ""
    if decimal:
        whole, _, fraction = digits.rpartition(decimal)
        whole = re.sub(r"[.,]", "", whole)
        return float(f"{whole}.{fraction}")
    return float(re.sub(r"[.,]", "", digits))


def _thousands_only(digits: str, separator: str, currency: str | None) -> bool:
    """Whether the only separator in `digits` groups thousands rather than marking decimals."""
    groups = digits.split(separator)
    if len(groups) > 2:
        return True
    grouped = len(groups[1]) == 3 and groups[0] not in ("", "0")
    return grouped and currency in ZERO_DECIMAL

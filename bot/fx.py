"""Exchange rates, so offers quoted in yuan, dollars and euros can be compared as one money.

A rate is the value of one unit of a currency in the base currency (the buyer's
`BASE_CURRENCY`, default USD): with base USD, "CNY=0.14" means one yuan is worth 0.14
dollars. That is how the `FX_RATES` setting is written ("CNY=0.14,EUR=1.08"), so the
setting reads the same way a trader says it.

Built-in rates keep the bot usable before anyone sets FX_RATES. They are approximate
mid-market rates of early January 2025 (`DEFAULT_RATES_DATE`), rounded to three or four
significant digits: good enough to rank offers whose prices differ by more than a few
percent, not for invoicing. FX_RATES overrides them currency by currency.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType

DEFAULT_BASE_CURRENCY = "USD"

#: The date the built-in rates were read (approximate mid-market, rounded).
DEFAULT_RATES_DATE = "2025-01-02"

#: Value of one unit of each currency in US dollars, as of DEFAULT_RATES_DATE.
DEFAULT_USD_RATES: Mapping[str, float] = MappingProxyType(
    {
        "USD": 1.0,
        "CNY": 0.137,  # 7.30 CNY per USD
        "HKD": 0.1287,  # 7.77 HKD per USD
        "EUR": 1.035,
        "GBP": 1.245,
        "JPY": 0.00635,  # 157.5 JPY per USD
        "TWD": 0.0304,  # 32.9 TWD per USD
        "KRW": 0.00068,  # 1,470 KRW per USD
        "SGD": 0.733,  # 1.365 SGD per USD
        "MYR": 0.223,  # 4.48 MYR per USD
        "THB": 0.0292,  # 34.2 THB per USD
        "INR": 0.0117,  # 85.6 INR per USD
        "VND": 0.0000394,  # 25,400 VND per USD
        "CHF": 1.103,
        "CAD": 0.695,
        "AUD": 0.621,
    }
)

_CODE = re.compile(r"^[A-Z]{3}$")
_ENTRY_SEPARATORS = re.compile(r"[,;\s]+")
_EQUALS = re.compile(r"\s*=\s*")


class FxError(ValueError):
    """Exchange rates that cannot be used as given."""


class UnknownCurrency(FxError):
    """A currency without a rate: converting it would guess, so it is refused."""

    def __init__(self, currency: str, base: str) -> None:
        self.currency = currency
        super().__init__(
            f"no exchange rate for {currency}: add it to FX_RATES as the value of one "
            f'{currency} in {base}, e.g. FX_RATES="{currency}=0.5"'
        )


def _currency_code(text: str) -> str:
    code = text.strip().upper()
    if not _CODE.match(code):
        raise FxError(f"{text!r} is not a three-letter currency code")
    return code


def _checked_rate(code: str, rate: float) -> float:
    if not math.isfinite(rate) or rate <= 0:
        raise FxError(f"the rate of {code} must be a positive number, not {rate}")
    return float(rate)


class FxRates:
    """Rates against one base currency; converts between any two currencies it knows."""

    __slots__ = ("_rates", "base")

    def __init__(self, base: str, rates: Mapping[str, float]) -> None:
        self.base = _currency_code(base)
        table: dict[str, float] = {self.base: 1.0}
        for currency, rate in rates.items():
            code = _currency_code(currency)
            value = _checked_rate(code, rate)
            if code == self.base and value != 1.0:
                raise FxError(f"{code} is the base currency: its rate is 1 by definition")
            table[code] = value
        self._rates: Mapping[str, float] = MappingProxyType(table)

    @classmethod
    def default(cls, base: str = DEFAULT_BASE_CURRENCY) -> FxRates:
        """The built-in rates, restated against `base`."""
        return cls.parse(base, "")

    @classmethod
    def parse(cls, base: str, text: str | None) -> FxRates:
        """The FX_RATES setting ("CNY=0.14,EUR=1.08", rates in `base`) over the built-ins.

        The built-in table is in dollars; for another base it is restated through the
        base's own built-in rate, or through "USD=..." in the setting when the base has
        none. A base known to neither keeps only the currencies the setting names.
        """
        code = _currency_code(base)
        given = parse_rate_entries(text or "")
        rates = dict(_rebased_defaults(code, given))
        rates.update(given)
        return cls(code, rates)

    @property
    def rates(self) -> Mapping[str, float]:
        """Value of one unit of each known currency in the base currency."""
        return self._rates

    def __contains__(self, currency: object) -> bool:
        return isinstance(currency, str) and currency.strip().upper() in self._rates

    def __iter__(self) -> Iterator[str]:
        return iter(self._rates)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FxRates):
            return NotImplemented
        return self.base == other.base and dict(self._rates) == dict(other._rates)

    def __hash__(self) -> int:
        return hash((self.base, tuple(sorted(self._rates.items()))))

    def __repr__(self) -> str:
        return f"FxRates({self.base!r}, {dict(self._rates)!r})"

    def rate(self, currency: str) -> float:
        """Value of one unit of `currency` in the base currency."""
        code = currency.strip().upper()
        try:
            return self._rates[code]
        except KeyError:
            raise UnknownCurrency(code, self.base) from None

    def convert(self, amount: float, from_currency: str, to_currency: str) -> float:
        """`amount` of `from_currency` expressed in `to_currency`, unrounded."""
        source, target = from_currency.strip().upper(), to_currency.strip().upper()
        if source == target:
            return amount
        return amount * self.rate(source) / self.rate(target)


def parse_rate_entries(text: str) -> dict[str, float]:
    """The FX_RATES text as a dict: CODE=RATE entries split by commas, semicolons or spaces."""
    entries: dict[str, float] = {}
    for entry in _ENTRY_SEPARATORS.split(_EQUALS.sub("=", text.strip())):
        if not entry:
            continue
        currency, equals, value = entry.partition("=")
        if not equals:
            raise FxError(f"FX_RATES entry {entry!r} is not CODE=RATE (e.g. CNY=0.14)")
        code = _currency_code(currency)
        try:
            rate = float(value)
        except ValueError:
            raise FxError(f"FX_RATES entry {entry!r}: {value!r} is not a number") from None
        entries[code] = _checked_rate(code, rate)
    return entries


def _rebased_defaults(base: str, given: Mapping[str, float]) -> Mapping[str, float]:
    """The built-in dollar rates restated in `base`, when some rate links them to it."""
    if base in DEFAULT_USD_RATES:
        usd_in_base = 1.0 / DEFAULT_USD_RATES[base]
    elif "USD" in given:
        usd_in_base = given["USD"]
    else:
        return {}
    return {code: rate * usd_in_base for code, rate in DEFAULT_USD_RATES.items() if code != base}

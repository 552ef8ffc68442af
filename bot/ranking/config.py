"""The ranking settings, read from the environment by the caller's settings.

BASE_CURRENCY (default USD): the buyer's currency, which rates are given in.
FX_RATES (default empty): "CNY=0.14,EUR=1.08", the value of one unit in BASE_CURRENCY,
    over the built-in rates (bot.fx.DEFAULT_RATES_DATE).
VAT_RATE (default 0.13): the VAT rate tax-included prices are divided by to compare
    them ex-VAT, as a fraction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.fx import DEFAULT_BASE_CURRENCY, FxRates
from bot.ranking.tax import DEFAULT_VAT_RATE, check_vat_rate


@dataclass(frozen=True, slots=True)
class RankingConfig:
    currency: str = DEFAULT_BASE_CURRENCY
    fx: FxRates = field(default_factory=FxRates.default)
    vat_rate: float = DEFAULT_VAT_RATE

    @classmethod
    def from_settings(
        cls,
        base_currency: str = DEFAULT_BASE_CURRENCY,
        fx_rates: str | None = None,
        vat_rate: float = DEFAULT_VAT_RATE,
    ) -> RankingConfig:
        fx = FxRates.parse(base_currency, fx_rates)
        return cls(currency=fx.base, fx=fx, vat_rate=check_vat_rate(vat_rate))

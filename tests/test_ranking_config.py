"""The ranking settings: BASE_CURRENCY, FX_RATES and VAT_RATE."""

from __future__ import annotations

import pytest

from bot.fx import FxError, FxRates
from bot.ranking import RankingConfig


def test_without_settings_the_buyer_pays_dollars_at_built_in_rates_and_13_percent_vat() -> None:
    config = RankingConfig.from_env({})
    assert (config.currency, config.fx, config.vat_rate) == ("USD", FxRates.default(), 0.13)


def test_the_settings_set_the_currency_rates_and_vat() -> None:
    environ = {"BASE_CURRENCY": "eur", "FX_RATES": "CNY=0.13", "VAT_RATE": "0.06"}
    config = RankingConfig.from_env(environ)
    assert (config.currency, config.fx.rate("CNY"), config.vat_rate) == ("EUR", 0.13, 0.06)


def test_a_vat_rate_written_as_a_percentage_is_refused() -> None:
    with pytest.raises(ValueError, match=r"a VAT rate is a fraction such as 0\.13, not 13\.0"):
        RankingConfig.from_env({"VAT_RATE": "13"})


def test_a_vat_rate_that_is_not_a_number_is_refused() -> None:
    with pytest.raises(ValueError, match=r"VAT_RATE must be a fraction such as 0\.13, not '13%'"):
        RankingConfig.from_env({"VAT_RATE": "13%"})


def test_broken_fx_rates_are_refused_at_startup() -> None:
    with pytest.raises(FxError):
        RankingConfig.from_env({"FX_RATES": "CNY"})

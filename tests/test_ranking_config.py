"""The ranking settings: BASE_CURRENCY, FX_RATES and VAT_RATE, read from the environment."""

from __future__ import annotations

import pytest

from bot.fx import FxError, FxRates
from bot.ranking import RankingConfig
from bot.settings import Settings


def ranking_from_environment() -> RankingConfig:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    return RankingConfig.from_settings(settings.base_currency, settings.fx_rates, settings.vat_rate)


def test_without_settings_the_buyer_pays_dollars_at_built_in_rates_and_13_percent_vat() -> None:
    config = ranking_from_environment()
    assert (config.currency, config.fx, config.vat_rate) == ("USD", FxRates.default(), 0.13)


def test_the_settings_set_the_currency_rates_and_vat(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BASE_CURRENCY", "eur")
    monkeypatch.setenv("FX_RATES", "CNY=0.13")
    monkeypatch.setenv("VAT_RATE", "0.06")
    config = ranking_from_environment()
    assert (config.currency, config.fx.rate("CNY"), config.vat_rate) == ("EUR", 0.13, 0.06)


def test_a_vat_rate_written_as_a_percentage_is_refused() -> None:
    with pytest.raises(ValueError, match=r"a VAT rate is a fraction such as 0\.13, not 13$"):
        RankingConfig.from_settings("USD", None, 13)


def test_broken_fx_rates_are_refused_at_startup(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FX_RATES", "CNY")
    with pytest.raises(FxError):
        ranking_from_environment()

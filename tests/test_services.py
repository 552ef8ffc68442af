"""Settings become distributor configuration; one environment reader for everything."""

from __future__ import annotations

import pytest

from bot.agents.distributors import DistributorConfig
from bot.services import distributor_config
from bot.settings import Settings


def test_distributor_keys_and_tunables_come_from_their_environment_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in {
        "MOUSER_API_KEY": "mouser-key",
        "DIGIKEY_CLIENT_ID": "dk-id",
        "DIGIKEY_CLIENT_SECRET": "dk-secret",
        "DIGIKEY_BASE_URL": "https://sandbox-api.digikey.com",
        "ELEMENT14_STORE": "de.farnell.com",
        "NEXAR_AUTHORIZED_ONLY": "false",
        "DISTRIBUTOR_CACHE_SECONDS": "3600",
        "DISTRIBUTOR_MAX_CANDIDATES": "5",
    }.items():
        monkeypatch.setenv(name, value)
    config = distributor_config(Settings(_env_file=None))  # type: ignore[call-arg]
    assert config == DistributorConfig(
        mouser_api_key="mouser-key",
        digikey_client_id="dk-id",
        digikey_client_secret="dk-secret",
        digikey_base_url="https://sandbox-api.digikey.com",
        element14_store="de.farnell.com",
        nexar_authorized_only=False,
        cache_seconds=3600.0,
        max_candidates=5,
    )
    assert (config.mouser_enabled, config.nexar_enabled, config.digikey_enabled) == (
        True,
        False,
        True,
    )


def test_no_distributor_is_switched_on_without_keys() -> None:
    assert distributor_config(Settings(_env_file=None)) == DistributorConfig()  # type: ignore[call-arg]


def test_settings_never_show_a_distributor_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOUSER_API_KEY", "do-not-print-me")
    assert "do-not-print-me" not in repr(Settings(_env_file=None))  # type: ignore[call-arg]

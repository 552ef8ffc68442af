"""Which distributor APIs the bot may ask, with their keys, addresses and cache time.

An API is switched on by its keys alone; everything else has the published default.
Keys and secrets are kept out of `repr`, so a logged config shows no credentials.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.agents.distributors import digikey, element14, mouser, nexar
from bot.agents.distributors.agent import DEFAULT_MAX_CANDIDATES

DEFAULT_CACHE_SECONDS = 900.0
DEFAULT_TIMEOUT_SECONDS = 20.0


@dataclass(frozen=True, slots=True)
class DistributorConfig:
    mouser_api_key: str | None = field(default=None, repr=False)
    mouser_base_url: str = mouser.DEFAULT_BASE_URL

    nexar_client_id: str | None = field(default=None, repr=False)
    nexar_client_secret: str | None = field(default=None, repr=False)
    nexar_base_url: str = nexar.DEFAULT_BASE_URL
    nexar_token_url: str = nexar.DEFAULT_TOKEN_URL
    nexar_country: str = "US"
    #: Offers from authorized distributors only (Nexar also lists brokers' stock).
    nexar_authorized_only: bool = True

    digikey_client_id: str | None = field(default=None, repr=False)
    digikey_client_secret: str | None = field(default=None, repr=False)
    digikey_base_url: str = digikey.DEFAULT_BASE_URL
    digikey_locale_site: str = "US"
    digikey_locale_language: str = "en"
    digikey_locale_currency: str = "USD"

    element14_api_key: str | None = field(default=None, repr=False)
    element14_base_url: str = element14.DEFAULT_BASE_URL
    element14_store: str = element14.DEFAULT_STORE
    #: The store's currency when it is not one element14.STORE_CURRENCIES knows.
    element14_currency: str | None = None

    cache_seconds: float = DEFAULT_CACHE_SECONDS
    #: Catalogue candidates looked up for a line that names no part number.
    max_candidates: int = DEFAULT_MAX_CANDIDATES
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS

    @property
    def mouser_enabled(self) -> bool:
        return bool(self.mouser_api_key)

    @property
    def nexar_enabled(self) -> bool:
        return bool(self.nexar_client_id and self.nexar_client_secret)

    @property
    def digikey_enabled(self) -> bool:
        return bool(self.digikey_client_id and self.digikey_client_secret)

    @property
    def element14_enabled(self) -> bool:
        return bool(self.element14_api_key)

"""Settings from the environment and an optional `.env` file in the working directory."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./sourcing.db"
#: What Telegram accepts as a webhook's secret_token.
_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field(
        default=DEFAULT_DATABASE_URL,
        description="SQLAlchemy URL; postgres:// and postgresql:// URLs use asyncpg.",
    )
    log_level: str = Field(default="INFO", description="Python logging level name.")
    quote_window_seconds: float = Field(
        default=120.0,
        gt=0,
        description="How long an RFQ stays open for answers; it closes sooner once all answered.",
    )
    base_currency: str = Field(
        default="USD", description="The buyer's currency: totals are ranked and shown in it."
    )
    fx_rates: str = Field(
        default="",
        description='Value of one unit in the base currency, e.g. "CNY=0.14,EUR=1.08"; '
        "overrides the built-in rates.",
    )
    vat_rate: float = Field(
        default=0.13,
        ge=0,
        lt=1,
        description="VAT that tax-included prices carry; used to compare them with ex-VAT prices.",
    )

    telegram_bot_token: SecretStr | None = Field(
        default=None,
        description="The bot's token from @BotFather; without it `run` starts the sandbox.",
    )
    telegram_api_url: str = Field(
        default="https://api.telegram.org",
        description="Root of the Bot API server: {TELEGRAM_API_URL}/bot<token>/<method>.",
    )
    admin_ids: str = Field(
        default="",
        description="Comma-separated Telegram user ids allowed to run admin commands.",
    )
    webhook_url: str | None = Field(
        default=None,
        description="Public HTTPS URL Telegram posts updates to; when set, `run` serves a "
        "webhook on PORT instead of polling.",
    )
    webhook_secret: SecretStr | None = Field(
        default=None,
        description="Telegram's secret-token header the webhook checks (A-Z, a-z, 0-9, _ and -); "
        "derived from the bot token when unset.",
    )
    port: int = Field(
        default=8080,
        ge=0,
        le=65535,
        description="Port of the web server: the webhook and /healthz, or the sandbox's web chat.",
    )
    sandbox_database: str = Field(
        default="sourcing-sandbox.db",
        description="SQLite file of the sandbox's demo data, made afresh at each start; never "
        "DATABASE_URL.",
    )

    def secrets(self) -> list[str]:
        """Every secret setting that is set: what the log must never show."""
        values = [getattr(self, name) for name in type(self).model_fields]
        return [value.get_secret_value() for value in values if isinstance(value, SecretStr)]

    @property
    def admins(self) -> frozenset[int]:
        """ADMIN_IDS as numbers; a malformed entry is refused when settings load."""
        return frozenset(int(part) for part in self.admin_ids.replace(" ", "").split(",") if part)

    @field_validator("webhook_url")
    @classmethod
    def _webhook_url_is_absolute(cls, value: str | None) -> str | None:
        if not value:
            return None
        parsed = urlsplit(value)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise ValueError(f"{value!r} is not an absolute http(s) URL")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secret_is_telegrams_alphabet(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value():
            return None
        if not _SECRET_TOKEN.fullmatch(value.get_secret_value()):
            raise ValueError("1 to 256 characters, each A-Z, a-z, 0-9, _ or -")
        return value

    @field_validator("admin_ids")
    @classmethod
    def _admin_ids_are_numbers(cls, value: str) -> str:
        for part in value.replace(" ", "").split(","):
            if part and not part.lstrip("-").isdigit():
                raise ValueError(f"{part!r} is not a Telegram user id")
        return value

    # Distributor APIs: each is switched on by its keys. Unset URLs and tunables keep the
    # defaults of bot.agents.distributors.DistributorConfig.
    mouser_api_key: SecretStr | None = Field(default=None, description="Mouser Search API key.")
    mouser_base_url: str | None = None
    nexar_client_id: str | None = Field(default=None, description="Nexar (Octopart) client id.")
    nexar_client_secret: SecretStr | None = None
    nexar_base_url: str | None = None
    nexar_token_url: str | None = None
    nexar_country: str | None = None
    nexar_authorized_only: bool | None = None
    digikey_client_id: str | None = Field(default=None, description="Digi-Key API client id.")
    digikey_client_secret: SecretStr | None = None
    digikey_base_url: str | None = None
    digikey_locale_site: str | None = None
    digikey_locale_language: str | None = None
    digikey_locale_currency: str | None = None
    element14_api_key: SecretStr | None = Field(default=None, description="element14 API key.")
    element14_base_url: str | None = None
    element14_store: str | None = None
    element14_currency: str | None = None
    distributor_cache_seconds: float | None = Field(default=None, gt=0)
    distributor_max_candidates: int | None = Field(default=None, ge=1)
    distributor_timeout_seconds: float | None = Field(default=None, gt=0)


def load_settings() -> Settings:
    return Settings()

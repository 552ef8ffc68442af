"""Settings from the environment and an optional `.env` file in the working directory."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./sourcing.db"


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


def load_settings() -> Settings:
    return Settings()

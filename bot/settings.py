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


def load_settings() -> Settings:
    return Settings()

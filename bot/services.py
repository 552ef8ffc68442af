"""The composition root of the engine: everything a command or the bot needs, from settings.

Commands and the Telegram application share it, so a quote asked from the CLI and one
asked in a chat go through the same database, catalogue, agents and ranking.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import aiohttp
from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.engine import make_url

from bot.agents.base import VendorAgent
from bot.agents.distributors import (
    DigiKeyAgent,
    DistributorConfig,
    Element14Agent,
    MouserAgent,
    NexarAgent,
    configured_distributor_agents,
)
from bot.agents.http import vendor_session
from bot.agents.registry import AgentRegistry
from bot.database import Database, open_database
from bot.models import Vendor, VendorKind
from bot.quotes import QuoteRequest
from bot.ranking import RankingConfig
from bot.rfqs.engine import QuoteEngine
from bot.rfqs.run import VendorTarget
from bot.settings import Settings
from bot.vendors import vendors_serving
from catalogue.matching import Catalogue, IndexCache

#: Settings field -> DistributorConfig field, where the names differ.
_DISTRIBUTOR_RENAMES = {
    "distributor_cache_seconds": "cache_seconds",
    "distributor_max_candidates": "max_candidates",
    "distributor_timeout_seconds": "timeout_seconds",
}
_DISTRIBUTOR_KINDS: dict[type, VendorKind] = {
    MouserAgent: VendorKind.MOUSER,
    NexarAgent: VendorKind.NEXAR,
    DigiKeyAgent: VendorKind.DIGIKEY,
    Element14Agent: VendorKind.ELEMENT14,
}


def distributor_config(settings: Settings) -> DistributorConfig:
    """The distributor keys and tunables that are set; the rest keep their defaults."""
    wanted = {field.name for field in fields(DistributorConfig)}
    values: dict[str, Any] = {}
    for name in Settings.model_fields:
        target = _DISTRIBUTOR_RENAMES.get(name, name)
        value = getattr(settings, name)
        if target not in wanted or value is None:
            continue
        values[target] = value.get_secret_value() if isinstance(value, SecretStr) else value
    return DistributorConfig(**values)


def index_cache_directory() -> Path:
    """Where built part-number indexes are kept between runs (XDG cache directory)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sourcing-bot"


def open_catalogue(database: Database, url: str) -> Catalogue:
    """The catalogue, its part-number index cached on disk per database."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        identity = f"sqlite:///{Path(parsed.database or '').resolve()}"
    else:
        identity = parsed.render_as_string(hide_password=True)
    return Catalogue(database.sessions, cache=IndexCache(index_cache_directory(), identity))


@dataclass
class Services:
    settings: Settings
    database: Database
    catalogue: Catalogue
    engine: QuoteEngine
    agents: AgentRegistry
    ranking: RankingConfig
    http: aiohttp.ClientSession

    async def targets_for(
        self, request: QuoteRequest, *, buyer_chat_id: int | None = None
    ) -> list[VendorTarget]:
        """Every active vendor that serves the RFQ's categories and can be asked from here;
        a vendor who is the buyer (the same Telegram chat) is not asked to quote to itself."""
        async with self.database.session() as session:
            vendors = await vendors_serving(session, {line.category for line in request.lines})
            if buyer_chat_id is not None:
                vendors = [v for v in vendors if v.telegram_chat_id != buyer_chat_id]
            return self.agents.targets(vendors)

    async def close(self) -> None:
        await self.engine.shutdown()
        await self.http.close()
        await self.database.close()


async def open_services(settings: Settings, *, humans_reachable: bool = False) -> Services:
    """Open the database (migrated, seeded) and build the engine around it.

    Bad ranking settings (an unknown currency, a broken FX_RATES) fail here, at start.
    """
    ranking = RankingConfig.from_settings(
        settings.base_currency, settings.fx_rates, settings.vat_rate
    )
    database = await open_database(settings.database_url)
    http = vendor_session()
    try:
        distributors = configured_distributor_agents(distributor_config(settings), http)
        by_kind = await _register_distributors(database, distributors)
    except BaseException:
        await http.close()
        await database.close()
        raise
    catalogue = open_catalogue(database, settings.database_url)
    return Services(
        settings=settings,
        database=database,
        catalogue=catalogue,
        engine=QuoteEngine(database, catalogue),
        agents=AgentRegistry(database.sessions, http, by_kind, humans_reachable=humans_reachable),
        ranking=ranking,
        http=http,
    )


async def _register_distributors(
    database: Database, agents: list[VendorAgent]
) -> dict[str, VendorAgent]:
    """A vendor row for each configured distributor, so its dispatches can be recorded."""
    by_kind: dict[str, VendorAgent] = {}
    async with database.session() as session:
        for agent in agents:
            kind = _DISTRIBUTOR_KINDS[type(agent)]
            by_kind[kind] = agent
            known = await session.scalar(select(Vendor).where(Vendor.kind == kind))
            if known is None:
                session.add(Vendor(name=agent.vendor_name, kind=kind, currency="USD"))
    return by_kind

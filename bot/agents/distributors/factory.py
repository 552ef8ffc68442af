"""The distributor agents a deployment has keys for, sharing one session, cache and clock."""

from __future__ import annotations

import aiohttp

from bot.agents.base import VendorAgent
from bot.agents.distributors.cache import AnswerCache
from bot.agents.distributors.clock import Clock, SystemClock
from bot.agents.distributors.config import DistributorConfig
from bot.agents.distributors.digikey import DigiKeyAgent
from bot.agents.distributors.element14 import Element14Agent
from bot.agents.distributors.mouser import MouserAgent
from bot.agents.distributors.nexar import NexarAgent
from bot.agents.distributors.transport import CallSettings


def configured_distributor_agents(
    config: DistributorConfig,
    session: aiohttp.ClientSession,
    *,
    clock: Clock | None = None,
    cache: AnswerCache | None = None,
) -> list[VendorAgent]:
    """One agent per API whose keys are configured; the caller owns and closes `session`.

    Call once per process and keep the agents: each holds its API's token and call
    budget, which only work when shared by every RFQ.
    """
    clock = clock or SystemClock()
    cache = cache or AnswerCache(config.cache_seconds, clock=clock)

    def call(api: str) -> CallSettings:
        return CallSettings(
            api=api, session=session, clock=clock, timeout_seconds=config.timeout_seconds
        )

    agents: list[VendorAgent] = []
    if config.mouser_api_key:
        agents.append(
            MouserAgent(
                call(MouserAgent.api),
                cache,
                api_key=config.mouser_api_key,
                base_url=config.mouser_base_url,
                max_candidates=config.max_candidates,
            )
        )
    if config.nexar_client_id and config.nexar_client_secret:
        agents.append(
            NexarAgent(
                call(NexarAgent.api),
                cache,
                client_id=config.nexar_client_id,
                client_secret=config.nexar_client_secret,
                base_url=config.nexar_base_url,
                token_url=config.nexar_token_url,
                country=config.nexar_country,
                authorized_only=config.nexar_authorized_only,
                max_candidates=config.max_candidates,
            )
        )
    if config.digikey_client_id and config.digikey_client_secret:
        agents.append(
            DigiKeyAgent(
                call(DigiKeyAgent.api),
                cache,
                client_id=config.digikey_client_id,
                client_secret=config.digikey_client_secret,
                base_url=config.digikey_base_url,
                locale_site=config.digikey_locale_site,
                locale_language=config.digikey_locale_language,
                locale_currency=config.digikey_locale_currency,
                max_candidates=config.max_candidates,
            )
        )
    if config.element14_api_key:
        agents.append(
            Element14Agent(
                call(Element14Agent.api),
                cache,
                api_key=config.element14_api_key,
                base_url=config.element14_base_url,
                store=config.element14_store,
                currency=config.element14_currency,
                max_candidates=config.max_candidates,
            )
        )
    return agents

"""element14 Product Search API against its recorded example answers, served on 127.0.0.1."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from distributor_server import ELEMENT14_KEY, DistributorServer, FakeClock, quote_request

from bot.agents.base import AgentError, VendorAgent
from bot.agents.distributors import (
    DistributorConfig,
    Element14Agent,
    configured_distributor_agents,
)
from bot.quotes import Offer, QuoteRequest


def element14(
    distributor: DistributorServer,
    session: aiohttp.ClientSession,
    clock: FakeClock,
    *,
    api_key: str = ELEMENT14_KEY,
    **settings: Any,
) -> Element14Agent:
    config = DistributorConfig(
        element14_api_key=api_key, element14_base_url=distributor.base_url, **settings
    )
    [agent] = configured_distributor_agents(config, session, clock=clock)
    assert isinstance(agent, Element14Agent)
    return agent


async def offers_of(
    agent: VendorAgent, request: QuoteRequest
) -> list[tuple[Offer, dict[str, Any]]]:
    return [(offer, offer.extra) async for offer in agent.ask(request)]


async def test_cut_tape_and_reel_products_map_onto_offers_priced_per_piece_in_pounds(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()

    offers = await offers_of(
        element14(distributor, session, clock),
        quote_request(("RC0603FR-0710KL", 2000), clock=clock),
    )

    assert offers == [
        (
            Offer(
                line=1,
                currency="GBP",
                price_breaks=(
                    (10, 0.0239),
                    (100, 0.0067),
                    (500, 0.0049),
                    (1000, 0.0038),
                    (5000, 0.0033),
                ),
                mpn="RC0603FR-0710KL",
                manufacturer="YAGEO",
                stock=218455,
                moq=10,
                multiple=5,
                lead_time_days=0,
            ),
            {"packaging": "Cut Tape", "sku": "9238603"},
        ),
        (
            Offer(
                line=1,
                currency="GBP",
                price_breaks=((5000, 0.0025), (25000, 0.0022)),
                mpn="RC0603FR-0710KL",
                manufacturer="YAGEO",
                stock=0,
                moq=5000,
                multiple=5000,
                lead_time_days=56,
            ),
            {"packaging": "Tape & Reel", "sku": "2332036", "factory_lead_days": 56},
        ),
    ]
    assert distributor.asked["element14"] == ["manuPartNum:RC0603FR-0710KL"]


async def test_a_newark_store_prices_in_dollars(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    agent = element14(distributor, session, clock, element14_store="www.newark.com")

    offers = await offers_of(agent, quote_request(("RC0603FR-0710KL", 2000), clock=clock))

    assert [offer.currency for offer, _extra in offers] == ["USD", "USD"]


async def test_a_part_with_no_results_gives_no_offer(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()

    offers = await offers_of(
        element14(distributor, session, clock), quote_request(("XC6206P332MR-G", 3000), clock=clock)
    )

    assert offers == []
    assert distributor.calls["element14"] == 1


async def test_a_refused_api_key_fails_with_the_status(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    agent = element14(distributor, session, clock, api_key="000000000000000000000000")

    with pytest.raises(AgentError) as failure:
        await offers_of(agent, quote_request(("RC0603FR-0710KL", 2000), clock=clock))

    assert str(failure.value) == "element14 answered HTTP 403"


async def test_a_store_of_unknown_currency_needs_its_currency_configured(
    session: aiohttp.ClientSession,
) -> None:
    unknown = DistributorConfig(element14_api_key=ELEMENT14_KEY, element14_store="xx.example.com")
    configured = DistributorConfig(
        element14_api_key=ELEMENT14_KEY, element14_store="xx.example.com", element14_currency="eur"
    )

    with pytest.raises(ValueError) as failure:
        configured_distributor_agents(unknown, session)
    assert str(failure.value) == (
        "the currency of element14 store 'xx.example.com' is unknown: set ELEMENT14_CURRENCY"
    )
    assert [agent.vendor_name for agent in configured_distributor_agents(configured, session)] == [
        "element14"
    ]

"""Nexar (Octopart) supply GraphQL against its recorded example answer, served on 127.0.0.1."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from distributor_server import (
    NEXAR_ID,
    NEXAR_SECRET,
    CannedAnswer,
    DistributorServer,
    FakeClock,
    quote_request,
)

from bot.agents.base import AgentError, VendorAgent
from bot.agents.distributors import DistributorConfig, NexarAgent, configured_distributor_agents
from bot.quotes import Offer, QuoteRequest


def nexar(
    distributor: DistributorServer,
    session: aiohttp.ClientSession,
    clock: FakeClock,
    *,
    secret: str = NEXAR_SECRET,
    **settings: Any,
) -> NexarAgent:
    config = DistributorConfig(
        nexar_client_id=NEXAR_ID,
        nexar_client_secret=secret,
        nexar_base_url=distributor.base_url,
        nexar_token_url=distributor.base_url + "/connect/token",
        **settings,
    )
    [agent] = configured_distributor_agents(config, session, clock=clock)
    assert isinstance(agent, NexarAgent)
    return agent


async def offers_of(
    agent: VendorAgent, request: QuoteRequest
) -> list[tuple[Offer, dict[str, Any]]]:
    return [(offer, offer.extra) async for offer in agent.ask(request)]


def yageo_10k(**fields: Any) -> Offer:
    return Offer(line=1, mpn="RC0603FR-0710KL", manufacturer="YAGEO", **fields)


async def test_every_sellers_offer_becomes_an_offer_naming_the_seller(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    request = quote_request(("RC0603FR-0710KL", 2000), clock=clock)

    offers = await offers_of(nexar(distributor, session, clock), request)

    assert offers == [
        (
            yageo_10k(
                currency="USD",
                price_breaks=((1, 0.1), (10, 0.025), (100, 0.0067), (1000, 0.00262)),
                stock=2840311,
                moq=1,
                multiple=1,
                lead_time_days=0,
            ),
            {
                "packaging": "Cut Tape",
                "sku": "311-10.0KHRCT-ND",
                "seller": "Digi-Key",
                "factory_lead_days": 105,
            },
        ),
        (
            yageo_10k(
                currency="USD",
                price_breaks=((5000, 0.00159), (10000, 0.00143), (25000, 0.00131)),
                stock=2840000,
                moq=5000,
                multiple=5000,
                lead_time_days=0,
            ),
            {
                "packaging": "Tape & Reel",
                "sku": "311-10.0KHRTR-ND",
                "seller": "Digi-Key",
                "factory_lead_days": 105,
            },
        ),
        (
            yageo_10k(
                currency="USD",
                price_breaks=((1, 0.1), (10, 0.021), (100, 0.006), (1000, 0.003)),
                stock=1203344,
                moq=1,
                multiple=1,
                lead_time_days=0,
            ),
            {"packaging": "Cut Tape", "sku": "603-RC0603FR-0710KL", "seller": "Mouser"},
        ),
        (
            yageo_10k(
                currency="EUR",
                price_breaks=((100, 0.0058), (1000, 0.0021)),
                stock=95000,
                moq=100,
                multiple=100,
                lead_time_days=0,
            ),
            {"sku": "RC0603FR-0710KL", "seller": "TME"},
        ),
        (
            yageo_10k(
                currency="USD",
                price_breaks=((10000, 0.0012),),
                stock=0,
                moq=10000,
                multiple=10000,
                lead_time_days=98,
            ),
            {
                "packaging": "Tape & Reel",
                "sku": "RC0603FR-0710KL",
                "seller": "Arrow Electronics",
                "factory_lead_days": 98,
            },
        ),
    ]


async def test_all_lines_go_in_one_multi_match_query(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    request = quote_request(("RC0603FR-0710KL", 2000), ("GRM188R71H104KA93D", 4000), clock=clock)

    offers = await offers_of(nexar(distributor, session, clock), request)

    assert distributor.asked["nexar"] == [["RC0603FR-0710KL", "GRM188R71H104KA93D"]]
    assert {offer.line for offer, _extra in offers} == {1}


async def test_the_token_is_fetched_once_and_reused_until_it_expires(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    agent = nexar(distributor, session, clock, cache_seconds=0)

    await offers_of(agent, quote_request(("RC0603FR-0710KL", 2000), clock=clock))
    clock.advance(86_400 - 61)
    await offers_of(agent, quote_request(("RC0603FR-0710KL", 2000), clock=clock))
    assert (distributor.calls["nexar-token"], distributor.calls["nexar"]) == (1, 2)

    clock.advance(1)
    await offers_of(agent, quote_request(("RC0603FR-0710KL", 2000), clock=clock))

    assert (distributor.calls["nexar-token"], distributor.calls["nexar"]) == (2, 3)


async def test_a_refused_token_is_renewed_once(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    agent = nexar(distributor, session, clock, cache_seconds=0)
    await offers_of(agent, quote_request(("RC0603FR-0710KL", 2000), clock=clock))
    distributor.revoke_tokens("nexar")

    offers = await offers_of(agent, quote_request(("RC0603FR-0710KL", 2000), clock=clock))

    assert len(offers) == 5
    assert (distributor.calls["nexar-token"], distributor.calls["nexar"]) == (2, 3)


async def test_wrong_client_credentials_fail_without_showing_the_secret(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    agent = nexar(distributor, session, clock, secret="wrong-secret-9f")

    with pytest.raises(AgentError) as failure:
        await offers_of(agent, quote_request(("RC0603FR-0710KL", 2000), clock=clock))

    assert str(failure.value) == (
        "Nexar refused the client credentials (Nexar answered HTTP 400: invalid_client)"
    )
    assert distributor.calls["nexar"] == 0


async def test_graphql_errors_fail_with_their_message(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    distributor.answer_next(
        "nexar",
        CannedAnswer(
            200,
            {
                "errors": [{"message": "The part limit of your plan has been reached."}],
                "data": None,
            },
        ),
    )

    with pytest.raises(AgentError) as failure:
        await offers_of(
            nexar(distributor, session, clock),
            quote_request(("RC0603FR-0710KL", 2000), clock=clock),
        )

    assert str(failure.value) == (
        "Nexar refused the query: The part limit of your plan has been reached."
    )

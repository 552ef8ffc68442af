"""Digi-Key Product Information v4 against its recorded example answers, served on 127.0.0.1."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from distributor_server import (
    DIGIKEY_ID,
    DIGIKEY_SECRET,
    CannedAnswer,
    DistributorServer,
    FakeClock,
    example,
    quote_request,
)

from bot.agents.base import AgentError, VendorAgent
from bot.agents.distributors import DigiKeyAgent, DistributorConfig, configured_distributor_agents
from bot.quotes import Offer, QuoteRequest


def digikey(
    distributor: DistributorServer,
    session: aiohttp.ClientSession,
    clock: FakeClock,
    **settings: Any,
) -> DigiKeyAgent:
    config = DistributorConfig(
        digikey_client_id=DIGIKEY_ID,
        digikey_client_secret=DIGIKEY_SECRET,
        digikey_base_url=distributor.base_url,
        **settings,
    )
    [agent] = configured_distributor_agents(config, session, clock=clock)
    assert isinstance(agent, DigiKeyAgent)
    return agent


async def offers_of(
    agent: VendorAgent, request: QuoteRequest
) -> list[tuple[Offer, dict[str, Any]]]:
    return [(offer, offer.extra) async for offer in agent.ask(request)]


CUT_TAPE_BREAKS = ((1, 0.1), (10, 0.025), (100, 0.0067), (1000, 0.00262))
YAGEO_10K = [
    (
        Offer(
            line=1,
            currency="USD",
            price_breaks=CUT_TAPE_BREAKS,
            mpn="RC0603FR-0710KL",
            manufacturer="YAGEO",
            stock=2840311,
            moq=1,
            lead_time_days=0,
        ),
        {"packaging": "Cut Tape", "sku": "311-10.0KHRCT-ND", "factory_lead_days": 105},
    ),
    (
        Offer(
            line=1,
            currency="USD",
            price_breaks=((5000, 0.00159), (10000, 0.00143), (25000, 0.00131), (50000, 0.00119)),
            mpn="RC0603FR-0710KL",
            manufacturer="YAGEO",
            stock=2840000,
            moq=5000,
            multiple=5000,
            lead_time_days=0,
        ),
        {"packaging": "Tape & Reel", "sku": "311-10.0KHRTR-ND", "factory_lead_days": 105},
    ),
    (
        Offer(
            line=1,
            currency="USD",
            price_breaks=CUT_TAPE_BREAKS,
            mpn="RC0603FR-0710KL",
            manufacturer="YAGEO",
            stock=2840311,
            moq=1,
            lead_time_days=0,
        ),
        {"packaging": "Digi-Reel", "sku": "311-10.0KHRDKR-ND", "factory_lead_days": 105},
    ),
]


async def test_each_packaging_variation_is_an_offer(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()

    offers = await offers_of(
        digikey(distributor, session, clock), quote_request(("RC0603FR-0710KL", 2000), clock=clock)
    )

    assert offers == YAGEO_10K


async def test_prices_are_in_the_locale_currency_digikey_used(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    agent = digikey(distributor, session, clock, digikey_locale_currency="EUR")

    offers = await offers_of(agent, quote_request(("RC0603FR-0710KL", 2000), clock=clock))

    assert [offer.currency for offer, _extra in offers] == ["EUR", "EUR", "EUR"]


async def test_a_part_digikey_does_not_list_gives_no_offer(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()

    offers = await offers_of(
        digikey(distributor, session, clock), quote_request(("XC6206P332MR-G", 3000), clock=clock)
    )

    assert offers == []
    assert distributor.asked["digikey"] == ["XC6206P332MR-G"]


async def test_a_429_whose_retry_after_ends_before_reply_by_is_waited_out(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    distributor.answer_next(
        "digikey",
        CannedAnswer(429, example("digikey_429_burst_limit.json"), {"Retry-After": "5"}),
    )

    offers = await offers_of(
        digikey(distributor, session, clock),
        quote_request(("RC0603FR-0710KL", 2000), clock=clock, window=60),
    )

    assert offers == YAGEO_10K
    assert clock.sleeps == [5.0]
    assert distributor.calls["digikey"] == 2


async def test_a_429_whose_retry_after_ends_after_reply_by_fails_at_once(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    distributor.answer_next(
        "digikey",
        CannedAnswer(429, example("digikey_429_burst_limit.json"), {"Retry-After": "120"}),
    )

    with pytest.raises(AgentError) as failure:
        await offers_of(
            digikey(distributor, session, clock),
            quote_request(("RC0603FR-0710KL", 2000), clock=clock, window=60),
        )

    assert str(failure.value) == (
        "Digi-Key is rate limiting calls: Retry-After 120 s ends after the RFQ's reply_by"
    )
    assert clock.sleeps == []


async def test_the_token_is_fetched_once_and_reused_until_it_expires(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    agent = digikey(distributor, session, clock, cache_seconds=0)
    request = quote_request(("RC0603FR-0710KL", 2000), ("STM32F103C8T6", 500), clock=clock)

    await offers_of(agent, request)
    clock.advance(538)
    await offers_of(agent, quote_request(("RC0603FR-0710KL", 2000), clock=clock))
    assert (distributor.calls["digikey-token"], distributor.calls["digikey"]) == (1, 3)

    clock.advance(1)
    await offers_of(agent, quote_request(("RC0603FR-0710KL", 2000), clock=clock))

    assert (distributor.calls["digikey-token"], distributor.calls["digikey"]) == (2, 4)


async def test_a_cached_answer_is_not_asked_again_until_it_expires(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    agent = digikey(distributor, session, clock, cache_seconds=600)

    first = await offers_of(agent, quote_request(("RC0603FR-0710KL", 2000), clock=clock))
    clock.advance(599)
    again = await offers_of(agent, quote_request(("rc0603fr-0710kl", 2000), clock=clock))
    assert (first, again, distributor.calls["digikey"]) == (YAGEO_10K, YAGEO_10K, 1)

    clock.advance(1)
    await offers_of(agent, quote_request(("RC0603FR-0710KL", 2000), clock=clock))

    assert distributor.calls["digikey"] == 2


async def test_an_http_error_fails_with_digikeys_message(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    distributor.answer_next(
        "digikey",
        CannedAnswer(
            500,
            {
                "ErrorResponseVersion": "3.0.0.0",
                "StatusCode": 500,
                "ErrorMessage": "Internal Server Error",
                "ErrorDetails": "An error occurred processing the request",
                "RequestId": "1",
                "ValidationErrors": [],
            },
        ),
    )

    with pytest.raises(AgentError) as failure:
        await offers_of(
            digikey(distributor, session, clock),
            quote_request(("RC0603FR-0710KL", 2000), clock=clock),
        )

    assert str(failure.value) == (
        "Digi-Key answered HTTP 500: "
        "Internal Server Error; An error occurred processing the request"
    )


async def test_one_failed_lookup_still_delivers_the_other_lines_before_failing(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    agent = digikey(distributor, session, clock)
    distributor.answer_next("digikey", CannedAnswer(503), asked="STM32F103C8T6")
    request = quote_request(("STM32F103C8T6", 500), ("RC0603FR-0710KL", 2000), clock=clock)
    delivered: list[tuple[Offer, dict[str, Any]]] = []

    with pytest.raises(AgentError) as failure:
        async for offer in agent.ask(request):
            delivered.append((offer, offer.extra))

    assert str(failure.value) == "Digi-Key answered HTTP 503"
    assert sorted(distributor.asked["digikey"]) == ["RC0603FR-0710KL", "STM32F103C8T6"]
    assert [(offer.line, offer.mpn) for offer, _extra in delivered] == [
        (2, "RC0603FR-0710KL"),
        (2, "RC0603FR-0710KL"),
        (2, "RC0603FR-0710KL"),
    ]

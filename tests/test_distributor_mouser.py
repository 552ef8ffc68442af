"""Mouser Search API v1 against its recorded example answers, served on 127.0.0.1."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from distributor_server import (
    MOUSER_KEY,
    CannedAnswer,
    DistributorServer,
    FakeClock,
    quote_request,
)

from bot.agents.base import AgentError, VendorAgent
from bot.agents.distributors import DistributorConfig, MouserAgent, configured_distributor_agents
from bot.quotes import Offer, QuoteRequest


def mouser(
    distributor: DistributorServer,
    session: aiohttp.ClientSession,
    clock: FakeClock,
    *,
    api_key: str = MOUSER_KEY,
    **settings: Any,
) -> MouserAgent:
    config = DistributorConfig(
        mouser_api_key=api_key, mouser_base_url=distributor.base_url, **settings
    )
    [agent] = configured_distributor_agents(config, session, clock=clock)
    assert isinstance(agent, MouserAgent)
    return agent


async def offers_of(
    agent: VendorAgent, request: QuoteRequest
) -> list[tuple[Offer, dict[str, Any]]]:
    return [(offer, offer.extra) async for offer in agent.ask(request)]


MURATA_100NF = Offer(
    line=1,
    currency="USD",
    price_breaks=((1, 0.1), (10, 0.035), (100, 0.016), (1000, 0.009), (4000, 0.006), (8000, 0.005)),
    mpn="GRM188R71H104KA93D",
    manufacturer="MURATA",
    stock=1250392,
    moq=1,
    multiple=1,
    lead_time_days=0,
)
MURATA_100NF_EXTRA = {
    "packaging": "Tape & Reel, Cut Tape, MouseReel",
    "sku": "81-GRM188R71H104KA93D",
    "factory_lead_days": 112,
}


async def test_mouser_example_answer_maps_onto_an_offer(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    request = quote_request(("GRM188R71H104KA93D", 4000), clock=clock)

    offers = await offers_of(mouser(distributor, session, clock), request)

    assert offers == [(MURATA_100NF, MURATA_100NF_EXTRA)]
    assert distributor.asked["mouser"] == ["GRM188R71H104KA93D"]


async def test_decimal_comma_prices_read_as_euros_and_short_stock_gives_the_lead_time(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    request = quote_request(("STM32F103C8T6", 500), clock=clock)

    offers = await offers_of(mouser(distributor, session, clock), request)

    assert offers == [
        (
            Offer(
                line=1,
                currency="EUR",
                price_breaks=(
                    (1, 5.86),
                    (10, 5.27),
                    (25, 4.98),
                    (100, 4.31),
                    (250, 4.09),
                    (500, 3.67),
                    (1500, 3.32),
                ),
                mpn="STM32F103C8T6",
                manufacturer="ST",
                stock=480,
                moq=1,
                multiple=1,
                lead_time_days=84,
            ),
            {"packaging": "Tray", "sku": "511-STM32F103C8T6", "factory_lead_days": 84},
        )
    ]


async def test_mouser_looks_up_up_to_ten_part_numbers_in_one_call(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    request = quote_request(("GRM188R71H104KA93D", 4000), ("STM32F103C8T6", 500), clock=clock)

    offers = await offers_of(mouser(distributor, session, clock), request)

    assert distributor.asked["mouser"] == ["GRM188R71H104KA93D|STM32F103C8T6"]
    assert sorted((offer.line, offer.mpn) for offer, _extra in offers) == [
        (1, "GRM188R71H104KA93D"),
        (2, "STM32F103C8T6"),
    ]


async def test_a_line_without_a_part_number_is_looked_up_by_its_top_catalogue_candidates(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    candidates = ("GRM188R71H104KA93D", "CL10B104KB8NNNC", "CC0603KRX7R9BB104", "0603B104K500NT")
    request = quote_request((None, 4000, candidates), clock=clock)

    offers = await offers_of(mouser(distributor, session, clock, max_candidates=3), request)

    assert distributor.asked["mouser"] == ["GRM188R71H104KA93D|CL10B104KB8NNNC|CC0603KRX7R9BB104"]
    assert offers == [(MURATA_100NF, MURATA_100NF_EXTRA)]


async def test_a_line_with_neither_part_number_nor_candidates_is_not_asked(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    request = quote_request((None, 100), clock=clock)

    offers = await offers_of(mouser(distributor, session, clock), request)

    assert offers == []
    assert distributor.calls["mouser"] == 0


async def test_the_31st_call_in_a_minute_waits_for_the_minute_window(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    agent = mouser(distributor, session, clock)

    for number in range(30):
        await offers_of(agent, quote_request((f"RC0603FR-07{number}KL", 100), clock=clock))
    assert (distributor.calls["mouser"], clock.sleeps) == (30, [])

    await offers_of(agent, quote_request(("RC0603FR-0799KL", 100), clock=clock))

    assert (distributor.calls["mouser"], clock.sleeps) == (31, [60.0])


async def test_the_daily_limit_refuses_the_call_with_a_reason(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    agent = mouser(distributor, session, clock)
    for _call in range(1000):
        await agent.budget.acquire()

    with pytest.raises(AgentError) as failure:
        await offers_of(agent, quote_request(("GRM188R71H104KA93D", 4000), clock=clock))

    assert str(failure.value) == "Mouser daily call limit reached"
    assert distributor.calls["mouser"] == 0


async def test_a_refused_api_key_fails_with_mousers_message(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    agent = mouser(distributor, session, clock, api_key="not-the-key")

    with pytest.raises(AgentError) as failure:
        await offers_of(agent, quote_request(("GRM188R71H104KA93D", 4000), clock=clock))

    assert str(failure.value) == "Mouser refused the search: Invalid unique identifier."


async def test_a_server_error_fails_with_the_status(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    distributor.answer_next("mouser", CannedAnswer(503))

    with pytest.raises(AgentError) as failure:
        await offers_of(
            mouser(distributor, session, clock),
            quote_request(("GRM188R71H104KA93D", 4000), clock=clock),
        )

    assert str(failure.value) == "Mouser answered HTTP 503"


async def test_an_unreachable_api_fails_without_showing_the_key(
    session: aiohttp.ClientSession,
) -> None:
    clock = FakeClock()
    config = DistributorConfig(mouser_api_key=MOUSER_KEY, mouser_base_url="http://127.0.0.1:9")
    [agent] = configured_distributor_agents(config, session, clock=clock)

    with pytest.raises(AgentError) as failure:
        await offers_of(agent, quote_request(("GRM188R71H104KA93D", 4000), clock=clock))

    assert str(failure.value) == "Mouser could not be reached (ClientConnectorError)"

"""What the distributor agents share: switching on by keys, call budgets, the answer cache,
prices and packaging as distributors write them, and keeping credentials out of sight."""

from __future__ import annotations

import logging
from typing import Any

import aiohttp
import pytest
from distributor_server import (
    DIGIKEY_ID,
    DIGIKEY_SECRET,
    ELEMENT14_KEY,
    MOUSER_KEY,
    NEXAR_ID,
    NEXAR_SECRET,
    START,
    CannedAnswer,
    DistributorServer,
    FakeClock,
    quote_request,
)

from bot.agents.base import AgentError
from bot.agents.distributors import (
    AnswerCache,
    DistributorConfig,
    configured_distributor_agents,
)
from bot.agents.distributors.listing import Listing
from bot.agents.distributors.money import currency_of, parse_price
from bot.agents.distributors.packaging import packaging_name
from bot.agents.distributors.ratelimit import CallBudget, DailyLimitReached
from bot.agents.distributors.transport import retry_after_seconds


def every_api(base_url: str, **settings: Any) -> DistributorConfig:
    return DistributorConfig(
        mouser_api_key=MOUSER_KEY,
        mouser_base_url=base_url,
        nexar_client_id=NEXAR_ID,
        nexar_client_secret=NEXAR_SECRET,
        nexar_base_url=base_url,
        nexar_token_url=base_url + "/connect/token",
        digikey_client_id=DIGIKEY_ID,
        digikey_client_secret=DIGIKEY_SECRET,
        digikey_base_url=base_url,
        element14_api_key=ELEMENT14_KEY,
        element14_base_url=base_url,
        **settings,
    )


# Switched on by keys


async def test_no_keys_configured_gives_no_agents(session: aiohttp.ClientSession) -> None:
    assert configured_distributor_agents(DistributorConfig(), session) == []


async def test_each_api_is_switched_on_by_its_own_keys(session: aiohttp.ClientSession) -> None:
    def names(config: DistributorConfig) -> list[str]:
        return [agent.vendor_name for agent in configured_distributor_agents(config, session)]

    assert names(DistributorConfig(mouser_api_key="k")) == ["Mouser"]
    assert names(DistributorConfig(nexar_client_id="id")) == []
    assert names(DistributorConfig(nexar_client_id="id", nexar_client_secret="s")) == ["Nexar"]
    assert names(DistributorConfig(digikey_client_secret="s")) == []
    assert names(DistributorConfig(digikey_client_id="id", digikey_client_secret="s")) == [
        "Digi-Key"
    ]
    assert names(DistributorConfig(element14_api_key="k")) == ["element14"]
    assert names(every_api("http://127.0.0.1")) == ["Mouser", "Nexar", "Digi-Key", "element14"]


def test_config_repr_shows_no_credentials() -> None:
    shown = repr(every_api("https://example.test"))

    for secret in (MOUSER_KEY, NEXAR_ID, NEXAR_SECRET, DIGIKEY_ID, DIGIKEY_SECRET, ELEMENT14_KEY):
        assert secret not in shown


async def test_no_key_secret_or_token_reaches_the_logs(
    distributor: DistributorServer, session: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FakeClock()
    agents = configured_distributor_agents(every_api(distributor.base_url), session, clock=clock)
    distributor.answer_next("digikey", CannedAnswer(429, None, {"Retry-After": "2"}))
    request = quote_request(("RC0603FR-0710KL", 2000), ("GRM188R71H104KA93D", 4000), clock=clock)
    shown: list[str] = []

    with caplog.at_level(logging.DEBUG):
        for agent in agents:
            shown.append(repr(agent))
            async for offer in agent.ask(request):
                shown.append(repr(offer))
    shown.append(caplog.text)

    assert "Digi-Key asked to wait 2.0 s (HTTP 429)" in caplog.text
    issued = distributor.tokens["nexar"] | distributor.tokens["digikey"]
    for secret in (MOUSER_KEY, NEXAR_SECRET, DIGIKEY_SECRET, ELEMENT14_KEY, *issued):
        assert all(secret not in text for text in shown)


# Call budgets


async def test_a_call_budget_waits_for_the_oldest_call_to_leave_the_minute() -> None:
    clock = FakeClock()
    budget = CallBudget(per_minute=30, per_day=1000, clock=clock)
    for _call in range(29):
        await budget.acquire()
    clock.advance(20)
    await budget.acquire()

    await budget.acquire()

    assert clock.sleeps == [40.0]


async def test_a_call_budget_refuses_the_1001st_call_of_a_day_until_the_first_leaves_it() -> None:
    clock = FakeClock()
    budget = CallBudget(per_minute=30, per_day=1000, clock=clock)
    for _call in range(1000):
        await budget.acquire()
    spent_at = clock.time()

    with pytest.raises(DailyLimitReached):
        await budget.acquire()
    clock.now = START.timestamp() + 86_400
    await budget.acquire()

    # 33 waits of a minute spread the 1,000 calls; a day after the first 30, they are forgotten.
    assert (len(clock.sleeps), spent_at - START.timestamp(), budget.calls_today()) == (
        33,
        33 * 60.0,
        971,
    )


# The answer cache


def _listing(mpn: str) -> Listing:
    return Listing(mpn=mpn, manufacturer="YAGEO", currency="USD", price_breaks=((1, 0.1),))


def test_cached_answers_are_keyed_by_api_and_part_number_in_index_form() -> None:
    clock = FakeClock()
    cache = AnswerCache(60, clock=clock)
    cache.put("Mouser", "RC0603FR-0710KL", (_listing("RC0603FR-0710KL"),))

    assert cache.get("Mouser", "rc0603fr-0710kl") == (_listing("RC0603FR-0710KL"),)
    assert cache.get("Digi-Key", "RC0603FR-0710KL") is None


def test_cached_answers_expire_after_their_time() -> None:
    clock = FakeClock()
    cache = AnswerCache(60, clock=clock)
    cache.put("Mouser", "XC6206P332MR-G", ())
    clock.advance(59)
    assert cache.get("Mouser", "XC6206P332MR-G") == ()

    clock.advance(1)

    assert cache.get("Mouser", "XC6206P332MR-G") is None


def test_a_full_cache_forgets_its_oldest_answer() -> None:
    cache = AnswerCache(60, clock=FakeClock(), max_entries=2)
    for mpn in ("LM358DR", "NE555DR", "TL431AIDBZR"):
        cache.put("Mouser", mpn, (_listing(mpn),))

    assert [
        cache.get("Mouser", mpn) is not None for mpn in ("LM358DR", "NE555DR", "TL431AIDBZR")
    ] == [
        False,
        True,
        True,
    ]


# Prices, currencies, packaging, Retry-After


@pytest.mark.parametrize(
    ("written", "currency", "amount"),
    [
        ("$0.10", "USD", 0.1),
        ("0,10 €", "EUR", 0.1),
        ("0,100 €", "EUR", 0.1),
        ("1.234,56 €", "EUR", 1234.56),
        ("£1,234.50", "GBP", 1234.5),
        ("¥2,100", "JPY", 2100.0),
        ("¥15.6", "JPY", 15.6),
        ("1 234,5 kr", "SEK", 1234.5),
        ("CHF 0.85", "CHF", 0.85),
    ],
)
def test_distributor_prices_are_read_with_their_currency(
    written: str, currency: str, amount: float
) -> None:
    assert (currency_of(written), parse_price(written, currency)) == (currency, amount)


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Cut Tape (CT)", "Cut Tape"),
        ("Tape & Reel (TR)", "Tape & Reel"),
        ("Digi-Reel®", "Digi-Reel"),
        ("Reel", "Tape & Reel"),
        ("REEL", "Tape & Reel"),
        ("MouseReel", "MouseReel"),
        ("Re-reel", "Re-Reel"),
        ("Tray", "Tray"),
        ("EACH", None),
        ("Strip", "Strip"),
    ],
)
def test_packaging_gets_one_name_across_distributors(written: str, name: str | None) -> None:
    assert packaging_name(written) == name


def test_retry_after_is_read_as_seconds_or_as_a_date() -> None:
    now = START.timestamp()

    assert retry_after_seconds("30", now) == 30.0
    assert retry_after_seconds("Mon, 03 Mar 2025 09:00:45 GMT", now) == 45.0
    assert retry_after_seconds(None, now) is None


async def test_a_429_without_retry_after_fails_with_a_reason(
    distributor: DistributorServer, session: aiohttp.ClientSession
) -> None:
    clock = FakeClock()
    config = DistributorConfig(
        element14_api_key=ELEMENT14_KEY, element14_base_url=distributor.base_url
    )
    [agent] = configured_distributor_agents(config, session, clock=clock)
    distributor.answer_next("element14", CannedAnswer(429))

    with pytest.raises(AgentError) as failure:
        async for _offer in agent.ask(quote_request(("RC0603FR-0710KL", 2000), clock=clock)):
            pass

    assert str(failure.value) == "element14 is rate limiting calls (HTTP 429 without Retry-After)"

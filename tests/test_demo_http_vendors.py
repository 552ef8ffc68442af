"""The demo's HTTP vendors: real quote endpoints on 127.0.0.1 that the bot's own HTTP agent
asks through the vendor quote API v1, signature and all."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest
from test_demo_pricing import part, seed_catalogue

from bot.agents.base import AgentError
from bot.agents.http import HttpVendorAgent
from bot.demo.http_vendors import (
    LATENCY_RANGE,
    DemoQuoteServer,
    HttpVendorProfile,
    latency_of,
)
from bot.demo.pricing import VendorPricing, quote_part
from bot.demo.roster import HTTP_VENDORS
from bot.quotes import Offer, QuoteLine, QuoteRequest
from catalogue.request import PartRequest

GLOBAL, XINDA, FUTIAN = HTTP_VENDORS
TEN_K = ("RS-03K1002FT", "0603WAF1002T5E", "RC0603FR-0710KL", "RS-03K103JT", "0603WAJ0103T5E")


@pytest.fixture
async def server() -> AsyncIterator[DemoQuoteServer]:
    async with DemoQuoteServer(seed_catalogue(), HTTP_VENDORS) as running:
        yield running


def agent(
    server: DemoQuoteServer,
    profile: HttpVendorProfile,
    session: aiohttp.ClientSession,
    *,
    secret: str | None = None,
) -> HttpVendorAgent:
    """The bot's agent for a demo vendor, as the bot builds it from the vendor's row."""
    endpoint = server.endpoint(profile.name)
    return HttpVendorAgent(
        profile.name,
        endpoint.url,
        secret if secret is not None else endpoint.secret,
        profile.pricing.currency,
        session,
    )


def request(*lines: QuoteLine, seconds: float = 10.0) -> QuoteRequest:
    return QuoteRequest(
        rfq_id="R7K2Q9DM",
        reply_by=datetime.now(UTC) + timedelta(seconds=seconds),
        currency="USD",
        lines=lines,
    )


RESISTORS = QuoteLine(
    line=1,
    text="500 pcs 0603 10k",
    request=PartRequest(quantity=500, category="resistor", value=10_000.0, package="0603"),
    candidates=TEN_K,
    category="resistor",
)
OP_AMP = QuoteLine(
    line=2,
    text="LM358DR 100pcs",
    request=PartRequest(quantity=100, mpn="LM358DR"),
    candidates=("LM358DR",),
    category="ic",
)


def expected_offer(line: int, pricing: VendorPricing, mpn: str) -> Offer:
    """What the vendor's price list says about `mpn`, as the bot reads an offer."""
    quote = quote_part(pricing, part(mpn))
    assert quote is not None
    return Offer(
        line=line,
        currency=quote.currency,
        price_breaks=quote.price_breaks,
        mpn=quote.mpn,
        manufacturer=quote.manufacturer,
        stock=quote.stock,
        moq=quote.moq,
        multiple=quote.multiple,
        lead_time_days=quote.lead_time_days,
        date_code=quote.date_code,
        tax_included=quote.tax_included,
    )


async def test_a_demo_vendor_answers_a_signed_rfq_with_offers_the_bots_agent_accepts(
    server: DemoQuoteServer, session: aiohttp.ClientSession
) -> None:
    offers = await agent(server, GLOBAL, session).quote(request(RESISTORS, OP_AMP))

    # Two makers' resistors, best candidates first, and the op-amp the buyer named.
    assert offers == [
        expected_offer(1, GLOBAL.pricing, "RS-03K1002FT"),
        expected_offer(1, GLOBAL.pricing, "0603WAF1002T5E"),
        expected_offer(2, GLOBAL.pricing, "LM358DR"),
    ]
    assert offers[2].price_breaks == ((1, 0.254), (10, 0.214), (100, 0.182), (1000, 0.158))


async def test_a_yuan_vendor_quotes_its_prices_in_yuan_with_tax_included(
    server: DemoQuoteServer, session: aiohttp.ClientSession
) -> None:
    offers = await agent(server, XINDA, session).quote(request(RESISTORS))

    assert [(offer.mpn, offer.currency, offer.tax_included) for offer in offers] == [
        ("0603WAF1002T5E", "CNY", True),
        ("RC0603FR-0710KL", "CNY", True),
    ]


async def test_a_request_signed_with_another_secret_is_refused_with_401(
    server: DemoQuoteServer, session: aiohttp.ClientSession
) -> None:
    forged = agent(server, GLOBAL, session, secret="not-the-vendors-secret")

    with pytest.raises(AgentError, match=r"^HTTP 401$"):
        await forged.quote(request(RESISTORS))


async def test_a_request_signed_for_one_vendor_is_refused_by_another(
    server: DemoQuoteServer, session: aiohttp.ClientSession
) -> None:
    wrong = agent(server, XINDA, session, secret=server.endpoint(GLOBAL.name).secret)

    with pytest.raises(AgentError, match=r"^HTTP 401$"):
        await wrong.quote(request(RESISTORS))


async def test_a_demo_vendor_with_none_of_the_parts_declines_with_no_offers(
    server: DemoQuoteServer, session: aiohttp.ClientSession
) -> None:
    unknown = QuoteLine(
        line=1,
        text="XYZ-NOT-A-PART 10pcs",
        request=PartRequest(quantity=10, mpn="XYZ-NOT-A-PART"),
    )

    assert await agent(server, GLOBAL, session).quote(request(unknown)) == []


async def test_a_slow_vendor_answers_before_a_reply_by_sooner_than_its_latency(
    server: DemoQuoteServer, session: aiohttp.ClientSession
) -> None:
    assert latency_of(FUTIAN, "R7K2Q9DM") > 1.0

    offers = await agent(server, FUTIAN, session).quote(request(RESISTORS, seconds=1.0))

    assert [offer.mpn for offer in offers] == ["0603WAF1002T5E", "RC0603FR-0710KL"]


def test_each_demo_vendor_takes_its_own_time_within_the_apis_range_the_same_per_rfq() -> None:
    rfqs = [f"R{number:07d}" for number in range(200)]
    for profile in HTTP_VENDORS:
        latencies = [latency_of(profile, rfq) for rfq in rfqs]
        low, high = profile.latency
        assert LATENCY_RANGE[0] <= low <= min(latencies) <= max(latencies) <= high <= 3.0
        assert latencies == [latency_of(profile, rfq) for rfq in rfqs]
        assert len(set(latencies)) == len(rfqs)  # jitter: no two RFQs alike
    assert max(GLOBAL.latency) < min(XINDA.latency) and max(XINDA.latency) < min(FUTIAN.latency)


def test_a_vendor_slower_than_the_api_allows_is_not_a_demo_vendor() -> None:
    with pytest.raises(ValueError, match="outside"):
        HttpVendorProfile("Sleepy", "sleepy", GLOBAL.pricing, latency=(1.0, 5.0))

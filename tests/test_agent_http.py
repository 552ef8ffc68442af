"""HTTP vendors: the bot's side of the vendor quote API v1, against real vendor servers."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from vendor_servers import NOT_JSON, VendorServer, quote_every_line

from bot.agents.base import AgentError
from bot.agents.http import HttpVendorAgent, read_offer, request_body, vendor_session
from bot.agents.signing import signature, verify_signature
from bot.models import Vendor
from bot.quotes import InvalidOffer, Offer, QuoteLine, QuoteRequest
from catalogue.request import PartRequest

SECRET = "k3Q9-vendor-secret"

RESISTOR = QuoteLine(
    line=1,
    text="500 pcs 0603 10k 1%",
    request=PartRequest(
        quantity=500, category="resistor", value=10000.0, package="0603", tolerance=0.01
    ),
    candidates=("RC0603FR-0710KL", "0603WAF1002T5E"),
    category="resistor",
)
REGULATOR = QuoteLine(
    line=2,
    text="2k AMS1117-3.3 SOT-223",
    request=PartRequest(quantity=2000, mpn="AMS1117-3.3", package="SOT-223"),
    candidates=("AMS1117-3.3",),
)

FULL_OFFER = {
    "line": 1,
    "currency": "USD",
    "price_breaks": [[100, 0.0031], [1000, 0.0019]],
    "mpn": "RC0603FR-0710KL",
    "manufacturer": "Yageo",
    "stock": 120000,
    "moq": 100,
    "multiple": 100,
    "lead_time_days": 0,
    "date_code": "24+",
    "valid_until": "2025-06-30T18:00:00+08:00",
    "tax_included": False,
}
MINIMAL_OFFER = {"line": 2, "currency": "CNY", "price_breaks": [[1, 0.35], [1000, 0.28]]}


def rfq(reply_by: datetime | None = None, rfq_id: str = "R7K2Q9") -> QuoteRequest:
    return QuoteRequest(
        rfq_id=rfq_id,
        reply_by=reply_by or datetime.now(UTC) + timedelta(seconds=30),
        currency="USD",
        lines=(RESISTOR, REGULATOR),
    )


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with vendor_session() as client:
        yield client


def agent_for(
    vendor: VendorServer, session: aiohttp.ClientSession, **options: Any
) -> HttpVendorAgent:
    return HttpVendorAgent("Shenzhen Hengda", vendor.url, vendor.secret, "CNY", session, **options)


async def offers_from(agent: HttpVendorAgent, request: QuoteRequest) -> list[Offer]:
    return [offer async for offer in agent.ask(request)]


async def failure(agent: HttpVendorAgent, request: QuoteRequest) -> str:
    with pytest.raises(AgentError) as raised:
        await offers_from(agent, request)
    return str(raised.value)


# -- what the bot sends ----------------------------------------------------------------


def test_request_body_is_the_v1_document() -> None:
    reply_by = datetime(2025, 6, 1, 20, 0, 5, 250000, tzinfo=timezone(timedelta(hours=8)))

    document = json.loads(request_body(rfq(reply_by)))

    assert document == {
        "version": 1,
        "rfq": "R7K2Q9",
        "reply_by": "2025-06-01T12:00:05.250Z",
        "currency": "USD",
        "lines": [
            {
                "line": 1,
                "text": "500 pcs 0603 10k 1%",
                "quantity": 500,
                "category": "resistor",
                "value": 10000.0,
                "package": "0603",
                "tolerance": 0.01,
                "candidates": ["RC0603FR-0710KL", "0603WAF1002T5E"],
            },
            {
                "line": 2,
                "text": "2k AMS1117-3.3 SOT-223",
                "quantity": 2000,
                "mpn": "AMS1117-3.3",
                "package": "SOT-223",
                "candidates": ["AMS1117-3.3"],
            },
        ],
    }
    assert list(document) == ["version", "rfq", "reply_by", "currency", "lines"]
    assert list(document["lines"][1]) == [
        "line",
        "text",
        "quantity",
        "mpn",
        "package",
        "candidates",
    ]


def test_request_body_keeps_chinese_text_as_utf8() -> None:
    line = QuoteLine(1, "0603 10K 1% 国巨 5000个", PartRequest(quantity=5000))
    request = QuoteRequest("R1", datetime(2025, 6, 1, tzinfo=UTC), "CNY", (line,))

    body = request_body(request)

    assert "0603 10K 1% 国巨 5000个".encode() in body
    assert json.loads(body)["reply_by"] == "2025-06-01T00:00:00.000Z"


async def test_vendor_receives_a_signed_json_post(session: aiohttp.ClientSession) -> None:
    reply_by = datetime.now(UTC).replace(microsecond=500000) + timedelta(seconds=30)
    async with VendorServer(SECRET) as vendor:
        await offers_from(agent_for(vendor, session), rfq(reply_by))

    [received] = vendor.requests
    assert received.method == "POST"
    assert received.path == "/quote"
    assert received.headers["Content-Type"] == "application/json"
    assert received.body == request_body(rfq(reply_by))
    assert received.json["reply_by"] == reply_by.strftime("%Y-%m-%dT%H:%M:%S.500Z")
    assert received.signature == signature(received.body, SECRET)
    assert received.signature_valid
    assert verify_signature(received.body, SECRET, received.signature)


async def test_tampered_body_or_signature_does_not_verify(
    session: aiohttp.ClientSession,
) -> None:
    async with VendorServer(SECRET) as vendor:
        await offers_from(agent_for(vendor, session), rfq())
    [received] = vendor.requests
    header = received.signature or ""
    tampered = received.body.replace(b'"quantity": 500', b'"quantity": 5000')
    forged = header[:-1] + ("0" if header[-1] != "0" else "1")

    assert verify_signature(received.body, SECRET, header)
    assert tampered != received.body
    assert not verify_signature(tampered, SECRET, header)
    assert not verify_signature(received.body, "another-vendors-secret", header)
    assert not verify_signature(received.body, SECRET, forged)
    assert not verify_signature(received.body, SECRET, None)
    assert not verify_signature(received.body, SECRET, header.removeprefix("sha256="))


def test_signature_is_the_openssl_hmac() -> None:
    # printf '%s' '{"version":1}' | openssl dgst -sha256 -hmac 's3cret'
    expected = "37d836ceeac029e78ae7c1aea23d20f2c8b7e6f4ad4b2eea354086f1917a30a5"

    assert signature(b'{"version":1}', "s3cret") == "sha256=" + expected
    assert verify_signature(b'{"version":1}', "s3cret", "sha256=" + expected.upper())


async def test_vendor_rejects_a_request_signed_with_another_secret(
    session: aiohttp.ClientSession,
) -> None:
    async with VendorServer(SECRET) as vendor:
        agent = HttpVendorAgent("Hengda", vendor.url, "stale-secret", "CNY", session)
        reason = await failure(agent, rfq())

    assert reason == "HTTP 401"
    assert not vendor.requests[0].signature_valid


# -- what the bot accepts --------------------------------------------------------------


async def test_valid_answer_becomes_offers_with_defaults(session: aiohttp.ClientSession) -> None:
    async with VendorServer(SECRET, offers=[FULL_OFFER, MINIMAL_OFFER]) as vendor:
        offers = await offers_from(agent_for(vendor, session), rfq())

    assert offers == [
        Offer(
            line=1,
            currency="USD",
            price_breaks=((100, 0.0031), (1000, 0.0019)),
            mpn="RC0603FR-0710KL",
            manufacturer="YAGEO",
            stock=120000,
            moq=100,
            multiple=100,
            lead_time_days=0,
            date_code="24+",
            valid_until=datetime(2025, 6, 30, 10, 0, tzinfo=UTC),
            tax_included=False,
        ),
        Offer(line=2, currency="CNY", price_breaks=((1, 0.35), (1000, 0.28))),
    ]
    assert (offers[1].moq, offers[1].multiple) == (None, None)
    assert (offers[1].minimum_order, offers[1].order_multiple) == (1, 1)


async def test_empty_offers_is_no_quote(session: aiohttp.ClientSession) -> None:
    async with VendorServer(SECRET, offers=[]) as vendor:
        offers = await offers_from(agent_for(vendor, session), rfq())

    assert offers == []
    assert len(vendor.requests) == 1


async def test_answer_computed_from_the_request(session: aiohttp.ClientSession) -> None:
    async with VendorServer(SECRET, answer=quote_every_line(0.002, "USD", stock=8000)) as vendor:
        offers = await offers_from(agent_for(vendor, session), rfq())

    assert offers == [
        Offer(line=1, currency="USD", price_breaks=((1, 0.002),), stock=8000, lead_time_days=0),
        Offer(
            line=2,
            currency="USD",
            price_breaks=((1, 0.002),),
            mpn="AMS1117-3.3",
            stock=8000,
            lead_time_days=0,
        ),
    ]


@pytest.mark.parametrize(
    ("valid_until", "expected"),
    [
        ("2025-06-30T18:00:00+08:00", datetime(2025, 6, 30, 10, 0, tzinfo=UTC)),
        ("2025-06-30T10:00:00Z", datetime(2025, 6, 30, 10, 0, tzinfo=UTC)),
        ("2025-06-30T10:00:00", datetime(2025, 6, 30, 10, 0, tzinfo=UTC)),
        ("2025-06-30", datetime(2025, 6, 30, 23, 59, 59, 999999, tzinfo=UTC)),
    ],
)
def test_valid_until_is_iso_8601_in_utc(valid_until: str, expected: datetime) -> None:
    offer = read_offer({**MINIMAL_OFFER, "valid_until": valid_until}, rfq())

    assert offer.valid_until == expected


def test_null_optional_fields_are_absent_and_unknown_keys_ignored() -> None:
    item = {
        **MINIMAL_OFFER,
        "mpn": None,
        "manufacturer": None,
        "stock": None,
        "moq": None,
        "packaging": "Tape & Reel",
    }

    assert read_offer(item, rfq()) == Offer(
        line=2, currency="CNY", price_breaks=((1, 0.35), (1000, 0.28))
    )


def test_manufacturer_is_canonical_and_mpn_upper_case() -> None:
    offer = read_offer({**MINIMAL_OFFER, "mpn": " ams1117-3.3 ", "manufacturer": "国巨"}, rfq())

    assert (offer.mpn, offer.manufacturer) == ("AMS1117-3.3", "YAGEO")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"line": 9}, "line 9 is not in the RFQ"),
        ({"line": "1"}, 'line must be a whole number, got "1"'),
        ({"line": None}, "line is missing"),
        ({"currency": None}, "currency is missing"),
        (
            {"currency": "usd"},
            'currency must be a three-letter ISO 4217 code in upper case, got "usd"',
        ),
        (
            {"currency": "US$"},
            'currency must be a three-letter ISO 4217 code in upper case, got "US$"',
        ),
        ({"price_breaks": None}, "price_breaks is missing"),
        (
            {"price_breaks": []},
            "price_breaks must be a list of at least one [quantity, unit price]",
        ),
        (
            {"price_breaks": [[1000, 0.28], [100, 0.3]]},
            "price break quantities must ascend, got [1000, 100]",
        ),
        (
            {"price_breaks": [[100, 0.3], [100, 0.28]]},
            "price break quantities must ascend, got [100, 100]",
        ),
        (
            {"price_breaks": [[100, "0.3"]]},
            'price break [100, "0.3"] is not [whole quantity >= 1, unit price >= 0]',
        ),
        (
            {"price_breaks": [[0, 0.3]]},
            "price break [0, 0.3] is not [whole quantity >= 1, unit price >= 0]",
        ),
        (
            {"price_breaks": [[100, -0.3]]},
            "price break [100, -0.3] is not [whole quantity >= 1, unit price >= 0]",
        ),
        (
            {"price_breaks": [100, 0.3]},
            "price break 100 is not [whole quantity >= 1, unit price >= 0]",
        ),
        ({"stock": "5k"}, 'stock must be a whole number >= 0, got "5k"'),
        ({"stock": -1}, "stock must be a whole number >= 0, got -1"),
        ({"moq": 0}, "moq must be a whole number >= 1, got 0"),
        ({"multiple": 2.5}, "multiple must be a whole number >= 1, got 2.5"),
        ({"lead_time_days": True}, "lead_time_days must be a whole number >= 0, got true"),
        ({"mpn": 1117}, "mpn must be a string, got 1117"),
        ({"date_code": "D/C 2024 week 23 and newer"}, "date_code is longer than 20 characters"),
        (
            {"valid_until": "next friday"},
            'valid_until must be an ISO 8601 date or date-time, got "next friday"',
        ),
        ({"tax_included": "yes"}, 'tax_included must be true or false, got "yes"'),
    ],
)
def test_invalid_offer_has_a_reason(change: dict[str, Any], reason: str) -> None:
    with pytest.raises(InvalidOffer) as raised:
        read_offer({**MINIMAL_OFFER, **change}, rfq())

    assert str(raised.value) == reason


def test_an_offer_that_is_not_an_object_has_a_reason() -> None:
    with pytest.raises(InvalidOffer) as raised:
        read_offer([2, "CNY", [[1, 0.35]]], rfq())

    assert str(raised.value) == 'offer is not a JSON object, got [2, "CNY", [[1, 0.35]]]'


async def test_one_invalid_offer_is_dropped_alone_and_logged(
    session: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    unknown_line = {**FULL_OFFER, "line": 3}
    descending = {**MINIMAL_OFFER, "price_breaks": [[1000, 0.28], [1, 0.35]]}
    async with VendorServer(
        SECRET, offers=[FULL_OFFER, unknown_line, descending, MINIMAL_OFFER]
    ) as vendor:
        with caplog.at_level(logging.WARNING, logger="bot.agents.http"):
            offers = await offers_from(agent_for(vendor, session), rfq(rfq_id="R7K2Q9"))

    assert [(offer.line, offer.currency) for offer in offers] == [(1, "USD"), (2, "CNY")]
    assert [record.getMessage() for record in caplog.records] == [
        "RFQ R7K2Q9, vendor Shenzhen Hengda: offer 2 dropped: line 3 is not in the RFQ",
        "RFQ R7K2Q9, vendor Shenzhen Hengda: offer 3 dropped: "
        "price break quantities must ascend, got [1000, 1]",
    ]


# -- how a vendor fails ----------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 404, 302])
async def test_status_other_than_200_fails_the_vendor(
    session: aiohttp.ClientSession, status: int
) -> None:
    async with VendorServer(SECRET, status=status, offers=[FULL_OFFER]) as vendor:
        assert await failure(agent_for(vendor, session), rfq()) == f"HTTP {status}"


async def test_answer_that_is_not_json_fails_the_vendor(session: aiohttp.ClientSession) -> None:
    async with VendorServer(SECRET, body=NOT_JSON, content_type="text/html") as vendor:
        assert await failure(agent_for(vendor, session), rfq()) == "answer is not JSON"


@pytest.mark.parametrize(
    "body",
    [
        '{"quotes": []}',
        '{"offers": {"line": 1, "currency": "USD", "price_breaks": [[1, 0.1]]}}',
        '[{"line": 1, "currency": "USD", "price_breaks": [[1, 0.1]]}]',
        "null",
    ],
)
async def test_answer_without_an_offers_list_fails_the_vendor(
    session: aiohttp.ClientSession, body: str
) -> None:
    async with VendorServer(SECRET, body=body) as vendor:
        assert await failure(agent_for(vendor, session), rfq()) == "answer has no offers list"


async def test_answer_with_nan_is_not_json(session: aiohttp.ClientSession) -> None:
    body = '{"offers": [{"line": 1, "currency": "USD", "price_breaks": [[1, NaN]]}]}'
    async with VendorServer(SECRET, body=body) as vendor:
        assert await failure(agent_for(vendor, session), rfq()) == "answer is not JSON"


async def test_answer_where_every_offer_is_invalid_fails_the_vendor(
    session: aiohttp.ClientSession,
) -> None:
    offers = [{**FULL_OFFER, "line": 7}, {**MINIMAL_OFFER, "currency": "RMB¥"}]
    async with VendorServer(SECRET, offers=offers) as vendor:
        reason = await failure(agent_for(vendor, session), rfq())

    assert reason == "every offer is invalid (2; first: line 7 is not in the RFQ)"


class Clock:
    """The bot's clock, moved by the test: the time a vendor takes to answer."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def test_answer_after_reply_by_fails_the_vendor(session: aiohttp.ClientSession) -> None:
    reply_by = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
    clock = Clock(reply_by - timedelta(seconds=20))

    def answer_at_reply_by_plus_one_second(_document: dict[str, Any]) -> dict[str, Any]:
        clock.now = reply_by + timedelta(seconds=1)
        return {"offers": [FULL_OFFER]}

    async with VendorServer(SECRET, answer=answer_at_reply_by_plus_one_second) as vendor:
        reason = await failure(agent_for(vendor, session, clock=clock), rfq(reply_by))

    assert reason == "answered after reply_by"


async def test_vendor_still_thinking_at_reply_by_fails_with_a_timeout(
    session: aiohttp.ClientSession,
) -> None:
    reply_by = datetime.now(UTC) + timedelta(seconds=0.3)
    async with VendorServer(SECRET, offers=[FULL_OFFER], answer_after_reply_by=5.0) as vendor:
        with pytest.raises(AgentError) as raised:
            await offers_from(agent_for(vendor, session), rfq(reply_by))

    assert str(raised.value) == "no answer by reply_by"
    assert isinstance(raised.value.__cause__, TimeoutError)


async def test_slow_vendor_within_reply_by_is_answered(session: aiohttp.ClientSession) -> None:
    async with VendorServer(SECRET, offers=[MINIMAL_OFFER], latency=0.2) as vendor:
        offers = await offers_from(agent_for(vendor, session), rfq())

    assert offers == [Offer(line=2, currency="CNY", price_breaks=((1, 0.35), (1000, 0.28)))]


async def test_reply_by_already_passed_asks_nobody(session: aiohttp.ClientSession) -> None:
    async with VendorServer(SECRET, offers=[FULL_OFFER]) as vendor:
        reply_by = datetime.now(UTC) - timedelta(seconds=1)
        reason = await failure(agent_for(vendor, session), rfq(reply_by))

    assert reason == "reply_by had passed before the vendor was asked"
    assert vendor.requests == []


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


async def test_connection_refused_fails_the_vendor(session: aiohttp.ClientSession) -> None:
    port = unused_port()
    agent = HttpVendorAgent("Gone", f"http://127.0.0.1:{port}/quote", SECRET, "USD", session)

    assert await failure(agent, rfq()) == f"cannot connect to 127.0.0.1:{port}: Connection refused"


async def test_oversized_answer_fails_the_vendor(session: aiohttp.ClientSession) -> None:
    async with VendorServer(SECRET, offers=[FULL_OFFER] * 20) as vendor:
        reason = await failure(agent_for(vendor, session, max_answer_bytes=1000), rfq())

    assert reason == "answer is larger than 1000 bytes"


# -- construction and pooling ----------------------------------------------------------


def test_vendor_without_secret_cannot_be_asked(session: aiohttp.ClientSession) -> None:
    vendor = Vendor(name="Hengda", kind="http", url="https://hengda.example/quote", currency="CNY")

    with pytest.raises(ValueError, match="needs both a URL and a secret"):
        HttpVendorAgent.from_vendor(vendor, session)


async def test_stored_vendor_becomes_an_agent(session: aiohttp.ClientSession) -> None:
    async with VendorServer(SECRET, offers=[MINIMAL_OFFER]) as server:
        vendor = Vendor(name="Hengda", kind="http", url=server.url, secret=SECRET, currency="CNY")
        agent = HttpVendorAgent.from_vendor(vendor, session)
        offers = await offers_from(agent, rfq())

    assert (agent.vendor_name, agent.currency) == ("Hengda", "CNY")
    assert len(offers) == 1


async def test_connection_is_kept_alive_across_rfqs(session: aiohttp.ClientSession) -> None:
    async with VendorServer(SECRET, offers=[MINIMAL_OFFER]) as vendor:
        agent = agent_for(vendor, session)
        for number in range(3):
            await offers_from(agent, rfq(rfq_id=f"R{number}"))

    assert len({request.client_port for request in vendor.requests}) == 1
    assert len(vendor.requests) == 3


async def test_200_rfqs_to_20_vendors_at_once_are_all_answered(
    session: aiohttp.ClientSession,
) -> None:
    async with contextlib.AsyncExitStack() as stack:
        vendors = [
            await stack.enter_async_context(
                VendorServer(f"secret-{n}", answer=quote_every_line(0.001 * (n + 1)), latency=0.05)
            )
            for n in range(20)
        ]
        agents = [
            HttpVendorAgent(f"vendor {n}", vendor.url, vendor.secret, "USD", session)
            for n, vendor in enumerate(vendors)
        ]
        requests = [rfq(rfq_id=f"R{number:03d}") for number in range(200)]
        answers = await asyncio.gather(
            *(offers_from(agent, request) for request in requests for agent in agents)
        )

    assert len(answers) == 4000
    assert all([offer.line for offer in offers] == [1, 2] for offers in answers)
    assert all(len(vendor.requests) == 200 for vendor in vendors)
    assert all(request.signature_valid for vendor in vendors for request in vendor.requests)


# -- docs/vendor-api.md, the contract as published ------------------------------------

VENDOR_API = Path(__file__).resolve().parents[1] / "docs" / "vendor-api.md"


def documented_block(marker: str) -> str:
    """The fenced code block after `<!-- marker -->` in docs/vendor-api.md."""
    text = VENDOR_API.read_text(encoding="utf-8")
    after = text.split(f"<!-- {marker} -->", 1)[1]
    return after.split("```", 2)[1].split("\n", 1)[1]


def test_documented_request_is_what_the_bot_sends() -> None:
    reply_by = datetime(2025, 6, 1, 12, 0, 5, 250000, tzinfo=UTC)
    body = request_body(rfq(reply_by))

    assert documented_block("example-body").strip() == body.decode("utf-8")
    assert documented_block("example-signature").strip() == (
        f"X-Sourcing-Signature: {signature(body, 'example-secret')}"
    )


async def test_documented_vendor_server_answers_the_bot(session: aiohttp.ClientSession) -> None:
    example: dict[str, Any] = {"__name__": "vendor"}
    exec(compile(documented_block("example-server"), str(VENDOR_API), "exec"), example)
    server = TestServer(example["make_app"](), host="127.0.0.1")
    await server.start_server()
    try:
        url = str(server.make_url("/quote"))
        agent = HttpVendorAgent("Example", url, "example-secret", "USD", session)
        offers = await offers_from(agent, rfq())
        forged = HttpVendorAgent("Forger", url, "guessed-secret", "USD", session)
        reason = await failure(forged, rfq())
    finally:
        await server.close()

    assert offers == [
        Offer(
            line=1,
            currency="USD",
            price_breaks=((100, 0.0031), (1000, 0.0019)),
            mpn="RC0603FR-0710KL",
            manufacturer="YAGEO",
            stock=120000,
            moq=100,
            multiple=100,
        ),
        Offer(
            line=2,
            currency="USD",
            price_breaks=((1, 0.35), (1000, 0.28)),
            mpn="AMS1117-3.3",
            manufacturer="AMS",
            stock=30000,
        ),
    ]
    assert reason == "HTTP 401"

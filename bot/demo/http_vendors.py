"""The demo's HTTP vendors: quote endpoints speaking the vendor quote API v1 (docs/vendor-api.md).

They are real servers the bot reaches over HTTP on 127.0.0.1, so the sandbox exercises the
same path as a vendor on the internet: a signed request, a wait, offers or a 401. Each
vendor answers after its own latency (0.2 to 3 s, drawn per RFQ from the vendor's range),
quoting the part the buyer named or the catalogue's candidates that it carries, at the
prices of `bot.demo.pricing`.

One aiohttp server serves every demo vendor, each under a path of its own with a secret
of its own. Separate ports would show the bot nothing more (it tells vendors apart by URL
and secret), and one server is one thing to start, to stop and to find in a log.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from bot.agents.http import API_VERSION
from bot.agents.signing import SIGNATURE_HEADER, verify_signature
from bot.demo.catalogue import DemoCatalogue
from bot.demo.dice import between
from bot.demo.pricing import PartQuote, VendorPricing
from bot.demo.quoting import line_quotes
from bot.quotes import QuoteLine
from catalogue.request import PartRequest

log = logging.getLogger(__name__)

#: The seconds a demo vendor may take: from a quick distributor's API to a slow trader's.
LATENCY_RANGE = (0.2, 3.0)
#: A vendor answers this long before `reply_by` at the latest, so a slow vendor is slow but
#: never late: the network and the bot's clock need a moment too.
_DEADLINE_MARGIN = 0.25


@dataclass(frozen=True, slots=True)
class HttpVendorProfile:
    name: str
    #: The URL path segment: http://127.0.0.1:<port>/vendors/<path>/quote.
    path: str
    pricing: VendorPricing
    #: Seconds before answering: the least and the most.
    latency: tuple[float, float]
    #: Offers per RFQ line at most (two makers of one part, say).
    offers_per_line: int = 2

    def __post_init__(self) -> None:
        low, high = self.latency
        if not LATENCY_RANGE[0] <= low <= high <= LATENCY_RANGE[1]:
            raise ValueError(f"latency {self.latency} is outside {LATENCY_RANGE}")


@dataclass(frozen=True, slots=True)
class Endpoint:
    """Where a demo vendor listens, and the secret it verifies: what the bot registers."""

    profile: HttpVendorProfile
    url: str
    secret: str


def latency_of(profile: HttpVendorProfile, rfq_id: str) -> float:
    """Seconds the vendor takes over this RFQ: the same for the same RFQ."""
    return between(*profile.latency, profile.name, rfq_id, "latency")


def offer_json(line: int, quote: PartQuote) -> dict[str, Any]:
    """One offer of a v1 answer."""
    offer: dict[str, Any] = {
        "line": line,
        "currency": quote.currency,
        "price_breaks": [[quantity, price] for quantity, price in quote.price_breaks],
        "mpn": quote.mpn,
        "manufacturer": quote.manufacturer,
        "stock": quote.stock,
        "moq": quote.moq,
        "lead_time_days": quote.lead_time_days,
        "date_code": quote.date_code,
        "tax_included": quote.tax_included,
    }
    if quote.multiple is not None:
        offer["multiple"] = quote.multiple
    return offer


class BadRequest(ValueError):
    """A body that is no v1 request."""


def request_lines(document: Any) -> list[QuoteLine]:
    """The lines of a v1 request body, as the bot's own `QuoteLine`s."""
    if not isinstance(document, dict) or document.get("version") != API_VERSION:
        raise BadRequest(f"not a version {API_VERSION} request")
    lines = document.get("lines")
    if not isinstance(lines, list):
        raise BadRequest("lines must be a list")
    try:
        return [
            QuoteLine(
                line=item["line"],
                text=str(item.get("text", "")),
                request=PartRequest.from_dict(item),
                candidates=tuple(str(mpn) for mpn in item.get("candidates", ())),
                category=item.get("category"),
            )
            for item in lines
        ]
    except (KeyError, TypeError, AttributeError) as error:
        raise BadRequest(f"malformed line: {error}") from error


def answer(
    catalogue: DemoCatalogue, profile: HttpVendorProfile, lines: Sequence[QuoteLine]
) -> dict[str, Any]:
    """The vendor's answer to these lines: `{"offers": [...]}`, empty when it has none."""
    offers = [
        offer_json(line.line, quote)
        for line in lines
        for quote in line_quotes(catalogue, profile.pricing, line, limit=profile.offers_per_line)
    ]
    return {"offers": offers}


def _seconds_left(document: dict[str, Any]) -> float | None:
    try:
        reply_by = datetime.fromisoformat(str(document["reply_by"]))
    except (KeyError, ValueError):
        return None
    if reply_by.tzinfo is None:
        reply_by = reply_by.replace(tzinfo=UTC)
    return (reply_by - datetime.now(UTC)).total_seconds()


def _error(status: int, text: str) -> web.Response:
    return web.json_response({"error": text}, status=status)


class DemoQuoteServer:
    """Every demo HTTP vendor's quote endpoint, on one aiohttp server on `host`."""

    def __init__(
        self,
        catalogue: DemoCatalogue,
        profiles: Sequence[HttpVendorProfile],
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        vendor_secrets: Mapping[str, str] | None = None,
    ) -> None:
        """`vendor_secrets` by vendor name; each vendor not named gets a fresh random one."""
        if len({profile.path for profile in profiles}) != len(profiles):
            raise ValueError("two demo vendors share a path")
        self._catalogue = catalogue
        self._host = host
        self._port = port
        given = vendor_secrets or {}
        self._profiles = {profile.path: profile for profile in profiles}
        self._secrets = {
            profile.path: given.get(profile.name) or secrets.token_hex(32) for profile in profiles
        }
        self._runner: web.AppRunner | None = None
        self._root = ""

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/vendors/{vendor}/quote", self._quote)
        # A request the bot gave up on is cancelled with its connection, and closing does not
        # wait out a slow vendor's latency.
        self._runner = web.AppRunner(
            app, handler_cancellation=True, access_log=None, shutdown_timeout=0.5
        )
        await self._runner.setup()
        await web.TCPSite(self._runner, self._host, self._port).start()
        port = self._runner.addresses[0][1]
        self._root = f"http://{self._host}:{port}"
        log.info("demo HTTP vendors listening on %s", self._root)

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> DemoQuoteServer:
        await self.start()
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.close()

    @property
    def endpoints(self) -> list[Endpoint]:
        """Each vendor's URL and secret, in the order the profiles were given."""
        if not self._root:
            raise RuntimeError("the demo quote server is not running")
        return [
            Endpoint(profile, f"{self._root}/vendors/{path}/quote", self._secrets[path])
            for path, profile in self._profiles.items()
        ]

    def endpoint(self, name: str) -> Endpoint:
        for endpoint in self.endpoints:
            if endpoint.profile.name == name:
                return endpoint
        raise LookupError(f"no demo HTTP vendor named {name!r}")

    async def _quote(self, request: web.Request) -> web.Response:
        path = request.match_info["vendor"]
        profile = self._profiles.get(path)
        if profile is None:
            return _error(404, "no such vendor")
        body = await request.read()  # verified as received, before parsing
        if not verify_signature(body, self._secrets[path], request.headers.get(SIGNATURE_HEADER)):
            return _error(401, "bad signature")
        try:
            document = json.loads(body)
            lines = request_lines(document)
        except ValueError as error:  # not JSON, or no v1 request
            return _error(400, str(error))
        rfq_id = str(document.get("rfq", ""))
        delay = latency_of(profile, rfq_id)
        left = _seconds_left(document)
        if left is not None:
            delay = min(delay, max(0.0, left - _DEADLINE_MARGIN))
        await asyncio.sleep(delay)
        reply = answer(self._catalogue, profile, lines)
        log.info(
            "rfq=%s demo vendor=%s answered %d offers after %.1f s",
            rfq_id,
            profile.name,
            len(reply["offers"]),
            delay,
        )
        return web.json_response(reply)

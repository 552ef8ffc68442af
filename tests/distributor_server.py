"""A local stand-in for the four distributor APIs, serving the recorded example answers.

It listens on 127.0.0.1 at each API's own paths, checks credentials the way each API
does (Mouser's `apiKey` query parameter, element14's `callInfo.apiKey`, OAuth2 client
credentials and Bearer tokens for Nexar and Digi-Key), counts what it is asked, and can
be told to answer the next calls to an API with an error (a 429 with Retry-After, a
500...). Also here: a clock tests move by hand, and a builder for quote requests.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.quotes import QuoteLine, QuoteRequest
from catalogue.partnumbers import normalise_mpn
from catalogue.request import PartRequest

EXAMPLES = Path(__file__).resolve().parent / "distributor_examples"

MOUSER_KEY = "mouser-key-0f1e2d3c"
ELEMENT14_KEY = "e14key0123456789abcdefgh"
NEXAR_ID, NEXAR_SECRET = "nexar-client", "nexar-secret-5a6b"
DIGIKEY_ID, DIGIKEY_SECRET = "digikey-client", "digikey-secret-7c8d"

#: The instant FakeClock starts at.
START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def example(name: str) -> Any:
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


class FakeClock:
    """Time that moves only when told to, or when something sleeps on it."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start.timestamp()
        self.sleeps: list[float] = []

    def time(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def advance(self, seconds: float) -> None:
        self.now += seconds


def quote_request(
    *lines: tuple[str | None, int | None] | tuple[str | None, int | None, tuple[str, ...]],
    clock: FakeClock | None = None,
    window: float = 60.0,
    currency: str = "USD",
) -> QuoteRequest:
    """An RFQ with one line per (mpn, quantity[, catalogue candidates]), due `window` s on."""
    quote_lines = []
    for number, spec in enumerate(lines, start=1):
        mpn, quantity = spec[0], spec[1]
        candidates = spec[2] if len(spec) == 3 else ()
        text = " ".join(str(part) for part in (quantity, mpn or "resistor") if part is not None)
        quote_lines.append(
            QuoteLine(
                line=number,
                text=text,
                request=PartRequest(quantity=quantity, mpn=mpn),
                candidates=candidates,
            )
        )
    now = datetime.fromtimestamp(clock.time(), UTC) if clock else datetime.now(UTC)
    return QuoteRequest(
        rfq_id="rfq-1",
        reply_by=now + timedelta(seconds=window),
        currency=currency,
        lines=tuple(quote_lines),
    )


@dataclass
class CannedAnswer:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


def _index(pattern: str, parts_of: Any, mpn_of: Any) -> dict[str, list[Any]]:
    index: dict[str, list[Any]] = {}
    for path in sorted(EXAMPLES.glob(pattern)):
        for item in parts_of(json.loads(path.read_text(encoding="utf-8"))):
            index.setdefault(normalise_mpn(mpn_of(item)), []).append(item)
    return index


class DistributorServer:
    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        #: What each API was asked for, in order (Mouser: the pipe-joined part numbers).
        self.asked: dict[str, list[Any]] = {}
        self.canned: dict[str, list[tuple[Any, CannedAnswer]]] = {}
        self.tokens: dict[str, set[str]] = {"nexar": set(), "digikey": set()}
        self._mouser = _index(
            "mouser_partnumber_*.json",
            lambda answer: answer["SearchResults"]["Parts"],
            lambda part: part["ManufacturerPartNumber"],
        )
        self._nexar = _index(
            "nexar_supmultimatch_*.json",
            lambda answer: [p for match in answer["data"]["supMultiMatch"] for p in match["parts"]],
            lambda part: part["mpn"],
        )
        self._digikey = _index(
            "digikey_productdetails_*.json",
            lambda answer: [answer],
            lambda answer: answer["Product"]["ManufacturerProductNumber"],
        )
        self._element14 = _index(
            "element14_manufacturerpartnumber_*.json",
            lambda answer: answer["manufacturerPartNumberSearchReturn"]["products"],
            lambda product: product["translatedManufacturerPartNumber"],
        )
        app = web.Application()
        app.router.add_post("/api/v1/search/partnumber", self._mouser_search)
        app.router.add_post("/connect/token", self._nexar_token)
        app.router.add_post("/graphql", self._nexar_graphql)
        app.router.add_post("/v1/oauth2/token", self._digikey_token)
        app.router.add_get(
            "/products/v4/search/{number}/productdetails", self._digikey_product_details
        )
        app.router.add_get("/catalog/products", self._element14_search)
        self._server = TestServer(app, host="127.0.0.1")

    async def __aenter__(self) -> DistributorServer:
        # No access log: it would print the keys real APIs receive in their query strings,
        # and the test of the bot's own logs reads every logger.
        await self._server.start_server(access_log=None)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._server.close()

    @property
    def base_url(self) -> str:
        return str(self._server.make_url("")).rstrip("/")

    def answer_next(self, api: str, *answers: CannedAnswer, asked: Any = None) -> None:
        """Serve these answers to the next calls to `api` (asking for `asked`, if given)
        before its example answers."""
        self.canned.setdefault(api, []).extend((asked, answer) for answer in answers)

    def _count(self, api: str, asked: Any) -> CannedAnswer | None:
        self.calls[api] += 1
        self.asked.setdefault(api, []).append(asked)
        queue = self.canned.get(api, [])
        for index, (wanted, answer) in enumerate(queue):
            if wanted is None or wanted == asked:
                del queue[index]
                return answer
        return None

    # Mouser Search API v1

    async def _mouser_search(self, request: web.Request) -> web.Response:
        body = await request.json()
        numbers = body["SearchByPartRequest"]["mouserPartNumber"]
        canned = self._count("mouser", numbers)
        if request.query.get("apiKey") != MOUSER_KEY:
            return web.json_response(example("mouser_error_invalid_key.json"))
        if canned is not None:
            return _canned(canned)
        parts = _found(self._mouser, numbers.split("|"))
        return web.json_response(
            {"Errors": [], "SearchResults": {"NumberOfResult": len(parts), "Parts": parts}}
        )

    # Nexar: OAuth2 client credentials, then GraphQL

    async def _nexar_token(self, request: web.Request) -> web.Response:
        return await self._token(request, "nexar", NEXAR_ID, NEXAR_SECRET, "nexar_token.json")

    async def _nexar_graphql(self, request: web.Request) -> web.Response:
        body = await request.json()
        queries = body["variables"]["queries"]
        canned = self._count("nexar", [query["mpn"] for query in queries])
        if not self._bearer_ok(request, "nexar"):
            return web.json_response({"errors": [{"message": "Unauthorized"}]}, status=401)
        if canned is not None:
            return _canned(canned)
        matches = []
        for query in queries:
            parts = _found(self._nexar, [query["mpn"]])
            matches.append(
                {"reference": query["reference"], "hits": len(parts), "error": None, "parts": parts}
            )
        return web.json_response({"data": {"supMultiMatch": matches}})

    # Digi-Key Product Information v4: OAuth2 client credentials, then ProductDetails

    async def _digikey_token(self, request: web.Request) -> web.Response:
        return await self._token(
            request, "digikey", DIGIKEY_ID, DIGIKEY_SECRET, "digikey_token.json"
        )

    async def _digikey_product_details(self, request: web.Request) -> web.Response:
        number = request.match_info["number"]
        canned = self._count("digikey", number)
        client_ok = request.headers.get("X-DIGIKEY-Client-Id") == DIGIKEY_ID
        if not (client_ok and self._bearer_ok(request, "digikey")):
            return web.json_response(
                {
                    "ErrorResponseVersion": "3.0.0.0",
                    "StatusCode": 401,
                    "ErrorMessage": "Bearer token  expired",
                    "ErrorDetails": None,
                    "RequestId": "0",
                    "ValidationErrors": [],
                },
                status=401,
            )
        if canned is not None:
            return _canned(canned)
        found = _found(self._digikey, [number])
        if not found:
            return web.json_response(example("digikey_404_not_found.json"), status=404)
        answer = json.loads(json.dumps(found[0]))
        currency = request.headers.get("X-DIGIKEY-Locale-Currency", "USD")
        answer["SearchLocaleUsed"]["Currency"] = currency
        return web.json_response(answer)

    # element14 Product Search API (REST)

    async def _element14_search(self, request: web.Request) -> web.Response:
        term = request.query.get("term", "")
        canned = self._count("element14", term)
        if request.query.get("callInfo.apiKey") != ELEMENT14_KEY:
            return web.Response(status=403, text="<h1>Developer Inactive</h1>")
        if canned is not None:
            return _canned(canned)
        field_name, _, number = term.partition(":")
        if (
            field_name != "manuPartNum"
            or request.query.get("callInfo.responseDataFormat") != "JSON"
        ):
            return web.Response(status=400, text="bad request")
        products = _found(self._element14, [number])
        if not products:
            return web.json_response(example("element14_no_results.json"))
        return web.json_response(
            {
                "manufacturerPartNumberSearchReturn": {
                    "numberOfResults": len(products),
                    "products": products,
                }
            }
        )

    # OAuth2

    async def _token(
        self, request: web.Request, api: str, client_id: str, secret: str, answer_file: str
    ) -> web.Response:
        form = await request.post()
        canned = self._count(f"{api}-token", form.get("grant_type"))
        if canned is not None:
            return _canned(canned)
        if (
            form.get("grant_type") != "client_credentials"
            or form.get("client_id") != client_id
            or form.get("client_secret") != secret
        ):
            return web.json_response({"error": "invalid_client"}, status=400)
        answer = example(answer_file)
        answer["access_token"] = f"{api}-token-{self.calls[f'{api}-token']}"
        self.tokens[api].add(answer["access_token"])
        return web.json_response(answer)

    def _bearer_ok(self, request: web.Request, api: str) -> bool:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        return scheme == "Bearer" and token in self.tokens[api]

    def revoke_tokens(self, api: str) -> None:
        self.tokens[api].clear()


def _found(index: dict[str, list[Any]], numbers: Iterable[str]) -> list[Any]:
    return [item for number in numbers for item in index.get(normalise_mpn(number), [])]


def _canned(answer: CannedAnswer) -> web.Response:
    if answer.body is None:
        return web.Response(status=answer.status, headers=answer.headers)
    return web.json_response(answer.body, status=answer.status, headers=answer.headers)

"""A real vendor of the vendor quote API v1, served by aiohttp on 127.0.0.1, for tests and benches.

It behaves as a vendor's quote endpoint would (docs/vendor-api.md) and can be told to
misbehave in each way the bot must survive. Every request is recorded as received, raw
body and headers included, with whether its signature verified.

    async with VendorServer(offers=[{"line": 1, "currency": "USD",
                                     "price_breaks": [[100, 0.0031]]}]) as vendor:
        agent = HttpVendorAgent("Acme", vendor.url, vendor.secret, "USD", session)
        offers = [offer async for offer in agent.ask(request)]
        assert vendor.requests[0].signature_valid

How it answers, in this order (every option is an attribute too, changeable between
requests):

- `require_signature` (default True): a request whose X-Sourcing-Signature does not
  verify with `secret` gets 401 `{"error": "bad signature"}` at once, as a careful
  vendor's server would.
- `latency`: seconds to wait before answering.
- `answer_after_reply_by`: wait until this many seconds after the request's own
  `reply_by` (read from its body) before answering: a vendor that is always late.
- `body`: raw bytes (or text) sent as they are, with `status` and `content_type`: for
  answers that are not JSON, or JSON of the wrong shape.
- otherwise JSON: `answer(document)` when given (a function of the request's parsed
  body, returning the JSON value to send, e.g. `quote_every_line(...)`), else
  `{"offers": offers}`; sent with `status`.

Start many for a fan-out bench with contextlib.AsyncExitStack; each listens on its own
unused port. The server runs in the caller's event loop.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.agents.signing import SIGNATURE_HEADER, verify_signature

#: A body that is no JSON at all: what a proxy in front of a vendor sends when it is down.
NOT_JSON = b"<html><body><h1>502 Bad Gateway</h1></body></html>"

Answer = Callable[[dict[str, Any]], Any]


@dataclass(frozen=True, slots=True)
class ReceivedRequest:
    """One request as the vendor received it."""

    method: str
    path: str
    headers: Mapping[str, str]
    body: bytes
    #: The X-Sourcing-Signature header, None when absent.
    signature: str | None
    #: Whether `signature` verifies `body` with the server's secret.
    signature_valid: bool
    #: The client's port: requests sharing one show a pooled (kept-alive) connection.
    client_port: int | None

    @property
    def json(self) -> Any:
        return json.loads(self.body)


def quote_every_line(
    unit_price: float = 0.01,
    currency: str = "USD",
    *,
    stock: int | None = 10_000,
    lead_time_days: int | None = 0,
) -> Answer:
    """An answer that offers every line of the RFQ at one price, from 1 piece.

    Where a line names a part number the offer repeats it; for end-to-end tests and
    benches that send RFQs the server does not know in advance.
    """

    def answer(document: dict[str, Any]) -> dict[str, Any]:
        offers = []
        for line in document.get("lines", []):
            offer: dict[str, Any] = {
                "line": line["line"],
                "currency": currency,
                "price_breaks": [[1, unit_price]],
                "stock": stock,
                "lead_time_days": lead_time_days,
            }
            if line.get("mpn"):
                offer["mpn"] = line["mpn"]
            offers.append(offer)
        return {"offers": offers}

    return answer


class VendorServer:
    """A vendor's quote endpoint on 127.0.0.1 (an unused port); see the module docstring."""

    PATH = "/quote"

    def __init__(
        self,
        secret: str = "vendor-secret",
        *,
        offers: list[Any] | None = None,
        answer: Answer | None = None,
        status: int = 200,
        body: bytes | str | None = None,
        content_type: str = "application/json",
        latency: float = 0.0,
        answer_after_reply_by: float | None = None,
        require_signature: bool = True,
    ) -> None:
        self.secret = secret
        self.offers: list[Any] = list(offers) if offers is not None else []
        self.answer = answer
        self.status = status
        self.body = body
        self.content_type = content_type
        self.latency = latency
        self.answer_after_reply_by = answer_after_reply_by
        self.require_signature = require_signature
        self.requests: list[ReceivedRequest] = []
        app = web.Application()
        app.router.add_post(self.PATH, self._handle)
        self._server = TestServer(app, host="127.0.0.1")

    @property
    def url(self) -> str:
        """The endpoint to give the agent: http://127.0.0.1:<port>/quote."""
        return str(self._server.make_url(self.PATH))

    async def start(self) -> VendorServer:
        # Handlers still waiting (a late vendor the client gave up on) must not hold up
        # closing, so pending requests get little grace at shutdown.
        await self._server.start_server(shutdown_timeout=0.1)
        return self

    async def close(self) -> None:
        await self._server.close()

    async def __aenter__(self) -> VendorServer:
        return await self.start()

    async def __aexit__(self, *_exc: object) -> None:
        await self.close()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        header = request.headers.get(SIGNATURE_HEADER)
        valid = verify_signature(body, self.secret, header)
        peer = request.transport.get_extra_info("peername") if request.transport else None
        self.requests.append(
            ReceivedRequest(
                method=request.method,
                path=request.path,
                headers=dict(request.headers),
                body=body,
                signature=header,
                signature_valid=valid,
                client_port=peer[1] if peer else None,
            )
        )
        if self.require_signature and not valid:
            return web.json_response({"error": "bad signature"}, status=401)
        if self.latency:
            await asyncio.sleep(self.latency)
        if self.answer_after_reply_by is not None:
            await asyncio.sleep(self._seconds_until_late(body))
        if self.body is not None:
            raw = self.body.encode("utf-8") if isinstance(self.body, str) else self.body
            return web.Response(
                body=raw, status=self.status, headers={"Content-Type": self.content_type}
            )
        document = self.answer(json.loads(body)) if self.answer else {"offers": self.offers}
        return web.Response(
            body=json.dumps(document).encode("utf-8"),
            status=self.status,
            headers={"Content-Type": self.content_type},
        )

    def _seconds_until_late(self, body: bytes) -> float:
        assert self.answer_after_reply_by is not None
        reply_by = datetime.fromisoformat(json.loads(body)["reply_by"])
        late = reply_by.timestamp() + self.answer_after_reply_by
        return max(0.0, late - datetime.now(UTC).timestamp())

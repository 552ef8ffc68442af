"""HTTP vendors: the bot's side of the vendor quote API v1 (docs/vendor-api.md).

Other people implement the vendor side, so this module follows the published contract to
the letter: the body and headers it sends, what it accepts back, and what makes a vendor
fail. A vendor that answers badly fails for this RFQ with a reason a person can act on;
one unreadable offer in an otherwise good answer is dropped alone and logged, so a
vendor's typo on one line does not cost it the others.

Timing is the RFQ's: the request is sent with the RFQ's `reply_by` and abandoned at that
moment. An answer the bot's clock sees after `reply_by` is refused even when it arrived.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import os
import re
import socket
import ssl
from collections.abc import AsyncIterator, Callable
from datetime import UTC, date, datetime, time
from typing import Any

import aiohttp

from bot.agents.base import AgentError, AgentTimedOut
from bot.agents.signing import SIGNATURE_HEADER, signature
from bot.models import Vendor
from bot.quotes import InvalidOffer, Offer, PriceBreak, QuoteRequest
from catalogue.manufacturers import canonical_manufacturer
from catalogue.partnumbers import clean_mpn

__all__ = [
    "API_VERSION",
    "DEFAULT_CONNECTION_LIMIT",
    "DEFAULT_CONNECTION_LIMIT_PER_VENDOR",
    "DEFAULT_MAX_ANSWER_BYTES",
    "HttpVendorAgent",
    "read_answer",
    "read_offer",
    "reply_by_text",
    "request_body",
    "vendor_session",
]

logger = logging.getLogger(__name__)

API_VERSION = 1

#: Connections open at once to all HTTP vendors together. 200 RFQs x 20 vendors is 4,000
#: requests in flight; up to this many get a connection at once, the rest wait for one
#: (inside their `reply_by`). Each is a file descriptor: keep `ulimit -n` above this plus
#: the database pool.
DEFAULT_CONNECTION_LIMIT = 4096
#: Connections open at once to one vendor: the most RFQs it is asked concurrently.
DEFAULT_CONNECTION_LIMIT_PER_VENDOR = 256

#: The largest answer read; an answer beyond is a broken vendor, not a quote.
DEFAULT_MAX_ANSWER_BYTES = 4 * 1024 * 1024

# Column sizes of the offers table: longer values cannot be stored, so they are refused here.
_MAX_MPN = 120
_MAX_MANUFACTURER = 120
_MAX_DATE_CODE = 20
_MAX_INT32 = 2**31 - 1
_MAX_INT64 = 2**63 - 1

_CURRENCY = re.compile(r"[A-Z]{3}")
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def vendor_session(
    *,
    limit: int = DEFAULT_CONNECTION_LIMIT,
    limit_per_host: int = DEFAULT_CONNECTION_LIMIT_PER_VENDOR,
) -> aiohttp.ClientSession:
    """A client session sized for fanning RFQs out to HTTP vendors; the caller closes it.

    One session is shared by every agent so connections to a vendor are pooled and kept
    alive across RFQs. aiohttp's own default (100 connections in all) would make most of
    200 RFQs x 20 vendors wait for a connection; the limits here are documented on their
    constants. The
    session has no timeout of its own: each request is bounded by its RFQ's `reply_by`.
    """
    connector = aiohttp.TCPConnector(limit=limit, limit_per_host=limit_per_host, ttl_dns_cache=300)
    return aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout())


def _utc(moment: datetime) -> datetime:
    """`moment` in UTC; a naive time is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _now() -> datetime:
    return datetime.now(UTC)


def reply_by_text(moment: datetime) -> str:
    """ISO 8601 in UTC with a "Z" and milliseconds: "2025-06-01T12:00:05.250Z"."""
    return _utc(moment).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def request_body(request: QuoteRequest) -> bytes:
    """The exact bytes POSTed (and signed) for `request`, as UTF-8 JSON."""
    document = {
        "version": API_VERSION,
        "rfq": request.rfq_id,
        "reply_by": reply_by_text(request.reply_by),
        "currency": request.currency,
        "lines": [
            {
                "line": line.line,
                "text": line.text,
                **line.request.to_dict(),
                "candidates": list(line.candidates),
            }
            for line in request.lines
        ],
    }
    return json.dumps(document, ensure_ascii=False, allow_nan=False).encode("utf-8")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def read_answer(body: bytes) -> list[Any]:
    """The `offers` list of a 200 answer; AgentError when the answer as a whole is unusable."""
    try:
        document = json.loads(body, parse_constant=_reject_constant)
    except ValueError as error:  # invalid JSON, or bytes that are not UTF-8
        raise AgentError("answer is not JSON") from error
    offers = document.get("offers") if isinstance(document, dict) else None
    if not isinstance(offers, list):
        raise AgentError("answer has no offers list")
    return offers


def _show(value: Any) -> str:
    """A JSON value as the vendor wrote it, cut short for a log line."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _integer(offer: dict[str, Any], name: str, minimum: int, maximum: int) -> int | None:
    value = offer.get(name)
    if value is None:
        return None
    if not _is_integer(value) or not minimum <= value <= maximum:
        raise InvalidOffer(f"{name} must be a whole number >= {minimum}, got {_show(value)}")
    return int(value)


def _text(offer: dict[str, Any], name: str, longest: int) -> str | None:
    value = offer.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidOffer(f"{name} must be a string, got {_show(value)}")
    value = value.strip()
    if len(value) > longest:
        raise InvalidOffer(f"{name} is longer than {longest} characters")
    return value or None


def _line(offer: dict[str, Any], request: QuoteRequest) -> int:
    value = offer.get("line")
    if value is None:
        raise InvalidOffer("line is missing")
    if not _is_integer(value):
        raise InvalidOffer(f"line must be a whole number, got {_show(value)}")
    if request.line(value) is None:
        raise InvalidOffer(f"line {value} is not in the RFQ")
    return int(value)


def _currency(offer: dict[str, Any]) -> str:
    value = offer.get("currency")
    if value is None:
        raise InvalidOffer("currency is missing")
    if not isinstance(value, str) or not _CURRENCY.fullmatch(value):
        raise InvalidOffer(
            f"currency must be a three-letter ISO 4217 code in upper case, got {_show(value)}"
        )
    return value


def _price_breaks(offer: dict[str, Any]) -> tuple[PriceBreak, ...]:
    value = offer.get("price_breaks")
    if value is None:
        raise InvalidOffer("price_breaks is missing")
    if not isinstance(value, list) or not value:
        raise InvalidOffer("price_breaks must be a list of at least one [quantity, unit price]")
    breaks: list[PriceBreak] = []
    for pair in value:
        if not (
            isinstance(pair, list)
            and len(pair) == 2
            and _is_integer(pair[0])
            and 1 <= pair[0] <= _MAX_INT32
            and isinstance(pair[1], int | float)
            and not isinstance(pair[1], bool)
            and math.isfinite(pair[1])
            and pair[1] >= 0
        ):
            raise InvalidOffer(
                f"price break {_show(pair)} is not [whole quantity >= 1, unit price >= 0]"
            )
        breaks.append((int(pair[0]), float(pair[1])))
    quantities = [quantity for quantity, _price in breaks]
    if quantities != sorted(set(quantities)):
        raise InvalidOffer(f"price break quantities must ascend, got {_show(quantities)}")
    return tuple(breaks)


def _valid_until(offer: dict[str, Any]) -> datetime | None:
    value = offer.get("valid_until")
    if value is None:
        return None
    problem = f"valid_until must be an ISO 8601 date or date-time, got {_show(value)}"
    if not isinstance(value, str):
        raise InvalidOffer(problem)
    try:
        if _DATE_ONLY.fullmatch(value):
            # A date alone is valid through that whole day.
            return datetime.combine(date.fromisoformat(value), time.max, UTC)
        return _utc(datetime.fromisoformat(value))
    except ValueError as error:
        raise InvalidOffer(problem) from error


def _tax_included(offer: dict[str, Any]) -> bool | None:
    value = offer.get("tax_included")
    if value is None or isinstance(value, bool):
        return value
    raise InvalidOffer(f"tax_included must be true or false, got {_show(value)}")


def read_offer(item: Any, request: QuoteRequest) -> Offer:
    """One offer of an answer, validated against the v1 contract and `request`'s lines.

    Raises InvalidOffer with the reason. Absent and null optional fields stay None, so
    the defaults (MOQ = first break, multiple = 1) stay visible as defaults.
    """
    if not isinstance(item, dict):
        raise InvalidOffer(f"offer is not a JSON object, got {_show(item)}")
    line = _line(item, request)
    currency = _currency(item)
    breaks = _price_breaks(item)
    mpn = _text(item, "mpn", _MAX_MPN)
    manufacturer = _text(item, "manufacturer", _MAX_MANUFACTURER)
    if manufacturer is not None:
        manufacturer = canonical_manufacturer(manufacturer)[:_MAX_MANUFACTURER]
    return Offer(
        line=line,
        currency=currency,
        price_breaks=breaks,
        mpn=clean_mpn(mpn) if mpn else None,
        manufacturer=manufacturer,
        stock=_integer(item, "stock", 0, _MAX_INT64),
        moq=_integer(item, "moq", 1, _MAX_INT32),
        multiple=_integer(item, "multiple", 1, _MAX_INT32),
        lead_time_days=_integer(item, "lead_time_days", 0, _MAX_INT32),
        date_code=_text(item, "date_code", _MAX_DATE_CODE),
        valid_until=_valid_until(item),
        tax_included=_tax_included(item),
    )


def _connect_failure(error: aiohttp.ClientConnectorError) -> str:
    cause = error.os_error
    if isinstance(cause, socket.gaierror | ssl.SSLError) or not cause.errno:
        detail = cause.strerror or str(cause) or type(cause).__name__
    else:
        detail = os.strerror(cause.errno)
    return f"cannot connect to {error.host}:{error.port}: {detail}"


class HttpVendorAgent:
    """Asks one vendor for quotes through the vendor quote API v1.

    `session` is shared by all agents and owned (and closed) by the caller; see
    `vendor_session` for the connection limits it should have. `currency` is the vendor's
    default currency, kept for the caller: v1 requires every offer to name its own, so it
    never fills one in. `clock` tells the time (aware, UTC) for the `reply_by` checks.
    """

    def __init__(
        self,
        vendor_name: str,
        url: str,
        secret: str,
        currency: str,
        session: aiohttp.ClientSession,
        *,
        clock: Callable[[], datetime] = _now,
        max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
    ) -> None:
        self._vendor_name = vendor_name
        self.url = url
        self.currency = currency
        self._secret = secret
        self._session = session
        self._clock = clock
        self._max_answer_bytes = max_answer_bytes

    @classmethod
    def from_vendor(
        cls, vendor: Vendor, session: aiohttp.ClientSession, **options: Any
    ) -> HttpVendorAgent:
        """The agent for a stored HTTP vendor; ValueError when it has no URL or secret."""
        if not vendor.url or not vendor.secret:
            raise ValueError(f"HTTP vendor {vendor.name!r} needs both a URL and a secret")
        return cls(vendor.name, vendor.url, vendor.secret, vendor.currency, session, **options)

    @property
    def vendor_name(self) -> str:
        return self._vendor_name

    def __repr__(self) -> str:
        return f"HttpVendorAgent({self._vendor_name!r}, {self.url!r})"

    async def ask(self, request: QuoteRequest) -> AsyncIterator[Offer]:
        """The vendor's offers; nothing for `{"offers": []}`; AgentError when it failed."""
        for offer in await self.quote(request):
            yield offer

    async def quote(self, request: QuoteRequest) -> list[Offer]:
        """Every valid offer of the vendor's answer, in the vendor's order."""
        reply_by = _utc(request.reply_by)
        remaining = (reply_by - self._clock()).total_seconds()
        if remaining <= 0:
            raise AgentError("reply_by had passed before the vendor was asked")
        body = request_body(request)
        try:
            async with asyncio.timeout(remaining):
                status, answer = await self._post(body)
        except TimeoutError as error:
            raise AgentTimedOut("no answer by reply_by") from error
        except aiohttp.ClientConnectorError as error:
            raise AgentError(_connect_failure(error)) from error
        except aiohttp.ServerDisconnectedError as error:
            raise AgentError("vendor closed the connection without answering") from error
        except aiohttp.ClientError as error:
            raise AgentError(f"request failed: {str(error) or type(error).__name__}") from error
        if self._clock() > reply_by:
            raise AgentError("answered after reply_by")
        if status != 200:
            raise AgentError(f"HTTP {status}")
        return self._offers(read_answer(answer), request)

    async def _post(self, body: bytes) -> tuple[int, bytes]:
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: signature(body, self._secret),
        }
        # The session's own timeouts are replaced: reply_by, above, bounds the request.
        async with self._session.post(
            self.url,
            data=body,
            headers=headers,
            timeout=aiohttp.ClientTimeout(),
            allow_redirects=False,
        ) as response:
            return response.status, await self._read(response)

    async def _read(self, response: aiohttp.ClientResponse) -> bytes:
        limit = self._max_answer_bytes
        too_large = f"answer is larger than {limit} bytes"
        if response.content_length is not None and response.content_length > limit:
            raise AgentError(too_large)
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.content.iter_any():
            size += len(chunk)
            if size > limit:
                raise AgentError(too_large)
            chunks.append(chunk)
        return b"".join(chunks)

    def _offers(self, items: list[Any], request: QuoteRequest) -> list[Offer]:
        offers: list[Offer] = []
        reasons: list[str] = []
        for position, item in enumerate(items, start=1):
            try:
                offers.append(read_offer(item, request))
            except InvalidOffer as error:
                reasons.append(str(error))
                logger.warning(
                    "RFQ %s, vendor %s: offer %d dropped: %s",
                    request.rfq_id,
                    self._vendor_name,
                    position,
                    error,
                )
        if reasons and not offers:
            # The vendor did quote; recording it as declined would hide that it is broken.
            raise AgentError(f"every offer is invalid ({len(reasons)}; first: {reasons[0]})")
        return offers

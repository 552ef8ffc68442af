"""Mouser Search API v1: part number search, with Mouser's published call limits kept here.

`POST /api/v1/search/partnumber?apiKey=...` with
`{"SearchByPartRequest": {"mouserPartNumber": "A|B|C", "partSearchOptions": "Exact"}}`
looks up to ten part numbers in one call, which matters under a budget of 30 calls a
minute and 1,000 a day. Each part comes back as strings: "Min"/"Mult", "LeadTime"
("84 Days"), "AvailabilityInStock" ("12345"), and price breaks priced in the account's
locale ("$0.10", "0,10 €") with a "Currency" code beside them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bot.agents.base import AgentError
from bot.agents.distributors.agent import DistributorAgent
from bot.agents.distributors.cache import AnswerCache
from bot.agents.distributors.listing import Listing, ascending_breaks
from bot.agents.distributors.money import currency_of, parse_price
from bot.agents.distributors.packaging import packaging_list
from bot.agents.distributors.ratelimit import CallBudget, DailyLimitReached
from bot.agents.distributors.transport import CallSettings, error_detail, request_json
from bot.quotes import QuoteRequest
from catalogue.manufacturers import canonical_manufacturer
from catalogue.partnumbers import clean_mpn

DEFAULT_BASE_URL = "https://api.mouser.com"
SEARCH_PATH = "/api/v1/search/partnumber"
CALLS_PER_MINUTE = 30
CALLS_PER_DAY = 1_000
PART_NUMBERS_PER_CALL = 10

_LEAD = re.compile(r"(\d+)\s*(day|week)", re.IGNORECASE)
_IN_STOCK = re.compile(r"^\s*([\d.,\s]+)\s+in\s+stock", re.IGNORECASE)


class MouserAgent(DistributorAgent):
    api = "Mouser"
    batch_size = PART_NUMBERS_PER_CALL

    def __init__(
        self,
        call: CallSettings,
        cache: AnswerCache,
        *,
        api_key: str,
        base_url: str = DEFAULT_BASE_URL,
        budget: CallBudget | None = None,
        **options: Any,
    ) -> None:
        super().__init__(call, cache, **options)
        self._api_key = api_key
        self._url = base_url.rstrip("/") + SEARCH_PATH
        self.budget = budget or CallBudget(
            per_minute=CALLS_PER_MINUTE, per_day=CALLS_PER_DAY, clock=call.clock
        )

    def __repr__(self) -> str:
        return f"MouserAgent(url={self._url!r})"

    async def fetch(self, part_numbers: Sequence[str], request: QuoteRequest) -> list[Listing]:
        try:
            await self.budget.acquire()
        except DailyLimitReached:
            raise AgentError("Mouser daily call limit reached") from None
        body = {
            "SearchByPartRequest": {
                "mouserPartNumber": "|".join(part_numbers),
                "partSearchOptions": "Exact",
            }
        }
        answer = await request_json(
            self._call,
            "POST",
            self._url,
            deadline=request.reply_by,
            params={"apiKey": self._api_key},
            json_body=body,
        )
        return parse_search_answer(answer)


def parse_search_answer(answer: Any) -> list[Listing]:
    if not isinstance(answer, dict):
        raise AgentError("Mouser answered with an unexpected shape")
    if answer.get("Errors"):
        raise AgentError(f"Mouser refused the search: {error_detail(answer) or 'unknown error'}")
    results = answer.get("SearchResults") or {}
    parts = results.get("Parts") if isinstance(results, dict) else None
    if parts is None:
        return []
    if not isinstance(parts, list):
        raise AgentError("Mouser answered with an unexpected shape")
    return [listing for part in parts if (listing := part_listing(part)) is not None]


def part_listing(part: Any) -> Listing | None:
    """One Mouser part as a listing; None when it has no part number or no prices."""
    if not isinstance(part, dict) or not part.get("ManufacturerPartNumber"):
        return None
    breaks, currency = _price_breaks(part.get("PriceBreaks") or [])
    if not breaks or currency is None:
        return None
    stock = _stock(part)
    return Listing(
        mpn=clean_mpn(str(part["ManufacturerPartNumber"])),
        manufacturer=canonical_manufacturer(str(part["Manufacturer"]))
        if part.get("Manufacturer")
        else None,
        currency=currency,
        price_breaks=breaks,
        stock=stock,
        moq=_positive(part.get("Min")),
        multiple=_positive(part.get("Mult")),
        factory_lead_days=_lead_days(part.get("LeadTime")) or None,
        packaging=_packaging(part),
        sku=str(part["MouserPartNumber"]) if part.get("MouserPartNumber") else None,
    )


def _price_breaks(raw: list[Any]) -> tuple[tuple[tuple[int, float], ...], str | None]:
    currency: str | None = None
    breaks: list[tuple[int, float]] = []
    for item in raw:
        if not isinstance(item, dict):
            continue
        text = str(item.get("Price") or "")
        code = currency_of(str(item.get("Currency") or "")) or currency_of(text)
        if currency is None:
            currency = code
        if code != currency:
            continue
        price = parse_price(text, currency)
        quantity = _positive(item.get("Quantity"))
        if price is not None and quantity is not None:
            breaks.append((quantity, price))
    return ascending_breaks(breaks), currency


def _stock(part: dict[str, Any]) -> int | None:
    in_stock = part.get("AvailabilityInStock")
    if in_stock is not None and str(in_stock).strip():
        return _count(str(in_stock))
    match = _IN_STOCK.match(str(part.get("Availability") or ""))
    return _count(match.group(1)) if match else None


def _lead_days(text: Any) -> int | None:
    match = _LEAD.search(str(text or ""))
    if match is None:
        return None
    number = int(match.group(1))
    return number * 7 if match.group(2).lower() == "week" else number


def _packaging(part: dict[str, Any]) -> str | None:
    names = [
        str(attribute.get("AttributeValue"))
        for attribute in part.get("ProductAttributes") or []
        if isinstance(attribute, dict) and attribute.get("AttributeName") == "Packaging"
    ]
    if part.get("Reeling") is True:
        names.append("MouseReel")
    return packaging_list(names)


def _count(text: str) -> int | None:
    digits = re.sub(r"[^\d]", "", text)
    return int(digits) if digits else None


def _positive(value: Any) -> int | None:
    number = _count(str(value)) if value is not None else None
    return number if number else None

"""Digi-Key Product Information v4, with OAuth2 client credentials (2-legged).

`GET /products/v4/search/{productNumber}/productdetails` with the headers
`Authorization: Bearer <token>`, `X-DIGIKEY-Client-Id` and the locale headers answers
`{"Product": {...}, "SearchLocaleUsed": {"Currency": ...}}`, or 404 for a part it does
not list. Prices, stock and MOQ live in `ProductVariations` (one per packaging: cut
tape, tape & reel, Digi-Reel), so each variation is an offer of its own. Tape & reel
is sold in whole reels of `StandardPackage`; `ManufacturerLeadWeeks` is the factory
lead time. Over-limit calls get 429 with Retry-After, honoured by the transport.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from bot.agents.base import AgentError
from bot.agents.distributors.agent import DistributorAgent
from bot.agents.distributors.cache import AnswerCache
from bot.agents.distributors.listing import Listing, ascending_breaks
from bot.agents.distributors.money import currency_of
from bot.agents.distributors.oauth import ClientCredentials
from bot.agents.distributors.packaging import packaging_name
from bot.agents.distributors.transport import CallSettings, HttpStatusError, request_json
from bot.quotes import QuoteRequest
from catalogue.manufacturers import canonical_manufacturer
from catalogue.partnumbers import clean_mpn

DEFAULT_BASE_URL = "https://api.digikey.com"
TOKEN_PATH = "/v1/oauth2/token"
DETAILS_PATH = "/products/v4/search/{number}/productdetails"

_WEEKS = re.compile(r"\d+")


class DigiKeyAgent(DistributorAgent):
    api = "Digi-Key"

    def __init__(
        self,
        call: CallSettings,
        cache: AnswerCache,
        *,
        client_id: str,
        client_secret: str,
        base_url: str = DEFAULT_BASE_URL,
        locale_site: str = "US",
        locale_language: str = "en",
        locale_currency: str = "USD",
        **options: Any,
    ) -> None:
        super().__init__(call, cache, **options)
        self._base_url = base_url.rstrip("/")
        self._client_id = client_id
        self._currency = locale_currency
        self._locale = {
            "X-DIGIKEY-Locale-Site": locale_site,
            "X-DIGIKEY-Locale-Language": locale_language,
            "X-DIGIKEY-Locale-Currency": locale_currency,
        }
        self.tokens = ClientCredentials(
            call,
            token_url=self._base_url + TOKEN_PATH,
            client_id=client_id,
            client_secret=client_secret,
        )

    def __repr__(self) -> str:
        return f"DigiKeyAgent(base_url={self._base_url!r})"

    async def fetch(self, part_numbers: Sequence[str], request: QuoteRequest) -> list[Listing]:
        listings: list[Listing] = []
        for part_number in part_numbers:
            answer = await self._details(part_number, request)
            if answer is not None:
                listings.extend(parse_product_details(answer, self._currency))
        return listings

    async def _details(self, part_number: str, request: QuoteRequest) -> Any:
        url = self._base_url + DETAILS_PATH.format(number=quote(part_number, safe=""))
        for renewed in (False, True):
            token = await self.tokens.token(request.reply_by)
            headers = {
                "Authorization": f"Bearer {token}",
                "X-DIGIKEY-Client-Id": self._client_id,
                "Accept": "application/json",
                **self._locale,
            }
            try:
                return await request_json(
                    self._call,
                    "GET",
                    url,
                    deadline=request.reply_by,
                    headers=headers,
                    missing_ok=True,
                )
            except HttpStatusError as error:
                if error.status != 401 or renewed:
                    raise
                self.tokens.invalidate(token)
        raise AssertionError("unreachable")


def parse_product_details(answer: Any, default_currency: str) -> list[Listing]:
    if not isinstance(answer, dict) or not isinstance(answer.get("Product"), dict):
        raise AgentError("Digi-Key answered with an unexpected shape")
    locale = answer.get("SearchLocaleUsed")
    named = locale.get("Currency") if isinstance(locale, dict) else None
    currency = currency_of(str(named)) if named else None
    return product_listings(answer["Product"], currency or default_currency)


def product_listings(product: dict[str, Any], currency: str) -> list[Listing]:
    """One listing per packaging variation that has prices."""
    mpn = product.get("ManufacturerProductNumber")
    if not mpn:
        return []
    maker = product.get("Manufacturer")
    manufacturer = (
        canonical_manufacturer(str(maker["Name"]))
        if isinstance(maker, dict) and maker.get("Name")
        else None
    )
    factory_days = _lead_days(product.get("ManufacturerLeadWeeks")) or None
    listings: list[Listing] = []
    for variation in product.get("ProductVariations") or []:
        if not isinstance(variation, dict):
            continue
        breaks = ascending_breaks(
            (int(item["BreakQuantity"]), float(item["UnitPrice"]))
            for item in variation.get("StandardPricing") or []
            if isinstance(item, dict)
            and isinstance(item.get("BreakQuantity"), int | float)
            and isinstance(item.get("UnitPrice"), int | float)
        )
        if not breaks:
            continue
        package = variation.get("PackageType")
        packaging = packaging_name(str(package["Name"])) if isinstance(package, dict) else None
        stock = _whole(variation.get("QuantityAvailableforPackageType"))
        reel = _whole(variation.get("StandardPackage")) if packaging == "Tape & Reel" else None
        listings.append(
            Listing(
                mpn=clean_mpn(str(mpn)),
                manufacturer=manufacturer,
                currency=currency,
                price_breaks=breaks,
                stock=stock,
                moq=_whole(variation.get("MinimumOrderQuantity")) or None,
                multiple=reel or None,
                factory_lead_days=factory_days,
                packaging=packaging,
                sku=str(variation["DigiKeyProductNumber"])
                if variation.get("DigiKeyProductNumber")
                else None,
            )
        )
    return listings


def _lead_days(weeks: Any) -> int | None:
    match = _WEEKS.search(str(weeks or ""))
    return int(match.group(0)) * 7 if match else None


def _whole(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if value >= 0 else None

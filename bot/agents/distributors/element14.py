"""element14 Product Search API (REST): manufacturer part number search, one store at a time.

`GET /catalog/products?term=manuPartNum:<mpn>&storeInfo.id=<store>&callInfo.apiKey=<key>`
with `callInfo.responseDataFormat=JSON` and `resultsSettings.responseGroup=large`
answers `{"manufacturerPartNumberSearchReturn": {"numberOfResults": n, "products": [...]}}`.
A product's `prices[]` run `from`/`to` with a `cost`, `stock.level` is what is on the
shelf and `stock.leastLeadTime` the days for more. The answer names no currency: prices
are in the store's currency (uk.farnell.com in pounds, www.newark.com in dollars...).
Prices, minimum (`translatedMinimumOrderQuality`) and multiples (`orderMultiples`) count
units of sale; a unit of `packSize` pieces (a pack of 10, a reel of 5000) is turned into
pieces, so every offer prices one part.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.agents.base import AgentError
from bot.agents.distributors.agent import DistributorAgent
from bot.agents.distributors.cache import AnswerCache
from bot.agents.distributors.listing import Listing, ascending_breaks
from bot.agents.distributors.packaging import packaging_name
from bot.agents.distributors.transport import CallSettings, request_json
from bot.quotes import QuoteRequest
from catalogue.manufacturers import canonical_manufacturer
from catalogue.partnumbers import clean_mpn

DEFAULT_BASE_URL = "https://api.element14.com"
SEARCH_PATH = "/catalog/products"
DEFAULT_STORE = "uk.farnell.com"
API_VERSION = "1.4"
RESULTS_PER_SEARCH = 10

#: The currency each store prices in.
STORE_CURRENCIES: dict[str, str] = {
    "uk.farnell.com": "GBP",
    "cpc.farnell.com": "GBP",
    "onecall.farnell.com": "GBP",
    "ie.farnell.com": "EUR",
    "de.farnell.com": "EUR",
    "fr.farnell.com": "EUR",
    "it.farnell.com": "EUR",
    "es.farnell.com": "EUR",
    "nl.farnell.com": "EUR",
    "be.farnell.com": "EUR",
    "at.farnell.com": "EUR",
    "fi.farnell.com": "EUR",
    "pt.farnell.com": "EUR",
    "ch.farnell.com": "CHF",
    "dk.farnell.com": "DKK",
    "se.farnell.com": "SEK",
    "no.farnell.com": "NOK",
    "pl.farnell.com": "PLN",
    "cz.farnell.com": "CZK",
    "hu.farnell.com": "HUF",
    "www.newark.com": "USD",
    "canada.newark.com": "CAD",
    "mexico.newark.com": "USD",
    "au.element14.com": "AUD",
    "nz.element14.com": "NZD",
    "sg.element14.com": "SGD",
    "my.element14.com": "MYR",
    "hk.element14.com": "HKD",
    "cn.element14.com": "CNY",
    "in.element14.com": "INR",
    "tw.element14.com": "TWD",
    "kr.element14.com": "KRW",
    "th.element14.com": "THB",
    "ph.element14.com": "PHP",
}


def store_currency(store: str, configured: str | None = None) -> str:
    """The currency of a store's prices: the configured one, else the store's own."""
    currency = configured or STORE_CURRENCIES.get(store.lower())
    if currency is None:
        raise ValueError(
            f"the currency of element14 store {store!r} is unknown: set ELEMENT14_CURRENCY"
        )
    return currency.upper()


class Element14Agent(DistributorAgent):
    api = "element14"

    def __init__(
        self,
        call: CallSettings,
        cache: AnswerCache,
        *,
        api_key: str,
        base_url: str = DEFAULT_BASE_URL,
        store: str = DEFAULT_STORE,
        currency: str | None = None,
        **options: Any,
    ) -> None:
        super().__init__(call, cache, **options)
        self._api_key = api_key
        self._url = base_url.rstrip("/") + SEARCH_PATH
        self._store = store
        self._currency = store_currency(store, currency)

    def __repr__(self) -> str:
        return f"Element14Agent(url={self._url!r}, store={self._store!r})"

    async def fetch(self, part_numbers: Sequence[str], request: QuoteRequest) -> list[Listing]:
        listings: list[Listing] = []
        for part_number in part_numbers:
            params = {
                "versionNumber": API_VERSION,
                "term": f"manuPartNum:{part_number}",
                "storeInfo.id": self._store,
                "callInfo.apiKey": self._api_key,
                "callInfo.responseDataFormat": "JSON",
                "resultsSettings.offset": "0",
                "resultsSettings.numberOfResults": str(RESULTS_PER_SEARCH),
                "resultsSettings.responseGroup": "large",
            }
            answer = await request_json(
                self._call, "GET", self._url, deadline=request.reply_by, params=params
            )
            listings.extend(parse_search_answer(answer, self._currency))
        return listings


def parse_search_answer(answer: Any, currency: str) -> list[Listing]:
    if not isinstance(answer, dict):
        raise AgentError("element14 answered with an unexpected shape")
    result = answer.get("manufacturerPartNumberSearchReturn")
    if result is None:
        raise AgentError("element14 answered without a manufacturerPartNumberSearchReturn")
    products = result.get("products") if isinstance(result, dict) else None
    return [
        listing
        for product in products or []
        if (listing := product_listing(product, currency)) is not None
    ]


def product_listing(product: Any, currency: str) -> Listing | None:
    if not isinstance(product, dict) or not product.get("translatedManufacturerPartNumber"):
        return None
    pack = _count(product.get("packSize")) or 1
    breaks = ascending_breaks(
        (int(item["from"]) * pack, round(float(item["cost"]) / pack, 10))
        for item in product.get("prices") or []
        if isinstance(item, dict)
        and isinstance(item.get("from"), int | float)
        and isinstance(item.get("cost"), int | float)
    )
    if not breaks:
        return None
    stock_info = product.get("stock")
    stock_info = stock_info if isinstance(stock_info, dict) else {}
    stock = _count(stock_info.get("level"))
    if stock is not None:
        stock *= pack
    minimum = _count(product.get("translatedMinimumOrderQuality"))
    multiples = _count(product.get("orderMultiples"))
    brand = product.get("brandName") or product.get("vendorName")
    return Listing(
        mpn=clean_mpn(str(product["translatedManufacturerPartNumber"])),
        manufacturer=canonical_manufacturer(str(brand)) if brand else None,
        currency=currency,
        price_breaks=breaks,
        stock=stock,
        moq=minimum * pack if minimum else None,
        multiple=(multiples or 1) * pack if multiples or pack > 1 else None,
        factory_lead_days=_count(stock_info.get("leastLeadTime")) or None,
        packaging=packaging_name(
            str(product.get("packageName") or product.get("unitOfMeasure") or "")
        ),
        sku=str(product["sku"]) if product.get("sku") else None,
    )


def _count(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    if isinstance(value, int | float) and value >= 0:
        return int(value)
    return None

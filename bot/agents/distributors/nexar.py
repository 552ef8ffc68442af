"""Nexar (Octopart) supply GraphQL, with OAuth2 client credentials.

One `supMultiMatch` query looks up many part numbers at once: each query in
`queries: [SupPartMatchQuery!]!` answers with its `reference`, `hits` and `parts`.
A part lists `sellers` (authorized distributors unless configured otherwise), each
with `offers` carrying `inventoryLevel`, `moq`, `orderMultiple`, `factoryLeadDays`,
`packaging` and `prices[]` (`quantity`, `price`, `currency`). Every seller's offer
becomes an offer of its own with the seller's name in `extra["seller"]`: the buyer
buys from that seller, not from Nexar. Prices are kept in the seller's own currency.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.agents.base import AgentError
from bot.agents.distributors.agent import DistributorAgent
from bot.agents.distributors.cache import AnswerCache
from bot.agents.distributors.listing import Listing, ascending_breaks
from bot.agents.distributors.money import currency_of
from bot.agents.distributors.oauth import ClientCredentials
from bot.agents.distributors.packaging import packaging_name
from bot.agents.distributors.transport import (
    CallSettings,
    HttpStatusError,
    error_detail,
    request_json,
)
from bot.quotes import QuoteRequest
from catalogue.manufacturers import canonical_manufacturer
from catalogue.partnumbers import clean_mpn

DEFAULT_BASE_URL = "https://api.nexar.com"
DEFAULT_TOKEN_URL = "https://identity.nexar.com/connect/token"
GRAPHQL_PATH = "/graphql"
SCOPE = "supply.domain"
PART_NUMBERS_PER_CALL = 20
#: Parts per part number: one MPN can belong to several manufacturers.
PARTS_PER_QUERY = 3

MULTI_MATCH = """
query DistributorOffers(
  $queries: [SupPartMatchQuery!]!
  $country: String!
  $currency: String!
  $authorizedOnly: Boolean!
) {
  supMultiMatch(queries: $queries, country: $country, currency: $currency) {
    reference
    hits
    error
    parts {
      mpn
      manufacturer { name }
      sellers(authorizedOnly: $authorizedOnly) {
        company { name }
        offers {
          sku
          inventoryLevel
          moq
          orderMultiple
          factoryLeadDays
          packaging
          prices { quantity price currency }
        }
      }
    }
  }
}
"""


class NexarAgent(DistributorAgent):
    api = "Nexar"
    batch_size = PART_NUMBERS_PER_CALL

    def __init__(
        self,
        call: CallSettings,
        cache: AnswerCache,
        *,
        client_id: str,
        client_secret: str,
        base_url: str = DEFAULT_BASE_URL,
        token_url: str = DEFAULT_TOKEN_URL,
        country: str = "US",
        authorized_only: bool = True,
        **options: Any,
    ) -> None:
        super().__init__(call, cache, **options)
        self._url = base_url.rstrip("/") + GRAPHQL_PATH
        self._country = country
        self._authorized_only = authorized_only
        self.tokens = ClientCredentials(
            call,
            token_url=token_url,
            client_id=client_id,
            client_secret=client_secret,
            scope=SCOPE,
        )

    def __repr__(self) -> str:
        return f"NexarAgent(url={self._url!r})"

    async def fetch(self, part_numbers: Sequence[str], request: QuoteRequest) -> list[Listing]:
        variables = {
            "queries": [
                {"mpn": part_number, "reference": str(index), "start": 0, "limit": PARTS_PER_QUERY}
                for index, part_number in enumerate(part_numbers)
            ],
            "country": self._country,
            "currency": request.currency,
            "authorizedOnly": self._authorized_only,
        }
        answer = await self._query({"query": MULTI_MATCH, "variables": variables}, request)
        return parse_multi_match(answer)

    async def _query(self, body: dict[str, Any], request: QuoteRequest) -> Any:
        for renewed in (False, True):
            token = await self.tokens.token(request.reply_by)
            try:
                return await request_json(
                    self._call,
                    "POST",
                    self._url,
                    deadline=request.reply_by,
                    headers={"Authorization": f"Bearer {token}"},
                    json_body=body,
                )
            except HttpStatusError as error:
                if error.status != 401 or renewed:
                    raise
                self.tokens.invalidate(token)
        raise AssertionError("unreachable")


def parse_multi_match(answer: Any) -> list[Listing]:
    if not isinstance(answer, dict):
        raise AgentError("Nexar answered with an unexpected shape")
    data = answer.get("data")
    matches = data.get("supMultiMatch") if isinstance(data, dict) else None
    if answer.get("errors") and not matches:
        raise AgentError(f"Nexar refused the query: {error_detail(answer) or 'unknown error'}")
    if not isinstance(matches, list):
        raise AgentError("Nexar answered with an unexpected shape")
    listings: list[Listing] = []
    for match in matches:
        if not isinstance(match, dict):
            continue
        for part in match.get("parts") or []:
            if isinstance(part, dict):
                listings.extend(part_listings(part))
    return listings


def part_listings(part: dict[str, Any]) -> list[Listing]:
    """One listing per seller's offer that has prices."""
    mpn = part.get("mpn")
    if not mpn:
        return []
    maker = part.get("manufacturer")
    manufacturer = (
        canonical_manufacturer(str(maker["name"]))
        if isinstance(maker, dict) and maker.get("name")
        else None
    )
    listings: list[Listing] = []
    for seller in part.get("sellers") or []:
        if not isinstance(seller, dict):
            continue
        company = seller.get("company")
        seller_name = (
            str(company["name"]) if isinstance(company, dict) and company.get("name") else None
        )
        for offer in seller.get("offers") or []:
            if isinstance(offer, dict):
                listing = _offer_listing(offer, clean_mpn(str(mpn)), manufacturer, seller_name)
                if listing is not None:
                    listings.append(listing)
    return listings


def _offer_listing(
    offer: dict[str, Any], mpn: str, manufacturer: str | None, seller: str | None
) -> Listing | None:
    prices = [item for item in offer.get("prices") or [] if isinstance(item, dict)]
    currency = next(
        (code for item in prices if (code := currency_of(str(item.get("currency") or "")))), None
    )
    breaks = ascending_breaks(
        (int(item["quantity"]), float(item["price"]))
        for item in prices
        if currency_of(str(item.get("currency") or "")) == currency
        and isinstance(item.get("quantity"), int | float)
        and isinstance(item.get("price"), int | float)
    )
    if currency is None or not breaks:
        return None
    stock = _count(offer.get("inventoryLevel"))
    return Listing(
        mpn=mpn,
        manufacturer=manufacturer,
        currency=currency,
        price_breaks=breaks,
        stock=stock,
        moq=_count(offer.get("moq")) or None,
        multiple=_count(offer.get("orderMultiple")) or None,
        factory_lead_days=_count(offer.get("factoryLeadDays")) or None,
        packaging=packaging_name(offer["packaging"]) if offer.get("packaging") else None,
        sku=str(offer["sku"]) if offer.get("sku") else None,
        seller=seller,
    )


def _count(value: Any) -> int | None:
    """A non-negative count; Nexar writes unknown inventory as a negative number."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        return None
    return int(value)

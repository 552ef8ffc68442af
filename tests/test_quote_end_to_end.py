"""A buyer's RFQ from end to end: every kind of vendor asked at once, the answers ranked.

Everything here is the real thing: `open_services` with real settings (the four
distributor APIs switched on by their keys and pointed at the local distributor server
with its recorded example answers), vendors registered with `bot.vendors`, a stock list
imported from a CSV file, HTTP vendors that are real aiohttp servers on 127.0.0.1, the
engine collecting within a short window, and `rank_rfq` ranking what was stored.

The expected numbers are worked out by hand from the inputs below and the rules of issue
3, section 5, with FX_RATES="CNY=0.14" over the built-in EUR 1.035 and GBP 1.245 (USD),
and the built-in VAT rate of 13%.

The main RFQ runs once per database backend (a module-scoped fixture), and each test
states one thing about its outcome. On PostgreSQL each run gets a database of its own:
`open_services` takes a URL and no connect arguments, so the per-test schema of the
conftest's `database_url` fixture cannot be used here.
"""

from __future__ import annotations

import os
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack, asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from distributor_server import (
    DIGIKEY_ID,
    DIGIKEY_SECRET,
    ELEMENT14_KEY,
    MOUSER_KEY,
    NEXAR_ID,
    NEXAR_SECRET,
    DistributorServer,
)
from sqlalchemy import select, text, update
from sqlalchemy.engine import make_url
from vendor_servers import NOT_JSON, VendorServer

from bot.database import create_engine, normalise_database_url
from bot.models import (
    Dispatch,
    DispatchState,
    OfferRecord,
    Rfq,
    RfqStatus,
    Vendor,
    VendorKind,
    VendorReply,
    VendorStatus,
)
from bot.pricelists import import_price_list
from bot.rfqs.engine import ReplyOutcome
from bot.rfqs.events import DispatchEnded, OfferStored, QuoteEvent, RfqClosed
from bot.rfqs.results import RfqResult, rank_rfq
from bot.services import Services, open_services
from bot.settings import Settings
from bot.vendors import add_vendor

pytestmark = pytest.mark.asyncio(loop_scope="module")

BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])

BUYER_TEXT = "500 pcs 0603 10k 1%\n200 STM32F103C8T6\n2k AMS1117-3.3 SOT-223"
#: Long enough for every working vendor on a busy machine; the slow ones wait it out.
WINDOW_SECONDS = 3.0

#: The stock list of a Shenzhen trader, in yuan, ex-VAT (as the vendor sent it).
STOCK_LIST = """\
mpn,manufacturer,stock,moq,multiple,currency,price_breaks
RC0603FR-0710KL,Yageo,80000,400,400,CNY,"400:0.012,4000:0.009"
AMS1117-3.3,AMS,1500,,,CNY,"1:0.45,1000:0.38"
"""

#: Huaqiang Trading quotes every line in yuan including 13% VAT; ships for 20 yuan.
HUAQIANG_OFFERS = [
    {
        "line": 1,
        "currency": "CNY",
        "price_breaks": [[100, 0.02], [1000, 0.011]],
        "mpn": "0603WAF1002T5E",
        "manufacturer": "Uni-Royal",
        "stock": 200000,
        "moq": 100,
        "multiple": 100,
        "lead_time_days": 0,
        "tax_included": True,
    },
    {
        "line": 2,
        "currency": "CNY",
        "price_breaks": [[1, 16.5], [100, 15.8]],
        "mpn": "STM32F103C8T6",
        "manufacturer": "STMicroelectronics",
        "stock": 3000,
        "lead_time_days": 0,
        "date_code": "24+",
        "tax_included": True,
    },
    {
        "line": 3,
        "currency": "CNY",
        "price_breaks": [[1, 0.6], [1000, 0.42]],
        "mpn": "AMS1117-3.3",
        "manufacturer": "AMS",
        "stock": 10000,
        "moq": 500,
        "multiple": 500,
        "lead_time_days": 0,
        "tax_included": True,
    },
]
#: Lion Electronics offers alternatives in dollars, and one offer it got wrong
#: (a lower-case currency): that one is dropped alone.
LION_OFFERS = [
    {"line": 1, "currency": "usd", "price_breaks": [[100, 0.002]], "mpn": "RC0603FR-0710KL"},
    {
        "line": 2,
        "currency": "USD",
        "price_breaks": [[1, 1.45], [100, 1.32]],
        "mpn": "GD32F103C8T6",
        "manufacturer": "GigaDevice",
        "stock": 2500,
        "lead_time_days": 0,
    },
    {
        "line": 3,
        "currency": "USD",
        "price_breaks": [[1, 0.09], [1000, 0.0535]],
        "mpn": "LM1117IMP-3.3",
        "manufacturer": "Texas Instruments",
        "stock": 5000,
        "lead_time_days": 0,
    },
]
#: Nova Parts: a resistor price that expired long ago; too few STM32s on the shelf and
#: no lead time for the rest; the exact regulator at the same total as Lion's
#: alternative, but 3 days away.
NOVA_OFFERS = [
    {
        "line": 1,
        "currency": "USD",
        "price_breaks": [[1, 0.0005]],
        "mpn": "RC0603FR-0710KL",
        "stock": 100000,
        "lead_time_days": 0,
        "valid_until": "2024-01-31",
    },
    {
        "line": 2,
        "currency": "USD",
        "price_breaks": [[1, 1.2]],
        "mpn": "STM32F103C8T6",
        "manufacturer": "ST",
        "stock": 120,
    },
    {
        "line": 3,
        "currency": "USD",
        "price_breaks": [[1000, 0.0535]],
        "mpn": "AMS1117-3.3",
        "manufacturer": "AMS",
        "stock": 8000,
        "lead_time_days": 3,
    },
]

#: Vendors that must never break the quote, with the state their dispatch ends in.
FAILING = {
    "Broken Gateway": DispatchState.FAILED,
    "Garbage Co": DispatchState.FAILED,
    "Shapeless Ltd": DispatchState.FAILED,
    "Late Reply Co": DispatchState.TIMED_OUT,
    "Slow Boat": DispatchState.TIMED_OUT,
}
#: What the engine records for a vendor still unanswered when the window closes,
#: whichever of the timers ending such a dispatch fires first.
TIMEOUT_REASON = "no answer before the RFQ closed"

#: (vendor, mpn, order quantity, unit price USD, total USD, can fulfil, alternative)
Row = tuple[str, str | None, int, float, float, bool, bool]


# -- setting up ------------------------------------------------------------------------


@asynccontextmanager
async def fresh_database(backend: str, directory: Path) -> AsyncIterator[str]:
    """The URL of an empty database: a SQLite file, or a PostgreSQL database of its own."""
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{directory / 'quotes.db'}"
        return
    server = normalise_database_url(os.environ["TEST_DATABASE_URL"])
    name = f"e2e_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server).execution_options(isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        async with admin.connect() as connection:
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


@contextmanager
def index_cache_in(directory: Path) -> Iterator[None]:
    """Keep the catalogue's part-number index cache out of the user's home directory."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(directory))
        yield


def settings_for(database_url: str, distributors: DistributorServer) -> Settings:
    base = distributors.base_url
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        database_url=database_url,
        fx_rates="CNY=0.14",
        mouser_api_key=MOUSER_KEY,
        mouser_base_url=base,
        nexar_client_id=NEXAR_ID,
        nexar_client_secret=NEXAR_SECRET,
        nexar_base_url=base,
        nexar_token_url=f"{base}/connect/token",
        digikey_client_id=DIGIKEY_ID,
        digikey_client_secret=DIGIKEY_SECRET,
        digikey_base_url=base,
        element14_api_key=ELEMENT14_KEY,
        element14_base_url=base,
    )


async def add_http_vendor(
    services: Services,
    name: str,
    server: VendorServer,
    *,
    currency: str = "USD",
    shipping_fee: float | None = None,
    categories: list[str] | None = None,
    status: VendorStatus = VendorStatus.ACTIVE,
) -> None:
    async with services.database.session() as session:
        vendor = await add_vendor(
            session,
            name=name,
            kind=VendorKind.HTTP,
            url=server.url,
            secret=server.secret,
            currency=currency,
            categories=categories,
            status=status,
        )
        vendor.shipping_fee = shipping_fee


async def add_stock_vendor(services: Services, name: str, price_list: Path) -> None:
    async with services.database.session() as session:
        vendor = await add_vendor(session, name=name, kind=VendorKind.STOCK, currency="CNY")
        report = await import_price_list(session, vendor, price_list)
    assert (report.imported, report.problems) == (2, [])


async def set_shipping_fee(services: Services, vendor: str, fee: float) -> None:
    async with services.database.session() as session:
        await session.execute(update(Vendor).where(Vendor.name == vendor).values(shipping_fee=fee))


# -- the RFQ every test below looks at --------------------------------------------------


@dataclass
class Quote:
    """An RFQ answered by every kind of vendor, then answered late by a human."""

    services: Services
    rfq_id: str
    events: list[QuoteEvent]
    #: The ranking when the RFQ closed, and again after the human's late answer.
    closed: RfqResult
    after_late_answer: RfqResult
    late_answer: ReplyOutcome
    http_vendors: dict[str, VendorServer]
    distributors: DistributorServer

    async def dispatches(self) -> dict[str, tuple[str, str | None]]:
        async with self.services.database.session() as session:
            rows = await session.scalars(select(Dispatch).where(Dispatch.rfq_id == self.rfq_id))
            return {row.vendor.name: (row.state, row.reason) for row in rows}

    async def vendor(self, name: str) -> Vendor:
        async with self.services.database.session() as session:
            found = await session.scalar(select(Vendor).where(Vendor.name == name))
            assert found is not None
            return found

    async def stored_offers(self) -> list[OfferRecord]:
        async with self.services.database.session() as session:
            rows = await session.scalars(
                select(OfferRecord)
                .where(OfferRecord.rfq_id == self.rfq_id)
                .order_by(OfferRecord.id)
            )
            return list(rows)


@pytest_asyncio.fixture(scope="module", loop_scope="module", params=BACKENDS)
async def quote(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Quote]:
    directory = tmp_path_factory.mktemp(f"quote_{request.param}")
    price_list = directory / "sz_stock.csv"
    price_list.write_text(STOCK_LIST, encoding="utf-8")
    servers = {
        "Huaqiang Trading": VendorServer(offers=HUAQIANG_OFFERS),
        "Lion Electronics": VendorServer(offers=LION_OFFERS),
        "Nova Parts": VendorServer(offers=NOVA_OFFERS),
        "Quiet Supply": VendorServer(offers=[]),
        "Broken Gateway": VendorServer(status=500),
        "Garbage Co": VendorServer(body=NOT_JSON, content_type="text/html"),
        "Shapeless Ltd": VendorServer(body=b'{"quotes": []}'),
        "Late Reply Co": VendorServer(offers=HUAQIANG_OFFERS, answer_after_reply_by=0.5),
        "Slow Boat": VendorServer(offers=HUAQIANG_OFFERS, latency=30.0),
        "Caps Only": VendorServer(offers=HUAQIANG_OFFERS),
        "Closed Shop": VendorServer(offers=HUAQIANG_OFFERS),
    }
    async with AsyncExitStack() as stack:
        stack.enter_context(index_cache_in(directory))
        url = await stack.enter_async_context(fresh_database(request.param, directory))
        distributors = await stack.enter_async_context(DistributorServer())
        for server in servers.values():
            await stack.enter_async_context(server)
        services = await open_services(settings_for(url, distributors))
        stack.push_async_callback(services.close)
        chen_id = await register_vendors(services, servers, price_list)

        asked = await services.engine.open_rfq(
            buyer="cli:buyer", text=BUYER_TEXT, currency="USD", window_seconds=WINDOW_SECONDS
        )
        targets = await services.targets_for(asked)
        events = [event async for event in services.engine.collect(asked, targets)]
        closed = await rank_rfq(services.database, asked.rfq_id, services.ranking)
        late = await services.engine.record_vendor_reply(
            asked.rfq_id, chen_id, "RC0603FR-0710KL 0.001usd, 50k in stock"
        )
        after = await rank_rfq(services.database, asked.rfq_id, services.ranking)
        yield Quote(
            services=services,
            rfq_id=asked.rfq_id,
            events=events,
            closed=closed,
            after_late_answer=after,
            late_answer=late,
            http_vendors=servers,
            distributors=distributors,
        )


async def register_vendors(
    services: Services, servers: dict[str, VendorServer], price_list: Path
) -> int:
    """Every vendor of the scenario, in the order they are asked; returns Mr Chen's id."""
    await set_shipping_fee(services, "Digi-Key", 6.99)
    await add_stock_vendor(services, "SZ Stock", price_list)
    await add_http_vendor(
        services, "Huaqiang Trading", servers["Huaqiang Trading"], currency="CNY", shipping_fee=20.0
    )
    for name in ("Lion Electronics", "Nova Parts", "Quiet Supply", *FAILING):
        await add_http_vendor(services, name, servers[name])
    await add_http_vendor(services, "Caps Only", servers["Caps Only"], categories=["capacitor"])
    await add_http_vendor(
        services, "Closed Shop", servers["Closed Shop"], status=VendorStatus.DISABLED
    )
    async with services.database.session() as session:
        chen = await add_vendor(
            session,
            name="Mr Chen",
            kind=VendorKind.TELEGRAM,
            telegram_chat_id=424242,
            currency="CNY",
        )
        return chen.id


def rows(result: RfqResult, line: int) -> list[Row]:
    """A line's ranked offers as the buyer reads them in `quote --json`."""
    return [
        (
            offer["vendor"],
            offer["mpn"],
            offer["order_quantity"],
            offer["unit_price"],
            offer["total"],
            offer["can_fulfil"],
            offer["alternative"],
        )
        for offer in result.to_json()["lines"][line - 1]["offers"]
    ]


def offer_json(result: RfqResult, line: int, rank: int) -> dict[str, Any]:
    offer: dict[str, Any] = result.to_json()["lines"][line - 1]["offers"][rank - 1]
    assert offer["rank"] == rank
    return offer


# -- ranking ---------------------------------------------------------------------------


async def test_the_resistor_line_ranks_stock_list_distributors_and_http_vendors_by_landed_total(
    quote: Quote,
) -> None:
    # 500 pcs asked. SZ Stock sells in multiples of 400: 800 x 0.012 CNY x 0.14 = $1.344.
    # Nexar relays its sellers: Mouser 500 x $0.006; TME 500 x 0.0058 EUR x 1.035 =
    # $3.0015, the same $3.00 to the cent, so the order given holds; Digi-Key's cut tape
    # 500 x $0.0067; its reel 5,000 x $0.00159 (MOQ 5,000); Arrow 10,000 x $0.0012.
    # element14 (uk.farnell.com, GBP): cut tape 500 x 0.0049 x 1.245 = $3.05; a reel of
    # 5,000 x 0.0025 x 1.245 = $15.5625. Huaqiang: 500 x 0.02 CNY incl. VAT / 1.13 x 0.14
    # = $1.2389 + 20 CNY shipping ($2.80) = $4.04. Digi-Key itself adds $6.99 shipping.
    assert rows(quote.closed, 1) == [
        ("SZ Stock", "RC0603FR-0710KL", 800, 0.00168, 1.34, True, False),
        ("Nexar", "RC0603FR-0710KL", 500, 0.006, 3.0, True, False),
        ("Nexar", "RC0603FR-0710KL", 500, 0.006003, 3.0, True, False),
        ("element14", "RC0603FR-0710KL", 500, 0.0061005, 3.05, True, False),
        ("Nexar", "RC0603FR-0710KL", 500, 0.0067, 3.35, True, False),
        ("Huaqiang Trading", "0603WAF1002T5E", 500, 0.00247788, 4.04, True, False),
        ("Nexar", "RC0603FR-0710KL", 5000, 0.00159, 7.95, True, False),
        ("Digi-Key", "RC0603FR-0710KL", 500, 0.0067, 10.34, True, False),
        ("Digi-Key", "RC0603FR-0710KL", 500, 0.0067, 10.34, True, False),
        ("Nexar", "RC0603FR-0710KL", 10000, 0.0012, 12.0, True, False),
        ("Digi-Key", "RC0603FR-0710KL", 5000, 0.00159, 14.94, True, False),
        ("element14", "RC0603FR-0710KL", 5000, 0.0031125, 15.56, True, False),
    ]


async def test_the_microcontroller_line_puts_an_offer_short_of_stock_below_every_other(
    quote: Quote,
) -> None:
    # 200 pcs. Lion's GD32 alternative 200 x $1.32 = $264.00. Huaqiang 200 x 15.8 CNY
    # incl. VAT / 1.13 x 0.14 = $391.50 + $2.80 shipping. Mouser (recorded answer, EUR)
    # 200 x 4.31 x 1.035 = $892.17. Nova is cheapest ($240.00) but has 120 of 200 on the
    # shelf and no lead time for the rest.
    assert rows(quote.closed, 2) == [
        ("Lion Electronics", "GD32F103C8T6", 200, 1.32, 264.0, True, True),
        ("Huaqiang Trading", "STM32F103C8T6", 200, 1.95752, 394.3, True, False),
        ("Mouser", "STM32F103C8T6", 200, 4.46085, 892.17, True, False),
        ("Nova Parts", "STM32F103C8T6", 200, 1.2, 240.0, False, False),
    ]


async def test_the_regulator_line_ranks_the_exact_part_above_an_alternative_at_the_same_total(
    quote: Quote,
) -> None:
    # 2,000 pcs. Huaqiang 2,000 x 0.42 CNY incl. VAT / 1.13 x 0.14 = $104.07 + $2.80.
    # Nova's AMS1117-3.3 and Lion's LM1117 both 2,000 x $0.0535 = $107.00: the exact part
    # first, though Lion ships at once and Nova in 3 days. SZ Stock ($106.40) has 1,500.
    assert rows(quote.closed, 3) == [
        ("Huaqiang Trading", "AMS1117-3.3", 2000, 0.0520354, 106.87, True, False),
        ("Nova Parts", "AMS1117-3.3", 2000, 0.0535, 107.0, True, False),
        ("Lion Electronics", "LM1117IMP-3.3", 2000, 0.0535, 107.0, True, True),
        ("SZ Stock", "AMS1117-3.3", 2000, 0.0532, 106.4, False, False),
    ]


async def test_the_first_offer_of_each_line_says_why_it_is_first(quote: Quote) -> None:
    assert [offer_json(quote.closed, line, 1)["why"] for line in (1, 2, 3)] == [
        "cheapest total at 800 pcs · in stock · multiples of 400 (asked 500)",
        "cheapest total at 200 pcs · alternative part GD32F103C8T6 for STM32F103C8T6 · in stock",
        "cheapest total at 2,000 pcs · in stock · MOQ 500 · incl. $2.80 shipping"
        " · incl. 13% VAT, compared ex-VAT",
    ]


async def test_the_offers_below_first_say_how_they_compare(quote: Quote) -> None:
    assert [offer_json(quote.closed, 3, rank)["why"] for rank in (2, 3, 4)] == [
        "2nd: $0.13 more than #1 · in stock, ships in 3 days",
        "3rd: $0.13 more than #1 · alternative part LM1117IMP-3.3 for AMS1117-3.3 · in stock",
        "stock 1,500 of 2,000 needed",
    ]


async def test_a_cheaper_higher_break_is_suggested_with_its_total(quote: Quote) -> None:
    # TME through Nexar: 1,000 x 0.0021 EUR x 1.035 = $2.17 instead of $3.00 for 500.
    tme = offer_json(quote.closed, 1, 3)
    assert tme["suggestion"] == {
        "order_quantity": 1000,
        "unit_price": 0.0021735,
        "total": 2.17,
        "saving": 0.83,
        "text": "buy 1,000 for $2.17 instead of $3.00 for 500",
    }
    assert tme["why"] == (
        "3rd: $1.66 more than #1 · in stock · MOQ 100"
        " · buy 1,000 for $2.17 instead of $3.00 for 500"
    )


async def test_the_vendors_shipping_fee_is_part_of_every_offers_landed_total(
    quote: Quote,
) -> None:
    digikey = offer_json(quote.closed, 1, 8)
    assert (digikey["vendor"], digikey["goods_total"], digikey["shipping"], digikey["total"]) == (
        "Digi-Key",
        3.35,
        6.99,
        10.34,
    )
    assert digikey["suggestion"]["text"] == "buy 1,000 for $9.61 instead of $10.34 for 500"


TAX_AND_MONEY_KEYS = {
    "unit_price",
    "currency",
    "total",
    "original_currency",
    "original_unit_price",
    "tax_included",
    "tax_note",
    "goods_total",
    "shipping",
}


async def test_a_tax_included_yuan_price_is_compared_ex_vat_in_dollars_and_kept_as_quoted(
    quote: Quote,
) -> None:
    huaqiang = offer_json(quote.closed, 2, 2)
    assert {key: huaqiang[key] for key in huaqiang if key in TAX_AND_MONEY_KEYS} == {
        "unit_price": 1.95752,
        "currency": "USD",
        "total": 394.3,
        "original_currency": "CNY",
        "original_unit_price": 15.8,
        "tax_included": True,
        "tax_note": "incl. 13% VAT, compared ex-VAT",
        "goods_total": 391.5,
        "shipping": 2.8,
    }


async def test_distributor_offers_carry_the_recorded_stock_and_lead_times(quote: Quote) -> None:
    mouser = offer_json(quote.closed, 2, 3)
    arrow = offer_json(quote.closed, 1, 10)
    element14_reel = offer_json(quote.closed, 1, 12)
    assert [
        (o["vendor"], o["manufacturer"], o["stock"], o["lead_time_days"], o["original_currency"])
        for o in (mouser, arrow, element14_reel)
    ] == [
        ("Mouser", "ST", 480, 0, "EUR"),
        ("Nexar", "YAGEO", 0, 98, "USD"),
        ("element14", "YAGEO", 0, 56, "GBP"),
    ]
    assert arrow["why"] == "10th: $10.66 more than #1 · ships in 14 weeks · MOQ 10,000 (asked 500)"


async def test_the_fastest_order_puts_lead_time_before_total_and_the_exact_part_rule(
    quote: Quote,
) -> None:
    fastest = await rank_rfq(
        quote.services.database, quote.rfq_id, quote.services.ranking, "fastest"
    )
    assert [(vendor, total) for vendor, _m, _q, _u, total, _c, _a in rows(fastest, 3)] == [
        ("Huaqiang Trading", 106.87),
        ("Lion Electronics", 107.0),
        ("Nova Parts", 107.0),
        ("SZ Stock", 106.4),
    ]
    assert offer_json(fastest, 3, 3)["why"] == (
        "3rd: 3 days slower than #1 · in stock, ships in 3 days"
    )


async def test_an_offer_past_its_valid_until_is_left_out_with_the_reason(quote: Quote) -> None:
    # Nova's $0.0005 resistor would be first; its price expired on 2024-01-31.
    (line,) = [result for result in quote.closed.lines if result.line.line == 1]
    assert [(e.item.vendor.name, e.item.offer.mpn, e.reason) for e in line.excluded] == [
        ("Nova Parts", "RC0603FR-0710KL", "expired 2024-01-31 23:59 UTC")
    ]
    assert "Nova Parts" not in {vendor for vendor, *_rest in rows(quote.closed, 1)}


async def test_distributor_offers_tell_the_buyer_whom_they_buy_from_and_in_what_packaging(
    quote: Quote,
) -> None:
    # Nexar speaks for many sellers ("the buyer buys from that seller, not from Nexar",
    # bot/agents/distributors/nexar.py) and Digi-Key lists one offer per packaging; the
    # agents put both in Offer.extra. Without them two Digi-Key rows read the same.
    expected = {
        2: "Mouser",
        3: "TME",
        5: "Digi-Key",
        7: "Digi-Key",
        10: "Arrow Electronics",
        8: "Cut Tape",
        9: "Digi-Reel",
        11: "Tape & Reel",
    }
    unsaid = {
        rank: words
        for rank, words in expected.items()
        if not any(words in str(value) for value in offer_json(quote.closed, 1, rank).values())
    }
    assert unsaid == {}


# -- vendors that fail, decline or answer late ----------------------------------------------


async def test_every_vendor_asked_ends_in_one_recorded_state(quote: Quote) -> None:
    dispatches = await quote.dispatches()
    assert {name: state for name, (state, _reason) in dispatches.items()} == {
        "Mouser": DispatchState.ANSWERED,
        "Nexar": DispatchState.ANSWERED,
        "Digi-Key": DispatchState.ANSWERED,
        "element14": DispatchState.ANSWERED,
        "SZ Stock": DispatchState.ANSWERED,
        "Huaqiang Trading": DispatchState.ANSWERED,
        "Lion Electronics": DispatchState.ANSWERED,
        "Nova Parts": DispatchState.ANSWERED,
        "Quiet Supply": DispatchState.DECLINED,
        **FAILING,
    }


async def test_a_vendor_that_fails_is_recorded_with_the_reason(quote: Quote) -> None:
    dispatches = await quote.dispatches()
    assert [dispatches[name] for name in ("Broken Gateway", "Garbage Co", "Shapeless Ltd")] == [
        (DispatchState.FAILED, "HTTP 500"),
        (DispatchState.FAILED, "answer is not JSON"),
        (DispatchState.FAILED, "answer has no offers list"),
    ]


async def test_a_vendor_answering_after_reply_by_or_too_slowly_is_recorded_timed_out(
    quote: Quote,
) -> None:
    # The bot stops listening at reply_by, so an answer sent after it is never seen: the
    # vendor is recorded as timed out, like one that is merely slow.
    dispatches = await quote.dispatches()
    for name in ("Late Reply Co", "Slow Boat"):
        state, reason = dispatches[name]
        assert state == DispatchState.TIMED_OUT
        assert reason == TIMEOUT_REASON


async def test_failed_and_timed_out_vendors_are_listed_on_every_line_and_a_decline_is_not(
    quote: Quote,
) -> None:
    document = quote.closed.to_json()
    assert [line["failed_vendors"] for line in document["lines"]] == [list(FAILING)] * 3
    assert [name for name, _reason in quote.closed.failed] == list(FAILING)


async def test_answers_without_a_failure_are_ranked_whole_despite_the_failing_vendors(
    quote: Quote,
) -> None:
    ranked = Counter(
        offer["vendor"] for line in quote.closed.to_json()["lines"] for offer in line["offers"]
    )
    assert ranked == {
        "Nexar": 5,
        "Digi-Key": 3,
        "element14": 2,
        "Mouser": 1,
        "SZ Stock": 2,
        "Huaqiang Trading": 3,
        "Lion Electronics": 2,
        "Nova Parts": 2,
    }


async def test_a_vendor_that_does_not_serve_the_lines_or_is_disabled_is_never_asked(
    quote: Quote,
) -> None:
    dispatches = await quote.dispatches()
    assert {"Caps Only", "Closed Shop", "Mr Chen"} & set(dispatches) == set()
    assert (
        quote.http_vendors["Caps Only"].requests,
        quote.http_vendors["Closed Shop"].requests,
    ) == (
        [],
        [],
    )


async def test_the_collection_streams_one_end_per_vendor_and_closes_last(quote: Quote) -> None:
    ended = Counter(event.vendor for event in quote.events if isinstance(event, DispatchEnded))
    assert set(ended.values()) == {1}
    assert len(ended) == 14
    assert quote.events[-1] == RfqClosed(quote.rfq_id, answered=8, asked=14)
    stored = [event for event in quote.events if isinstance(event, OfferStored)]
    assert len(stored) == 21
    assert not any(event.late for event in stored)


async def test_the_rfq_is_closed_after_the_window(quote: Quote) -> None:
    async with quote.services.database.session() as session:
        rfq = await session.get(Rfq, quote.rfq_id)
        assert rfq is not None
        assert (rfq.status, rfq.closed_at is not None) == (RfqStatus.CLOSED, True)
    assert (quote.closed.status, quote.closed.asked) == (RfqStatus.CLOSED, 14)


async def test_a_late_answer_is_stored_but_not_ranked(quote: Quote) -> None:
    # Mr Chen's price would be the cheapest of line 1 (500 x $0.001), had it come in time.
    assert (quote.late_answer.late, [o.line for o in quote.late_answer.offers]) == (True, [1])
    late = [offer for offer in await quote.stored_offers() if offer.late]
    assert [(o.vendor.name, o.mpn, o.currency, o.price_breaks, o.stock) for o in late] == [
        ("Mr Chen", "RC0603FR-0710KL", "USD", [[1, 0.001]], 50000)
    ]
    assert quote.after_late_answer.to_json() == quote.closed.to_json()
    async with quote.services.database.session() as session:
        replies = (await session.scalars(select(VendorReply.text))).all()
    assert replies == ["RC0603FR-0710KL 0.001usd, 50k in stock"]


async def test_the_vendors_track_record_counts_this_rfq(quote: Quote) -> None:
    counters = {}
    for name in [
        "Mouser",
        "SZ Stock",
        "Huaqiang Trading",
        "Quiet Supply",
        "Broken Gateway",
        "Garbage Co",
        "Shapeless Ltd",
        "Late Reply Co",
        "Slow Boat",
        "Caps Only",
        "Mr Chen",
    ]:
        vendor = await quote.vendor(name)
        counters[name] = (
            vendor.asked_count,
            vendor.answered_count,
            vendor.answer_seconds_total > 0,
            vendor.chosen_count,
            vendor.feedback_count,
        )
    assert counters == {
        "Mouser": (1, 1, True, 0, 0),
        "SZ Stock": (1, 1, True, 0, 0),
        "Huaqiang Trading": (1, 1, True, 0, 0),
        "Quiet Supply": (1, 1, True, 0, 0),
        "Broken Gateway": (1, 0, False, 0, 0),
        "Garbage Co": (1, 0, False, 0, 0),
        "Shapeless Ltd": (1, 0, False, 0, 0),
        "Late Reply Co": (1, 0, False, 0, 0),
        "Slow Boat": (1, 0, False, 0, 0),
        "Caps Only": (0, 0, False, 0, 0),
        "Mr Chen": (0, 0, False, 0, 0),
    }


async def test_vendors_that_answered_their_one_rfq_score_above_neutral(quote: Quote) -> None:
    # Asked once, answered at once: answer rate and time (1 + 2.5) / 6 each, offers
    # chosen 0 of 1 against a prior of one in five, feedback neutral: 52.5.
    scores = {
        offer["vendor"]: offer["vendor_score"]
        for line in quote.closed.to_json()["lines"]
        for offer in line["offers"]
    }
    assert set(scores.values()) == {52.5}


# -- what reached the vendors ------------------------------------------------------------


async def test_each_http_vendor_got_one_signed_request_with_every_line(quote: Quote) -> None:
    for name in ("Huaqiang Trading", "Quiet Supply", "Broken Gateway", "Slow Boat"):
        (received,) = quote.http_vendors[name].requests
        assert received.signature_valid
        assert [(line["line"], line["quantity"]) for line in received.json["lines"]] == [
            (1, 500),
            (2, 200),
            (3, 2000),
        ]


async def test_mouser_was_asked_once_for_every_part_number_of_the_rfq(quote: Quote) -> None:
    assert quote.distributors.asked["mouser"] == [
        "RS-03K1002FT|0603WAF1002T5E|RC0603FR-0710KL|STM32F103C8T6|AMS1117-3.3"
    ]


# -- the quote --json document -----------------------------------------------------------

ISSUE_OFFER_KEYS = [
    "rank",
    "vendor",
    "mpn",
    "manufacturer",
    "order_quantity",
    "unit_price",
    "currency",
    "total",
    "original_currency",
    "original_unit_price",
    "stock",
    "lead_time_days",
    "can_fulfil",
    "alternative",
    "why",
]


async def test_the_json_document_has_the_issues_shape(quote: Quote) -> None:
    document = quote.closed.to_json()
    assert list(document) == ["rfq", "currency", "lines"]
    assert (document["rfq"], document["currency"]) == (quote.rfq_id, "USD")
    assert [list(line) for line in document["lines"]] == [
        ["line", "text", "request", "offers", "failed_vendors"]
    ] * 3
    assert [(line["line"], line["text"], line["request"]) for line in document["lines"]] == [
        (
            1,
            "500 pcs 0603 10k 1%",
            {
                "quantity": 500,
                "category": "resistor",
                "value": 10000.0,
                "package": "0603",
                "tolerance": 0.01,
            },
        ),
        (2, "200 STM32F103C8T6", {"quantity": 200, "mpn": "STM32F103C8T6"}),
        (
            3,
            "2k AMS1117-3.3 SOT-223",
            {"quantity": 2000, "mpn": "AMS1117-3.3", "package": "SOT-223"},
        ),
    ]
    offers = [offer for line in document["lines"] for offer in line["offers"]]
    assert {tuple(list(offer)[: len(ISSUE_OFFER_KEYS)]) for offer in offers} == {
        tuple(ISSUE_OFFER_KEYS)
    }
    assert [[offer["rank"] for offer in line["offers"]] for line in document["lines"]] == [
        list(range(1, 13)),
        [1, 2, 3, 4],
        [1, 2, 3, 4],
    ]


async def test_the_json_document_writes_the_issues_example_offer_in_kind(quote: Quote) -> None:
    assert {key: offer_json(quote.closed, 1, 1)[key] for key in ISSUE_OFFER_KEYS} == {
        "rank": 1,
        "vendor": "SZ Stock",
        "mpn": "RC0603FR-0710KL",
        "manufacturer": "YAGEO",
        "order_quantity": 800,
        "unit_price": 0.00168,
        "currency": "USD",
        "total": 1.34,
        "original_currency": "CNY",
        "original_unit_price": 0.012,
        "stock": 80000,
        "lead_time_days": 0,
        "can_fulfil": True,
        "alternative": False,
        "why": "cheapest total at 800 pcs · in stock · multiples of 400 (asked 500)",
    }


# -- a vendor's record across RFQs --------------------------------------------------------


@pytest_asyncio.fixture(loop_scope="module", params=BACKENDS)
async def plain_services(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Services]:
    """Services with no distributor keys: only the vendors a test registers are asked."""
    with index_cache_in(tmp_path):
        async with fresh_database(request.param, tmp_path) as url:
            services = await open_services(
                Settings(_env_file=None, database_url=url)  # type: ignore[call-arg]
            )
            try:
                yield services
            finally:
                await services.close()


async def quote_once(services: Services, text: str) -> RfqResult:
    """Ask every vendor; all of these answer at once, so the RFQ closes as soon as they do."""
    asked = await services.engine.open_rfq(
        buyer="cli:buyer", text=text, currency="USD", window_seconds=30.0
    )
    targets = await services.targets_for(asked)
    async for _event in services.engine.collect(asked, targets):
        pass
    return await rank_rfq(services.database, asked.rfq_id, services.ranking)


RESISTORS = [
    {
        "line": 1,
        "currency": "USD",
        "price_breaks": [[1000, 0.0021]],
        "mpn": "RC0603FR-0710KL",
        "stock": 50000,
        "lead_time_days": 0,
    }
]


async def test_an_equal_offer_ranks_below_when_its_vendor_failed_the_last_rfq(
    plain_services: Services,
) -> None:
    async with (
        VendorServer(offers=RESISTORS, status=500) as flaky,
        VendorServer(offers=RESISTORS) as steady,
    ):
        await add_http_vendor(plain_services, "Flaky Parts", flaky)
        await add_http_vendor(plain_services, "Steady Parts", steady)
        first = await quote_once(plain_services, "1k RC0603FR-0710KL")
        flaky.status = 200
        second = await quote_once(plain_services, "1k RC0603FR-0710KL")
    assert first.failed_vendors == ["Flaky Parts"]
    # Steady: asked 2, answered 2 -> 54.3; Flaky: asked 2, answered 1 -> 50.0 (see
    # bot/ranking/score.py: answer rate, answer time, offers chosen, feedback).
    assert [
        (offer["vendor"], offer["total"], offer["vendor_score"], offer["why"])
        for offer in second.to_json()["lines"][0]["offers"]
    ] == [
        ("Steady Parts", 2.1, 54.3, "cheapest total at 1,000 pcs · in stock"),
        ("Flaky Parts", 2.1, 50.0, "2nd: same total as #1 · in stock"),
    ]


async def test_the_trusted_order_ranks_by_the_vendor_score_a_buyer_sees(
    plain_services: Services,
) -> None:
    async with (
        VendorServer(offers=RESISTORS, status=500) as flaky,
        VendorServer(offers=[{**RESISTORS[0], "price_breaks": [[1000, 0.0019]]}]) as cheap,
        VendorServer(offers=RESISTORS) as steady,
    ):
        await add_http_vendor(plain_services, "Flaky Parts", flaky)
        await add_http_vendor(plain_services, "Steady Parts", steady)
        await quote_once(plain_services, "1k RC0603FR-0710KL")
        flaky.status = 200
        await add_http_vendor(plain_services, "Cheap Newcomer", cheap)
        asked = await plain_services.engine.open_rfq(
            buyer="cli:buyer", text="1k RC0603FR-0710KL", currency="USD", window_seconds=30.0
        )
        async for _event in plain_services.engine.collect(
            asked, await plain_services.targets_for(asked)
        ):
            pass
    trusted = await rank_rfq(
        plain_services.database, asked.rfq_id, plain_services.ranking, "trusted"
    )
    # The newcomer has answered once (52.5, shown 52): between Steady (54) and Flaky (50).
    assert [
        (offer["vendor"], offer["total"], offer["why"])
        for offer in trusted.to_json()["lines"][0]["offers"]
    ] == [
        ("Steady Parts", 2.1, "most trusted vendor (score 54) · in stock"),
        ("Cheap Newcomer", 1.9, "2nd: vendor score 52 vs 54 for #1 · in stock"),
        ("Flaky Parts", 2.1, "3rd: vendor score 50 vs 54 for #1 · in stock"),
    ]

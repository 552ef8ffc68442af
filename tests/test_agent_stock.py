"""Stock-list vendors answer at once from their imported price list (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.agents.stock import StockListAgent
from bot.database import Database
from bot.models import Vendor, VendorKind
from bot.pricelists import import_price_list
from bot.quotes import Offer, QuoteLine, QuoteRequest
from catalogue.request import PartRequest

PRICE_LIST = """\
mpn,manufacturer,stock,moq,multiple,currency,lead_time_days,date_code,price_breaks
RC0603FR-0710KL,Yageo,120000,100,100,USD,,24+,"100:0.0031,1000:0.0019"
0603WAF1002T5E,UNI-ROYAL(Uniroyal Elec),500000,5000,5000,,,,5000:0.0011
AMS1117-3.3,Advanced Monolithic Systems,0,,,,14,,"1:0.35,100:0.30,1000:0.28"
AMS1117-3.3,UMW,8000,,,,5,2347,1:0.12
LM358DR,TI,,,,,,,1:0.21
"""

RESISTOR = QuoteLine(
    line=1,
    text="500 pcs 0603 10k 1%",
    request=PartRequest(
        quantity=500, category="resistor", value=10000.0, package="0603", tolerance=0.01
    ),
    candidates=("RC0603FR-0710KL", "0603WAF1002T5E", "RC0603FR-0710KL-TR"),
    category="resistor",
)
REGULATOR = QuoteLine(
    line=2,
    text="2k ams1117 3.3 SOT-223",
    request=PartRequest(quantity=2000, mpn="ams1117 3.3", package="SOT-223"),
)

YAGEO_OFFER = Offer(
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
)
UNIROYAL_OFFER = Offer(
    line=1,
    currency="CNY",
    price_breaks=((5000, 0.0011),),
    mpn="0603WAF1002T5E",
    manufacturer="UNI-ROYAL",
    stock=500000,
    moq=5000,
    multiple=5000,
    lead_time_days=0,
)


def rfq(*lines: QuoteLine) -> QuoteRequest:
    return QuoteRequest("R7K2Q9", datetime.now(UTC) + timedelta(seconds=30), "USD", lines)


async def stock_vendor(
    database: Database, tmp_path: Path, name: str = "Huaqiang Stock", price_list: str = PRICE_LIST
) -> StockListAgent:
    path = tmp_path / f"{name}.csv"
    path.write_text(price_list, encoding="utf-8")
    async with database.session() as session:
        vendor = Vendor(name=name, kind=VendorKind.STOCK, currency="CNY")
        session.add(vendor)
        await import_price_list(session, vendor, path)
    return StockListAgent.from_vendor(vendor, database.sessions)


async def offers_from(agent: StockListAgent, request: QuoteRequest) -> list[Offer]:
    return [offer async for offer in agent.ask(request)]


async def test_answers_by_the_requested_part_number(empty_db: Database, tmp_path: Path) -> None:
    agent = await stock_vendor(empty_db, tmp_path)

    offers = await offers_from(agent, rfq(REGULATOR))

    assert offers == [
        Offer(
            line=2,
            currency="CNY",
            price_breaks=((1, 0.35), (100, 0.3), (1000, 0.28)),
            mpn="AMS1117-3.3",
            manufacturer="AMS",
            stock=0,
            lead_time_days=14,
        ),
        Offer(
            line=2,
            currency="CNY",
            price_breaks=((1, 0.12),),
            mpn="AMS1117-3.3",
            manufacturer="UMW",
            stock=8000,
            lead_time_days=5,
            date_code="2347",
        ),
    ]


async def test_answers_by_catalogue_candidate_in_candidate_order(
    empty_db: Database, tmp_path: Path
) -> None:
    agent = await stock_vendor(empty_db, tmp_path)

    offers = await offers_from(agent, rfq(RESISTOR))

    # "RC0603FR-0710KL-TR" is the first candidate again in normal form: offered once.
    assert offers == [YAGEO_OFFER, UNIROYAL_OFFER]


async def test_requested_part_comes_before_candidates(empty_db: Database, tmp_path: Path) -> None:
    agent = await stock_vendor(empty_db, tmp_path)
    line = QuoteLine(
        line=1,
        text="0603WAF1002T5E or equivalent x5000",
        request=PartRequest(quantity=5000, mpn="0603WAF1002T5E"),
        candidates=("RC0603FR-0710KL",),
    )

    offers = await offers_from(agent, rfq(line))

    assert [offer.mpn for offer in offers] == ["0603WAF1002T5E", "RC0603FR-0710KL"]


async def test_lines_are_answered_in_rfq_order(empty_db: Database, tmp_path: Path) -> None:
    agent = await stock_vendor(empty_db, tmp_path)

    offers = await offers_from(agent, rfq(RESISTOR, REGULATOR))

    assert [(offer.line, offer.manufacturer) for offer in offers] == [
        (1, "YAGEO"),
        (1, "UNI-ROYAL"),
        (2, "AMS"),
        (2, "UMW"),
    ]


async def test_unknown_stock_and_no_lead_time_stay_unknown(
    empty_db: Database, tmp_path: Path
) -> None:
    agent = await stock_vendor(empty_db, tmp_path)
    line = QuoteLine(1, "LM358 x100", PartRequest(quantity=100, mpn="LM358DR"))

    offers = await offers_from(agent, rfq(line))

    assert offers == [
        Offer(line=1, currency="CNY", price_breaks=((1, 0.21),), mpn="LM358DR", manufacturer="TI")
    ]


async def test_parts_not_in_the_list_get_no_offer(empty_db: Database, tmp_path: Path) -> None:
    agent = await stock_vendor(empty_db, tmp_path)
    line = QuoteLine(
        1,
        "100nF 0603 x4000",
        PartRequest(quantity=4000, category="capacitor", value=1e-7, package="0603"),
        candidates=("CL10B104KB8NNNC",),
    )
    no_part_number = QuoteLine(2, "some LEDs", PartRequest(category="led"))

    assert await offers_from(agent, rfq(line, no_part_number)) == []


async def test_another_vendors_list_is_not_used(empty_db: Database, tmp_path: Path) -> None:
    await stock_vendor(empty_db, tmp_path, "Huaqiang Stock")
    other_list = "mpn,manufacturer,stock,moq,multiple,price_breaks\nLM358DR,TI,50,1,1,1:0.19\n"
    other = await stock_vendor(empty_db, tmp_path, "Saige Stock", other_list)

    offers = await offers_from(other, rfq(RESISTOR, REGULATOR))

    assert offers == []
    assert other.vendor_name == "Saige Stock"

"""The quote engine: fan-out, one final state per vendor, human replies, restarts."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from bot.agents.base import AgentError
from bot.database import Database
from bot.models import Dispatch, OfferRecord, Rfq, Vendor, VendorKind, VendorReply
from bot.quotes import Offer, QuoteRequest
from bot.ranking import RankingConfig
from bot.rfqs.engine import AlreadyOpened, NothingToQuote, QuoteEngine
from bot.rfqs.events import DispatchEnded, OfferStored, QuoteEvent, RfqClosed
from bot.rfqs.results import rank_rfq
from bot.rfqs.run import VendorTarget
from catalogue.matching import Catalogue
from catalogue.parser import ParsedItem
from catalogue.request import PartRequest

RESISTOR_OFFER = Offer(line=1, currency="USD", price_breaks=((100, 0.0031), (1000, 0.0019)))


@dataclass
class ScriptedAgent:
    """A vendor agent that answers from a script: offers after a delay, or an error."""

    vendor_name: str
    offers: Sequence[Offer] = ()
    delay: float = 0.0
    error: Exception | None = None

    async def ask(self, request: QuoteRequest) -> AsyncIterator[Offer]:
        await asyncio.sleep(self.delay)
        for offer in self.offers:
            yield offer
        if self.error is not None:
            raise self.error


async def add_vendor(db: Database, name: str, kind: str = VendorKind.HTTP) -> int:
    async with db.session() as session:
        vendor = Vendor(name=name, kind=kind, currency="CNY")
        session.add(vendor)
        await session.flush()
        return vendor.id


async def target(db: Database, agent: ScriptedAgent) -> VendorTarget:
    return VendorTarget(await add_vendor(db, agent.vendor_name), agent.vendor_name, "http", agent)


async def states(db: Database, rfq_id: str) -> dict[str, tuple[str, str | None]]:
    async with db.session() as session:
        rows = (await session.scalars(select(Dispatch).where(Dispatch.rfq_id == rfq_id))).all()
        return {row.vendor.name: (row.state, row.reason) for row in rows}


async def collect_all(
    engine: QuoteEngine, request: QuoteRequest, targets: Sequence[VendorTarget]
) -> list[QuoteEvent]:
    return [event async for event in engine.collect(request, targets)]


@pytest.fixture
async def engine(seeded_db: Database) -> AsyncIterator[QuoteEngine]:
    quote_engine = QuoteEngine(seeded_db, Catalogue(seeded_db.sessions))
    yield quote_engine
    await quote_engine.shutdown()


async def open_one(
    engine: QuoteEngine, text: str = "500 pcs 0603 10k 1%", window: float = 5.0
) -> QuoteRequest:
    return await engine.open_rfq(buyer="cli:test", text=text, currency="USD", window_seconds=window)


async def test_an_rfq_stores_each_line_with_its_text_request_and_candidates(
    engine: QuoteEngine,
) -> None:
    request = await open_one(engine, "500 pcs 0603 10k 1%\n2k AMS1117-3.3 SOT-223")
    first, second = request.lines
    assert (first.line, first.text, first.request.to_dict(), first.category) == (
        1,
        "500 pcs 0603 10k 1%",
        {
            "quantity": 500,
            "category": "resistor",
            "value": 10000.0,
            "package": "0603",
            "tolerance": 0.01,
        },
        "resistor",
    )
    assert "RC0603FR-0710KL" in first.candidates
    assert (second.text, second.candidates[0], second.category) == (
        "2k AMS1117-3.3 SOT-223",
        "AMS1117-3.3",
        "ic",
    )


async def test_near_part_numbers_hint_the_category_but_are_not_sent_as_matches(
    engine: QuoteEngine,
) -> None:
    """IRLML6344TRPBF is not catalogued; IRLML6402TRPBF and the like are other parts."""
    request = await open_one(engine, "40 IRLML6344TRPBF\n100 AMS1117-3.0")
    mosfet, regulator = request.lines
    assert (mosfet.candidates, mosfet.category) == ((), "transistor")
    assert (regulator.candidates, regulator.category) == ((), "ic")


async def test_a_message_with_no_part_request_opens_no_rfq(engine: QuoteEngine) -> None:
    with pytest.raises(NothingToQuote):
        await open_one(engine, "hello, are you there?")
    async with engine.database.session() as session:
        assert (await session.scalars(select(Rfq))).all() == []


async def test_every_vendor_that_answers_is_recorded_answered_and_the_rfq_closes_at_once(
    engine: QuoteEngine,
) -> None:
    db = engine.database
    request = await open_one(engine, window=30)
    targets = [
        await target(db, ScriptedAgent("fast", [RESISTOR_OFFER])),
        await target(db, ScriptedAgent("slower", [RESISTOR_OFFER, RESISTOR_OFFER], delay=0.05)),
    ]
    events = await collect_all(engine, request, targets)
    assert [type(e).__name__ for e in events] == [
        "OfferStored",
        "DispatchEnded",
        "OfferStored",
        "OfferStored",
        "DispatchEnded",
        "RfqClosed",
    ]
    assert events[-1] == RfqClosed(request.rfq_id, answered=2, asked=2)
    assert await states(db, request.rfq_id) == {
        "fast": ("answered", None),
        "slower": ("answered", None),
    }


async def test_slow_failing_and_crashing_vendors_each_end_in_their_own_state(
    engine: QuoteEngine,
) -> None:
    db = engine.database
    request = await open_one(engine, window=0.6)
    targets = [
        await target(db, ScriptedAgent("good", [RESISTOR_OFFER])),
        await target(db, ScriptedAgent("sleepy", [RESISTOR_OFFER], delay=30)),
        await target(db, ScriptedAgent("broken", error=AgentError("HTTP 500"))),
        await target(db, ScriptedAgent("crashing", error=RuntimeError("boom"))),
        await target(db, ScriptedAgent("empty")),
    ]
    events = await collect_all(engine, request, targets)
    assert await states(db, request.rfq_id) == {
        "good": ("answered", None),
        "sleepy": ("timed_out", "no answer before the RFQ closed"),
        "broken": ("failed", "HTTP 500"),
        "crashing": ("failed", "agent error: RuntimeError: boom"),
        "empty": ("declined", None),
    }
    stored = [e for e in events if isinstance(e, OfferStored)]
    assert [(e.vendor, e.offer) for e in stored] == [("good", RESISTOR_OFFER)]
    assert events[-1] == RfqClosed(request.rfq_id, answered=1, asked=5)


async def test_offers_for_a_line_the_rfq_does_not_have_are_dropped(engine: QuoteEngine) -> None:
    db = engine.database
    request = await open_one(engine)
    stray = Offer(line=7, currency="USD", price_breaks=((1, 0.5),))
    await collect_all(engine, request, [await target(db, ScriptedAgent("v", [stray]))])
    assert await states(db, request.rfq_id) == {"v": ("declined", None)}


async def test_the_vendor_track_record_counts_asks_and_answers(engine: QuoteEngine) -> None:
    db = engine.database
    request = await open_one(engine)
    targets = [
        await target(db, ScriptedAgent("answers", [RESISTOR_OFFER])),
        await target(db, ScriptedAgent("fails", error=AgentError("HTTP 502"))),
    ]
    await collect_all(engine, request, targets)
    async with db.session() as session:
        record = {
            v.name: (v.asked_count, v.answered_count)
            for v in (await session.scalars(select(Vendor))).all()
        }
    assert record == {"answers": (1, 1), "fails": (1, 0)}


async def test_a_human_vendor_reply_becomes_offers_and_ends_its_dispatch(
    engine: QuoteEngine,
) -> None:
    db = engine.database
    request = await open_one(engine, window=30)
    human = await add_vendor(db, "huaqiang-stall-17", VendorKind.TELEGRAM)
    queue: asyncio.Queue[QuoteEvent] = asyncio.Queue()
    run = await engine.start(
        request, [VendorTarget(human, "huaqiang-stall-17", "telegram")], listener=queue
    )
    outcome = await engine.record_vendor_reply(request.rfq_id, human, "0.015元 含税 现货5万")
    assert outcome.offers == (
        Offer(
            line=1,
            currency="CNY",
            price_breaks=((1, 0.015),),
            stock=50000,
            lead_time_days=0,
            tax_included=True,
            raw_text="0.015元 含税 现货5万",
        ),
    )
    events = [event async for event in run.events(queue)]
    assert [type(e).__name__ for e in events] == ["OfferStored", "DispatchEnded", "RfqClosed"]
    assert await states(db, request.rfq_id) == {"huaqiang-stall-17": ("answered", None)}


async def test_a_reply_the_bot_cannot_read_is_kept_and_leaves_the_vendor_pending(
    engine: QuoteEngine,
) -> None:
    db = engine.database
    request = await open_one(engine, window=30)
    human = await add_vendor(db, "stall", VendorKind.TELEGRAM)
    await engine.start(request, [VendorTarget(human, "stall", "telegram")])
    outcome = await engine.record_vendor_reply(request.rfq_id, human, "收到，马上查")
    assert (outcome.understood, outcome.offers) == (False, ())
    async with db.session() as session:
        kept = (await session.scalars(select(VendorReply.text))).all()
    assert kept == ["收到，马上查"]
    assert await states(db, request.rfq_id) == {"stall": ("pending", None)}


async def test_an_answer_after_closing_is_kept_but_marked_late(engine: QuoteEngine) -> None:
    db = engine.database
    request = await open_one(engine, window=30)
    human = await add_vendor(db, "stall", VendorKind.TELEGRAM)
    await engine.start(request, [VendorTarget(human, "stall", "telegram")])
    await engine.close(request.rfq_id)
    outcome = await engine.record_vendor_reply(request.rfq_id, human, "0.02 usd, 10k stock")
    assert outcome.late is True
    async with db.session() as session:
        offers = (await session.scalars(select(OfferRecord))).all()
    assert [(o.late, o.price_breaks, o.currency) for o in offers] == [(True, [[1, 0.02]], "USD")]
    assert await states(db, request.rfq_id) == {
        "stall": ("timed_out", "no answer before the RFQ closed")
    }


async def test_an_open_rfq_survives_a_restart_and_ranks_answers_from_before_and_after(
    seeded_db: Database,
) -> None:
    first = QuoteEngine(seeded_db, Catalogue(seeded_db.sessions))
    request = await open_one(first, window=30)
    machine = await target(seeded_db, ScriptedAgent("api", [RESISTOR_OFFER]))
    human = await add_vendor(seeded_db, "stall", VendorKind.TELEGRAM)
    queue: asyncio.Queue[QuoteEvent] = asyncio.Queue()
    await first.start(request, [machine, VendorTarget(human, "stall", "telegram")], listener=queue)
    while not isinstance(await queue.get(), DispatchEnded):
        pass
    await first.shutdown()  # the process dies with the human's answer still to come

    async def no_agents(_request: QuoteRequest, _vendors: Sequence[int]) -> list[VendorTarget]:
        return []

    second = QuoteEngine(seeded_db, Catalogue(seeded_db.sessions))
    assert await second.resume(no_agents) == [request.rfq_id]
    outcome = await second.record_vendor_reply(request.rfq_id, human, "0.0021 USD, 50k in stock")
    assert outcome.late is False
    async with seeded_db.session() as session:
        rfq = await session.get(Rfq, request.rfq_id)
        offers = (await session.scalars(select(OfferRecord).order_by(OfferRecord.id))).all()
    assert rfq is not None and rfq.status == "closed"
    assert [(o.vendor.name, o.late) for o in offers] == [("api", False), ("stall", False)]
    await second.shutdown()


async def test_resuming_closes_rfqs_whose_time_ran_out_while_down(seeded_db: Database) -> None:
    first = QuoteEngine(seeded_db, Catalogue(seeded_db.sessions))
    request = await open_one(first, window=0.05)
    human = await add_vendor(seeded_db, "stall", VendorKind.TELEGRAM)
    await first.start(request, [VendorTarget(human, "stall", "telegram")])
    await first.shutdown()
    await asyncio.sleep(0.1)

    async def no_agents(_request: QuoteRequest, _vendors: Sequence[int]) -> list[VendorTarget]:
        return []

    second = QuoteEngine(seeded_db, Catalogue(seeded_db.sessions))
    assert await second.resume(no_agents) == []
    assert await states(seeded_db, request.rfq_id) == {
        "stall": ("timed_out", "no answer before the RFQ closed")
    }
    await second.shutdown()


async def test_the_same_chat_message_never_opens_two_rfqs(engine: QuoteEngine) -> None:
    first = await engine.open_rfq(
        buyer="tg:7", text="500 pcs 0603 10k", currency="USD", window_seconds=30, source=(7, 42)
    )
    with pytest.raises(AlreadyOpened) as again:
        await engine.open_rfq(
            buyer="tg:7", text="500 pcs 0603 10k", currency="USD", window_seconds=30, source=(7, 42)
        )
    assert again.value.rfq_id == first.rfq_id


async def test_an_rfq_can_open_from_requests_read_elsewhere(engine: QuoteEngine) -> None:
    items = [
        ParsedItem(
            "R1,R2;2;10k;R_0603_1608Metric",
            PartRequest(quantity=2, category="resistor", value=10000.0, package="0603"),
        )
    ]
    request = await engine.open_rfq(
        buyer="tg:7", text="bom.csv", currency="USD", window_seconds=30, items=items
    )
    assert [(line.text, line.category) for line in request.lines] == [
        ("R1,R2;2;10k;R_0603_1608Metric", "resistor")
    ]


async def test_a_corrected_reply_replaces_the_vendors_earlier_offer(engine: QuoteEngine) -> None:
    db = engine.database
    request = await open_one(engine, window=30)
    human = await add_vendor(db, "stall", VendorKind.TELEGRAM)
    other = await add_vendor(db, "still-thinking", VendorKind.TELEGRAM)
    await engine.start(
        request,
        [
            VendorTarget(human, "stall", "telegram"),
            VendorTarget(other, "still-thinking", "telegram"),
        ],
    )
    await engine.record_vendor_reply(request.rfq_id, human, "0.02 usd")
    await engine.record_vendor_reply(
        request.rfq_id, human, "sorry I mean 0.0013$", replaces_earlier=True
    )
    async with db.session() as session:
        prices = (await session.scalars(select(OfferRecord.price_breaks))).all()
    assert prices == [[[1, 0.0013]]]


async def test_an_answer_cut_short_keeps_its_offers_and_is_reported_incomplete(
    engine: QuoteEngine,
) -> None:
    db = engine.database
    request = await open_one(engine, window=30)
    agent = ScriptedAgent("half", [RESISTOR_OFFER], error=AgentError("HTTP 500 on line 2"))
    await collect_all(engine, request, [await target(db, agent)])
    result = await rank_rfq(db, request.rfq_id, RankingConfig())
    assert [offer.vendor for offer in result.lines[0].offers] == ["half"]
    assert (result.failed, result.incomplete) == (
        (),
        (("half", "answer cut short: HTTP 500 on line 2"),),
    )


async def test_a_correction_after_closing_is_kept_late_and_leaves_the_ranked_offer(
    engine: QuoteEngine,
) -> None:
    db = engine.database
    request = await open_one(engine, window=30)
    human = await add_vendor(db, "stall", VendorKind.TELEGRAM)
    await engine.start(request, [VendorTarget(human, "stall", "telegram")])
    await engine.record_vendor_reply(request.rfq_id, human, "0.02 usd")
    await engine.record_vendor_reply(
        request.rfq_id, human, "sorry I mean 0.0013$", replaces_earlier=True
    )
    async with db.session() as session:
        offers = (await session.scalars(select(OfferRecord).order_by(OfferRecord.id))).all()
    assert [(o.price_breaks, o.late) for o in offers] == [
        ([[1, 0.02]], False),
        ([[1, 0.0013]], True),
    ]

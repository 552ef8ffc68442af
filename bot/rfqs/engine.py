"""The quote engine: open an RFQ, ask vendors at once, stream what comes back, close.

One engine per process. Everything it learns is stored through the journal before it is
published, and an RFQ's closing time lives in the database, so after a restart `resume`
picks up every RFQ that is still open: humans can still answer until it closes, and
agents whose answers were lost in the crash are asked again with the time that is left.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from bot.agents.base import AgentError, AgentTimedOut
from bot.database import Database
from bot.models import Dispatch, DispatchState, Rfq, RfqLine, RfqStatus, Vendor, VendorReply
from bot.quotes import InvalidOffer, Offer, QuoteLine, QuoteRequest
from bot.rfqs import records
from bot.rfqs.events import DispatchEnded, OfferStored, QuoteEvent, RfqClosed
from bot.rfqs.journal import Journal
from bot.rfqs.lines import quote_request_of
from bot.rfqs.run import RfqRun, VendorTarget
from bot.vendor_replies import OfferDraft, parse_quote
from bot.vendor_replies import RfqLine as ReplyLine
from catalogue.matching import CandidateKind, Catalogue
from catalogue.models import utcnow
from catalogue.parser import ParsedItem, parse_items

log = logging.getLogger(__name__)

_ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
#: Catalogue candidates sent with each line.
CANDIDATES_PER_LINE = 5


#: Rebuilds the targets of the vendors still pending on a resumed RFQ.
TargetsFor = Callable[[QuoteRequest, Sequence[int]], Awaitable[Sequence[VendorTarget]]]


class NothingToQuote(ValueError):
    """The buyer's text holds no part request."""


class AlreadyOpened(Exception):
    """This message opened an RFQ already (the same update delivered twice)."""

    def __init__(self, rfq_id: str) -> None:
        super().__init__(rfq_id)
        self.rfq_id = rfq_id


@dataclass(frozen=True, slots=True)
class ReplyOutcome:
    """What the bot understood of a human vendor's reply."""

    rfq_id: str
    offers: tuple[Offer, ...]
    declined_lines: tuple[int, ...]
    #: Lines the vendor wrote about without a price (kept as raw text only).
    unpriced_lines: tuple[int, ...]
    #: The RFQ had closed: offers are kept but not ranked.
    late: bool

    @property
    def understood(self) -> bool:
        return bool(self.offers or self.declined_lines)


def new_rfq_id() -> str:
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(8))


class QuoteEngine:
    def __init__(self, database: Database, catalogue: Catalogue) -> None:
        self.database = database
        self.catalogue = catalogue
        self.journal = Journal(database)
        self._runs: dict[str, RfqRun] = {}
        self._closers: dict[str, asyncio.TimerHandle] = {}

    # -- opening ---------------------------------------------------------------------

    async def open_rfq(
        self,
        *,
        buyer: str,
        text: str,
        currency: str,
        window_seconds: float,
        buyer_chat_id: int | None = None,
        items: Sequence[ParsedItem] | None = None,
        source: tuple[int, int] | None = None,
    ) -> QuoteRequest:
        """Match each request of `text` in the catalogue and store the RFQ.

        `items` are the requests when they were read already (a BOM file); otherwise
        `text` is parsed. `source` is the (chat id, message id) that asked: the same
        message never opens two RFQs (AlreadyOpened names the first).
        """
        if source is not None:
            existing = await self._rfq_from(source)
            if existing is not None:
                raise AlreadyOpened(existing)
        items = list(items) if items is not None else parse_items(text)
        if not items:
            raise NothingToQuote(text)
        lines: list[QuoteLine] = []
        for number, item in enumerate(items, start=1):
            candidates = await self.catalogue.match(item.request, limit=CANDIDATES_PER_LINE)
            category = item.request.category or (candidates[0].category if candidates else None)
            # A near part number (IRLML6402 for IRLML6344, AMS1117-3.3 for -3.0) is another
            # part: it hints at the category, but vendors are not told it matches.
            matching = [c.mpn for c in candidates if c.kind is not CandidateKind.FUZZY]
            lines.append(
                QuoteLine(
                    line=number,
                    text=item.text,
                    request=item.request,
                    candidates=tuple(matching),
                    category=category,
                )
            )
        opened_at = utcnow()
        request = QuoteRequest(
            rfq_id=new_rfq_id(),
            reply_by=opened_at + timedelta(seconds=window_seconds),
            currency=currency,
            lines=tuple(lines),
        )
        rfq = Rfq(
            id=request.rfq_id,
            buyer=buyer,
            buyer_chat_id=buyer_chat_id,
            text=text,
            currency=currency,
            opened_at=opened_at,
            closes_at=request.reply_by,
            source_chat_id=source[0] if source else None,
            source_message_id=source[1] if source else None,
            lines=[
                RfqLine(
                    line=line.line,
                    text=line.text,
                    request=line.request.to_dict(),
                    candidates=list(line.candidates),
                    category=line.category,
                )
                for line in lines
            ],
        )
        try:
            async with self.database.session() as session:
                session.add(rfq)
        except IntegrityError:
            existing = await self._rfq_from(source) if source is not None else None
            if existing is None:
                raise
            raise AlreadyOpened(existing) from None
        return request

    async def _rfq_from(self, source: tuple[int, int]) -> str | None:
        async with self.database.session() as session:
            return await session.scalar(
                select(Rfq.id).where(
                    Rfq.source_chat_id == source[0], Rfq.source_message_id == source[1]
                )
            )

    # -- asking ----------------------------------------------------------------------

    async def start(
        self,
        request: QuoteRequest,
        targets: Sequence[VendorTarget],
        *,
        listener: asyncio.Queue[QuoteEvent] | None = None,
    ) -> RfqRun:
        """Ask every target at once; the RFQ closes when all have answered or time is up.

        `listener` receives every event from the first one on.
        """
        if request.rfq_id in self._runs:
            raise ValueError(f"RFQ {request.rfq_id} is already running")
        run = RfqRun(request=request, line_ids=await self._line_ids(request.rfq_id))
        if listener is not None:
            run.attach(listener)
        self._runs[request.rfq_id] = run
        await self.journal.write(
            lambda session: records.create_dispatches(
                session, request.rfq_id, [(t.vendor_id, t.channel) for t in targets]
            )
        )
        for target in targets:
            run.vendors[target.vendor_id] = target.name
            run.pending.add(target.vendor_id)
        self._schedule_close(run)
        for target in targets:
            if target.agent is not None:
                self._spawn(run, target)
        if not run.pending:
            await self.close(request.rfq_id)
        return run

    async def collect(
        self, request: QuoteRequest, targets: Sequence[VendorTarget]
    ) -> AsyncIterator[QuoteEvent]:
        """`start`, then every event until the RFQ closes (RfqClosed comes last)."""
        queue: asyncio.Queue[QuoteEvent] = asyncio.Queue()
        run = await self.start(request, targets, listener=queue)
        async for event in run.events(queue):
            yield event

    async def add_dispatch(self, rfq_id: str, vendor_id: int, name: str, channel: str) -> bool:
        """Ask one more vendor on an open RFQ (one who came to quote it); False if asked."""
        async with self.database.session() as session:
            known = await session.scalar(
                select(Dispatch.id).where(
                    Dispatch.rfq_id == rfq_id, Dispatch.vendor_id == vendor_id
                )
            )
        if known is not None:
            return False
        try:
            await self.journal.write(
                lambda session: records.create_dispatches(session, rfq_id, [(vendor_id, channel)])
            )
        except IntegrityError:
            return False  # the same vendor came twice at once: the other one asked
        run = self._runs.get(rfq_id)
        if run is not None and not run.closed:
            run.vendors[vendor_id] = name
            run.pending.add(vendor_id)
        return True

    async def end_dispatch(
        self, rfq_id: str, vendor_id: int, state: DispatchState, reason: str | None = None
    ) -> None:
        """Give a vendor's dispatch its final state from outside an agent (a human declined,
        a chat was unreachable); the RFQ closes early once nobody is left to answer."""
        run = self._runs.get(rfq_id)
        if run is not None and vendor_id in run.vendors:
            await self._end(run, vendor_id, state, reason)
            return
        await self.journal.write(
            lambda session: records.end_dispatch(
                session, rfq_id=rfq_id, vendor_id=vendor_id, state=state, reason=reason
            )
        )

    def run(self, rfq_id: str) -> RfqRun | None:
        """The open RFQ `rfq_id` as this process runs it, if it does."""
        return self._runs.get(rfq_id)

    def _spawn(self, run: RfqRun, target: VendorTarget) -> None:
        task = asyncio.create_task(self._ask(run, target), name=f"ask:{run.rfq_id}:{target.name}")
        run.tasks.add(task)
        task.add_done_callback(run.tasks.discard)

    async def _ask(self, run: RfqRun, target: VendorTarget) -> None:
        """Run one agent to its end; whatever happens, its dispatch gets one final state."""
        assert target.agent is not None
        stored = 0
        state, reason = DispatchState.ANSWERED, None
        remaining = (run.closes_at - utcnow()).total_seconds()
        try:
            async with asyncio.timeout(max(0.0, remaining)):
                async for offer in target.agent.ask(run.request):
                    if await self._store(run, target.vendor_id, target.name, offer):
                        stored += 1
        except (TimeoutError, AgentTimedOut):
            state, reason = DispatchState.TIMED_OUT, records.TIMED_OUT_REASON
        except AgentError as error:
            state, reason = DispatchState.FAILED, str(error) or type(error).__name__
        except asyncio.CancelledError:
            raise  # shutting down: the dispatch stays pending, and `resume` asks again
        except Exception as error:  # a broken agent must never break the RFQ
            log.exception("rfq=%s vendor=%s agent crashed", run.rfq_id, target.name)
            state, reason = DispatchState.FAILED, f"agent error: {type(error).__name__}: {error}"
        if state is DispatchState.ANSWERED and not stored:
            state = DispatchState.DECLINED
        elif state is not DispatchState.ANSWERED and stored:
            # What arrived before the failure is a real answer; say what cut it short.
            state, reason = DispatchState.ANSWERED, f"answer cut short: {reason}"
        await self._end(run, target.vendor_id, state, reason)

    async def _store(self, run: RfqRun, vendor_id: int, vendor: str, offer: Offer) -> bool:
        line_id = run.line_ids.get(offer.line)
        if line_id is None:
            log.warning(
                "rfq=%s vendor=%s offer for unknown line %s dropped", run.rfq_id, vendor, offer.line
            )
            return False
        late = run.closed
        offer_id = await self.journal.write(
            lambda session: records.store_offer(
                session,
                rfq_id=run.rfq_id,
                rfq_line_id=line_id,
                vendor_id=vendor_id,
                offer=offer,
                late=late,
            )
        )
        run.publish(OfferStored(run.rfq_id, vendor, offer_id, offer, late=late))
        return True

    async def _end(
        self, run: RfqRun, vendor_id: int, state: DispatchState, reason: str | None
    ) -> None:
        ended = await self.journal.write(
            lambda session: records.end_dispatch(
                session, rfq_id=run.rfq_id, vendor_id=vendor_id, state=state, reason=reason
            )
        )
        run.pending.discard(vendor_id)
        if ended:
            log.info(
                "rfq=%s vendor=%s %s%s",
                run.rfq_id,
                run.vendors.get(vendor_id),
                state,
                f": {reason}" if reason else "",
            )
            run.publish(DispatchEnded(run.rfq_id, run.vendors.get(vendor_id, "?"), state, reason))
        if not run.pending and not run.closed:
            await self.close(run.rfq_id)

    # -- closing ---------------------------------------------------------------------

    def _schedule_close(self, run: RfqRun) -> None:
        loop = asyncio.get_running_loop()
        delay = max(0.0, (run.closes_at - utcnow()).total_seconds())
        self._closers[run.rfq_id] = loop.call_later(
            delay, lambda: asyncio.ensure_future(self.close(run.rfq_id))
        )

    async def close(self, rfq_id: str) -> None:
        """Close the RFQ now: vendors still pending have timed out. Idempotent."""
        run = self._runs.get(rfq_id)
        if run is not None and run.closed:
            return
        if run is not None:
            run.closed = True
        closer = self._closers.pop(rfq_id, None)
        if closer is not None:
            closer.cancel()
        answered, asked = await self.journal.write(
            lambda session: records.close_rfq(session, rfq_id)
        )
        if run is None:
            return
        for vendor_id in sorted(run.pending):
            run.publish(
                DispatchEnded(
                    rfq_id,
                    run.vendors[vendor_id],
                    DispatchState.TIMED_OUT,
                    records.TIMED_OUT_REASON,
                )
            )
        run.pending.clear()
        for task in list(run.tasks):
            task.cancel()
        log.info("rfq=%s closed: %d of %d vendors answered", rfq_id, answered, asked)
        run.publish(RfqClosed(rfq_id, answered=answered, asked=asked))
        self._runs.pop(rfq_id, None)

    # -- human vendors ---------------------------------------------------------------

    async def record_vendor_reply(
        self, rfq_id: str, vendor_id: int, text: str, *, replaces_earlier: bool = False
    ) -> ReplyOutcome:
        """Read a human vendor's free-text answer to an RFQ and record what it offers.

        This is the one entry point for vendors who answer in chat. The raw text is kept
        whatever the bot understood of it; an answer after the RFQ closed is kept but
        never ranked. A correction (`replaces_earlier`) withdraws the vendor's earlier
        offers on this RFQ once it is understood.
        """
        async with self.database.session() as session:
            rfq = await session.get(Rfq, rfq_id, options=[selectinload(Rfq.lines)])
            vendor = await session.get(Vendor, vendor_id)
            if rfq is None or vendor is None:
                raise LookupError(f"no RFQ {rfq_id} or vendor {vendor_id}")
            reply_lines = [_reply_line(line) for line in rfq.lines]
            line_ids = {line.line: line.id for line in rfq.lines}
            late = rfq.status != RfqStatus.OPEN or rfq.closes_at <= utcnow()
            session.add(VendorReply(rfq_id=rfq_id, vendor_id=vendor_id, text=text))
            vendor_currency, vendor_name = vendor.currency, vendor.name
        drafts = parse_quote(text, reply_lines)
        offers: list[Offer] = []
        declined: list[int] = []
        unpriced: list[int] = []
        for draft in drafts:
            if draft.declined:
                declined.append(draft.line)
                continue
            offer = _offer_from_draft(draft, vendor_currency, text)
            if offer is None:
                unpriced.append(draft.line)
            else:
                offers.append(offer)
        run = self._runs.get(rfq_id)
        if replaces_earlier and not late and (offers or declined):
            await self.journal.write(
                partial(records.withdraw_offers, rfq_id=rfq_id, vendor_id=vendor_id)
            )
        for offer in offers:
            if run is not None:
                await self._store(run, vendor_id, vendor_name, offer)
            elif offer.line in line_ids:
                await self.journal.write(
                    partial(
                        records.store_offer,
                        rfq_id=rfq_id,
                        rfq_line_id=line_ids[offer.line],
                        vendor_id=vendor_id,
                        offer=offer,
                        late=late,
                    )
                )
        outcome = ReplyOutcome(rfq_id, tuple(offers), tuple(declined), tuple(unpriced), late)
        if outcome.understood and not late:
            state = DispatchState.ANSWERED if offers else DispatchState.DECLINED
            await self.end_dispatch(rfq_id, vendor_id, state)
        return outcome

    # -- restarts --------------------------------------------------------------------

    async def resume(self, targets_for: TargetsFor) -> list[str]:
        """Pick up every open RFQ after a restart; close those whose time has passed.

        `targets_for(request, vendor_ids)` rebuilds the targets of the vendors still
        pending, so agents whose answers were lost are asked again.
        """
        now = utcnow()
        async with self.database.session() as session:
            rfqs = (
                await session.scalars(
                    select(Rfq).where(Rfq.status == RfqStatus.OPEN).options(selectinload(Rfq.lines))
                )
            ).all()
            pending = {
                rfq.id: (
                    await session.scalars(select(Dispatch).where(Dispatch.rfq_id == rfq.id))
                ).all()
                for rfq in rfqs
            }
            requests = [quote_request_of(rfq) for rfq in rfqs]
        resumed: list[str] = []
        for request in requests:
            if request.rfq_id in self._runs:
                continue
            if request.reply_by <= now:
                await self.close(request.rfq_id)
                continue
            dispatches = pending[request.rfq_id]
            run = RfqRun(request=request, line_ids=await self._line_ids(request.rfq_id))
            for dispatch in dispatches:
                run.vendors[dispatch.vendor_id] = dispatch.vendor.name
                if dispatch.state == DispatchState.PENDING:
                    run.pending.add(dispatch.vendor_id)
            self._runs[request.rfq_id] = run
            self._schedule_close(run)
            for target in await targets_for(request, sorted(run.pending)):
                if target.agent is not None and target.vendor_id in run.pending:
                    self._spawn(run, target)
            resumed.append(request.rfq_id)
            log.info("rfq=%s resumed: %d vendors still to answer", request.rfq_id, len(run.pending))
        return resumed

    async def shutdown(self) -> None:
        """Stop asking (open RFQs stay open in the database) and flush the journal."""
        for closer in self._closers.values():
            closer.cancel()
        self._closers.clear()
        tasks = [task for run in self._runs.values() for task in run.tasks]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._runs.clear()
        await self.journal.close()

    async def _line_ids(self, rfq_id: str) -> dict[int, int]:
        async with self.database.session() as session:
            rows = await session.execute(
                select(RfqLine.line, RfqLine.id).where(RfqLine.rfq_id == rfq_id)
            )
            return {line: ident for line, ident in rows.all()}


def _reply_line(line: RfqLine) -> ReplyLine:
    return ReplyLine.from_dict(
        {**line.request, "line": line.line, "text": line.text, "candidates": list(line.candidates)}
    )


def _offer_from_draft(draft: OfferDraft, default_currency: str, text: str) -> Offer | None:
    """An Offer from what a reply said about one line; None when it named no price."""
    breaks = [(int(quantity), float(price)) for quantity, price in draft.price_breaks]
    if not breaks and draft.price is not None:
        breaks = [(1, float(draft.price))]
    if not breaks:
        return None
    try:
        return Offer(
            line=draft.line,
            currency=draft.currency or default_currency,
            price_breaks=tuple(breaks),
            mpn=draft.mpn,
            manufacturer=draft.manufacturer,
            stock=draft.stock,
            moq=draft.moq,
            multiple=draft.multiple,
            lead_time_days=draft.lead_time_days,
            date_code=draft.date_code,
            tax_included=draft.tax_included,
            raw_text=text,
        )
    except InvalidOffer as error:
        log.warning("unusable offer read from a reply: %s", error)
        return None

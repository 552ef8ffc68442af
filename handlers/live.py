"""Running RFQs as their buyers see them.

Each RFQ gets one status message ("Asking 12 vendors… 3 answered · 5 offers") that is
edited as answers are stored, at most once every `EDIT_INTERVAL` seconds and only when
its text changed (Telegram tolerates about one edit a second per chat, and refuses an
edit that changes nothing); when the RFQ closes the status shows the final count and the
ranked offers are posted, split over as many messages as they need.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select

from bot.models import Dispatch, DispatchState, OfferRecord, Rfq, RfqPost
from bot.quotes import QuoteRequest
from bot.rfqs.events import DispatchEnded, OfferStored, QuoteEvent, RfqClosed
from bot.rfqs.results import rank_rfq
from bot.rfqs.run import VendorTarget
from handlers.context import BotContext
from handlers.i18n import Translator
from handlers.render import offer_messages
from handlers.render.buyer import RfqProgress, status_text

log = logging.getLogger(__name__)

#: Seconds between two edits of one status message.
EDIT_INTERVAL = 3.0


@dataclass
class _Watch:
    request: QuoteRequest
    chat_id: int
    translator: Translator
    progress: RfqProgress
    message_id: int | None = None
    shown: str = ""
    edited_at: float = field(default=float("-inf"))


class LiveRfqs:
    """The buyer-facing side of every RFQ this process is running."""

    def __init__(self) -> None:
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._deliveries: set[asyncio.Task[None]] = set()

    @property
    def open_count(self) -> int:
        """RFQs whose buyers this process is still keeping up to date."""
        return sum(1 for task in self._tasks.values() if not task.done())

    async def start(
        self,
        bctx: BotContext,
        request: QuoteRequest,
        *,
        chat_id: int,
        translator: Translator,
        reply_to: int | None = None,
    ) -> None:
        """Ask every vendor for `request` and keep the buyer's chat up to date."""
        targets = await bctx.services.targets_for(request, buyer_chat_id=chat_id)
        watch = _Watch(
            request=request,
            chat_id=chat_id,
            translator=translator,
            progress=RfqProgress(request.rfq_id, asked=len(targets), answered=0, offers=0),
        )
        watch.shown = status_text(translator, watch.progress, request.lines)
        sent = await bctx.messenger.send(chat_id, watch.shown, reply_to=reply_to)
        if sent is not None:
            watch.message_id = sent.message_id
            watch.edited_at = time.monotonic()
            await remember_post(bctx, request.rfq_id, sent.chat_id, sent.message_id, "status")
        queue: asyncio.Queue[QuoteEvent] = asyncio.Queue()
        run = await bctx.services.engine.start(request, targets, listener=queue)
        self._spawn(bctx, watch, run.events(queue))
        humans: list[VendorTarget] = [target for target in targets if target.agent is None]
        # Delivery to people can wait on flood control (20 messages a minute in a group);
        # the buyer's status must not wait with it.
        delivery = asyncio.create_task(_deliver(bctx, request, humans))
        self._deliveries.add(delivery)
        delivery.add_done_callback(self._deliveries.discard)

    async def resume(self, bctx: BotContext, rfq_ids: Sequence[str]) -> None:
        """Keep updating the buyers of RFQs the engine resumed after a restart."""
        from handlers.context import chat_translator

        for rfq_id in rfq_ids:
            run = bctx.services.engine.run(rfq_id)
            if run is None:
                continue
            async with bctx.services.database.session() as session:
                rfq = await session.get(Rfq, rfq_id)
                status = await session.scalar(
                    select(RfqPost).where(RfqPost.rfq_id == rfq_id, RfqPost.kind == "status")
                )
                answered = await session.scalar(
                    select(func.count())
                    .select_from(Dispatch)
                    .where(
                        Dispatch.rfq_id == rfq_id,
                        Dispatch.state.in_((DispatchState.ANSWERED, DispatchState.DECLINED)),
                    )
                )
                offers = await session.scalar(
                    select(func.count())
                    .select_from(OfferRecord)
                    .where(OfferRecord.rfq_id == rfq_id)
                )
            if rfq is None or rfq.buyer_chat_id is None:
                continue
            watch = _Watch(
                request=run.request,
                chat_id=rfq.buyer_chat_id,
                translator=await chat_translator(bctx, rfq.buyer_chat_id),
                progress=RfqProgress(
                    rfq_id, asked=len(run.vendors), answered=answered or 0, offers=offers or 0
                ),
                message_id=status.message_id if status is not None else None,
            )
            queue: asyncio.Queue[QuoteEvent] = asyncio.Queue()
            run.attach(queue)
            self._spawn(bctx, watch, run.events(queue))

    def _spawn(self, bctx: BotContext, watch: _Watch, events: AsyncIterator[QuoteEvent]) -> None:
        rfq_id = watch.request.rfq_id
        task = asyncio.create_task(self._watch(bctx, watch, events))
        self._tasks[rfq_id] = task
        task.add_done_callback(lambda _task: self._tasks.pop(rfq_id, None))

    async def stop(self) -> None:
        tasks = [*self._tasks.values(), *self._deliveries]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _watch(
        self, bctx: BotContext, watch: _Watch, events: AsyncIterator[QuoteEvent]
    ) -> None:
        pending: asyncio.Task[None] | None = None
        try:
            async for event in events:
                if isinstance(event, OfferStored) and not event.late:
                    watch.progress = replace(watch.progress, offers=watch.progress.offers + 1)
                elif isinstance(event, DispatchEnded) and event.state in ("answered", "declined"):
                    watch.progress = replace(watch.progress, answered=watch.progress.answered + 1)
                elif isinstance(event, RfqClosed):
                    if pending is not None:
                        pending.cancel()
                    # Vendors who said they can't supply answered too, as the offers'
                    # header counts them; the engine's close counts only those with offers.
                    answered = max(watch.progress.answered, event.answered)
                    watch.progress = replace(
                        watch.progress, closed=True, answered=answered, asked=event.asked
                    )
                    await post_results(bctx, watch.request.rfq_id, watch.chat_id, watch.translator)
                    await _show_soon(bctx, watch)
                    return
                if pending is None or pending.done():
                    pending = asyncio.create_task(_show_soon(bctx, watch))
        except Exception:
            log.exception("rfq=%s live updates failed", watch.request.rfq_id)


async def _deliver(bctx: BotContext, request: QuoteRequest, humans: list[VendorTarget]) -> None:
    """The RFQ to human vendors' DMs and to every vendor group."""
    from handlers.vendor_chats import send_rfq
    from handlers.vendor_groups import post_rfq

    try:
        if humans:
            await send_rfq(bctx, request, humans)
        await post_rfq(bctx, request)
    except Exception:
        log.exception("rfq=%s delivery to vendors failed", request.rfq_id)


async def post_results(
    bctx: BotContext, rfq_id: str, chat_id: int, translator: Translator, order: str = "cheapest"
) -> None:
    """The ranked offers of an RFQ, posted to the buyer's chat."""
    result = await rank_rfq(bctx.services.database, rfq_id, bctx.services.ranking, order)
    for message in offer_messages(translator, result, order=order):
        sent = await bctx.messenger.send(chat_id, message.text, keyboard=message.keyboard)
        if sent is not None:
            await remember_post(bctx, rfq_id, sent.chat_id, sent.message_id, "offers")


async def _show_soon(bctx: BotContext, watch: _Watch) -> None:
    """Edit the status once the edit interval allows, with whatever it says by then."""
    delay = watch.edited_at + EDIT_INTERVAL - time.monotonic()
    if delay > 0:
        await asyncio.sleep(delay)
    await _show(bctx, watch)


async def _show(bctx: BotContext, watch: _Watch) -> None:
    text = status_text(watch.translator, watch.progress, watch.request.lines)
    if watch.message_id is None or text == watch.shown:
        return
    watch.shown = text
    watch.edited_at = time.monotonic()
    await bctx.messenger.edit(watch.chat_id, watch.message_id, text)


async def remember_post(
    bctx: BotContext,
    rfq_id: str,
    chat_id: int,
    message_id: int,
    kind: str,
    vendor_id: int | None = None,
) -> None:
    async with bctx.services.database.session() as session:
        session.add(
            RfqPost(
                rfq_id=rfq_id,
                chat_id=chat_id,
                message_id=message_id,
                kind=kind,
                vendor_id=vendor_id,
            )
        )

"""The RFQ engine's writes, each a function of a session so the journal can batch them."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Dispatch, DispatchState, OfferRecord, Rfq, RfqStatus, Vendor
from bot.quotes import Offer
from catalogue.models import utcnow

#: Why a dispatch timed out, whichever timer noticed first (the agent's, the collector's
#: or the RFQ's closing): the buyer sees one wording.
TIMED_OUT_REASON = "no answer before the RFQ closed"


async def create_dispatches(
    session: AsyncSession, rfq_id: str, vendors: Sequence[tuple[int, str]]
) -> dict[int, int]:
    """A pending dispatch per (vendor id, channel); returns vendor id -> dispatch id."""
    now = utcnow()
    rows = [
        Dispatch(rfq_id=rfq_id, vendor_id=vendor_id, channel=channel, sent_at=now)
        for vendor_id, channel in vendors
    ]
    session.add_all(rows)
    await session.flush()
    if vendors:
        await session.execute(
            update(Vendor)
            .where(Vendor.id.in_([vendor_id for vendor_id, _ in vendors]))
            .values(asked_count=Vendor.asked_count + 1)
        )
    return {row.vendor_id: row.id for row in rows}


async def store_offer(
    session: AsyncSession,
    *,
    rfq_id: str,
    rfq_line_id: int,
    vendor_id: int,
    offer: Offer,
    late: bool,
) -> int:
    record = OfferRecord(
        rfq_id=rfq_id,
        rfq_line_id=rfq_line_id,
        vendor_id=vendor_id,
        mpn=offer.mpn,
        manufacturer=offer.manufacturer,
        price_breaks=[[quantity, price] for quantity, price in offer.price_breaks],
        currency=offer.currency,
        stock=offer.stock,
        moq=offer.moq,
        multiple=offer.multiple,
        lead_time_days=offer.lead_time_days,
        date_code=offer.date_code,
        tax_included=offer.tax_included,
        valid_until=offer.valid_until,
        raw_text=offer.raw_text,
        late=late,
        extra=dict(offer.extra),
    )
    session.add(record)
    await session.flush()
    return record.id


async def withdraw_offers(session: AsyncSession, *, rfq_id: str, vendor_id: int) -> int:
    """Remove a vendor's offers on an RFQ (it sent a correction); returns how many."""
    result = await session.execute(
        delete(OfferRecord).where(
            OfferRecord.rfq_id == rfq_id,
            OfferRecord.vendor_id == vendor_id,
            OfferRecord.late.is_(False),
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def end_dispatch(
    session: AsyncSession,
    *,
    rfq_id: str,
    vendor_id: int,
    state: DispatchState,
    reason: str | None,
) -> bool:
    """Give a pending dispatch its final state; False when it already had one.

    The state changes only from pending, in one conditional UPDATE, so a dispatch ends
    exactly once even when a timeout and an answer race.
    """
    now = utcnow()
    result = await session.execute(
        update(Dispatch)
        .where(
            Dispatch.rfq_id == rfq_id,
            Dispatch.vendor_id == vendor_id,
            Dispatch.state == DispatchState.PENDING,
        )
        .values(state=state, reason=reason, finished_at=now)
        .returning(Dispatch.sent_at)
    )
    sent_at = result.scalar_one_or_none()
    if sent_at is None:
        return False
    if state in (DispatchState.ANSWERED, DispatchState.DECLINED):
        seconds = max(0.0, (now - sent_at).total_seconds())
        await session.execute(
            update(Vendor)
            .where(Vendor.id == vendor_id)
            .values(
                answered_count=Vendor.answered_count + 1,
                answer_seconds_total=Vendor.answer_seconds_total + seconds,
            )
        )
    return True


async def close_rfq(session: AsyncSession, rfq_id: str) -> tuple[int, int]:
    """Close an RFQ: whoever has not answered has timed out. Returns (answered, asked)."""
    await session.execute(
        update(Dispatch)
        .where(Dispatch.rfq_id == rfq_id, Dispatch.state == DispatchState.PENDING)
        .values(
            state=DispatchState.TIMED_OUT,
            reason=TIMED_OUT_REASON,
            finished_at=utcnow(),
        )
    )
    await session.execute(
        update(Rfq)
        .where(Rfq.id == rfq_id, Rfq.status == RfqStatus.OPEN)
        .values(status=RfqStatus.CLOSED, closed_at=utcnow())
    )
    states = (await session.scalars(select(Dispatch.state).where(Dispatch.rfq_id == rfq_id))).all()
    answered = sum(state == DispatchState.ANSWERED for state in states)
    return answered, len(states)

"""An RFQ's answer for the buyer: every line's offers ranked, and who did not answer."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from bot.database import Database
from bot.models import Dispatch, DispatchState, OfferRecord, Rfq
from bot.quotes import Offer, QuoteLine
from bot.ranking import (
    Exclusion,
    OfferToRank,
    RankedOffer,
    RankingConfig,
    RankOrder,
    VendorRecord,
    VendorTerms,
    excluded_offers,
    rank_line,
)
from bot.rfqs.lines import quote_line_of
from catalogue.models import utcnow

_UNANSWERED = (DispatchState.FAILED, DispatchState.TIMED_OUT)


@dataclass(frozen=True, slots=True)
class LineResult:
    line: QuoteLine
    offers: tuple[RankedOffer, ...]
    #: Offers left out (expired, no exchange rate), with the reason.
    excluded: tuple[Exclusion, ...]

    def to_json(self, failed_vendors: list[str]) -> dict[str, Any]:
        return {
            "line": self.line.line,
            "text": self.line.text,
            "request": self.line.request.to_dict(),
            "offers": [offer.to_json() for offer in self.offers],
            "failed_vendors": failed_vendors,
        }


@dataclass(frozen=True, slots=True)
class RfqResult:
    rfq_id: str
    currency: str
    status: str
    lines: tuple[LineResult, ...]
    #: Vendors that failed or did not answer in time, with the reason.
    failed: tuple[tuple[str, str], ...]
    asked: int
    #: Vendors whose answer was cut short (some lines may lack their offers), with why.
    incomplete: tuple[tuple[str, str], ...] = ()

    @property
    def failed_vendors(self) -> list[str]:
        return [name for name, _reason in self.failed]

    def to_json(self) -> dict[str, Any]:
        failed = self.failed_vendors
        return {
            "rfq": self.rfq_id,
            "currency": self.currency,
            "lines": [line.to_json(failed) for line in self.lines],
        }


async def rank_rfq(
    database: Database,
    rfq_id: str,
    config: RankingConfig,
    order: RankOrder | str = RankOrder.CHEAPEST,
) -> RfqResult:
    """Rank every line of a stored RFQ from its stored offers (late ones are never ranked)."""
    async with database.session() as session:
        rfq = await session.get(Rfq, rfq_id, options=[selectinload(Rfq.lines)])
        if rfq is None:
            raise LookupError(f"no RFQ {rfq_id}")
        offers = (
            await session.scalars(
                select(OfferRecord)
                .where(OfferRecord.rfq_id == rfq_id, OfferRecord.late.is_(False))
                .order_by(OfferRecord.id)
            )
        ).all()
        dispatches = (
            await session.scalars(
                select(Dispatch).where(Dispatch.rfq_id == rfq_id).order_by(Dispatch.id)
            )
        ).all()
        by_line: dict[int, list[OfferToRank]] = defaultdict(list)
        for record in offers:
            by_line[record.rfq_line_id].append(_to_rank(record))
        lines = [(row.id, quote_line_of(row)) for row in rfq.lines]
        failed = tuple(
            (dispatch.vendor.name, dispatch.reason or str(dispatch.state))
            for dispatch in dispatches
            if dispatch.state in _UNANSWERED
        )
        incomplete = tuple(
            (dispatch.vendor.name, dispatch.reason)
            for dispatch in dispatches
            if dispatch.state == DispatchState.ANSWERED and dispatch.reason
        )
        currency, status, asked = rfq.currency, rfq.status, len(dispatches)
    now = utcnow()
    results = []
    for line_id, line in lines:
        candidates = by_line.get(line_id, [])
        ranked = rank_line(
            line,
            candidates,
            currency=currency,
            fx=config.fx,
            order=order,
            vat_rate=config.vat_rate,
            now=now,
        )
        results.append(
            LineResult(
                line, tuple(ranked), tuple(excluded_offers(candidates, fx=config.fx, now=now))
            )
        )
    return RfqResult(rfq_id, currency, status, tuple(results), failed, asked, incomplete)


def _to_rank(record: OfferRecord) -> OfferToRank:
    offer = Offer(
        line=record.rfq_line.line,
        currency=record.currency,
        price_breaks=tuple(
            (int(quantity), float(price)) for quantity, price in record.price_breaks
        ),
        mpn=record.mpn,
        manufacturer=record.manufacturer,
        stock=record.stock,
        moq=record.moq,
        multiple=record.multiple,
        lead_time_days=record.lead_time_days,
        date_code=record.date_code,
        valid_until=record.valid_until,
        tax_included=record.tax_included,
        raw_text=record.raw_text,
        extra=dict(record.extra or {}),
    )
    return OfferToRank(
        offer=offer,
        vendor=VendorTerms.from_vendor(record.vendor),
        record=VendorRecord.from_vendor(record.vendor),
        offer_id=record.id,
    )

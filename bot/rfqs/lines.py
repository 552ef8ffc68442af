"""Stored RFQ lines back into the `QuoteLine`s that agents and ranking work with."""

from __future__ import annotations

from bot.models import Rfq, RfqLine
from bot.quotes import QuoteLine, QuoteRequest
from catalogue.request import PartRequest


def quote_line_of(row: RfqLine) -> QuoteLine:
    return QuoteLine(
        line=row.line,
        text=row.text,
        request=PartRequest.from_dict(row.request),
        candidates=tuple(row.candidates),
        category=row.category,
    )


def quote_request_of(rfq: Rfq) -> QuoteRequest:
    """What vendors were asked for a stored RFQ (its lines must be loaded)."""
    return QuoteRequest(
        rfq_id=rfq.id,
        reply_by=rfq.closes_at,
        currency=rfq.currency,
        lines=tuple(quote_line_of(row) for row in rfq.lines),
    )

"""An RFQ's ranked offers as a CSV file a buyer opens in Excel or imports anywhere.

UTF-8 with a byte order mark, so Excel shows Chinese vendor names and requests as
written. One row per ranked offer, lines in order, offers in rank order; a line with no
offer gets one row with its offer columns empty, so the file shows every line asked for.
Numbers are plain (no thousands separators or currency symbols): unit prices to six
significant digits, totals to the currency's minor unit. Text that a spreadsheet would
run as a formula (starting with = + - @) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from bot.ranking import RankedOffer, round_money, round_unit_price
from bot.ranking.display import minor_digits
from bot.rfqs.results import LineResult, RfqResult

COLUMNS = (
    "line",
    "request",
    "rank",
    "vendor",
    "mpn",
    "manufacturer",
    "order_quantity",
    "unit_price",
    "currency",
    "total",
    "original_unit_price",
    "original_currency",
    "stock",
    "lead_time_days",
    "alternative",
    "why",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_filename(rfq_id: str) -> str:
    return f"rfq-{rfq_id}.csv"


def rfq_csv(result: RfqResult) -> bytes:
    """The CSV document, as bytes ready to send (UTF-8 with BOM, CRLF rows)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for line in result.lines:
        if not line.offers:
            writer.writerow(_line_cells(line) + [""] * (len(COLUMNS) - 2))
        for offer in line.offers:
            writer.writerow(_line_cells(line) + _offer_cells(offer))
    return out.getvalue().encode("utf-8-sig")


def _line_cells(line: LineResult) -> list[str]:
    return [str(line.line.line), _text(line.line.text)]


def _offer_cells(offer: RankedOffer) -> list[str]:
    return [
        str(offer.rank),
        _text(offer.vendor),
        _text(offer.mpn),
        _text(offer.manufacturer),
        str(offer.order_quantity),
        _number(round_unit_price(offer.unit_price)),
        offer.currency,
        _money(offer.total, offer.currency),
        _number(round_unit_price(offer.original_unit_price)),
        offer.original_currency,
        "" if offer.stock is None else str(offer.stock),
        "" if offer.lead_time_days is None else str(offer.lead_time_days),
        "yes" if offer.alternative else "no",
        _text(offer.why),
    ]


def _text(value: str | None) -> str:
    if not value:
        return ""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _number(value: float) -> str:
    """A plain decimal, never "1e-05"."""
    text = format(Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _money(amount: float, currency: str) -> str:
    return f"{Decimal(repr(round_money(amount, currency))):.{minor_digits(currency)}f}"

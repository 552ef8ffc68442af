"""The CSV export of an RFQ's ranked offers, as a buyer opens it in Excel."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from bot.fx import FxRates
from bot.quotes import Offer, QuoteLine
from bot.ranking import OfferToRank, VendorTerms, rank_line
from bot.rfqs.results import LineResult, RfqResult
from catalogue.request import PartRequest
from handlers.csv_export import COLUMNS, csv_filename, rfq_csv

FX = FxRates.parse("USD", "CNY=0.14,EUR=1.08")
NOW = datetime(2025, 3, 1, tzinfo=UTC)
RESISTOR = QuoteLine(
    line=1,
    text="500 pcs 0603 10k 1%",
    request=PartRequest(
        quantity=500, category="resistor", value=10000.0, package="0603", tolerance=0.01
    ),
    candidates=("RC0603FR-0710KL",),
)
OPAMP = QuoteLine(
    line=2, text="LM358DR 100个", request=PartRequest(quantity=100, mpn="LM358DR"), category="ic"
)


def _line(line: QuoteLine, *offers: tuple[str, str, Offer]) -> LineResult:
    items = [
        OfferToRank(offer, VendorTerms(vendor, currency=currency), offer_id=number)
        for number, (vendor, currency, offer) in enumerate(offers, start=line.line * 100)
    ]
    return LineResult(line, tuple(rank_line(line, items, currency="USD", fx=FX, now=NOW)), ())


def _result(*lines: LineResult) -> RfqResult:
    return RfqResult("7KQ2M9XA", "USD", "closed", lines, (), 3)


def _rows(document: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(document.decode("utf-8-sig"))))


HUAQIANG = (
    "华强北电子",
    "CNY",
    Offer(
        1,
        "CNY",
        ((1, 0.015),),
        mpn="RC0603FR-0710KL",
        manufacturer="YAGEO",
        stock=50000,
        lead_time_days=0,
    ),
)
DIGI = (
    "Digi",
    "USD",
    Offer(
        1, "USD", ((100, 0.003),), mpn="ERJ-3EKF1002V", manufacturer="Panasonic", lead_time_days=21
    ),
)


def test_the_file_starts_with_a_byte_order_mark_so_excel_reads_utf8() -> None:
    assert rfq_csv(_result(_line(RESISTOR, HUAQIANG))).startswith(b"\xef\xbb\xbf")


def test_each_ranked_offer_is_a_row_with_prices_in_the_buyers_and_the_quoted_currency() -> None:
    document = rfq_csv(_result(_line(RESISTOR, HUAQIANG, DIGI)))
    assert document.decode("utf-8-sig") == (
        "line,request,rank,vendor,mpn,manufacturer,order_quantity,unit_price,currency,total,"
        "original_unit_price,original_currency,stock,lead_time_days,alternative,why\r\n"
        "1,500 pcs 0603 10k 1%,1,华强北电子,RC0603FR-0710KL,YAGEO,500,0.0021,USD,1.05,0.015,CNY,"
        "50000,0,no,cheapest total at 500 pcs · in stock\r\n"
        "1,500 pcs 0603 10k 1%,2,Digi,ERJ-3EKF1002V,Panasonic,500,0.003,USD,1.50,0.003,USD,,21,"
        "yes,2nd: $0.45 more than #1 · alternative part ERJ-3EKF1002V (not a catalogue match) · "
        "ships in 3 weeks\r\n"
    )


def test_the_header_names_every_column() -> None:
    assert _rows(rfq_csv(_result(_line(RESISTOR, HUAQIANG))))[0] == list(COLUMNS)


def test_a_line_without_offers_still_has_a_row() -> None:
    rows = _rows(rfq_csv(_result(_line(RESISTOR, HUAQIANG), _line(OPAMP))))
    assert rows[2] == ["2", "LM358DR 100个"] + [""] * (len(COLUMNS) - 2)


def test_text_a_spreadsheet_would_run_as_a_formula_is_kept_as_text() -> None:
    evil = ('=HYPERLINK("http://x")', "USD", Offer(1, "USD", ((1, 0.01),), mpn="-5V-REG"))
    [_header, row] = _rows(rfq_csv(_result(_line(RESISTOR, evil))))
    assert (row[3], row[4]) == ('\'=HYPERLINK("http://x")', "'-5V-REG")


def test_markup_in_a_vendor_name_is_written_as_is() -> None:
    vendor = ("<b>Evil & Co</b>", "USD", Offer(1, "USD", ((1, 0.01),)))
    [_header, row] = _rows(rfq_csv(_result(_line(RESISTOR, vendor))))
    assert row[3] == "<b>Evil & Co</b>"


def test_tiny_unit_prices_are_written_as_plain_decimals() -> None:
    cheap = ("Bulk", "USD", Offer(1, "USD", ((1, 0.00001),), stock=10**6))
    [_header, row] = _rows(rfq_csv(_result(_line(RESISTOR, cheap))))
    assert (row[7], row[9]) == ("0.00001", "0.01")


def test_the_file_is_named_for_its_rfq() -> None:
    assert csv_filename("7KQ2M9XA") == "rfq-7KQ2M9XA.csv"

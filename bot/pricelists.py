"""Stock-list vendors' price lists: the CSV format, and its import into `vendor_prices`.

A price list is a CSV file, UTF-8 (with or without a byte-order mark), separated by
commas, semicolons or tabs (whichever the header line uses), with a header row. Column
names are case-insensitive; spaces, "_" and "-" in them are alike ("Part Number",
"part_number").

Columns (every row needs a part number and at least one price):

  mpn             the part number; also "part number" or "part no"
  manufacturer    the maker, any common spelling ("Yageo", "国巨"); also "brand"
  stock           pieces on hand, a whole number (blank: unknown)
  moq             minimum order quantity (blank: the first price break's quantity)
  multiple        order multiple (blank: 1)
  currency        optional: ISO 4217 code such as USD or CNY (default: the vendor's)
  lead_time_days  optional: days to ship (blank with stock > 0: ships at once)
  date_code       optional: e.g. 24+
  prices          either one column "price_breaks" holding quantity:unit price pairs,
                  "1:0.12,100:0.095,1000:0.08" (pairs separated by ",", ";" or spaces;
                  quote the cell when the file is comma-separated), or one column per
                  break named "price@1", "price@100", "price@1000" or "1+", "100+",
                  "1000+", a blank cell meaning no price at that quantity.

Whole numbers may group thousands with "," "_" or a space ("120,000"). Prices use a
decimal point; a lone decimal comma is read as one ("0,095"). Breaks may be listed in
any order. Other columns are ignored.

Example (comma-separated):

  mpn,manufacturer,stock,moq,multiple,currency,price_breaks
  RC0603FR-0710KL,Yageo,120000,100,100,USD,"100:0.0031,1000:0.0019"

Importing is idempotent: a part is identified by its normalised part number and its
canonical manufacturer, and importing it again replaces that vendor's row for it (a row
repeated in one file: the last one wins). Parts of the vendor not in the file are left
as they are. Rows with problems are reported with their line numbers and skipped; the
other rows are imported.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import UserError
from bot.models import Vendor, VendorPrice
from catalogue.manufacturers import canonical_manufacturer
from catalogue.models import utcnow
from catalogue.partnumbers import clean_mpn, normalise_mpn
from catalogue.store import dialect_insert

__all__ = [
    "PriceListError",
    "PriceListReport",
    "PriceRow",
    "RowProblem",
    "import_price_list",
    "read_price_list",
]

_COLUMNS = {
    "mpn": "mpn",
    "part number": "mpn",
    "part no": "mpn",
    "manufacturer": "manufacturer",
    "brand": "manufacturer",
    "stock": "stock",
    "moq": "moq",
    "multiple": "multiple",
    "currency": "currency",
    "lead time days": "lead_time_days",
    "date code": "date_code",
    "price breaks": "price_breaks",
}
_REQUIRED = ("mpn", "manufacturer", "stock", "moq", "multiple")
_DELIMITERS = (",", ";", "\t")

_HEADER_SPACING = re.compile(r"[\s_\-]+")
_BREAK_COLUMN = re.compile(r"price ?@ ?(\d+)|(\d+) ?\+")
_WHOLE = re.compile(r"\d+|\d{1,3}(?:[, _]\d{3})+")
_PRICE = re.compile(r"\d+(?:\.\d*)?|\.\d+")
_PAIR = re.compile(r"(\d+):(\S+)")
_PAIR_SEPARATORS = re.compile(r"[,;\s]+")
_CURRENCY = re.compile(r"[A-Z]{3}")

# Column sizes of vendor_prices.
_MAX_TEXT = 120
_MAX_DATE_CODE = 20
_MAX_INT32 = 2**31 - 1


class PriceListError(UserError):
    """The file as a whole cannot be read as a price list (encoding, header)."""


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row that was not imported, and why."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass(frozen=True, slots=True)
class PriceRow:
    """One good row of a price list, in the form it is stored."""

    line: int
    mpn: str
    manufacturer: str
    stock: int | None
    moq: int | None
    multiple: int | None
    currency: str
    price_breaks: tuple[tuple[int, float], ...]
    lead_time_days: int | None = None
    date_code: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return normalise_mpn(self.mpn), self.manufacturer


@dataclass(slots=True)
class PriceListReport:
    #: Data rows in the file (blank lines not counted).
    rows: int = 0
    #: Distinct parts written (a part repeated in the file counts once).
    imported: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    def summary(self) -> str:
        text = f"imported {self.imported} parts from {self.rows} rows"
        if self.problems:
            text += f"; {len(self.problems)} rows skipped"
        return text


class _RowError(ValueError):
    pass


def _header_key(name: str) -> str:
    return _HEADER_SPACING.sub(" ", name.strip().lower()).strip()


@dataclass(slots=True)
class _Layout:
    """Which column holds what: named fields, and the quantity of each price column."""

    columns: dict[str, int]
    breaks: dict[int, int]
    width: int


def _layout(header: list[str]) -> _Layout:
    columns: dict[str, int] = {}
    breaks: dict[int, int] = {}
    for index, name in enumerate(header):
        key = _header_key(name)
        known = _COLUMNS.get(key)
        found = _BREAK_COLUMN.fullmatch(key)
        if known is not None:
            if known in columns:
                raise PriceListError(f"the header names {known} twice")
            columns[known] = index
        elif found is not None:
            quantity = int(found.group(1) or found.group(2))
            if quantity < 1 or quantity in breaks:
                raise PriceListError(f"price column {name.strip()!r} is repeated or below 1")
            breaks[quantity] = index
    missing = [name for name in _REQUIRED if name not in columns]
    has_text_breaks = "price_breaks" in columns
    if not has_text_breaks and not breaks:
        missing.append("price_breaks (or price@N columns)")
    if missing:
        raise PriceListError(
            f"missing columns: {', '.join(missing)} (the header is: {', '.join(header)})"
        )
    if has_text_breaks and breaks:
        raise PriceListError("use either a price_breaks column or price@N columns, not both")
    return _Layout(columns, breaks, len(header))


def _whole(text: str, name: str, minimum: int) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not _WHOLE.fullmatch(text) or not minimum <= int(re.sub(r"\D", "", text)) <= _MAX_INT32:
        raise _RowError(f"{name} must be a whole number >= {minimum}, got {text!r}")
    return int(re.sub(r"\D", "", text))


def _price(text: str, label: str = "price") -> float:
    number = text.strip()
    if "," in number and "." not in number and number.count(",") == 1:
        number = number.replace(",", ".")
    if not _PRICE.fullmatch(number) or not math.isfinite(float(number)):
        raise _RowError(f"{label} {text.strip()!r} is not a number")
    return float(number)


def _text_breaks(text: str) -> list[tuple[int, float]]:
    compact = re.sub(r"\s*:\s*", ":", text.strip())
    breaks: list[tuple[int, float]] = []
    for token in _PAIR_SEPARATORS.split(compact):
        if not token:
            continue
        pair = _PAIR.fullmatch(token)
        if pair is None:
            raise _RowError(f"price break {token!r} is not quantity:price")
        breaks.append((int(pair.group(1)), _price(pair.group(2))))
    return breaks


def _breaks(cells: list[str], layout: _Layout) -> tuple[tuple[int, float], ...]:
    if "price_breaks" in layout.columns:
        breaks = _text_breaks(cells[layout.columns["price_breaks"]])
    else:
        breaks = [
            (quantity, _price(cells[index], f"price@{quantity}"))
            for quantity, index in layout.breaks.items()
            if cells[index].strip()
        ]
    if not breaks:
        raise _RowError("no price")
    quantities = [quantity for quantity, _price in breaks]
    if min(quantities) < 1 or len(set(quantities)) != len(quantities):
        raise _RowError("price break quantities must be distinct and at least 1")
    return tuple(sorted(breaks))


def _row(cells: list[str], line: int, layout: _Layout, default_currency: str) -> PriceRow:
    if len(cells) > layout.width:
        raise _RowError(
            f"{len(cells)} fields where the header has {layout.width}"
            " (quote cells that contain the separator)"
        )
    cells = cells + [""] * (layout.width - len(cells))

    def cell(name: str) -> str:
        index = layout.columns.get(name)
        return cells[index].strip() if index is not None else ""

    reasons: list[str] = []

    def attempt(read: Any, *args: Any) -> Any:
        try:
            return read(*args)
        except _RowError as error:
            reasons.append(str(error))
            return None

    mpn = clean_mpn(cell("mpn"))
    if not mpn:
        reasons.append("no part number")
    elif len(mpn) > _MAX_TEXT:
        reasons.append(f"part number longer than {_MAX_TEXT} characters")
    manufacturer = canonical_manufacturer(cell("manufacturer")) if cell("manufacturer") else ""
    if len(manufacturer) > _MAX_TEXT:
        reasons.append(f"manufacturer longer than {_MAX_TEXT} characters")
    currency = cell("currency").upper() or default_currency
    if not _CURRENCY.fullmatch(currency):
        reasons.append(f"currency must be a three-letter ISO 4217 code, got {currency!r}")
    date_code = cell("date_code") or None
    if date_code is not None and len(date_code) > _MAX_DATE_CODE:
        reasons.append(f"date code longer than {_MAX_DATE_CODE} characters")
    stock = attempt(_whole, cell("stock"), "stock", 0)
    moq = attempt(_whole, cell("moq"), "moq", 1)
    multiple = attempt(_whole, cell("multiple"), "multiple", 1)
    lead_time = attempt(_whole, cell("lead_time_days"), "lead_time_days", 0)
    breaks = attempt(_breaks, cells, layout)
    if reasons:
        raise _RowError("; ".join(reasons))
    return PriceRow(
        line=line,
        mpn=mpn,
        manufacturer=manufacturer,
        stock=stock,
        moq=moq,
        multiple=multiple,
        currency=currency,
        price_breaks=breaks,
        lead_time_days=lead_time,
        date_code=date_code,
    )


def _delimiter(header_line: str) -> str:
    return max(_DELIMITERS, key=header_line.count)


def read_price_list(text: str, default_currency: str) -> tuple[list[PriceRow], list[RowProblem]]:
    """The good rows of a price list's text and the problems of the others.

    Raises PriceListError when the header is unusable, since no row can then be read.
    """
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), None)
    if first is None:
        raise PriceListError("the file is empty")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first))
    layout: _Layout | None = None
    rows: list[PriceRow] = []
    problems: list[RowProblem] = []
    end = 0
    try:
        for cells in reader:
            line, end = end + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if layout is None:
                layout = _layout(cells)
                continue
            try:
                rows.append(_row(cells, line, layout, default_currency))
            except _RowError as error:
                problems.append(RowProblem(line, str(error)))
    except csv.Error as error:
        raise PriceListError(f"line {reader.line_num}: {error}") from error
    return rows, problems


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise PriceListError(f"{path}: line {line} is not UTF-8; save the file as UTF-8") from error


async def import_price_list(
    session: AsyncSession, vendor: Vendor, path: str | Path
) -> PriceListReport:
    """Upsert the good rows of the price list at `path` as `vendor`'s stock list.

    Runs in the caller's session and transaction (the caller commits). Raises
    PriceListError when the file is not a readable price list, OSError when it cannot
    be read at all.
    """
    path = Path(path)
    await session.flush()  # a vendor added in this session gets its id
    rows, problems = read_price_list(_decode(path.read_bytes(), path), vendor.currency)
    report = PriceListReport(rows=len(rows) + len(problems), problems=problems)
    latest = {row.key: row for row in rows}
    if not latest:
        return report
    now = utcnow()
    values = [
        {
            "vendor_id": vendor.id,
            "mpn": row.mpn,
            "mpn_normalised": row.key[0],
            "manufacturer": row.manufacturer,
            "stock": row.stock,
            "price_breaks": [[quantity, price] for quantity, price in row.price_breaks],
            "currency": row.currency,
            "moq": row.moq,
            "multiple": row.multiple,
            "lead_time_days": row.lead_time_days,
            "date_code": row.date_code,
            "updated_at": now,
        }
        for row in latest.values()
    ]
    insert = dialect_insert(session)(VendorPrice)
    keys = ("vendor_id", "mpn_normalised", "manufacturer")
    statement = insert.on_conflict_do_update(
        index_elements=list(keys),
        set_={column: insert.excluded[column] for column in values[0] if column not in keys},
    )
    await session.execute(statement, values)
    report.imported = len(latest)
    return report
